import assert from "node:assert/strict";
import fc from "fast-check";
import { termFlags } from "../../src/cli/options.ts";
import { renderSummary } from "../../src/cli/summary.ts";
import { countTerms } from "../../src/stats/terms.ts";
import { SpellingDataSchema, spellingTally, spellingVariants } from "../../src/text/spelling.ts";
import { summaryTally } from "../../src/text/summary.ts";
import variantData from "../../data/spelling/variants.json" with { type: "json" };
import { analysisOf } from "./helpers.ts";

const BRITISH = "Critics said the colour of the new centre was wrong.\n\n" +
  "Prices rose 5 per cent after the Labour minister spoke.";
const AMERICAN = "Critics said the color of the new center was wrong.\n\n" +
  "Prices rose 5 percent after the Labor minister spoke.";

Deno.test("spelling variants: pairs the other variety's speller rejects, and only those", () => {
  const us = spellingVariants("american").words;
  assert.equal(us.get("colour"), "color");
  assert.equal(us.get("programme"), "program");
  assert.equal(us.get("organised"), "organized");
  // Words both varieties write stay: a plural noun, a metric unit, a word of both.
  for (const w of ["analyses", "tonne", "dialogue", "gauge", "buses"]) {
    assert.equal(us.get(w), undefined, w);
  }
  const uk = spellingVariants("british").words;
  assert.equal(uk.get("color"), "colour");
  assert.equal(uk.get("center"), "centre");
  for (const w of ["program", "license", "practice"]) assert.equal(uk.get(w), undefined, w);
  // The % sign's words are no term in either variety.
  assert.equal(us.get("percent"), "");
  assert.equal(uk.get("pct"), "");
  assert.ok(spellingVariants("american").phrases.get("per")?.has("cent"));
  assert.equal(Object.keys(variantData.american).length, 1671);
  assert.equal(Object.keys(variantData.british).length, 1610);
});

Deno.test("spelling data: the schema refuses a pair that is not two lower-case words", () => {
  const bad = { ...variantData, american: { Colour: "color" } };
  assert.equal(SpellingDataSchema.safeParse(bad).success, false);
  assert.equal(SpellingDataSchema.safeParse(variantData).success, true);
});

Deno.test("terms --spelling american: British and American articles count the same terms", () => {
  const analysis = analysisOf([BRITISH, AMERICAN]);
  const asWritten = countTerms(analysis, { ngrams: [1, 2] }).counts;
  assert.equal(asWritten[0].get("colour"), 1);
  // The % sign's words are no term as written either (see the terms tests).
  assert.equal(asWritten[0].get("cent"), undefined);
  assert.equal(asWritten[1].get("percent"), undefined);
  assert.equal(asWritten[0].get("rose"), 1);
  const [uk, us] = countTerms(analysis, { ngrams: [1, 2], spelling: "american" }).counts;
  assert.equal(uk.get("color"), 1);
  assert.equal(uk.get("center"), 1);
  assert.equal(uk.has("colour"), false);
  // "per cent" and "percent" are no term (the sign "%" is none either).
  for (const t of ["per", "cent", "percent", "per cent"]) {
    assert.equal(uk.has(t) || us.has(t), false, t);
  }
  // A capitalised word inside a sentence is a name: "Labour" (the party) stays as written.
  assert.equal(uk.get("labour"), 1);
  assert.equal(uk.get("labour minister"), 1);
  assert.equal(us.get("labor"), 1);
  const withoutNames = (m: Map<string, number>) =>
    [...m].filter(([t]) => !/labou?r/.test(t)).sort((a, b) => a[0] < b[0] ? -1 : 1);
  assert.deepEqual(withoutNames(uk), withoutNames(us));
  // Stems: the respelt word is stemmed as the variety writes it.
  const stems = countTerms(analysis, { ngrams: [1], form: "stem", spelling: "british" }).counts;
  assert.equal(stems[1].get("centr"), 1);
  assert.equal(stems[0].get("centr"), 1);
});

Deno.test("property: British text counted American gives the terms of its American respelling", () => {
  const pairs = Object.entries(variantData.american).slice(0, 400);
  const plain = ["the", "budget", "report", "said", "council", "new", "plan", "city"];
  const word = fc.oneof(
    fc.constantFrom(...pairs.map((p) => p[0])),
    fc.constantFrom(...plain),
  );
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
      const british = "Note: " + words.join(" ") + ".";
      const american = "Note: " + words.map((w) =>
        variantData.american[w as never] ?? w
      ).join(" ") +
        ".";
      const [a, b] = countTerms(analysisOf([british, american]), {
        ngrams: [1, 2],
        spelling: "american",
      }).counts;
      assert.deepEqual([...a].sort(), [...b].sort());
    }),
    { numRuns: 300 },
  );
});

Deno.test("spelling tally and the summary line: outlets of both varieties are named", () => {
  const analysis = analysisOf(
    [
      BRITISH + " The programme was organised in the centre.",
      AMERICAN + " Its center was a theater.",
    ],
    ["London Daily", "New York Daily"],
  );
  const tally = spellingTally(analysis.tokens);
  assert.deepEqual(tally.get("London Daily"), { british: 5, american: 0 });
  assert.deepEqual(tally.get("New York Daily"), { british: 0, american: 4 });
  const summary = summaryTally(analysis.articles, analysis.sentences, analysis.tokens);
  const text = renderSummary(summary, [], []);
  assert.match(text, /spelling: British in London Daily; American in New York Daily\n/);
  assert.match(text, /--spelling american/);
  // One variety only: no line.
  const one = analysisOf([AMERICAN, AMERICAN], ["X", "Y"]);
  assert.doesNotMatch(
    renderSummary(summaryTally(one.articles, one.sentences, one.tokens), [], []),
    /spelling:/,
  );
});

Deno.test("--spelling flag: the three values, and a mistake is one line", () => {
  assert.deepEqual(termFlags(undefined, undefined, "american"), { spelling: "american" });
  assert.deepEqual(termFlags(undefined, undefined, "as-written"), { spelling: "as-written" });
  assert.throws(
    () => termFlags(undefined, undefined, "canadian"),
    /^UsageError: --spelling takes as-written, american or british \(got "canadian"\)$/m,
  );
});
