import assert from "node:assert/strict";
import { compileLexicon } from "../../src/stats/lexicon.ts";
import { measureFrames } from "../../src/stages.ts";
import { analysisOf, rowsOf } from "./helpers.ts";

const STORMS = compileLexicon({
  name: "storms",
  dimensions: [{
    id: "weather",
    label: "Weather",
    frames: [{ id: "storm", label: "storm", patterns: ["storm"] }],
  }],
});

const STORM = "The storm hit the town."; // 5 words, 1 match
const WIND = "The wind hit the town."; // 5 words, 0 matches
const COUNCIL = "The council met on Monday."; // 5 words, 0 matches

/** Outlet A covers story x twice and y once; B covers x once and y twice. */
function frames(bx: string) {
  const analysis = analysisOf(
    [STORM, STORM, COUNCIL, bx, COUNCIL, COUNCIL],
    ["A", "A", "A", "B", "B", "B"],
    ["x", "x", "y", "x", "y", "y"].map((story) => ({ story })),
  );
  return measureFrames(analysis, {
    lexicons: [STORMS],
    defaultLexicons: false,
    within: "story",
  });
}

const close = (a: unknown, b: number) => Math.abs(Number(a) - b) < 1e-9;

Deno.test("framing within stories: outlets that frame each story alike have no excess", () => {
  const f = frames(STORM);
  // Plain rates differ only because A covers the stormy story more: 2/15 against 1/15.
  const summary = rowsOf(f.framing_summary);
  assert.ok(close(summary.find((r) => r.outlet === "A")!.per_1000, 2000 / 15));
  assert.ok(close(summary.find((r) => r.outlet === "B")!.per_1000, 1000 / 15));
  const within = rowsOf(f.framing_within);
  assert.deepEqual(within.map((r) => [r.outlet, r.strata, r.words, r.n]), [
    ["A", 2, 15, 2],
    ["B", 2, 15, 1],
  ]);
  for (const r of within) {
    assert.ok(close(r.excess_per_1000, 0), `${r.outlet}: ${r.excess_per_1000}`);
    assert.ok(close(r.per_1000, Number(r.expected_per_1000)));
  }
});

Deno.test("framing within stories: an outlet that avoids the frame in the same story shows it", () => {
  const within = rowsOf(frames(WIND).framing_within);
  // Story x pools 2 matches in 15 words; A has 10 of those words, B 5. Story y has none.
  // A: observed 2/15, expected 10 × (2/15) / 15 = 4/45 → excess 2/45 (× 1000).
  // B: observed 0, expected 5 × (2/15) / 15 = 2/45 → excess −2/45.
  const a = within.find((r) => r.outlet === "A")!;
  const b = within.find((r) => r.outlet === "B")!;
  assert.ok(close(a.expected_per_1000, 4000 / 45));
  assert.ok(close(a.excess_per_1000, 2000 / 45));
  assert.ok(close(b.expected_per_1000, 2000 / 45));
  assert.ok(close(b.excess_per_1000, -2000 / 45));
});

Deno.test("tone within stories: observed against the stories' own tone", () => {
  const same = rowsOf(frames(STORM).sentiment_within);
  assert.deepEqual(same.map((r) => [r.outlet, r.strata, r.sentences]), [["A", 2, 3], ["B", 2, 3]]);
  for (const r of same) assert.ok(close(r.excess_mean_score, 0), `${r.outlet}`);
  // A story only one outlet covers says nothing about outlets and is left out.
  const analysis = analysisOf(
    ["A fine win.", "A fine win.", "A terrible loss."],
    ["A", "B", "A"],
    [{ story: "x" }, { story: "x" }, { story: "z" }],
  );
  const lone = rowsOf(
    measureFrames(analysis, { within: "story" }).sentiment_within,
  );
  assert.deepEqual(lone.map((r) => [r.outlet, r.strata, r.sentences]), [["A", 1, 1], ["B", 1, 1]]);
  for (const r of lone) assert.ok(close(r.excess_mean_score, 0));
});

Deno.test("without within, no within frames", () => {
  const analysis = analysisOf([STORM, COUNCIL], ["A", "B"]);
  const f = measureFrames(analysis, { lexicons: [STORMS], defaultLexicons: false });
  assert.equal(f.framing_within, undefined);
  assert.equal(f.sentiment_within, undefined);
});
