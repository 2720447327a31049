import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { reuseFrames, reuseStageFrames } from "../../../src/stats/reuse/frames.ts";
import { SEED, seedAnalysis } from "../../seeds.ts";

const dtypes = (df: pl.DataFrame) =>
  Object.fromEntries(df.columns.map((c) => [c, String(df.getColumn(c).dtype)]));

Deno.test("stage without extraction frames: reuse_pairs, article_similarity, article_sources, coverage", async () => {
  const frames = reuseFrames(await seedAnalysis());
  assert.deepEqual(Object.keys(frames), [
    "reuse_pairs",
    "article_similarity",
    "article_sources",
    "coverage",
    "coverage_articles",
  ]);
  assert.deepEqual(dtypes(frames.reuse_pairs), {
    sentence_id_a: "DataType(String)",
    sentence_id_b: "DataType(String)",
    article_a: "DataType(String)",
    article_b: "DataType(String)",
    similarity: "DataType(Float64)",
    containment: "DataType(Float64)",
    containment_5: "DataType(Float64)",
    class: "DataType(String)",
  });
  // 56 before short lines lost their topical pairs (the subhead "DECLINE IN TRADE", three).
  assert.equal(frames.reuse_pairs.height, 53);
  assert.equal(frames.article_similarity.height, 20);
  assert.equal(frames.article_sources.height, 5);
  assert.equal(frames.coverage.height, 86); // one row per sentence
  // Each sentence is found in its own article, and in the others where it has a match.
  const shared = frames.coverage.getColumn("shared_with").toArray() as number[];
  assert.equal(frames.coverage_articles.height, 86 + shared.reduce((x, y) => x + y, 0));
  assert.equal(frames.coverage.filter(pl.col("unique")).height, 54);
});

Deno.test("stage with the extractor on the seeds: Steve Tsang only in 002, $240 billion only in 004", async () => {
  const frames = reuseStageFrames(await seedAnalysis());
  assert.deepEqual(Object.keys(frames), [
    "reuse_pairs",
    "article_similarity",
    "article_sources",
    "coverage",
    "figure_consistency",
    "coverage_articles",
  ]);
  const coverage = frames.coverage.toRecords();
  const row = (kind: string, label: string) => {
    const rows = coverage.filter((r) => r.kind === kind && r.label === label);
    assert.equal(rows.length, 1, `${kind} ${label}: ${rows.length} rows`);
    return rows[0];
  };
  const tsang = row("entity", "Steve Tsang");
  assert.equal(tsang.article_id, SEED.globalNews2023);
  assert.equal(tsang.unique, true);
  const record = row("figure", "$240 billion");
  assert.equal(record.article_id, SEED.rewrite004);
  assert.equal(record.unique, true);
  // Putin is in every article: shared with the four others.
  const putin = coverage.filter((r) => r.kind === "entity" && r.item === "Vladimir Putin");
  assert.equal(putin.length, 5);
  assert.ok(putin.every((r) => r.shared_with === 4));
  // 004's partial quote is in 000's direct quote.
  const quote = row("quote", "turbulent external environment");
  assert.equal(quote.shared_with, 1);
  const found = frames.coverage_articles.filter(
    pl.col("kind").eq(pl.lit("quote")).and(pl.col("key").eq(pl.lit(String(quote.key)))),
  );
  assert.deepEqual(found.getColumn("article_id").toArray(), [SEED.rewrite004, SEED.reuters2025]);
  // No figure disagrees on the seeds; "February 2022" agrees wherever it is aligned.
  const checks = frames.figure_consistency;
  assert.equal(checks.filter(pl.col("flagged")).height, 0);
  assert.ok(
    checks.filter(pl.col("text_a").eq(pl.lit("February 2022"))).height >= 1,
    "February 2022 compared at least once",
  );
});
