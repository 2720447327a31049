/**
 * The two scores of a pair: a bag-of-words cosine (catches paraphrase: the same content words in
 * another order and wording) and a shingle containment (catches copying: the same runs of words).
 * Both are merges of two sorted integer runs, with no allocation.
 * @module
 */

import type { HashSets, SparseRows } from "./features.ts";

/**
 * Cosine of rows `a` and `b` of L2-normalised sparse rows, in [0, 1]. Rounded to 12 decimals so
 * that a text compared with itself scores exactly 1 despite floating-point sums; 0 when either
 * row is empty.
 */
export function rowCosine(rows: SparseRows, a: number, b: number): number {
  const { start, ids, weights } = rows;
  let i = start[a];
  let j = start[b];
  const iEnd = start[a + 1];
  const jEnd = start[b + 1];
  let dot = 0;
  while (i < iEnd && j < jEnd) {
    const x = ids[i];
    const y = ids[j];
    if (x === y) dot += weights[i++] * weights[j++];
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, Math.round(dot * 1e12) / 1e12);
}

/**
 * Number of hashes that sets `a` and `b` share; with `need`, -1 as soon as the hashes left cannot
 * lift the count to `need` (the merge stops there).
 */
export function sharedHashes(sets: HashSets, a: number, b: number, need = 0): number {
  const { start, hashes } = sets;
  let i = start[a];
  let j = start[b];
  const iEnd = start[a + 1];
  const jEnd = start[b + 1];
  let shared = 0;
  while (i < iEnd && j < jEnd) {
    if (shared + Math.min(iEnd - i, jEnd - j) < need) return -1;
    const x = hashes[i];
    const y = hashes[j];
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared >= need ? shared : -1;
}

/**
 * Containment of the smaller shingle set in the other, `|A ∩ B| / min(|A|, |B|)`, in [0, 1]: 1
 * when every shingle of the shorter sentence occurs in the longer one (a sentence copied whole
 * into a longer one scores 1). 0 when either set is empty.
 */
export function containment(sets: HashSets, a: number, b: number): number {
  const sizeA = sets.start[a + 1] - sets.start[a];
  const sizeB = sets.start[b + 1] - sets.start[b];
  const smaller = Math.min(sizeA, sizeB);
  return smaller === 0 ? 0 : sharedHashes(sets, a, b) / smaller;
}

/** Directed containment `|A ∩ B| / |A|`: the share of a's shingles found in b. */
export function containmentIn(sets: HashSets, a: number, b: number): number {
  const sizeA = sets.start[a + 1] - sets.start[a];
  return sizeA === 0 ? 0 : sharedHashes(sets, a, b) / sizeA;
}

/**
 * {@link containment} of `a` and `b` when it can reach `threshold`, else -1: the merge stops as
 * soon as the shingles left cannot lift the shared count to it. Most candidate pairs share a few
 * rare words and no run of five, and their containment is only asked whether it passes a line.
 * Where it can pass, the value is the one {@link containment} gives (the same count and division).
 */
export function containmentAtLeast(
  sets: HashSets,
  a: number,
  b: number,
  threshold: number,
): number {
  const smaller = Math.min(sets.start[a + 1] - sets.start[a], sets.start[b + 1] - sets.start[b]);
  if (smaller === 0) return 0 >= threshold ? 0 : -1;
  // The fewest shared hashes whose containment reaches the threshold, by the same division.
  let need = Math.max(0, Math.floor(threshold * smaller) - 1);
  while (need <= smaller && need / smaller < threshold) need++;
  if (need > smaller) return -1;
  const shared = sharedHashes(sets, a, b, need);
  return shared < 0 ? -1 : shared / smaller;
}
