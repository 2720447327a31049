/**
 * Collocations: adjacent word pairs that occur together more often than chance, scored by
 * pointwise mutual information and Dunning's log-likelihood (G²).
 *
 * Pairs are the bigrams of `countTerms` (same forms, same stopword rule: no pair across a
 * sentence boundary or a removed stopword). With N the number of bigrams, n the count of the
 * pair, n1 the bigrams starting with w1 and n2 those ending with w2:
 * - pmi = log2(n × N / (n1 × n2));
 * - g2 = the four-cell G² of the table (n, n1 − n, n2 − n, N − n1 − n2 + n), negative when the
 *   pair is rarer than chance; p = its chi-square tail (1 df).
 * PMI favours rare pairs, which is why `minCount` (default 3) matters.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { float64, int32, utf8 } from "../frames/columns.ts";
import type { TokenColumns } from "../text/segment.ts";
import { chiSquare1Sf, dunningG2 } from "./keyness.ts";
import { type ArticleTermCounts, cachedVocabulary, countTerms, type TermOptions } from "./terms.ts";

/** Options of {@link collocations}. */
export interface CollocationOptions {
  /** Forms and stopwords as in `countTerms` (`ngrams` is always `[2]` here). */
  terms?: Omit<TermOptions, "ngrams" | "minCount">;
  /** Keep pairs seen at least this often (default 3). */
  minCount?: number;
  /**
   * Term counts already made with bigrams (e.g. by the measure stage), to use instead of counting
   * again; `terms` is then ignored.
   */
  counts?: ArticleTermCounts;
}

/**
 * The `collocations` frame: bigram, w1, w2, n, n_w1, n_w2, pmi, g2, p, ordered by g2
 * descending.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, collocations } from "newsframe";
 *
 * collocations(await analyzeCorpus("seeds"), { minCount: 2 }).head(10);
 * ```
 */
export function collocations(
  analysis: { articles: readonly CleanArticle[]; tokens: TokenColumns },
  options: CollocationOptions = {},
): pl.DataFrame {
  const counted = options.counts?.options.ngrams.includes(2)
    ? options.counts
    : countTerms(analysis, { ...options.terms, ngrams: [2] });
  return collocationsFrame(bigramCounts(counted.counts), options.minCount);
}

/**
 * The bigrams of term counts summed over articles (counts made with other orders hold those
 * too; they are skipped). Sums of batches add up, so a corpus in batches gets its collocations
 * from {@link collocationsFrame} of the summed counts.
 */
export function bigramCounts(
  counts: Iterable<ReadonlyMap<string, number>>,
): Map<string, number> {
  const pairs = new Map<string, number>();
  // Counts whose vocabulary the terms frame made already: its bigrams, in the same order (first
  // appearance) with the same sums, without a lookup per (article, term).
  const vocab = Array.isArray(counts) ? cachedVocabulary(counts) : undefined;
  if (vocab) {
    for (let c = 0; c < vocab.terms.length; c++) {
      if (vocab.order[c] === 2) pairs.set(vocab.terms[c], vocab.total[c]);
    }
    return pairs;
  }
  for (const map of counts) {
    for (const [term, n] of map) {
      // Bigrams only: exactly one space.
      const space = term.indexOf(" ");
      if (space < 0 || term.indexOf(" ", space + 1) >= 0) continue;
      pairs.set(term, (pairs.get(term) ?? 0) + n);
    }
  }
  return pairs;
}

/** The `collocations` frame of bigram counts (see {@link collocations}). */
export function collocationsFrame(
  pairs: ReadonlyMap<string, number>,
  minCount = 3,
): pl.DataFrame {
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let total = 0;
  for (const [bigram, n] of pairs) {
    const space = bigram.indexOf(" ");
    const w1 = bigram.slice(0, space);
    const w2 = bigram.slice(space + 1);
    first.set(w1, (first.get(w1) ?? 0) + n);
    second.set(w2, (second.get(w2) ?? 0) + n);
    total += n;
  }
  const rows: {
    bigram: string;
    w1: string;
    w2: string;
    n: number;
    n1: number;
    n2: number;
    pmi: number;
    g2: number;
  }[] = [];
  for (const [bigram, n] of pairs) {
    if (n < minCount) continue;
    const space = bigram.indexOf(" ");
    const w1 = bigram.slice(0, space);
    const w2 = bigram.slice(space + 1);
    const n1 = first.get(w1)!;
    const n2 = second.get(w2)!;
    // The 2 × 2 table as a target (bigrams starting with w1) against the rest.
    const g2 = dunningG2(n, n2 - n, n1, total - n1);
    rows.push({ bigram, w1, w2, n, n1, n2, pmi: Math.log2((n * total) / (n1 * n2)), g2 });
  }
  rows.sort((a, b) => b.g2 - a.g2 || (a.bigram < b.bigram ? -1 : a.bigram > b.bigram ? 1 : 0));
  return pl.DataFrame([
    utf8("bigram", rows.map((r) => r.bigram)),
    utf8("w1", rows.map((r) => r.w1)),
    utf8("w2", rows.map((r) => r.w2)),
    int32("n", rows.map((r) => r.n)),
    int32("n_w1", rows.map((r) => r.n1)),
    int32("n_w2", rows.map((r) => r.n2)),
    float64("pmi", rows.map((r) => r.pmi)),
    float64("g2", rows.map((r) => r.g2)),
    float64("p", rows.map((r) => chiSquare1Sf(Math.abs(r.g2)))),
  ]);
}
