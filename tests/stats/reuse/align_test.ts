import assert from "node:assert/strict";
import {
  alignSentences,
  bestMatches,
  classifyPair,
  REUSE_CLASSES,
  reusePairsFrame,
  scorePair,
} from "../../../src/stats/reuse/align.ts";
import { ReuseError } from "../../../src/stats/reuse/errors.ts";
import { seedAnalysis } from "../../seeds.ts";
import { short, tinyCorpus } from "./fixtures.ts";

/** Aligned pairs as "a ~ b class" strings with short ids. */
function pairList(alignment: ReturnType<typeof alignSentences>, loosest = 3): string[] {
  const { features: f, a, b, reuseClass } = alignment;
  const out: string[] = [];
  for (let k = 0; k < a.length; k++) {
    if (reuseClass[k] > loosest) continue;
    out.push(
      `${short(f.sentenceIds[a[k]])} ~ ${short(f.sentenceIds[b[k]])} ${
        REUSE_CLASSES[reuseClass[k]]
      }`,
    );
  }
  return out;
}

Deno.test("seeds: the issue's near-verbatim pair (000:18 ~ 003:14) is found and classed", async () => {
  const alignment = alignSentences(await seedAnalysis());
  const rows = reusePairsFrame(alignment).toRecords();
  const pair = rows.find((r) =>
    short(String(r.sentence_id_a)) === "000:18" &&
    short(String(r.sentence_id_b)) === "003:14"
  );
  assert.ok(pair, "000:18 ~ 003:14 not aligned");
  // Same content stems ("have" is a stopword): similarity 1. 26 and 27 words, 24 and 25
  // 3-shingles; "have" breaks "oil majors suspended" and "majors suspended purchases": 22 of 24.
  assert.equal(pair.similarity, 1);
  assert.equal(pair.containment, 22 / 24);
  assert.equal(pair.class, "near-verbatim");
});

Deno.test("seeds: the issue's paraphrase pair (000:12 ~ 001:8) is found and classed", async () => {
  const alignment = alignSentences(await seedAnalysis());
  const rows = reusePairsFrame(alignment).toRecords();
  const pair = rows.find((r) =>
    short(String(r.sentence_id_a)) === "000:12" &&
    short(String(r.sentence_id_b)) === "001:8"
  );
  assert.ok(pair, "000:12 ~ 001:8 not aligned");
  // Shared shingles: "energy agriculture aerospace", "digital economy and", "economy and green",
  // "and green development": 4 of the 22 of 001:8 (24 words).
  assert.equal(pair.containment, 4 / 22);
  assert.equal(Number(pair.similarity).toFixed(6), "0.562887");
  assert.equal(pair.class, "paraphrase");
});

Deno.test("seeds: every pair of class paraphrase or closer, hand-checked as a real rewrite", async () => {
  const alignment = alignSentences(await seedAnalysis());
  assert.deepEqual(pairList(alignment, 2), [
    "000:8 ~ 001:2 paraphrase",
    "000:10 ~ 001:6 paraphrase",
    "000:11 ~ 001:7 paraphrase",
    "000:12 ~ 001:8 paraphrase",
    "000:15 ~ 001:10 paraphrase",
    "000:16 ~ 001:11 paraphrase",
    "000:17 ~ 001:12 paraphrase",
    "000:18 ~ 001:13 paraphrase",
    // Reordered rewrite: 5-shingle containment under 0.5, so a paraphrase, not a copy.
    "000:8 ~ 003:0 paraphrase",
    "000:14 ~ 003:8 paraphrase",
    "000:15 ~ 003:8 paraphrase",
    "000:16 ~ 003:9 near-verbatim",
    "001:11 ~ 003:9 paraphrase",
    "000:18 ~ 003:14 near-verbatim",
    "001:13 ~ 003:14 paraphrase",
    "001:2 ~ 004:3 paraphrase",
    "000:11 ~ 004:4 paraphrase",
    "000:12 ~ 004:4 paraphrase",
    "001:8 ~ 004:4 paraphrase",
    "000:13 ~ 004:5 paraphrase",
    "001:9 ~ 004:5 paraphrase",
    "000:18 ~ 004:7 paraphrase",
    "001:13 ~ 004:7 paraphrase",
    "003:14 ~ 004:7 paraphrase",
    "001:14 ~ 004:9 paraphrase",
    "001:15 ~ 004:10 paraphrase",
    "000:15 ~ 004:12 paraphrase",
    "001:10 ~ 004:12 paraphrase",
  ]);
  // No sentence of the 2023 article (002) is closer than topical to anything.
  assert.ok(!pairList(alignment, 2).some((p) => p.includes("002:")));
  const classes = Array.from(alignment.reuseClass, (c) => REUSE_CLASSES[c]);
  assert.deepEqual(
    ["verbatim", "near-verbatim", "paraphrase", "topical"].map((c) =>
      classes.filter((x) => x === c).length
    ),
    // Three more topical pairs were the subhead "DECLINE IN TRADE" (003:11, 3 words) against
    // body sentences: a short line shares no topic.
    [0, 2, 26, 25],
  );
});

Deno.test("seeds: the inverted index loses no pair that scoring every pair would keep", async () => {
  const alignment = alignSentences(await seedAnalysis());
  const f = alignment.features;
  const n = f.sentenceIds.length;
  const brute: string[] = [];
  for (let j = 1; j < n; j++) {
    for (let i = 0; i < j; i++) {
      if (f.sentenceArticle[i] === f.sentenceArticle[j]) continue;
      const c = scorePair(f, i, j).reuseClass;
      if (c >= 0) {
        brute.push(`${short(f.sentenceIds[i])} ~ ${short(f.sentenceIds[j])} ${REUSE_CLASSES[c]}`);
      }
    }
  }
  assert.deepEqual(pairList(alignment), brute);
  // 86 sentences make 2,965 cross-article pairs; the index scores 1,047 of them.
  assert.equal(alignment.stats.candidates, 1047);
  assert.equal(alignment.stats.commonTerms, 0);
});

Deno.test("classes on hand-built sentences, one per rule", () => {
  const corpus = tinyCorpus([
    {
      id: "a",
      sentences: [
        "The central bank raised interest rates by half a point on Thursday morning.",
        "Farmers in the northern valley harvested a record crop of winter wheat.",
        "Officials said the new bridge over the river will open next spring.",
        "Storms flooded coastal roads and closed three schools in the district.",
      ],
    },
    {
      id: "b",
      sentences: [
        // verbatim: the same words
        "The central bank raised interest rates by half a point on Thursday morning.",
        // near-verbatim: one word changed near the end
        "Farmers in the northern valley harvested a record crop of spring wheat.",
        // paraphrase: the content words reworded
        "The river bridge will open next spring, officials said, once the new span is done.",
        // topical: one shared subject word among others
        "Coastal storms are expected again in the district next week.",
      ],
    },
  ]);
  assert.deepEqual(pairList(alignSentences(corpus)), [
    "a:0 ~ b:0 verbatim",
    "a:1 ~ b:1 near-verbatim",
    "a:2 ~ b:2 paraphrase",
    "a:3 ~ b:3 topical",
  ]);
});

Deno.test("short sentences: containment classes need 6 words, unless the words are the same", () => {
  assert.equal(classifyPair(0.2, 1, 3, 3), 0); // the same 3 words: verbatim
  assert.equal(classifyPair(0.2, 1, 3, 9), -1); // 3 words inside a 9-word sentence: nothing
  // 5 words: never a paraphrase ("(h/t Mediaite.)" is not a rewrite of a longer line), nor
  // topical (a subhead "UP NEXT" against "… will report results next week").
  assert.equal(classifyPair(0.5, 1, 5, 9), -1);
  assert.equal(classifyPair(0.2, 1, 6, 9), 0); // 6 words, all inside: verbatim
  assert.equal(classifyPair(0.2, 0.5, 6, 9), 1);
  assert.equal(classifyPair(0.2, 0.49, 6, 9), -1);
  assert.equal(classifyPair(0.3, 0.49, 6, 9), 3);
});

Deno.test("bad options and bad input give a ReuseError that says what is wrong", () => {
  const corpus = tinyCorpus([{ id: "a", sentences: ["One two three."] }]);
  assert.throws(
    () => alignSentences(corpus, { paraphraseSimilarity: 1.5 }),
    new ReuseError("option paraphraseSimilarity must be between 0 and 1, got 1.5"),
  );
  assert.throws(
    () => alignSentences(corpus, { topicalSimilarity: 0.6 }),
    new ReuseError("option topicalSimilarity must not exceed paraphraseSimilarity"),
  );
  assert.throws(
    () => alignSentences(corpus, { maxPostings: 1 }),
    new ReuseError("maxPostings must be a whole number ≥ 2, got 1"),
  );
  assert.throws(
    () => alignSentences({ ...corpus, sentences: [{ id: "a:0", articleId: "zzz" }] }),
    new ReuseError('sentence "a:0" names article "zzz", which is not loaded'),
  );
  assert.throws(
    () =>
      alignSentences({
        ...corpus,
        tokens: { sentenceId: ["a:9"], stem: ["x"], isStop: [false], length: 1 },
      }),
    new ReuseError('token 0 belongs to sentence "a:9", which is not loaded'),
  );
});

Deno.test("best match per sentence: the closest class first, then the highest similarity", async () => {
  const alignment = alignSentences(await seedAnalysis());
  const best = bestMatches(alignment);
  const f = alignment.features;
  const of = (id: string) => {
    const b = best[f.sentenceIds.findIndex((s) => short(s) === id)];
    return b < 0 ? null : short(f.sentenceIds[b]);
  };
  // 000:18 has a paraphrase in 001 and 004 (0.585) but a near-verbatim copy in 003.
  assert.equal(of("000:18"), "003:14");
  assert.equal(of("001:8"), "000:12");
  assert.equal(of("004:4"), "000:12"); // 0.494 beats 001:8 (0.492) and 000:11 (0.480)
  assert.equal(of("002:5"), null);
});
