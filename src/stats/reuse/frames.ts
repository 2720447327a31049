/**
 * The `reuse` stage of `deno task analyze`: every reuse and coverage frame of an analysis.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import type pl from "nodejs-polars";
import { extractCorpus } from "../../extract/extract.ts";
import { entitiesFrame, figuresFrame, quotesFrame } from "../../extract/frames.ts";
import type { Analysis } from "../../analysis.ts";
import { type Alignment, alignSentences, type ReuseOptions, reusePairsFrame } from "./align.ts";
import {
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
  type SourceOptions,
} from "./articles.ts";
import {
  coverageArticlesFrame,
  coverageFrame,
  itemCoverage,
  itemsFromFrame,
  quoteCoverage,
  sentenceCoverage,
} from "./coverage.ts";
import {
  type FigureColumns,
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
 * Builds `reuse_pairs`, `article_similarity`, `article_sources`, `coverage` and `coverage_articles`
 * (sentences, plus entities, figures and quotes when given), and `figure_consistency` when figures are given.
 *
 * @example
 * const frames = reuseFrames(await analyzeCorpus("seeds"));
 * frames.article_sources.toString();
 */
export function reuseFrames(
  analysis: Analysis,
  extracted: ExtractedFrames = {},
  options: ReuseFrameOptions = {},
): Record<string, pl.DataFrame> {
  const alignment = alignSentences(analysis, options.reuse);
  const figures = extracted.figures &&
    figuresFromFrame(extracted.figures, analysis.sentences, analysis.tokens);
  return framesOfAlignment(alignment, {
    sentences: analysis.sentences,
    articles: analysis.articles,
    entities: extracted.entities,
    figures,
    quotes: extracted.quotes,
  }, options);
}

/** Thresholds of the alignment and of source attribution. */
export interface ReuseFrameOptions {
  reuse?: Partial<ReuseOptions>;
  sources?: Partial<SourceOptions>;
}

/** What the frames are built from besides the alignment (see {@link framesOfAlignment}). */
export interface AlignedCorpus {
  /** Sentence texts, in the alignment's order (labels of the sentence coverage rows). */
  sentences: readonly { text: string }[];
  /** Article texts, where quote coverage looks for a quote's words. */
  articles: readonly { id: string; text: string }[];
  entities?: pl.DataFrame;
  figures?: FigureColumns;
  quotes?: pl.DataFrame;
}

/**
 * The reuse frames of an alignment: one place for what {@link reuseFrames} (an analysis in
 * memory) and `reuseFramesFromParts` (the parts of a batched run) build.
 */
export function framesOfAlignment(
  alignment: Alignment,
  corpus: AlignedCorpus,
  options: ReuseFrameOptions = {},
): Record<string, pl.DataFrame> {
  const similarity = articleSimilarity(alignment, options.sources);
  const parts = [sentenceCoverage(alignment, corpus.sentences)];
  if (corpus.entities) {
    parts.push(itemCoverage("entity", itemsFromFrame(corpus.entities, { item: "entity" })));
  }
  const figures = corpus.figures;
  if (figures) parts.push(itemCoverage("figure", figureItems(figures)));
  if (corpus.quotes) {
    const item = corpus.quotes.columns.includes("quote") ? "quote" : "text";
    parts.push(
      quoteCoverage(alignment, itemsFromFrame(corpus.quotes, { item }), corpus.articles),
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
  frames.coverage_articles = coverageArticlesFrame(...parts);
  return frames;
}
