/**
 * The `reuse` stage of `deno task analyze`: every reuse and coverage frame of an analysis.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import type pl from "nodejs-polars";
import { extractCorpus } from "../../extract/extract.ts";
import { entitiesFrame, figuresFrame, quotesFrame } from "../../extract/frames.ts";
import type { Analysis } from "../../pipeline.ts";
import { alignSentences, type ReuseOptions, reusePairsFrame } from "./align.ts";
import {
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
  type SourceOptions,
} from "./articles.ts";
import {
  coverageFrame,
  itemCoverage,
  itemsFromFrame,
  quoteCoverage,
  sentenceCoverage,
} from "./coverage.ts";
import {
  figureConsistency,
  figureConsistencyFrame,
  figureItems,
  figuresFromFrame,
} from "./figures.ts";

/**
 * The stage's frames with the extractor's entities, figures and quotes: what `deno task analyze`
 * writes. (The extraction is run again here: a stage sees the analysis, not other stages' frames;
 * on the seeds it costs about 20 ms.)
 *
 * @example
 * ```ts
 * import { analyzeCorpus, reuseStageFrames } from "newsframe";
 *
 * const { article_similarity, reuse_pairs } = reuseStageFrames(await analyzeCorpus("seeds"));
 * console.log(article_similarity.height, reuse_pairs.height);
 * ```
 */
export function reuseStageFrames(analysis: Analysis): Record<string, pl.DataFrame> {
  const x = extractCorpus(analysis);
  return reuseFrames(analysis, {
    entities: entitiesFrame(x.entities),
    figures: figuresFrame(x.figures),
    quotes: quotesFrame(x.quotes),
  });
}

/** Frames from the extraction stage that the coverage diff and figure check read, when present. */
export interface ExtractedFrames {
  /** article_id, entity (canonical name), … */
  entities?: pl.DataFrame;
  /** article_id, kind, value, unit, text, and sentence_id (or start, an offset in the text). */
  figures?: pl.DataFrame;
  /** article_id and a quote key column (`quote`, else `text`). */
  quotes?: pl.DataFrame;
}

/**
 * Builds `reuse_pairs`, `article_similarity`, `article_sources` and `coverage` (sentences, plus
 * entities, figures and quotes when given), and `figure_consistency` when figures are given.
 *
 * @example
 * const frames = reuseFrames(await analyzeCorpus("seeds"));
 * frames.article_sources.toString();
 */
export function reuseFrames(
  analysis: Analysis,
  extracted: ExtractedFrames = {},
  options: { reuse?: Partial<ReuseOptions>; sources?: Partial<SourceOptions> } = {},
): Record<string, pl.DataFrame> {
  const alignment = alignSentences(analysis, options.reuse);
  const similarity = articleSimilarity(alignment, options.sources);
  const parts = [sentenceCoverage(alignment, analysis.sentences)];
  if (extracted.entities) {
    parts.push(itemCoverage("entity", itemsFromFrame(extracted.entities, { item: "entity" })));
  }
  const figures = extracted.figures &&
    figuresFromFrame(extracted.figures, analysis.sentences, analysis.tokens);
  if (figures) parts.push(itemCoverage("figure", figureItems(figures)));
  if (extracted.quotes) {
    const item = extracted.quotes.columns.includes("quote") ? "quote" : "text";
    parts.push(
      quoteCoverage(alignment, itemsFromFrame(extracted.quotes, { item }), analysis.articles),
    );
  }
  const frames: Record<string, pl.DataFrame> = {
    reuse_pairs: reusePairsFrame(alignment),
    article_similarity: articleSimilarityFrame(alignment, similarity),
    article_sources: articleSourcesFrame(alignment, similarity),
    coverage: coverageFrame(...parts),
  };
  if (figures) {
    frames.figure_consistency = figureConsistencyFrame(
      figureConsistency(alignment, figures),
      figures,
    );
  }
  return frames;
}
