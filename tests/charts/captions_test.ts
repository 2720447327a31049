import assert from "node:assert/strict";
import { allCharts } from "../../src/charts/catalog.ts";
import { captionLines, captionOf, groupSizes } from "../../src/charts/caption.ts";
import { type Chart, chartData, chartToSVG } from "../../src/charts/chart.ts";
import { escapeHtml } from "../../src/charts/render.ts";
import { allFrames, type Frames } from "../../src/stages.ts";
import { loadLexicon } from "../../src/stats/dictionaries.ts";
import { SEED, seedAnalysis } from "../seeds.ts";
import { analysisOf } from "../stats/helpers.ts";

/** The text a reader sees of a chart: its Vega-Lite spec, or its rendered SVG for Plot. */
async function chartText(chart: Chart): Promise<string> {
  return chart.kind === "vega-lite" ? JSON.stringify(chart.spec) : await chartToSVG(chart);
}

/** The seeds' example lexicon, so the catalogue draws its naming chart too. */
const EXAMPLE = { lexicons: [await loadLexicon("data/lexicons/examples/russia_china.json")] };

const plural = (n: number, one: string) => `${n.toLocaleString("en")} ${one}${n === 1 ? "" : "s"}`;

/**
 * Every chart of the catalogue states its grouping, its comparison and the articles and words of
 * each group it shows, in the text a reader sees. Checked for the framing charts too (the
 * catalogue captions them; their own subtitles are the framing helper's).
 */
async function checkCatalogue(
  frames: Frames,
  by: string,
  within?: string,
  minCharts = 13,
): Promise<Chart[]> {
  const charts = allCharts(frames, { within });
  assert.ok(charts.length >= minCharts, `${charts.length} charts`);
  for (const chart of charts) {
    const caption = chart.caption;
    assert.ok(caption, `${chart.name} has no caption`);
    const text = await chartText(chart);
    for (const line of captionLines(caption, chart.kind === "vega-lite" ? 90 : 110)) {
      const shown = chart.kind === "vega-lite"
        ? JSON.stringify(line).slice(1, -1)
        : escapeHtml(line);
      assert.ok(text.includes(shown), `${chart.name}: caption line not drawn: ${line}`);
    }
    const m = /^by (\S+) · (.+) · n: (.+)$/.exec(caption);
    assert.ok(m, `${chart.name}: ${caption}`);
    assert.ok(m[2].length > 0, `${chart.name}: no comparison`);
    // Grouped charts name the --by field, never "outlet" when grouped by something else.
    if (["top_terms", "keyness", "scatter", "framing_heatmap"].includes(chart.name)) {
      assert.equal(m[1], by === "id" ? "article" : by, chart.name);
      if (by !== "outlet" && chart.name !== "framing_heatmap") {
        assert.ok(!/per outlet|each outlet/.test(text), `${chart.name} says outlet`);
      }
    }
    const grouping = m[1] === "article" ? "id" : m[1];
    const sizes = groupSizes(frames.articles, grouping);
    assert.ok(sizes.length > 0, `${chart.name}: no sizes for ${grouping}`);
    const named = sizes.filter((g) => m[3].includes(`${g.name} `));
    assert.ok(named.length > 0, `${chart.name}: ${m[3]}`);
    for (const g of named) {
      assert.ok(
        m[3].includes(`${g.name} ${plural(g.articles, "article")}, ${plural(g.words, "word")}`),
        `${chart.name}: ${g.name}`,
      );
    }
  }
  return charts;
}

Deno.test("every chart of the seeds carries grouping, comparison and n's; ids are never cut", async () => {
  const frames = allFrames(await seedAnalysis(), undefined, undefined, EXAMPLE);
  const charts = await checkCatalogue(frames, "outlet", undefined, 13);
  const keyness = charts.find((c) => c.name === "keyness")!;
  assert.match(keyness.caption!, /^by outlet · each outlet against the rest · n: Global News 1 /);
  // The similarity heatmap has one row per article: five ids, none cut to a prefix.
  const similarity = chartData(charts.find((c) => c.name === "similarity")!);
  assert.deepEqual(
    [...new Set(similarity.map((r) => r.a))].sort(),
    Object.values(SEED).sort(),
  );
  const alignment = charts.find((c) => c.name === "alignment")!;
  const svg = await chartToSVG(alignment);
  assert.ok(svg.includes(SEED.rewrite004) && svg.includes(SEED.rewrite001));
  assert.match(alignment.caption!, /^by article · article 004_\S+ against article 001_\S+ · n: /);
});

Deno.test("charts grouped by article name the article, and say so in the caption", async () => {
  const frames = allFrames(await seedAnalysis(), undefined, undefined, { ...EXAMPLE, by: "id" });
  const charts = await checkCatalogue(frames, "id", undefined, 13);
  const top = charts.find((c) => c.name === "top_terms")!;
  assert.match(JSON.stringify((top as { spec: unknown }).spec), /Most frequent words per id/);
});

Deno.test("a corpus grouped by party within events: captions say party, the pooling and the n's", async () => {
  const texts = [
    "Senators debated the farm bill today. Farmers want support.",
    "The farm bill passed the senate. Farmers cheered the vote.",
    "The court heard the appeal. Judges asked about the law.",
    "Lawyers argued the appeal before judges. The law is unclear.",
  ];
  const analysis = analysisOf(texts, ["X", "Y", "X", "Y"], [
    { party: "Green", event: "farm" },
    { party: "Blue", event: "farm" },
    { party: "Green", event: "court" },
    { party: "Blue", event: "court" },
  ]);
  const frames = allFrames(analysis, undefined, undefined, { by: "party", within: "event" });
  const charts = await checkCatalogue(frames, "party", "event", 7);
  const keyness = charts.find((c) => c.name === "keyness")!;
  assert.match(
    keyness.caption!,
    /^by party · each party against the rest, within each event \(pooled\) · n: Blue 2 articles, \d+ words; Green 2 articles, \d+ words$/,
  );
});

Deno.test("with --within, captions of per-group charts say they mix the strata; stacked bars say stacked", async () => {
  const texts = [
    "Senators debated the farm bill today. Farmers want support, said Anna Berg.",
    "The farm bill passed the senate. Farmers cheered the vote, Anna Berg said.",
    "The court heard the appeal. Judges asked about the law, said Tom Hale.",
    "Lawyers argued the appeal before judges. The law is unclear, Tom Hale said.",
  ];
  const analysis = analysisOf(texts, ["X", "Y", "X", "Y"], [
    { event: "farm" },
    { event: "farm" },
    { event: "court" },
    { event: "court" },
  ]);
  const frames = allFrames(analysis, undefined, undefined, { within: "event" });
  const charts = await checkCatalogue(frames, "outlet", "event", 7);
  const caption = (name: string) => charts.find((c) => c.name === name)?.caption ?? "";
  for (const chart of charts) {
    // Per-article charts (names, figures, similarity) are the same whatever the strata.
    assert.ok(!/each outlet on its own, side by side/.test(chart.caption!), chart.caption);
  }
  assert.match(
    caption("framing_heatmap"),
    /^by outlet · each outlet over all its events \(not within each event\) · n: X 2 articles/,
  );
  assert.match(
    caption("sentiment"),
    /· each outlet over all its events \(not within each event\) ·/,
  );
  assert.match(
    caption("top_terms"),
    /· each outlet over all its events \(not within each event\) ·/,
  );
  assert.match(
    caption("scatter"),
    /· X against Y, over all their events \(not within each event\) ·/,
  );
});

Deno.test("stacked bars are captioned as stacked, not side by side", async () => {
  const charts = allCharts(allFrames(await seedAnalysis(), undefined, undefined, EXAMPLE));
  const caption = (name: string) => charts.find((c) => c.name === name)!.caption!;
  assert.match(caption("entities"), /^by outlet · outlets stacked in each bar · n: /);
  assert.match(caption("quote_speakers"), /^by outlet · outlets stacked in each bar · n: /);
  assert.match(caption("quote_types"), /^by outlet · each outlet on its own, one bar each · n: /);
  assert.match(
    caption("framing_heatmap"),
    /^by outlet · each outlet on its own, side by side · n: /,
  );
});

Deno.test("captionLines breaks the n's between groups", () => {
  assert.deepEqual(
    captionLines("by outlet · A against B · n: A 1 article, 10 words; B 2 articles, 20 words", 40),
    ["by outlet · A against B", "n: A 1 article, 10 words;", "B 2 articles, 20 words"],
  );
});

Deno.test("captionOf: sizes listed up to six groups, summarised beyond", () => {
  assert.equal(
    captionOf({
      grouping: "outlet",
      comparison: "Fox against NYT",
      groups: [{ name: "Fox", articles: 2, words: 900 }, { name: "NYT", articles: 1, words: 1700 }],
    }),
    "by outlet · Fox against NYT · n: Fox 2 articles, 900 words; NYT 1 article, 1,700 words",
  );
  const many = Array.from(
    { length: 8 },
    (_, i) => ({ name: `g${i}`, articles: i + 1, words: 100 }),
  );
  assert.equal(
    captionOf({
      grouping: "event",
      comparison: "each event on its own, side by side",
      groups: many,
    }),
    "by event · each event on its own, side by side · n: 8 groups of 1–8 articles and 100 words " +
      "(36 articles, 800 words in all)",
  );
});
