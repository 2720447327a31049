/**
 * Corpus-level frames as SQL over the Hive parts that shards write, for engines other than this
 * kit (DuckDB, Spark SQL, polars' SQLContext): the merge step is sums over per-article rows.
 * `tests/batch/shards_test.ts` checks that this query gives `outlet_terms` to 1e-9.
 *
 * ```ts
 * import pl from "nodejs-polars";
 * import { OUTLET_TERMS_SQL } from "newsframe/batch/sql.ts";
 *
 * pl.SQLContext({
 *   terms: pl.scanParquet("out/terms/**\/*.parquet"),
 *   articles: pl.scanParquet("out/articles/**\/*.parquet"),
 * }).execute(OUTLET_TERMS_SQL, { eager: true });
 * ```
 * @module
 */

/**
 * `outlet_terms` (grouped by outlet) from the `terms` and `articles` parts: a term's count per
 * outlet, its share of the outlet's terms of the same length, and its rate per 1,000 words.
 */
export const OUTLET_TERMS_SQL = `
WITH counts AS (
  SELECT outlet, term, ngram, SUM(n) AS n FROM terms GROUP BY outlet, term, ngram
), totals AS (
  SELECT outlet, ngram, SUM(n) AS total FROM terms GROUP BY outlet, ngram
), words AS (
  SELECT outlet, SUM(n_words) AS words FROM articles GROUP BY outlet
)
SELECT counts.outlet, counts.term, counts.ngram, CAST(counts.n AS INT) AS n,
  CAST(counts.n AS DOUBLE) / totals.total AS share,
  CAST(counts.n AS DOUBLE) / words.words * 1000 AS per_1000
FROM counts
JOIN totals ON counts.outlet = totals.outlet AND counts.ngram = totals.ngram
JOIN words ON counts.outlet = words.outlet`;
