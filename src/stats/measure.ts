/**
 * The `measure` stage of `deno task analyze`: term statistics, keyness, framing, sentiment,
 * collocations and readability, each as a frame.
 * @module
 */

import type pl from "nodejs-polars";
import type { Analysis } from "../pipeline.ts";
import { collocations } from "./collocations.ts";
import { DEFAULT_LEXICONS, findFraming, framingFrame, framingSummary } from "./framing.ts";
import type { GroupBy } from "./groups.ts";
import { keynessByGroup, type KeynessOptions } from "./keyness.ts";
import type { Lexicon } from "./lexicon.ts";
import { groupTermCounts, groupTermsFrame } from "./outlet_terms.ts";
import { readabilityFrame } from "./readability.ts";
import {
  type EntityMention,
  sentenceSentiment,
  sentimentByEntity,
  sentimentByGroup,
  sentimentFrame,
} from "./sentiment.ts";
import { countTerms, type TermOptions, termsFrame } from "./terms.ts";

/** Options of {@link measureFrames}; the defaults are what `deno task analyze` writes. */
export interface MeasureOptions {
  /** Term options (default: lower-case unigrams and bigrams, stopwords removed). */
  terms?: TermOptions;
  /** Grouping for outlet_terms, keyness and the summaries (default "outlet"). */
  by?: GroupBy;
  keyness?: KeynessOptions;
  lexicons?: readonly Lexicon[];
  /**
   * Entity mentions (the extract stage's `entities` frame, or records with `sentenceId` and
   * `entity`): when given, `sentiment_entity` rolls sentence sentiment up per entity and group.
   */
  entities?: pl.DataFrame | readonly EntityMention[];
}

/**
 * Builds terms, outlet_terms, keyness, framing, framing_summary, sentiment, sentiment_outlet,
 * collocations and readability, and sentiment_entity when entity mentions are given. Terms are
 * counted once and shared.
 *
 * @example
 * const frames = measureFrames(await analyzeCorpus("seeds"));
 * frames.keyness.filter(pl.col("group").eq(pl.lit("Global News"))).head(10);
 */
export function measureFrames(
  analysis: Analysis,
  options: MeasureOptions = {},
): Record<string, pl.DataFrame> {
  const by = options.by ?? "outlet";
  const counts = countTerms(analysis, options.terms);
  const groups = groupTermCounts(counts, by);
  const lexicons = options.lexicons ?? DEFAULT_LEXICONS;
  const matches = findFraming(analysis, lexicons);
  const sentiment = sentenceSentiment(analysis);
  const frames: Record<string, pl.DataFrame> = {
    terms: termsFrame(counts),
    outlet_terms: groupTermsFrame(groups),
    keyness: keynessByGroup(groups, options.keyness),
    framing: framingFrame(matches),
    framing_summary: framingSummary(analysis, matches, lexicons, by),
    sentiment: sentimentFrame(sentiment),
    sentiment_outlet: sentimentByGroup(sentiment, analysis.articles, by),
    collocations: collocations(analysis, { terms: options.terms, counts }),
    readability: readabilityFrame(analysis),
  };
  if (options.entities) {
    frames.sentiment_entity = sentimentByEntity(sentiment, analysis.articles, options.entities, by);
  }
  return frames;
}
