import assert from "node:assert/strict";
import fc from "fast-check";
import { compileMeasureWords } from "../../src/extract/figures/measure.ts";
import { compilePeriodWords } from "../../src/extract/figures/period.ts";
import type { Figure } from "../../src/extract/figures.ts";
import { extractText } from "./helpers.ts";

/** Amounts (money, percent, quantity, count) as [text, kind, value, unit, per, period, measure]. */
const amounts = (text: string) =>
  extractText(text).figures.filter((f) =>
    ["money", "percent", "quantity", "count"].includes(f.kind)
  )
    .map((f: Figure) => [f.text, f.kind, f.value, f.unit, f.per, f.period, f.measure]);

Deno.test("periods: a quarter's earnings per share against the year's, as earnings reports write them", () => {
  assert.deepEqual(
    amounts(
      "The company earned $1.97 a share in the quarter, and $6.30 a share for the year. " +
        "Revenue was $14.6 billion in the third quarter, and $58 billion for 2024.",
    ),
    [
      ["$1.97", "money", 1.97, "USD", "share", "quarter", null],
      ["$6.30", "money", 6.3, "USD", "share", "year", null],
      ["$14.6 billion", "money", 14.6e9, "USD", null, "Q3", "revenue"],
      ["$58 billion", "money", 58e9, "USD", null, "2024", null],
    ],
  );
  // The year and the ordinal only date the amounts: they are compared through them.
  const dating = extractText(
    "Revenue was $14.6 billion in the third quarter, and $58 billion for 2024.",
  )
    .figures.filter((f) => f.kind === "year" || f.kind === "ordinal").map((
      f,
    ) => [f.text, f.measure]);
  assert.deepEqual(dating, [["third", "period"], ["2024", "period"]]);
});

Deno.test("periods: modifiers before the figure, ranges, and the year-ago base of a change", () => {
  assert.deepEqual(
    amounts(
      "Delta forecast fourth-quarter adjusted earnings of $1.60 to $1.90 per share. " +
        "It kept its full-year earnings forecast of about $6 per share. " +
        "Net income rose to $1.4 billion, or $2.17 a share, from $1.27 billion, or $1.97 a share, a year earlier. " +
        "The firm posted fiscal 2025 sales of $12 billion, up from $11 billion in fiscal 2024.",
    ),
    [
      // Forecasts: another quantity than the results.
      ["$1.60", "money", 1.6, "USD", "share", "Q4", "expected adjusted profit"],
      ["$1.90", "money", 1.9, "USD", "share", "Q4", "expected adjusted profit"],
      ["$6", "money", 6, "USD", "share", "year", "expected profit"],
      ["$1.4 billion", "money", 1.4e9, "USD", null, null, "net profit"],
      ["$2.17", "money", 2.17, "USD", "share", null, "net profit"],
      ["$1.27 billion", "money", 1.27e9, "USD", null, "year_ago", null],
      ["$1.97", "money", 1.97, "USD", "share", "year_ago", null],
      ["$12 billion", "money", 12e9, "USD", null, "FY2025", "revenue"],
      ["$11 billion", "money", 11e9, "USD", null, "FY2024", null],
    ],
  );
});

Deno.test("measures: a result against the estimate it beat, as earnings reports write both", () => {
  assert.deepEqual(
    amounts(
      "It posted adjusted earnings of $1.71 per share, compared with analysts' average estimate of $1.52. " +
        "Earnings per share: $1.71 adjusted vs. $1.52 expected. " +
        "Revenue: $15.7 billion vs. $15.5 billion expected.",
    ),
    [
      ["$1.71", "money", 1.71, "USD", "share", null, "adjusted profit"],
      ["$1.52", "money", 1.52, "USD", null, null, "expected"],
      // After the colon the clause starts anew: no measure is read across it.
      ["$1.71", "money", 1.71, "USD", null, null, null],
      ["$1.52", "money", 1.52, "USD", null, null, "expected"],
      ["$15.7 billion", "money", 15.7e9, "USD", null, null, null],
      ["$15.5 billion", "money", 15.5e9, "USD", null, null, "expected"],
    ],
  );
});

Deno.test("periods: halves, months, quarters named by their last month; a change's base is no period", () => {
  assert.deepEqual(
    amounts(
      "Sales fell 4% in the first half of 2024, and rose 2% in the second quarter from the previous quarter. " +
        "Unemployment was 4.1% in October, up from 3.9% a year earlier. " +
        "It expects revenue to grow 2% to 4% in the December quarter. " +
        "Bookings were up 8% over last year. Monthly revenue of $2 million against annual revenue of $24 million.",
    ),
    [
      ["4%", "percent", 4, "percent", null, "H1 2024", "revenue"],
      ["2%", "percent", 2, "percent", null, "Q2", null],
      ["4.1%", "percent", 4.1, "percent", null, "October", "unemployment"],
      ["3.9%", "percent", 3.9, "percent", null, "year_ago", null],
      ["2%", "percent", 2, "percent", null, "quarter to 12", "expected revenue"],
      ["4%", "percent", 4, "percent", null, "quarter to 12", "expected revenue"],
      ["8%", "percent", 8, "percent", null, null, null],
      // "annual" belongs to the second figure: the first is no rate per year.
      ["$2 million", "money", 2e6, "USD", null, "month", "revenue"],
      ["$24 million", "money", 24e6, "USD", null, "year", "revenue"],
    ],
  );
});

Deno.test("measures: the level a change reached measures what the change measured", () => {
  assert.deepEqual(
    amounts(
      "Revenue rose 6% to $14.8 billion in the third quarter. Fuel costs fell 12% to $2.6 billion.",
    ),
    [
      ["6%", "percent", 6, "percent", null, null, "revenue"],
      ["$14.8 billion", "money", 14.8e9, "USD", null, "Q3", "revenue"],
      ["12%", "percent", 12, "percent", null, null, "costs"],
      ["$2.6 billion", "money", 2.6e9, "USD", null, null, "costs"],
    ],
  );
});

Deno.test("periods: a yearly rate is no period of its own ('in annual savings' is 'a year')", () => {
  assert.deepEqual(
    amounts(
      "It expects $380 million in annual cost savings. It expects savings of 350 million euros a year.",
    ),
    [
      ["$380 million", "money", 380e6, "USD", "year", null, "expected"],
      ["350 million euros", "money", 350e6, "EUR", "year", null, "expected"],
    ],
  );
});

Deno.test("counts: death tolls and casualties with no counted noun", () => {
  assert.deepEqual(
    amounts(
      "The death toll from the typhoon in the central provinces rose to 46 on Wednesday, with 21 people still missing. " +
        "The toll climbed to 46, officials said. " +
        "The storm struck on Tuesday, killing at least 12 and leaving 3 people injured. " +
        "At least 46 dead and 200 injured after the quake. " +
        "At least 42 people have been killed, officials say.",
    ),
    [
      ["46", "count", 46, "people", null, null, "dead"],
      ["21 people", "count", 21, "people", null, null, "missing"],
      ["46", "count", 46, "people", null, null, "dead"],
      ["12", "count", 12, "people", null, null, "dead"],
      ["3 people", "count", 3, "people", null, null, "injured"],
      ["46 dead", "count", 46, "people", null, null, "dead"],
      ["200 injured", "count", 200, "people", null, null, "injured"],
      ["42 people", "count", 42, "people", null, null, "dead"],
    ],
  );
});

Deno.test("counts: arrests and injuries after an auxiliary; the base of a change counts the same noun", () => {
  assert.deepEqual(
    amounts(
      "Police said 14 were arrested and two officers were hurt during the protest. " +
        "At least 1,000 were feared dead, according to the Red Cross. " +
        "The number of dead rose to 120 by Friday. " +
        "Labour won 412 seats, up from 202 in 2019.",
    ),
    [
      ["14", "count", 14, "people", null, null, "arrested"],
      // The state after the count, not the verb before it ("arrested"), is what it measures.
      ["two officers", "count", 2, "officers", null, null, "injured"],
      ["1,000", "count", 1000, "people", null, null, "dead"],
      ["120", "count", 120, "people", null, null, "dead"],
      ["412 seats", "count", 412, "seats", null, null, null],
      ["202", "count", 202, "seats", null, "2019", null],
    ],
  );
});

Deno.test("counts: scores, votes, ages, ranks and years are no counts", () => {
  const x = extractText(
    "Arsenal won 3-1 at home, while Chelsea lost 2-0. The Senate passed the bill 52-48 on Thursday. " +
      "The jury voted 10 to 2 to convict. Sinner, the No. 3 seed, beat the world No. 1 in three sets. " +
      "In 2013, the typhoon killed more than 6,300 people. The report covered 2019 to 2023.",
  );
  assert.deepEqual(x.figures.map((f) => [f.text, f.kind, f.value, f.unit]), [
    // Tallies are scores (their larger side), not two counts; "10 to 2" is read as neither.
    ["3-1", "score", 3, "score"],
    ["2-0", "score", 2, "score"],
    ["52-48", "score", 52, "votes"],
    ["Thursday", "date", null, "day"],
    ["3", "ordinal", 3, null],
    ["1", "ordinal", 1, null],
    ["three sets", "count", 3, "sets"],
    ["2013", "year", 2013, null],
    ["6,300 people", "count", 6300, "people"],
    ["2019", "year", 2019, null],
    ["2023", "year", 2023, null],
  ]);
  // "killing" three words back, past "more than": the 6,300 were killed.
  assert.equal(x.figures.find((f) => f.text === "6,300 people")?.measure, "dead");
});

Deno.test("periods and measures: a bad data file is a readable error", () => {
  assert.throws(() => compilePeriodWords({ phrases: {} }, "my/periods.json"), /my\/periods\.json/);
  assert.throws(
    () => compileMeasureWords({ measures: 3 }, "my/measures.json"),
    /my\/measures\.json/,
  );
});

// Properties of the period reading, over any quarter, half, year and relative wording.
const ORDINALS = ["first", "second", "third", "fourth"];
const periodOf = (text: string, figure: string) =>
  extractText(text).figures.find((f) => f.text === figure)?.period;
const year = fc.integer({ min: 1900, max: 2099 });
const cents = fc.integer({ min: 1, max: 99_999 }).map((c) => `$${(c / 100).toFixed(2)}`);

Deno.test("property: 'in the Nth quarter (of YEAR)' after a figure, or 'Nth-quarter' before it, is QN (YEAR)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.option(year, { nil: null }),
      cents,
      fc.boolean(),
      (n, y, money, glued) => {
        const of = y === null ? "" : ` of ${y}`;
        const want = `Q${n}${y === null ? "" : ` ${y}`}`;
        const quarter = glued
          ? `Q${n}${y === null ? "" : ` ${y}`}`
          : `the ${ORDINALS[n - 1]} quarter${of}`;
        assert.equal(periodOf(`Profit was ${money} a share in ${quarter}, it said.`, money), want);
        assert.equal(
          periodOf(`Its ${ORDINALS[n - 1]}-quarter profit was ${money} a share.`, money),
          `Q${n}`,
        );
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("property: a year, a fiscal year and 'FYyy' name the year; the first and second half are H1, H2", () => {
  fc.assert(
    fc.property(year, cents, fc.integer({ min: 1, max: 2 }), (y, money, h) => {
      assert.equal(periodOf(`Sales were ${money} for ${y}.`, money), String(y));
      assert.equal(periodOf(`Sales were ${money} in fiscal ${y}.`, money), `FY${y}`);
      assert.equal(periodOf(`Sales were ${money} in the ${ORDINALS[h - 1]} half.`, money), `H${h}`);
      if (y >= 2000) {
        assert.equal(periodOf(`FY${String(y).slice(2)} sales were ${money}.`, money), `FY${y}`);
      }
    }),
    { numRuns: 60 },
  );
});

const RELATIVE: [string, string][] = [
  ["a year earlier", "year_ago"],
  ["a year ago", "year_ago"],
  ["last year", "last_year"],
  ["this year", "this_year"],
  ["so far this year", "ytd"],
  ["the previous quarter", "last_quarter"],
];

Deno.test("property: a relative period right after a figure is its own; after 'from' or 'over' it is a base", () => {
  fc.assert(
    fc.property(fc.constantFrom(...RELATIVE), cents, cents, ([phrase, code], a, b) => {
      fc.pre(a !== b);
      assert.equal(periodOf(`Costs were ${a} ${phrase}.`, a), code);
      // The change is measured against the period, not stated for it.
      assert.equal(periodOf(`Costs rose to ${a} from ${phrase}.`, a), null);
      assert.equal(periodOf(`Costs rose 3% to ${a} over ${phrase}.`, a), null);
      // The base figure after "from" gets the period written after it, not the first one's.
      assert.equal(periodOf(`Costs rose to ${a} from ${b} ${phrase}.`, a), null);
      assert.equal(periodOf(`Costs rose to ${a} from ${b} ${phrase}.`, b), code);
    }),
    { numRuns: 60 },
  );
});

Deno.test("property: the period of a clause does not leak past a clause's end or another amount", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), cents, cents, (n, a, b) => {
      fc.pre(a !== b);
      const q = `the ${ORDINALS[n - 1]} quarter`;
      assert.equal(periodOf(`Profit was ${a}; in ${q} it was ${b}.`, a), null);
      assert.equal(periodOf(`Profit was ${a}; in ${q} it was ${b}.`, b), `Q${n}`);
      assert.equal(periodOf(`It paid ${a} and sold ${b} in ${q}.`, a), null);
      // A range shares its period: "between $a and $b in the quarter".
      assert.equal(periodOf(`Profit was between ${a} and ${b} in ${q}.`, a), `Q${n}`);
    }),
    { numRuns: 60 },
  );
});
