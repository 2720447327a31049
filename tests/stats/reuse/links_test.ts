import assert from "node:assert/strict";
import {
  NEAR_VERBATIM,
  type PairChunk,
  type PairSource,
  PARAPHRASE,
  SHARED_QUOTATION,
  TOPICAL,
  VERBATIM,
} from "../../../src/stats/reuse/align.ts";
import { articleSimilarity } from "../../../src/stats/reuse/articles.ts";
import type { ReuseFeatures } from "../../../src/stats/reuse/features.ts";
import { articlePairs, neighboursOf, sentenceLinks } from "../../../src/stats/reuse/links.ts";
import { PairFiles } from "../../../src/stats/reuse/store.ts";
import { tempDir } from "../../seeds.ts";

/**
 * Three articles: s0, s1 in article 0; s2 in article 1; s3, s4 in article 2. Five pairs, by
 * sentence b then a: (0,2) paraphrase, (1,2) verbatim, (0,3) topical, (1,4) shared quotation,
 * (2,4) near-verbatim.
 */
const features = {
  articleIds: ["x", "y", "z"],
  published: [null, null, null],
  sentenceIds: ["x:0", "x:1", "y:0", "z:0", "z:1"],
  sentenceArticle: Int32Array.of(0, 0, 1, 2, 2),
  articleSentences: Int32Array.of(2, 1, 2),
  // No content terms: every article cosine is 0.
  articleTerms: { start: new Int32Array(4), ids: new Int32Array(0), weights: new Float64Array(0) },
} as unknown as ReuseFeatures;
const PAIRS: [number, number, number][] = [
  [0, 2, PARAPHRASE],
  [1, 2, VERBATIM],
  [0, 3, TOPICAL],
  [1, 4, SHARED_QUOTATION],
  [2, 4, NEAR_VERBATIM],
];

const chunkOf = (rows: [number, number, number][]): PairChunk => ({
  a: Int32Array.from(rows, (r) => r[0]),
  b: Int32Array.from(rows, (r) => r[1]),
  similarity: Float64Array.from(rows, (_, i) => i / 10),
  containment: Float64Array.from(rows, (_, i) => i / 20),
  copyContainment: Float64Array.from(rows, (_, i) => i / 40),
  reuseClass: Uint8Array.from(rows, (r) => r[2]),
});

/** The five pairs written to disk in two chunks (3 + 2) and read back. */
async function pairFiles(): Promise<{ source: PairFiles; dir: string }> {
  const dir = await tempDir();
  function* chunks() {
    yield chunkOf(PAIRS.slice(0, 3));
    yield chunkOf(PAIRS.slice(3));
    return { indexedTerms: 1, commonTerms: 2, candidates: 3, postingsWalked: 4 };
  }
  const options = {} as PairSource["options"];
  return { source: PairFiles.write(`${dir}/pairs`, features, options, chunks()), dir };
}

Deno.test("pair files: two chunks written and read back, with or without their scores", async () => {
  const { source, dir } = await pairFiles();
  assert.equal(source.length, 5);
  assert.deepEqual(source.stats, {
    indexedTerms: 1,
    commonTerms: 2,
    candidates: 3,
    postingsWalked: 4,
  });
  // A chunk is valid until the next is read (they share one buffer): copied as they come.
  const copy = (c: PairChunk) => ({
    a: [...c.a],
    b: [...c.b],
    reuseClass: [...c.reuseClass],
    similarity: [...c.similarity],
    copyContainment: [...c.copyContainment],
  });
  const read = Array.from(source.chunks(), copy);
  assert.deepEqual(read.map((c) => c.a), [[0, 1, 0], [1, 2]]);
  assert.deepEqual(read.map((c) => c.b), [[2, 2, 3], [4, 4]]);
  assert.deepEqual(read.map((c) => c.reuseClass), [[2, 0, 3], [4, 1]]);
  assert.deepEqual(read[1].similarity, [0, 0.1]);
  assert.deepEqual(read[0].copyContainment, [0, 0.025, 0.05]);
  const light = Array.from(source.chunks(false), copy);
  assert.deepEqual(light.map((c) => [c.a.length, c.similarity.length]), [[3, 0], [2, 0]]);
  assert.deepEqual(light[1].reuseClass, [4, 1]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("sentence links: distinct (sentence, other article), in ranges of at most 2 links", async () => {
  const { source, dir } = await pairFiles();
  // Paraphrase or closer: (0,2), (1,2), (2,4). Links before duplicates: s0 1, s1 1, s2 3, s4 1.
  // Ranges close before a sentence that would pass 2: [0, 2), then s2 alone (3), then [3, 5).
  const ranges = [...sentenceLinks(source, (c) => c <= PARAPHRASE, 2)].map((r) => ({
    from: r.from,
    to: r.to,
    links: Array.from(r.sentence, (s, i) => `${s}>${r.article[i]}`),
  }));
  assert.deepEqual(ranges, [
    { from: 0, to: 2, links: ["0>1", "1>1"] },
    { from: 2, to: 3, links: ["2>0", "2>2"] }, // s2 matches two sentences of article 0: one link
    { from: 3, to: 5, links: ["4>1"] },
  ]);
  // One range when they all fit.
  const one = [...sentenceLinks(source, (c) => c === SHARED_QUOTATION)];
  assert.deepEqual(one.map((r) => [r.from, r.to, [...r.sentence], [...r.article]]), [
    [0, 5, [1, 4], [2, 0]],
  ]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("article pairs: distinct, with the first pair that links them; neighbours in that order", async () => {
  const { source, dir } = await pairFiles();
  const pairs = articlePairs(source);
  // Keys x * 3 + y: (0,1) = 1 from pair 0; (0,2) = 2 from pair 2 (pair 3 links them again);
  // (1,2) = 5 from pair 4.
  assert.deepEqual([...pairs.keys], [1, 2, 5]);
  assert.deepEqual([...pairs.first], [0, 2, 4]);
  const n = neighboursOf(pairs, 3);
  assert.deepEqual([...n.start], [0, 2, 4, 6]);
  assert.deepEqual([...n.other], [1, 2, 0, 2, 0, 1]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("neighbours come in the order pairs first link them, not by article", () => {
  // Article 2's first pair is with article 1 (pair 0), then with article 0 (pair 5).
  const n = neighboursOf({ keys: Float64Array.of(2, 5), first: Float64Array.of(5, 0) }, 3);
  assert.deepEqual(Array.from(n.other.subarray(n.start[2], n.start[3])), [1, 0]);
});

Deno.test("article similarity from pair files: sentences found and quoted per direction", async () => {
  const { source, dir } = await pairFiles();
  for (const maxLinks of [2, Infinity]) {
    const sim = articleSimilarity(source, {}, undefined, maxLinks);
    // Rows 2p (x, y) and 2p + 1 (y, x) for the pairs (0,1), (0,2), (1,2).
    assert.deepEqual([...sim.articleA], [0, 1, 0, 2, 1, 2]);
    assert.deepEqual([...sim.articleB], [1, 0, 2, 0, 2, 1]);
    // x: s0 and s1 found in y (2 of 2); y: s2 found in x and in z; z: s4 found in y.
    assert.deepEqual([...sim.foundAInB], [2, 1, 0, 0, 1, 1]);
    assert.deepEqual([...sim.shareAInB], [1, 1, 0, 0, 1, 0.5]);
    // (1,4) is a shared quotation: s1 of x quoted in z, s4 of z in x.
    assert.deepEqual([...sim.quotesAInB], [0, 0, 1, 1, 0, 0]);
    // 3 sentences of evidence needed: no source.
    assert.deepEqual([...sim.source], [-1, -1, -1]);
  }
  await Deno.remove(dir, { recursive: true });
});
