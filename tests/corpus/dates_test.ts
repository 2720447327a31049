import assert from "node:assert/strict";
import fc from "fast-check";
import { parseDate } from "../../src/corpus/dates.ts";
import { detectLanguage } from "../../src/corpus/language.ts";

Deno.test("parseDate reads the common unambiguous forms into the day written", () => {
  const cases: [string, string][] = [
    ["2024-03-05", "2024-03-05"],
    ["2024-03-05T23:30:00-05:00", "2024-03-05"],
    ["2024-03-05 10:00Z", "2024-03-05"],
    ["2024/03/05", "2024-03-05"],
    ["2024.3.5", "2024-03-05"],
    ["March 5, 2024", "2024-03-05"],
    ["Mar. 5, 2024", "2024-03-05"],
    ["mar 5 2024", "2024-03-05"],
    ["Sept. 30, 2023", "2023-09-30"],
    ["Tuesday, March 5th, 2024", "2024-03-05"],
    ["March 5, 2024 10:15 AM EST", "2024-03-05"],
    ["5 March 2024", "2024-03-05"],
    ["5th of March, 2024", "2024-03-05"],
    ["Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"],
    ["Tue, 5 Mar 2024 23:59:59 +0000", "2024-03-05"],
    ["  29 February 2024 ", "2024-02-29"],
  ];
  for (const [written, iso] of cases) assert.deepEqual(parseDate(written), { date: iso }, written);
});

Deno.test("parseDate refuses ambiguous, impossible and unknown dates, saying what to write", () => {
  assert.deepEqual(parseDate("03/05/2024"), {
    problem:
      'is ambiguous: "03/05/2024" is 5 March 2024 (month first) or 3 May 2024 (day first); ' +
      "write 2024-03-05 or 2024-05-03",
  });
  assert.deepEqual(parseDate("13/05/2024"), {
    problem: '"13/05/2024" is all numbers with the year last, which the kit does not read (the ' +
      "order of day and month differs between files); write 2024-05-13",
  });
  assert.deepEqual(parseDate("3/5/24"), {
    problem: '"3/5/24" has a two-digit year; write it as YYYY-MM-DD with all four digits',
  });
  assert.deepEqual(parseDate("February 30, 2024"), {
    problem: '"February 30, 2024" is not a real calendar date',
  });
  assert.deepEqual(parseDate("29 Feb 2023"), {
    problem: '"29 Feb 2023" is not a real calendar date',
  });
  assert.deepEqual(parseDate("Smarch 5, 2024"), {
    problem:
      '"Smarch 5, 2024" is not a date the kit reads; write it as YYYY-MM-DD (such as 2024-03-05)',
  });
});

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** A real day between the years 1000 and 2999. */
const realDay = fc.date({
  min: new Date("1000-01-01T00:00:00Z"),
  max: new Date("2999-12-31T00:00:00Z"),
  noInvalidDate: true,
});

Deno.test("property: every supported way of writing a real day reads back as that day", () => {
  fc.assert(
    fc.property(realDay, fc.integer({ min: 0, max: 6 }), (t, form) => {
      const y = t.getUTCFullYear();
      const m = t.getUTCMonth();
      const d = t.getUTCDate();
      const iso = t.toISOString().slice(0, 10);
      const month = MONTHS[m];
      const written = [
        `${month} ${d}, ${y}`,
        `${month.slice(0, 3)}. ${d} ${y}`,
        `${d} ${month} ${y}`,
        `${WEEKDAYS[t.getUTCDay()]}, ${String(d).padStart(2, "0")} ${
          month.slice(0, 3)
        } ${y} 10:00:00 GMT`,
        `${y}/${m + 1}/${d}`,
        `${iso}T12:00:00+05:30`,
        `${WEEKDAYS[t.getUTCDay()]}day, ${month} ${d}th, ${y}`,
      ][form];
      assert.deepEqual(parseDate(written), { date: iso }, written);
    }),
    { numRuns: 500 },
  );
});

Deno.test("property: an all-number date with the year last is never read as a day", () => {
  fc.assert(
    fc.property(realDay, fc.constantFrom("/", ".", "-"), (t, sep) => {
      const written = [t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCFullYear()].join(sep);
      const reading = parseDate(written);
      assert.ok("problem" in reading, written);
      // Both readings are offered when both are real days, so the user picks, not the kit.
      if (t.getUTCDate() <= 12 && t.getUTCDate() !== t.getUTCMonth() + 1) {
        assert.match(reading.problem, /^is ambiguous/);
      }
    }),
    { numRuns: 300 },
  );
});

Deno.test("property: any text reads as a real ISO day or as a problem, never throws", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (s) => {
      const reading = parseDate(s);
      if ("date" in reading) {
        assert.match(reading.date, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(
          new Date(`${reading.date}T00:00:00Z`).toISOString().slice(0, 10),
          reading.date,
        );
      } else assert.ok(reading.problem.length > 0);
    }),
    { numRuns: 1000 },
  );
});

Deno.test("detectLanguage: English and German news text; null when too short to tell", () => {
  const english = "The city council approved a new budget on Tuesday after a long debate about " +
    "schools, roads and the cost of public transport, officials said on Wednesday.";
  const german = "Die Regierung hat am Dienstag einen neuen Haushalt beschlossen, nach einer " +
    "langen Debatte über Schulen, Straßen und die Kosten des Nahverkehrs, sagte der Minister.";
  assert.equal(detectLanguage(english), "en");
  assert.equal(detectLanguage(german), "de");
  // tinyld calls one word "Hello" Italian: below 20 words the kit does not ask it.
  assert.equal(detectLanguage("Hello"), null);
  assert.equal(detectLanguage("Le président a annoncé mardi un plan."), null);
});

Deno.test("detectLanguage: plain English that character n-grams misread is English", () => {
  // A UK Foreign Office statement (re3d, Open Government Licence v3.0): tinyld alone says "eo".
  const statement = "This is a significant day; Sinjar has been liberated after its violent and " +
    "unwanted occupation by the terrorist group ISIL. I commend Kurdish and Yezidi fighters for " +
    "their determined and sustained efforts to reclaim the town. For ISIL, this means yet another " +
    "military defeat in Iraq.";
  assert.equal(detectLanguage(statement), "en");
  const french = "Le gouvernement a adopté mardi un nouveau budget après un long débat sur les " +
    "écoles, les routes et le coût des transports publics, a déclaré le ministre mercredi soir.";
  const spanish = "El gobierno aprobó el martes un nuevo presupuesto tras un largo debate sobre " +
    "las escuelas, las carreteras y el costo del transporte público, dijo el ministro.";
  assert.equal(detectLanguage(french), "fr");
  assert.equal(detectLanguage(spanish), "es");
});
