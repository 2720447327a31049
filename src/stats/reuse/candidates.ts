/**
 * Candidate pairs from an inverted index over content terms, so that only rows sharing terms are
 * ever scored: not all n² pairs.
 *
 * Why it grows near-linearly: a term found in more than `maxPostings` rows is left out of the
 * index (it is too common to signal reuse; it still counts in the cosine). Each indexed term of a
 * row then meets at most `maxPostings` earlier rows, so the work is at most
 * `maxPostings × (content tokens)`: linear in the corpus for a fixed cap. The price, on purpose:
 * two rows that share only common terms are never compared. A pair becomes a candidate when it
 * shares at least `minShared` indexed terms (fewer when a row has fewer indexed terms), which
 * keeps single-word coincidences out of the scoring loop.
 *
 * The index is built while it is queried: row i is matched against rows 0..i-1, then added. One
 * accumulator array and one list of touched rows are reused for every row.
 * @module
 */

import { ReuseError } from "./errors.ts";
import type { HashSets, SparseRows } from "./features.ts";

/** How candidates are generated (see the module notes). */
export interface CandidateOptions {
  /** Terms in more rows than this are not indexed. */
  maxPostings: number;
  /** Indexed terms a pair must share to be scored (capped by the rows' own indexed terms). */
  minShared: number;
}

/** What candidate generation did, for benchmarks and reports. */
export interface CandidateStats {
  /** Terms in the index (document frequency from 2 to `maxPostings`). */
  indexedTerms: number;
  /** Terms left out for being in more than `maxPostings` rows. */
  commonTerms: number;
  /** Pairs handed to `visit`. */
  candidates: number;
  /** Posting entries walked (the work the cap bounds). */
  postingsWalked: number;
}

/**
 * Calls `visit(earlier, later)` once for each candidate pair of rows, `earlier < later`: all the
 * pairs of row `later` before those of row `later + 1`, but its `earlier` rows in no set order
 * (sorting them would cost more than the scoring). Rows of the same `group` (sentences of one
 * article) are never paired; pass `null` to pair every row.
 *
 * @example
 * forEachCandidate(f.sentenceTerms, f.sentenceDf, f.sentenceArticle,
 *   { maxPostings: 200, minShared: 2 }, (a, b) => scores.push(rowCosine(f.sentenceTerms, a, b)));
 */
export function forEachCandidate(
  rows: SparseRows,
  df: Int32Array,
  group: Int32Array | null,
  options: CandidateOptions,
  visit: (earlier: number, later: number) => void,
): CandidateStats {
  const index = new CandidateIndex(rows, df, group, options);
  const nRows = rows.start.length - 1;
  for (let i = 0; i < nRows; i++) {
    index.query(i, (j) => visit(j, i));
    index.add(i);
  }
  return index.stats();
}

/**
 * The inverted index of {@link forEachCandidate}, row by row: {@link query} a row against the
 * rows added so far, then {@link add} it. Two indexes (content terms, shingles) can so be walked
 * in step, and every pair of one row is known before the next row: a caller can write the pairs
 * out in order as it goes instead of holding and sorting them all.
 */
export class CandidateIndex {
  readonly #rows: SparseRows;
  readonly #group: Int32Array | null;
  readonly #minShared: number;
  readonly #postStart: Int32Array;
  readonly #postings: Int32Array;
  readonly #fill: Int32Array;
  readonly #indexedPerRow: Int32Array;
  readonly #shared: Int32Array;
  readonly #touched: Int32Array;
  readonly #indexedTerms: number;
  readonly #commonTerms: number;
  #candidates = 0;
  #postingsWalked = 0;

  constructor(
    rows: SparseRows,
    df: Int32Array,
    group: Int32Array | null,
    options: CandidateOptions,
  ) {
    const { maxPostings, minShared } = options;
    if (!Number.isInteger(maxPostings) || maxPostings < 2) {
      throw new ReuseError(`maxPostings must be a whole number ≥ 2, got ${maxPostings}`);
    }
    if (!Number.isInteger(minShared) || minShared < 1) {
      throw new ReuseError(`minShared must be a whole number ≥ 1, got ${minShared}`);
    }
    this.#rows = rows;
    this.#group = group;
    this.#minShared = minShared;
    const nRows = rows.start.length - 1;
    const { start, ids } = rows;
    // Posting lists laid out once from the document frequencies; `fill` grows as rows are added.
    const postStart = new Int32Array(df.length + 1);
    let indexedTerms = 0;
    let commonTerms = 0;
    for (let t = 0; t < df.length; t++) {
      const indexed = df[t] >= 2 && df[t] <= maxPostings;
      if (indexed) indexedTerms++;
      else if (df[t] > maxPostings) commonTerms++;
      postStart[t + 1] = postStart[t] + (indexed ? df[t] : 0);
    }
    this.#indexedTerms = indexedTerms;
    this.#commonTerms = commonTerms;
    this.#postStart = postStart;
    this.#postings = new Int32Array(postStart[df.length]);
    this.#fill = postStart.slice(0, df.length);
    const indexedPerRow = new Int32Array(nRows);
    for (let r = 0; r < nRows; r++) {
      for (let p = start[r]; p < start[r + 1]; p++) {
        if (postStart[ids[p] + 1] > postStart[ids[p]]) indexedPerRow[r]++;
      }
    }
    this.#indexedPerRow = indexedPerRow;
    this.#shared = new Int32Array(nRows);
    this.#touched = new Int32Array(nRows);
  }

  /** Calls `visit(earlier)` for each candidate pair of row `i` with a row added before it. */
  query(i: number, visit: (earlier: number) => void): void {
    const { start, ids } = this.#rows;
    const group = this.#group;
    const postStart = this.#postStart;
    const postings = this.#postings;
    const fill = this.#fill;
    const shared = this.#shared;
    const touched = this.#touched;
    let nTouched = 0;
    const gi = group ? group[i] : -1;
    for (let p = start[i]; p < start[i + 1]; p++) {
      const t = ids[p];
      const from = postStart[t];
      const to = fill[t];
      this.#postingsWalked += to - from;
      for (let q = from; q < to; q++) {
        const j = postings[q];
        if (group && group[j] === gi) continue;
        if (shared[j]++ === 0) touched[nTouched++] = j;
      }
    }
    const indexedPerRow = this.#indexedPerRow;
    for (let k = 0; k < nTouched; k++) {
      const j = touched[k];
      const need = Math.min(this.#minShared, indexedPerRow[i], indexedPerRow[j]);
      if (shared[j] >= need) {
        this.#candidates++;
        visit(j);
      }
      shared[j] = 0;
    }
  }

  /** Adds row `i` to the index (rows are added in order). */
  add(i: number): void {
    const { start, ids } = this.#rows;
    for (let p = start[i]; p < start[i + 1]; p++) {
      const t = ids[p];
      if (this.#postStart[t + 1] > this.#postStart[t]) this.#postings[this.#fill[t]++] = i;
    }
  }

  /** What the index did so far. */
  stats(): CandidateStats {
    return {
      indexedTerms: this.#indexedTerms,
      commonTerms: this.#commonTerms,
      candidates: this.#candidates,
      postingsWalked: this.#postingsWalked,
    };
  }
}

/**
 * Whether {@link forEachCandidate} with these rows, frequencies and options pairs rows `a` and
 * `b` (of different groups), decided from the two rows alone: they share at least one indexed
 * term, and at least `min(minShared, indexed terms of a, indexed terms of b)`. A second pass over
 * another index skips the pairs the first one already scored with it, instead of keeping a set
 * of every pair scored (tens of millions of entries on a large corpus).
 */
export function candidateTest(
  rows: SparseRows,
  df: Int32Array,
  options: CandidateOptions,
): (a: number, b: number) => boolean {
  const { maxPostings, minShared } = options;
  const { start, ids } = rows;
  const nRows = start.length - 1;
  const indexedPerRow = new Int32Array(nRows);
  const indexed = (t: number) => df[t] >= 2 && df[t] <= maxPostings;
  for (let r = 0; r < nRows; r++) {
    for (let p = start[r]; p < start[r + 1]; p++) if (indexed(ids[p])) indexedPerRow[r]++;
  }
  return (a, b) => {
    const need = Math.max(1, Math.min(minShared, indexedPerRow[a], indexedPerRow[b]));
    let i = start[a];
    let j = start[b];
    let shared = 0;
    while (i < start[a + 1] && j < start[b + 1]) {
      const x = ids[i];
      const y = ids[j];
      if (x === y) {
        if (indexed(x) && ++shared >= need) return true;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    return false;
  };
}

/**
 * Shingle hash sets as sparse rows over dense ids, with each shingle's row count: the input of
 * a second {@link forEachCandidate} pass. Two sentences made only of common words (each word too
 * frequent to be indexed) still share rare word sequences when one copies the other.
 *
 * Only the shingles of two rows or more are kept: one found in a single row pairs nothing, and
 * is neither indexed nor counted as common by the index, so the candidates are the same. Most
 * shingles of a large corpus are of one row, and the table of every distinct one this replaces
 * (over 16M at 100,000 news-size articles) needed an estimated 0.5–1.5 GB while it grew. Ids
 * are the ranks of the kept hashes (so each row's ids ascend, as its hashes do), found from a
 * sorted copy of the hashes.
 */
export function hashRows(sets: HashSets): { rows: SparseRows; df: Int32Array } {
  const { start, hashes } = sets;
  const n = hashes.length;
  // Sorted copy, compacted in place to the hashes of two rows or more (rows hold each once).
  const kept = hashes.slice().sort();
  let m = 0;
  for (let p = 0; p < n;) {
    let q = p + 1;
    while (q < n && kept[q] === kept[p]) q++;
    if (q - p >= 2) kept[m++] = kept[p];
    p = q;
  }
  const keys = kept.slice(0, m);
  // Where each 16-bit prefix (signed order) starts among the keys: a short binary search each.
  const bucket = (h: number) => (h >> 16) + 32768;
  const from = new Int32Array(65537);
  for (let k = 0; k < m; k++) from[bucket(keys[k]) + 1]++;
  for (let b = 0; b < 65536; b++) from[b + 1] += from[b];
  const rank = (h: number) => {
    const b = bucket(h);
    let lo = from[b];
    let hi = from[b + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < from[b + 1] && keys[lo] === h ? lo : -1;
  };
  const df = new Int32Array(m);
  const rowStart = new Int32Array(start.length);
  let out = 0;
  for (let r = 0; r + 1 < start.length; r++) {
    for (let p = start[r]; p < start[r + 1]; p++) {
      const id = rank(hashes[p]);
      if (id < 0) continue;
      kept[out++] = id; // the sorted copy's room, reused (its keys were copied out)
      df[id]++;
    }
    rowStart[r + 1] = out;
  }
  return { rows: { start: rowStart, ids: kept.slice(0, out), weights: new Float64Array(0) }, df };
}
