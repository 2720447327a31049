/**
 * Extraction over a whole analysis, one pass per article: entities first, then figures (which
 * skip numbers inside names) and quotes (which need the speakers' mentions), then agencies.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence } from "../text/segment.ts";
import { type AgencyUse, articleAgencies } from "./agencies.ts";
import type { Cues } from "./cues.ts";
import { type EntityMention, extractEntities } from "./entities.ts";
import type { FigureWords } from "./figure_words.ts";
import { extractFigures, type Figure } from "./figures.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { type Attribution, extractQuotes, type Quote } from "./quotes.ts";

/** Everything extracted from a corpus (or one article), in text order per article. */
export interface Extraction {
  entities: EntityMention[];
  figures: Figure[];
  quotes: Quote[];
  attributions: Attribution[];
  agencies: AgencyUse[];
}

/** The data extraction reads; each defaults to the files shipped under `data/entities/`. */
export interface ExtractOptions {
  gazetteer?: Gazetteer;
  cues?: Cues;
  figureWords?: FigureWords;
}

/** Extracts entities, figures, quotes, attributions and agencies from one article and its sentences. */
export function extractArticle(
  article: CleanArticle,
  sentences: readonly Sentence[],
  options: ExtractOptions = {},
  into: Extraction = emptyExtraction(),
): Extraction {
  const entities = extractEntities(article, sentences, options);
  const figures = extractFigures(article.text, sentences, entities, { words: options.figureWords });
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
 * const analysis = await analyzeCorpus("seeds");
 * const { entities, quotes } = extractCorpus(analysis);
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
  const out = emptyExtraction();
  for (const article of analysis.articles) {
    extractArticle(article, byArticle.get(article.id) ?? [], options, out);
  }
  return out;
}

/** An extraction with nothing in it. */
export function emptyExtraction(): Extraction {
  return { entities: [], figures: [], quotes: [], attributions: [], agencies: [] };
}
