import assert from "node:assert/strict";
import { analyzeShard } from "../../src/batch/run.ts";
import { mergeParts } from "../../src/batch/merge.ts";
import { collectGarbage } from "../../src/batch/collect.ts";
import type { FrameStage } from "../../src/frame_stage.ts";
import { stagesOf } from "../../src/stages.ts";
import { tempDir } from "../seeds.ts";

const STAGES = ["corpus", "measure"];

// A merge holds a stage's merged tally only while that stage runs: once its frames are written,
// nothing of it is reachable when a whole-corpus stage (reuse, the biggest) starts. The loop of
// mergeParts once kept the keyness pieces' generator, and with it every per-article count, in
// its suspended frame through the reuse step (1.4 GB at 100,000 articles).
Deno.test("merge: no stage's tally is still reachable when a whole-corpus stage starts", async () => {
  const out = await tempDir();
  await analyzeShard("seeds", { index: 0, count: 1 }, {
    out,
    formats: ["parquet"],
    stages: STAGES,
    batchWords: 300,
    workers: 1,
  });
  const tallies: { name: string; ref: WeakRef<object> }[] = [];
  const watched = stagesOf(STAGES).map((stage): FrameStage => {
    const keep = (tally: unknown) => {
      if (typeof tally === "object" && tally) {
        tallies.push({ name: stage.name, ref: new WeakRef(tally) });
      }
    };
    return {
      ...stage,
      ...(stage.summarize && {
        summarize: (tally, options) => (keep(tally), stage.summarize!(tally, options)),
      }),
      ...(stage.summarizeInPieces && {
        summarizeInPieces: (tally, options, rows) => (
          keep(tally), stage.summarizeInPieces!(tally, options, rows)
        ),
      }),
    };
  });
  let reachable: string[] | undefined;
  const probe: FrameStage = {
    name: "probe",
    step: "reuse",
    perArticle: [],
    corpusLevel: [],
    batch: () => ({ frames: {} }),
    wholeCorpus: true,
    fromParts: async () => {
      await collectGarbage();
      reachable = tallies.filter((t) => t.ref.deref() !== undefined).map((t) => t.name);
      return {};
    },
  };
  await mergeParts(out, { stages: [...watched, probe], formats: ["parquet"], by: "outlet" });
  assert.ok(
    ["keyness", "collocations", "outlet_terms"].every((n) => tallies.some((t) => t.name === n)),
    `tallies watched: ${tallies.map((t) => t.name).join(", ")}`,
  );
  assert.deepEqual(reachable, []);
});
