/**
 * Extraction over a whole analysis, one pass per article: entities first, then figures (which
 * skip numbers inside names) and quotes (which need the speakers' mentions), then agencies.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence } from "../text/segment.ts";
import type { AgencyUse } from "./agencies.ts";
import { articleAgencies } from "./agencies.ts";
import { type Cues, DEFAULT_CUES } from "./cues.ts";
import {
  canonicalPeople,
  type EntityMention,
  type EntityRecogniser,
  extractEntities,
  LEXICON_PLACES,
  type PlaceLookups,
} from "./entities.ts";
import { trimOpeners } from "./entities/contexts.ts";
import type { FigureWords } from "./figure_words.ts";
import { extractFigures, type Figure } from "./figures.ts";
import type { MeasureWords } from "./figures/measure.ts";
import type { PeriodWords } from "./figures/period.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { type Attribution, extractQuotes, type Quote } from "./quotes.ts";

/** Everything extracted from a corpus (or one article), in text order per article. */
export interface Extraction {
  /** Every entity mention. */
  entities: EntityMention[];
  /** Every figure (money, percent, quantity, count, date). */
  figures: Figure[];
  /** Every quotation, with its speaker where known. */
  quotes: Quote[];
  /** Every piece of reported (indirect) speech. */
  attributions: Attribution[];
  /** The news agencies each article relies on. */
  agencies: AgencyUse[];
}

/** An extraction with nothing in it yet, to be filled article by article. */
export function emptyExtraction(): Extraction {
  return { entities: [], figures: [], quotes: [], attributions: [], agencies: [] };
}

/** The data extraction reads; each defaults to the files shipped under `data/entities/`. */
export interface ExtractOptions {
  /** Exact-match names (default: the general list); see `loadGazetteerFile`. */
  gazetteer?: Gazetteer;
  /** Speech cues and titles (default: `data/entities/` and `data/quotes/`). */
  cues?: Cues;
  /** Number words, units and scales (default: `data/entities/figure_words.json`). */
  figureWords?: FigureWords;
  /** The periods figures are stated for (default: `data/figures/periods.json`); see `loadPeriodWordsFile`. */
  figurePeriods?: PeriodWords;
  /** What figures measure (default: `data/figures/measures.json`); see `loadMeasureWordsFile`. */
  figureMeasures?: MeasureWords;
  /** The entity recogniser (default: none, lists and rules only). */
  model?: EntityRecogniser | null;
  /** Place kinds and first-name genders for the entity stage. */
  places?: PlaceLookups;
}

/** Extracts entities, figures, quotes, attributions and agencies from one article and its sentences. */
export function extractArticle(
  article: CleanArticle,
  sentences: readonly Sentence[],
  options: ExtractOptions = {},
  into: Extraction = emptyExtraction(),
  entities: EntityMention[] = extractEntities(article, sentences, options),
): Extraction {
  const figures = extractFigures(article.text, sentences, entities, {
    words: options.figureWords,
    periods: options.figurePeriods,
    measures: options.figureMeasures,
  });
  const { quotes, attributions } = extractQuotes(article, sentences, entities, options);
  into.entities.push(...entities);
  into.figures.push(...figures);
  into.quotes.push(...quotes);
  into.attributions.push(...attributions);
  into.agencies.push(
    ...articleAgencies(article, entities, quotes, attributions, options.gazetteer),
  );
  return into;
}

/**
 * Extracts from every article of an analysis.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, extractCorpus } from "newsframe";
 *
 * const { entities, quotes, figures } = extractCorpus(await analyzeCorpus("seeds"));
 * console.log(entities.length, quotes[0]?.speaker, figures[0]?.value);
 * ```
 */
export function extractCorpus(
  analysis: { articles: readonly CleanArticle[]; sentences: readonly Sentence[] },
  options: ExtractOptions = {},
): Extraction {
  const byArticle = new Map<string, Sentence[]>();
  for (const s of analysis.sentences) {
    let list = byArticle.get(s.articleId);
    if (!list) byArticle.set(s.articleId, list = []);
    list.push(s);
  }
  // Entities first for every article, so a bare surname takes the corpus's full name before
  // quotes name their speakers.
  const entities = analysis.articles.map((article) =>
    extractEntities(article, byArticle.get(article.id) ?? [], options)
  );
  // A word opening a sentence glued on a name: the corpus's own writing of it decides.
  const texts = new Map(analysis.articles.map((a) => [a.id, a.text]));
  trimOpeners(
    entities.flat(),
    texts,
    options.places ?? LEXICON_PLACES,
    options.cues ?? DEFAULT_CUES,
  );
  canonicalPeople(entities.flat(), options.cues);
  const out = emptyExtraction();
  analysis.articles.forEach((article, i) => {
    extractArticle(article, byArticle.get(article.id) ?? [], options, out, entities[i]);
  });
  return out;
}
