/**
 * The `measure` stage of `deno task analyze`: term statistics, keyness, framing, sentiment,
 * collocations and readability, each as a frame.
 * @module
 */

import type pl from "nodejs-polars";
import type { Analysis } from "../pipeline.ts";
import { bigramCounts, collocationsFrame } from "./collocations.ts";
import {
  findFraming,
  framingFrame,
  framingSummaryFrame,
  type FramingTally,
  framingTally,
  lexiconsOf,
  mergeFramingTally,
} from "./framing.ts";
import { type GroupBy, groupColumnName } from "./groups.ts";
import { keynessOfDocuments, type KeynessOptions } from "./keyness.ts";
import {
  type DocumentTermCounts,
  documentTermCounts,
  mergeDocumentTermCounts,
} from "./stratified.ts";
import type { Lexicon } from "./lexicon.ts";
import {
  type GroupTermCounts,
  groupTermCounts,
  groupTermsFrame,
  mergeGroupTermCounts,
} from "./outlet_terms.ts";
import { readabilityFrame } from "./readability.ts";
import {
  type EntityMention,
  mergeSentimentTally,
  sentenceSentiment,
  sentimentEntityTally,
  sentimentFrame,
  sentimentGroupTally,
  sentimentRollupFrame,
  type SentimentTally,
  type Tone,
} from "./sentiment.ts";
import { addCounts } from "./tally.ts";
import { framingWithinFrame, sentimentWithinFrame, withinGroup } from "./within.ts";
import {
  countTerms,
  mergeTermTally,
  type TermOptions,
  termsFrame,
  type TermTally,
  termTally,
} from "./terms.ts";

/** Options of {@link measureFrames}; the defaults are what `deno task analyze` writes. */
export interface MeasureOptions {
  /** Term options (default: lower-case unigrams and bigrams, stopwords removed). */
  terms?: TermOptions;
  /** Grouping for outlet_terms, keyness and the summaries (default "outlet"). */
  by?: GroupBy;
  /**
   * Keyness, framing and tone compare groups within each stratum of this field (event, story,
   * date): keyness pools per-stratum log-odds, `framing_within` and `sentiment_within` set each
   * group against the strata it covers (see `within.ts`).
   */
  within?: GroupBy;
  keyness?: KeynessOptions;
  /** Framing lexicons applied besides the defaults (`--lexicon FILE`; see `loadLexicon`). */
  lexicons?: readonly Lexicon[];
  /** false: leave out the default lexicons (`--no-default-lexicons`); default true. */
  defaultLexicons?: boolean;
  /** The sentence sentiment scorer (default "vader"; "afinn" for comparison). */
  tone?: Tone;
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
  const batch = measureBatch(analysis, options);
  const all = { ...batch.frames, ...measureCorpusFrames(batch.tally, options) };
  return Object.fromEntries(
    MEASURE_FRAMES.filter((name) => all[name]).map((name) => [name, all[name]]),
  );
}

/** The frames of the measure stage, in the order they are listed and written. */
export const MEASURE_FRAMES = [
  "terms",
  "outlet_terms",
  "keyness",
  "framing",
  "framing_summary",
  "sentiment",
  "sentiment_outlet",
  "collocations",
  "readability",
  "sentiment_entity",
  "framing_within",
  "sentiment_within",
];

/**
 * What the corpus-level frames of the measure stage are made from: sums over articles, so the
 * tallies of a corpus's batches add up ({@link mergeMeasureTally}) to the tally of the whole.
 */
export interface MeasureTally {
  terms: TermTally;
  groups: GroupTermCounts;
  /** Per-article counts with group and stratum: keyness takes articles as the unit. */
  docs: DocumentTermCounts;
  /** Bigram counts for collocations, when the term counts hold no bigrams (else from `terms`). */
  pairs?: Map<string, number>;
  framing: FramingTally;
  sentimentGroups: SentimentTally;
  sentimentEntities?: SentimentTally;
  /** With `within`: the framing and sentiment tallies by (group, stratum), see `within.ts`. */
  framingWithin?: FramingTally;
  sentimentWithin?: SentimentTally;
}

/**
 * The measure stage on some articles: the frames that are per article, sentence or match
 * (terms, framing, sentiment, readability), and the tally the corpus-level frames are made from.
 * With `partial` (a batch of a larger corpus), `terms` keeps every term and its df and idf are
 * the batch's own, to be made corpus-wide by `finishTerms`.
 */
export function measureBatch(
  analysis: Analysis,
  options: MeasureOptions & { partial?: boolean } = {},
): { frames: Record<string, pl.DataFrame>; tally: MeasureTally } {
  const by = options.by ?? "outlet";
  const counts = countTerms(analysis, options.terms);
  const lexicons = lexiconsOf(options.lexicons, options.defaultLexicons === false);
  const matches = findFraming(analysis, lexicons);
  const sentiment = sentenceSentiment(analysis, { tone: options.tone });
  const frames: Record<string, pl.DataFrame> = {
    terms: termsFrame(counts, options.partial ? { minCount: 1 } : {}),
    framing: framingFrame(matches),
    sentiment: sentimentFrame(sentiment),
    readability: readabilityFrame(analysis),
  };
  const tally: MeasureTally = {
    terms: termTally(counts),
    groups: groupTermCounts(counts, by),
    docs: documentTermCounts(counts, by, options.within),
    framing: framingTally(analysis, matches, by),
    sentimentGroups: sentimentGroupTally(sentiment, analysis.articles, by),
  };
  if (options.within !== undefined) {
    const pairs = withinGroup(by, options.within);
    tally.framingWithin = framingTally(analysis, matches, pairs);
    tally.sentimentWithin = sentimentGroupTally(sentiment, analysis.articles, pairs);
  }
  if (!counts.options.ngrams.includes(2)) {
    tally.pairs = bigramCounts(countTerms(analysis, { ...options.terms, ngrams: [2] }).counts);
  }
  if (options.entities) {
    tally.sentimentEntities = sentimentEntityTally(
      sentiment,
      analysis.articles,
      options.entities,
      by,
    );
  }
  return { frames, tally };
}

/** Adds the tally of a later batch to `into`, in place. */
export function mergeMeasureTally(into: MeasureTally, from: MeasureTally): MeasureTally {
  mergeTermTally(into.terms, from.terms);
  mergeGroupTermCounts(into.groups, from.groups);
  mergeDocumentTermCounts(into.docs, from.docs);
  if (into.pairs && from.pairs) addCounts(into.pairs, from.pairs);
  mergeFramingTally(into.framing, from.framing);
  mergeSentimentTally(into.sentimentGroups, from.sentimentGroups);
  if (into.sentimentEntities && from.sentimentEntities) {
    mergeSentimentTally(into.sentimentEntities, from.sentimentEntities);
  }
  if (into.framingWithin && from.framingWithin) {
    mergeFramingTally(into.framingWithin, from.framingWithin);
  }
  if (into.sentimentWithin && from.sentimentWithin) {
    mergeSentimentTally(into.sentimentWithin, from.sentimentWithin);
  }
  return into;
}

/**
 * The corpus-level frames of the measure stage from a (merged) tally: outlet_terms, keyness,
 * framing_summary, sentiment_outlet, collocations, and sentiment_entity when the tally has it.
 */
export function measureCorpusFrames(
  tally: MeasureTally,
  options: MeasureOptions = {},
): Record<string, pl.DataFrame> {
  const by = options.by ?? "outlet";
  const byName = groupColumnName(by);
  const frames: Record<string, pl.DataFrame> = {
    outlet_terms: groupTermsFrame(tally.groups),
    keyness: keynessOfDocuments(tally.docs, options.keyness),
    framing_summary: framingSummaryFrame(
      tally.framing,
      lexiconsOf(options.lexicons, options.defaultLexicons === false),
      by,
    ),
    sentiment_outlet: sentimentRollupFrame(tally.sentimentGroups, [byName]),
    collocations: collocationsFrame(tally.pairs ?? bigramCounts([tally.terms.total])),
  };
  if (tally.sentimentEntities) {
    frames.sentiment_entity = sentimentRollupFrame(tally.sentimentEntities, ["entity", byName]);
  }
  if (options.within !== undefined && tally.framingWithin && tally.sentimentWithin) {
    frames.framing_within = framingWithinFrame(
      tally.framingWithin,
      lexiconsOf(options.lexicons, options.defaultLexicons === false),
      by,
      options.within,
    );
    frames.sentiment_within = sentimentWithinFrame(tally.sentimentWithin, by, options.within);
  }
  return frames;
}
