/**
 * newsframe: compare how news outlets cover the same story.
 *
 * The data flows one way: load → clean → segment → extract → measure → chart. Every function
 * here is what `deno task analyze` and the notebooks call.
 *
 * @example
 * import { analyzeCorpus, corpusFrames } from "./src/mod.ts";
 * const analysis = await analyzeCorpus("seeds");
 * const { articles, sentences, tokens } = corpusFrames(analysis);
 * console.log(articles.select("article_id", "outlet", "n_sentences", "n_words").toString());
 * @module
 */

// Load and clean
export { type Article, recordToArticle, UNKNOWN_OUTLET } from "./corpus/article.ts";
export {
  type CleanArticle,
  cleanArticle,
  type Paragraph,
  type ParagraphKind,
  type Removal,
  type Repair,
} from "./corpus/clean.ts";
export { type Credit, isCreditLine, parseCredit } from "./corpus/credit.ts";
export { CorpusError, formatIssue, type LoadIssue } from "./corpus/issues.ts";
export {
  loadCorpus,
  type LoadOptions,
  type LoadResult,
  type Rejection,
  streamCorpus,
} from "./corpus/load.ts";
export {
  type CleaningRules,
  compileCleaningRules,
  DEFAULT_CLEANING_RULES,
} from "./corpus/rules.ts";
export { ArticleRecordSchema, ManifestSchema } from "./corpus/schema.ts";

// Segment
export { type Span, splitSentences } from "./text/sentences.ts";
export {
  forEachToken,
  formOf,
  lowerForm,
  stemOf,
  STOPWORDS,
  type TokenForm,
  tokenize,
  type TokenSpan,
} from "./text/tokens.ts";
export { segmentArticles, type Segmented, type Sentence, TokenColumns } from "./text/segment.ts";

// Frames
export { ARTICLE_COLUMNS, articlesFrame } from "./frames/articles.ts";
export { cleaningFrame } from "./frames/cleaning.ts";
export { sentencesFrame, tokensFrame } from "./frames/sentences.ts";
export { flattenForCsv, type FrameFormat, writeFrames } from "./frames/write.ts";
export { topByGroup, type TopOptions } from "./frames/top.ts";
export {
  type Analysis,
  analyzeArticles,
  analyzeCorpus,
  type CorpusFrames,
  corpusFrames,
} from "./pipeline.ts";
export {
  allFrames,
  type Frames,
  type FrameStage,
  stageFrames,
  type StageOptions,
  STAGES,
} from "./stages.ts";
export { clearFrames, partitionDir, readFrame, writePartition } from "./frames/partitions.ts";
export { analyzeToFiles, type BatchedOptions, type BatchedRun } from "./batch/run.ts";

// Extract (entities, figures, quotes)
// (`ExtractedMention` is the extractor's full mention; sentiment's `EntityMention` is a lighter shape.)
export {
  canonicalPeople,
  type EntityMention as ExtractedMention,
  type EntityOptions,
  type EntityRecogniser,
  type EntitySource,
  extractEntities,
  LEXICON_PLACES,
  NO_PLACES,
  type PlaceLookups,
  type RecognisedSpan,
  recogniserOf,
  type SentenceContext,
  shippedRecogniser,
  shortForm,
} from "./extract/entities.ts";
export { type EntitySetup, extractOptionsFor } from "./extract/setup.ts";
export {
  extractFigures,
  type Figure,
  type FigureKind,
  type FigureOptions,
} from "./extract/figures.ts";
export {
  type Attribution,
  extractQuotes,
  type Quote,
  type QuoteKind,
  type QuoteOptions,
  quoteSpans,
  type SpeakerType,
  type Speech,
} from "./extract/quotes.ts";
export { type AgencyUse, articleAgencies, canonicalAgency } from "./extract/agencies.ts";
export {
  emptyExtraction,
  extractArticle,
  extractCorpus,
  type Extraction,
  type ExtractOptions,
} from "./extract/extract.ts";
export {
  agenciesFrame,
  attributionsFrame,
  entitiesFrame,
  extractionFrames,
  figuresFrame,
  quotesFrame,
} from "./extract/frames.ts";
export {
  compileGazetteer,
  DEFAULT_GAZETTEER,
  ENTITY_TYPES,
  type EntityType,
  type Gazetteer,
  type GazetteerEntry,
  GazetteerError,
  GazetteerSchema,
  GENERAL_GAZETTEER,
  loadGazetteerFile,
  NO_GAZETTEER,
} from "./extract/gazetteer.ts";
export {
  compileCues,
  compileTitles,
  type Cues,
  CuesSchema,
  DEFAULT_CUES,
  DEFAULT_TITLES,
  type TitleRules,
} from "./extract/cues.ts";
export {
  compileFigureWords,
  DEFAULT_FIGURE_WORDS,
  type FigureWords,
  FigureWordsSchema,
} from "./extract/figure_words.ts";

// Measure (terms, keyness, framing, reuse, sentiment)
export {
  type ArticleTermCounts,
  corpusTermStats,
  countTerms,
  HONORIFICS,
  ISO_STOPWORDS,
  ngramOrder,
  type ResolvedTermOptions,
  resolveTermOptions,
  type TermOptions,
  termsFrame,
} from "./stats/terms.ts";
export { type GroupBy, groupColumnName, groupsOf } from "./stats/groups.ts";
export { type GroupTermCounts, groupTermCounts, groupTermsFrame } from "./stats/outlet_terms.ts";
export {
  chiSquare1Sf,
  compareCounts,
  type DocumentKeynessOptions,
  dunningG2,
  keyness,
  keynessBetween,
  keynessByGroup,
  keynessOf,
  keynessOfDocuments,
  type KeynessOptions,
  type KeynessPrior,
  logOddsDirichlet,
  logRatio,
  REST,
} from "./stats/keyness.ts";
export {
  benjaminiHochberg,
  type DocumentTermCounts,
  documentTermCounts,
  mergeDocumentTermCounts,
} from "./stats/stratified.ts";
export {
  inflectionsOf,
  parsePattern,
  PatternError,
  type PhraseMatch,
  PhraseMatcher,
  type PhrasePattern,
  type WordParts,
  wordParts,
  type WordTest,
} from "./stats/patterns.ts";
export {
  compileLexicon,
  type Lexicon,
  type LexiconData,
  type LexiconDimension,
  LexiconError,
  type LexiconFrame,
  LexiconFrameSchema,
  LexiconSchema,
  MEDIA_FRAMES_LEXICON,
} from "./stats/lexicon.ts";
export {
  entryPattern,
  lexicoderLexicon,
  LEXICON_FORMATS,
  lexiconErrorLine,
  liwcLexicon,
  loadLexicon,
  loadLexicons,
  yamlLexicon,
} from "./stats/dictionaries.ts";
export { lexiconReach } from "./stats/lexicon_vocabulary.ts";
export {
  DEFAULT_LEXICONS,
  findFraming,
  framingFrame,
  type FramingMatches,
  framingSummary,
  lexiconsOf,
} from "./stats/framing.ts";
export { kwic, type KwicOptions } from "./stats/kwic.ts";
export { type CollocationOptions, collocations } from "./stats/collocations.ts";
export {
  afinnAnalyzer,
  type EntityMention,
  mentionsByName,
  type SentenceSentiment,
  sentenceSentiment,
  sentimentByArticle,
  sentimentByEntity,
  sentimentByGroup,
  sentimentFrame,
  type Tone,
  TONES,
} from "./stats/sentiment.ts";
export { isNegation, type VaderScore, vaderScore, vaderText } from "./stats/vader.ts";
export { ranks, spearman } from "./stats/rank.ts";
export { mattr, readabilityFrame, syllables } from "./stats/readability.ts";
export {
  measureBatch,
  measureCorpusFrames,
  measureFrames,
  type MeasureOptions,
  type MeasureTally,
  mergeMeasureTally,
} from "./stats/measure.ts";
// Measure: text reuse, article similarity, coverage diff, figure consistency
export {
  type Alignment,
  alignSentences,
  bestMatches,
  classifyPair,
  DEFAULT_REUSE_OPTIONS,
  REUSE_CLASSES,
  type ReuseClass,
  type ReuseOptions,
  reusePairsFrame,
  scorePair,
  SHARED_QUOTATION,
} from "./stats/reuse/align.ts";
export {
  articleCosine,
  type ArticleSimilarity,
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
  DEFAULT_SOURCE_OPTIONS,
  type SourceOptions,
} from "./stats/reuse/articles.ts";
export {
  type CandidateOptions,
  type CandidateStats,
  forEachCandidate,
} from "./stats/reuse/candidates.ts";
export { compareTexts, type TextComparison } from "./stats/reuse/compare.ts";
export {
  type CoverageColumns,
  coverageFrame,
  type ItemColumns,
  itemCoverage,
  itemKey,
  itemsFromFrame,
  quoteCoverage,
  sentenceCoverage,
} from "./stats/reuse/coverage.ts";
export { ReuseError } from "./stats/reuse/errors.ts";
export {
  buildFeatures,
  COPY_SHINGLE_SIZE,
  DEFAULT_SHINGLE_SIZE,
  type HashSets,
  quotedShare,
  type ReuseFeatures,
  type ReuseInput,
  type SparseRows,
} from "./stats/reuse/features.ts";
export {
  compareFigures,
  FIGURE_CONTEXT_WORDS,
  type FigureChecks,
  type FigureColumns,
  figureConsistency,
  figureConsistencyFrame,
  figureContexts,
  figureItems,
  figuresFromFrame,
  type FigureStatus,
  type TokenContext,
} from "./stats/reuse/figures.ts";
export { containment, containmentIn, rowCosine } from "./stats/reuse/similarity.ts";
export { type ExtractedFrames, reuseFrames, reuseStageFrames } from "./stats/reuse/stage.ts";

// Chart
export {
  type Chart,
  chartData,
  chartToSVG,
  JUPYTER_DISPLAY,
  type PlotChart,
  plotChart,
  type VegaLiteChart,
  vegaLiteChart,
} from "./charts/chart.ts";
export { allCharts } from "./charts/catalog.ts";
export { keynessChart, scatterChart, type ScatterOptions, topTermsChart } from "./charts/terms.ts";
export {
  captionLines,
  captionOf,
  type CaptionParts,
  type GroupSize,
  groupSizes,
  withCaption,
} from "./charts/caption.ts";
export {
  framingCharts,
  framingHeatmap,
  namingChart,
  namingDimensions,
  nothingChart,
} from "./charts/framing.ts";
export { entitiesChart, quoteSpeakersChart, quoteTypesChart } from "./charts/voices.ts";
export { figuresChart } from "./charts/figures.ts";
export { alignmentChart, similarityHeatmap } from "./charts/reuse.ts";
export { sentimentChart } from "./charts/sentiment.ts";
export { CHART_CONFIG, OUTLET_PALETTE, outletScale } from "./charts/theme.ts";
export {
  escapeHtml,
  plotToSVG,
  scriptSafeJson,
  svgToPNG,
  vegaLiteToSVG,
} from "./charts/render.ts";
export { type ChartFormat, chartPage, writeCharts } from "./charts/export.ts";
export { htmlTable, reportPage } from "./charts/report.ts";
export { escapeMarkdown } from "./text/escape.ts";
