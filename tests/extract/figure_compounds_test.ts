import assert from "node:assert/strict";
import fc from "fast-check";
import type { Figure } from "../../src/extract/figures.ts";
import { extractText } from "./helpers.ts";

/** [text, kind, value, unit, rawUnit] of every figure but dates, years and ordinals. */
const figures = (text: string) =>
  extractText(text).figures.filter((f: Figure) => !["date", "year", "ordinal"].includes(f.kind))
    .map((f: Figure) => [f.text, f.kind, f.value, f.unit, f.rawUnit]);

/** The amounts' [text, period, measure]. */
const terms = (text: string) =>
  extractText(text).figures.filter((f) =>
    ["money", "percent", "quantity", "count"].includes(f.kind)
  ).map((f) => [f.text, f.period, f.measure]);

Deno.test("compounds: a number, a hyphen and a singular noun before another word count that noun", () => {
  // Wikinews writes the hyphen spaced ("six - member"); wires glue it.
  assert.deepEqual(figures("The six - member Afghan team won a silver medal."), [
    ["six - member", "count", 6, "members", "member"],
  ]);
  assert.deepEqual(figures("They scored for the three-nation alliance."), [
    ["three-nation", "count", 3, "nations", "nation"],
  ]);
  assert.deepEqual(figures("A 300-bed hospital and a two-party system."), [
    ["300-bed", "count", 300, "beds", "bed"],
    ["two-party", "count", 2, "parties", "party"],
  ]);
  assert.deepEqual(figures("A 10-man Chelsea held on."), [["10-man", "count", 10, "men", "man"]]);
  // An age and a span are durations, as before; a unit is no counted noun.
  assert.deepEqual(figures("The 25-year-old winger ran a 50-mile race."), [
    ["25-year-old", "duration", 25, "year", "year-old"],
  ]);
});

Deno.test("ages: 'a 25-year-old' is a duration measured 'age', compared only with ages", () => {
  assert.deepEqual(
    extractText("The 25-year-old winger signed a 25-year contract.").figures.map((f) => [
      f.text,
      f.rawUnit,
      f.measure,
    ]),
    [["25-year-old", "year-old", "age"], ["25-year", "year", null]],
  );
});

Deno.test("compounds: adjectives, ranks, multiples and ratings count nothing", () => {
  for (
    const text of [
      "A 1,000-strong crowd gathered.",
      "The two-time champion lost.",
      "She earns a six-figure salary.",
      "A three-pronged attack began.",
      "It is a two-dimensional image.",
      "Sales rose 18-fold last year.",
      "A five-star hotel opened.",
      "The 2016-era rules stand.",
      "The No. 3-seed advanced.",
      "The six-member",
    ]
  ) {
    assert.deepEqual(figures(text).filter((f) => f[1] === "count"), [], text);
  }
});

Deno.test("multiples: 'times' after a number is no count", () => {
  assert.deepEqual(
    figures("The deal will push net debt to about 2.6 times EBITDA, from 1.9 times."),
    [],
  );
  assert.deepEqual(figures("The storm dumped 1.5 times the usual monthly rainfall."), []);
  assert.deepEqual(figures("He visited a couple of times."), []);
});

Deno.test("a couple of: 2 of its noun, a time span as a duration, nothing without 'of' and a noun", () => {
  assert.deepEqual(figures("IE was a couple of points behind Safari."), [
    ["a couple of points", "count", 2, "points", "points"],
  ]);
  assert.deepEqual(figures("It rained for a couple of weeks."), [
    ["a couple of weeks", "duration", 2, "week", "weeks"],
  ]);
  assert.deepEqual(figures("Hundreds of years passed."), [
    ["Hundreds of years", "duration", 100, "year", "years"],
  ]);
  assert.deepEqual(figures("A couple who met online married."), []);
  // "a couple of hundred" is about 200, not two; "scores of two" is no count of scores.
  assert.deepEqual(figures("A couple of hundred people came.").filter((f) => f[2] === 2), []);
  assert.deepEqual(figures("He wrote scores of two further symphonies.").map((f) => f[0]), []);
});

Deno.test("groups: a bare number beside a crowd or a population counts people", () => {
  assert.deepEqual(figures("The match drew a crowd of 60,383 at Emirates Stadium."), [
    ["60,383", "count", 60383, "people", "crowd"],
  ]);
  assert.deepEqual(figures("Saka sparked celebrations among the 60,383 crowd."), [
    ["60,383 crowd", "count", 60383, "people", "crowd"],
  ]);
  assert.deepEqual(figures("The city has a population of 1.2 million."), [
    ["1.2 million", "count", 1200000, "people", "population"],
  ]);
  // A noun after the number is what is counted; a year is no count.
  assert.deepEqual(figures("A crowd of 2,000 fans waited."), [
    ["2,000 fans", "count", 2000, "fans", "fans"],
  ]);
  assert.deepEqual(figures("It was the army of 1812.").filter((f) => f[1] === "count"), []);
});

Deno.test("periods: one opening the sentence, or before ', when', frames amounts far from it", () => {
  assert.deepEqual(
    terms("By 2050, undernourishment would increase by either 49 percent or by 27 percent."),
    [["49 percent", "2050", null], ["27 percent", "2050", null]],
  );
  assert.deepEqual(
    terms(
      "They estimated by 2050, increasing population would increase world food needs by 50 percent.",
    ),
    [["50 percent", "2050", null]],
  );
  assert.deepEqual(terms("This is a decrease from the year before, when it was forty percent."), [[
    "forty percent",
    "year_ago",
    null,
  ]]);
  // A count's is as often the verb's; "of" ties a period to a noun; a span is none.
  assert.deepEqual(terms("In March, the company cut 2,000 jobs."), [["2,000 jobs", null, null]]);
  assert.deepEqual(
    terms("The revenues of the last year, as reported, rose 8 per cent in the current year."),
    [["8 per cent", null, null]],
  );
  assert.deepEqual(terms("Since 2020, prices have risen 30%."), [["30%", null, null]]);
  // A month dates an event; money before a noun is a thing's size.
  assert.deepEqual(
    terms("In July, a former broker was sentenced to five years for a $9 million scheme."),
    [["$9 million", null, null]],
  );
  assert.deepEqual(terms("In 1939, Williams was awarded a $1,000 grant."), [[
    "$1,000",
    null,
    null,
  ]]);
  // A clause joined by ", and" and another date end the frame.
  assert.deepEqual(
    terms(
      "In 1959, the average family had an income of $6,520, and real wages have risen 20 percent.",
    ),
    [["$6,520", "1959", "profit"], ["20 percent", null, null]],
  );
  assert.deepEqual(
    terms("During the year, spending rose, leaving a balance on January 1, 1831 of $4,819,781."),
    [["$4,819,781", null, null]],
  );
  assert.deepEqual(terms("In 1994, only 3 percent of our classrooms were connected."), [[
    "3 percent",
    "1994",
    null,
  ]]);
  // An amount before the comma has its own period (none here); the frame is not shared.
  assert.deepEqual(terms("Revenue was $5 billion in 2019, when costs were 40%."), [
    ["$5 billion", "2019", "revenue"],
    ["40%", null, "costs"],
  ]);
});

Deno.test("measures: 'an estimated' amount is approximate, no forecast; 'is estimated at' stays one", () => {
  assert.deepEqual(
    terms("The referendums come at an estimated cost of NZ $ 26 million."),
    [["NZ $ 26 million", null, "costs"]],
  );
  assert.deepEqual(
    terms("The receipts of the current year are estimated at $24,602,230."),
    [["$24,602,230", null, "expected"]],
  );
});

/** Regular nouns a compound counts, with their plurals. */
const NOUNS: [string, string][] = [
  ["member", "members"],
  ["nation", "nations"],
  ["page", "pages"],
  ["seat", "seats"],
  ["party", "parties"],
  ["judge", "judges"],
  ["box", "boxes"],
  ["woman", "women"],
];

Deno.test("property: 'a N-noun team' is N of the noun's plural, glued or spaced, digits or words", () => {
  const spelled = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
  fc.assert(
    fc.property(
      fc.oneof(
        fc.integer({ min: 2, max: 999 }).map((n) => [String(n), n] as const),
        fc.integer({ min: 0, max: 8 }).map((k) => [spelled[k], k + 2] as const),
      ),
      fc.constantFrom(...NOUNS),
      fc.constantFrom("-", " - "),
      ([written, n], [noun, plural], dash) => {
        const compound = `${written}${dash}${noun}`;
        assert.deepEqual(figures(`They named a ${compound} panel today.`), [
          [compound, "count", n, plural, noun],
        ]);
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("property: a number before 'times' or a compound of a word that counts nothing is no count", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 99_999 }),
      fc.constantFrom("strong", "time", "fold", "figure", "odd", "plus", "digit", "star"),
      fc.boolean(),
      (n, word, decimal) => {
        const number = decimal ? `${n}.5` : n.toLocaleString("en");
        const text = `It was ${number} times the size of a ${n}-${word} field.`;
        assert.deepEqual(figures(text).filter((f) => f[1] === "count"), [], text);
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("measures: a count takes no measure of money, only a count's or an expectation", () => {
  assert.deepEqual(
    terms("Gregory Hallman was ordered to pay restitution to more than 40 victims."),
    [["40 victims", null, null]],
  );
  assert.deepEqual(
    terms("The album was certified gold for sales of 500,000 copies."),
    [["500,000 copies", null, null]],
  );
  assert.deepEqual(terms("The storm killed 42 people and injured 200 residents."), [
    ["42 people", null, "dead"],
    ["200 residents", null, "injured"],
  ]);
  assert.deepEqual(terms("The firm expects to hire 5,000 workers."), [[
    "5,000 workers",
    null,
    "expected",
  ]]);
});
