import assert from "node:assert/strict";
import fc from "fast-check";
import { collocations } from "../../src/stats/collocations.ts";
import { countTerms } from "../../src/stats/terms.ts";
import { mattr, mattrOfIds, readabilityFrame, syllables } from "../../src/stats/readability.ts";
import { seedAnalysis } from "../seeds.ts";
import { analysisOf, rowsOf } from "./helpers.ts";

Deno.test("syllables: the rule, including a known miss", () => {
  const cases: [string, number][] = [
    ["the", 1],
    ["cat", 1],
    ["happy", 2],
    ["table", 2],
    ["people", 2],
    ["make", 1],
    ["jumped", 1],
    ["development", 4],
    ["agriculture", 4],
    ["u.s.", 1],
    ["2022", 0],
    ["wanted", 1], // really 2: "-ed" after t is voiced; the rule does not know
  ];
  for (const [word, n] of cases) assert.equal(syllables(word), n, word);
});

Deno.test("MATTR: mean type-token ratio over sliding windows", () => {
  assert.equal(mattr(["a", "b", "a", "b"], 2), 1);
  assert.equal(mattr(["a", "a", "b", "b"], 2), (0.5 + 1 + 0.5) / 3);
  assert.equal(mattr(["a", "a", "b"], 50), 2 / 3); // shorter than the window: plain TTR
  assert.ok(Number.isNaN(mattr([])));
});

Deno.test("readability: Flesch scores by hand; headlines do not count", () => {
  // 9 words, 2 sentences, 10 syllables (happy has 2).
  const expected = {
    article_id: "a0",
    outlet: "A",
    sentences: 2,
    words: 9,
    syllables: 10,
    words_per_sentence: 4.5,
    syllables_per_word: 10 / 9,
    flesch_reading_ease: 206.835 - 1.015 * 4.5 - 84.6 * (10 / 9),
    flesch_kincaid_grade: 0.39 * 4.5 + 11.8 * (10 / 9) - 15.59,
    types: 8,
    ttr: 8 / 9,
    mattr: 8 / 9,
  };
  assert.deepEqual(
    rowsOf(readabilityFrame(analysisOf(["The cat sat on the mat. It was happy."]))),
    [
      expected,
    ],
  );
  const withHeadline = analysisOf(["Cats Everywhere\n\nThe cat sat on the mat. It was happy."]);
  assert.equal(withHeadline.sentences[0].kind, "headline");
  assert.deepEqual(rowsOf(readabilityFrame(withHeadline)), [expected]);
});

Deno.test("readability on the seeds: one row per article, sensible ranges", async () => {
  const a = await seedAnalysis();
  const rows = rowsOf(readabilityFrame(a));
  assert.equal(rows.length, 5);
  for (const r of rows) {
    assert.ok((r.flesch_kincaid_grade as number) > 10 && (r.flesch_kincaid_grade as number) < 20);
    assert.ok((r.ttr as number) < (r.mattr as number)); // long texts: TTR falls, MATTR does not
  }
});

Deno.test("collocations: PMI and G² of adjacent pairs, by hand", () => {
  // Bigrams: prime minister ×2, minister spoke ×2, minister resigned, foreign minister: N = 6.
  const a = analysisOf(["Prime Minister spoke. Prime Minister resigned. Foreign Minister spoke."]);
  const rows = rowsOf(collocations(a, { minCount: 2 }));
  // Both pairs: n = 2, the word pair's margins 2 and 3, so PMI = log2(2·6 / (2·3)) = 1 and
  // G² = 2[2 ln(2/1) + 1 ln(1/2) + 3 ln(3/2)] = 6 ln 3 − 4 ln 2.
  const g2 = 6 * Math.log(3) - 4 * Math.log(2);
  assert.deepEqual(rows.map((r) => [r.bigram, r.n, r.n_w1, r.n_w2, r.pmi]), [
    ["minister spoke", 2, 3, 2, 1],
    ["prime minister", 2, 2, 3, 1],
  ]);
  for (const r of rows) assert.ok(Math.abs((r.g2 as number) - g2) < 1e-12);
  assert.equal(rowsOf(collocations(a)).length, 0); // default minCount 3
});

Deno.test("collocations reuse counts made with unigrams and bigrams, with the same result", async () => {
  const a = await seedAnalysis();
  const own = collocations(a, { minCount: 2 });
  const shared = collocations(a, { minCount: 2, counts: countTerms(a, { ngrams: [1, 2, 3] }) });
  assert.deepEqual(shared.toRecords(), own.toRecords());
  assert.equal(own.getColumn("bigram").get(0), "prime minister");
});

Deno.test("mattrOfIds gives what mattr gives for the words the ids stand for, and leaves counts at zero", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), { maxLength: 120 }),
      fc.integer({ min: 1, max: 60 }),
      (words, window) => {
        fc.pre(words.length > 0);
        const ids = new Map<string, number>();
        const coded = words.map((w) => ids.get(w) ?? ids.set(w, ids.size).get(w)!);
        const counts = new Int32Array(ids.size);
        assert.equal(mattrOfIds(coded, window, counts), mattr(words, window));
        assert.ok(counts.every((c) => c === 0));
      },
    ),
  );
});
