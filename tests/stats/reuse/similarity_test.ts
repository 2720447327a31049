import assert from "node:assert/strict";
import fc from "fast-check";
import { compareTexts } from "../../../src/stats/reuse/compare.ts";
import { buildFeatures } from "../../../src/stats/reuse/features.ts";
import {
  containment,
  containmentAtLeast,
  containmentIn,
  rowCosine,
} from "../../../src/stats/reuse/similarity.ts";
import { tinyCorpus } from "./fixtures.ts";

const word = fc.constantFrom(
  "the",
  "of",
  "and",
  "China",
  "Russia",
  "trade",
  "sanctions",
  "oil",
  "talks",
  "Beijing",
  "record",
  "2022",
  "investment",
  "pledged",
  "energy",
);
const text = fc.array(word, { minLength: 0, maxLength: 30 }).map((w) => w.join(" "));

Deno.test("property: similarity and containment are symmetric and in [0, 1]", () => {
  fc.assert(
    fc.property(text, text, (a, b) => {
      const ab = compareTexts(a, b);
      const ba = compareTexts(b, a);
      assert.equal(ab.similarity, ba.similarity);
      assert.equal(ab.containment, ba.containment);
      assert.equal(ab.class, ba.class);
      for (const v of [ab.similarity, ab.containment]) assert.ok(v >= 0 && v <= 1, `${v}`);
    }),
    { numRuns: 300 },
  );
});

Deno.test("property: a text scores 1 with itself, and is verbatim when it has content", () => {
  fc.assert(
    fc.property(text, (a) => {
      const self = compareTexts(a, a);
      const words = a.split(" ").filter(Boolean);
      assert.equal(self.containment, words.length ? 1 : 0);
      const hasContent = words.some((w) => !["the", "of", "and"].includes(w));
      assert.equal(self.similarity, hasContent ? 1 : 0);
      assert.equal(self.class, words.length ? "verbatim" : null);
    }),
    { numRuns: 300 },
  );
});

Deno.test("property: a sentence copied whole into a longer one has containment 1", () => {
  fc.assert(
    fc.property(text, text, text, (before, copied, after) => {
      const inner = copied.split(" ").filter(Boolean);
      fc.pre(inner.length >= 3);
      const outer = [before, copied, after].join(" ");
      assert.equal(compareTexts(copied, outer).containment, 1);
    }),
    { numRuns: 300 },
  );
});

Deno.test("shingles: 3 words each, stopwords included, sorted and unique per sentence", () => {
  const f = buildFeatures(tinyCorpus([
    { id: "a", sentences: ["Oil and gas and oil and gas.", "Two words", ""] },
  ]));
  const size = (s: number) => f.shingles.start[s + 1] - f.shingles.start[s];
  // 7 words: 5 runs, of which "oil and gas" and "and gas and"… repeat: oil-and-gas, and-gas-and,
  // gas-and-oil, and-oil-and → 4 distinct.
  assert.equal(size(0), 4);
  assert.equal(size(1), 1); // shorter than 3 words: one shingle
  assert.equal(size(2), 0); // no words, no shingles
  const run = f.shingles.hashes.subarray(0, 4);
  assert.deepEqual(Array.from(run), Array.from(run).sort((x, y) => x - y));
  assert.deepEqual(Array.from(f.sentenceWords), [7, 2, 0]);
});

Deno.test("tf-idf rows: content stems only, sublinear tf, smoothed idf, unit length", () => {
  const f = buildFeatures(tinyCorpus([
    { id: "a", sentences: ["Sanctions sanctions on oil.", "Oil prices."] },
    { id: "b", sentences: ["Oil."] },
  ]));
  // Sentence 0 content stems: sanction ×2, oil ×1 (on is a stopword). N = 3 sentences;
  // df(sanction) = 1, df(oil) = 3. Weights before norm: (1 + ln 2)(ln(4/2) + 1) and 1 · 1.
  const wSanction = (1 + Math.log(2)) * (Math.log(4 / 2) + 1);
  const norm = Math.hypot(wSanction, 1);
  const row = f.sentenceTerms.weights.subarray(f.sentenceTerms.start[0], f.sentenceTerms.start[1]);
  assert.deepEqual(Array.from(row).sort(), [1 / norm, wSanction / norm].sort());
  assert.equal(rowCosine(f.sentenceTerms, 2, 2), 1);
  // "Oil." against "Oil prices.": only oil shared; idf(oil) = 1, idf(price) = ln(4/2) + 1.
  assert.equal(
    rowCosine(f.sentenceTerms, 1, 2),
    Math.round(1e12 / Math.hypot(1, Math.log(2) + 1)) / 1e12,
  );
  // Stem ids in order of first sight: sanction, on, oil, price. Article df: "on" is a
  // stopword (0), oil is in both articles (2).
  assert.deepEqual(Array.from(f.articleDf), [1, 0, 2, 1]);
  assert.deepEqual(Array.from(f.sentenceDf), [1, 0, 3, 1]);
});

Deno.test("containment: of the smaller set, and directed", () => {
  const f = buildFeatures(tinyCorpus([
    { id: "a", sentences: ["one two three four five six"] },
    { id: "b", sentences: ["zero one two three four five six seven eight"] },
  ]));
  // a: 4 shingles, all in b; b: 7 shingles.
  assert.equal(containment(f.shingles, 0, 1), 1);
  assert.equal(containmentIn(f.shingles, 0, 1), 1);
  assert.equal(containmentIn(f.shingles, 1, 0), 4 / 7);
});

Deno.test("property: containmentAtLeast is containment where it reaches the line, else -1", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }),
      fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }),
      fc.constantFrom(0, 0.2, 0.5, 0.95, 1),
      (x, y, line) => {
        const set = (v: number[]) => [...new Set(v)].sort((p, q) => p - q);
        const [a, b] = [set(x), set(y)];
        const sets = {
          start: Int32Array.from([0, a.length, a.length + b.length]),
          hashes: Int32Array.from([...a, ...b]),
        };
        const exact = containment(sets, 0, 1);
        assert.equal(containmentAtLeast(sets, 0, 1, line), exact >= line ? exact : -1);
      },
    ),
  );
});

Deno.test("containmentAtLeast: 3 of 4 shared passes 0.75 and fails 0.8", () => {
  const sets = {
    start: Int32Array.from([0, 4, 9]),
    hashes: Int32Array.from([1, 2, 3, 4, 1, 2, 3, 5, 6]),
  };
  assert.equal(containmentAtLeast(sets, 0, 1, 0.75), 0.75);
  assert.equal(containmentAtLeast(sets, 0, 1, 0.8), -1);
});
