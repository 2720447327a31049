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

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { Float64Buffer, Int32Buffer } from "../_buffers.ts";
import { gatherIndices, runsUtf8, stableOrderBy } from "../frames/columns.ts";
import type { TokenColumns } from "../text/segment.ts";
import type { GroupBy } from "./groups.ts";
import type { GroupTermCounts } from "./outlet_terms.ts";
import {
  cachedVocabulary,
  countTerms,
  ngramOrder,
  type TermOptions,
  type Vocabulary,
  vocabularyOf,
} from "./terms.ts";
import {
  benjaminiHochberg,
  documentPValues,
  type DocumentTermCounts,
  documentTermCounts,
  indexDocuments,
  pooledMeasures,
} from "./stratified.ts";

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
  /**
   * Keep only the first `top` rows of each comparison (the highest z; default all). The rows
   * kept are exactly the first rows of the full table, q included: the rows left out still count
   * among the tests of Benjamini–Hochberg.
   */
  top?: number;
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

/**
 * Hardie's log ratio: log2 of the ratio of relative frequencies, a zero count taken as 0.5. NaN
 * when the target or the reference has no terms of that order (no ratio to take).
 */
export function logRatio(a: number, b: number, targetSize: number, referenceSize: number): number {
  if (!(targetSize > 0 && referenceSize > 0)) return NaN;
  return Math.log2(((a || 0.5) / targetSize) / ((b || 0.5) / referenceSize));
}

/**
 * Columns of a keyness frame under construction. Most terms of a comparison share a handful of
 * (order, count, count) cells, so a row holds its term and its cell; a cell holds its n-gram
 * order, counts and measures. Only the row columns (term and cell codes, p_doc, q) cross into
 * polars row by row; the cells' columns cross once per cell and are spread over the rows by a
 * native gather (a Series from a typed array costs some 40 ns a value, so nine columns of a
 * 1.7M-row table spread in JavaScript cost a second). Rows come comparison by comparison, so
 * group and reference are runs, repeated natively.
 */
class KeynessColumns {
  /** One run per comparison: its group, its reference and how many rows it has. */
  readonly runs: { group: string; reference: string; rows: number }[] = [];
  readonly term: Int32Buffer;
  readonly cell: Int32Buffer;
  readonly pDoc: Float64Buffer;
  /** The p_doc of rows left out by `top`: they still count among the tests of q. */
  pDocLeftOut = new Float64Buffer();
  /** Per cell: its n-gram order and counts. */
  ngram = new Int32Buffer();
  nTarget = new Int32Buffer();
  nReference = new Int32Buffer();
  delta = new Float64Buffer();
  variance = new Float64Buffer();
  z = new Float64Buffer();
  g2 = new Float64Buffer();
  p = new Float64Buffer();
  logRatio = new Float64Buffer();
  #cellFrame?: pl.DataFrame;
  #terms?: pl.Series;

  /**
   * `rows`: how many rows the table will have at most, so the row columns are made once at
   * their size (doubling would copy them about twice over, in fresh memory, which is dear).
   */
  constructor(readonly vocab: Vocabulary, rows = 1024) {
    this.term = new Int32Buffer(rows);
    this.cell = new Int32Buffer(rows);
    this.pDoc = new Float64Buffer(rows);
  }

  /**
   * Stores one cell of the comparison being added (the next entry of `runs`): its n-gram order,
   * counts and measures; returns its number.
   */
  addCell(order: number, nTarget: number, nReference: number, m: Measures): number {
    this.ngram.push(order);
    this.nTarget.push(nTarget);
    this.nReference.push(nReference);
    this.delta.push(m.delta);
    this.variance.push(m.variance);
    this.z.push(m.z);
    this.g2.push(m.g2);
    this.p.push(m.p);
    this.logRatio.push(m.logRatio);
    return this.z.length - 1;
  }

  /** Appends one row: term code `c`, the cell of its counts and measures, and its p_doc. */
  push(c: number, cell: number, pDoc: number): void {
    this.term.push(c);
    this.cell.push(cell);
    this.pDoc.push(pDoc);
  }

  frame(): pl.DataFrame {
    return this.slice(0, this.term.length, this.q());
  }

  /**
   * The frame in pieces of at most `rows` rows, in order (their concatenation is
   * {@link frame}'s): only one piece's columns are built at a time.
   */
  *frames(rows: number): Generator<pl.DataFrame> {
    const q = this.q();
    const n = this.term.length;
    for (let from = 0; from < n || from === 0; from += rows) {
      yield this.slice(from, Math.min(n, from + rows), q);
      if (n === 0) break;
    }
  }

  /** q of every row: BH over every row compared, those `top` left out too. */
  private q(): Float64Array {
    const pDoc = this.pDoc.view();
    // BH's q does not depend on the order.
    if (!this.pDocLeftOut.length) return benjaminiHochberg(pDoc);
    const all = new Float64Array(pDoc.length + this.pDocLeftOut.length);
    all.set(pDoc);
    all.set(this.pDocLeftOut.view(), pDoc.length);
    return benjaminiHochberg(all).subarray(0, pDoc.length);
  }

  /** The columns of the cells, one row per cell (made once). */
  private cellFrame(): pl.DataFrame {
    if (this.#cellFrame) return this.#cellFrame;
    return this.#cellFrame = pl.DataFrame([
      pl.Series("ngram", this.ngram.view()),
      pl.Series("n_target", this.nTarget.view()),
      pl.Series("n_reference", this.nReference.view()),
      pl.Series("delta", this.delta.view()),
      pl.Series("variance", this.variance.view()),
      pl.Series("z", this.z.view()),
      pl.Series("g2", this.g2.view()),
      pl.Series("p", this.p.view()),
      pl.Series("log_ratio", this.logRatio.view()),
    ]);
  }

  /** The first row of comparison `i`. */
  private runStart(i: number): number {
    let start = 0;
    for (let k = 0; k < i; k++) start += this.runs[k].rows;
    return start;
  }

  /** Rows `from` to `to` (exclusive) as a frame. */
  private slice(from: number, to: number, q: Float64Array): pl.DataFrame {
    this.#terms ??= pl.Series("term", this.vocab.terms, pl.Utf8);
    const cells = this.cellFrame();
    const cellAt = gatherIndices("__cell", this.cell.view().subarray(from, to));
    const measures = cells
      .select(...cells.columns.map((name) => pl.col(name).gather(cellAt))).getColumns();
    // Rows come comparison by comparison: group and reference are runs, repeated natively.
    const rowsOfRun = this.runs.map((r, i) => {
      const start = this.runStart(i);
      return Math.max(0, Math.min(to, start + r.rows) - Math.max(from, start));
    });
    const group = runsUtf8("group", this.runs.map((r) => r.group), rowsOfRun);
    const reference = runsUtf8("reference", this.runs.map((r) => r.reference), rowsOfRun);
    const termAt = gatherIndices("__term", this.term.view().subarray(from, to));
    const term = pl.DataFrame([this.#terms]).select(pl.col("term").gather(termAt)).getColumns();
    return pl.DataFrame([
      group,
      reference,
      ...term,
      ...measures,
      pl.Series("p_doc", this.pDoc.view().subarray(from, to)),
      pl.Series("q", q.subarray(from, to)),
    ]);
  }
}

/** Rows kept per comparison: `options.top`, checked (a whole number ≥ 1), or all. */
function topOf(options: KeynessOptions, rows: number): number {
  const top = options.top;
  if (top === undefined) return rows;
  if (!(Number.isInteger(top) && top >= 1)) {
    throw new Error(`keyness: top must be a whole number of at least 1 (got ${top})`);
  }
  return Math.min(rows, top);
}

function checkPrior(prior: KeynessPrior): void {
  const value = prior.type === "constant" ? prior.alpha : prior.alpha0;
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new Error(`keyness prior: ${prior.type === "constant" ? "alpha" : "alpha0"} must be > 0`);
  }
}

/**
 * Counts of `map` by vocabulary code. `codes`, when given, are the codes of the map's entries in
 * its order (`vocab.codes[i]` when the map is the vocabulary's map i): no lookup per term.
 */
function countsByCode(
  map: ReadonlyMap<string, number>,
  vocab: Vocabulary,
  codes?: Int32Array,
): Float64Array {
  const out = new Float64Array(vocab.terms.length);
  if (codes && codes.length === map.size) {
    let r = 0;
    for (const n of map.values()) out[codes[r++]] += n;
    return out;
  }
  for (const [term, n] of map) out[vocab.index.get(term)!] += n;
  return out;
}

/** Sizes per n-gram order (index = order) of a count vector. */
function sizesByOrder(counts: Float64Array, vocab: Vocabulary): number[] {
  const sizes: number[] = [];
  for (let c = 0; c < counts.length; c++) {
    const k = vocab.order[c];
    sizes[k] = (sizes[k] ?? 0) + counts[c];
  }
  return sizes;
}

/** The measures of one (n-gram order, target count, reference count) cell. */
export interface Measures {
  delta: number;
  variance: number;
  z: number;
  g2: number;
  p: number;
  logRatio: number;
}

/**
 * Appends the rows of one comparison: every term of `cols.vocab` (whose `total` is the joint count
 * of target + reference) with a joint count of at least `minCount`, ordered by z descending (equal
 * z in order of first appearance in the corpus).
 *
 * Every measure depends only on the term's n-gram order and its two counts (the prior too, as
 * α_w follows the joint count), so each distinct (order, a, b) is computed once: in a large
 * corpus most terms share a handful of small counts.
 */
function compareInto(
  cols: KeynessColumns,
  groupName: string,
  referenceName: string,
  target: Float64Array,
  options: KeynessOptions,
  pDoc?: Float64Array,
): void {
  const prior = options.prior ?? { type: "informative" };
  checkPrior(prior);
  const minCount = options.minCount ?? 1;
  const { vocab } = cols;
  const joint = vocab.total;
  const jointSize = sizesByOrder(joint, vocab);
  const targetSize = sizesByOrder(target, vocab);
  const vocabSize: number[] = [];
  for (let c = 0; c < joint.length; c++) {
    if (joint[c] > 0) vocabSize[vocab.order[c]] = (vocabSize[vocab.order[c]] ?? 0) + 1;
  }
  // One numeric key per (order, a, b) while it stays exact, else a string key.
  let maxJoint = 0;
  for (let c = 0; c < joint.length; c++) if (joint[c] > maxJoint) maxJoint = joint[c];
  const m1 = maxJoint + 1;
  const numericKeys = 6 * m1 * m1 < Number.MAX_SAFE_INTEGER;
  // Each cell's measures are stored once (cols.addCell); a row keeps its cell's number.
  const cells = new Map<number | string, number>();
  const cellZ: number[] = [];
  const firstCell = cols.z.length;
  const kept = new Int32Buffer(joint.length);
  const rowCells = new Int32Buffer(joint.length);
  for (let c = 0; c < joint.length; c++) {
    if (joint[c] < minCount || joint[c] === 0) continue;
    const k = vocab.order[c];
    const a = target[c];
    const b = joint[c] - a;
    const key = numericKeys ? (k * m1 + a) * m1 + b : `${k} ${a} ${b}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      const ni = targetSize[k] ?? 0;
      const nj = jointSize[k] - ni;
      let alphaW: number;
      let alpha0: number;
      if (prior.type === "constant") {
        alphaW = prior.alpha;
        alpha0 = prior.alpha * vocabSize[k];
      } else {
        alpha0 = prior.alpha0 ?? jointSize[k];
        alphaW = (alpha0 * joint[c]) / jointSize[k];
      }
      const g2 = dunningG2(a, b, ni, nj);
      const m = {
        ...logOddsDirichlet(a, ni, b, nj, alphaW, alpha0),
        g2,
        p: chiSquare1Sf(Math.abs(g2)),
        logRatio: logRatio(a, b, ni, nj),
      };
      cell = cols.addCell(k, a, b, m) - firstCell;
      cellZ.push(m.z);
      cells.set(key, cell);
    }
    kept.push(c);
    rowCells.push(cell);
  }
  const terms = kept.view();
  const cellOfRow = rowCells.view();
  const order = orderByCellZ(cellOfRow, cellZ);
  const top = topOf(options, order.length);
  for (let r = 0; r < order.length; r++) {
    const c = terms[order[r]];
    const p = pDoc ? pDoc[c] : NaN;
    if (r < top) {
      cols.push(c, firstCell + cellOfRow[order[r]], p);
    } else cols.pDocLeftOut.push(p);
  }
  cols.runs.push({ group: groupName, reference: referenceName, rows: top });
}

/**
 * The order of rows by their cell's z, descending, equal z in row order: the order
 * `stableOrderBy` gives for the rows' -z, with only the distinct z of the cells sorted and the
 * rows placed by a counting sort.
 */
function orderByCellZ(rowCell: Int32Array, cellZ: readonly number[]): Int32Array {
  const rankOf = new Map<number, number>();
  for (const z of cellZ) rankOf.set(-z, 0);
  const distinct = Float64Array.from(rankOf.keys()).sort();
  distinct.forEach((key, r) => rankOf.set(key, r));
  const cellRank = Int32Array.from(cellZ, (z) => rankOf.get(-z)!);
  const next = new Int32Array(distinct.length + 1);
  for (let i = 0; i < rowCell.length; i++) next[cellRank[rowCell[i]] + 1]++;
  for (let r = 0; r < distinct.length; r++) next[r + 1] += next[r];
  const out = new Int32Array(rowCell.length);
  for (let i = 0; i < rowCell.length; i++) out[next[cellRank[rowCell[i]]]++] = i;
  return out;
}

/** The name of the pooled reference in one-against-the-rest keyness. */
export const REST = "(rest)";

/**
 * Keyness of every group against all the other groups pooled. Columns: group, reference
 * (`"(rest)"`), term, ngram, n_target, n_reference, delta, variance, z, g2, p, log_ratio; rows
 * by group, then z descending (equal z in order of first appearance). With one group only there
 * is no reference and no row.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, countTerms, groupTermCounts, keynessByGroup } from "newsframe";
 *
 * const counts = countTerms(await analyzeCorpus("seeds"));
 * keynessByGroup(groupTermCounts(counts, "outlet")).head(10);
 * ```
 */
export function keynessByGroup(
  groupCounts: GroupTermCounts,
  options: KeynessOptions = {},
): pl.DataFrame {
  const cols = new KeynessColumns(vocabularyOf(groupCounts.counts));
  if (groupCounts.groups.length > 1) {
    groupCounts.groups.forEach((group, g) => {
      compareInto(
        cols,
        group,
        REST,
        countsByCode(groupCounts.counts[g], cols.vocab, cols.vocab.codes[g]),
        options,
      );
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
  if (target === reference) {
    throw new Error(`keyness: "${target}" against itself compares nothing; pick two groups`);
  }
  return compareCounts(find(target), find(reference), { ...options, names: [target, reference] });
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
  const cols = new KeynessColumns(vocabularyOf([target, reference]));
  const [t, r] = options.names ?? ["target", "reference"];
  compareInto(cols, t, r, countsByCode(target, cols.vocab, cols.vocab.codes[0]), options);
  return cols.frame();
}

/** The articles' terms as codes of one vocabulary, with the summed counts of each group. */
interface CodedDocuments {
  /**
   * The terms of the kept articles, coded in the order `vocabularyOf` codes the groups' summed
   * count maps (groups in order, each group's terms by first appearance in its articles); `df`
   * counts groups. `codes` is empty: the groups' counts are arrays here (`groupCounts`).
   */
  vocab: Vocabulary;
  /** `groupCounts[g][code]`: the count of the term in group g's articles. */
  groupCounts: Float64Array[];
  /** The code of each entry of article i's count map, in its order; null for articles left out. */
  articleCodes: (Int32Array | null)[];
}

/**
 * Codes the terms of the kept articles in one pass of string lookups (summing each group into a
 * map first, coding those, and looking every article's terms up again for the index would take
 * three); the codes, and so every tie order downstream, are those of `vocabularyOf` on the
 * groups' summed maps.
 */
function codeDocuments(
  docs: DocumentTermCounts,
  groups: readonly string[],
  gIndex: ReadonlyMap<string, number>,
  kept: readonly boolean[],
): CodedDocuments {
  const byGroup: number[][] = groups.map(() => []);
  docs.group.forEach((g, i) => {
    if (kept[i]) byGroup[gIndex.get(g!)!].push(i);
  });
  const { terms, articleCodes } = codeArticles(docs, byGroup);
  const size = terms.length;
  const df = new Int32Array(size);
  const total = new Float64Array(size);
  const groupCounts = byGroup.map((articles) => {
    const counts = new Float64Array(size);
    const present = new Uint8Array(size);
    for (const i of articles) {
      const codes = articleCodes[i]!;
      let r = 0;
      for (const n of docs.counts[i].values()) {
        const code = codes[r++];
        counts[code] += n;
        present[code] = 1;
      }
    }
    // As vocabularyOf sums the groups' maps: group by group, each its own sum.
    for (let c = 0; c < size; c++) {
      if (!present[c]) continue;
      df[c]++;
      total[c] += counts[c];
    }
    return counts;
  });
  let index: Map<string, number> | undefined;
  const vocab: Vocabulary = {
    terms,
    // Made when first asked for (a comparison between two groups): the rest reads codes only.
    get index() {
      return index ??= new Map(terms.map((t, c) => [t, c]));
    },
    codes: [],
    df,
    total,
    order: Int32Array.from(terms, ngramOrder),
  };
  return { vocab, groupCounts, articleCodes };
}

/**
 * Codes the terms of the articles listed (group by group, each article's terms in its map's
 * order, first seen first coded), and gives each article's codes in its map's order. Counts
 * whose vocabulary the terms frame made already are recoded from its codes (no string lookup).
 */
function codeArticles(
  docs: DocumentTermCounts,
  byGroup: readonly number[][],
): { terms: string[]; articleCodes: (Int32Array | null)[] } {
  const terms: string[] = [];
  const articleCodes: (Int32Array | null)[] = docs.counts.map(() => null);
  const cached = cachedVocabulary(docs.counts);
  const known = cached &&
      byGroup.every((articles) =>
        articles.every((i) => cached.codes[i]?.length === docs.counts[i].size)
      )
    ? cached
    : undefined;
  const recode = known ? new Int32Array(known.terms.length).fill(-1) : undefined;
  const index = new Map<string, number>();
  for (const articles of byGroup) {
    for (const i of articles) {
      const map = docs.counts[i];
      const out = new Int32Array(map.size);
      const given = known?.codes[i];
      if (recode && given) {
        for (let r = 0; r < given.length; r++) {
          let code = recode[given[r]];
          if (code < 0) {
            code = recode[given[r]] = terms.length;
            terms.push(known!.terms[given[r]]);
          }
          out[r] = code;
        }
      } else {
        let r = 0;
        for (const term of map.keys()) {
          let code = index.get(term);
          if (code === undefined) {
            code = terms.length;
            index.set(term, code);
            terms.push(term);
          }
          out[r++] = code;
        }
      }
      articleCodes[i] = out;
    }
  }
  return { terms, articleCodes };
}

/** The summed term counts of the kept articles of one group, terms by first appearance. */
function groupMap(
  docs: DocumentTermCounts,
  kept: readonly boolean[],
  group: string,
): Map<string, number> {
  const into = new Map<string, number>();
  docs.counts.forEach((map, i) => {
    if (!kept[i] || docs.group[i] !== group) return;
    for (const [term, n] of map) into.set(term, (into.get(term) ?? 0) + n);
  });
  return into;
}

/** Options of keyness on articles ({@link keynessOfDocuments}, {@link keynessOf}, {@link keyness}). */
export interface DocumentKeynessOptions extends KeynessOptions {
  /** Compare only these two groups, the first against the second (default: each against the rest). */
  between?: [string, string];
}

/**
 * Keyness with articles as the unit, from per-article counts labelled with group and stratum
 * (see `stratified.ts` for the methods). Columns: those of {@link keynessByGroup} plus `p_doc`
 * (document-level two-sided p, Wilcoxon rank-sum on per-article rates, stratified when the
 * counts have strata; NaN where no test is possible) and `q` (Benjamini–Hochberg over the
 * table). Without strata every other column is exactly {@link keynessByGroup}'s; with strata
 * they are the within-strata pooled measures.
 *
 * The token-level `p` treats every token as an independent draw: words come in articles, so it
 * is anti-conservative (far too many small p). Read significance off `q`, effect sizes off z and
 * g2.
 */
export function keynessOfDocuments(
  docs: DocumentTermCounts,
  options: DocumentKeynessOptions = {},
): pl.DataFrame {
  return keynessColumnsOf(docs, options).frame();
}

/**
 * {@link keynessOfDocuments}'s frame in pieces of at most `rows` rows, in order, so a caller can
 * write a large table (tens of millions of rows at archive scale) piece by piece instead of
 * holding it whole; the pieces concatenated are the frame.
 */
export function keynessFramesOfDocuments(
  docs: DocumentTermCounts,
  options: DocumentKeynessOptions = {},
  rows = 1_000_000,
): Iterable<pl.DataFrame> {
  if (!(Number.isInteger(rows) && rows >= 1)) {
    throw new Error(`keyness: rows per piece must be a whole number of at least 1 (got ${rows})`);
  }
  return keynessColumnsOf(docs, options).frames(rows);
}

/**
 * The most rows `comparisons` comparisons over `vocab` can keep: each keeps at most the terms of
 * a joint count of at least `minCount` (and `top`).
 */
function rowsAtMost(
  vocab: Vocabulary,
  comparisons: number,
  minCount: number,
  top: number | undefined,
): number {
  if (!comparisons) return 1;
  let terms = 0;
  for (let c = 0; c < vocab.total.length; c++) if (vocab.total[c] >= minCount) terms++;
  return comparisons * Math.max(1, Math.min(terms, top ?? terms));
}

/** The rows of {@link keynessOfDocuments}, before they become a frame. */
function keynessColumnsOf(
  docs: DocumentTermCounts,
  options: DocumentKeynessOptions,
): KeynessColumns {
  const prior = options.prior ?? { type: "informative" };
  checkPrior(prior);
  const kept = docs.group.map((g, i) => g !== null && docs.stratum[i] !== null);
  const groups = [...new Set(docs.group.filter((g, i): g is string => g !== null && kept[i]))]
    .sort();
  const gIndex = new Map(groups.map((g, i) => [g, i]));
  const coded = codeDocuments(docs, groups, gIndex, kept);
  const { vocab } = coded;
  let comparisons: { target: number; reference: boolean[]; name: string }[];
  if (options.between) {
    const [a, b] = options.between.map((name) => {
      const g = gIndex.get(name);
      if (g === undefined) throw new Error(`no ${docs.by} "${name}"; groups: ${groups.join(", ")}`);
      return g;
    });
    if (a === b) {
      throw new Error(`keyness: "${groups[a]}" against itself compares nothing; pick two groups`);
    }
    comparisons = [{ target: a, reference: groups.map((_, g) => g === b), name: groups[b] }];
  } else {
    comparisons = groups.length < 2 ? [] : groups.map((_, target) => ({
      target,
      reference: groups.map((_, g) => g !== target),
      name: REST,
    }));
  }
  // Between two groups without strata, the joint counts (and the prior) are the pair's own, as
  // keynessBetween makes them; otherwise the target and its reference span the whole vocabulary.
  const pairMaps = options.between && docs.within === undefined
    ? [
      groupMap(docs, kept, groups[comparisons[0].target]),
      groupMap(docs, kept, groups[comparisons[0].reference.indexOf(true)]),
    ]
    : undefined;
  const pairVocab = pairMaps ? vocabularyOf(pairMaps) : undefined;
  const minCount = options.minCount ?? 1;
  const cols = new KeynessColumns(
    pairVocab ?? vocab,
    rowsAtMost(pairVocab ?? vocab, comparisons.length, minCount, options.top),
  );
  if (!comparisons.length) return cols;
  const index = indexDocuments(docs, groups, vocab, coded.articleCodes);
  const included = groups.map((_, g) => comparisons.some((c) => c.target === g || c.reference[g]));
  const pDoc = documentPValues(
    index,
    groups.length,
    included,
    comparisons.map((c) => c.target),
    vocab.order,
  );
  comparisons.forEach((comparison, j) => {
    const { target, reference } = comparison;
    if (docs.within === undefined) {
      const p = pairVocab
        ? Float64Array.from(pairVocab.terms, (t) => pDoc[j][vocab.index.get(t)!])
        : pDoc[j];
      const targetCounts = pairVocab
        ? countsByCode(pairMaps![0], pairVocab, pairVocab.codes[0])
        : coded.groupCounts[target];
      compareInto(cols, groups[target], comparison.name, targetCounts, options, p);
      return;
    }
    const pooled = pooledMeasures(index, target, reference, vocab.order, prior);
    const rows: number[] = [];
    const zs: number[] = [];
    pooled.forEach((m, c) => {
      if (m && m.nTarget + m.nReference >= minCount) {
        rows.push(c);
        zs.push(-m.z);
      }
    });
    const order = stableOrderBy(zs);
    const top = topOf(options, order.length);
    for (let r = 0; r < order.length; r++) {
      const c = rows[order[r]];
      const m = pooled[c]!;
      if (r < top) {
        cols.push(c, cols.addCell(vocab.order[c], m.nTarget, m.nReference, m), pDoc[j][c]);
      } else cols.pDocLeftOut.push(pDoc[j][c]);
    }
    cols.runs.push({ group: groups[target], reference: comparison.name, rows: top });
  });
  return cols;
}

/**
 * Counts terms, groups articles and computes keyness in one call: each group against the rest,
 * or `between: [a, b]` for one pair; `within` compares groups inside each stratum (an event,
 * story or date field) and pools across strata. Articles are the unit of `p_doc` and `q`.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, keynessOf } from "newsframe";
 *
 * // Each outlet against the rest, articles as the unit; `within` compares inside each stratum.
 * keynessOf(await analyzeCorpus("seeds"), { by: "outlet", terms: { ngrams: [1] } });
 * ```
 */
export function keynessOf(
  analysis: { articles: readonly CleanArticle[]; tokens: TokenColumns },
  options: DocumentKeynessOptions & { by?: GroupBy; within?: GroupBy; terms?: TermOptions } = {},
): pl.DataFrame {
  const counts = countTerms(analysis, options.terms);
  return keynessOfDocuments(
    documentTermCounts(counts, options.by ?? "outlet", options.within),
    options,
  );
}

/**
 * Keyness of a frame of per-article term counts (tidylo / quanteda style): the `terms` frame, or
 * any frame with `article_id`, `term`, `n` and the grouping (and stratum) columns, filtered as
 * you like first. Join `articles` for metadata columns the frame lacks. An article's sizes are
 * the sums of its rows' n by n-gram order, so dropping terms from the frame also drops them from
 * the sizes (as removing stopwords does).
 *
 * @example
 * const t = frames.terms.join(frames.articles.select("article_id", "event"), { on: "article_id" });
 * keyness(t.filter(pl.col("outlet").isIn(["Fox", "NYT"])), { by: "outlet", within: "event" });
 */
export function keyness(
  frame: pl.DataFrame,
  options: DocumentKeynessOptions & { by?: string; within?: string } = {},
): pl.DataFrame {
  const by = options.by ?? "outlet";
  const needed = ["article_id", "term", "n", by, ...(options.within ? [options.within] : [])];
  const missing = needed.filter((c) => !frame.columns.includes(c));
  if (missing.length) {
    throw new Error(
      `keyness: the frame has no column ${missing.join(", ")} (columns: ${
        frame.columns.join(", ")
      }); join the articles frame for article fields`,
    );
  }
  const ids = frame.getColumn("article_id").toArray() as string[];
  const terms = frame.getColumn("term").toArray() as string[];
  const ns = frame.getColumn("n").toArray() as number[];
  const groupCol = frame.getColumn(by).cast(pl.Utf8).toArray() as (string | null)[];
  const stratumCol = options.within
    ? frame.getColumn(options.within).cast(pl.Utf8).toArray() as (string | null)[]
    : undefined;
  const docs: DocumentTermCounts = {
    by,
    within: options.within,
    group: [],
    stratum: [],
    counts: [],
  };
  const article = new Map<string, number>();
  for (let r = 0; r < ids.length; r++) {
    let i = article.get(ids[r]);
    if (i === undefined) {
      i = docs.counts.length;
      article.set(ids[r], i);
      docs.group.push(groupCol[r] === "" ? null : groupCol[r]);
      docs.stratum.push(stratumCol ? (stratumCol[r] === "" ? null : stratumCol[r]) : "");
      docs.counts.push(new Map());
    }
    const map = docs.counts[i];
    map.set(terms[r], (map.get(terms[r]) ?? 0) + Number(ns[r]));
  }
  return keynessOfDocuments(docs, options);
}
