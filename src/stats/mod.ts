/**
 * Measure: term counts, keyness (log-likelihood, log-odds, per-document comparisons), KWIC and
 * collocations, framing lexicons (Media Frames, Lexicoder, LIWC-style), tone (VADER, AFINN),
 * readability, and text reuse between articles (aligned sentences, similarity, coverage, figure
 * consistency).
 *
 * Reached as `newsframe/stats`; the verbs most notebooks need are also in `newsframe`.
 *
 * @example
 * ```ts
 * import { countTerms, groupTermCounts, keynessByGroup } from "newsframe/stats";
 * import { analyzeCorpus } from "newsframe";
 *
 * const counts = countTerms(await analyzeCorpus("seeds"));
 * console.log(keynessByGroup(groupTermCounts(counts, "outlet")).head(10).toString());
 * ```
 * @module
 */

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
} from "./terms.ts";
export { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
export { type GroupTermCounts, groupTermCounts, groupTermsFrame } from "./outlet_terms.ts";
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
} from "./keyness.ts";
export {
  benjaminiHochberg,
  type DocumentTermCounts,
  documentTermCounts,
  mergeDocumentTermCounts,
} from "./stratified.ts";
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
} from "./patterns.ts";
export {
  compileLexicon,
  type Lexicon,
  type LexiconContext,
  LexiconContextSchema,
  type LexiconData,
  type LexiconDimension,
  LexiconError,
  type LexiconFrame,
  LexiconFrameSchema,
  LexiconSchema,
  MEDIA_FRAMES_LEXICON,
} from "./lexicon.ts";
export {
  entryPattern,
  lexicoderLexicon,
  LEXICON_FORMATS,
  lexiconErrorLine,
  liwcLexicon,
  loadLexicon,
  loadLexicons,
  yamlLexicon,
} from "./dictionaries.ts";
export { lexiconReach } from "./lexicon_vocabulary.ts";
export {
  DEFAULT_LEXICONS,
  findFraming,
  framingFrame,
  type FramingMatches,
  framingSummary,
  lexiconsOf,
} from "./framing.ts";
export { kwic, type KwicOptions } from "./kwic.ts";
export { type CollocationOptions, collocations } from "./collocations.ts";
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
} from "./sentiment.ts";
export { isNegation, type VaderScore, vaderScore, vaderText } from "./vader.ts";
export { ranks, spearman } from "./rank.ts";
export { mattr, readabilityFrame, syllables } from "./readability.ts";
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
} from "./reuse/align.ts";
export {
  articleCosine,
  type ArticleSimilarity,
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
  DEFAULT_SOURCE_OPTIONS,
  type SourceOptions,
} from "./reuse/articles.ts";
export { compareTexts, type TextComparison } from "./reuse/compare.ts";
export {
  coverageArticlesFrame,
  type CoverageColumns,
  coverageFrame,
  type ItemColumns,
  itemCoverage,
  itemKey,
  itemsFromFrame,
  quoteCoverage,
  sentenceCoverage,
} from "./reuse/coverage.ts";
export { ReuseError } from "./reuse/errors.ts";
export {
  frameFiles,
  REUSE_INDEX,
  reuseFramesFromParts,
  reuseIndexFrame,
  STEM_SEPARATOR,
} from "./reuse/parts.ts";
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
} from "./reuse/figures.ts";
