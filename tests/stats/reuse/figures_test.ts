import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { alignSentences } from "../../../src/stats/reuse/align.ts";
import { itemCoverage } from "../../../src/stats/reuse/coverage.ts";
import { ReuseError } from "../../../src/stats/reuse/errors.ts";
import {
  compareFigures,
  figureConsistency,
  figureConsistencyFrame,
  figureItems,
  figuresFromFrame,
} from "../../../src/stats/reuse/figures.ts";
import { SEED, seedAnalysis } from "../../seeds.ts";
import { tinyCorpus } from "./fixtures.ts";

Deno.test("figure statuses: same, rounded, different unit, different value", () => {
  assert.equal(compareFigures(240e9, "USD", "$240 billion", 240e9, "usd ", "$240bn"), "same");
  assert.equal(compareFigures(3.8, "percent", "3.8%", 4, "percent", "4%"), "rounded");
  assert.equal(compareFigures(17.8, "percent", "17.8%", 17.75, "percent", "17.75%"), "rounded");
  assert.equal(compareFigures(3.8, "percent", "3.8%", 3, "percent", "3%"), "different_value");
  assert.equal(
    compareFigures(240e9, "USD", "$240 billion", 190e9, "USD", "$190 billion"),
    "different_value",
  );
  assert.equal(
    compareFigures(50e9, "cubic_metre", "50 bcm", 50e9, "USD", "$50 billion"),
    "different_unit",
  );
  assert.equal(compareFigures(null, null, "February 2022", null, null, "february  2022"), "same");
  assert.equal(
    compareFigures(null, null, "February 2022", null, null, "March 2022"),
    "different_value",
  );
});

const trade = [
  "Trade between the two countries reached a record $240 billion in 2023, up 26.3% on the year.",
  "The pipeline could deliver 50 billion cubic metres of gas per year to northern China.",
  "Officials met in the capital on Tuesday to discuss the talks.",
];

Deno.test("the same quantity with another value or unit in an aligned sentence is flagged", () => {
  const corpus = tinyCorpus([
    { id: "a", sentences: trade },
    {
      id: "b",
      sentences: [
        "Trade between the two countries reached a record $190 billion in 2023, up 26% on the year.",
        "The pipeline could deliver 50 billion dollars of gas per year to northern China.",
        "Officials met in the capital on Tuesday to discuss the talks.",
      ],
    },
  ]);
  const alignment = alignSentences(corpus);
  const figures = figuresFromFrame(pl.DataFrame({
    article_id: ["a", "a", "a", "b", "b", "b"],
    sentence_id: ["a:0", "a:0", "a:1", "b:0", "b:0", "b:1"],
    kind: ["money", "percent", "quantity", "money", "percent", "quantity"],
    value: [240e9, 26.3, 50e9, 190e9, 26, 50e9],
    unit: ["USD", "percent", "cubic_metre", "USD", "percent", "USD"],
    text: [
      "$240 billion",
      "26.3%",
      "50 billion cubic metres",
      "$190 billion",
      "26%",
      "50 billion dollars",
    ],
  }));
  const frame = figureConsistencyFrame(figureConsistency(alignment, figures), figures);
  assert.deepEqual(
    frame.select("sentence_a", "sentence_b", "text_a", "text_b", "status", "flagged").toRecords(),
    [
      {
        sentence_a: "a:0",
        sentence_b: "b:0",
        text_a: "$240 billion",
        text_b: "$190 billion",
        status: "different_value",
        flagged: true,
      },
      {
        sentence_a: "a:0",
        sentence_b: "b:0",
        text_a: "26.3%",
        text_b: "26%",
        status: "rounded",
        flagged: false,
      },
      {
        sentence_a: "a:1",
        sentence_b: "b:1",
        text_a: "50 billion cubic metres",
        text_b: "50 billion dollars",
        status: "different_unit",
        flagged: true,
      },
    ],
  );
  // Different kinds (money against quantity) in one sentence pair are never compared.
  assert.equal(frame.filter(pl.col("kind").eq(pl.lit("quantity"))).height, 1);
});

Deno.test("seeds: figures placed by offset; February 2022 agrees across 000, 001, 004", async () => {
  const analysis = await seedAnalysis();
  const alignment = alignSentences(analysis);
  const sentence = (n: string) => analysis.sentences.find((s) => s.id.startsWith(n))!;
  const at = (n: string, text: string) => {
    const s = sentence(n);
    return s.start + s.text.indexOf(text);
  };
  // Hand-made figures frame (no sentence_id: placed by their start offset).
  const frame = pl.DataFrame({
    article_id: [SEED.reuters2025, SEED.rewrite001, SEED.rewrite004, SEED.rewrite004],
    kind: ["date", "date", "date", "money"],
    value: [null, null, null, 240e9],
    unit: [null, null, null, "USD"],
    text: ["February 2022", "February 2022", "February 2022", "$240 billion"],
    start: [
      at("000_56b2ab6aca23b9fa:15", "February 2022"),
      at("001_0befff5196dada6f:10", "February 2022"),
      at("004_729f31e9fbf3083c:12", "February 2022"),
      at("004_729f31e9fbf3083c:8", "$240 billion"),
    ],
  });
  const figures = figuresFromFrame(frame, analysis.sentences);
  assert.deepEqual(figures.sentenceId.map((id) => id.replace(/_[0-9a-f]{16}/u, "")), [
    "000:15",
    "001:10",
    "004:12",
    "004:8",
  ]);
  const checks = figureConsistency(alignment, figures);
  // 000:15 ~ 001:10, 000:15 ~ 004:12 and 001:10 ~ 004:12 are aligned: three agreeing pairs.
  assert.deepEqual(checks.status, ["same", "same", "same"]);
  // Coverage: $240 billion only in 004; February 2022 in three articles.
  const c = itemCoverage("figure", figureItems(figures));
  assert.deepEqual(c.item, [
    "date february 2022",
    "date february 2022",
    "date february 2022",
    "money 240000000000 USD",
  ]);
  assert.deepEqual(c.sharedWith, [2, 2, 2, 0]);
});

Deno.test("bad figures frames say what is missing", () => {
  assert.throws(
    () => figuresFromFrame(pl.DataFrame({ article_id: ["a"], kind: ["money"], text: ["$1"] })),
    new ReuseError('figures frame has no column "value", "unit"'),
  );
  assert.throws(
    () =>
      figuresFromFrame(
        pl.DataFrame({
          article_id: ["a"],
          kind: ["money"],
          value: [1],
          unit: ["USD"],
          text: ["$1"],
        }),
      ),
    new ReuseError("figures frame needs a sentence_id column, or a start column and the sentences"),
  );
});

Deno.test("seeds: 'on Tuesday' (000:8) and 'on Monday' (003:0) are other events, not a conflict", async () => {
  const analysis = await seedAnalysis();
  const alignment = alignSentences(analysis);
  const s8 = analysis.sentences.find((s) => s.id === `${SEED.reuters2025}:8`)!;
  const s0 = analysis.sentences.find((s) => s.id === `${SEED.reutersHangzhou}:0`)!;
  const tuesday = s8.start + s8.text.indexOf("Tuesday");
  const monday = s0.start + s0.text.indexOf("Monday");
  const frame = pl.DataFrame({
    article_id: [SEED.reuters2025, SEED.reutersHangzhou],
    sentence_id: [s8.id, s0.id],
    kind: ["date", "date"],
    value: [null, null],
    unit: ["day", "day"],
    text: ["Tuesday", "Monday"],
    start: [tuesday, monday],
    end: [tuesday + 7, monday + 6],
  });
  // Without contexts the two days of the near-verbatim pair would be compared, and flagged.
  const bare = figuresFromFrame(frame);
  assert.equal(bare.context, undefined);
  assert.deepEqual(figureConsistency(alignment, bare).status, ["different_value"]);
  // With contexts: "in Beijing on | calling for expanding" against "Mikhail Mishustin on | ."
  const withContext = figuresFromFrame(frame, analysis.sentences, analysis.tokens);
  assert.deepEqual(withContext.context, [["beij", "call", "expand"], ["mikhail", "mishustin"]]);
  assert.deepEqual(figureConsistency(alignment, withContext).status, []);
});

Deno.test("figures of other periods, measures or rates are not the same quantity; unknown on both sides is", () => {
  const corpus = tinyCorpus([
    { id: "a", sentences: trade },
    {
      id: "b",
      sentences: [
        "Trade between the two countries reached a record $190 billion in 2023, up 26% on the year.",
        ...trade.slice(1),
      ],
    },
  ]);
  const alignment = alignSentences(corpus);
  // The same two sentences, with the two money figures given each a period, a measure, a rate.
  const frame = (money: Record<string, [string | null, string | null]>) =>
    pl.DataFrame({
      article_id: ["a", "b"],
      sentence_id: ["a:0", "b:0"],
      kind: ["money", "money"],
      value: [240e9, 190e9],
      unit: ["USD", "USD"],
      text: ["$240 billion", "$190 billion"],
      ...Object.fromEntries(Object.entries(money).map(([c, v]) => [c, v])),
    });
  const statuses = (money: Record<string, [string | null, string | null]>) => {
    const figures = figuresFromFrame(frame(money));
    return figureConsistency(alignment, figures).status;
  };
  // Quarter against year, revenue against profit, per share against the whole: left out.
  assert.deepEqual(statuses({ period: ["quarter", "year"] }), []);
  assert.deepEqual(statuses({ period: ["Q3", null] }), []);
  assert.deepEqual(statuses({ measure: ["revenue", "profit"] }), []);
  assert.deepEqual(statuses({ per: ["share", null] }), []);
  // The same period and measure (or none said on either side): a real disagreement.
  assert.deepEqual(statuses({ period: ["Q3", "Q3"], measure: ["revenue", "revenue"] }), [
    "different_value",
  ]);
  assert.deepEqual(statuses({ period: [null, null], measure: [null, null] }), ["different_value"]);
});

Deno.test("a figure with a stated period is never paired with one without, even at an equal value", () => {
  const corpus = tinyCorpus([
    { id: "a", sentences: trade },
    {
      id: "b",
      sentences: [
        "Trade between the two countries reached a record $240 billion, up 26% on the year.",
        ...trade.slice(1),
      ],
    },
  ]);
  const alignment = alignSentences(corpus);
  const figures = (period: [string | null, string | null]) =>
    figuresFromFrame(pl.DataFrame({
      article_id: ["a", "b"],
      sentence_id: ["a:0", "b:0"],
      kind: ["money", "money"],
      value: [240e9, 240e9],
      unit: ["USD", "USD"],
      text: ["$240 billion", "$240 billion"],
      period,
    }));
  // "$240 billion in 2023" against "$240 billion" with no year: not known to be one quantity.
  assert.deepEqual(figureConsistency(alignment, figures(["2023", null])).status, []);
  assert.deepEqual(figureConsistency(alignment, figures(["2023", "2023"])).status, ["same"]);
  assert.deepEqual(figureConsistency(alignment, figures([null, null])).status, ["same"]);
});

Deno.test("end to end: figures of other periods are not flagged; a changed death toll is", async () => {
  const { analyzeArticles } = await import("../../../src/pipeline.ts");
  const { extractCorpus } = await import("../../../src/extract/extract.ts");
  const { extractionFrames } = await import("../../../src/extract/frames.ts");
  const { reuseFrames } = await import("../../../src/stats/reuse/frames.ts");
  const article = (id: string, outlet: string, text: string) => ({
    id,
    text,
    outlet,
    title: null,
    published: null,
    url: null,
    meta: {},
    source: "test",
  });
  const analysis = analyzeArticles([
    article(
      "a",
      "Wire",
      "The airline reported adjusted earnings of $1.97 a share in the quarter, beating forecasts from analysts. " +
        "The death toll from the floods in the northern province rose to 42 on Wednesday, officials said. " +
        "Revenue climbed to $14.6 billion in the third quarter as demand for premium seats held up. " +
        "Federal spending rose to $610 billion in August, the Treasury said on Monday. " +
        "Revenue was $58 billion for 2026, according to the company forecast.",
    ),
    article(
      "b",
      "Paper",
      "The airline reported adjusted earnings of $6.30 a share for the year, beating forecasts from analysts. " +
        "The death toll from the floods in the northern province rose to 46 on Wednesday, officials said. " +
        "Revenue climbed to $14.2 billion in the third quarter as demand for premium seats held up. " +
        "Federal spending rose to $6.8 trillion for the year, the Treasury said on Monday. " +
        "Revenue was $55 billion for 2025, according to the company forecast.",
    ),
  ]);
  const figures = extractionFrames(extractCorpus(analysis)).figures;
  const consistency = reuseFrames(analysis, { figures }).figure_consistency;
  assert.deepEqual(
    consistency.filter(pl.col("flagged")).select("text_a", "text_b", "status").toRecords(),
    [
      { text_a: "42", text_b: "46", status: "different_value" },
      { text_a: "$14.6 billion", text_b: "$14.2 billion", status: "different_value" },
    ],
  );
  // A quarter's and a year's earnings, a month's and a year's spending, 2026 and 2025 (the
  // amounts and their years) are not even paired.
  for (const text of ["$1.97", "$610 billion", "$58 billion", "2026"]) {
    assert.equal(consistency.filter(pl.col("text_a").eq(pl.lit(text))).height, 0, text);
  }
});

Deno.test("scores agree on the result, not on the larger side: 2-1 and 1-2 are same, 2-0 differs", () => {
  const match = "Arsenal beat Chelsea 2-1 at the Emirates on Sunday after a late goal.";
  const corpus = tinyCorpus([
    { id: "a", sentences: [match, ...trade.slice(1)] },
    { id: "b", sentences: [match.replace("2-1", "2-0"), ...trade.slice(1)] },
  ]);
  const alignment = alignSentences(corpus);
  const scores = (b: string) =>
    figuresFromFrame(pl.DataFrame({
      article_id: ["a", "b"],
      sentence_id: ["a:0", "b:0"],
      kind: ["score", "score"],
      value: [2, 2],
      unit: ["score", "score"],
      text: ["2-1", b],
    }));
  assert.deepEqual(figureConsistency(alignment, scores("2-0")).status, ["different_value"]);
  assert.deepEqual(figureConsistency(alignment, scores("1 – 2")).status, ["same"]);
  assert.deepEqual(figureConsistency(alignment, scores("2–1")).status, ["same"]);
});

Deno.test("figures by measure: one story's death toll in unaligned sentences differs; other days, far values and names apart do not", async () => {
  const { analyzeArticles } = await import("../../../src/pipeline.ts");
  const { extractCorpus } = await import("../../../src/extract/extract.ts");
  const { extractionFrames } = await import("../../../src/extract/frames.ts");
  const { reuseFrames } = await import("../../../src/stats/reuse/frames.ts");
  const article = (id: string, outlet: string, published: string, text: string) => ({
    id,
    text,
    outlet,
    title: null,
    published,
    url: null,
    meta: {},
    source: "test",
  });
  const story = (toll: string) =>
    `Typhoon Rai tore through Cebu province in the Philippines on Tuesday. ${toll} ` +
    "Governor Maria Santos said rescue teams had reached Talisay by nightfall. " +
    "Power was cut across Cebu and roads into the mountains were blocked by landslides.";
  const analysis = analyzeArticles([
    article("a", "Wire", "2026-11-04", story("At least 42 people were killed, officials said.")),
    article(
      "b",
      "Paper",
      "2026-11-05",
      story("The death toll climbed to 46 by Wednesday evening as more bodies were found."),
    ),
    // The same words a year later: another storm's toll, not a disagreement.
    article("c", "Daily", "2027-11-04", story("At least 61 people were killed, officials said.")),
    // Over twice as many: another quantity (a region's toll, an earlier storm), not a disagreement.
    article("d", "Radio", "2026-11-04", story("At least 300 people were killed, officials said.")),
  ]);
  const figures = extractionFrames(extractCorpus(analysis)).figures;
  assert.deepEqual(
    figures.filter(pl.col("measure").eq(pl.lit("dead"))).select("article_id", "text").rows(),
    [["a", "42 people"], ["b", "46"], ["c", "61 people"], ["d", "300 people"]],
  );
  const consistency = reuseFrames(analysis, { figures }).figure_consistency;
  assert.deepEqual(
    consistency.filter(pl.col("basis").eq(pl.lit("measure")))
      .select("sentence_a", "sentence_b", "text_a", "text_b", "measure_a", "status", "flagged")
      .toRecords(),
    [{
      sentence_a: "a:1",
      sentence_b: "b:1",
      text_a: "42 people",
      text_b: "46",
      measure_a: "dead",
      status: "different_value",
      flagged: true,
    }],
  );
});
