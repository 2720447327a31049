/**
 * Where a reported clause starts and ends: a noun after "promised", "warned" followed by a verb
 * is the clause's subject, not a listener ("promising a “formal update” from Braverman is
 * forthcoming" lost its "a" and its opening mark); a quotation at either end of the clause keeps
 * both its marks.
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractText } from "./helpers.ts";

/** "speaker|clause" of every attribution. */
function clauses(text: string): string[] {
  return extractText(text).attributions.map((a) => `${a.speaker ?? ""}|${a.text}`);
}

Deno.test("reported clause: a subject after a verb that may take a listener is the clause's", () => {
  assert.deepEqual(
    clauses(
      'Rishi Sunak defended the record whilst promising a "formal update" from Suella Braverman is forthcoming.',
    ),
    ['Rishi Sunak|a "formal update" from Suella Braverman is forthcoming'],
  );
  assert.deepEqual(clauses("Jane Smith promised the review is coming."), [
    "Jane Smith|the review is coming",
  ]);
  assert.deepEqual(clauses("Jane Smith warned investors were nervous."), [
    "Jane Smith|investors were nervous",
  ]);
  // A listener stays a listener.
  assert.deepEqual(clauses("Jane Smith told the court he had lied."), ["Jane Smith|he had lied"]);
  assert.deepEqual(clauses("Jane Smith told reporters the vote was close."), [
    "Jane Smith|the vote was close",
  ]);
});

Deno.test("reported clause: a quotation opening or closing the clause keeps both marks", () => {
  assert.deepEqual(clauses('Tom Jones said "the plan" is dead.'), ['Tom Jones|"the plan" is dead']);
  assert.deepEqual(clauses("Tom Jones said “the plan” is dead."), ["Tom Jones|“the plan” is dead"]);
  assert.deepEqual(clauses('Tom Jones said the party had backed it "for months."'), [
    'Tom Jones|the party had backed it "for months."',
  ]);
  // A quotation wholly inside, or none, is as before.
  assert.deepEqual(clauses('Tom Jones said the "plan" is dead.'), ['Tom Jones|the "plan" is dead']);
  assert.deepEqual(clauses("Tom Jones said the plan is dead."), ["Tom Jones|the plan is dead"]);
});

Deno.test("reported clause (property): marks of a quotation at the clause's start stay paired", () => {
  const word = fc.constantFrom("plan", "vote", "budget", "review", "deal", "offer");
  const mark = fc.constantFrom(['"', '"'], ["“", "”"]);
  fc.assert(
    fc.property(word, word, mark, (a, b, [open, close]) => {
      const clause = `${open}the ${a}${close} for the ${b} is dead`;
      assert.deepEqual(clauses(`Tom Jones said ${clause}.`), [`Tom Jones|${clause}`]);
    }),
    { numRuns: 30 },
  );
});

Deno.test("reported clause: 'accused of' right after a noun is a participle, no speech", () => {
  // Reuters on a fraud sentencing (fresh2): the office was the speaker of "of stealing ...".
  assert.deepEqual(
    clauses(
      "The case is one of several the U.S. Attorney's Office for the Southern District of New York " +
        "has brought against financial advisers accused of stealing from retirees.",
    ),
    [],
  );
});

Deno.test("reported clause: 'conceded a penalty' gives up a thing and reports nothing; 'conceded that' reports", () => {
  // Wikinews on a World Cup match (dev split): an extra statement "a penalty which ...".
  assert.deepEqual(
    clauses("Kim Min-Woo conceded a penalty which the referee awarded Sweden."),
    [],
  );
  assert.deepEqual(
    clauses("Jane Smith conceded that the plan failed. Tom Jones conceded he had erred."),
    [
      "Jane Smith|the plan failed",
      "Tom Jones|he had erred",
    ],
  );
});
