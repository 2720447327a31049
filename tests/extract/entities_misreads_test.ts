/**
 * The recogniser's misreadings corrected by general evidence, each from the non-seed news of the
 * fresh-eyes check: a person the institution is named after ("Andy Warhol" beside the "Andy
 * Warhol Foundation"), a one-word "person" where only an organisation can be ("founder of
 * Fundsmith", "Fitbit and Garmin"), a financial measure's initials ("EBITDA").
 * @module
 */
import assert from "node:assert/strict";
import { extractText } from "./helpers.ts";

/** "text|entity|type" of every mention. */
function rows(text: string): string[] {
  return extractText(text).entities.map((e) => `${e.text}|${e.entity}|${e.type}`);
}

Deno.test("misreads: a full name beside an institution named after the person stays the person", () => {
  assert.deepEqual(
    rows(
      "The Polaroids were donated by the Andy Warhol Foundation for the Visual Arts. " +
        "Everybody knows Andy Warhol. Warhol was a legend.",
    ),
    [
      "Andy Warhol Foundation|Andy Warhol Foundation|ORG",
      "Andy Warhol|Andy Warhol|PERSON",
      "Warhol|Andy Warhol|PERSON",
    ],
  );
});

Deno.test("misreads: a one-word person after 'founder of' or joined by 'and' to a company is an organisation", () => {
  assert.deepEqual(
    rows(
      "'They have paid a full price,' said Terry Smith, founder of Fundsmith, a top-10 shareholder.",
    ),
    ["Terry Smith|Terry Smith|PERSON", "Fundsmith|Fundsmith|ORG"],
  );
  assert.deepEqual(rows("Two authors reported consulting fees from Fitbit and Garmin."), [
    "Fitbit|Fitbit|ORG",
    "Garmin|Garmin|ORG",
  ]);
  // A comma is no such join: a person may open the next clause.
  assert.deepEqual(rows("Prior to his time in Congress, Chapin served as a delegate."), [
    "Congress|Congress|ORG",
    "Chapin|Chapin|PERSON",
  ]);
});

Deno.test("misreads: a financial measure's initials are no organisation", () => {
  assert.deepEqual(
    rows(
      "The deal will push Unilever's net debt to about 2.6 times EBITDA, from 1.9 times. GDP grew 2%.",
    ),
    ["Unilever|Unilever|ORG"],
  );
});
