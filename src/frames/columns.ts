/**
 * Typed column constructors: every frame of the kit is built from whole columns with an explicit
 * dtype, never from row objects. The growable buffers those columns are often filled in first
 * live in `src/_buffers.ts`.
 * @module
 */

import pl from "nodejs-polars";

/** A Utf8 column (nulls allowed). */
export const utf8 = (name: string, values: (string | null)[]): pl.Series =>
  pl.Series(name, values, pl.Utf8);

/**
 * An Int32 column. An Int32Array goes in as it is (polars copies it: a copy here first would only
 * cost another pass and, for a column of millions of rows, megabytes of fresh memory).
 */
export const int32 = (name: string, values: ArrayLike<number>): pl.Series =>
  pl.Series(name, values instanceof Int32Array ? values : Int32Array.from(values));

/**
 * An Int32 column with nulls. (nodejs-polars 0.25 turns null into 0 when the dtype is given up
 * front, so the values go in untyped and are cast.)
 */
export const int32Nullable = (name: string, values: (number | null)[]): pl.Series =>
  pl.Series(name, values).cast(pl.Int32);

/** A Float64 column with nulls. */
export const float64Nullable = (name: string, values: (number | null)[]): pl.Series =>
  pl.Series(name, values, pl.Float64);

/** A Float64 column (a Float64Array goes in as it is, as with {@link int32}). */
export const float64 = (name: string, values: ArrayLike<number>): pl.Series =>
  pl.Series(name, values instanceof Float64Array ? values : Float64Array.from(values));

/**
 * A Boolean column (through bytes: nodejs-polars converts a JS boolean array slowly). Bytes go in
 * as they are: the cast makes any non-zero byte true, as `values[i] ? 1 : 0` would.
 */
export const bool = (name: string, values: ArrayLike<boolean | number>): pl.Series => {
  if (values instanceof Uint8Array) return pl.Series(name, values).cast(pl.Bool);
  const bytes = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) bytes[i] = values[i] ? 1 : 0;
  return pl.Series(name, bytes).cast(pl.Bool);
};

/**
 * A Utf8 column whose row i is `distinct[codes[i]]`: each distinct string crosses into polars
 * once and the column is rebuilt natively by a gather on the codes (every code must index
 * `distinct`).
 *
 * @example
 * codedUtf8("outlet", ["Reuters", "AFP"], Int32Array.of(0, 0, 1)).toArray(); // Reuters, Reuters, AFP
 */
export function codedUtf8(
  name: string,
  distinct: readonly string[],
  codes: Int32Array,
): pl.Series {
  return gathered([pl.Series(name, distinct as string[], pl.Utf8)], codes)[0];
}

/**
 * Columns of `lookup` taken at rows `codes`, natively (a gather: about three times less CPU than
 * the join on codes it replaces when there are many distinct values, and no hashing at all).
 */
function gathered(lookup: pl.Series[], codes: Int32Array): pl.Series[] {
  const at = gatherIndices("__code", codes);
  return pl.DataFrame(lookup).select(...lookup.map((s) => pl.col(s.name).gather(at)))
    .getColumns();
}

/**
 * Row numbers for a native gather, as polars' own index type (UInt32): the same bytes as the
 * codes, read unsigned (codes are never negative), so polars does not cast them once per
 * gathered column (with Int32 codes the cast was about a third of a gather's CPU).
 */
export function gatherIndices(name: string, codes: Int32Array): pl.Series {
  return pl.Series(name, new Uint32Array(codes.buffer, codes.byteOffset, codes.length));
}

/**
 * Utf8 columns whose row i is `distinct[j][codes[i]]` for column j, by one native gather (as
 * {@link codedUtf8} for several columns sharing their codes; every code must index each list).
 */
export function codedUtf8Together(
  columns: readonly (readonly [name: string, distinct: readonly string[]])[],
  codes: Int32Array,
): pl.Series[] {
  return gathered(columns.map(([name, d]) => pl.Series(name, d as string[], pl.Utf8)), codes);
}

/**
 * Runs up to which {@link runsUtf8} repeats each value natively (a constant run each, then one
 * concatenation) instead of a gather on a code per row: about a third less time for a few long
 * runs (groups); many short ones (article ids) gather.
 */
const RUNS_REPEATED = 64;

/**
 * A Utf8 column made of runs: `values[i]` repeated `counts[i]` times (article ids, groups:
 * columns that change value only between blocks of rows).
 *
 * @example
 * runsUtf8("group", ["a", "b"], [2, 1]).toArray(); // a, a, b
 */
export function runsUtf8(
  name: string,
  values: readonly string[],
  counts: readonly number[],
): pl.Series {
  let total = 0;
  let runs = 0;
  for (const n of counts) {
    total += n;
    if (n > 0) runs++;
  }
  if (runs > 0 && runs <= RUNS_REPEATED) {
    const parts: pl.Series[] = [];
    counts.forEach((n, i) => {
      if (n > 0) parts.push(pl.Series(name, [values[i]], pl.Utf8).extendConstant(values[i], n - 1));
    });
    return parts.length === 1 ? parts[0] : pl.concat(parts, { rechunk: true, parallel: true });
  }
  const codes = new Int32Array(total);
  let at = 0;
  counts.forEach((n, i) => {
    codes.fill(i, at, at + n);
    at += n;
  });
  return codedUtf8(name, values, codes);
}

/**
 * The permutation that sorts rows by `keys` ascending, keeping the given order among equal keys:
 * the row order of the statistics frames before their columns are built. Linear when keys repeat
 * a lot (counts, scores of equal counts): rows go into one bucket per distinct key and only the
 * distinct keys are sorted.
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

/**
 * A Utf8 column for long, repetitive string arrays (token forms, ids): each distinct string
 * crosses into polars once and the column is rebuilt natively from integer codes, about eight
 * times faster than passing every string for a million rows.
 */
export const utf8Coded = (name: string, values: readonly string[]): pl.Series => {
  const codeOf = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let c = codeOf.get(v);
    if (c === undefined) {
      c = distinct.length;
      codeOf.set(v, c);
      distinct.push(v);
    }
    codes[i] = c;
  }
  return codedUtf8(name, distinct, codes);
};

/**
 * Several Utf8 columns of the same length whose values follow from the first one (a token's
 * lower form and stem follow from its surface form; a sentence's article and outlet from its
 * id), built with one code pass over the first column and one native gather for all of them. The
 * dependence is checked row by row: where it does not hold, each column is built on its own with
 * {@link utf8Coded}. Same columns, same order of rows, as `utf8Coded` column by column.
 */
export const utf8CodedTogether = (
  columns: readonly (readonly [name: string, values: readonly string[]])[],
): pl.Series[] => {
  const separately = () => columns.map(([name, values]) => utf8Coded(name, values));
  const [, keys] = columns[0];
  const n = keys.length;
  if (columns.some(([, values]) => values.length !== n)) return separately();
  const others = columns.slice(1).map(([, values]) => values);
  const codeOf = new Map<string, number>();
  const distinct: string[][] = columns.map(() => []);
  const codes = new Int32Array(n);
  let previous: string | undefined;
  let c = -1;
  for (let i = 0; i < n; i++) {
    const v = keys[i];
    if (v !== previous || c < 0) {
      previous = v;
      const known = codeOf.get(v);
      if (known === undefined) {
        c = distinct[0].length;
        codeOf.set(v, c);
        distinct[0].push(v);
        for (let j = 0; j < others.length; j++) distinct[j + 1].push(others[j][i]);
        codes[i] = c;
        continue;
      }
      c = known;
    }
    codes[i] = c;
    for (let j = 0; j < others.length; j++) {
      if (others[j][i] !== distinct[j + 1][c]) return separately();
    }
  }
  return gathered(columns.map(([name], j) => pl.Series(name, distinct[j], pl.Utf8)), codes);
};

/** A Date column from ISO dates (YYYY-MM-DD), null where unknown. */
export const date = (name: string, values: (string | null)[]): pl.Series =>
  pl.Series(name, values.map((v) => (v ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : null)), pl.Date);

/**
 * A List(Utf8) column. (nodejs-polars makes all-empty lists List(Null), and refuses the dtype for
 * no rows at all, so the column is built untyped when empty and always cast.)
 */
export const utf8List = (name: string, values: string[][]): pl.Series =>
  (values.length ? pl.Series(name, values, pl.List(pl.Utf8)) : pl.Series(name, [] as string[][]))
    .cast(pl.List(pl.Utf8));
