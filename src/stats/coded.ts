/**
 * String columns from integer codes: the statistics frames repeat a small vocabulary (terms,
 * article ids, groups) over many rows, so each distinct string crosses into polars once and the
 * column is rebuilt natively by a join on the codes (`codedUtf8`, which lives with the other
 * column constructors in `frames/columns.ts` and is re-exported here).
 * @module
 */

import type pl from "nodejs-polars";
import { codedUtf8 } from "../frames/columns.ts";

export { codedUtf8 };

/** A growable Int32 buffer, so row counts need not be known in advance. */
export class Int32Column {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far (a view, not a copy). */
  values(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A growable Float64 buffer (a class of its own so that `push` stays monomorphic and fast). */
export class Float64Column {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far (a view, not a copy). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A growable Int32 column. */
export const int32Column = (): Int32Column => new Int32Column();

/** A growable Float64 column. */
export const float64Column = (): Float64Column => new Float64Column();

/**
 * A Utf8 column made of runs: `values[i]` repeated `counts[i]` times (article ids, groups:
 * columns that change value only between blocks of rows).
 */
export function runsUtf8(
  name: string,
  values: readonly string[],
  counts: readonly number[],
): pl.Series {
  let total = 0;
  for (const n of counts) total += n;
  const codes = new Int32Array(total);
  let at = 0;
  counts.forEach((n, i) => {
    codes.fill(i, at, at + n);
    at += n;
  });
  return codedUtf8(name, values, codes);
}

/**
 * The permutation that sorts rows by `keys` ascending, keeping the given order among equal keys.
 * Linear when keys repeat a lot (counts, scores of equal counts): rows go into one bucket per
 * distinct key and only the distinct keys are sorted.
 */
export function stableOrderBy(keys: ArrayLike<number>): Int32Array {
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const bucket = buckets.get(keys[i]);
    if (bucket) bucket.push(i);
    else buckets.set(keys[i], [i]);
  }
  const distinct = Float64Array.from(buckets.keys()).sort();
  const out = new Int32Array(keys.length);
  let at = 0;
  for (const key of distinct) for (const i of buckets.get(key)!) out[at++] = i;
  return out;
}
