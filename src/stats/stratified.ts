/**
 * Keyness with articles as the unit: per-article term counts with each article's group and
 * stratum, the within-stratum pooled log-odds, and the document-level test.
 *
 * - Within strata (`within`: an event, story or date field): each group is compared with its
 *   reference inside each stratum, and the per-stratum log-odds (Monroe et al. 2008, the
 *   informative-Dirichlet δ_s and σ²_s of `logOddsDirichlet`, the prior made from the stratum's
 *   own counts) are pooled with inverse-variance weights: w_s = 1/σ²_s, δ = Σ w_s δ_s / Σ w_s,
 *   variance = 1/Σ w_s, z = δ √(Σ w_s). Only strata where the group and its reference both have
 *   words and the term occurs count (a stratum without the term says nothing about wording).
 *   G² becomes the signed Cochran–Mantel–Haenszel χ² (1 df) of the 2×2×S table and log_ratio
 *   log2 of the Mantel–Haenszel rate ratio Σ a_s n_js/N_s / Σ b_s n_is/N_s (a zero side taken as
 *   0.5 of a count), so no column mixes which stories a group covered with how it wrote them.
 * - Document-level p (Lijffijt et al. 2016, "Significance testing of word frequencies in
 *   corpora"): the Wilcoxon–Mann–Whitney rank-sum test on per-article relative frequencies
 *   (count / the article's terms of that n-gram order), normal approximation with the tie
 *   correction, two-sided; with strata, van Elteren's stratified form (rank sums within each
 *   stratum weighted by 1/(N_s + 1)). It is the test Lijffijt et al. found well calibrated
 *   alongside the bootstrap, and unlike a permutation test it costs one sort of a term's
 *   non-zero articles (the zeros are one tie), so it runs on the whole vocabulary. With few
 *   articles the normal approximation gives p far below what any exact test can reach (one
 *   article against four: 0.046, where the exact test cannot go below 0.4), so p is floored at
 *   the smallest exact permutation p, 2 / Π_s C(N_s, n_s). NaN where no stratum has both sides
 *   and a difference in ranks to test (every article ties).
 * - q: Benjamini–Hochberg adjusted p over every row of the table.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
import { chiSquare1Sf, type KeynessPrior, logOddsDirichlet, type Measures } from "./keyness.ts";
import type { ArticleTermCounts, Vocabulary } from "./terms.ts";

/** Per-article term counts with each article's group and stratum (null: left out). */
export interface DocumentTermCounts {
  /** The grouping column's name. */
  by: string;
  /** The stratum field, when groups are compared within strata. */
  within?: string;
  group: (string | null)[];
  stratum: (string | null)[];
  /** Term → count, per article. */
  counts: Map<string, number>[];
}

/**
 * The per-article counts of `counts` labelled with their group (`by`) and stratum (`within`).
 *
 * @example
 * const docs = documentTermCounts(countTerms(analysis), "outlet", "event");
 */
export function documentTermCounts(
  counts: ArticleTermCounts,
  by: GroupBy = "outlet",
  within?: GroupBy,
): DocumentTermCounts {
  const articles: readonly CleanArticle[] = counts.articles;
  return {
    by: groupColumnName(by),
    within: within === undefined ? undefined : groupColumnName(within),
    group: groupsOf(articles, by),
    stratum: within === undefined ? articles.map(() => "") : groupsOf(articles, within),
    counts: counts.counts,
  };
}

/** Appends the articles of `from` to `into`, in place (batches of one corpus). */
export function mergeDocumentTermCounts(
  into: DocumentTermCounts,
  from: DocumentTermCounts,
): DocumentTermCounts {
  // One by one: spreading a large batch into push() overflows the call stack.
  for (let i = 0; i < from.counts.length; i++) {
    into.group.push(from.group[i]);
    into.stratum.push(from.stratum[i]);
    into.counts.push(from.counts[i]);
  }
  return into;
}

/** Documents indexed for the tests: codes, postings by term, sizes by order. */
export interface DocumentIndex {
  /** Group index of each article (-1: left out). */
  group: Int32Array;
  /** Stratum index of each article (-1: left out). */
  stratum: Int32Array;
  nStrata: number;
  /** Postings of term code c: `start[c]` to `start[c + 1]` in `article` and `count`. */
  start: Int32Array;
  article: Int32Array;
  count: Float64Array;
  /** `size[order][i]`: terms of that n-gram order in article i. */
  size: Float64Array[];
}

/**
 * Indexes the documents of `docs` by the codes of `vocab` (every term must be in it).
 * `articleCodes[i]`, when given, are the codes of article i's entries in its map's order (no
 * lookup per entry).
 */
export function indexDocuments(
  docs: DocumentTermCounts,
  groups: readonly string[],
  vocab: Vocabulary,
  articleCodes?: readonly (Int32Array | null)[],
): DocumentIndex {
  const n = docs.counts.length;
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const strata = new Map<string, number>();
  const group = new Int32Array(n).fill(-1);
  const stratum = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = docs.group[i];
    const s = docs.stratum[i];
    if (g === null || s === null || !groupIndex.has(g)) continue;
    if (!strata.has(s)) strata.set(s, strata.size);
    group[i] = groupIndex.get(g)!;
    stratum[i] = strata.get(s)!;
  }
  let maxOrder = 1;
  for (const k of vocab.order) if (k > maxOrder) maxOrder = k;
  const size = Array.from({ length: maxOrder + 1 }, () => new Float64Array(n));
  const start = new Int32Array(vocab.terms.length + 1);
  const codes: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const map = docs.counts[i];
    const given = group[i] >= 0 ? articleCodes?.[i] : undefined;
    if (given && given.length === map.size) {
      let r = 0;
      for (const c of map.values()) {
        const code = given[r++];
        start[code + 1]++;
        size[vocab.order[code]][i] += c;
      }
      codes.push(given);
      continue;
    }
    const out = new Int32Array(group[i] < 0 ? 0 : map.size);
    if (group[i] >= 0) {
      let r = 0;
      for (const [term, c] of map) {
        const code = vocab.index.get(term);
        if (code === undefined) throw new Error(`term "${term}" is not in the vocabulary`);
        out[r++] = code;
        start[code + 1]++;
        size[vocab.order[code]][i] += c;
      }
    }
    codes.push(out);
  }
  for (let c = 0; c < vocab.terms.length; c++) start[c + 1] += start[c];
  const fill = start.slice(0, vocab.terms.length);
  const article = new Int32Array(start[vocab.terms.length]);
  const count = new Float64Array(start[vocab.terms.length]);
  for (let i = 0; i < n; i++) {
    if (group[i] < 0) continue;
    let r = 0;
    for (const c of docs.counts[i].values()) {
      const code = codes[i][r++];
      article[fill[code]] = i;
      count[fill[code]++] = c;
    }
  }
  return { group, stratum, nStrata: strata.size, start, article, count, size };
}

/**
 * Document-level two-sided p of every term for each target group against the other included
 * groups (stratified Wilcoxon rank-sum, van Elteren weights). `included[g]`: group g takes part
 * (as target or reference). Returns one array by term code per target (NaN for a term no
 * stratum can test: p is then 1 by convention, the test has no variance).
 */
export function documentPValues(
  index: DocumentIndex,
  nGroups: number,
  included: readonly boolean[],
  targets: readonly number[],
  orderOf: Int32Array,
): Float64Array[] {
  const S = index.nStrata;
  // Articles per (group, stratum) among the included groups.
  const nGS = new Float64Array(nGroups * S);
  const nS = new Float64Array(S);
  for (let i = 0; i < index.group.length; i++) {
    const g = index.group[i];
    if (g < 0 || !included[g]) continue;
    nGS[g * S + index.stratum[i]]++;
    nS[index.stratum[i]]++;
  }
  const nTerms = index.start.length - 1;
  const out = targets.map(() => new Float64Array(nTerms));
  const t = targets.length;
  const sumT = new Float64Array(t);
  const sumE = new Float64Array(t);
  const sumV = new Float64Array(t);
  const lnPerms = new Float64Array(t);
  const lnFact = new Float64Array(index.group.length + 2);
  for (let k = 2; k < lnFact.length; k++) lnFact[k] = lnFact[k - 1] + Math.log(k);
  // Scratch: the included postings of one term, sorted by (stratum, rate).
  let keyS = new Int32Array(64);
  let keyR = new Float64Array(64);
  let keyG = new Int32Array(64);
  let perm: number[] = [];
  const rankSumGS = new Float64Array(nGroups * S);
  const nnzGS = new Float64Array(nGroups * S);
  for (let c = 0; c < nTerms; c++) {
    const order = orderOf[c];
    let m = 0;
    for (let p = index.start[c]; p < index.start[c + 1]; p++) {
      const i = index.article[p];
      const g = index.group[i];
      if (!included[g]) continue;
      if (m === keyS.length) {
        keyS = Int32Array.from({ length: 2 * m }, (_, k) => keyS[k] ?? 0);
        keyR = Float64Array.from({ length: 2 * m }, (_, k) => keyR[k] ?? 0);
        keyG = Int32Array.from({ length: 2 * m }, (_, k) => keyG[k] ?? 0);
      }
      keyS[m] = index.stratum[i];
      keyR[m] = index.count[p] / index.size[order][i];
      keyG[m] = g;
      m++;
    }
    perm = Array.from({ length: m }, (_, k) => k);
    perm.sort((x, y) => keyS[x] - keyS[y] || keyR[x] - keyR[y]);
    sumT.fill(0);
    sumE.fill(0);
    sumV.fill(0);
    lnPerms.fill(0);
    let a = 0;
    while (a < m) {
      const s = keyS[perm[a]];
      let b = a;
      while (b < m && keyS[perm[b]] === s) b++;
      // Ranks within stratum s: its zeros (articles without the term) tie below every non-zero.
      const N = nS[s];
      const zeros = N - (b - a);
      let ties = zeros > 1 ? zeros * zeros * zeros - zeros : 0;
      const touched: number[] = [];
      for (let k = a; k < b;) {
        let e = k;
        while (e < b && keyR[perm[e]] === keyR[perm[k]]) e++;
        const rank = zeros + (k + 1 - a + e - a) / 2;
        const tie = e - k;
        if (tie > 1) ties += tie * tie * tie - tie;
        for (let j = k; j < e; j++) {
          const cell = keyG[perm[j]] * S + s;
          if (nnzGS[cell] === 0) touched.push(cell);
          rankSumGS[cell] += rank;
          nnzGS[cell]++;
        }
        k = e;
      }
      const zeroRank = (zeros + 1) / 2;
      const tieFactor = N > 1 ? N + 1 - ties / (N * (N - 1)) : 0;
      for (let j = 0; j < t; j++) {
        const cell = targets[j] * S + s;
        const n1 = nGS[cell];
        const n2 = N - n1;
        if (n1 === 0 || n2 === 0) continue;
        const w = rankSumGS[cell] + zeroRank * (n1 - nnzGS[cell]);
        sumT[j] += w / (N + 1);
        sumE[j] += n1 / 2;
        sumV[j] += (n1 * n2 / 12) * tieFactor / ((N + 1) * (N + 1));
        lnPerms[j] += lnFact[N] - lnFact[n1] - lnFact[n2];
      }
      for (const cell of touched) rankSumGS[cell] = nnzGS[cell] = 0;
      a = b;
    }
    for (let j = 0; j < t; j++) {
      const v = sumV[j];
      // Never below the smallest p an exact permutation test could give (2 of the Π C(N_s, n_s)
      // relabellings): the normal approximation is far too small with a handful of articles.
      const floor = Math.min(1, 2 * Math.exp(-lnPerms[j]));
      out[j][c] = v > 1e-12 ? Math.max(floor, chiSquare1Sf((sumT[j] - sumE[j]) ** 2 / v)) : NaN;
    }
  }
  return out;
}

/** The pooled measures of one term for one comparison within strata. */
export interface PooledMeasures extends Measures {
  nTarget: number;
  nReference: number;
}

/**
 * Within-strata log-odds, CMH χ² and MH rate ratio of every term for target group `target`
 * against the `reference` groups (see the module notes). Returns the measures by term code
 * (undefined: no stratum where both sides have words and the term occurs).
 */
export function pooledMeasures(
  index: DocumentIndex,
  target: number,
  reference: readonly boolean[],
  orderOf: Int32Array,
  prior: KeynessPrior,
): (PooledMeasures | undefined)[] {
  const S = index.nStrata;
  const orders = index.size.length;
  // Sizes of target and reference per (order, stratum).
  const nT = Array.from({ length: orders }, () => new Float64Array(S));
  const nR = Array.from({ length: orders }, () => new Float64Array(S));
  for (let i = 0; i < index.group.length; i++) {
    const g = index.group[i];
    if (g < 0 || (g !== target && !reference[g])) continue;
    const into = g === target ? nT : nR;
    for (let k = 1; k < orders; k++) into[k][index.stratum[i]] += index.size[k][i];
  }
  const nTerms = index.start.length - 1;
  const a = new Float64Array(S);
  const b = new Float64Array(S);
  // Constant prior: α_0 = α × the number of terms of the order the stratum's two sides use.
  let vocabS: Float64Array[] = [];
  if (prior.type === "constant") {
    vocabS = Array.from({ length: orders }, () => new Float64Array(S));
    const seen = new Int32Array(S).fill(-1);
    for (let c = 0; c < nTerms; c++) {
      for (let p = index.start[c]; p < index.start[c + 1]; p++) {
        const i = index.article[p];
        const g = index.group[i];
        if (g !== target && !reference[g]) continue;
        const s = index.stratum[i];
        if (seen[s] !== c) {
          seen[s] = c;
          vocabS[orderOf[c]][s]++;
        }
      }
    }
  }
  const out: (PooledMeasures | undefined)[] = new Array(nTerms);
  const touched: number[] = [];
  for (let c = 0; c < nTerms; c++) {
    const k = orderOf[c];
    for (let p = index.start[c]; p < index.start[c + 1]; p++) {
      const i = index.article[p];
      const g = index.group[i];
      if (g !== target && !reference[g]) continue;
      const s = index.stratum[i];
      if (a[s] === 0 && b[s] === 0) touched.push(s);
      if (g === target) a[s] += index.count[p];
      else b[s] += index.count[p];
    }
    let sumW = 0;
    let sumWD = 0;
    let sumA = 0;
    let sumB = 0;
    let dev = 0;
    let varMH = 0;
    let num = 0;
    let den = 0;
    let numBase = 0;
    let denBase = 0;
    let used = 0;
    for (const s of touched) {
      const ni = nT[k][s];
      const nj = nR[k][s];
      if (ni > 0 && nj > 0) {
        const joint = a[s] + b[s];
        const total = ni + nj;
        let alphaW: number;
        let alpha0: number;
        if (prior.type === "constant") {
          alphaW = prior.alpha;
          alpha0 = prior.alpha * vocabS[k][s];
        } else {
          alpha0 = prior.alpha0 ?? total;
          alphaW = (alpha0 * joint) / total;
        }
        const lo = logOddsDirichlet(a[s], ni, b[s], nj, alphaW, alpha0);
        const w = 1 / lo.variance;
        sumW += w;
        sumWD += w * lo.delta;
        sumA += a[s];
        sumB += b[s];
        dev += a[s] - (ni * joint) / total;
        if (total > 1) varMH += (ni * nj * joint * (total - joint)) / (total * total * (total - 1));
        num += (a[s] * nj) / total;
        den += (b[s] * ni) / total;
        numBase += nj / total;
        denBase += ni / total;
        used++;
      }
      a[s] = b[s] = 0;
    }
    if (sumW > 0) {
      const delta = sumWD / sumW;
      const g2 = varMH > 0 ? Math.sign(dev) * (dev * dev) / varMH : 0;
      out[c] = {
        nTarget: sumA,
        nReference: sumB,
        delta,
        variance: 1 / sumW,
        z: delta * Math.sqrt(sumW),
        g2,
        p: chiSquare1Sf(Math.abs(g2)),
        logRatio: Math.log2((num || (0.5 * numBase) / used) / (den || (0.5 * denBase) / used)),
      };
    }
    touched.length = 0;
  }
  return out;
}

/**
 * Benjamini–Hochberg adjusted p-values (R's `p.adjust(p, "BH")`); NaN entries stay NaN and do
 * not count among the tests.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5]); // [0.025, 0.05, 0.05, 0.025, 0.5]
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const out = new Float64Array(p.length).fill(NaN);
  const idx = orderDescending(p);
  const m = idx.length;
  let running = 1;
  for (let r = 0; r < m; r++) {
    const i = idx[r];
    running = Math.min(running, (p[i] * m) / (m - r));
    out[i] = running;
  }
  return out;
}

/**
 * The indices of the non-NaN values of `p`, by value descending, equal values by index
 * descending: a native sort of the values and a counting sort of the indices by the rank of
 * their value (a table of a million p-values shares far fewer distinct ones), where a sort with
 * a comparator calls back into JavaScript some twenty times per value.
 */
function orderDescending(p: ArrayLike<number>): Int32Array {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) m++;
  const values = new Float64Array(m);
  m = 0;
  // + 0 makes -0 equal to 0, as the comparator's subtraction did.
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) values[m++] = p[i] + 0;
  values.sort();
  let distinct = 0;
  for (let k = 0; k < m; k++) {
    if (k === 0 || values[k] !== values[k - 1]) values[distinct++] = values[k];
  }
  const sorted = values.subarray(0, distinct);
  // Rank 0 for the largest value; each index is placed by its value's rank.
  const rank = (v: number) => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return distinct - 1 - lo;
  };
  const ranks = new Int32Array(p.length).fill(-1);
  const next = new Int32Array(distinct + 1);
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(p[i])) continue;
    ranks[i] = rank(p[i] + 0);
    next[ranks[i] + 1]++;
  }
  for (let r = 0; r < distinct; r++) next[r + 1] += next[r];
  const out = new Int32Array(m);
  // Indices descending within a rank: the block of each rank is filled walking i downwards.
  for (let i = p.length - 1; i >= 0; i--) if (ranks[i] >= 0) out[next[ranks[i]]++] = i;
  return out;
}
