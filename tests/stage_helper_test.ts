import assert from "node:assert/strict";
import { allFrames, STAGES, stagesOf } from "../src/stages.ts";
import { HELPER_FROM_CHARS, stageHelperFor } from "../src/stage_helper.ts";
import { seedAnalysis } from "./seeds.ts";

const analysis = await seedAnalysis();
const chars = analysis.articles.reduce((n, a) => n + a.text.length, 0);

Deno.test("extraction and reuse on a helper thread give the frames of one thread, in the same order", async () => {
  const alone = allFrames(analysis, STAGES, undefined, { by: "outlet" });
  const helper = stageHelperFor(analysis.articles, STAGES, { workers: 2 }, 0);
  assert.ok(helper);
  const seen: string[] = [];
  let frames;
  try {
    frames = await helper.allFrames(analysis, STAGES, (name) => seen.push(name), { by: "outlet" });
  } finally {
    helper.close();
  }
  assert.deepEqual(Object.keys(frames), Object.keys(alone));
  for (const [name, df] of Object.entries(alone)) {
    assert.ok(df.frameEqual(frames[name], true), name);
  }
  // The stages that read no extraction first; those that read entities or agencies once they are in.
  assert.deepEqual(seen, [
    "corpus",
    "terms",
    "outlet_terms",
    "keyness",
    "collocations",
    "readability",
    "articles",
    "framing",
    "sentiment",
  ]);
});

Deno.test("the helper is asked for (2 workers), on a corpus of 1.5M characters or more, with extraction or reuse to run", () => {
  assert.equal(HELPER_FROM_CHARS, 1_500_000);
  // The seeds are far below the default size; one character short of the size asked is too.
  assert.ok(chars < HELPER_FROM_CHARS);
  assert.equal(stageHelperFor(analysis.articles, STAGES, { workers: 2 }), null);
  assert.equal(stageHelperFor(analysis.articles, STAGES, { workers: 2 }, chars + 1), null);
  assert.equal(stageHelperFor(analysis.articles, STAGES, { workers: 1 }, 0), null);
  assert.equal(stageHelperFor(analysis.articles, STAGES, {}, 0), null);
  assert.equal(
    stageHelperFor(analysis.articles, stagesOf(["corpus", "measure"]), { workers: 2 }, 0),
    null,
  );
  assert.equal(stageHelperFor([], STAGES, { workers: 2 }, 0), null);
  const helper = stageHelperFor(
    analysis.articles,
    stagesOf(["corpus", "reuse"]),
    { workers: 2 },
    chars,
  );
  assert.ok(helper);
  helper.close();
});

Deno.test("a helper's error is the caller's, by the same name (a bad model file is one line)", async () => {
  const helper = stageHelperFor(analysis.articles, STAGES, {
    workers: 2,
    model: "no/such/model.bin",
  }, 0);
  assert.ok(helper);
  try {
    await assert.rejects(
      () => helper.allFrames(analysis, STAGES),
      (e: Error) => {
        assert.equal(e.name, "NerModelError");
        assert.equal(e.message, "no/such/model.bin: model file not found");
        return true;
      },
    );
  } finally {
    helper.close();
  }
});
