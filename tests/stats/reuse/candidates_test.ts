import assert from "node:assert/strict";
import fc from "fast-check";
import { forEachCandidate, hashRows } from "../../../src/stats/reuse/candidates.ts";
import type { SparseRows } from "../../../src/stats/reuse/features.ts";

/** Rows from lists of term ids (weights 1), with their document frequencies. */
function rowsOf(lists: number[][], nTerms: number): { rows: SparseRows; df: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  const ids: number[] = [];
  const df = new Int32Array(nTerms);
  lists.forEach((list, r) => {
    const unique = [...new Set(list)].sort((x, y) => x - y);
    for (const t of unique) df[t]++;
    ids.push(...unique);
    start[r + 1] = ids.length;
  });
  return {
    rows: { start, ids: Int32Array.from(ids), weights: new Float64Array(ids.length).fill(1) },
    df,
  };
}

/** "a-b" pairs sorted by b, then a (the index visits the a's of one b in no set order). */
function byLater(pairs: string[]): string[] {
  const key = (p: string) => p.split("-").map(Number);
  return pairs.slice().sort((x, y) => key(x)[1] - key(y)[1] || key(x)[0] - key(y)[0]);
}

function collect(
  lists: number[][],
  nTerms: number,
  group: number[] | null,
  maxPostings: number,
  minShared: number,
) {
  const { rows, df } = rowsOf(lists, nTerms);
  const pairs: string[] = [];
  const stats = forEachCandidate(
    rows,
    df,
    group ? Int32Array.from(group) : null,
    { maxPostings, minShared },
    (a, b) => pairs.push(`${a}-${b}`),
  );
  return { pairs: byLater(pairs), stats };
}

Deno.test("candidates: shared indexed terms, the cap, and groups", () => {
  // Term 0 is in every row (too common for maxPostings 3); term 1 in rows 0, 1; term 2 in rows
  // 1, 2, 3; term 3 in rows 0, 1.
  const lists = [[0, 1, 3], [0, 1, 2, 3], [0, 2], [0, 2]];
  const all = collect(lists, 4, null, 3, 2);
  // 0-1 share terms 1 and 3. Rows 2 and 3 have one indexed term each (2), so for them one
  // shared term is enough: 1-2, 1-3 and 2-3 are candidates.
  assert.deepEqual(all.pairs, ["0-1", "1-2", "1-3", "2-3"]);
  assert.deepEqual(all.stats, {
    indexedTerms: 3,
    commonTerms: 1,
    candidates: 4,
    postingsWalked: 5,
  });
  // minShared 2 does bite between rows that both have two or more indexed terms.
  assert.deepEqual(collect([[1, 2, 5], [1, 3, 5], [1, 2, 4], [3, 4]], 6, null, 3, 2).pairs, [
    "0-1",
    "0-2",
  ]);
  // With the cap lifted, term 0 is indexed too: 0-2 and 0-3 share only term 0, and rows 0, 2
  // and 3 have at least two indexed terms each, so they still are not candidates.
  assert.deepEqual(collect(lists, 4, null, 4, 2).pairs, ["0-1", "1-2", "1-3", "2-3"]);
  // Rows of one group are never paired.
  assert.deepEqual(collect(lists, 4, [0, 0, 1, 1], 4, 2).pairs, ["1-2", "1-3"]);
});

Deno.test("property: candidates are exactly the pairs sharing enough indexed terms", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 6 }), { maxLength: 25 }),
      fc.integer({ min: 2, max: 10 }),
      fc.integer({ min: 1, max: 3 }),
      (lists, maxPostings, minShared) => {
        const { rows, df } = rowsOf(lists, 12);
        const indexed = (t: number) => df[t] >= 2 && df[t] <= maxPostings;
        const sets = lists.map((l) => new Set(l.filter(indexed)));
        const expected: string[] = [];
        for (let b = 0; b < lists.length; b++) {
          for (let a = 0; a < b; a++) {
            const shared = [...sets[a]].filter((t) => sets[b].has(t)).length;
            const need = Math.min(minShared, sets[a].size, sets[b].size);
            if (shared > 0 && shared >= need) expected.push(`${a}-${b}`);
          }
        }
        const got: string[] = [];
        forEachCandidate(
          rows,
          df,
          null,
          { maxPostings, minShared },
          (a, b) => got.push(`${a}-${b}`),
        );
        assert.deepEqual(byLater(got), expected);
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("hashRows: shingles of two rows or more, as ranks of their hashes, with their row counts", () => {
  // Rows [-3, 7], [-3, 9, 100000], [7], then one row of 70,000 hashes found nowhere else.
  const many = Array.from({ length: 70_000 }, (_, k) => 1_000_000 + k);
  const hashes = Int32Array.from([-3, 7, -3, 9, 100000, 7, ...many]);
  const start = Int32Array.from([0, 2, 5, 6, hashes.length]);
  const { rows, df } = hashRows({ start, hashes });
  // Kept: -3 (rows 0 and 1) and 7 (rows 0 and 2); 9, 100000 and the 70,000 are in one row each.
  assert.deepEqual([...rows.ids], [0, 1, 0, 1]);
  assert.deepEqual([...rows.start], [0, 2, 3, 4, 4]);
  assert.deepEqual([...df], [2, 2]);
});

Deno.test("hashRows: the same candidate pairs as the hashes used as ids directly", () => {
  fc.assert(
    fc.property(
      fc.array(fc.uniqueArray(fc.integer({ min: -40, max: 40 }), { maxLength: 6 }), {
        maxLength: 12,
      }),
      fc.integer({ min: 2, max: 4 }),
      (sets, maxPostings) => {
        const sorted = sets.map((set) => [...set].sort((x, y) => x - y));
        const hashes = Int32Array.from(sorted.flat());
        const start = Int32Array.from([
          0,
          ...sorted.map((_, r) => sorted.slice(0, r + 1).reduce((n, set) => n + set.length, 0)),
        ]);
        const pairs = (rows: SparseRows, df: Int32Array) => {
          const got: string[] = [];
          forEachCandidate(
            rows,
            df,
            null,
            { maxPostings, minShared: 2 },
            (a, b) => got.push(`${a}-${b}`),
          );
          return got.sort();
        };
        // Reference: each hash + 40 is its own id, every hash kept.
        const ids = hashes.map((h) => h + 40);
        const df = new Int32Array(81);
        for (const h of ids) df[h]++;
        const direct = pairs({ start, ids, weights: new Float64Array(0) }, df);
        const made = hashRows({ start, hashes });
        assert.deepEqual(pairs(made.rows, made.df), direct);
      },
    ),
    { numRuns: 300 },
  );
});
