import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { extractCorpus } from "../../src/extract/extract.ts";
import { extractionFrames } from "../../src/extract/frames.ts";
import { stageFrames, STAGES } from "../../src/stages.ts";
import { loadGazetteerFile } from "../../src/extract/gazetteer.ts";
import { SEED, seedAnalysis, SEEDS_GAZETTEER_PATH } from "../seeds.ts";

const analysis = await seedAnalysis();
const frames = extractionFrames(
  extractCorpus(analysis, { gazetteer: loadGazetteerFile(SEEDS_GAZETTEER_PATH) }),
);

Deno.test("frames: snake_case columns with explicit dtypes; nulls stay null", () => {
  const dtypes = (df: pl.DataFrame) =>
    df.columns.map((c) => `${c}:${df.getColumn(c).dtype}`.replace(/DataType\((\w+)\)/, "$1"));
  assert.deepEqual(dtypes(frames.entities), [
    "article_id:String",
    "outlet:String",
    "sentence_id:String",
    "text:String",
    "entity:String",
    "type:String",
    "role:String",
    "metonymy:Bool",
    "start:Int32",
    "end:Int32",
    "media:Bool",
    "confidence:Float64",
    "source:String",
  ]);
  assert.deepEqual(dtypes(frames.figures).slice(4), [
    "kind:String",
    "value:Float64",
    "unit:String",
    "raw_unit:String",
    "per:String",
    "approx:Bool",
    "change:String",
    "year:Int32",
    "period:String",
    "measure:String",
    "start:Int32",
    "end:Int32",
  ]);
  assert.deepEqual(frames.quotes.columns, [
    "article_id",
    "outlet",
    "sentence_id",
    "text",
    "kind",
    "speaker",
    "speaker_type",
    "cue",
    "via",
    "via_entity",
    "start",
    "end",
    "speaker_raw",
    "role",
    "sieve",
    "confidence",
    "reason",
  ]);
  assert.deepEqual(frames.attributions.columns.slice(3, 5), ["text", "speaker"]);
  assert.deepEqual(frames.attributions.columns.slice(-3), ["cue_text", "cue_start", "cue_end"]);
  assert.deepEqual(frames.agencies.columns, [
    "article_id",
    "outlet",
    "agency",
    "in_dateline",
    "in_byline",
    "n_mentions",
    "n_relayed",
    "n_reported",
  ]);
  // Dates have no value and weekdays no year: null, not 0.
  const tuesday = frames.figures.filter(pl.col("text").eq(pl.lit("Tuesday"))).head(1);
  assert.deepEqual([tuesday.getColumn("value").get(0), tuesday.getColumn("year").get(0)], [
    null,
    null,
  ]);
  const money = frames.figures.filter(pl.col("kind").eq(pl.lit("money")));
  assert.deepEqual(money.select("article_id", "value", "unit", "year").toRecords(), [
    { article_id: SEED.rewrite004, value: 240e9, unit: "USD", year: 2023 },
  ]);
  assert.deepEqual(
    [
      frames.entities.height,
      frames.figures.height,
      frames.quotes.height,
      frames.attributions.height,
    ],
    // 330 gold entities plus the model's three "West" ("the West": twice LOC, once PERSON);
    // 39 attributions: "emphasized A and reaffirmed B" is two statements; three speech
    // participles after a comma report too (", insisting their relationship ...").
    [333, 45, 36, 39],
  );
});

Deno.test("frames: the extract stage writes entities, figures, quotes, attributions and agencies", () => {
  const stage = STAGES.find((s) => s.name === "extract")!;
  const out = stageFrames(stage, analysis);
  assert.deepEqual(Object.keys(out), ["entities", "figures", "quotes", "attributions", "agencies"]);
  // Who each outlet names most: one group-by away.
  const persons = out.entities
    .filter(pl.col("type").eq(pl.lit("PERSON")))
    .groupBy("entity")
    .agg(pl.len().alias("n"))
    .sort(["n", "entity"], [true, false])
    .head(3);
  assert.deepEqual(persons.toRecords(), [
    { entity: "Mikhail Mishustin", n: 21 },
    { entity: "Xi Jinping", n: 21 },
    { entity: "Li Qiang", n: 13 },
  ]);
});
