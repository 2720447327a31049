/**
 * The statistical entity recogniser: persons (PER), organisations (ORG), places (LOC: countries,
 * cities, regions, facilities) and nationality/religious/political groups (NORP) in the words of
 * a sentence. A linear-chain averaged perceptron over BILOU tags, trained by
 * `deno task train:ner` on openly licensed annotated text (data/models/ner/ATTRIBUTION.md) and
 * decoded with Viterbi. Words are the extraction tokens of `../words.ts`.
 * @module
 */

import { type SentenceCase } from "./_features.ts";
import {
  B,
  decodeModel,
  decodeSentence,
  I,
  L,
  N_TAGS,
  NER_TYPES,
  type NerModel,
  NerModelError,
  type NerType,
  partOfTag,
  Scratch,
  typeOfTag,
} from "./model.ts";

export { NER_TYPES, type NerModel, NerModelError, type NerType, type SentenceCase };

/** One recognised name over words[first..last] (inclusive word indexes). */
export interface NerSpan {
  first: number;
  last: number;
  type: NerType;
  /**
   * 0..1: the name's score margin over leaving it untagged, through a logistic function fitted
   * on held-out text (so about that share of names at this confidence were right there).
   */
  confidence: number;
}

/** Where the shipped model lives. */
export const DEFAULT_NER_MODEL = new URL("../../../data/models/ner/ner.bin.gz", import.meta.url);

let shipped: NerModel | undefined;

/**
 * Loads the shipped model (read once, then shared) or the one at `path`. Throws
 * {@link NerModelError} with a one-line message when the file is missing or corrupt.
 */
export function loadNerModel(path?: string | URL): NerModel {
  if (path === undefined && shipped) return shipped;
  const where = path ?? DEFAULT_NER_MODEL;
  const file = where instanceof URL
    ? (where.protocol === "file:" ? where.pathname : where.href)
    : where;
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(where);
  } catch (e) {
    const why = e instanceof Deno.errors.NotFound
      ? "model file not found"
      : e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied
      ? "no permission to read the model file"
      : `cannot read the model file (${(e as Error).message.split("\n")[0]})`;
    throw new NerModelError(`${file}: ${why}`);
  }
  const model = decodeModel(bytes, file);
  if (path === undefined) shipped = model;
  return model;
}

const scratch = new Scratch();

/** A recognised name with the raw margin its confidence comes from. */
export interface ScoredSpan {
  first: number;
  last: number;
  type: number;
  /** Score of the best tags minus the score of the same tags with this name made O. */
  margin: number;
}

/** Spans of a decoded tag sequence, with margins from the scores in `scratch`. */
function spansOf(
  model: NerModel,
  words: readonly string[],
  tags: Uint8Array,
  n: number,
): ScoredSpan[] {
  const spans: ScoredSpan[] = [];
  const { scores } = scratch;
  const { transitions, startWeights, endWeights } = model;
  for (let i = 0; i < n; i++) {
    const tag = tags[i];
    if (tag === 0) continue;
    const first = i;
    const type = typeOfTag(tag);
    // Decoding obeys BILOU, so a span runs from B to L (or is one U); stop early defensively.
    if (partOfTag(tag) === B) {
      while (i + 1 < n) {
        const p = partOfTag(tags[i + 1]);
        if ((p !== I && p !== L) || typeOfTag(tags[i + 1]) !== type) break;
        i++;
        if (p === L) break;
      }
    }
    // The best path against the same path with this name's words tagged O (also a legal path:
    // a name is preceded by O, L or U and followed by O, B or U).
    let margin = 0;
    for (let k = first; k <= i; k++) margin += scores[k * N_TAGS + tags[k]] - scores[k * N_TAGS];
    for (let k = first + 1; k <= i; k++) {
      margin += transitions[tags[k - 1] * N_TAGS + tags[k]] - transitions[0];
    }
    if (first === 0) margin += startWeights[tags[0]] - startWeights[0];
    else {
      const p = tags[first - 1] * N_TAGS;
      margin += transitions[p + tags[first]] - transitions[p];
    }
    if (i === n - 1) margin += endWeights[tags[i]] - endWeights[0];
    else margin += transitions[tags[i] * N_TAGS + tags[i + 1]] - transitions[tags[i + 1]];
    // Names are annotated without their article ("The New York Times" -> "New York Times"); the
    // model sometimes keeps a capitalised "The" mid-sentence.
    const start = i > first && (words[first] === "The" || words[first] === "the")
      ? first + 1
      : first;
    spans.push({ first: start, last: i, type, margin });
  }
  return spans;
}

/** The names of one sentence with their raw margins (for calibrating confidences). */
export function scoreWords(
  model: NerModel,
  words: readonly string[],
  context?: SentenceCase,
): ScoredSpan[] {
  if (words.length === 0) return [];
  return spansOf(model, words, decodeSentence(model, words, scratch, context), words.length);
}

/** The confidence of a margin: the model's fitted logistic function, rounded to 0.001. */
export function confidenceOf(model: NerModel, margin: number): number {
  const [a, b] = model.confidence;
  return Math.round(1000 / (1 + Math.exp(-(a * margin + b)))) / 1000;
}

/**
 * Tags one sentence's words (the `text` of the kit's extraction tokens, `extractionWords` /
 * `sentenceWords` in src/extract/words.ts). `context.allCaps`: the sentence is in capitals;
 * `context.headline`: a headline or subhead, where capitals do not mark names.
 *
 * @example
 * tagWords(loadNerModel(), ["Sen.", "Mark", "Warner", "of", "Virginia", "said"])
 * // [{ first: 1, last: 2, type: "PER", ... }, { first: 4, last: 4, type: "LOC", ... }]
 */
export function tagWords(
  model: NerModel,
  words: readonly string[],
  context?: SentenceCase,
): NerSpan[] {
  return scoreWords(model, words, context).map((s) => ({
    first: s.first,
    last: s.last,
    type: NER_TYPES[s.type],
    confidence: confidenceOf(model, s.margin),
  }));
}

/** Options of {@link tagDocument}. */
export interface TagDocumentOptions {
  /** How each sentence is written (ALL CAPS, headline), by sentence index. */
  contexts?: readonly (SentenceCase | undefined)[];
  /** Apply the document-level consistency pass (default true). */
  consistency?: boolean;
}

/**
 * Tags every sentence of one article, then makes the names consistent across it: the same
 * words tagged more than once get the type most of their mentions (weighted by confidence)
 * have, a person's last name counts as a mention of the person ("Warner" after "Mark Warner"),
 * and a capitalised occurrence of a name tagged elsewhere in the article that the model left
 * untagged is tagged with that type (confidence scaled down by 0.9).
 */
export function tagDocument(
  model: NerModel,
  sentences: readonly (readonly string[])[],
  options: TagDocumentOptions = {},
): NerSpan[][] {
  const out = sentences.map((words, k) => tagWords(model, words, options.contexts?.[k]));
  if (options.consistency === false) return out;
  return makeConsistent(sentences, out);
}

/**
 * The document-level pass of {@link tagDocument}, on spans already tagged (exported for
 * evaluation and for callers that tag sentence by sentence).
 */
export function makeConsistent(
  sentences: readonly (readonly string[])[],
  spans: NerSpan[][],
): NerSpan[][] {
  const votes = nameVotes(sentences, spans);
  if (votes.size === 0) return spans;
  const winner = new Map<string, Winner>();
  let longest = 1;
  for (const [key, v] of votes) {
    let best = 0;
    for (let t = 1; t < v.length; t++) if (v[t] > v[best]) best = t;
    let total = 0;
    for (const x of v) total += x;
    winner.set(key, { type: NER_TYPES[best], confidence: v[best] / total });
    const n = key.split(" ").length;
    if (n > longest) longest = n;
  }
  const result: NerSpan[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    const taken = new Uint8Array(words.length);
    const kept: NerSpan[] = [];
    for (const span of spans[s]) {
      const w = winner.get(nameKey(words, span.first, span.last));
      const type = w && w.type !== span.type && w.confidence > 0.5 ? w.type : span.type;
      kept.push(type === span.type ? span : { ...span, type });
      for (let k = span.first; k <= span.last; k++) taken[k] = 1;
    }
    addUntaggedMentions(words, taken, winner, longest, kept);
    kept.sort((a, b) => a.first - b.first);
    result.push(kept);
  }
  return result;
}

/** The document-level type of a name and the share of the votes it won. */
interface Winner {
  type: NerType;
  confidence: number;
}

/** The words first..last as one key. */
function nameKey(words: readonly string[], a: number, b: number): string {
  return b === a ? words[a] : words.slice(a, b + 1).join(" ");
}

/** Votes per name: confidence summed by type (a person's last name votes at half weight). */
function nameVotes(
  sentences: readonly (readonly string[])[],
  spans: NerSpan[][],
): Map<string, Float64Array> {
  const votes = new Map<string, Float64Array>();
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s];
    for (const span of spans[s]) {
      const type = NER_TYPES.indexOf(span.type);
      addVote(votes, nameKey(words, span.first, span.last), type, span.confidence);
      if (span.type === "PER" && span.last > span.first && isNameWord(words[span.last])) {
        addVote(votes, words[span.last], type, span.confidence * 0.5);
      }
    }
  }
  return votes;
}

function addVote(
  votes: Map<string, Float64Array>,
  key: string,
  type: number,
  weight: number,
): void {
  let v = votes.get(key);
  if (!v) votes.set(key, v = new Float64Array(NER_TYPES.length));
  v[type] += weight;
}

/**
 * Untagged mentions of names tagged elsewhere, pushed onto `kept`: longest match first,
 * capitalised words only.
 */
function addUntaggedMentions(
  words: readonly string[],
  taken: Uint8Array,
  winner: Map<string, Winner>,
  longest: number,
  kept: NerSpan[],
): void {
  for (let i = 0; i < words.length; i++) {
    if (taken[i] || !isNameWord(words[i])) continue;
    for (let len = Math.min(longest, words.length - i); len >= 1; len--) {
      let free = true;
      for (let k = i; k < i + len; k++) if (taken[k]) free = false;
      if (!free || !isNameWord(words[i + len - 1])) continue;
      // Not part of a longer run of capitalised words ("Washington" in "Washington Post").
      if (i + len < words.length && isNameWord(words[i + len])) continue;
      if (i > 0 && isNameWord(words[i - 1])) continue;
      const w = winner.get(nameKey(words, i, i + len - 1));
      if (!w) continue;
      kept.push({
        first: i,
        last: i + len - 1,
        type: w.type,
        confidence: Math.round(w.confidence * 900) / 1000,
      });
      for (let k = i; k < i + len; k++) taken[k] = 1;
      i += len - 1;
      break;
    }
  }
}

/** A word that can be (part of) a name: starts with an upper-case letter. */
function isNameWord(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return word[0] !== word[0].toLowerCase();
}
