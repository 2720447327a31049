/**
 * Frame → chart data: rows as plain objects with rounded numbers, so specs stay small and
 * readable when exported as JSON.
 * @module
 */

import type pl from "nodejs-polars";

/** The rows of `df` (only `columns`), numbers rounded to `digits` decimals. */
export function chartRows(
  df: pl.DataFrame,
  columns: string[],
  digits = 4,
): Record<string, string | number | boolean | null>[] {
  const f = 10 ** digits;
  return df.select(...columns).toRecords().map((r) => {
    const out: Record<string, string | number | boolean | null> = {};
    for (const c of columns) {
      const v = (r as Record<string, unknown>)[c];
      out[c] = typeof v === "number"
        ? Math.round(v * f) / f
        : typeof v === "bigint"
        ? Number(v)
        : v === undefined
        ? null
        : v as string | boolean | null;
    }
    return out;
  });
}

/** The article number of an id such as `002_ade13a…` (its part before `_`), else the id. */
export function shortId(id: string): string {
  const m = /^([^_]{1,8})_/.exec(id);
  return m ? m[1] : id;
}
