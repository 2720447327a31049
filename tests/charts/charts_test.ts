import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import { allCharts } from "../../src/charts/catalog.ts";
import { chartData, chartToSVG, JUPYTER_DISPLAY } from "../../src/charts/chart.ts";
import { writeCharts } from "../../src/charts/export.ts";
import { entitiesChart, quoteSpeakersChart } from "../../src/charts/voices.ts";
import { escapeHtml, scriptSafeJson, svgToPNG } from "../../src/charts/render.ts";
import { allFrames } from "../../src/stages.ts";
import { loadLexicon } from "../../src/stats/dictionaries.ts";
import { SEED, seedAnalysis, tempDir } from "../seeds.ts";

// The seeds' story lexicon (an example) is passed as a user would, with --lexicon.
const frames = allFrames(await seedAnalysis(), undefined, undefined, {
  lexicons: [await loadLexicon("data/lexicons/examples/russia_china.json")],
});
const charts = allCharts(frames);
const byName = (name: string) => charts.find((c) => c.name === name)!;
const colorScale = (name: string) => {
  const spec = JSON.stringify(
    byName(name).kind === "vega-lite" ? (byName(name) as { spec: unknown }).spec : {},
  );
  return /"scale":\{"domain":\["Global News","Reuters","unknown"\],"range":\[[^\]]+\]/.exec(spec)
    ?.[0];
};

Deno.test("every chart of the seeds, in reading order", () => {
  assert.deepEqual(charts.map((c) => c.name), [
    "top_terms",
    "keyness",
    "scatter",
    "framing_heatmap",
    "framing_heatmap_russia_china",
    "names_war_naming",
    "entities",
    "quote_speakers",
    "quote_types",
    "figures",
    "similarity",
    "alignment",
    "sentiment",
  ]);
});

Deno.test("framing charts carry the names for the war: 'special military operation' only in 002", () => {
  const war = chartData(byName("names_war_naming"));
  const smo = war.filter((r) => r.name === "special military operation");
  assert.deepEqual(smo.map((r) => [r.article_id, r.outlet, r.len]), [[
    SEED.globalNews2023,
    "Global News",
    1,
  ]]);
  const fsi = war.filter((r) => r.name === "full-scale invasion");
  assert.deepEqual(fsi.map((r) => r.article_id), [SEED.rewrite004]);
  const heat = chartData(byName("framing_heatmap_russia_china"));
  const cell = heat.find((r) =>
    r.outlet === "Global News" && r.frame === "special_military_operation"
  );
  assert.deepEqual([cell?.n, cell?.per_1000], [1, 1.71]);
});

Deno.test("one outlet colour everywhere", () => {
  const expected =
    '"scale":{"domain":["Global News","Reuters","unknown"],"range":["#4e79a7","#f28e2b","#e15759"]';
  for (
    const name of [
      "top_terms",
      "names_war_naming",
      "entities",
      "quote_speakers",
      "figures",
      "sentiment",
    ]
  ) {
    assert.equal(colorScale(name), expected, name);
  }
});

Deno.test("word, figure and reuse charts carry the seeds' values", () => {
  const keyness = chartData(byName("keyness"));
  const held = keyness.find((r) => r.group === "Global News" && r.term === "held talks");
  // Three uses in one article against none in four: a large z, but nothing passes q < 0.05.
  assert.deepEqual([held?.z, held?.n_target, held?.n_reference, held?.use], [
    1.498,
    3,
    0,
    "more, not significant",
  ]);
  assert.ok(keyness.every((r) => !String(r.use).includes("q < 0.05")));
  assert.match(
    JSON.stringify((byName("keyness") as { spec: unknown }).spec),
    /no term passes q < 0.05/,
  );
  const figures = chartData(byName("figures"));
  const money = figures.filter((r) =>
    r.row === figures.find((x) => x.cell === "$240 billion")?.row
  );
  assert.deepEqual(money.map((r) => r.cell), [
    SEED.rewrite004,
    "Reuters",
    "money",
    "$240 billion",
    "240,000,000,000 USD",
    "",
  ]);
  const similarity = chartData(byName("similarity"));
  const source = similarity.filter((r) => r.likely_source).map((r) => [r.a, r.b]);
  assert.deepEqual(source, [[SEED.rewrite001, SEED.reuters2025], [
    SEED.rewrite004,
    SEED.rewrite001,
  ]]);
  assert.equal(chartData(byName("alignment")).length, 7, "7 sentences of 004 are found in 001");
});

Deno.test("SVG names its sans-serif font; PNG renders at twice the size", async () => {
  const svg = await chartToSVG(byName("top_terms"));
  assert.ok(svg.startsWith("<svg") && svg.includes('font-family="DejaVu Sans'));
  assert.ok(svg.includes(">Most frequent words per outlet<"));
  const png = svgToPNG(svg);
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(""), "PNG");
  const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
  assert.equal(width, 2 * Number(/width="(\d+)"/.exec(svg)![1]));
});

Deno.test("charts display themselves in Jupyter: Vega-Lite with SVG and PNG fallbacks; Plot as SVG and PNG", async () => {
  const bundle = await byName("keyness")[JUPYTER_DISPLAY]();
  assert.deepEqual(Object.keys(bundle).sort(), [
    "application/vnd.vegalite.v5+json",
    "image/png",
    "image/svg+xml",
    "text/plain",
  ]);
  assert.ok(String(bundle["image/svg+xml"]).startsWith("<svg"));
  // base64 of the PNG signature \x89PNG
  assert.ok(String(bundle["image/png"]).startsWith("iVBORw0KGgo"));
  const plot = await byName("alignment")[JUPYTER_DISPLAY]();
  assert.deepEqual(Object.keys(plot).sort(), ["image/png", "image/svg+xml", "text/plain"]);
  assert.match(String(plot["image/svg+xml"]), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
});

Deno.test("writeCharts writes SVG, PNG, JSON and a standalone HTML page per chart", async () => {
  const dir = await tempDir();
  const written = await writeCharts([byName("names_war_naming"), byName("alignment")], dir, [
    "svg",
    "png",
    "json",
    "html",
  ]);
  assert.equal(written.length, 8);
  const spec = JSON.parse(await Deno.readTextFile(`${dir}/names_war_naming.json`));
  assert.equal(spec.$schema, "https://vega.github.io/schema/vega-lite/v6.json");
  const html = await Deno.readTextFile(`${dir}/names_war_naming.html`);
  assert.ok(
    html.includes("vegaEmbed") && !/<script[^>]+src=/.test(html),
    "scripts inlined, none fetched",
  );
});

Deno.test("escaping: HTML text and JSON inside <script>", () => {
  assert.equal(
    escapeHtml(`<img src=x onerror="a('b')">&`),
    "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;",
  );
  fc.assert(
    fc.property(
      fc.string(),
      fc.string({ unit: fc.constantFrom("<", "/", "s", "c", "r", "i", "p", "t", "!", "-", ">") }),
      (a, b) => {
        for (const text of [a, b, `</script>${a}<!--`]) {
          const json = scriptSafeJson({ text });
          assert.ok(!/<\/script|<!--|</i.test(json));
          assert.equal(JSON.parse(json).text, text);
          assert.ok(!/[<>"']/.test(escapeHtml(text).replace(/&(lt|gt|quot|#39|amp);/g, "")));
        }
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("charts follow the grouping of analyze --by (here: by article)", async () => {
  const byId = allCharts(allFrames(await seedAnalysis(), undefined, undefined, { by: "id" }));
  const top = chartData(byId.find((c) => c.name === "top_terms")!);
  assert.deepEqual([...new Set(top.map((r) => String(r.id).slice(0, 3)))], [
    "000",
    "001",
    "002",
    "003",
    "004",
  ]);
  const heat = chartData(byId.find((c) => c.name === "framing_heatmap")!);
  assert.ok(heat.some((r) => r.id === SEED.globalNews2023 && r.frame === "security_and_defense"));
});

Deno.test("reuse charts of articles that share nothing say so in words instead of drawing empty axes", async () => {
  const { similarityHeatmap, alignmentChart } = await import("../../src/charts/reuse.ts");
  const empty = frames.article_similarity.clear();
  for (
    const chart of [
      similarityHeatmap(empty),
      alignmentChart(empty, frames.reuse_pairs.clear(), frames.sentences),
    ]
  ) {
    assert.deepEqual(chartData(chart), [
      { message: "No two articles share enough wording to be compared: nothing reappears." },
    ], chart.name);
    assert.match(await chartToSVG(chart), /No two articles share enough wording/);
  }
});

Deno.test("who speaks / who is named with nothing to count say so in words, not with an empty axis", () => {
  // Government statements with only scare quotes and no named person or organisation.
  const quotes = pl.DataFrame({
    article_id: ["s1", "s2"],
    outlet: ["Thames Observer", "Potomac Post"],
    kind: ["scare", "title"],
    speaker: [null, null],
    speaker_type: [null, null],
  });
  assert.deepEqual(chartData(quoteSpeakersChart(quotes)), [{
    message: "No direct or partial quote is found in these articles.",
  }]);
  const entities = pl.DataFrame({
    article_id: ["s1"],
    outlet: ["Thames Observer"],
    entity: ["Baghdad"],
    type: ["GPE"],
  });
  assert.deepEqual(chartData(entitiesChart(entities)), [{
    message: "No person or organisation is named in these articles.",
  }]);
});

Deno.test("the figures table lists a game's score by its tally, and frames without raw_unit still chart", async () => {
  const { figuresChart } = await import("../../src/charts/figures.ts");
  const base = {
    article_id: ["sport/a", "sport/a"],
    outlet: ["AP", "AP"],
    kind: ["score", "money"],
    text: ["2-1", "$5 million"],
    value: [2, 5e6],
    unit: ["score", "USD"],
    per: [null, null],
    change: [null, null],
    start: [10, 40],
  };
  const cells = (df: pl.DataFrame) =>
    (chartData(figuresChart(df)) as { column: string; cell: string }[])
      .filter((v) => v.column === "value").map((v) => v.cell);
  assert.deepEqual(cells(pl.DataFrame({ ...base, raw_unit: ["2-1", "$"] })), [
    "2-1 (score)",
    "5,000,000 USD",
  ]);
  assert.deepEqual(cells(pl.DataFrame(base)), ["2 score", "5,000,000 USD"]);
});
