import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  differingFigures,
  figureFindings,
  findings,
  framingWithinFindings,
  publicationDays,
  reuseFindings,
  speakerFindings,
  termFindings,
  toneFindings,
  toneWithinFindings,
} from "../../src/charts/findings.ts";
import { allFrames } from "../../src/stages.ts";
import { seedAnalysis } from "../seeds.ts";

const frames = allFrames(await seedAnalysis());
const said = findings(frames).map((f) => f.text);

// Checked by hand against the frames: Reuters is 000, 003 and 004 (506 + 438 + 334 = 1,278
// words), Global News 002 (585 words), unknown 001 (362 words); "west" is three tokens of 002
// and none elsewhere.
Deno.test("findings on the seeds: the words Global News over-uses, with counts and sizes", () => {
  assert.equal(
    said[0],
    "0 over-used terms of 1,351 pass q < 0.05 with articles as the unit: the terms below lead " +
      "their groups, but none is a significant finding.",
  );
  assert.ok(said.includes(
    "Global News (1 article, 585 words) over-uses most: “held talks” (3 against 0, z 1.5), " +
      "“west” (3 against 0, z 1.5), “not” (4 against 1, z 1.4).",
  ));
});

Deno.test("findings on the seeds: who speaks most, ties named together", () => {
  // Direct quotes by outlet: Global News Mishustin 3, Tsang 2, Li 1; Reuters Xi 2, the joint
  // communique 2, Li 1 (the quotes frame, counted by hand).
  assert.ok(said.includes(
    "Global News (1 article, 585 words) quotes Mikhail Mishustin most: 3 of its 6 direct quotes " +
      "with a known speaker.",
  ));
  assert.ok(said.includes(
    "Reuters (3 articles, 1,278 words) quotes Xi Jinping and joint communique most: 2 each of its " +
      "5 direct quotes with a known speaker.",
  ));
});

Deno.test("findings on the seeds: figures, leading frame, tone and reuse", () => {
  // 002: 40%, "thousands of its troops", "two countries" twice; 003: 50 bcm, 21%, 3.8%, 17.8%,
  // "two biggest oil companies"; 000: "two countries", "tens of thousands of troops", "two
  // biggest oil companies"; 004: $240 billion, "two countries"; 001: "two countries".
  assert.ok(said.includes(
    "Money, percentages, quantities, counts and scores reported, by outlet: Global News 4 figures (1 " +
      "percent, 3 count) in 1 article; Reuters 10 figures (1 money, 3 percent, 1 quantity, 5 " +
      "count) in 3 articles; unknown 1 figure (1 count) in 1 article.",
  ));
  // 43 of Reuters' 76 media_frames matches are "economic": 43 / 1,278 × 1,000 = 33.6.
  const framing = said.find((s) => s.startsWith("Leading frame of policy_frames (media_frames)"));
  assert.ok(
    framing?.includes(
      "“Economic” in Reuters (43 of 76 matches, 33.6 per 1,000 of 1,278 words, 3 articles)",
    ),
    framing,
  );
  // Mean VADER score of 002's 19 sentences 0.2473, of Reuters' 51 sentences 0.1360.
  assert.ok(said.includes(
    "Tone (mean VADER sentence score, −1 to +1): highest in Global News +0.25 (19 sentences, 1 " +
      "article), lowest in Reuters +0.14 (51 sentences, 3 articles), 0.11 apart.",
  ));
  assert.ok(said.includes(
    "001_0befff5196dada6f (unknown) most likely rewrites 000_56b2ab6aca23b9fa (Reuters): 50% of " +
      "its sentences (8) are found there (both are dated 2025-11-04, so the direction rests only " +
      "on which of the two covers more of the other).",
  ));
  assert.ok(said.includes("2 of these 2 rewrites cross outlet lines."));
});

Deno.test("findings grouped by article say 'article' and do not repeat the id as its group", async () => {
  const byId = findings(allFrames(await seedAnalysis(), undefined, undefined, { by: "id" }))
    .map((f) => f.text);
  assert.ok(byId.includes(
    "001_0befff5196dada6f most likely rewrites 000_56b2ab6aca23b9fa: 50% of its sentences (8) " +
      "are found there (both are dated 2025-11-04, so the direction rests only on which of the " +
      "two covers more of the other).",
  ));
  assert.ok(!byId.some((s) => / lines\.$/.test(s)), 'no "cross article lines" sentence');
  assert.ok(
    byId.some((s) =>
      s.startsWith("Money, percentages, quantities, counts and scores reported, by article:")
    ),
  );
});

const keynessRows = (rows: [string, string, number, number, number, number][]) =>
  pl.DataFrame({
    group: rows.map((r) => r[0]),
    term: rows.map((r) => r[1]),
    n_target: rows.map((r) => r[2]),
    n_reference: rows.map((r) => r[3]),
    z: rows.map((r) => r[4]),
    q: rows.map((r) => r[5]),
  });

Deno.test("thin evidence is left out: a term used twice, a speaker quoted once, few sentences", () => {
  const sizes = [{ name: "A", articles: 1, words: 100 }, { name: "B", articles: 1, words: 90 }];
  // A's best term is used twice: nothing said about A; B's term three times with q < 0.05.
  const terms = termFindings(
    keynessRows([["A", "alpha", 2, 0, 2.5, 0.5], ["B", "beta", 3, 0, 1.2, 0.01]]),
    sizes,
  ).map((f) => f.text);
  assert.deepEqual(terms, [
    "1 over-used term of 2 pass q < 0.05 with articles as the unit.",
    "B (1 article, 90 words) over-uses most: “beta” (3 against 0, z 1.2, q < 0.05).",
  ]);
  const quotes = pl.DataFrame({
    article_id: ["a", "b"],
    kind: ["direct", "direct"],
    speaker: ["Ann", "Bob"],
  });
  const groups = pl.DataFrame({ article_id: ["a", "b"], __group: ["A", "B"] });
  assert.deepEqual(speakerFindings(quotes, groups, sizes), []);
  const tone = (sentences: number, a: number, b: number) =>
    toneFindings(
      pl.DataFrame({
        outlet: ["A", "B"],
        sentences: [sentences, sentences],
        articles: [1, 1],
        mean_score: [a, b],
      }),
      "outlet",
    ).map((f) => f.text);
  assert.deepEqual(tone(9, 0.5, -0.5), [], "9 sentences a group: too few to say");
  assert.deepEqual(tone(12, 0.1, 0.08), [
    "Tone hardly differs by outlet: mean VADER sentence score from B +0.08 (12 sentences, 1 " +
    "article) to A +0.10 (12 sentences, 1 article), less than 0.05 apart.",
  ]);
});

Deno.test("figures: a death toll is a figure, and two counts of different things are no disagreement", () => {
  const sizes = [{ name: "Harbor Times", articles: 1, words: 240 }, {
    name: "Gulf Wire",
    articles: 2,
    words: 300,
  }];
  const groups = pl.DataFrame({
    article_id: ["h", "g1", "g2"],
    __group: ["Harbor Times", "Gulf Wire", "Gulf Wire"],
  });
  // Harbor Times reports only counts ("1,426 pilgrims"): it was "0 figures".
  const figures = pl.DataFrame({
    article_id: ["h", "g1"],
    kind: ["count", "percent"],
  });
  // h:1/g1:4, three robots against three points: counts of different things, not a
  // disagreement. h:2/g1:5 107 against 87 dead: a disagreement across outlets. g1:0/g2:0 34
  // strikes on one day against 23 on another, two reports of one outlet.
  const consistency = pl.DataFrame({
    sentence_a: ["h:1", "h:2", "g1:0"],
    sentence_b: ["g1:4", "g1:5", "g2:0"],
    kind: ["count", "count", "count"],
    text_a: ["three robots", "107 dead", "34 strikes"],
    text_b: ["three points", "87 dead", "23 strikes"],
    status: ["different_unit", "different_value", "different_value"],
    flagged: [true, true, true],
  });
  const groupOf = new Map([["h", "Harbor Times"], ["g1", "Gulf Wire"], ["g2", "Gulf Wire"]]);
  const { across, within } = differingFigures(consistency, groupOf);
  assert.deepEqual(across.map((r) => r.text_a), ["107 dead"]);
  assert.deepEqual(within.map((r) => r.text_a), ["34 strikes"]);
  assert.deepEqual(
    figureFindings(figures, consistency, groups, sizes, "outlet").map((f) => f.text),
    [
      "Money, percentages, quantities, counts and scores reported, by outlet: Harbor Times 1 figure (1 " +
      "count) in 1 article; Gulf Wire 1 figure (1 percent) in 2 articles.",
      "The same count differs: “107 dead” in h against “87 dead” in g1 (outlet Harbor Times " +
      "against Gulf Wire).",
      "1 figure differs between articles of the same outlet (most often a later report of a " +
      "changing number; see figure_consistency).",
    ],
  );
  // With the figures' measures (the extraction's `measure` column), the sentence says what
  // differs: a bare "46" is a death toll.
  const measured = pl.DataFrame({
    article_id: ["h", "g1"],
    sentence_id: ["h:2", "g1:5"],
    kind: ["count", "count"],
    text: ["107 dead", "87 dead"],
    measure: ["dead", "dead"],
  });
  assert.equal(
    figureFindings(measured, consistency, groups, sizes, "outlet")[1].text,
    "The same count (dead) differs: “107 dead” in h against “87 dead” in g1 (outlet Harbor " +
      "Times against Gulf Wire).",
  );
  // Only the robots and the points: nothing differs.
  assert.deepEqual(
    figureFindings(undefined, consistency.head(1), groups, sizes, "outlet").map((f) => f.text),
    [
      "No figure is reported with a different value or unit in matching sentences (1 pair of " +
      "figures compared across articles).",
    ],
  );
});

Deno.test("figures: money in two currencies and a quantity in two measures are no disagreement", () => {
  // From a merger covered by CNBC and Reuters ("$380 million in annual cost savings", "350
  // million euros a year") and a typhoon's winds ("115 mph", "185 km/h"); "2%" against "2
  // percentage points" stays a disagreement of units.
  const consistency = pl.DataFrame({
    sentence_a: ["c:5", "w:1", "r:2"],
    sentence_b: ["r:4", "b:2", "f:3"],
    kind: ["money", "quantity", "percent"],
    text_a: ["$380 million", "115 mph", "2%"],
    text_b: ["350 million euros", "185 km/h", "2 percentage points"],
    status: ["different_unit", "different_unit", "different_unit"],
    flagged: [true, true, true],
  });
  const groupOf = new Map([["c", "CNBC"], ["r", "Reuters"], ["w", "AP"], ["b", "BBC"], [
    "f",
    "FT",
  ]]);
  const { across, within, apart } = differingFigures(consistency, groupOf);
  assert.deepEqual(across.map((r) => r.text_a), ["2%"]);
  assert.deepEqual([within.length, apart.length], [0, 0]);
});

Deno.test("reuse: each rewrite says what its direction rests on; one rewrite is one sentence", () => {
  // Two undated daily strike reports of one command, built on one template (the CENTCOM
  // releases of re3d): the direction is only "covers more", and the finding says so.
  const undated = pl.DataFrame({
    article_id: ["jan9", "jan10"],
    published: [null, null],
    likely_source: ["jan10", null],
    source_share: [0.63, null],
    source_sentences: [19, null],
    source_published: [null, null],
    source_rule: ["no date, covers more", null],
  });
  const groups = pl.DataFrame({
    article_id: ["jan9", "jan10"],
    __group: ["Coalition", "Coalition"],
  });
  assert.deepEqual(reuseFindings(undated, groups, "outlet").map((f) => f.text), [
    "jan9 (Coalition) most likely rewrites jan10 (Coalition): 63% of its sentences (19) are " +
    "found there (neither date is known, so the direction rests only on which of the two covers " +
    "more of the other).",
    "The one rewrite does not cross outlet lines.",
  ]);
  const dated = pl.DataFrame({
    article_id: ["wire", "paper"],
    published: ["2015-09-12", "2015-09-13"],
    likely_source: [null, "wire"],
    source_share: [null, 0.8],
    source_sentences: [null, 8],
    source_published: [null, "2015-09-12"],
    source_rule: [null, "earlier"],
  }).withColumns(
    pl.col("published").str.strptime(pl.Date, "%Y-%m-%d"),
    pl.col("source_published").str.strptime(pl.Date, "%Y-%m-%d"),
  );
  const outlets = pl.DataFrame({
    article_id: ["wire", "paper"],
    __group: ["Gulf Wire", "Harbor Times"],
  });
  assert.deepEqual(reuseFindings(dated, outlets, "outlet").map((f) => f.text), [
    "paper (Harbor Times) most likely rewrites wire (Gulf Wire): 80% of its sentences (8) are " +
    "found there (the source is dated earlier, 2015-09-12).",
    "The one rewrite crosses outlet lines.",
  ]);
});

Deno.test("figures: a number that changed between two addresses a year apart is no disagreement", () => {
  // State of the Union 2015 and 2016 (Obama, Democratic) against 2018 (Trump, Republican): the
  // alignment pairs their salutations and their veterans sentences, but a year apart a number is
  // reported again, not reported differently.
  const articles = pl.DataFrame({
    article_id: ["s2015", "s2016", "s2018"],
    published: ["2015-01-20", "2016-01-12", "2018-01-30"],
  }).withColumns(pl.col("published").str.strptime(pl.Date, "%Y-%m-%d"));
  const days = publicationDays(articles);
  assert.equal(days.get("s2016")! - days.get("s2015")!, 357);
  const consistency = pl.DataFrame({
    sentence_a: ["s2015:0", "s2015:40"],
    sentence_b: ["s2018:0", "s2016:31"],
    kind: ["duration", "count"],
    text_a: ["fifteen years", "400,000 veterans"],
    text_b: ["one year", "700,000 veterans"],
    status: ["different_value", "different_value"],
    flagged: [true, true],
  });
  const groupOf = new Map([["s2015", "Democratic"], ["s2016", "Democratic"], [
    "s2018",
    "Republican",
  ]]);
  const split = differingFigures(consistency, groupOf, days);
  assert.deepEqual([split.across.length, split.within.length, split.apart.length], [0, 0, 2]);
  const groups = pl.DataFrame({
    article_id: [...groupOf.keys()],
    __group: [...groupOf.values()],
  });
  assert.deepEqual(
    figureFindings(undefined, consistency, groups, [], "party", days).map((f) => f.text),
    [
      "2 figures differ between articles published more than 7 days apart (different events " +
      "or a changing number; see figure_consistency).",
    ],
  );
  // Without dates the same pairs are one disagreement across parties and one within a party.
  const undated = differingFigures(consistency, groupOf);
  assert.deepEqual([undated.across.length, undated.within.length], [1, 1]);
});

// Rows of framing_within and sentiment_within as `analyze --within story` wrote them for the
// fresh2 corpus (five stories, ten outlets): each outlet against the others of the same story.
const FRAMING_WITHIN = pl.DataFrame({
  lexicon: Array(8).fill("media_frames"),
  outlet: ["AP", "AP", "AP", "CNBC", "CNBC", "Reuters", "STAT", "STAT"],
  dimension: Array(8).fill("policy_frames"),
  label: [
    "Economic",
    "Crime and punishment",
    "Health and safety",
    "Economic",
    "Capacity and resources",
    "Economic",
    "Health and safety",
    "Economic",
  ],
  strata: [3, 3, 3, 1, 1, 3, 1, 1],
  words: [867, 867, 867, 263, 263, 793, 299, 299],
  n: [3, 9, 2, 9, 1, 24, 9, 0],
  per_1000: [3.4602, 10.3806, 2.3068, 34.2205, 3.8023, 30.2648, 30.1003, 0],
  expected_per_1000: [2.8685, 9.7644, 0.8037, 48.4429, 1.1534, 19.9535, 21.3483, 1.0],
  excess_per_1000: [0.5917, 0.6162, 1.5031, -14.2224, 2.6489, 10.3113, 8.7520, -1.0],
});
const SENTIMENT_WITHIN = pl.DataFrame({
  outlet: ["AP", "BBC Sport", "CNBC", "Financial Times", "Tiny"],
  within: Array(5).fill("story"),
  strata: [3, 1, 1, 1, 1],
  sentences: [51, 19, 17, 15, 5],
  mean_score: [-0.08941, 0.14027, 0.19390, 0.01199, 0.6],
  expected_mean_score: [-0.09016, 0.06296, 0.13464, 0.13464, 0.1],
  excess_mean_score: [0.00075, 0.07730, 0.05926, -0.12265, 0.5],
});
const SENTIMENT_OUTLET = pl.DataFrame({
  outlet: ["CNBC", "New York Post"],
  sentences: [17, 17],
  articles: [1, 1],
  mean_score: [0.19390, -0.20702],
});

Deno.test("within a story: the frame each outlet uses beyond the others of its story", () => {
  const sizes = ["AP", "BBC Sport", "CNBC", "Reuters", "STAT"].map((name) => ({
    name,
    articles: 1,
    words: 300,
  }));
  // AP: crime (+0.62, 9 matches) before economic (+0.59); health (+1.50) has 2 matches only.
  // CNBC: economic is below expected, capacity has 1 match: no lead. BBC Sport shares no story.
  assert.deepEqual(
    framingWithinFindings(FRAMING_WITHIN, "outlet", "story", sizes).map((f) => f.text),
    [
      "Frame of policy_frames (media_frames) each outlet uses most beyond the other outlets of " +
      "the same story (framing_within): “Crime and punishment” in AP +0.6 per 1,000 words (10.4 " +
      "against 9.8 expected; 9 matches in 867 words, 3 stories); “Economic” in Reuters +10.3 per " +
      "1,000 words (30.3 against 20.0 expected; 24 matches in 793 words, 3 stories); “Health and " +
      "safety” in STAT +8.8 per 1,000 words (30.1 against 21.3 expected; 9 matches in 299 words, " +
      "1 story).",
      "BBC Sport shares no story with another outlet: left out of the comparison within each story.",
    ],
  );
});

Deno.test("within a story: tone is said against the others of the same story", () => {
  // Tiny (5 sentences) is too thin to name; BBC Sport +0.077 and the FT −0.123 are 0.20 apart.
  assert.deepEqual(toneWithinFindings(SENTIMENT_WITHIN, "outlet", "story").map((f) => f.text), [
    "Tone within each story (mean VADER sentence score against the other outlets of the same " +
    "story, from sentiment_within): most above in BBC Sport +0.08 (+0.14 against +0.06 " +
    "expected; 19 sentences, 1 story), most below in Financial Times −0.12 (+0.01 against +0.13 " +
    "expected; 15 sentences, 1 story), 0.20 apart.",
  ]);
});

Deno.test("findings with --within say tone and frames within the stories, never across them", () => {
  const frames = {
    sentiment_outlet: SENTIMENT_OUTLET,
    sentiment_within: SENTIMENT_WITHIN,
    framing_within: FRAMING_WITHIN,
  };
  const across = findings(frames, { by: "outlet" }).map((f) => f.text);
  // Without --within: a business story's outlet against a court story's (the audit's a8).
  assert.deepEqual(across, [
    "Tone (mean VADER sentence score, −1 to +1): highest in CNBC +0.19 (17 sentences, 1 " +
    "article), lowest in New York Post −0.21 (17 sentences, 1 article), 0.40 apart.",
  ]);
  const within = findings(frames, { by: "outlet", within: "story" }).map((f) => f.text);
  assert.equal(within.length, 2);
  assert.match(within[0], /^Frame of policy_frames \(media_frames\) each outlet uses most beyond/);
  assert.match(within[1], /^Tone within each story /);
  assert.ok(!within.some((t) => t.includes("highest in CNBC")));
});
