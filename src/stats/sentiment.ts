/**
 * Sentence sentiment with natural's AFINN-165 analyzer, rolled up per group (outlet by default)
 * and per entity named in the sentence.
 *
 * What AFINN is and is not: a list of 3,382 English words scored from −5 to +5; a sentence's
 * score is natural's `getSentiment`, the sum of the scores of its words divided by its number
 * of words. Its negation is crude: after "not", "no", "never" or "neither", every later word of
 * the sentence has its sign flipped, however far away ("no sign of easing, … welcomed" turns
 * "welcomed" negative). The `negated` column marks such sentences so they can be checked or left
 * out. It knows no sarcasm, no quotation (a quoted accusation counts as the outlet's tone) and
 * nothing of news register; compare outlets on the same story, not absolute scores.
 * @module
 */

import SentimentAnalyzer from "natural/sentiment";
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { bool, float64, int32, utf8 } from "../frames/columns.ts";
import type { TokenColumns } from "../text/segment.ts";
import { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
import { parsePattern, PhraseMatcher, wordParts } from "./patterns.ts";

interface Analyzer {
  vocabulary: Record<string, number>;
  negations: string[];
  getSentiment(words: string[]): number;
}

let analyzer: Analyzer | undefined;

/** natural's English AFINN analyzer (no stemmer: AFINN lists inflected forms itself). */
export function afinnAnalyzer(): Analyzer {
  analyzer ??= new SentimentAnalyzer("English", null, "afinn") as Analyzer;
  return analyzer;
}

/** Sentiment of each sentence, as columns (row i of every array is sentence i). */
export interface SentenceSentiment {
  articleId: string[];
  outlet: string[];
  sentenceId: string[];
  nWords: number[];
  /** natural's score: the AFINN sum over the number of words. */
  score: number[];
  /** The AFINN sum itself (negation flips applied). */
  afinnSum: number[];
  /** Words found in AFINN. */
  nHits: number[];
  /** A negation word occurs, so every later AFINN word of the sentence was flipped. */
  negated: boolean[];
}

/**
 * Scores every sentence that has words.
 *
 * @example
 * const s = sentenceSentiment(analysis);
 * sentimentFrame(s).sort("score").head(5); // the most negative sentences
 */
export function sentenceSentiment(analysis: { tokens: TokenColumns }): SentenceSentiment {
  const { tokens } = analysis;
  const afinn = afinnAnalyzer();
  const negations = new Set(afinn.negations);
  const out: SentenceSentiment = {
    articleId: [],
    outlet: [],
    sentenceId: [],
    nWords: [],
    score: [],
    afinnSum: [],
    nHits: [],
    negated: [],
  };
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && tokens.sentenceId[i] === tokens.sentenceId[start]) continue;
    const words = tokens.lower.slice(start, i);
    const score = afinn.getSentiment(words);
    let hits = 0;
    let negated = false;
    for (const w of words) {
      if (negations.has(w)) negated = true;
      else if (afinn.vocabulary[w] !== undefined) hits++;
    }
    out.articleId.push(tokens.articleId[start]);
    out.outlet.push(tokens.outlet[start]);
    out.sentenceId.push(tokens.sentenceId[start]);
    out.nWords.push(words.length);
    out.score.push(score);
    // AFINN scores are whole numbers, so the sum is recovered exactly from natural's mean.
    out.afinnSum.push(Math.round(score * words.length));
    out.nHits.push(hits);
    out.negated.push(negated);
    start = i;
  }
  return out;
}

/** The `sentiment` frame: article_id, outlet, sentence_id, n_words, score, afinn_sum, n_hits, negated. */
export function sentimentFrame(s: SentenceSentiment): pl.DataFrame {
  return pl.DataFrame([
    utf8("article_id", s.articleId),
    utf8("outlet", s.outlet),
    utf8("sentence_id", s.sentenceId),
    int32("n_words", s.nWords),
    float64("score", s.score),
    int32("afinn_sum", s.afinnSum),
    int32("n_hits", s.nHits),
    bool("negated", s.negated),
  ]);
}

/** Sentiment sums of some sentences. */
export interface Rollup {
  sentences: number;
  words: number;
  sum: number;
  scoreSum: number;
  positive: number;
  negative: number;
  negated: number;
}

const emptyRollup = (): Rollup => ({
  sentences: 0,
  words: 0,
  sum: 0,
  scoreSum: 0,
  positive: 0,
  negative: 0,
  negated: 0,
});

function addTo(r: Rollup, s: SentenceSentiment, i: number): void {
  r.sentences++;
  r.words += s.nWords[i];
  r.sum += s.afinnSum[i];
  r.scoreSum += s.score[i];
  if (s.afinnSum[i] > 0) r.positive++;
  if (s.afinnSum[i] < 0) r.negative++;
  if (s.negated[i]) r.negated++;
}

function rollupColumns(keys: string[][], keyNames: string[], rollups: Rollup[]): pl.DataFrame {
  return pl.DataFrame([
    ...keyNames.map((name, k) => utf8(name, keys.map((key) => key[k]))),
    int32("sentences", rollups.map((r) => r.sentences)),
    int32("words", rollups.map((r) => r.words)),
    int32("afinn_sum", rollups.map((r) => r.sum)),
    float64("mean_score", rollups.map((r) => r.scoreSum / r.sentences)),
    float64("per_100_words", rollups.map((r) => (r.sum / r.words) * 100)),
    int32("positive", rollups.map((r) => r.positive)),
    int32("negative", rollups.map((r) => r.negative)),
    int32("negated", rollups.map((r) => r.negated)),
  ]);
}

/**
 * Sentence sentiment rolled up per group: `<by>`, sentences, words, afinn_sum, mean_score (mean
 * of sentence scores), per_100_words (afinn_sum per 100 words), positive, negative and negated
 * (sentences with a positive or negative sum, or a negation word).
 */
export function sentimentByGroup(
  s: SentenceSentiment,
  articles: readonly CleanArticle[],
  by: GroupBy = "outlet",
): pl.DataFrame {
  return sentimentRollupFrame(sentimentGroupTally(s, articles, by), [groupColumnName(by)]);
}

/**
 * Sentiment sums by key (a group, or an entity and a group), in the order rows are written.
 * Tallies of disjoint sets of sentences (batches) add up ({@link mergeSentimentTally}); the
 * frame's means are taken only at the end.
 */
export type SentimentTally = Map<string, { key: string[]; rollup: Rollup }>;

/** The per-group sentiment tally of some sentences. */
export function sentimentGroupTally(
  s: SentenceSentiment,
  articles: readonly CleanArticle[],
  by: GroupBy = "outlet",
): SentimentTally {
  const groupOf = groupsOf(articles, by);
  const groupOfArticle = new Map(articles.map((a, i) => [a.id, groupOf[i]]));
  const tally: SentimentTally = new Map();
  s.sentenceId.forEach((_, i) => {
    const g = groupOfArticle.get(s.articleId[i]);
    if (g == null) return;
    let entry = tally.get(g);
    if (!entry) tally.set(g, entry = { key: [g], rollup: emptyRollup() });
    addTo(entry.rollup, s, i);
  });
  return tally;
}

/** Adds `from` to `into`, in place. */
export function mergeSentimentTally(into: SentimentTally, from: SentimentTally): SentimentTally {
  for (const [k, { key, rollup }] of from) {
    const entry = into.get(k);
    if (!entry) {
      into.set(k, { key, rollup: { ...rollup } });
      continue;
    }
    const r = entry.rollup;
    r.sentences += rollup.sentences;
    r.words += rollup.words;
    r.sum += rollup.sum;
    r.scoreSum += rollup.scoreSum;
    r.positive += rollup.positive;
    r.negative += rollup.negative;
    r.negated += rollup.negated;
  }
  return into;
}

/** The frame of a sentiment tally, rows sorted by key; `keyNames` name the key columns. */
export function sentimentRollupFrame(tally: SentimentTally, keyNames: string[]): pl.DataFrame {
  const entries = [...tally.values()].sort((a, b) => compareKeys(a.key, b.key));
  return rollupColumns(
    entries.map((e) => e.key),
    keyNames,
    entries.map((e) => e.rollup),
  );
}

function compareKeys(a: string[], b: string[]): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/** One mention of an entity in a sentence (an `entities` frame row carries both). */
export interface EntityMention {
  sentenceId: string;
  entity: string;
}

/**
 * Finds entities by name: `names` maps a canonical name to its aliases as phrase patterns
 * (case and inflection tolerant). A stand-in for the kit's entity extraction.
 *
 * @example
 * mentionsByName(analysis, { "Xi Jinping": ["xi"], "Li Qiang": ["li qiang", "premier li"] });
 */
export function mentionsByName(
  analysis: { tokens: TokenColumns },
  names: Record<string, string[]>,
): EntityMention[] {
  const { tokens } = analysis;
  const parts = wordParts(tokens);
  const matcher = new PhraseMatcher(
    Object.entries(names).flatMap(([entity, aliases]) =>
      aliases.map((alias) => ({ pattern: parsePattern(alias), entry: entity }))
    ),
  );
  const out: EntityMention[] = [];
  matcher.scanAll(parts, (m) => {
    out.push({ sentenceId: tokens.sentenceId[parts.token[m.start]], entity: m.entry });
  });
  return out;
}

/**
 * Sentence sentiment per entity and group: entity, `<by>`, then the columns of
 * {@link sentimentByGroup}. A sentence counts once for each entity it names, however often.
 * `mentions` are {@link EntityMention}s or a frame with `sentence_id` and `entity` columns.
 */
export function sentimentByEntity(
  s: SentenceSentiment,
  articles: readonly CleanArticle[],
  mentions: readonly EntityMention[] | pl.DataFrame,
  by: GroupBy = "outlet",
): pl.DataFrame {
  return sentimentRollupFrame(sentimentEntityTally(s, articles, mentions, by), [
    "entity",
    groupColumnName(by),
  ]);
}

/** The per-entity and group sentiment tally of some sentences (see {@link sentimentByEntity}). */
export function sentimentEntityTally(
  s: SentenceSentiment,
  articles: readonly CleanArticle[],
  mentions: readonly EntityMention[] | pl.DataFrame,
  by: GroupBy = "outlet",
): SentimentTally {
  const list: EntityMention[] = Array.isArray(mentions) ? [...mentions] : (() => {
    const df = mentions as pl.DataFrame;
    const ids = df.getColumn("sentence_id").toArray() as string[];
    const entities = df.getColumn("entity").toArray() as (string | null)[];
    return ids.flatMap((sentenceId, i) =>
      entities[i] ? [{ sentenceId, entity: entities[i] as string }] : []
    );
  })();
  const sentenceIndex = new Map(s.sentenceId.map((id, i) => [id, i]));
  const groupOf = groupsOf(articles, by);
  const groupOfArticle = new Map(articles.map((a, i) => [a.id, groupOf[i]]));
  const seen = new Set<string>();
  const tally: SentimentTally = new Map();
  for (const { sentenceId, entity } of list) {
    const i = sentenceIndex.get(sentenceId);
    if (i === undefined) continue;
    const g = groupOfArticle.get(s.articleId[i]);
    if (g == null || seen.has(`${entity}\t${sentenceId}`)) continue;
    seen.add(`${entity}\t${sentenceId}`);
    const key = `${entity}\t${g}`;
    let entry = tally.get(key);
    if (!entry) tally.set(key, entry = { key: [entity, g], rollup: emptyRollup() });
    addTo(entry.rollup, s, i);
  }
  return tally;
}
