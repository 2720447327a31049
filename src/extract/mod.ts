/**
 * Extract: who is named (entities, with the statistical recogniser and the gazetteers), which
 * figures are given, and who is quoted or reported (quotes, speakers, attributions), with their
 * frames and the data files (gazetteers, cues, title lists, figure words) they read.
 *
 * Reached as `newsframe/extract`; the verbs most notebooks need are also in `newsframe`.
 *
 * @example
 * ```ts
 * import { extractCorpus, extractionFrames } from "newsframe/extract";
 * import { analyzeCorpus } from "newsframe";
 *
 * const { quotes } = extractionFrames(extractCorpus(await analyzeCorpus("seeds")));
 * console.log(quotes.select("outlet", "speaker", "text").head(5).toString());
 * ```
 * @module
 */

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
} from "./entities.ts";
export { type EntitySetup, extractOptionsFor } from "./setup.ts";
export { extractFigures, type Figure, type FigureKind, type FigureOptions } from "./figures.ts";
export {
  type Attribution,
  extractQuotes,
  type Quote,
  type QuoteKind,
  type QuoteOptions,
  quoteSpans,
  type SpeakerType,
  type Speech,
} from "./quotes.ts";
export { type AgencyUse, articleAgencies, canonicalAgency } from "./agencies.ts";
export {
  emptyExtraction,
  extractArticle,
  extractCorpus,
  type Extraction,
  type ExtractOptions,
} from "./extract.ts";
export {
  agenciesFrame,
  attributionsFrame,
  entitiesFrame,
  extractionFrames,
  figuresFrame,
  quotesFrame,
} from "./frames.ts";
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
} from "./gazetteer.ts";
export {
  compileCues,
  compileTitles,
  type Cues,
  CuesSchema,
  DEFAULT_CUES,
  DEFAULT_TITLES,
  type TitleRules,
} from "./cues.ts";
export {
  compilePeriodWords,
  loadPeriodWordsFile,
  type PeriodWords,
  PeriodWordsSchema,
} from "./figures/period.ts";
export {
  compileMeasureWords,
  loadMeasureWordsFile,
  type MeasureWords,
  MeasureWordsSchema,
} from "./figures/measure.ts";
export { FigureDataError } from "./figures/scan.ts";
export {
  compileFigureWords,
  DEFAULT_FIGURE_WORDS,
  type FigureWords,
  FigureWordsSchema,
} from "./figure_words.ts";
