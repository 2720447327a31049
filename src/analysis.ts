/**
 * The model every stage works on: an {@link Analysis} (the cleaned and segmented articles) and an
 * {@link Extraction} (what the extract stage found in them), each with its one constructor. It
 * sits below the stages and the orchestrator: they import it, it imports neither.
 * @module
 */

import type { CleanArticle } from "./corpus/clean.ts";
import type { LoadIssue } from "./corpus/issues.ts";
import type { Rejection } from "./corpus/load.ts";
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

/**
 * The analysis of cleaned articles: their sentences and tokens, and the load problems of `sink`
 * (none by default). With no articles it is an empty analysis that a streaming reader fills
 * article by article (`segmentArticles([clean], analysis)`).
 *
 * @example
 * const analysis = newAnalysis(articles.map((a) => cleanArticle(a)));
 */
export function newAnalysis(
  articles: CleanArticle[] = [],
  sink: { issues?: LoadIssue[]; rejected?: Rejection[] } = {},
): Analysis {
  return {
    articles,
    ...segmentArticles(articles),
    issues: sink.issues ?? [],
    rejected: sink.rejected ?? [],
  };
}

// Extraction is the extract stage's record set: declared with its records in extract/, named here.
export { emptyExtraction, type Extraction } from "./extract/extract.ts";
