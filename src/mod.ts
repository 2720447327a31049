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
export {
  type CleanArticle,
  type Paragraph,
  type ParagraphKind,
  type Removal,
  type Repair,
} from "./corpus/clean.ts";
export { type Credit } from "./corpus/credit.ts";
export { CorpusError, formatIssue, type LoadIssue } from "./corpus/issues.ts";
export { loadCorpus, type LoadOptions, type LoadResult, type Rejection } from "./corpus/load.ts";

// Segment
export { type Span, splitSentences } from "./text/sentences.ts";
export { tokenize, type TokenSpan } from "./text/tokens.ts";
export { type Segmented, type Sentence, type TokenColumns } from "./text/segment.ts";

// Run every stage: in memory, or in batches to files
export {
  type Analysis,
  analyzeCorpus,
  type AnalyzeOptions,
  type CorpusFrames,
  corpusFrames,
} from "./pipeline.ts";

// Frames: build, read and write them
export { articlesFrame } from "./frames/articles.ts";
export { sentencesFrame, tokensFrame } from "./frames/sentences.ts";
export { type FrameFormat, writeFrames } from "./frames/write.ts";
export { readFrame } from "./frames/partitions.ts";
export { topByGroup, type TopOptions } from "./frames/top.ts";

// Extract: entities, figures, quotes
export { extractCorpus, type Extraction, type ExtractOptions } from "./extract/extract.ts";
export { type EntityMention as ExtractedMention, type EntitySource } from "./extract/entities.ts";
export { type Figure, type FigureKind } from "./extract/figures.ts";
export {
  type Attribution,
  type Quote,
  type QuoteKind,
  type SpeakerType,
  type Speech,
} from "./extract/quotes.ts";
export { type AgencyUse } from "./extract/agencies.ts";
export { extractionFrames } from "./extract/frames.ts";
export {
  ENTITY_TYPES,
  type EntityType,
  type Gazetteer,
  loadGazetteerFile,
} from "./extract/gazetteer.ts";

// Measure: terms and keyness
export { type ArticleTermCounts, countTerms, type TermOptions, termsFrame } from "./stats/terms.ts";
export { type GroupBy, type NamedGroupBy } from "./stats/groups.ts";
export { type GroupTermCounts, groupTermCounts, groupTermsFrame } from "./stats/outlet_terms.ts";
export {
  type DocumentKeynessOptions,
  keynessByGroup,
  keynessOf,
  type KeynessOptions,
} from "./stats/keyness.ts";
export { kwic, type KwicOptions } from "./stats/kwic.ts";
export { type PhrasePattern, type WordTest } from "./stats/patterns.ts";
export { type CollocationOptions, collocations } from "./stats/collocations.ts";

// Measure: framing, tone, readability
export {
  type Lexicon,
  type LexiconContext,
  type LexiconDimension,
  type LexiconFrame,
} from "./stats/lexicon.ts";
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
export { measureFrames, type MeasureOptions } from "./stages.ts";
export { type Frames, type MeasureSettings, type StageOptions } from "./frame_stage.ts";

// Measure: text reuse
export { compareTexts, type TextComparison } from "./stats/reuse/compare.ts";
export { REUSE_CLASSES, type ReuseClass, type ReuseOptions } from "./stats/reuse/align.ts";
export { reuseStageFrames } from "./stats/reuse/frames.ts";

// Chart
export { type Chart, chartToSVG, type PlotChart, type VegaLiteChart } from "./charts/chart.ts";
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
