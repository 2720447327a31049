/**
 * The main job, as a library call: load → clean → segment → frames.
 * @module
 */

import type pl from "nodejs-polars";
import type { Article } from "./corpus/article.ts";
import { type CleanArticle, cleanArticle } from "./corpus/clean.ts";
import type { LoadIssue } from "./corpus/issues.ts";
import { loadCorpus, type LoadOptions, type Rejection } from "./corpus/load.ts";
import { type CleaningRules, DEFAULT_CLEANING_RULES } from "./corpus/rules.ts";
import { articlesFrame } from "./frames/articles.ts";
import { cleaningFrame } from "./frames/cleaning.ts";
import { sentencesFrame, tokensFrame } from "./frames/sentences.ts";
import { segmentArticles, type Segmented } from "./text/segment.ts";

/** Everything the kit knows about a corpus after the foundation stages. */
export interface Analysis extends Segmented {
  /** The articles, cleaned. */
  articles: CleanArticle[];
  /** Problems met while loading (warnings and errors). */
  issues: LoadIssue[];
  /** Records that did not load. */
  rejected: Rejection[];
}

/** Cleans and segments articles that are already loaded. */
export function analyzeArticles(
  articles: Article[],
  rules: CleaningRules = DEFAULT_CLEANING_RULES,
): Analysis {
  const cleaned = articles.map((a) => cleanArticle(a, rules));
  return { articles: cleaned, ...segmentArticles(cleaned), issues: [], rejected: [] };
}

/**
 * Loads a corpus (folder, `.jsonl` or `.csv`) and cleans and segments it.
 *
 * @example
 * const analysis = await analyzeCorpus("seeds");
 * const { articles, sentences, tokens } = corpusFrames(analysis);
 */
export async function analyzeCorpus(
  path: string,
  options: LoadOptions & { rules?: CleaningRules } = {},
): Promise<Analysis> {
  const loaded = await loadCorpus(path, options);
  return {
    ...analyzeArticles(loaded.articles, options.rules),
    issues: loaded.issues,
    rejected: loaded.rejected,
  };
}

/** The foundation frames of an analysis. */
export interface CorpusFrames {
  articles: pl.DataFrame;
  sentences: pl.DataFrame;
  tokens: pl.DataFrame;
  cleaning: pl.DataFrame;
}

/** Builds the `articles`, `sentences`, `tokens` and `cleaning` frames. */
export function corpusFrames(analysis: Analysis): CorpusFrames {
  return {
    articles: articlesFrame(analysis.articles, analysis.sentences),
    sentences: sentencesFrame(analysis.sentences),
    tokens: tokensFrame(analysis.tokens),
    cleaning: cleaningFrame(analysis.articles),
  };
}
