/**
 * Load and clean: read a folder, JSONL, CSV or manifest of articles into validated
 * {@link Article}s (bad records become located issues, the good ones still load), and clean their
 * text into paragraphs (boilerplate, credits and repairs recorded).
 *
 * Reached as `newsframe/corpus`; the verbs most notebooks need are also in `newsframe`.
 *
 * @example
 * ```ts
 * import { loadCorpus } from "newsframe/corpus";
 *
 * const { articles, issues } = await loadCorpus("seeds");
 * console.log(articles.length, issues.length);
 * ```
 * @module
 */

export { type Article, recordToArticle, UNKNOWN_OUTLET } from "./article.ts";
export {
  type CleanArticle,
  cleanArticle,
  type Paragraph,
  type ParagraphKind,
  type Removal,
  type Repair,
} from "./clean.ts";
export { type Credit, isCreditLine, parseCredit } from "./credit.ts";
export { CorpusError, formatIssue, type LoadIssue } from "./issues.ts";
export {
  loadCorpus,
  type LoadOptions,
  type LoadResult,
  type Rejection,
  streamCorpus,
} from "./load.ts";
export { type CleaningRules, compileCleaningRules, DEFAULT_CLEANING_RULES } from "./rules.ts";
export { ArticleRecordSchema, ManifestSchema } from "./schema.ts";
