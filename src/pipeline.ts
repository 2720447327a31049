/**
 * The main job, as a library call: load → clean → segment → frames.
 * @module
 */

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
  rules?: CleaningRules;
  /** Called every `progressEvery` articles and once at the end. */
  onProgress?: (progress: AnalyzeProgress) => void;
  progressEvery?: number;
}

/**
 * Loads a corpus (folder, `.jsonl` or `.csv`) and cleans and segments it, article by article as
 * the records stream in, so the raw texts are never all held at once.
 *
 * @example
 * const analysis = await analyzeCorpus("seeds");
 * const { articles, sentences, tokens } = corpusFrames(analysis);
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
  articles: pl.DataFrame;
  sentences: pl.DataFrame;
  tokens: pl.DataFrame;
  cleaning: pl.DataFrame;
}

/** Builds the `articles`, `sentences`, `tokens` and `cleaning` frames (the stages that write them). */
export function corpusFrames(analysis: Analysis): CorpusFrames {
  const { articles, sentences, tokens, cleaning } = runStages(analysis, stagesOf(["corpus"]), {}, {
    summarize: true,
  }).frames;
  return { articles, sentences, tokens, cleaning };
}
