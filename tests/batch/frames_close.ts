/**
 * One comparison of frames for the batch and shard tests: the same columns, types and rows, with
 * floats equal to a relative tolerance (sums over batches or shards are added in another order).
 * @module
 */

import assert from "node:assert/strict";
import type pl from "nodejs-polars";

/** Asserts `actual` equals `expected`, floats within `tolerance` relative (at least 1 absolute). */
export function assertFramesClose(
  actual: pl.DataFrame,
  expected: pl.DataFrame,
  name: string,
  tolerance: number,
): void {
  assert.deepEqual(actual.columns, expected.columns, name);
  assert.equal(actual.height, expected.height, name);
  for (const column of expected.columns) {
    const a = actual.getColumn(column);
    const e = expected.getColumn(column);
    assert.equal(String(a.dtype), String(e.dtype), `${name}.${column}`);
    if (!String(e.dtype).includes("Float64")) {
      assert.ok(a.seriesEqual(e, true), `${name}.${column} differs`);
      continue;
    }
    const av = a.toArray() as (number | null)[];
    const ev = e.toArray() as (number | null)[];
    ev.forEach((x, i) => {
      const y = av[i];
      if (x === null || y === null || !Number.isFinite(x)) return assert.equal(y, x);
      assert.ok(
        Math.abs(y - x) <= tolerance * Math.max(1, Math.abs(x)),
        `${name}.${column}[${i}]`,
      );
    });
  }
}
