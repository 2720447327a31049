import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { measureFrames } from "../../src/stages.ts";
import { allFrames, STAGES } from "../../src/stages.ts";
import { seedAnalysis } from "../seeds.ts";

const MEASURE_FRAMES = [
  "terms",
  "outlet_terms",
  "keyness",
  "framing",
  "framing_summary",
  "sentiment",
  "sentiment_outlet",
  "collocations",
  "readability",
];

Deno.test("the measure stage is registered and writes its frames with typed columns", async () => {
  assert.ok(STAGES.some((s) => s.step === "measure"));
  const a = await seedAnalysis();
  const frames = allFrames(a, STAGES.filter((s) => s.step === "measure"));
  assert.deepEqual(Object.keys(frames), MEASURE_FRAMES);
  const dtypes = (name: string) =>
    Object.fromEntries(frames[name].columns.map((c, i) => [c, String(frames[name].dtypes[i])]));
  assert.equal(dtypes("terms").n, "DataType(Int32)");
  assert.equal(dtypes("terms").tf_idf, "DataType(Float64)");
  assert.equal(dtypes("keyness").n_target, "DataType(Int32)");
  assert.equal(dtypes("sentiment").negated, "DataType(Bool)");
  // The seeds: 5 articles, 86 sentences, 3 outlets.
  assert.equal(frames.sentiment.height, 86);
  assert.equal(frames.readability.height, 5);
  assert.equal(frames.sentiment_outlet.height, 3);
  // Grouping is an option of the stage function.
  const byYear = measureFrames(a, { by: "year" });
  assert.deepEqual(byYear.sentiment_outlet.getColumn("year").toArray(), ["2023", "2025"]);
});

Deno.test("after the extract stage, sentiment_entity rolls sentences up per named entity", async () => {
  const a = await seedAnalysis();
  const frames = allFrames(a, STAGES.filter((s) => s.name !== "reuse"), undefined, {
    tone: "afinn",
  });
  const tsang = frames.sentiment_entity
    .filter(pl.col("entity").eq(pl.lit("Steve Tsang")))
    .select("outlet", "sentences", "sum");
  // 002:9 ("... says Steve Tsang": opportunities +2, happy +3, engage +1) and 002:10 ("Tsang
  // said": war −2, support +2, pay −1, then "no" flips nothing after it): 6 − 1.
  assert.deepEqual(tsang.toRecords(), [{ outlet: "Global News", sentences: 2, sum: 5 }]);
  // With VADER (the default) the same two sentences are scored by its compound.
  const vader = allFrames(a, STAGES.filter((s) => s.name !== "reuse")).sentiment_entity
    .filter(pl.col("entity").eq(pl.lit("Steve Tsang")));
  assert.equal(vader.getColumn("sentences").toArray()[0], 2);
});
