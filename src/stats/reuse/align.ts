/**
 * Sentence alignment across articles: every pair of sentences from different articles that the
 * inverted index proposes is scored twice and given a class.
 *
 * - `similarity`: cosine of the sentences' tf-idf vectors of content stems (see features.ts);
 *   it sees paraphrase, the same content words reworded and reordered.
 * - `containment`: share of the shorter sentence's word 3-shingles found in the other; it finds
 *   candidates and is reported.
 * - `containment_5`: the same with word 5-shingles: it decides copying. Two sentences sharing
 *   "a lot of people" share half the 3-shingles of a 6-word sentence, and no 5-shingle.
 *
 * Classes, first match wins (the thresholds are {@link DEFAULT_REUSE_OPTIONS}):
 * | class | rule | seed example |
 * | --- | --- | --- |
 * | verbatim | containment_5 ≥ 0.95, shorter sentence ≥ 6 words | (none in the seeds) |
 * | near-verbatim | containment_5 ≥ 0.5, shorter sentence ≥ 6 words | 000:18 ~ 003:14 (one sentence, a "have" added): similarity 1 |
 * | paraphrase | similarity ≥ 0.45, shorter sentence ≥ 6 words | 000:12 ~ 001:8 (the same point reworded): similarity 0.563, containment 0.182 |
 * | topical | similarity ≥ 0.3, shorter sentence ≥ 6 words | 000:8 ~ 002:1 (the same two leaders meet, two years apart): 0.392 |
 *
 * Then two corrections, so no match is read as copying when it is not:
 * - **shared_quotation**: a verbatim, near-verbatim or paraphrase pair where both sentences are
 *   mostly quotation (at least half their characters inside quotation marks, when the sentence
 *   text is given). Two outlets quoting the same newsmaker on the same day have not copied each
 *   other; these pairs are reported apart and never count toward shares or sources. A quotation
 *   turned into reported speech still counts: the rewrite keeps the first outlet's translation
 *   and wording (seeds 000:10 ~ 001:6: one clause with two words changed).
 * - **boilerplate** sentences ("Getty.", "ABSTRACT.", a "Read more at" line recurring in three
 *   or more articles, or on the caller's list; see features.ts) are not aligned at all.
 *
 * Pairs below every rule are not kept. Why these numbers: on the seeds every hand-checked rewrite
 * pair scores a similarity of 0.457 or more, and the closest pair across the 2023 and 2025 visits
 * scores 0.400. Containment 0.5 means half the shorter sentence's word runs are copied: rewrites
 * that reword as they copy stay below it (000:10 ~ 001:6, 0.458, is a paraphrase by similarity),
 * and no pair across the 2023 and 2025 stories passes 0.2. Sentences under 6 words (subheads,
 * "DECLINE IN TRADE") have too few shingles for a containment to mean copying, so they are
 * classed by similarity alone, unless they are the same words (then verbatim).
 * @module
 */

import pl from "nodejs-polars";
import { float64, utf8 } from "../../frames/columns.ts";
import { Float64Buffer, Int32Buffer } from "./buffers.ts";
import { CandidateIndex, type CandidateStats, candidateTest, hashRows } from "./candidates.ts";
import { ReuseError } from "./errors.ts";
import {
  buildFeatures,
  DEFAULT_SHINGLE_SIZE,
  type ReuseFeatures,
  type ReuseInput,
} from "./features.ts";
import { containment, containmentAtLeast, rowCosine } from "./similarity.ts";

/**
 * The four classes of a sentence pair, from the closest copy to the loosest match.
 *
 * @example
 * ```ts
 * import { REUSE_CLASSES } from "newsframe";
 *
 * console.log(REUSE_CLASSES.join(" > ")); // from the closest copy to the loosest match
 * ```
 */
export const REUSE_CLASSES = [
  "verbatim",
  "near-verbatim",
  "paraphrase",
  "topical",
  "shared_quotation",
] as const;
/** A class of sentence reuse. */
export type ReuseClass = typeof REUSE_CLASSES[number];

/** Class codes as stored in {@link Alignment.reuseClass} (index into {@link REUSE_CLASSES}). */
export const VERBATIM = 0;
/** @see VERBATIM */
export const NEAR_VERBATIM = 1;
/** @see VERBATIM */
export const PARAPHRASE = 2;
/** @see VERBATIM */
export const TOPICAL = 3;
/** @see VERBATIM */
export const SHARED_QUOTATION = 4;

/** Quoted share of a sentence from which it is "mostly quotation". */
export const QUOTATION_SHARE = 0.5;

/** Every threshold of the alignment (see the module notes for why each value). */
export interface ReuseOptions {
  /** Words per shingle. */
  shingleSize: number;
  /** Containment from which a pair is verbatim. */
  verbatimContainment: number;
  /** Containment from which a pair is near-verbatim. */
  nearVerbatimContainment: number;
  /** Words the shorter sentence needs for the containment classes to apply. */
  minCopyWords: number;
  /** Similarity (cosine) from which a pair is a paraphrase. */
  paraphraseSimilarity: number;
  /** Similarity from which a pair is kept at all, as topical. */
  topicalSimilarity: number;
  /** Content terms in more sentences than this are not indexed for candidates (see candidates.ts). */
  maxPostings: number;
  /** Indexed terms a sentence pair must share to be scored. */
  minShared: number;
  /** Lines that are boilerplate wherever they occur (compared in lower case, words only). */
  boilerplate: readonly string[];
}

/** The thresholds used unless told otherwise. */
export const DEFAULT_REUSE_OPTIONS: Readonly<ReuseOptions> = Object.freeze({
  shingleSize: DEFAULT_SHINGLE_SIZE,
  verbatimContainment: 0.95,
  nearVerbatimContainment: 0.5,
  minCopyWords: 6,
  paraphraseSimilarity: 0.45,
  topicalSimilarity: 0.3,
  maxPostings: 200,
  minShared: 2,
  boilerplate: [],
});

/**
 * The class of a pair from its scores (similarity, and the containment of word 5-shingles) and
 * the two sentences' word counts, or -1 when it is below every rule. When the shorter sentence
 * has fewer than `minCopyWords` words it is verbatim only when the two are the same words
 * (containment 1 at equal length), and never a paraphrase nor topical: "(h/t Mediaite.)" and
 * "Read the rest of the story at Mediaite." share a name, not text, and a subhead "UP NEXT" is
 * no topic shared with "… will report results next week".
 */
export function classifyPair(
  similarity: number,
  copyContainment: number,
  wordsA: number,
  wordsB: number,
  options: Readonly<ReuseOptions> = DEFAULT_REUSE_OPTIONS,
): number {
  const short = Math.min(wordsA, wordsB) < options.minCopyWords;
  if (short) {
    if (wordsA === wordsB && wordsA > 0 && copyContainment === 1) return VERBATIM;
  } else {
    if (copyContainment >= options.verbatimContainment) return VERBATIM;
    if (copyContainment >= options.nearVerbatimContainment) return NEAR_VERBATIM;
    if (similarity >= options.paraphraseSimilarity) return PARAPHRASE;
    if (similarity >= options.topicalSimilarity) return TOPICAL;
  }
  return -1;
}

/** The scores and class code of one sentence pair (class -1: below every rule). */
export interface PairScore {
  similarity: number;
  containment: number;
  copyContainment: number;
  reuseClass: number;
}

/**
 * Scores sentences i and j of `features` and gives the pair its class, the quotation correction
 * included. Boilerplate sentences are not scored (class -1).
 */
export function scorePair(
  features: ReuseFeatures,
  i: number,
  j: number,
  options: Readonly<ReuseOptions> = DEFAULT_REUSE_OPTIONS,
): PairScore {
  if (features.boilerplate[i] || features.boilerplate[j]) {
    return { similarity: 0, containment: 0, copyContainment: 0, reuseClass: -1 };
  }
  const similarity = rowCosine(features.sentenceTerms, i, j);
  const contained = containment(features.shingles, i, j);
  const copied = containment(features.copyShingles, i, j);
  const words = features.sentenceWords;
  let c = classifyPair(similarity, copied, words[i], words[j], options);
  const quoted = features.quoteShare[i] >= QUOTATION_SHARE &&
    features.quoteShare[j] >= QUOTATION_SHARE;
  if (c >= 0 && c <= PARAPHRASE && quoted) c = SHARED_QUOTATION;
  return { similarity, containment: contained, copyContainment: copied, reuseClass: c };
}

/**
 * {@link scorePair} for the alignment loop: the same scores and class for a pair that is kept,
 * null for one below every rule, found with less work. Most candidates share a few rare words
 * and are neither similar nor copied: below the topical line only a copy class keeps a pair, so
 * the 5-shingle containment is only checked against its line (stopping early), and the
 * 3-shingle containment is computed for kept pairs alone.
 */
function keptPair(
  features: ReuseFeatures,
  i: number,
  j: number,
  options: Readonly<ReuseOptions>,
): PairScore | null {
  if (features.boilerplate[i] || features.boilerplate[j]) return null;
  const similarity = rowCosine(features.sentenceTerms, i, j);
  const words = features.sentenceWords;
  let copied: number;
  if (similarity >= options.topicalSimilarity) {
    copied = containment(features.copyShingles, i, j);
  } else {
    // classifyPair below the topical line: a short pair is kept only as the same words
    // (containment 1 at equal length), a longer one only from the near-verbatim line up.
    const short = Math.min(words[i], words[j]) < options.minCopyWords;
    if (short && !(words[i] === words[j] && words[i] > 0)) return null;
    const line = short ? 1 : options.nearVerbatimContainment;
    copied = containmentAtLeast(features.copyShingles, i, j, line);
    if (copied < 0) return null;
  }
  let c = classifyPair(similarity, copied, words[i], words[j], options);
  if (c < 0) return null;
  const quoted = features.quoteShare[i] >= QUOTATION_SHARE &&
    features.quoteShare[j] >= QUOTATION_SHARE;
  if (c <= PARAPHRASE && quoted) c = SHARED_QUOTATION;
  const contained = containment(features.shingles, i, j);
  return { similarity, containment: contained, copyContainment: copied, reuseClass: c };
}

/** Aligned pairs as columns: row k is the pair (a[k], b[k]) of sentence indexes, a < b. */
export interface PairChunk {
  a: Int32Array;
  b: Int32Array;
  /** Empty in a chunk read without its scores (see {@link PairSource.chunks}). */
  similarity: Float64Array;
  /** Empty in a chunk read without its scores. */
  containment: Float64Array;
  /** Containment of word 5-shingles: what the copy classes are decided on (empty without scores). */
  copyContainment: Float64Array;
  /** Index into {@link REUSE_CLASSES}. */
  reuseClass: Uint8Array;
}

/**
 * Aligned sentence pairs as columns: row k is the pair (a[k], b[k]) of sentence indexes, a < b,
 * sorted by b then a.
 */
export interface Alignment extends PairChunk {
  features: ReuseFeatures;
  options: Readonly<ReuseOptions>;
  /** Candidate generation figures: pairs scored, terms indexed and left out. */
  stats: CandidateStats;
}

/**
 * The aligned pairs of a corpus wherever they are: in memory (an {@link Alignment}, one chunk)
 * or in chunks read back from disk one at a time, so that what is made from them (frames, counts
 * per article pair) never needs them all at once.
 */
export interface PairSource {
  features: ReuseFeatures;
  options: Readonly<ReuseOptions>;
  /** Number of pairs in all chunks. */
  length: number;
  /**
   * The pairs chunk by chunk, in order (by b, then a); with `scores` false only `a`, `b` and
   * `reuseClass` are read (the other columns are empty).
   */
  chunks(scores?: boolean): Iterable<PairChunk>;
}

/** An alignment in memory as a {@link PairSource} of one chunk; a source as it is. */
export function pairSource(pairs: Alignment | PairSource): PairSource {
  if (!("a" in pairs)) return pairs;
  return {
    features: pairs.features,
    options: pairs.options,
    length: pairs.a.length,
    chunks: () => [pairs],
  };
}

/** A chunk of pairs as it fills; {@link take} hands the rows over and starts again. */
class ChunkBuffer {
  a = new Int32Buffer();
  b = new Int32Buffer();
  similarity = new Float64Buffer();
  containment = new Float64Buffer();
  copyContainment = new Float64Buffer();
  reuseClass = new Int32Buffer();

  push(a: number, b: number, score: PairScore): void {
    this.a.push(a);
    this.b.push(b);
    this.similarity.push(score.similarity);
    this.containment.push(score.containment);
    this.copyContainment.push(score.copyContainment);
    this.reuseClass.push(score.reuseClass);
  }

  get length(): number {
    return this.a.length;
  }

  take(): PairChunk {
    const chunk = {
      a: this.a.view().slice(),
      b: this.b.view().slice(),
      similarity: this.similarity.view().slice(),
      containment: this.containment.view().slice(),
      copyContainment: this.copyContainment.view().slice(),
      reuseClass: Uint8Array.from(this.reuseClass.view()),
    };
    Object.assign(this, new ChunkBuffer());
    return chunk;
  }
}

/**
 * The aligned pairs of a corpus in order (by sentence b, then a), in chunks of about
 * `chunkRows` pairs (a sentence's pairs are never split), with the candidate figures as the
 * generator's return value. Both candidate indexes (content terms, then shingles: a copy made of
 * common words shares no indexed term, but does share rare sequences) are walked in step,
 * sentence by sentence, so all the pairs of a sentence are known before the next one and each
 * chunk can be written out as it fills: nothing grows with the number of pairs. A pair is scored
 * once: the shingle index skips the pairs the term index proposed.
 *
 * @example
 * for (const chunk of alignedChunks(buildFeatures(analysis))) console.log(chunk.a.length);
 */
export function* alignedChunks(
  features: ReuseFeatures,
  options: Partial<ReuseOptions> = {},
  chunkRows = Infinity,
): Generator<PairChunk, CandidateStats> {
  const opts = checkOptions({ ...DEFAULT_REUSE_OPTIONS, ...options });
  if (features.shingleSize !== opts.shingleSize) {
    throw new ReuseError(
      `features were built with ${features.shingleSize}-word shingles, options ask for ${opts.shingleSize}`,
    );
  }
  const group = features.sentenceArticle;
  const byTerms = new CandidateIndex(features.sentenceTerms, features.sentenceDf, group, opts);
  const proposedByTerms = candidateTest(features.sentenceTerms, features.sentenceDf, opts);
  const shingleIndex = hashRows(features.shingles);
  const byShingles = new CandidateIndex(shingleIndex.rows, shingleIndex.df, group, opts);
  let newByShingles = 0;
  const chunk = new ChunkBuffer();
  const kept: { earlier: number; score: PairScore }[] = [];
  let later = 0;
  const keep = (earlier: number) => {
    const score = keptPair(features, earlier, later, opts);
    if (score) kept.push({ earlier, score });
  };
  const nSentences = features.sentenceIds.length;
  let yielded = false;
  for (; later < nSentences; later++) {
    kept.length = 0;
    byTerms.query(later, keep);
    byShingles.query(later, (earlier) => {
      if (proposedByTerms(earlier, later)) return;
      newByShingles++;
      keep(earlier);
    });
    byTerms.add(later);
    byShingles.add(later);
    // The index visits the earlier sentences of one sentence in no set order.
    kept.sort((x, y) => x.earlier - y.earlier);
    for (const { earlier, score } of kept) chunk.push(earlier, later, score);
    if (chunk.length >= chunkRows) {
      yielded = true;
      yield chunk.take();
    }
  }
  if (chunk.length || !yielded) yield chunk.take();
  const terms = byTerms.stats();
  const shingles = byShingles.stats();
  return {
    indexedTerms: terms.indexedTerms + shingles.indexedTerms,
    commonTerms: terms.commonTerms + shingles.commonTerms,
    candidates: terms.candidates + newByShingles,
    postingsWalked: terms.postingsWalked + shingles.postingsWalked,
  };
}

/**
 * Aligns the sentences of a corpus across articles: every pair of {@link alignedChunks}, in
 * memory.
 *
 * @example
 * const alignment = alignSentences(await analyzeCorpus("seeds"));
 * reusePairsFrame(alignment).filter(pl.col("class").eq(pl.lit("near-verbatim")));
 */
export function alignSentences(
  input: ReuseInput | ReuseFeatures,
  options: Partial<ReuseOptions> = {},
): Alignment {
  const opts = checkOptions({ ...DEFAULT_REUSE_OPTIONS, ...options });
  const features = "sentenceTerms" in input
    ? input
    : buildFeatures(input, opts.shingleSize, opts.boilerplate);
  const chunks = alignedChunks(features, opts);
  const first = chunks.next();
  const last = chunks.next(); // one chunk: its rows are every pair
  if (first.done || !last.done) throw new ReuseError("alignment: expected one chunk of pairs");
  return { features, options: opts, ...first.value, stats: last.value };
}

/**
 * Builds `reuse_pairs`: sentence_id_a, sentence_id_b, article_a, article_b, similarity,
 * containment, containment_5, class. One row per aligned pair, sentence a before sentence b in corpus order.
 */
export function reusePairsFrame(alignment: Alignment): pl.DataFrame {
  return pairsFrame(alignment.features, alignment);
}

/** The `reuse_pairs` rows of one chunk of pairs (see {@link reusePairsFrame}). */
export function pairsFrame(f: ReuseFeatures, chunk: PairChunk): pl.DataFrame {
  const { a, b } = chunk;
  const articleOf = (rows: Int32Array) => rows.map((s) => f.sentenceArticle[s]);
  return pl.DataFrame([
    idColumn(f, "sentence", "sentence_id_a", a),
    idColumn(f, "sentence", "sentence_id_b", b),
    idColumn(f, "article", "article_a", articleOf(a)),
    idColumn(f, "article", "article_b", articleOf(b)),
    float64("similarity", chunk.similarity),
    float64("containment", chunk.containment),
    float64("containment_5", chunk.copyContainment),
    utf8("class", Array.from(chunk.reuseClass, (c) => REUSE_CLASSES[c])),
  ]);
}

/** The sentence and article ids of each corpus's features as polars columns, made once. */
const idSeries = new WeakMap<ReuseFeatures, { sentence: pl.Series; article: pl.Series }>();

/**
 * A Utf8 column of the sentence or article ids at `rows` (indexes into the features' ids),
 * gathered natively from the ids as one polars column: tens of millions of pair rows then cross
 * into polars as integers, not as one JavaScript string per cell (at 100,000 news-size articles
 * writing `reuse_pairs` took longer than finding the pairs).
 *
 * @example
 * idColumn(features, "article", "article_a", Int32Array.of(0, 0, 2)); // 000…, 000…, 002…
 */
export function idColumn(
  f: ReuseFeatures,
  kind: "sentence" | "article",
  name: string,
  rows: Int32Array,
): pl.Series {
  let ids = idSeries.get(f);
  if (!ids) {
    ids = {
      sentence: utf8("id", f.sentenceIds),
      article: utf8("id", f.articleIds),
    };
    idSeries.set(f, ids);
  }
  return pl.DataFrame([ids[kind]])
    .select(pl.col("id").gather(pl.Series("at", rows)).alias(name))
    .getColumn(name);
}

/**
 * For each sentence, its best match in another article: the pair of the closest class, then the
 * highest similarity. -1 where a sentence has no match.
 */
export function bestMatches(alignment: Alignment): Int32Array {
  const n = alignment.features.sentenceIds.length;
  const best = new Int32Array(n).fill(-1);
  const bestPair = new Int32Array(n).fill(-1);
  const better = (k: number, current: number) =>
    current < 0 || alignment.reuseClass[k] < alignment.reuseClass[current] ||
    (alignment.reuseClass[k] === alignment.reuseClass[current] &&
      alignment.similarity[k] > alignment.similarity[current]);
  for (let k = 0; k < alignment.a.length; k++) {
    const s = alignment.a[k];
    const t = alignment.b[k];
    if (better(k, bestPair[s])) {
      bestPair[s] = k;
      best[s] = t;
    }
    if (better(k, bestPair[t])) {
      bestPair[t] = k;
      best[t] = s;
    }
  }
  return best;
}

function checkOptions(o: ReuseOptions): ReuseOptions {
  const unit = [
    "verbatimContainment",
    "nearVerbatimContainment",
    "paraphraseSimilarity",
    "topicalSimilarity",
  ] as const;
  for (const key of unit) {
    if (!(o[key] >= 0 && o[key] <= 1)) {
      throw new ReuseError(`option ${key} must be between 0 and 1, got ${o[key]}`);
    }
  }
  if (o.nearVerbatimContainment > o.verbatimContainment) {
    throw new ReuseError("option nearVerbatimContainment must not exceed verbatimContainment");
  }
  if (o.topicalSimilarity > o.paraphraseSimilarity) {
    throw new ReuseError("option topicalSimilarity must not exceed paraphraseSimilarity");
  }
  if (!Number.isInteger(o.minCopyWords) || o.minCopyWords < 1) {
    throw new ReuseError(`option minCopyWords must be a whole number ≥ 1, got ${o.minCopyWords}`);
  }
  return Object.freeze(o);
}
