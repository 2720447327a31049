/**
 * newsframe: compare how news outlets cover the same story.
 *
 * The data flows one way: load → clean → segment → extract → measure → chart. This module holds
 * the verbs a notebook or script needs, grouped by that order; each has an example. The layers
 * beneath are subpaths with a `mod.ts` each: `newsframe/corpus` (loading, schemas, cleaning),
 * `newsframe/text` (sentences, tokens), `newsframe/frames` (polars frames, parts),
 * `newsframe/extract` (entities, figures, quotes), `newsframe/stats` (terms, keyness, framing,
 * tone, reuse) and `newsframe/charts` (charts, rendering, the report).
 *
 * @example Analyse a folder of articles and look at the frames
 * ```ts
 * import { analyzeCorpus, corpusFrames } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * const { articles } = corpusFrames(analysis);
 * console.log(articles.select("article_id", "outlet", "n_sentences", "n_words").toString());
 * ```
 * @module
 */

// Load and clean
export { type Article } from "./corpus/article.ts";
export { type CleanArticle } from "./corpus/clean.ts";
export { CorpusError, formatIssue, type LoadIssue } from "./corpus/issues.ts";
export { loadCorpus, type LoadOptions, type LoadResult, type Rejection } from "./corpus/load.ts";

// Segment
export { splitSentences } from "./text/sentences.ts";
export { tokenize } from "./text/tokens.ts";

// Run every stage: in memory, or in batches to files
export {
  type Analysis,
  analyzeCorpus,
  type AnalyzeOptions,
  type CorpusFrames,
  corpusFrames,
} from "./pipeline.ts";
export { analyzeToFiles, type BatchedOptions, type BatchedRun } from "./batch/run.ts";

// Frames: build, read and write them
export { articlesFrame } from "./frames/articles.ts";
export { sentencesFrame, tokensFrame } from "./frames/sentences.ts";
export { type FrameFormat, writeFrames } from "./frames/write.ts";
export { readFrame } from "./frames/partitions.ts";
export { topByGroup, type TopOptions } from "./frames/top.ts";

// Extract: entities, figures, quotes
export { extractCorpus, type Extraction, type ExtractOptions } from "./extract/extract.ts";
export { extractionFrames } from "./extract/frames.ts";
export { type Gazetteer, loadGazetteerFile } from "./extract/gazetteer.ts";

// Measure: terms and keyness
export { type ArticleTermCounts, countTerms, type TermOptions, termsFrame } from "./stats/terms.ts";
export { type GroupBy } from "./stats/groups.ts";
export { type GroupTermCounts, groupTermCounts, groupTermsFrame } from "./stats/outlet_terms.ts";
export {
  type DocumentKeynessOptions,
  keynessByGroup,
  keynessOf,
  type KeynessOptions,
} from "./stats/keyness.ts";
export { kwic, type KwicOptions } from "./stats/kwic.ts";
export { type CollocationOptions, collocations } from "./stats/collocations.ts";

// Measure: framing, tone, readability
export { type Lexicon } from "./stats/lexicon.ts";
export { loadLexicon } from "./stats/dictionaries.ts";
export {
  findFraming,
  framingFrame,
  type FramingMatches,
  framingSummary,
  lexiconsOf,
} from "./stats/framing.ts";
export {
  type SentenceSentiment,
  sentenceSentiment,
  sentimentByArticle,
  sentimentByEntity,
  sentimentByGroup,
  sentimentFrame,
  type Tone,
} from "./stats/sentiment.ts";
export { readabilityFrame } from "./stats/readability.ts";

// Measure: text reuse
export { compareTexts, type TextComparison } from "./stats/reuse/compare.ts";
export { reuseStageFrames } from "./stats/reuse/stage.ts";

// Chart
export { type Chart, chartToSVG } from "./charts/chart.ts";
export { allCharts, type CatalogOptions } from "./charts/catalog.ts";
export {
  keynessChart,
  scatterChart,
  type ScatterOptions,
  type TermChartOptions,
  topTermsChart,
} from "./charts/terms.ts";
export { type FramingChartOptions, framingHeatmap, namingChart } from "./charts/framing.ts";
export {
  entitiesChart,
  quoteSpeakersChart,
  quoteTypesChart,
  type VoiceChartOptions,
} from "./charts/voices.ts";
export { figuresChart, type FiguresChartOptions } from "./charts/figures.ts";
export { alignmentChart, similarityHeatmap } from "./charts/reuse.ts";
export { sentimentChart } from "./charts/sentiment.ts";
export { type ChartFormat, writeCharts } from "./charts/export.ts";

// Report
export { type ReportOptions, reportPage } from "./charts/report.ts";
export { escapeMarkdown } from "./text/escape.ts";
