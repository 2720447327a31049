/**
 * Per-article readability (Flesch reading ease, Flesch-Kincaid grade) and lexical diversity
 * (type-token ratio and its moving-average form, MATTR).
 *
 * Conventions: only body sentences count (headlines and subheads are fragments without a
 * verb or full stop, and would make every article look simpler); a word is a token with at least
 * one letter (numbers such as "2022" or "3.8" are skipped); syllables are estimated by a rule
 * (vowel groups, a silent final "e", "-es" and "-ed" endings), which is right for most words and
 * off by one for some ("wanted" counts 1). Scores are comparable across outlets, not exact.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { float64Nullable as nullable, int32, utf8 } from "../frames/columns.ts";
import type { Sentence, TokenColumns } from "../text/segment.ts";

/**
 * Estimated syllables of an English word: 0 for a word without letters, else at least 1.
 *
 * @example
 * syllables("happy"); // 2
 * syllables("development"); // 4
 */
export function syllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!letters) return 0;
  if (letters.length <= 3) return 1;
  const trimmed = letters
    .replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0])
    .replace(/^y/, "");
  return Math.max(1, trimmed.match(/[aeiouy]+/g)?.length ?? 0);
}

/**
 * Moving-average type-token ratio (Covington and McFall 2010): the mean TTR of every window of
 * `window` consecutive words; the plain TTR when there are fewer words than that.
 */
export function mattr(words: readonly string[], window = 50): number {
  if (!words.length) return NaN;
  if (words.length <= window) return new Set(words).size / words.length;
  const counts = new Map<string, number>();
  let types = 0;
  for (let i = 0; i < window; i++) {
    const c = counts.get(words[i]) ?? 0;
    if (c === 0) types++;
    counts.set(words[i], c + 1);
  }
  let sum = types;
  for (let i = window; i < words.length; i++) {
    const out = words[i - window];
    const co = counts.get(out)! - 1;
    counts.set(out, co);
    if (co === 0) types--;
    const ci = counts.get(words[i]) ?? 0;
    if (ci === 0) types++;
    counts.set(words[i], ci + 1);
    sum += types;
  }
  return sum / (words.length - window + 1) / window;
}

const HAS_LETTER = /\p{L}/u;

/**
 * The `readability` frame: article_id, outlet, sentences, words, syllables, words_per_sentence,
 * syllables_per_word, flesch_reading_ease (206.835 − 1.015 × words/sentence − 84.6 ×
 * syllables/word), flesch_kincaid_grade (0.39 × words/sentence + 11.8 × syllables/word − 15.59),
 * types, ttr and mattr (window `mattrWindow`, default 50). Scores are null for an article
 * without body words.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, readabilityFrame } from "newsframe";
 *
 * readabilityFrame(await analyzeCorpus("seeds")); // one row per article
 * ```
 */
export function readabilityFrame(
  analysis: {
    articles: readonly CleanArticle[];
    sentences: readonly Sentence[];
    tokens: TokenColumns;
  },
  mattrWindow = 50,
): pl.DataFrame {
  const { tokens } = analysis;
  const body = new Set(analysis.sentences.filter((s) => s.kind === "body").map((s) => s.id));
  const sentenceCount = new Map<string, number>();
  for (const s of analysis.sentences) {
    if (s.kind === "body") {
      sentenceCount.set(s.articleId, (sentenceCount.get(s.articleId) ?? 0) + 1);
    }
  }
  // Each distinct lower-case form gets an id once; per article only ids are kept, so counting
  // types and the moving window need no string hashing.
  const articleIndex = new Map(analysis.articles.map((a, k) => [a.id, k]));
  const wordsOf: number[][] = analysis.articles.map(() => []);
  const syllablesOf = new Array<number>(analysis.articles.length).fill(0);
  const idOfForm = new Map<string, number>();
  // Per id: its syllables, or -1 for a token without a letter (a number).
  const syllablesOfId: number[] = [];
  let sentenceId: string | undefined;
  let inBody = false;
  let words: number[] | undefined;
  let article = -1;
  let articleId: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.sentenceId[i] !== sentenceId) {
      sentenceId = tokens.sentenceId[i];
      inBody = body.has(sentenceId);
    }
    if (!inBody) continue;
    const lower = tokens.lower[i];
    let id = idOfForm.get(lower);
    if (id === undefined) {
      id = syllablesOfId.length;
      idOfForm.set(lower, id);
      syllablesOfId.push(HAS_LETTER.test(lower) ? syllables(lower) : -1);
    }
    const n = syllablesOfId[id];
    if (n < 0) continue;
    if (tokens.articleId[i] !== articleId) {
      articleId = tokens.articleId[i];
      article = articleIndex.get(articleId) ?? -1;
      words = wordsOf[article];
    }
    if (!words) continue;
    words.push(id);
    syllablesOf[article] += n;
  }
  const counts = new Int32Array(syllablesOfId.length);
  const cols = {
    sentences: [] as number[],
    words: [] as number[],
    syllables: [] as number[],
    wps: [] as (number | null)[],
    spw: [] as (number | null)[],
    fre: [] as (number | null)[],
    fkg: [] as (number | null)[],
    types: [] as number[],
    ttr: [] as (number | null)[],
    mattr: [] as (number | null)[],
  };
  analysis.articles.forEach((a, k) => {
    const words = wordsOf[k];
    const nSentences = sentenceCount.get(a.id) ?? 0;
    const nSyllables = syllablesOf[k];
    const ok = words.length > 0 && nSentences > 0;
    const wps = ok ? words.length / nSentences : null;
    const spw = ok ? nSyllables / words.length : null;
    const types = distinctIds(words, counts);
    cols.sentences.push(nSentences);
    cols.words.push(words.length);
    cols.syllables.push(nSyllables);
    cols.wps.push(wps);
    cols.spw.push(spw);
    cols.fre.push(ok ? 206.835 - 1.015 * wps! - 84.6 * spw! : null);
    cols.fkg.push(ok ? 0.39 * wps! + 11.8 * spw! - 15.59 : null);
    cols.types.push(types);
    cols.ttr.push(words.length ? types / words.length : null);
    cols.mattr.push(words.length ? mattrOfIds(words, mattrWindow, counts) : null);
  });
  return pl.DataFrame([
    utf8("article_id", analysis.articles.map((a) => a.id)),
    utf8("outlet", analysis.articles.map((a) => a.outlet)),
    int32("sentences", cols.sentences),
    int32("words", cols.words),
    int32("syllables", cols.syllables),
    nullable("words_per_sentence", cols.wps),
    nullable("syllables_per_word", cols.spw),
    nullable("flesch_reading_ease", cols.fre),
    nullable("flesch_kincaid_grade", cols.fkg),
    int32("types", cols.types),
    nullable("ttr", cols.ttr),
    nullable("mattr", cols.mattr),
  ]);
}

/** Distinct ids among `ids`; `counts` (indexed by id) is all zeros before and after. */
function distinctIds(ids: readonly number[], counts: Int32Array): number {
  let types = 0;
  for (const id of ids) if (counts[id]++ === 0) types++;
  for (const id of ids) counts[id] = 0;
  return types;
}

/**
 * {@link mattr} over word ids; `counts` (indexed by id) is all zeros before and after. Gives what
 * `mattr` gives for the words the ids stand for (a test checks it).
 */
export function mattrOfIds(ids: readonly number[], window: number, counts: Int32Array): number {
  if (ids.length <= window) return distinctIds(ids, counts) / ids.length;
  let types = 0;
  for (let i = 0; i < window; i++) if (counts[ids[i]]++ === 0) types++;
  let sum = types;
  for (let i = window; i < ids.length; i++) {
    if (--counts[ids[i - window]] === 0) types--;
    if (counts[ids[i]]++ === 0) types++;
    sum += types;
  }
  for (let i = ids.length - window; i < ids.length; i++) counts[ids[i]] = 0;
  return sum / (ids.length - window + 1) / window;
}
