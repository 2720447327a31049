/**
 * The top rows of each group of a frame: the tidy "top n per group" that every comparison
 * table needs (top terms per outlet, strongest keyness per group).
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";

/** Options of {@link topByGroup}. */
export interface TopOptions {
  /** Rows kept per group (default 10). */
  n?: number;
  /** Largest first (default true). */
  descending?: boolean;
  /** Columns that break ties, ascending (default none). */
  then?: string[];
}

/**
 * The first `n` rows of each group of `by` when sorted by `sort`, as a long frame sorted by
 * group, then by `sort`.
 *
 * @example
 * ```ts
 * import { readFrame, topByGroup } from "newsframe";
 *
 * const terms = readFrame("data/out", "outlet_terms");
 * topByGroup(terms, "outlet", "per_1000", { n: 10 }); // ten terms per outlet
 * ```
 */
export function topByGroup(
  df: pl.DataFrame,
  by: string,
  sort: string,
  options: TopOptions = {},
): pl.DataFrame {
  const n = options.n ?? 10;
  const descending = options.descending ?? true;
  const then = options.then ?? [];
  const order = [sort, ...then];
  const directions = [descending, ...then.map(() => false)];
  return df
    .sort(order, directions)
    .filter(pl.col(by).cumCount().over(by).lessThanEquals(n))
    .sort([by, ...order], [false, ...directions]);
}
