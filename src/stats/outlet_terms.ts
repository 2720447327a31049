/**
 * Term counts summed by group (outlet by default, or any article field) and the `outlet_terms`
 * frame of counts and rates per 1,000 words. Groups are summed from the per-article counts, so
 * the cost follows the number of (article, term) pairs, not the number of tokens.
 * @module
 */

import pl from "nodejs-polars";
import { float64, int32, utf8 } from "../frames/columns.ts";
import { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
import { type ArticleTermCounts, ngramOrder, type ResolvedTermOptions } from "./terms.ts";

/** Term counts of each group. Index g of every array is group g. */
export interface GroupTermCounts {
  options: ResolvedTermOptions;
  /** The grouping column's name ("outlet", "party", …). */
  by: string;
  /** Group names, sorted. */
  groups: string[];
  /** Term → count, per group. */
  counts: Map<string, number>[];
  /** `totals[k][g]`: terms of order `options.ngrams[k]` in group g. */
  totals: number[][];
  /** Word tokens of each group, stopwords included. */
  words: number[];
  /** Articles in each group. */
  articles: number[];
}

/**
 * Sums per-article term counts by group. Articles whose group is null (no value for the field)
 * are left out.
 *
 * @example
 * const byParty = groupTermCounts(countTerms(analysis), "party");
 */
export function groupTermCounts(
  counts: ArticleTermCounts,
  by: GroupBy = "outlet",
): GroupTermCounts {
  const groupOf = groupsOf(counts.articles, by);
  const groups = [...new Set(groupOf.filter((g): g is string => g !== null))].sort();
  const index = new Map(groups.map((g, i) => [g, i]));
  const out: GroupTermCounts = {
    options: counts.options,
    by: groupColumnName(by),
    groups,
    counts: groups.map(() => new Map()),
    totals: counts.options.ngrams.map(() => new Array<number>(groups.length).fill(0)),
    words: new Array<number>(groups.length).fill(0),
    articles: new Array<number>(groups.length).fill(0),
  };
  groupOf.forEach((group, i) => {
    if (group === null) return;
    const g = index.get(group)!;
    const target = out.counts[g];
    for (const [term, n] of counts.counts[i]) target.set(term, (target.get(term) ?? 0) + n);
    counts.totals.forEach((t, k) => (out.totals[k][g] += t[i]));
    out.words[g] += counts.words[i];
    out.articles[g]++;
  });
  return out;
}

/**
 * The `outlet_terms` frame: one row per group and term with `<by>` (the group), term, ngram, n,
 * share (n over the group's terms of the same order) and per_1000 (n per 1,000 words of the
 * group, stopwords counted as words, so rates compare across term options). Terms under the
 * corpus-wide `minCount` are left out. Ordered by group, n-gram order, n descending, term.
 */
export function groupTermsFrame(groupCounts: GroupTermCounts): pl.DataFrame {
  const total = new Map<string, number>();
  for (const map of groupCounts.counts) {
    for (const [term, n] of map) total.set(term, (total.get(term) ?? 0) + n);
  }
  const orderIndex = new Map(groupCounts.options.ngrams.map((n, k) => [n, k]));
  const group: string[] = [];
  const terms: string[] = [];
  const ngram: number[] = [];
  const n: number[] = [];
  const share: number[] = [];
  const per1000: number[] = [];
  groupCounts.counts.forEach((map, g) => {
    const rows: [string, number, number][] = [];
    for (const [term, c] of map) {
      if (total.get(term)! >= groupCounts.options.minCount) rows.push([term, c, ngramOrder(term)]);
    }
    rows.sort((a, b) => a[2] - b[2] || b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [term, c, order] of rows) {
      group.push(groupCounts.groups[g]);
      terms.push(term);
      ngram.push(order);
      n.push(c);
      share.push(c / groupCounts.totals[orderIndex.get(order)!][g]);
      per1000.push((c / groupCounts.words[g]) * 1000);
    }
  });
  return pl.DataFrame([
    utf8(groupCounts.by, group),
    utf8("term", terms),
    int32("ngram", ngram),
    int32("n", n),
    float64("share", share),
    float64("per_1000", per1000),
  ]);
}
