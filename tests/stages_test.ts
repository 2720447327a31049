import assert from "node:assert/strict";
import { allFrames, STAGES } from "../src/stages.ts";
import { reuseStageFrames } from "../src/stats/reuse/frames.ts";
import { seedAnalysis } from "./seeds.ts";

const frames = allFrames(await seedAnalysis());

Deno.test("every stage's frames, by name", () => {
  assert.deepEqual(STAGES.map((s) => s.name), [
    "corpus",
    "extract",
    "articles",
    "terms",
    "outlet_terms",
    "keyness",
    "framing",
    "sentiment",
    "collocations",
    "readability",
    "reuse",
  ]);
  assert.deepEqual([...new Set(STAGES.map((s) => s.step))], [
    "corpus",
    "extract",
    "measure",
    "reuse",
  ]);
  for (
    const name of [
      "articles",
      "sentences",
      "tokens",
      "cleaning",
      "entities",
      "figures",
      "quotes",
      "attributions",
      "agencies",
      "terms",
      "outlet_terms",
      "keyness",
      "framing",
      "sentiment",
      "reuse_pairs",
      "article_similarity",
      "article_sources",
      "coverage",
      "figure_consistency",
    ]
  ) assert.ok(frames[name], name);
});

Deno.test("articles gain the agencies each article relies on", () => {
  const a = frames.articles;
  assert.equal(a.columns[a.columns.indexOf("agency") + 1], "agencies");
  assert.deepEqual(a.getColumn("agencies").toArray(), [
    ["CCTV", "Reuters", "TASS"],
    ["CCTV", "Reuters", "TASS"],
    ["Interfax"],
    ["CCTV", "Reuters", "TASS"],
    ["CCTV", "Reuters", "TASS"],
  ]);
});

Deno.test("the reuse stage reads the extraction frames and gives what extracting again gives", async () => {
  const alone = reuseStageFrames(await seedAnalysis());
  for (const [name, df] of Object.entries(alone)) assert.ok(df.frameEqual(frames[name]), name);
});
