/**
 * Keyword in context: every occurrence of a phrase pattern with the words around it.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { int32, utf8 } from "../frames/columns.ts";
import type { TokenColumns } from "../text/segment.ts";
import { parsePattern, PhraseMatcher, type PhrasePattern, wordParts } from "./patterns.ts";

/** Options of {@link kwic}. */
export interface KwicOptions {
  /** Words of context on each side (default 5). Ignored with `context: "sentence"`. */
  window?: number;
  /**
   * `window` (the default): `window` words each side, crossing sentence boundaries but not
   * article boundaries, as concordancers do. `sentence`: the rest of the match's sentence.
   */
  context?: "window" | "sentence";
}

/** Collapses runs of whitespace (line breaks between paragraphs) into single spaces. */
const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

/**
 * Finds `pattern` (the phrase-pattern syntax of `patterns.ts`: stems, `=exact`, `prefix*`, `*`,
 * `a|b`) in every sentence and returns article_id, outlet, sentence_id, left, match, right,
 * start and end (offsets of the match in the article's cleaned text). Overlapping occurrences
 * count once (leftmost, longest). Throws a `PatternError` with a readable reason for a bad
 * pattern.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, kwic } from "newsframe";
 *
 * kwic(await analyzeCorpus("seeds"), "trade deal", { window: 4 }); // left, match, right per hit
 * ```
 */
export function kwic(
  analysis: { articles: readonly CleanArticle[]; tokens: TokenColumns },
  pattern: string | PhrasePattern,
  options: KwicOptions = {},
): pl.DataFrame {
  const window = options.window ?? 5;
  if (!Number.isInteger(window) || window < 0) {
    throw new Error(`kwic window must be a whole number of words, got ${window}`);
  }
  const parsed = typeof pattern === "string" ? parsePattern(pattern) : pattern;
  const { tokens } = analysis;
  const textOf = new Map(analysis.articles.map((a) => [a.id, a.text]));
  const parts = wordParts(tokens);
  const matcher = new PhraseMatcher([{ pattern: parsed, entry: null }]);
  const cols = {
    articleId: [] as string[],
    outlet: [] as string[],
    sentenceId: [] as string[],
    left: [] as string[],
    match: [] as string[],
    right: [] as string[],
    start: [] as number[],
    end: [] as number[],
  };
  matcher.scanAll(parts, (m, s) => {
    const firstToken = parts.token[m.start];
    const lastToken = parts.token[m.end - 1];
    const articleId = tokens.articleId[firstToken];
    const text = textOf.get(articleId) ?? "";
    const start = parts.start[m.start];
    const end = parts.end[m.end - 1];
    let from: number;
    let to: number;
    if (options.context === "sentence") {
      from = tokens.start[parts.token[parts.sentenceStarts[s]]];
      to = tokens.end[parts.token[parts.sentenceStarts[s + 1] - 1]];
      // Keep the sentence's opening quote and closing punctuation: extend to whitespace.
      while (from > 0 && !/\s/u.test(text[from - 1])) from--;
      while (to < text.length && !/\s/u.test(text[to])) to++;
    } else {
      let t = firstToken;
      for (let k = 0; k < window && t > 0 && tokens.articleId[t - 1] === articleId; k++) t--;
      from = t === firstToken ? start : tokens.start[t];
      t = lastToken;
      for (
        let k = 0;
        k < window && t + 1 < tokens.length && tokens.articleId[t + 1] === articleId;
        k++
      ) t++;
      to = t === lastToken ? end : tokens.end[t];
    }
    cols.articleId.push(articleId);
    cols.outlet.push(tokens.outlet[firstToken]);
    cols.sentenceId.push(tokens.sentenceId[firstToken]);
    cols.left.push(squash(text.slice(Math.min(from, start), start)));
    cols.match.push(text.slice(start, end));
    cols.right.push(squash(text.slice(end, Math.max(to, end))));
    cols.start.push(start);
    cols.end.push(end);
  });
  return pl.DataFrame([
    utf8("article_id", cols.articleId),
    utf8("outlet", cols.outlet),
    utf8("sentence_id", cols.sentenceId),
    utf8("left", cols.left),
    utf8("match", cols.match),
    utf8("right", cols.right),
    int32("start", cols.start),
    int32("end", cols.end),
  ]);
}
