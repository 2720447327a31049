/**
 * The main job, as a library call: load → clean → segment → frames.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import type pl from "nodejs-polars";
import type { Article } from "./corpus/article.ts";
import { cleanArticle } from "./corpus/clean.ts";
import { type Analysis, newAnalysis } from "./analysis.ts";
import { collectRecord, type LoadOptions, streamCorpus } from "./corpus/load.ts";
import { type CleaningRules, DEFAULT_CLEANING_RULES } from "./corpus/rules.ts";
import { runStages, stagesOf } from "./stages.ts";
import { segmentArticles } from "./text/segment.ts";

export type { Analysis } from "./analysis.ts";

/** Cleans and segments articles that are already loaded. */
export function analyzeArticles(
  articles: Article[],
  rules: CleaningRules = DEFAULT_CLEANING_RULES,
): Analysis {
  return newAnalysis(articles.map((a) => cleanArticle(a, rules)));
}

/** How far {@link analyzeCorpus} has got. */
export interface AnalyzeProgress {
  articles: number;
  words: number;
  /** Characters of raw text read so far (close to bytes for most text). */
  chars: number;
}

/** Options of {@link analyzeCorpus}. */
export interface AnalyzeOptions extends LoadOptions {
  /** Cleaning rules (default: the shipped boilerplate patterns). */
  rules?: CleaningRules;
  /** Called every `progressEvery` articles and once at the end. */
  onProgress?: (progress: AnalyzeProgress) => void;
  /** How many articles between progress calls (default 100). */
  progressEvery?: number;
}

/**
 * Loads a corpus (folder, `.jsonl` or `.csv`) and cleans and segments it, article by article as
 * the records stream in, so the raw texts are never all held at once.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, corpusFrames } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds", { onProgress: (p) => console.error(p) });
 * console.log(corpusFrames(analysis).articles.toString());
 * ```
 */
export async function analyzeCorpus(path: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const rules = options.rules ?? DEFAULT_CLEANING_RULES;
  const every = options.progressEvery ?? 100;
  const analysis = newAnalysis();
  let chars = 0;
  const report = () =>
    options.onProgress?.({
      articles: analysis.articles.length,
      words: analysis.tokens.length,
      chars,
    });
  for await (const record of streamCorpus(path, options)) {
    const article = collectRecord(record, analysis);
    if (!article) continue;
    const clean = cleanArticle(article, rules);
    analysis.articles.push(clean);
    segmentArticles([clean], analysis);
    chars += article.text.length;
    if (analysis.articles.length % every === 0) report();
  }
  report();
  return analysis;
}

/** The foundation frames of an analysis. */
export interface CorpusFrames {
  /** One row per article: id, outlet, title, date, counts, extra fields. */
  articles: pl.DataFrame;
  /** One row per sentence. */
  sentences: pl.DataFrame;
  /** One row per word token. */
  tokens: pl.DataFrame;
  /** What cleaning removed or repaired, one row each. */
  cleaning: pl.DataFrame;
}

/**
 * Builds the `articles`, `sentences`, `tokens` and `cleaning` frames (the stages that write them).
 *
 * @example
 * ```ts
 * import { analyzeCorpus, corpusFrames } from "newsframe";
 *
 * const { articles, sentences, tokens, cleaning } = corpusFrames(await analyzeCorpus("seeds"));
 * console.log(articles.height, sentences.height, tokens.height, cleaning.height);
 * ```
 */
export function corpusFrames(analysis: Analysis): CorpusFrames {
  const { articles, sentences, tokens, cleaning } = runStages(analysis, stagesOf(["corpus"]), {}, {
    summarize: true,
  }).frames;
  return { articles, sentences, tokens, cleaning };
}
