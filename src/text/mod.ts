/**
 * Segment: split cleaned text into sentences and tokens (one sentence list and one set of token
 * columns per corpus), and escape article text for Markdown.
 *
 * Reached as `newsframe/text`; the verbs most notebooks need are also in `newsframe`.
 *
 * @example
 * ```ts
 * import { splitSentences, tokenize } from "newsframe/text";
 *
 * const spans = splitSentences("Dr. Okafor spoke. Then she left.");
 * console.log(spans.length, tokenize("Then she left.").map((t) => t.token));
 * ```
 * @module
 */

export { type Span, splitSentences } from "./sentences.ts";
export { tokenize, type TokenSpan } from "./tokens.ts";
export { segmentArticles, type Segmented, type Sentence, TokenColumns } from "./segment.ts";
export { escapeMarkdown } from "./escape.ts";
export {
  isSpelling,
  type Spelling,
  type SpellingTally,
  spellingTally,
  type SpellingVariants,
  spellingVariants,
} from "./spelling.ts";
