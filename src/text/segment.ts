/**
 * Segmenting cleaned articles into sentences and tokens. Sentences are records (there are few);
 * tokens go straight into columns (there are many), so nothing per token is allocated but its
 * strings.
 * @module
 */

import type { CleanArticle, ParagraphKind } from "../corpus/clean.ts";
import { splitSentences } from "./sentences.ts";
import { nextLetterOrDigit, surfaceFormAt, tokenEnd, wordTokenPattern } from "./_token_forms.ts";

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
  position: number[] = [];
  /** The token as written. */
  token: string[] = [];
  /** Lower case. */
  lower: string[] = [];
  /** Porter stem of the lower form. */
  stem: string[] = [];
  /** In the stopword list. */
  isStop: boolean[] = [];
  /**
   * The number of `lower` in the process-wide interner of the text layer, set by
   * {@link segmentArticles} (columns filled by other code may leave it empty: readers fall back
   * to the strings).
   */
  lowerId: number[] = [];
  /** The number of `stem` in the process-wide interner (as `lowerId`). */
  stemId: number[] = [];
  /** Offset of its first character in the article's cleaned text. */
  start: number[] = [];
  /** Offset just past its last character. */
  end: number[] = [];

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
  const {
    articleId: articleIds,
    outlet: outlets,
    sentenceId: sentenceIds,
    position: positions,
    token: surfaces,
    lower: lowers,
    stem: stems,
    isStop: stops,
    lowerId: lowerIds,
    stemId: stemIds,
    start: starts,
    end: ends,
  } = tokens;
  for (const article of articles) {
    let index = 0;
    const articleId = article.id;
    const outlet = article.outlet;
    for (const p of article.paragraphs) {
      const paragraphText = article.text.slice(p.start, p.end);
      const spans = p.kind === "body"
        ? splitSentences(paragraphText)
        : [{ start: 0, end: paragraphText.length }];
      for (let position = 0; position < spans.length; position++) {
        const span = spans[position];
        const id = `${articleId}:${index}`;
        const start = p.start + span.start;
        const text = paragraphText.slice(span.start, span.end);
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
          articleIds.push(articleId);
          outlets.push(outlet);
          sentenceIds.push(id);
          positions.push(nWords++);
          surfaces.push(form.token);
          lowers.push(form.lower);
          stems.push(form.stem);
          stops.push(form.isStop);
          lowerIds.push(form.lowerId);
          stemIds.push(form.stemId);
          starts.push(s);
          ends.push(s + form.token.length);
        }
        sentences.push({
          id,
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
  return into;
}
