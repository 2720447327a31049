import assert from "node:assert/strict";
import { assertFramesClose } from "./frames_close.ts";
import { analyzeShard, analyzeToFiles } from "../../src/batch/run.ts";
import { mergeParts } from "../../src/batch/merge.ts";
import { readFrame } from "../../src/frames/partitions.ts";
import { stagesOf } from "../../src/stages.ts";
import { tempDir } from "../seeds.ts";

const STAGES = ["corpus", "measure"];

Deno.test("keyness merged and written in pieces of 50 rows is the one-piece run's keyness", async () => {
  const whole = await tempDir();
  await analyzeToFiles("seeds", {
    out: whole,
    formats: ["parquet"],
    batchWords: 0,
    stages: STAGES,
  });
  const expected = readFrame(whole, "keyness");
  // Batches of about 300 words, so the counts come from several tally parts.
  const out = await tempDir();
  await analyzeShard("seeds", { index: 0, count: 1 }, {
    out,
    formats: ["parquet", "csv"],
    stages: STAGES,
    batchWords: 300,
    workers: 1,
  });
  const run = await mergeParts(out, {
    stages: stagesOf(STAGES),
    formats: ["parquet", "csv"],
    by: "outlet",
    pieceRows: 50,
  });
  assert.ok(expected.height > 1000, `${expected.height} rows: many pieces of 50`);
  assert.equal(run.rows.keyness, expected.height);
  assert.ok(run.slices.length > 2, `${run.slices.length} slices`);
  assertFramesClose(readFrame(out, "keyness"), expected, "keyness", 0);
  const csv = Deno.readTextFileSync(`${out}/keyness.csv`).trimEnd().split("\n");
  assert.equal(csv.length, expected.height + 1);
  assert.deepEqual(run.written.filter((p) => p.includes("keyness")), [
    `${out}/keyness.parquet`,
    `${out}/keyness.csv`,
  ]);
  // The pieces were scratch: nothing of them is left.
  assert.throws(() => Deno.statSync(`${out}/.staging`), Deno.errors.NotFound);
});
