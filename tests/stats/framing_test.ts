import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { findFraming, framingFrame, framingSummary } from "../../src/stats/framing.ts";
import { kwic } from "../../src/stats/kwic.ts";
import { loadLexicon } from "../../src/stats/dictionaries.ts";
import { compileLexicon, LexiconError, MEDIA_FRAMES_LEXICON } from "../../src/stats/lexicon.ts";
import { SEED, seedAnalysis, tempDir } from "../seeds.ts";
import { rowsOf } from "./helpers.ts";

/** The seeds' story lexicon: an example, passed explicitly like any user lexicon. */
export const EXAMPLE_LEXICON_PATH = new URL(
  "../../data/lexicons/examples/russia_china.json",
  import.meta.url,
).pathname;
const STORY_LEXICON = await loadLexicon(EXAMPLE_LEXICON_PATH);

Deno.test("lexicon: every bad entry is reported with its path", () => {
  const bad = {
    name: "mine",
    dimensions: [
      {
        id: "War",
        label: "",
        frames: [
          { id: "a", label: "A", patterns: ["$5 billion"] },
          { id: "a", label: "B", patterns: ["ok", 3] },
        ],
      },
    ],
  };
  assert.throws(() => compileLexicon(bad, "mine.json"), (e: unknown) => {
    assert.ok(e instanceof LexiconError);
    const byField = new Map(e.problems.map((p) => [p.field, p.message]));
    assert.match(byField.get("dimensions[0].id")!, /snake_case/);
    assert.match(byField.get("dimensions[0].label")!, />=1 characters|too small/i);
    assert.match(
      byField.get("dimensions[0].frames[0].patterns[0]")!,
      /"\$5" has characters that are never part of a word/,
    );
    assert.match(byField.get("dimensions[0].frames[1].patterns[1]")!, /expected string/);
    assert.match(e.message, /^mine\.json: invalid lexicon\n/);
    return true;
  });
  // Duplicates are caught once the entries themselves are valid.
  const dup = {
    name: "mine",
    dimensions: [{
      id: "war",
      label: "War",
      frames: [{ id: "a", label: "A", patterns: ["x"] }, { id: "a", label: "B", patterns: ["y"] }],
    }],
  };
  assert.throws(
    () => compileLexicon(dup),
    /dimensions\[0\]\.frames\[1\]\.id: duplicate frame id "a"/,
  );
  assert.throws(() => compileLexicon({ dimensions: [] }), /name: is missing/);
});

Deno.test("lexicon files: unreadable, not JSON, or invalid all give a LexiconError", async () => {
  const dir = await tempDir();
  await Deno.writeTextFile(`${dir}/broken.json`, "{ not json");
  await assert.rejects(
    loadLexicon(`${dir}/broken.json`),
    /broken\.json: invalid lexicon\n.*is not valid JSON/,
  );
  await assert.rejects(
    loadLexicon(`${dir}/missing.json`),
    /missing\.json: invalid lexicon\n.*cannot be read/,
  );
  await Deno.writeTextFile(
    `${dir}/ok.json`,
    JSON.stringify({
      name: "tiny",
      dimensions: [{
        id: "d",
        label: "D",
        frames: [{ id: "f", label: "F", patterns: ["lifeline"] }],
      }],
    }),
  );
  const tiny = await loadLexicon(`${dir}/ok.json`);
  assert.equal(tiny.dimensions[0].frames[0].patterns[0].source, "lifeline");
});

Deno.test("shipped lexicons: the example's five dimensions and the 15 Media Frames Corpus frames", () => {
  assert.deepEqual(STORY_LEXICON.dimensions.filter((d) => d.naming).map((d) => d.id), [
    "war_naming",
  ]);
  assert.deepEqual(STORY_LEXICON.dimensions.map((d) => d.id), [
    "war_naming",
    "sanctions",
    "relationship",
    "economy",
    "security",
  ]);
  const mfc = MEDIA_FRAMES_LEXICON.dimensions[0].frames;
  assert.equal(mfc.length, 15);
  assert.equal(mfc[0].id, "economic");
  assert.equal(mfc[14].id, "other");
  assert.ok(mfc.slice(0, 14).every((f) => f.patterns.length >= 3));
});

// What each seed calls the war, read in the articles: 000 "Russia’s war against Ukraine", "its
// war in Ukraine", "sent tens of thousands of troops into Ukraine"; 001 "its conflict in Ukraine",
// "its Ukraine campaign"; 002 "the war in Ukraine" (three times), "troops to Ukraine", "2022 attack
// on Ukraine", "special military operation", "Russia’s invasion", "the crisis"; 003 "its war in
// Ukraine"; 004 "full-scale invasion of Ukraine".
Deno.test("seeds: the names of the war, article by article", async () => {
  const a = await seedAnalysis();
  const framing = framingFrame(findFraming(a, [STORY_LEXICON]));
  const war = framing.filter(pl.col("dimension").eq(pl.lit("war_naming")));
  const byArticle = new Map<string, string[]>();
  for (const r of rowsOf(war)) {
    const list = byArticle.get(r.article_id as string) ?? [];
    list.push(r.frame as string);
    byArticle.set(r.article_id as string, list);
  }
  assert.deepEqual(byArticle.get(SEED.reuters2025), ["war", "war", "troops_into_ukraine"]);
  assert.deepEqual(byArticle.get(SEED.rewrite001), ["conflict", "ukraine_campaign"]);
  assert.deepEqual(byArticle.get(SEED.globalNews2023), [
    "war",
    "troops_into_ukraine",
    "war",
    "war",
    "attack",
    "special_military_operation",
    "invasion",
    "crisis",
  ]);
  assert.deepEqual(byArticle.get(SEED.reutersHangzhou), ["war"]);
  assert.deepEqual(byArticle.get(SEED.rewrite004), ["full_scale_invasion"]);
  const smo = war.filter(pl.col("frame").eq(pl.lit("special_military_operation")));
  assert.deepEqual(rowsOf(smo.select("article_id", "sentence_id", "phrase")), [
    {
      article_id: SEED.globalNews2023,
      sentence_id: `${SEED.globalNews2023}:11`,
      phrase: "special military operation",
    },
  ]);
  const fsi = war.filter(pl.col("frame").eq(pl.lit("full_scale_invasion")));
  assert.deepEqual(fsi.getColumn("phrase").toArray(), ["full-scale invasion"]);
  // Every phrase is the text at its offsets.
  for (const r of rowsOf(framing)) {
    const text = a.articles.find((x) => x.id === r.article_id)!.text;
    assert.equal(text.slice(r.start as number, r.end as number), r.phrase);
  }
});

Deno.test("seeds: sanctions and relationship framing per article", async () => {
  const a = await seedAnalysis();
  const framing = framingFrame(findFraming(a, [STORY_LEXICON]));
  const articlesWith = (
    frame: string,
  ) => [
    ...new Set(framing.filter(pl.col("frame").eq(pl.lit(frame))).getColumn("article_id").toArray()),
  ];
  assert.deepEqual(articlesWith("illegitimate_sanctions"), [SEED.globalNews2023]);
  assert.deepEqual(articlesWith("collective_west"), [SEED.globalNews2023]);
  assert.deepEqual(articlesWith("unilateral_coercive_measures"), [SEED.reuters2025]);
  assert.deepEqual(articlesWith("unprecedented_high"), [SEED.globalNews2023]);
  assert.deepEqual(articlesWith("no_borders_partnership"), [SEED.globalNews2023]);
  assert.deepEqual(articlesWith("lifeline"), [SEED.rewrite004]);
  assert.deepEqual(articlesWith("no_limits_partnership"), [
    SEED.reuters2025,
    SEED.rewrite001,
    SEED.reutersHangzhou,
    SEED.rewrite004,
  ]);
});

Deno.test("framing summary: matches per 1,000 words and share within the dimension", async () => {
  const a = await seedAnalysis();
  const lexicons = [MEDIA_FRAMES_LEXICON, STORY_LEXICON];
  const summary = framingSummary(a, findFraming(a, lexicons), lexicons);
  const row = (outlet: string, frame: string) =>
    rowsOf(
      summary.filter(pl.col("outlet").eq(pl.lit(outlet)).and(pl.col("frame").eq(pl.lit(frame)))),
    )[0];
  // Global News (002 only): 585 words; 8 war-naming matches, one of them the "special military operation".
  assert.deepEqual(row("Global News", "special_military_operation"), {
    lexicon: "russia_china",
    outlet: "Global News",
    dimension: "war_naming",
    frame: "special_military_operation",
    naming: true,
    label: "special military operation",
    n: 1,
    articles: 1,
    words: 585,
    group_articles: 1,
    per_1000: 1000 / 585,
    share: 1 / 8,
  });
  const fsi = row("Reuters", "full_scale_invasion");
  assert.equal(fsi.n, 1);
  assert.equal(fsi.words, 1278);
  assert.equal(row("Reuters", "special_military_operation").n, 0);
  // Every outlet gets every frame of both lexicons (zeros included).
  const frames = STORY_LEXICON.dimensions.reduce((n, d) => n + d.frames.length, 0) + 15;
  assert.equal(summary.height, 3 * frames);
});

Deno.test("KWIC on the seeds: window and whole-sentence context", async () => {
  const a = await seedAnalysis();
  const rows = rowsOf(kwic(a, "unilateral coercive measure", { window: 3 }));
  assert.deepEqual(rows.map((r) => [r.sentence_id, r.left, r.match, r.right]), [
    [
      `${SEED.reuters2025}:1`,
      "cooperation in opposing",
      "unilateral coercive measures",
      ",” Beijing and Moscow",
    ],
    [`${SEED.reuters2025}:2`, "day earlier. “Any", "unilateral coercive measures", "taken by any"],
  ]);
  const sentence = rowsOf(kwic(a, "unilateral coercive measure", { context: "sentence" }));
  assert.equal(sentence[1].left, "“Any");
  assert.equal(
    sentence[1].right,
    "taken by any country or group of countries bypassing UN Security Council resolutions are illegal,” it said, adding that such measures cannot be accepted or recognised.",
  );
  assert.match(sentence[0].left as string, /^“Both sides will make every necessary effort/);
  const zero = rowsOf(kwic(a, "lifeline", { window: 0 }));
  assert.deepEqual(zero.map((r) => [r.left, r.match, r.right]), [["", "lifeline", ""]]);
});
