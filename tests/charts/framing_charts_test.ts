import assert from "node:assert/strict";
import { type Chart, chartData } from "../../src/charts/chart.ts";
import { framingCharts } from "../../src/charts/framing.ts";
import { sentimentChart } from "../../src/charts/sentiment.ts";
import { findFraming, framingFrame, framingSummary } from "../../src/stats/framing.ts";
import { compileLexicon, MEDIA_FRAMES_LEXICON } from "../../src/stats/lexicon.ts";
import { sentenceSentiment, sentimentFrame } from "../../src/stats/sentiment.ts";
import { analysisOf } from "../stats/helpers.ts";

const subtitle = (chart: Chart) =>
  chart.kind === "vega-lite"
    ? JSON.stringify((chart.spec as { title: { subtitle: unknown } }).title.subtitle)
    : "";

const NAMES = compileLexicon({
  name: "naming_test",
  dimensions: [{
    id: "storm_naming",
    label: "What the storm is called",
    naming: true,
    frames: [
      { id: "hurricane", label: "hurricane", patterns: ["hurricane"] },
      { id: "storm", label: "storm", patterns: ["storm"] },
    ],
  }],
});

Deno.test("framing charts: captions say what they rest on; nothing found is said in words", () => {
  const a = analysisOf(
    ["The hurricane hit the coast. The storm moved on.", "The cat sat on the mat."],
    ["A", "B"],
  );
  const lexicons = [MEDIA_FRAMES_LEXICON, NAMES];
  const matches = findFraming(a, lexicons);
  const charts = framingCharts({
    framing: framingFrame(matches),
    framing_summary: framingSummary(a, matches, lexicons),
  });
  assert.deepEqual(charts.map((c) => c.name), [
    "framing_heatmap",
    "framing_heatmap_naming_test",
    "names_storm_naming",
  ]);
  // No policy frame has a cue in these sentences: the heatmap says so instead of drawing cells.
  assert.deepEqual(chartData(charts[0]), [{
    message: "No frame of lexicon media_frames is found in these articles.",
  }]);
  assert.match(
    charts[0].caption!,
    /by outlet · each outlet on its own, side by side · n: A 1 article, 9 words; B 1 article, 6 words/,
  );
  assert.deepEqual(chartData(charts[2]).map((r) => [r.article, r.name, r.len]), [
    ["a0", "hurricane", 1],
    ["a0", "storm", 1],
  ]);
  assert.match(subtitle(charts[2]), /1 of 2 articles \(15 words\) use one/);
  // A naming dimension nothing matched gets a chart that says so.
  const none = analysisOf(["The cat sat on the mat."]);
  const m = findFraming(none, [NAMES]);
  const [, naming] = framingCharts({
    framing: framingFrame(m),
    framing_summary: framingSummary(none, m, [NAMES]),
  });
  assert.deepEqual(chartData(naming), [{ message: "No article uses a phrase of storm naming." }]);
});

Deno.test("tone chart: VADER's axis and the groups it rests on; no sentiment word, no boxes", () => {
  const a = analysisOf(["A good deal. A bad day.", "The committee met."], ["A", "B"]);
  const chart = sentimentChart(sentimentFrame(sentenceSentiment(a)));
  assert.match(subtitle(chart), /VADER/);
  assert.match(
    chart.caption!,
    /by outlet · each outlet on its own, side by side · n: A 1 article, 6 words; B 1 article, 3 words/,
  );
  const flat = sentimentChart(
    sentimentFrame(sentenceSentiment(analysisOf(["The committee met."]))),
  );
  assert.deepEqual(chartData(flat), [{
    message: "No sentence has a word of the VADER lexicon: no tone to show.",
  }]);
});

Deno.test("framing heatmap: long group names are rotated, and white numbers only on dark cells", () => {
  const texts = [
    "The war went on. Troops and the army moved. The military attacked.",
    "The court ruled on the law. The economy grew.",
  ];
  const heatmap = (outlets: string[]) => {
    const a = analysisOf(texts, outlets);
    const matches = findFraming(a, [MEDIA_FRAMES_LEXICON]);
    return framingCharts({
      framing_summary: framingSummary(a, matches, [MEDIA_FRAMES_LEXICON]),
    })[0];
  };
  type Spec = {
    encoding: { x: { axis: { labelAngle: number } } };
    layer: { encoding: { color: { condition?: { test: string } } } }[];
  };
  const spec = (c: Chart) => (c as { spec: unknown }).spec as Spec;
  // "Southern Cross Review" (21 characters) does not fit a 90-pixel column level: it ran into
  // the next column's name.
  assert.equal(
    spec(heatmap(["Southern Cross Review", "Thames Observer"])).encoding.x.axis.labelAngle,
    -40,
  );
  assert.equal(spec(heatmap(["Reuters", "AP"])).encoding.x.axis.labelAngle, 0);
  // Darkest cell: security and defence in Reuters' 12 words, 5 matches (war, troops, army,
  // military, attacked) = 416.67 per 1,000; AP's law and court, 2 in 9 words = 222.22. White
  // text only above half the darkest (208.33), not above a fixed 6 per 1,000.
  const test = spec(heatmap(["Reuters", "AP"])).layer[1].encoding.color.condition!.test;
  assert.equal(test, "datum.per_1000 > 208.335");
});
