/**
 * Article similarity and source attribution: how alike two articles are as wholes, how much of
 * each is found in the other, and, for each article, the likely source it was rewritten from.
 *
 * - `cosine`: cosine of the articles' tf-idf vectors of content stems (idf over articles).
 * - `share_a_in_b` (directional): share of a's sentences that have a verbatim, near-verbatim or
 *   paraphrase match in b (topical matches do not count: they are the same subject, not the same
 *   text; shared quotations do not count: the same newsmaker quoted is not the same writing;
 *   boilerplate lines are never matched). `quotes_a_in_b` counts a's sentences with a shared
 *   quotation in b, reported apart.
 * - **Likely source** of a: the article b that covers the largest share of a, provided that
 *   1. the share is at least {@link DEFAULT_SOURCE_OPTIONS}.minShare = 0.4 (b covers a large part
 *      of a; on the seeds the two rewrites are covered 0.5 by their sources, the shares between
 *      stories that only reuse background stay under 0.3, and 000 in 001 (0.42) and 001 in 004
 *      (0.44) pass this test but fail the third);
 *   2. b was not published after a (when both dates are known); and
 *   3. when the dates are equal or unknown, b covers more of a than a covers of b. A rewrite
 *      adds little of its own, so it is mostly found in its source, while the source keeps
 *      material the rewrite dropped. This makes "source of" one-way for same-day copies; and
 *   4. at least {@link DEFAULT_SOURCE_OPTIONS}.minSentences = 3 sentences of a are found in b
 *      (not shared quotations, not boilerplate): a 1–2-sentence brief found whole elsewhere is
 *      a share of 1 on almost no evidence.
 *   `article_sources` states the evidence: the sentences found, the share, the source's date and
 *   which date rule decided ("earlier", "same date, covers more", "no date, covers more").
 *   Ties go to the earlier article, then to the higher cosine.
 *
 * Article pairs compared are those that share at least one aligned sentence pair, of any class
 * down to topical: the alignment already found them, so no second index is needed and the cost
 * stays linear in the aligned pairs. Two articles that share not even a topical sentence are not
 * listed (their similarity is low by construction; {@link articleCosine} scores any pair).
 * @module
 */

import pl from "nodejs-polars";
import { bool, float64, int32, utf8 } from "../../frames/columns.ts";
import {
  type Alignment,
  idColumn,
  type PairSource,
  pairSource,
  PARAPHRASE,
  SHARED_QUOTATION,
} from "./align.ts";
import { type ArticlePairs, articlePairs, MAX_LINKS, sentenceLinks } from "./links.ts";
import { sortedIndexOf } from "./buffers.ts";
import { ReuseError } from "./errors.ts";
import type { ReuseFeatures } from "./features.ts";
import { rowCosine } from "./similarity.ts";

/** Thresholds of article similarity and source attribution (see the module notes). */
export interface SourceOptions {
  /** Share of an article's sentences a source must cover. */
  minShare: number;
  /** Sentences of the article (not quotations, not boilerplate) the source must cover. */
  minSentences: number;
}

/** The thresholds used unless told otherwise. */
export const DEFAULT_SOURCE_OPTIONS: Readonly<SourceOptions> = Object.freeze({
  minShare: 0.4,
  minSentences: 3,
});

/** Directed article pairs as columns (each unordered pair appears twice, once per direction). */
export interface ArticleSimilarity {
  /** Article indexes (into the alignment's `features.articleIds`). */
  articleA: Int32Array;
  articleB: Int32Array;
  cosine: Float64Array;
  /** Sentences of a with a match (paraphrase or closer) in b. */
  foundAInB: Int32Array;
  /** `foundAInB` over the sentences of a. */
  shareAInB: Float64Array;
  /** Sentences of a with a shared quotation in b (not counted in `foundAInB`). */
  quotesAInB: Int32Array;
  /** Likely source of each article (article index), -1 where none qualifies. */
  source: Int32Array;
  /** Share of the article its likely source covers (NaN where there is none). */
  sourceShare: Float64Array;
  /** Sentences of the article its likely source covers (0 where there is none). */
  sourceSentences: Int32Array;
  /** The date rule that made the source (null where there is none; see the module notes). */
  sourceRule: (string | null)[];
}

/**
 * Compares articles from an alignment of their sentences.
 *
 * @example
 * const similarity = articleSimilarity(alignSentences(await analyzeCorpus("seeds")));
 * articleSourcesFrame(alignment, similarity); // 001 ← 000 …
 */
export function articleSimilarity(
  alignment: Alignment | PairSource,
  options: Partial<SourceOptions> = {},
  pairs?: ArticlePairs,
  maxLinks = MAX_LINKS,
): ArticleSimilarity {
  const opts = { ...DEFAULT_SOURCE_OPTIONS, ...options };
  if (!(opts.minShare > 0 && opts.minShare <= 1)) {
    throw new ReuseError(`option minShare must be above 0 and at most 1, got ${opts.minShare}`);
  }
  if (!(Number.isInteger(opts.minSentences) && opts.minSentences >= 1)) {
    throw new ReuseError(
      `option minSentences must be a whole number ≥ 1, got ${opts.minSentences}`,
    );
  }
  const aligned = pairSource(alignment);
  const f = aligned.features;
  const nArticles = f.articleIds.length;
  // Every article pair sharing an aligned sentence pair; rows 2p (x, y) and 2p + 1 (y, x).
  const keys = (pairs ?? articlePairs(aligned)).keys;
  const n = keys.length * 2;
  const articleA = new Int32Array(n);
  const articleB = new Int32Array(n);
  const cosine = new Float64Array(n);
  const foundAInB = new Int32Array(n);
  const shareAInB = new Float64Array(n);
  const quotesAInB = new Int32Array(n);
  // Sentences of a found in article b, counted once per (sentence, other article): distinct
  // links, a range of sentences at a time, not a set (or list) of every link at once.
  const countLinks = (keep: (c: number) => boolean, into: Int32Array) => {
    for (const range of sentenceLinks(aligned, keep, maxLinks)) {
      for (let i = 0; i < range.sentence.length; i++) {
        const x = f.sentenceArticle[range.sentence[i]];
        const y = range.article[i];
        const p = sortedIndexOf(keys, Math.min(x, y) * nArticles + Math.max(x, y));
        into[x < y ? 2 * p : 2 * p + 1]++;
      }
    }
  };
  countLinks((c) => c <= PARAPHRASE, foundAInB);
  countLinks((c) => c === SHARED_QUOTATION, quotesAInB);
  keys.forEach((key, p) => {
    const x = Math.floor(key / nArticles);
    const y = key - x * nArticles;
    const c = rowCosine(f.articleTerms, x, y);
    for (const [row, a, b] of [[2 * p, x, y], [2 * p + 1, y, x]]) {
      articleA[row] = a;
      articleB[row] = b;
      cosine[row] = c;
      shareAInB[row] = f.articleSentences[a] ? foundAInB[row] / f.articleSentences[a] : 0;
    }
  });

  // Likely sources: rows come in direction pairs (2p, 2p + 1), so the reverse share is at hand.
  const source = new Int32Array(nArticles).fill(-1);
  const sourceShare = new Float64Array(nArticles).fill(NaN);
  const sourceCosine = new Float64Array(nArticles);
  const sourceSentences = new Int32Array(nArticles);
  const sourceRule: (string | null)[] = new Array(nArticles).fill(null);
  for (let row = 0; row < n; row++) {
    const a = articleA[row];
    const b = articleB[row];
    const share = shareAInB[row];
    if (share < opts.minShare || foundAInB[row] < opts.minSentences) continue;
    const order = compareDates(f.published[b], f.published[a]);
    if (order > 0) continue; // b is later than a
    if (order === 0 && !(share > shareAInB[row ^ 1])) continue;
    const current = source[a];
    const wins = current < 0 || share > sourceShare[a] ||
      (share === sourceShare[a] &&
        (compareDates(f.published[b], f.published[current]) < 0 ||
          (compareDates(f.published[b], f.published[current]) === 0 &&
            cosine[row] > sourceCosine[a])));
    if (wins) {
      source[a] = b;
      sourceShare[a] = share;
      sourceCosine[a] = cosine[row];
      sourceSentences[a] = foundAInB[row];
      sourceRule[a] = order < 0
        ? "earlier"
        : f.published[a] && f.published[b]
        ? "same date, covers more"
        : "no date, covers more";
    }
  }
  return {
    articleA,
    articleB,
    cosine,
    foundAInB,
    shareAInB,
    quotesAInB,
    source,
    sourceShare,
    sourceSentences,
    sourceRule,
  };
}

/**
 * Cosine of two articles' tf-idf vectors, by id: for pairs the alignment did not list.
 *
 * @example
 * articleCosine(alignment.features, "000_56b2ab6aca23b9fa", "002_ade13a7782b6fbaf"); // 0.260…
 */
export function articleCosine(features: ReuseFeatures, a: string, b: string): number {
  const x = features.articleIds.indexOf(a);
  const y = features.articleIds.indexOf(b);
  for (const [id, i] of [[a, x], [b, y]] as const) {
    if (i < 0) throw new ReuseError(`article "${id}" is not in the corpus`);
  }
  return rowCosine(features.articleTerms, x, y);
}

/**
 * -1, 0 or 1 as date x is before, the same as or after date y; 0 when either is unknown.
 * ISO dates compare as strings.
 */
function compareDates(x: string | null, y: string | null): number {
  if (!x || !y) return 0;
  const dx = x.slice(0, 10);
  const dy = y.slice(0, 10);
  return dx < dy ? -1 : dx > dy ? 1 : 0;
}

/**
 * Builds `article_similarity`: article_a, article_b, cosine, sentences_a (sentences of a),
 * found_a_in_b, share_a_in_b, likely_source (b is a's likely source), quotes_a_in_b (a's
 * sentences with a shared quotation in b, not counted in found_a_in_b). Both directions of each
 * compared pair.
 */
export function articleSimilarityFrame(
  alignment: Alignment | PairSource,
  similarity: ArticleSimilarity,
  from = 0,
  to = similarity.articleA.length,
): pl.DataFrame {
  const f = alignment.features;
  const articleA = similarity.articleA.subarray(from, to);
  const articleB = similarity.articleB.subarray(from, to);
  return pl.DataFrame([
    idColumn(f, "article", "article_a", articleA),
    idColumn(f, "article", "article_b", articleB),
    float64("cosine", similarity.cosine.subarray(from, to)),
    int32("sentences_a", Array.from(articleA, (a) => f.articleSentences[a])),
    int32("found_a_in_b", similarity.foundAInB.subarray(from, to)),
    float64("share_a_in_b", similarity.shareAInB.subarray(from, to)),
    bool(
      "likely_source",
      Array.from(articleA, (a, row) => similarity.source[a] === articleB[row]),
    ),
    int32("quotes_a_in_b", similarity.quotesAInB.subarray(from, to)),
  ]);
}

/**
 * Builds `article_sources`: article_id, published, likely_source (null where none qualifies),
 * source_share (share of the article its source covers; null where none), and the evidence:
 * source_sentences (sentences found in the source), source_published, source_rule (the date rule
 * that decided; see the module notes).
 */
export function articleSourcesFrame(
  alignment: Alignment | PairSource,
  similarity: ArticleSimilarity,
): pl.DataFrame {
  const f = alignment.features;
  const { source, sourceShare, sourceSentences, sourceRule } = similarity;
  return pl.DataFrame([
    utf8("article_id", f.articleIds),
    utf8("published", f.published),
    utf8("likely_source", Array.from(source, (s) => (s < 0 ? null : f.articleIds[s]))),
    pl.Series("source_share", Array.from(sourceShare, (v) => (Number.isNaN(v) ? null : v)))
      .cast(pl.Float64),
    pl.Series("source_sentences", Array.from(sourceSentences, (v, a) => (source[a] < 0 ? null : v)))
      .cast(pl.Int32),
    utf8("source_published", Array.from(source, (s) => (s < 0 ? null : f.published[s]))),
    utf8("source_rule", sourceRule),
  ]);
}
