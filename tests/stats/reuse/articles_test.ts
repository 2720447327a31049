import assert from "node:assert/strict";
import { alignSentences } from "../../../src/stats/reuse/align.ts";
import {
  articleCosine,
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
} from "../../../src/stats/reuse/articles.ts";
import { ReuseError } from "../../../src/stats/reuse/errors.ts";
import { SEED, seedAnalysis } from "../../seeds.ts";
import { short, tinyCorpus } from "./fixtures.ts";

async function seedSimilarity() {
  const alignment = alignSentences(await seedAnalysis());
  return { alignment, similarity: articleSimilarity(alignment) };
}

Deno.test("seeds: the likely source of 001 is 000, of 004 is 001; 000, 002, 003 have none", async () => {
  const { alignment, similarity } = await seedSimilarity();
  const sources = articleSourcesFrame(alignment, similarity).toRecords();
  assert.deepEqual(
    sources.map((
      r,
    ) => [
      short(String(r.article_id)),
      r.likely_source && short(String(r.likely_source)),
      r.source_share,
    ]),
    [
      ["000", null, null],
      ["001", "000", 8 / 16],
      ["002", null, null],
      ["003", null, null],
      ["004", "001", 7 / 14],
    ],
  );
  assert.equal(sources[1].likely_source, SEED.reuters2025);
  assert.ok(
    [SEED.reuters2025, SEED.rewrite001].includes(String(sources[4].likely_source) as never),
  );
});

Deno.test("seeds: directional shares, and why 000 is not 001's copy", async () => {
  const { alignment, similarity } = await seedSimilarity();
  const rows = articleSimilarityFrame(alignment, similarity).toRecords();
  const found = (a: string, b: string) => {
    const r = rows.find((r) =>
      short(String(r.article_a)).startsWith(a) && short(String(r.article_b)).startsWith(b)
    )!;
    return `${r.found_a_in_b}/${r.sentences_a}`;
  };
  // 001 is half found in 000, 000 less in 001 (it keeps the UN and Trump paragraphs): one-way.
  assert.equal(found("001", "000"), "8/16");
  assert.equal(found("000", "001"), "8/19");
  assert.equal(found("004", "001"), "7/14");
  assert.equal(found("001", "004"), "7/16");
  assert.equal(found("004", "000"), "4/14");
  assert.equal(found("000", "003"), "5/19");
  assert.equal(found("003", "000"), "4/18");
  for (const other of ["000", "001", "003", "004"]) {
    assert.equal(found("002", other), "0/19");
    assert.equal(found(other, "002").split("/")[0], "0");
  }
  // Exactly one likely_source row per article that has a source.
  assert.deepEqual(
    rows.filter((r) => r.likely_source).map((r) =>
      `${short(String(r.article_a))} ← ${short(String(r.article_b))}`
    ),
    ["001 ← 000", "004 ← 001"],
  );
});

Deno.test("seeds: 002 (the 2023 visit) is the least similar article to every other", async () => {
  const { alignment, similarity } = await seedSimilarity();
  const rows = articleSimilarityFrame(alignment, similarity).toRecords();
  assert.equal(rows.length, 20); // all 10 pairs, both directions
  const ids = Object.values(SEED);
  for (const a of ids) {
    if (a === SEED.globalNews2023) continue;
    const mine = rows.filter((r) => r.article_a === a);
    const least = mine.reduce((x, y) => (Number(y.cosine) < Number(x.cosine) ? y : x));
    assert.equal(least.article_b, SEED.globalNews2023, `least similar to ${a}`);
  }
  const cos = (a: string, b: string) =>
    Number(rows.find((r) => r.article_a === a && r.article_b === b)!.cosine).toFixed(3);
  assert.equal(cos(SEED.reuters2025, SEED.rewrite001), "0.494");
  assert.equal(cos(SEED.rewrite001, SEED.rewrite004), "0.524");
  assert.equal(cos(SEED.reutersHangzhou, SEED.rewrite004), "0.310");
  assert.equal(cos(SEED.reutersHangzhou, SEED.globalNews2023), "0.268");
});

const story = [
  "The harbour authority approved a plan to dredge the eastern channel for larger ships.",
  "Work on the channel will start in March and cost about forty million dollars.",
  "Fishermen fear the dredging will drive away the crabs that feed the local market.",
  "The mayor said the port must grow or lose its shipping lines to rival harbours.",
];

/** The date rules alone, on two-sentence overlaps (the 3-sentence minimum is tested in
 * honest_reuse_test.ts). */
const ONE = { minSentences: 1 };

Deno.test("dates: an earlier article is the source even when it is the smaller share", () => {
  const corpus = tinyCorpus([
    { id: "late", published: "2024-05-02", sentences: story.slice(0, 2) },
    { id: "early", published: "2024-05-01", sentences: story },
  ]);
  const alignment = alignSentences(corpus);
  const sim = articleSimilarity(alignment, ONE);
  // late is wholly found in early (2/2); early is half found in late (2/4).
  assert.deepEqual(Array.from(sim.source), [1, -1]);
  assert.deepEqual(Array.from(sim.sourceShare).map((v) => (Number.isNaN(v) ? null : v)), [1, null]);
  // Reverse the dates: the long article is now the later one and cannot be the short one's
  // source; the short one, now earlier, covers half of the long one (2/4 ≥ 0.4): its source.
  const reversed = tinyCorpus([
    { id: "late", published: "2024-05-01", sentences: story.slice(0, 2) },
    { id: "early", published: "2024-05-02", sentences: story },
  ]);
  const simReversed = articleSimilarity(alignSentences(reversed), ONE);
  assert.deepEqual(Array.from(simReversed.source), [-1, 0]);
});

Deno.test("same day or no dates: the article that covers more of the other is the source", () => {
  const corpus = tinyCorpus([
    { id: "full", sentences: story },
    {
      id: "cut",
      sentences: [
        ...story.slice(1, 3),
        "A spokesman for the crab co-operative declined to comment on the plan.",
      ],
    },
  ]);
  const sim = articleSimilarity(alignSentences(corpus), ONE);
  // cut is 2/3 found in full; full 2/4 in cut: full is the source of cut, not the reverse.
  assert.deepEqual(Array.from(sim.source), [-1, 0]);
  assert.equal(sim.sourceShare[1], 2 / 3);
  // Equal shares both ways: neither is the source.
  const twins = tinyCorpus([{ id: "x", sentences: story }, { id: "y", sentences: story }]);
  assert.deepEqual(Array.from(articleSimilarity(alignSentences(twins), ONE).source), [-1, -1]);
  assert.throws(
    () => articleSimilarity(alignSentences(twins), { minShare: 0 }),
    new ReuseError("option minShare must be above 0 and at most 1, got 0"),
  );
});

Deno.test("articleCosine scores any pair by id, and names an unknown id", async () => {
  const { alignment } = await seedSimilarity();
  const f = alignment.features;
  assert.equal(articleCosine(f, SEED.reuters2025, SEED.globalNews2023).toFixed(3), "0.260");
  assert.equal(articleCosine(f, SEED.rewrite001, SEED.rewrite001), 1);
  assert.throws(
    () => articleCosine(f, SEED.reuters2025, "999"),
    new ReuseError('article "999" is not in the corpus'),
  );
});
