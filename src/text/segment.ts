/**
 * Segmenting cleaned articles into sentences and tokens. Sentences are records (there are few);
 * tokens go straight into columns (there are many), so nothing per token is allocated but its
 * strings.
 * @module
 */

import type { CleanArticle, ParagraphKind } from "../corpus/clean.ts";
import { splitSentences } from "./sentences.ts";
import { withRoom } from "../_buffers.ts";
import {
  nextLetterOrDigit,
  SURFACE_FORMS,
  type SurfaceForm,
  surfaceFormAt,
  tokenEnd,
  wordTokenPattern,
} from "./_token_forms.ts";

/** One sentence. Offsets are into the article's cleaned text. */
export interface Sentence {
  /** `<article_id>:<n>`, n counting from 0 within the article. */
  id: string;
  /** The article's id. */
  articleId: string;
  /** The article's outlet. */
  outlet: string;
  /** Index of the paragraph in the cleaned text (the headline, when there is one, is 0). */
  paragraph: number;
  /** Index of the sentence within its paragraph. */
  position: number;
  /** Index of the sentence within the article (the n of the id). */
  index: number;
  /** The kind of its paragraph (headline, subhead, body). */
  kind: ParagraphKind;
  /** The sentence as written. */
  text: string;
  /** Offset of its first character in the cleaned text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** Number of word tokens. */
  nWords: number;
}

/**
 * Tokens as columns: row i of every array is token i.
 *
 * @example
 * ```ts
 * import { analyzeCorpus } from "newsframe";
 *
 * const { tokens } = await analyzeCorpus("seeds");
 * console.log(tokens.length, tokens.lower.slice(0, 10), tokens.stem.slice(0, 10));
 * ```
 */
export class TokenColumns {
  /** The token's article. */
  articleId: string[] = [];
  /** The token's outlet. */
  outlet: string[] = [];
  /** The token's sentence (`Sentence.id`). */
  sentenceId: string[] = [];
  /** Index of the token within its sentence, from 0. */
  position: Int32Array = new Int32Array(0);
  /** The token as written. */
  token: string[] = [];
  /** Lower case. */
  lower: string[] = [];
  /** Porter stem of the lower form. */
  stem: string[] = [];
  /** In the stopword list (1) or not (0). */
  isStop: Uint8Array = new Uint8Array(0);
  /**
   * The number of `lower` in the process-wide interner of the text layer, set by
   * {@link segmentArticles} (columns filled by other code may leave it empty: readers fall back
   * to the strings).
   */
  lowerId: Int32Array = new Int32Array(0);
  /** The number of `stem` in the process-wide interner (as `lowerId`). */
  stemId: Int32Array = new Int32Array(0);
  /**
   * The number of the token's surface form in the text layer's process-wide list, set by
   * {@link segmentArticles} (-1 past that list's limit; as `lowerId`, other code may leave it
   * empty).
   */
  tokenId: Int32Array = new Int32Array(0);
  /** Offset of its first character in the article's cleaned text. */
  start: Int32Array = new Int32Array(0);
  /** Offset just past its last character. */
  end: Int32Array = new Int32Array(0);

  /** Number of tokens. */
  get length(): number {
    return this.token.length;
  }
}

/** Sentences and tokens of one or more articles. */
export interface Segmented {
  /** Every sentence, article by article, in text order. */
  sentences: Sentence[];
  /** Every word token, in the same order. */
  tokens: TokenColumns;
}

/**
 * Splits cleaned articles into sentences (headlines and subheads are one sentence each) and
 * word tokens. Appends to `into` when given, so a large corpus can be segmented batch by batch.
 */
export function segmentArticles(
  articles: Iterable<CleanArticle>,
  into: Segmented = { sentences: [], tokens: new TokenColumns() },
): Segmented {
  const { sentences, tokens } = into;
  // The loop of forEachToken, inlined: no call per token, and equal tokens share one string.
  const re = wordTokenPattern();
  // The numeric columns are typed arrays (a JS array of numbers costs several times more to
  // append to, and the collector scans it): written in place in buffers that double when full,
  // and exposed as views of the rows written. The string columns are written once every
  // article is done ({@link appendStrings}): the loop only notes each token's form and sentence.
  const first = tokens.length;
  let n = first;
  const room = first + expectedTokens(articles);
  let positions = allOf(tokens.position, room);
  let stops = allOf(tokens.isStop, room);
  let lowerIds = allOf(tokens.lowerId, room);
  let stemIds = allOf(tokens.stemId, room);
  let tokenIds = allOf(tokens.tokenId, room);
  let starts = allOf(tokens.start, room);
  let ends = allOf(tokens.end, room);
  if (scratch.sentence.length < room - first) scratch.sentence = new Int32Array(room - first);
  for (const article of articles) {
    let index = 0;
    for (const p of article.paragraphs) {
      const paragraphText = article.text.slice(p.start, p.end);
      const spans = p.kind === "body"
        ? splitSentences(paragraphText)
        : [{ start: 0, end: paragraphText.length }];
      for (let position = 0; position < spans.length; position++) {
        const span = spans[position];
        const start = p.start + span.start;
        const text = paragraphText.slice(span.start, span.end);
        const sentence = sentences.length;
        let nWords = 0;
        // `test`, not `exec`: no match array; the match starts at the first letter or digit.
        let searchFrom = 0;
        re.lastIndex = 0;
        while (re.test(text)) {
          const matchEnd = re.lastIndex;
          const matchStart = nextLetterOrDigit(text, searchFrom);
          searchFrom = matchEnd;
          const form = surfaceFormAt(text, matchStart, tokenEnd(text, matchStart, matchEnd));
          const s = start + matchStart;
          if (n === positions.length) {
            positions = withRoom(positions, n + 1);
            stops = withRoom(stops, n + 1);
            lowerIds = withRoom(lowerIds, n + 1);
            stemIds = withRoom(stemIds, n + 1);
            tokenIds = withRoom(tokenIds, n + 1);
            starts = withRoom(starts, n + 1);
            ends = withRoom(ends, n + 1);
          }
          const k = n - first;
          if (k === scratch.sentence.length) scratch.sentence = withRoom(scratch.sentence, k + 1);
          if (k < scratch.forms.length) scratch.forms[k] = form;
          else scratch.forms.push(form);
          scratch.sentence[k] = sentence;
          positions[n] = nWords++;
          stops[n] = form.isStop ? 1 : 0;
          lowerIds[n] = form.lowerId;
          stemIds[n] = form.stemId;
          tokenIds[n] = form.tokenId;
          starts[n] = s;
          ends[n] = s + form.token.length;
          n++;
        }
        sentences.push({
          id: `${article.id}:${index}`,
          articleId: article.id,
          outlet: article.outlet,
          paragraph: p.index,
          position,
          index: index++,
          kind: p.kind,
          text,
          start,
          end: p.start + span.end,
          nWords,
        });
      }
    }
  }
  appendStrings(tokens, sentences, n - first);
  tokens.position = positions.subarray(0, n);
  tokens.isStop = stops.subarray(0, n);
  tokens.lowerId = lowerIds.subarray(0, n);
  tokens.stemId = stemIds.subarray(0, n);
  tokens.tokenId = tokenIds.subarray(0, n);
  tokens.start = starts.subarray(0, n);
  tokens.end = ends.subarray(0, n);
  return into;
}

/**
 * Work arrays of {@link segmentArticles}, kept between calls: each new token's surface form and
 * sentence (an index into the `sentences` array), in the order of the tokens.
 */
const scratch = { forms: [] as SurfaceForm[], sentence: new Int32Array(1024) };

/**
 * Appends the string columns of the `count` tokens noted in {@link scratch}: their surface,
 * lower and stem from the form, their article, outlet and sentence ids from the sentence. Into
 * empty columns (one call for the whole corpus, the common case) each column is allocated at its
 * size and filled by index, several times cheaper than a push per token and column.
 */
function appendStrings(tokens: TokenColumns, sentences: readonly Sentence[], count: number): void {
  const { forms, sentence } = scratch;
  if (tokens.token.length === 0) {
    const token = new Array<string>(count), lower = new Array<string>(count);
    const stem = new Array<string>(count);
    for (let k = 0; k < count; k++) {
      const f = forms[k];
      token[k] = f.token;
      lower[k] = f.lower;
      stem[k] = f.stem;
    }
    const articleId = new Array<string>(count), outlet = new Array<string>(count);
    const sentenceId = new Array<string>(count);
    for (let k = 0; k < count; k++) {
      const s = sentences[sentence[k]];
      articleId[k] = s.articleId;
      outlet[k] = s.outlet;
      sentenceId[k] = s.id;
    }
    Object.assign(tokens, { token, lower, stem, articleId, outlet, sentenceId });
    return;
  }
  for (let k = 0; k < count; k++) {
    const f = forms[k];
    tokens.token.push(f.token);
    tokens.lower.push(f.lower);
    tokens.stem.push(f.stem);
    const s = sentences[sentence[k]];
    tokens.articleId.push(s.articleId);
    tokens.outlet.push(s.outlet);
    tokens.sentenceId.push(s.id);
  }
}

/**
 * About as many tokens as `articles` (an array) will give, a little more for most text (a word
 * and its space take six characters on average in English news): the columns are sized once
 * instead of doubling several times (each time a copy of every column). 0 for an iterator.
 */
function expectedTokens(articles: Iterable<CleanArticle>): number {
  if (!Array.isArray(articles)) return 0;
  let chars = 0;
  for (const a of articles as CleanArticle[]) chars += a.text.length;
  return Math.ceil(chars / 5) + 16;
}

/**
 * The whole buffer behind a column view (its rows and the room after them), with room for at
 * least `room` rows: appending rows fills the room before anything is copied.
 */
function allOf<T extends Int32Array | Uint8Array>(view: T, room: number): T {
  const all = new (view.constructor as new (b: ArrayBufferLike, o: number) => T)(
    view.buffer,
    view.byteOffset,
  );
  return withRoom(all, Math.max(room, 1024));
}

/**
 * The surface forms of `tokens` as codes numbered in order of first appearance, with each code's
 * token, lower form and stem, from the form numbers segmenting noted (`tokenId`): the coding of
 * the tokens frame's string columns without hashing each token. Undefined unless every row's
 * number names a form with that very token, lower form and stem (columns filled or changed by
 * other code, forms past the list's limit): the caller then codes the strings.
 */
export function surfaceFormCodes(
  tokens: TokenColumns,
): { codes: Int32Array; token: string[]; lower: string[]; stem: string[] } | undefined {
  const n = tokens.length;
  const ids = tokens.tokenId;
  if (ids.length !== n || tokens.lower.length !== n || tokens.stem.length !== n) return undefined;
  const local = new Int32Array(SURFACE_FORMS.length).fill(-1);
  const codes = new Int32Array(n);
  const token: string[] = [], lower: string[] = [], stem: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const form = id >= 0 && id < local.length ? SURFACE_FORMS[id] : undefined;
    if (
      form === undefined || form.token !== tokens.token[i] || form.lower !== tokens.lower[i] ||
      form.stem !== tokens.stem[i]
    ) return undefined;
    let c = local[id];
    if (c < 0) {
      c = local[id] = token.length;
      token.push(form.token);
      lower.push(form.lower);
      stem.push(form.stem);
    }
    codes[i] = c;
  }
  return { codes, token, lower, stem };
}
