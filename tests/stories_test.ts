/**
 * The kit end to end on a corpus that is not the seeds: seven invented stories (sport, business,
 * science, court, weather, tennis, a merger), three outlets each, in UK and US house styles
 * (`tests/fixtures/stories/corpus/`, whose README says what a reader expects). A regression check on
 * generalisation: the values below were checked by hand against that README.
 */

import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { analyzeCorpus } from "../src/pipeline.ts";
import { allFrames } from "../src/stages.ts";

const STORIES = new URL("./fixtures/stories/corpus/", import.meta.url).pathname;
const analysis = await analyzeCorpus(STORIES);
const frames = allFrames(analysis);

const rows = (frame: pl.DataFrame, ...columns: string[]) =>
  frame.select(...columns).rows().map((r) => r.map((v) => v ?? "").join("|"));

Deno.test("stories: 21 articles of 7 stories, and the Reuters datelines separated", () => {
  assert.equal(analysis.articles.length, 21);
  assert.equal(new Set(analysis.articles.map((a) => a.meta.story)).size, 7);
  const reuters = analysis.articles.filter((a) => a.outlet === "Reuters");
  assert.deepEqual(reuters.map((a) => [a.id, a.agency]).sort(), [
    ["business/reuters", "Reuters"],
    ["court/reuters", "Reuters"],
    ["merger/reuters", "Reuters"],
    ["weather/reuters", "Reuters"],
  ]);
});

Deno.test("stories: the people each story is about are found as people", () => {
  const people = new Set(
    rows(frames.entities.filter(pl.col("type").eq(pl.lit("PERSON"))), "entity"),
  );
  for (
    const name of [
      "Bukayo Saka",
      "Mikel Arteta",
      "Enzo Maresca",
      "Ed Bastian",
      "Melody Ding",
      "Gregory Hallman",
      "Lorna Schofield",
      "Jannik Sinner",
      "Carlos Alcaraz",
    ]
  ) assert.ok(people.has(name), name);
});

Deno.test("stories: who is quoted", () => {
  const said = (start: string) =>
    rows(frames.quotes.filter(pl.col("text").str.startsWith(start)), "article_id", "speaker");
  assert.deepEqual(said("We needed to suffer today"), ["sport/ap|Mikel Arteta"]);
  assert.deepEqual(said("We defended well"), ["sport/bbc|Enzo Maresca"]);
  assert.deepEqual(said("I just wanted to be in the box"), ["sport/guardian|Bukayo Saka"]);
  // "the Spaniard said": Carlos Alcaraz, named earlier in the article.
  assert.deepEqual(said("He deserved it"), ["tennis/guardian|Carlos Alcaraz"]);
  assert.deepEqual(said("Reverse causation"), ["science/stat|I-Min Lee"]);
  assert.deepEqual(said("You did not make a mistake"), ["court/ap|Lorna Schofield"]);
  assert.deepEqual(said("We will not leave anyone behind"), ["weather/ap|Ferdinand Marcos Jr."]);
  // A programme's name in quotation marks is no quote; an unnamed analyst's words stay unnamed.
  assert.deepEqual(said("Squawk Box"), ["business/cnbc|", "merger/cnbc|"]);
  assert.deepEqual(said("We would have preferred"), ["merger/reuters|"]);
});

Deno.test("stories: a match report has no security or policy frame; a court story has crime", () => {
  const frame = (prefix: string) =>
    new Set(rows(frames.framing.filter(pl.col("article_id").str.startsWith(prefix)), "frame"));
  for (const id of ["sport/ap", "sport/bbc", "sport/guardian"]) {
    assert.ok(!frame(id).has("security_and_defense"), id);
    assert.ok(!frame(id).has("policy_prescription_and_evaluation"), id);
  }
  assert.ok(frame("court/ap").has("crime_and_punishment"));
});

Deno.test("stories: the same toll and share move reported differently are flagged", () => {
  const flagged = rows(
    frames.figure_consistency.filter(pl.col("flagged")),
    "sentence_a",
    "sentence_b",
    "text_a",
    "text_b",
  );
  assert.ok(flagged.includes("weather/bbc:0|weather/reuters:0|42 people|46"), flagged.join("\n"));
  assert.ok(flagged.includes("business/cnbc:0|business/reuters:0|5%|4.2%"), flagged.join("\n"));
});
