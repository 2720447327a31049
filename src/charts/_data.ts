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

/**
 * An article's label in a chart: its full id. Never a prefix: `fox_budget` and `fox_border` are
 * two articles, and a chart that cut both to `fox` would merge them.
 */
export function articleLabel(id: string): string {
  return id;
}

/** @deprecated Former name of {@link articleLabel} (it cut ids at the first "_"); kept for
 * callers not yet renamed. */
export const shortId = articleLabel;
