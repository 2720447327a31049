/**
 * Keyness: which terms a group over- or under-uses against a reference (all other groups
 * pooled, or one other group).
 *
 * Measures, exactly as computed (a term w; target i of size n_i; reference j of size n_j; sizes
 * are the numbers of terms of w's n-gram order):
 * - Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
 *   "Fightin' Words", eq. 16-22):
 *   δ = ln[(y_i + α_w) / (n_i + α_0 − y_i − α_w)] − ln[(y_j + α_w) / (n_j + α_0 − y_j − α_w)],
 *   σ² = 1/(y_i + α_w) + 1/(y_j + α_w), z = δ / √σ².
 *   Default prior: α_w = α_0 × (count of w in target + reference) / (their size), with α_0 the
 *   size of target + reference, so α_w is the pooled count of w (the empirical-Bayes choice of
 *   tidylo's `bind_log_odds`). `alpha0` sets another α_0; a constant prior gives every word of
 *   the joint vocabulary (of that n-gram order) the same α_w, and α_0 = α_w × vocabulary size.
 * - G² (Dunning 1993), four-cell form: a = count in target, b = count in reference,
 *   c = target size − a, d = reference size − b; E = row total × column total / N;
 *   G² = 2 Σ O ln(O / E) with 0 ln 0 = 0; negative when the target uses the term less (a/n_i <
 *   b/n_j). p is the chi-square tail with 1 degree of freedom at |G²|.
 * - log_ratio (Hardie 2014): log2((a / n_i) / (b / n_j)), a zero count taken as 0.5.
 * @module
 */

import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { float64, int32, utf8 } from "../frames/columns.ts";
import type { TokenColumns } from "../text/segment.ts";
import type { GroupBy } from "./groups.ts";
import { type GroupTermCounts, groupTermCounts } from "./outlet_terms.ts";
import { countTerms, ngramOrder, type TermOptions } from "./terms.ts";

/** The Dirichlet prior of the log-odds. */
export type KeynessPrior =
  | { type: "informative"; alpha0?: number }
  | { type: "constant"; alpha: number };

/** Options of every keyness function. */
export interface KeynessOptions {
  /** Default `{ type: "informative" }` with α_0 = size of target + reference. */
  prior?: KeynessPrior;
  /** Keep a term when target + reference use it at least this often (default 1). */
  minCount?: number;
}

/** δ, σ² and z of the log-odds with a Dirichlet prior, for one word. */
export function logOddsDirichlet(
  yi: number,
  ni: number,
  yj: number,
  nj: number,
  alphaW: number,
  alpha0: number,
): { delta: number; variance: number; z: number } {
  const delta = Math.log((yi + alphaW) / (ni + alpha0 - yi - alphaW)) -
    Math.log((yj + alphaW) / (nj + alpha0 - yj - alphaW));
  const variance = 1 / (yi + alphaW) + 1 / (yj + alphaW);
  return { delta, variance, z: delta / Math.sqrt(variance) };
}

const oLnOE = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/**
 * Signed G² of a term used `a` times in a target of `targetSize` terms and `b` times in a
 * reference of `referenceSize` terms.
 *
 * @example
 * dunningG2(7, 2, 10, 9); // 4.534939332256226
 */
export function dunningG2(a: number, b: number, targetSize: number, referenceSize: number): number {
  const c = targetSize - a;
  const d = referenceSize - b;
  const n = targetSize + referenceSize;
  if (n === 0) return 0;
  const g2 = 2 * (oLnOE(a, ((a + b) * targetSize) / n) + oLnOE(b, ((a + b) * referenceSize) / n) +
    oLnOE(c, ((c + d) * targetSize) / n) + oLnOE(d, ((c + d) * referenceSize) / n));
  return a * referenceSize < b * targetSize ? -g2 : g2;
}

const LN_GAMMA_HALF = 0.5723649429247001; // ln Γ(1/2) = ln √π
const EPS = 1e-16;
const TINY = 1e-300;

/**
 * P(X ≥ x) for X chi-square with 1 degree of freedom: Q(1/2, x/2), the regularised upper
 * incomplete gamma function (series below x/2 = 1.5, Lentz's continued fraction above).
 *
 * @example
 * chiSquare1Sf(3.841458820694124); // 0.05 (to 1e-12)
 */
export function chiSquare1Sf(x: number): number {
  if (!(x > 0)) return 1;
  const a = 0.5;
  const h = x / 2;
  const front = Math.exp(-h + a * Math.log(h) - LN_GAMMA_HALF);
  if (h < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < 1000 && Math.abs(del) > Math.abs(sum) * EPS; i++) {
      ap += 1;
      del *= h / ap;
      sum += del;
    }
    return 1 - sum * front;
  }
  let b = h + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let f = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    f *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return front * f;
}

/** Hardie's log ratio: log2 of the ratio of relative frequencies, a zero count taken as 0.5. */
export function logRatio(a: number, b: number, targetSize: number, referenceSize: number): number {
  return Math.log2(((a || 0.5) / targetSize) / ((b || 0.5) / referenceSize));
}

/** Columns of a keyness frame under construction. */
class KeynessColumns {
  group: string[] = [];
  reference: string[] = [];
  term: string[] = [];
  ngram: number[] = [];
  nTarget: number[] = [];
  nReference: number[] = [];
  delta: number[] = [];
  variance: number[] = [];
  z: number[] = [];
  g2: number[] = [];
  p: number[] = [];
  logRatio: number[] = [];

  frame(): pl.DataFrame {
    return pl.DataFrame([
      utf8("group", this.group),
      utf8("reference", this.reference),
      utf8("term", this.term),
      int32("ngram", this.ngram),
      int32("n_target", this.nTarget),
      int32("n_reference", this.nReference),
      float64("delta", this.delta),
      float64("variance", this.variance),
      float64("z", this.z),
      float64("g2", this.g2),
      float64("p", this.p),
      float64("log_ratio", this.logRatio),
    ]);
  }
}

function checkPrior(prior: KeynessPrior): void {
  const value = prior.type === "constant" ? prior.alpha : prior.alpha0;
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new Error(`keyness prior: ${prior.type === "constant" ? "alpha" : "alpha0"} must be > 0`);
  }
}

/**
 * Appends the rows of one comparison: every term of the joint vocabulary (`joint`: term → count
 * in target + reference), ordered by z descending.
 */
function compareInto(
  cols: KeynessColumns,
  groupName: string,
  referenceName: string,
  target: ReadonlyMap<string, number>,
  joint: ReadonlyMap<string, number>,
  options: KeynessOptions,
): void {
  const prior = options.prior ?? { type: "informative" };
  checkPrior(prior);
  const minCount = options.minCount ?? 1;
  // Sizes and vocabulary sizes per n-gram order (index = order).
  const targetSize: number[] = [];
  const jointSize: number[] = [];
  const vocabSize: number[] = [];
  const add = (arr: number[], k: number, v: number) => (arr[k] = (arr[k] ?? 0) + v);
  const orders = new Map<string, number>();
  for (const [term, n] of joint) {
    const k = ngramOrder(term);
    orders.set(term, k);
    add(jointSize, k, n);
    add(vocabSize, k, 1);
    add(targetSize, k, target.get(term) ?? 0);
  }
  const rows: {
    term: string;
    k: number;
    a: number;
    b: number;
    z: number;
    delta: number;
    variance: number;
  }[] = [];
  for (const [term, total] of joint) {
    if (total < minCount) continue;
    const k = orders.get(term)!;
    const a = target.get(term) ?? 0;
    const b = total - a;
    const ni = targetSize[k] ?? 0;
    const nj = jointSize[k] - ni;
    let alphaW: number;
    let alpha0: number;
    if (prior.type === "constant") {
      alphaW = prior.alpha;
      alpha0 = prior.alpha * vocabSize[k];
    } else {
      alpha0 = prior.alpha0 ?? jointSize[k];
      alphaW = (alpha0 * total) / jointSize[k];
    }
    const { delta, variance, z } = logOddsDirichlet(a, ni, b, nj, alphaW, alpha0);
    rows.push({ term, k, a, b, z, delta, variance });
  }
  rows.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  for (const r of rows) {
    const ni = targetSize[r.k] ?? 0;
    const nj = jointSize[r.k] - ni;
    const g2 = dunningG2(r.a, r.b, ni, nj);
    cols.group.push(groupName);
    cols.reference.push(referenceName);
    cols.term.push(r.term);
    cols.ngram.push(r.k);
    cols.nTarget.push(r.a);
    cols.nReference.push(r.b);
    cols.delta.push(r.delta);
    cols.variance.push(r.variance);
    cols.z.push(r.z);
    cols.g2.push(g2);
    cols.p.push(chiSquare1Sf(Math.abs(g2)));
    cols.logRatio.push(logRatio(r.a, r.b, ni, nj));
  }
}

/** The name of the pooled reference in one-against-the-rest keyness. */
export const REST = "(rest)";

/**
 * Keyness of every group against all the other groups pooled. Columns: group, reference
 * (`"(rest)"`), term, ngram, n_target, n_reference, delta, variance, z, g2, p, log_ratio; rows
 * by group, then z descending. With one group only there is no reference and no row.
 *
 * @example
 * const key = keynessByGroup(groupTermCounts(countTerms(analysis), "outlet"));
 * key.filter(pl.col("group").eq(pl.lit("Global News"))).head(10);
 */
export function keynessByGroup(
  groupCounts: GroupTermCounts,
  options: KeynessOptions = {},
): pl.DataFrame {
  const cols = new KeynessColumns();
  if (groupCounts.groups.length > 1) {
    const joint = new Map<string, number>();
    for (const map of groupCounts.counts) {
      for (const [term, n] of map) joint.set(term, (joint.get(term) ?? 0) + n);
    }
    groupCounts.groups.forEach((group, g) => {
      compareInto(cols, group, REST, groupCounts.counts[g], joint, options);
    });
  }
  return cols.frame();
}

/**
 * Keyness of group `target` against group `reference` only (same columns as
 * {@link keynessByGroup}). Throws a readable error for a group that does not exist.
 */
export function keynessBetween(
  groupCounts: GroupTermCounts,
  target: string,
  reference: string,
  options: KeynessOptions = {},
): pl.DataFrame {
  const find = (name: string) => {
    const g = groupCounts.groups.indexOf(name);
    if (g < 0) {
      throw new Error(
        `no ${groupCounts.by} "${name}"; groups: ${groupCounts.groups.join(", ")}`,
      );
    }
    return groupCounts.counts[g];
  };
  const t = find(target);
  const r = find(reference);
  const joint = new Map(t);
  for (const [term, n] of r) joint.set(term, (joint.get(term) ?? 0) + n);
  const cols = new KeynessColumns();
  compareInto(cols, target, reference, t, joint, options);
  return cols.frame();
}

/**
 * Keyness of one bag of term counts against another (for counts made outside the kit, and for
 * checking reference values). `names` label the group and reference columns.
 *
 * @example
 * compareCounts(new Map([["fox", 1]]), new Map([["donkey", 1]]), { prior: { type: "constant", alpha: 0.05 } });
 */
export function compareCounts(
  target: ReadonlyMap<string, number>,
  reference: ReadonlyMap<string, number>,
  options: KeynessOptions & { names?: [string, string] } = {},
): pl.DataFrame {
  const joint = new Map(target);
  for (const [term, n] of reference) joint.set(term, (joint.get(term) ?? 0) + n);
  const cols = new KeynessColumns();
  const [t, r] = options.names ?? ["target", "reference"];
  compareInto(cols, t, r, target, joint, options);
  return cols.frame();
}

/**
 * Counts terms, groups articles and computes keyness in one call: each group against the rest,
 * or `between: [a, b]` for one pair.
 *
 * @example
 * keynessOf(analysis, { by: "party", terms: { ngrams: [1] } });
 */
export function keynessOf(
  analysis: { articles: readonly CleanArticle[]; tokens: TokenColumns },
  options: KeynessOptions & { by?: GroupBy; terms?: TermOptions; between?: [string, string] } = {},
): pl.DataFrame {
  const groups = groupTermCounts(countTerms(analysis, options.terms), options.by ?? "outlet");
  return options.between
    ? keynessBetween(groups, options.between[0], options.between[1], options)
    : keynessByGroup(groups, options);
}
