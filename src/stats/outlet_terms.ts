/**
 * Term counts summed by group (outlet by default, or any article field) and the `outlet_terms`
 * frame of counts and rates per 1,000 words. Groups are summed from the per-article counts, so
 * the cost follows the number of (article, term) pairs, not the number of tokens.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { Float64Buffer, Int32Buffer } from "../_buffers.ts";
import { codedUtf8, runsUtf8 } from "../frames/columns.ts";
import { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
import { addCounts } from "./tally.ts";
import {
  type ArticleTermCounts,
  cachedVocabulary,
  cacheVocabulary,
  orderedTermCodes,
  type ResolvedTermOptions,
  totalSize,
  type Vocabulary,
  vocabularyOf,
} from "./terms.ts";

/** Term counts of each group. Index g of every array is group g. */
export interface GroupTermCounts {
  /** The term options the counts were made with, defaults filled in. */
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
 * ```ts
 * import { analyzeCorpus, countTerms, groupTermCounts } from "newsframe";
 *
 * const byOutlet = groupTermCounts(countTerms(await analyzeCorpus("seeds")), "outlet");
 * console.log(byOutlet.groups);
 * ```
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
  const members: number[][] = groups.map(() => []);
  groupOf.forEach((group, i) => {
    if (group === null) return;
    const g = index.get(group)!;
    members[g].push(i);
    counts.totals.forEach((t, k) => (out.totals[k][g] += t[i]));
    out.words[g] += counts.words[i];
    out.articles[g]++;
  });
  const vocab = cachedVocabulary(counts.counts);
  if (vocab && counts.counts.every((map, i) => vocab.codes[i]?.length === map.size)) {
    cacheVocabulary(out.counts, sumByCode(counts.counts, vocab, members, out.counts));
    return out;
  }
  members.forEach((articles, g) => {
    const target = out.counts[g];
    for (const i of articles) {
      for (const [term, n] of counts.counts[i]) target.set(term, (target.get(term) ?? 0) + n);
    }
  });
  return out;
}

/**
 * Fills each group's map (`into[g]`) with the summed counts of its articles (`members[g]`, in
 * order), terms in order of first appearance, by the codes of the articles' vocabulary: one
 * string per (group, term) and no lookup. Returns the groups' own vocabulary, as
 * `vocabularyOf(into)` would code it.
 */
function sumByCode(
  counts: readonly Map<string, number>[],
  vocab: Vocabulary,
  members: readonly number[][],
  into: Map<string, number>[],
): Vocabulary {
  const sum = new Float64Array(vocab.terms.length);
  const recode = new Int32Array(vocab.terms.length).fill(-1);
  const terms: string[] = [];
  const df: number[] = [];
  const total: number[] = [];
  const order: number[] = [];
  const codes = members.map((articles, g) => {
    const seen = new Int32Buffer();
    for (const i of articles) {
      const own = vocab.codes[i];
      let r = 0;
      for (const n of counts[i].values()) {
        const code = own[r++];
        if (sum[code] === 0) seen.push(code);
        sum[code] += n;
      }
    }
    const map = into[g];
    const firsts = seen.view();
    const out = new Int32Array(firsts.length);
    for (let r = 0; r < firsts.length; r++) {
      const code = firsts[r];
      map.set(vocab.terms[code], sum[code]);
      let own = recode[code];
      if (own < 0) {
        own = recode[code] = terms.length;
        terms.push(vocab.terms[code]);
        order.push(vocab.order[code]);
        df.push(0);
        total.push(0);
      }
      df[own]++;
      total[own] += sum[code];
      out[r] = own;
      sum[code] = 0;
    }
    return out;
  });
  let index: Map<string, number> | undefined;
  return {
    terms,
    get index() {
      return index ??= new Map(terms.map((t, c) => [t, c]));
    },
    codes,
    df: Int32Array.from(df),
    total: Float64Array.from(total),
    order: Int32Array.from(order),
  };
}

/**
 * Adds the counts of `from` (a later batch of the same corpus) to `into`, in place: groups new to
 * `into` take their sorted place, and each group's terms stay in order of first appearance, as
 * {@link groupTermCounts} over both batches at once would have them.
 */
export function mergeGroupTermCounts(
  into: GroupTermCounts,
  from: GroupTermCounts,
): GroupTermCounts {
  const groups = [...new Set([...into.groups, ...from.groups])].sort();
  if (groups.length !== into.groups.length) {
    const old = new Map(into.groups.map((g, i) => [g, i]));
    const pick = <T>(values: T[], empty: () => T) =>
      groups.map((g) => old.has(g) ? values[old.get(g)!] : empty());
    into.counts = pick(into.counts, () => new Map());
    into.totals = into.totals.map((t) => pick(t, () => 0));
    into.words = pick(into.words, () => 0);
    into.articles = pick(into.articles, () => 0);
    into.groups = groups;
  }
  const index = new Map(groups.map((g, i) => [g, i]));
  from.groups.forEach((group, f) => {
    const g = index.get(group)!;
    addCounts(into.counts[g], from.counts[f]);
    from.totals.forEach((t, k) => (into.totals[k][g] += t[f]));
    into.words[g] += from.words[f];
    into.articles[g] += from.articles[f];
  });
  // A new array: a vocabulary cached for the old one (see vocabularyOf) no longer holds.
  into.counts = [...into.counts];
  return into;
}

/**
 * The `outlet_terms` frame: one row per group and term with `<by>` (the group), term, ngram, n,
 * share (n over the group's terms of the same order) and per_1000 (n per 1,000 words of the
 * group, stopwords counted as words, so rates compare across term options). Terms under the
 * corpus-wide `minCount` are left out. Ordered by group, n-gram order, n descending, then first
 * appearance.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, countTerms, groupTermCounts, groupTermsFrame } from "newsframe";
 *
 * const counts = countTerms(await analyzeCorpus("seeds"));
 * groupTermsFrame(groupTermCounts(counts)).head(10); // outlet, term, count, per_1000, …
 * ```
 */
export function groupTermsFrame(groupCounts: GroupTermCounts): pl.DataFrame {
  const vocab = vocabularyOf(groupCounts.counts);
  const orderIndex = new Map(groupCounts.options.ngrams.map((n, k) => [n, k]));
  const minCount = groupCounts.options.minCount;
  const rowsPerGroup: number[] = [];
  // Sized for every entry up front (see termsFrame).
  const rows = totalSize(groupCounts.counts);
  const term = new Int32Buffer(rows);
  const ngram = new Int32Buffer(rows);
  const n = new Int32Buffer(rows);
  const share = new Float64Buffer(rows);
  const per1000 = new Float64Buffer(rows);
  groupCounts.counts.forEach((map, g) => {
    const { codes, counts: ns } = orderedTermCodes(map, vocab, minCount, vocab.codes[g]);
    for (let r = 0; r < codes.length; r++) {
      const code = codes[r];
      const c = ns[r];
      const order = vocab.order[code];
      term.push(code);
      ngram.push(order);
      n.push(c);
      share.push(c / groupCounts.totals[orderIndex.get(order)!][g]);
      per1000.push((c / groupCounts.words[g]) * 1000);
    }
    rowsPerGroup.push(codes.length);
  });
  return pl.DataFrame([
    runsUtf8(groupCounts.by, groupCounts.groups, rowsPerGroup),
    codedUtf8("term", vocab.terms, term.view()),
    pl.Series("ngram", ngram.view()),
    pl.Series("n", n.view()),
    pl.Series("share", share.view()),
    pl.Series("per_1000", per1000.view()),
  ]);
}
