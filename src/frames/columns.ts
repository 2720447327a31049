/**
 * Typed column constructors: every frame of the kit is built from whole columns with an explicit
 * dtype, never from row objects.
 * @module
 */

import pl from "nodejs-polars";

/** A Utf8 column (nulls allowed). */
export const utf8 = (name: string, values: (string | null)[]): pl.Series =>
  pl.Series(name, values, pl.Utf8);

/** An Int32 column. */
export const int32 = (name: string, values: ArrayLike<number>): pl.Series =>
  pl.Series(name, Int32Array.from(values as ArrayLike<number>));

/**
 * An Int32 column with nulls. (nodejs-polars 0.25 turns null into 0 when the dtype is given up
 * front, so the values go in untyped and are cast.)
 */
export const int32Nullable = (name: string, values: (number | null)[]): pl.Series =>
  pl.Series(name, values).cast(pl.Int32);

/** A Float64 column. */
export const float64 = (name: string, values: ArrayLike<number>): pl.Series =>
  pl.Series(name, Float64Array.from(values as ArrayLike<number>));

/** A Boolean column. */
export const bool = (name: string, values: boolean[]): pl.Series =>
  pl.Series(name, values, pl.Bool);

/** A Date column from ISO dates (YYYY-MM-DD), null where unknown. */
export const date = (name: string, values: (string | null)[]): pl.Series =>
  pl.Series(name, values.map((v) => (v ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : null)), pl.Date);

/** A List(Utf8) column (cast, because nodejs-polars makes all-empty lists List(Null)). */
export const utf8List = (name: string, values: string[][]): pl.Series =>
  pl.Series(name, values, pl.List(pl.Utf8)).cast(pl.List(pl.Utf8));
