import assert from "node:assert/strict";
import { extractCorpus } from "../../src/extract/extract.ts";
import { loadGazetteerFile, NO_GAZETTEER } from "../../src/extract/gazetteer.ts";
import { seedAnalysis, SEEDS_GAZETTEER_PATH } from "../seeds.ts";
import { placeGold, type Score, scoreEntities, scoreFigures, scoreQuotes } from "./gold.ts";

const analysis = await seedAnalysis();
// The seed story's names are a user's list, passed explicitly.
const extraction = extractCorpus(analysis, { gazetteer: loadGazetteerFile(SEEDS_GAZETTEER_PATH) });
const gold = placeGold(analysis);

const table = (scores: Score[]) =>
  scores.map((s) =>
    `${s.type.padEnd(9)} gold ${String(s.gold).padStart(3)}  found ${
      String(s.found).padStart(3)
    }  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`
  ).join("\n");

Deno.test("gold: every annotation sits where the gold file says", () => {
  assert.equal(gold.entities.length, 330);
  assert.equal(gold.figures.length, 45);
  assert.equal(gold.quotes.length, 36);
  for (const g of gold.entities) {
    const text = analysis.articles.find((a) => a.id === g.article)!.text;
    assert.equal(text.slice(g.start, g.end), g.text);
  }
});

Deno.test("gold: persons F1 ≥ 0.95 with canonical names (and every entity type scored)", () => {
  const scores = scoreEntities(gold.entities, extraction);
  console.log(`\nentities (span, type and canonical name must all match)\n${table(scores)}`);
  const person = scores.find((s) => s.type === "PERSON")!;
  assert.equal(person.gold, 76);
  assert.ok(person.f1 >= 0.95, `persons F1 ${person.f1}`);
  for (const type of ["ORG", "GPE", "NORP", "MEDIA"]) {
    const s = scores.find((x) => x.type === type)!;
    assert.ok(s.f1 >= 0.95, `${type} F1 ${s.f1}`);
  }
});

Deno.test("gold: with no list at all (--gazetteer none) the model alone still finds the persons", () => {
  const scores = scoreEntities(gold.entities, extractCorpus(analysis, { gazetteer: NO_GAZETTEER }));
  console.log(`\nentities, model only (span, type and canonical name)\n${table(scores)}`);
  const person = scores.find((s) => s.type === "PERSON")!;
  assert.ok(person.f1 >= 0.95, `persons F1 ${person.f1}`);
});

Deno.test("gold: metonymy flags match on the capitals", () => {
  const capitals = gold.entities.filter((g) =>
    ["Beijing", "Moscow", "Washington", "Kiev"].includes(g.text)
  );
  assert.equal(capitals.length, 36);
  const wrong = capitals.filter((g) => {
    const m = extraction.entities.find((m) => m.articleId === g.article && m.start === g.start);
    return m?.metonymy !== g.metonymy;
  });
  assert.deepEqual(wrong, []);
});

Deno.test("gold: figures recall ≥ 0.95 for money, percent, quantity and date, with values and units", () => {
  const scores = scoreFigures(gold.figures, extraction);
  console.log(`\nfigures (span, kind, value and unit must all match)\n${table(scores)}`);
  const main = scores.filter((s) => ["money", "percent", "quantity", "date"].includes(s.type));
  const goldN = main.reduce((n, s) => n + s.gold, 0);
  const correct = main.reduce((n, s) => n + s.correct, 0);
  assert.equal(goldN, 29);
  assert.ok(correct / goldN >= 0.95, `recall ${correct}/${goldN}`);
});

Deno.test("gold: direct-quote speaker accuracy ≥ 0.9", () => {
  const q = scoreQuotes(gold.quotes, extraction);
  console.log(
    `\nquotes: found ${q.found}/${gold.quotes.length}, kind right ${q.kindCorrect}, direct speakers ${q.directSpeakerCorrect}/${q.directSpeakers}, partial speakers ${q.partialSpeakerCorrect}/${q.partialSpeakers}\n${
      q.misses.join("\n")
    }`,
  );
  assert.equal(q.directSpeakers, 11);
  // Not a target of the issue, pinned so a change shows: partial quotes' speakers and all kinds.
  assert.deepEqual([q.partialSpeakerCorrect, q.partialSpeakers], [13, 13]);
  assert.equal(q.kindCorrect, 34);
  assert.equal(q.found, gold.quotes.length);
  assert.ok(q.directSpeakerCorrect / q.directSpeakers >= 0.9);
});
