import assert from "node:assert/strict";
import defaultsPeriods from "../../data/figures/periods.json" with { type: "json" };
import defaultsMeasures from "../../data/figures/measures.json" with { type: "json" };
import { compileMeasureWords, loadMeasureWordsFile } from "../../src/extract/figures/measure.ts";
import { compilePeriodWords, loadPeriodWordsFile } from "../../src/extract/figures/period.ts";
import { FigureDataError } from "../../src/extract/figures/scan.ts";
import { extractText } from "./helpers.ts";

/** Writes JSON (or any text) to a fresh file under /tmp; its path. */
function tempFile(content: unknown): string {
  const path = Deno.makeTempFileSync({ dir: "/tmp", suffix: ".json" });
  Deno.writeTextFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const SENTENCE = "Attendance reached 45,000 fans in the season, and ticket revenue rose 8%.";

/** The amounts' [text, period, measure] with these options. */
const terms = (options = {}) =>
  extractText(SENTENCE, options).figures.filter((f) => f.kind === "count" || f.kind === "percent")
    .map((f) => [f.text, f.period, f.measure]);

Deno.test("options: a user's periods.json and measures.json reach the figures through ExtractOptions", () => {
  // The shipped words know no season and no attendance.
  assert.deepEqual(terms(), [["45,000 fans", null, null], ["8%", null, "revenue"]]);
  const periods = tempFile({
    ...defaultsPeriods,
    phrases: { ...defaultsPeriods.phrases, "the season": "season" },
  });
  const measures = tempFile({
    ...defaultsMeasures,
    measures: { ...defaultsMeasures.measures, attendance: "attendance" },
  });
  assert.deepEqual(
    terms({
      figurePeriods: loadPeriodWordsFile(periods),
      figureMeasures: loadMeasureWordsFile(measures),
    }),
    [["45,000 fans", "season", "attendance"], ["8%", null, "revenue"]],
  );
});

Deno.test("options: the shipped files load through the same schema; a bad file is one line naming file and field", () => {
  assert.doesNotThrow(() => loadPeriodWordsFile("data/figures/periods.json"));
  assert.doesNotThrow(() => loadMeasureWordsFile("data/figures/measures.json"));
  const bad = tempFile({ ...defaultsPeriods, prepositions: "in" });
  assert.throws(() => loadPeriodWordsFile(bad), (e: Error) => {
    assert.ok(e instanceof FigureDataError);
    assert.match(e.message, new RegExp(`^${bad}: prepositions: `));
    assert.ok(!e.message.includes("\n"));
    return true;
  });
  const noMeasures = tempFile({ ...defaultsMeasures, measures: undefined });
  assert.throws(() => loadMeasureWordsFile(noMeasures), /: measures: /);
  assert.throws(() => loadMeasureWordsFile(tempFile("{ not json")), /not valid JSON/);
  assert.throws(
    () => loadPeriodWordsFile("/tmp/no/such/periods.json"),
    /cannot read the period words/,
  );
  // Compiled in place, the same checks.
  assert.throws(
    () => compilePeriodWords({ phrases: {} }, "mine.json"),
    /^FigureDataError|mine\.json: /,
  );
  assert.throws(
    () => compileMeasureWords({ ...defaultsMeasures, after: [""] }, "m.json"),
    /m\.json: after\.0: /,
  );
});
