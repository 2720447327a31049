import assert from "node:assert/strict";
import { allCharts } from "../../src/charts/catalog.ts";
import { allFrames } from "../../src/stages.ts";
import { seedAnalysis } from "../seeds.ts";

// A polars group-by or full join gives its rows in an order that varies from call to call (it
// runs on a thread pool): a chart built from one must sort them, or the same frames draw different
// files (other scatter labels, other data order). Built eight times, every chart is one text.
Deno.test("charts built again from the same frames are the same, byte for byte", async () => {
  const frames = allFrames(await seedAnalysis());
  const first = new Map(allCharts(frames).map((c) => [c.name, JSON.stringify(c)]));
  for (let i = 0; i < 8; i++) {
    for (const c of allCharts(frames)) assert.equal(JSON.stringify(c), first.get(c.name), c.name);
  }
});
