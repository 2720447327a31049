/**
 * The `reuse` stage of `deno task analyze`: every reuse and coverage frame of an analysis.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { extractCorpus } from "../../extract/extract.ts";
import { entitiesFrame, figuresFrame, quotesFrame } from "../../extract/frames.ts";
import type { Analysis } from "../../analysis.ts";
import {
  type Alignment,
  alignSentences,
  pairsFrame,
  type PairSource,
  pairSource,
  PARAPHRASE,
  type ReuseOptions,
} from "./align.ts";
import {
  type ArticleSimilarity,
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
  type SourceOptions,
} from "./articles.ts";
import {
  coverageArticlesFrame,
  type CoverageColumns,
  coverageFrame,
  itemCoverage,
  itemsFromFrame,
  quoteCoverage,
  sentenceArticlesRanges,
  sentenceCoverage,
  sentenceCoverageRanges,
  type SentenceTexts,
} from "./coverage.ts";
import { articlePairs, MAX_LINKS } from "./links.ts";
import {
  type FigureColumns,
  figureConsistencyChunks,
  figureConsistencyFrame,
  figureItems,
  figuresFromFrame,
} from "./figures.ts";
import { addAlignedKeys, figureMeasureChecks } from "./figure_measures.ts";

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
  sentences: SentenceTexts;
  /**
   * Article texts, where quote coverage looks for a quote's words: a list, or each article's
   * text by its index (made when needed, so no copy of the corpus's text is held).
   */
  articles: readonly { id: string; text: string }[] | ((article: number) => string);
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
  const pieces = reusePieces(alignment, corpus, options, { maxLinks: Infinity });
  const frames: Record<string, pl.DataFrame> = {};
  for (const [name, made] of Object.entries(pieces)) {
    const all = [...made];
    frames[name] = all.length === 1 ? all[0] : pl.concat(all, { how: "vertical" });
  }
  return frames;
}

/** How big the pieces of {@link reusePieces} are. */
export interface PieceOptions {
  /** Rows per piece of `article_similarity` (default: one piece). */
  pieceRows?: number;
  /**
   * (sentence, other article) links held at once for the sentence coverage and the article
   * counts (default `MAX_LINKS` of links.ts); the sentence rows of `coverage` and
   * `coverage_articles` come in a piece per range of sentences.
   */
  maxLinks?: number;
}

/**
 * The reuse frames of aligned pairs, each as pieces made when asked for, in order: the rows of
 * a frame's pieces, one after the other, are the frame {@link framesOfAlignment} makes.
 * `reuse_pairs` and `figure_consistency` come a piece per chunk of pairs, `coverage` and
 * `coverage_articles` a piece per range of sentences (then one of the entities, figures and
 * quotes), so no piece holds more than a chunk or a range: this is what a corpus of any size
 * writes (see `reusePiecesFromParts`). The source must stay readable until the pieces are made.
 */
export function reusePieces(
  pairs: Alignment | PairSource,
  corpus: AlignedCorpus,
  options: ReuseFrameOptions = {},
  sizes: PieceOptions = {},
): Record<string, Iterable<pl.DataFrame>> {
  const source = pairSource(pairs);
  const f = source.features;
  const linked = articlePairs(source);
  // Unbounded only when asked (framesOfAlignment): without a bound given, the merge's step at
  // 100,000 articles made the whole sentence coverage at once (55.9M links: from 3.4 to 9.3 GB).
  const maxLinks = sizes.maxLinks ?? MAX_LINKS;
  const similarity = articleSimilarity(source, options.sources, linked, maxLinks);
  const others: CoverageColumns[] = [];
  if (corpus.entities) {
    others.push(itemCoverage("entity", itemsFromFrame(corpus.entities, { item: "entity" })));
  }
  const figures = corpus.figures;
  if (figures) others.push(itemCoverage("figure", figureItems(figures)));
  if (corpus.quotes) {
    const item = corpus.quotes.columns.includes("quote") ? "quote" : "text";
    others.push(
      quoteCoverage(source, itemsFromFrame(corpus.quotes, { item }), corpus.articles, 2, linked),
    );
  }
  // Without a bound on links, both coverage frames come from one sentence coverage, made once.
  const whole = Number.isFinite(maxLinks) ? null : sentenceCoverage(source, corpus.sentences);
  const coverage = (make: (...parts: CoverageColumns[]) => pl.DataFrame) =>
    whole
      ? [make(whole, ...others)]
      : coveragePieces(source, corpus.sentences, others, make, maxLinks);
  const rows = similarity.articleA.length;
  const step = Math.max(2, Math.floor((sizes.pieceRows ?? Infinity) / 2) * 2 || 2);
  const frames: Record<string, Iterable<pl.DataFrame>> = {
    reuse_pairs: mapped(source.chunks(), (chunk) => pairsFrame(f, chunk)),
    article_similarity: (function* () {
      if (!Number.isFinite(step) || rows <= step) {
        yield articleSimilarityFrame(source, similarity);
        return;
      }
      for (let at = 0; at < rows; at += step) {
        yield articleSimilarityFrame(source, similarity, at, Math.min(rows, at + step));
      }
    })(),
    article_sources: [articleSourcesFrame(source, similarity)],
    coverage: coverage(coverageFrame),
  };
  if (figures) {
    frames.figure_consistency = figurePieces(source, similarity, figures, corpus.entities);
  }
  frames.coverage_articles = whole
    ? coverage(coverageArticlesFrame)
    : articlePieces(source, others, maxLinks);
  return frames;
}

/**
 * `coverage_articles` a piece per range of sentences, then one of the other items: the rows
 * `coveragePieces` gives with `coverageArticlesFrame`, the sentences' ids gathered natively.
 */
function* articlePieces(
  source: PairSource,
  others: CoverageColumns[],
  maxLinks?: number,
): Generator<pl.DataFrame> {
  yield* sentenceArticlesRanges(source, PARAPHRASE, maxLinks);
  if (others.length) yield coverageArticlesFrame(...others);
}

/**
 * `figure_consistency` a piece per chunk of aligned pairs, then one of the figures compared by
 * measure between articles of one story (the keys the aligned pairs compared left out).
 */
function* figurePieces(
  source: PairSource,
  similarity: ArticleSimilarity,
  figures: FigureColumns,
  entities?: pl.DataFrame,
): Generator<pl.DataFrame> {
  const done = new Set<string>();
  for (const checks of figureConsistencyChunks(source, figures)) {
    addAlignedKeys(done, checks, figures);
    yield figureConsistencyFrame(checks, figures);
  }
  const byMeasure = figureMeasureChecks(source, similarity, figures, done, entities);
  if (byMeasure.status.length) yield figureConsistencyFrame(byMeasure, figures);
}

/** `make` of each value `from` gives, when asked for. */
function* mapped<T>(from: Iterable<T>, make: (value: T) => pl.DataFrame): Generator<pl.DataFrame> {
  for (const value of from) yield make(value);
}

/**
 * The coverage frame `make` builds, a piece per range of sentences, then one of the other items;
 * with one range, one piece of all (the frame as the sentences and items made together). One
 * range's rows are held at a time.
 */
function* coveragePieces(
  source: PairSource,
  sentences: SentenceTexts,
  others: CoverageColumns[],
  make: (...parts: CoverageColumns[]) => pl.DataFrame,
  maxLinks?: number,
): Generator<pl.DataFrame> {
  const n = source.features.sentenceIds.length;
  const found = make !== coverageFrame; // the coverage frame does not read `found`
  for (const range of sentenceCoverageRanges(source, sentences, PARAPHRASE, maxLinks, found)) {
    if (range.item.length === n) { // the only range: every sentence
      yield make(range, ...others);
      return;
    }
    yield make(range);
  }
  if (others.length) yield make(...others);
}
