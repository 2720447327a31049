import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import { keyness, keynessByGroup, keynessOf } from "../../src/stats/keyness.ts";
import {
  benjaminiHochberg,
  indexDocuments,
  mergeDocumentTermCounts,
} from "../../src/stats/stratified.ts";
import { groupTermCounts } from "../../src/stats/outlet_terms.ts";
import { countTerms, termsFrame } from "../../src/stats/terms.ts";
import { seedAnalysis } from "../seeds.ts";
import { analysisOf } from "./helpers.ts";

/** mulberry32: a small seeded generator, so the constructed corpora are fixed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER = [
  "people",
  "said",
  "week",
  "officials",
  "plan",
  "city",
  "report",
  "group",
  "money",
  "time",
  "leaders",
  "public",
  "local",
  "matter",
  "state",
  "region",
];
const TOPIC_X = ["reactor", "uranium", "enrichment", "centrifuge"];
const TOPIC_Y = ["tariff", "harvest", "farmers", "exports"];

/** A story's word, letters only (tokens of digits would be figures). */
const storyWord = (s: number) => "story" + String.fromCharCode(97 + (s % 26)).repeat(1 + s / 26);

/**
 * An article of story `s`: its words depend on the story only, never on the outlet. Stories
 * below 10 are about topic X, the rest about topic Y.
 */
function storyText(s: number, random: () => number): string {
  const topic = s < 10 ? TOPIC_X : TOPIC_Y;
  const words: string[] = [];
  for (let w = 0; w < 60; w++) {
    const r = random();
    if (r < 0.2) words.push(topic[Math.floor(random() * topic.length)]);
    else if (r < 0.3) words.push(storyWord(s));
    else words.push(FILLER[Math.floor(random() * FILLER.length)]);
  }
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 12) sentences.push(words.slice(i, i + 12).join(" ") + ".");
  return sentences.join(" ");
}

Deno.test("within stories, outlets that differ only in which stories they cover differ in no word", () => {
  const random = rng(15);
  const texts: string[] = [];
  const outlets: string[] = [];
  const meta: Record<string, string>[] = [];
  // A covers topic-X stories three times as often as B, B topic-Y stories: story choice only.
  for (let s = 0; s < 20; s++) {
    for (const outlet of ["A", "B"]) {
      const n = (s < 10) === (outlet === "A") ? 3 : 1;
      for (let k = 0; k < n; k++) {
        texts.push(storyText(s, random));
        outlets.push(outlet);
        meta.push({ story: `story ${s}` });
      }
    }
  }
  const analysis = analysisOf(texts, outlets, meta);
  const terms = { ngrams: [1] };
  const pooled = keynessOf(analysis, { by: "outlet", terms });
  const within = keynessOf(analysis, { by: "outlet", within: "story", terms });
  const significant = (df: pl.DataFrame) =>
    (df.filter(pl.col("q").lt(0.05).and(pl.col("group").eq(pl.lit("A")))).getColumn("term")
      .toArray() as string[]).sort();
  // Without strata the topic words look like A's (X) and B's (Y) wording.
  const pooledA = significant(pooled);
  for (const word of TOPIC_X) assert.ok(pooledA.includes(word), `${word} in ${pooledA}`);
  // Within stories nothing passes, and the topic words' pooled z shrinks to noise.
  assert.equal(within.filter(pl.col("q").lt(0.05)).height, 0);
  assert.ok(within.height > 0);
  const zWithin = within.filter(
    pl.col("term").eq(pl.lit("reactor")).and(pl.col("group").eq(pl.lit("A"))),
  )
    .getColumn("z").get(0);
  assert.ok(Math.abs(zWithin) < 2, `z within = ${zWithin}`);
  // One pair within stories: the same answer, and the reference is B.
  const pair = keynessOf(analysis, { by: "outlet", within: "story", between: ["A", "B"], terms });
  assert.deepEqual(pair.getColumn("reference").unique().toArray(), ["B"]);
  assert.equal(pair.filter(pl.col("q").lt(0.05)).height, 0);
  const pairPooled = keynessOf(analysis, { by: "outlet", between: ["A", "B"], terms });
  assert.ok(pairPooled.filter(pl.col("q").lt(0.05)).height > 0);
  console.log(
    `constructed corpus: q < 0.05 without within: ${
      pooled.filter(pl.col("q").lt(0.05)).height
    } rows (A: ${pooledA.join(", ")}); with within=story: 0 of ${within.height}`,
  );
});

/** A corpus of `events` events, three outlets each, bursty words (an article repeats a few). */
function eventCorpus(events: number, random: () => number) {
  const texts: string[] = [];
  const outlets: string[] = [];
  const meta: Record<string, string>[] = [];
  const vocabulary = [...FILLER, ...TOPIC_X, ...TOPIC_Y].concat(
    Array.from({ length: 40 }, (_, i) => storyWord(i)),
  );
  for (let e = 0; e < events; e++) {
    for (const outlet of ["A", "B", "C"]) {
      const burst = Array.from(
        { length: 3 },
        () => vocabulary[Math.floor(random() * vocabulary.length)],
      );
      const words: string[] = [];
      for (let w = 0; w < 80; w++) {
        words.push(
          random() < 0.3
            ? burst[Math.floor(random() * 3)]
            : vocabulary[Math.floor(random() * vocabulary.length)],
        );
      }
      texts.push(words.join(" ") + ".");
      outlets.push(outlet);
      meta.push({ event: `event ${e}` });
    }
  }
  return { texts, outlets, meta };
}

Deno.test("with outlet labels shuffled within events, at most 5% of terms reach q < 0.05", () => {
  const random = rng(2016);
  const { texts, outlets, meta } = eventCorpus(40, random);
  const shares: number[] = [];
  const tokenShares: number[] = [];
  for (let run = 0; run < 3; run++) {
    // Shuffle the three labels within each event (Fisher–Yates, seeded).
    const shuffled = [...outlets];
    for (let e = 0; e < shuffled.length; e += 3) {
      for (let i = 2; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[e + i], shuffled[e + j]] = [shuffled[e + j], shuffled[e + i]];
      }
    }
    const analysis = analysisOf(texts, shuffled, meta);
    const key = keynessOf(analysis, { by: "outlet", within: "event", terms: { ngrams: [1] } });
    shares.push(key.filter(pl.col("q").lt(0.05)).height / key.height);
    tokenShares.push(key.filter(pl.col("p").lt(0.05)).height / key.height);
  }
  console.log(
    `shuffled labels: share q < 0.05 ${shares.map((s) => s.toFixed(3)).join(", ")}; ` +
      `token-level p < 0.05 ${tokenShares.map((s) => s.toFixed(3)).join(", ")}`,
  );
  for (const share of shares) assert.ok(share <= 0.05, `share ${share}`);
});

Deno.test("Benjamini–Hochberg q matches R's p.adjust(p, 'BH')", () => {
  // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5), "BH") = 0.025 0.050 0.050 0.025 0.500 (by hand:
  // sorted 0.005 0.01 0.03 0.04 0.5 times 5/rank = 0.025 0.025 0.05 0.05 0.5, running minimum
  // from the top).
  assert.deepEqual(
    [...benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5])].map((q) => Math.round(q * 1e12) / 1e12),
    [0.025, 0.05, 0.05, 0.025, 0.5],
  );
  // NaN (no test) is not counted among the tests and stays NaN.
  const withNaN = benjaminiHochberg([0.02, NaN, 0.04]);
  assert.deepEqual([withNaN[0], withNaN[2]], [0.04, 0.04]);
  assert.ok(Number.isNaN(withNaN[1]));
});

Deno.test("Benjamini–Hochberg: any p-values, ties, zeros and NaN, as the textbook sort gives", () => {
  // The definition, as written before the counting sort: indices by p descending (ties by
  // index descending), q = running minimum of p m / rank.
  const reference = (p: number[]) => {
    const out = new Float64Array(p.length).fill(NaN);
    const idx = p.map((_, i) => i).filter((i) => !Number.isNaN(p[i]));
    idx.sort((x, y) => p[y] - p[x] || y - x);
    let running = 1;
    idx.forEach((i, r) => {
      running = Math.min(running, (p[i] * idx.length) / (idx.length - r));
      out[i] = running;
    });
    return out;
  };
  const pValue = fc.oneof(
    fc.double({ min: 0, max: 1 }),
    fc.constantFrom(0, -0, 1, 0.5, 0.25, NaN),
  );
  fc.assert(
    fc.property(fc.array(pValue, { maxLength: 60 }), (p) => {
      assert.deepStrictEqual(benjaminiHochberg(p), reference(p));
    }),
    { numRuns: 500 },
  );
});

/** A frame of per-article counts: article id, outlet, term, n. */
function countsFrame(rows: [string, string, string, number][]): pl.DataFrame {
  return pl.DataFrame({
    article_id: rows.map((r) => r[0]),
    outlet: rows.map((r) => r[1]),
    term: rows.map((r) => r[2]),
    n: rows.map((r) => r[3]),
  });
}

Deno.test("p_doc is the Wilcoxon rank-sum test on per-article rates (R: wilcox.test(correct = FALSE, exact = FALSE))", () => {
  // Rates of w: target 0.1, 0.2, 0.3; rest 0, 0, 0.05, 0.15. Ranks 4, 6, 7 against 1.5, 1.5, 3,
  // 5: W = 17, E = 12, var = 3·4/12 · (8 − 6/42) = 7.857142857142857, z = 1.7837651700316894,
  // p = erfc(z/√2) = 0.07446183141740552.
  const frame = countsFrame([
    ["t1", "T", "w", 1],
    ["t1", "T", "x", 9],
    ["t2", "T", "w", 2],
    ["t2", "T", "x", 8],
    ["t3", "T", "w", 3],
    ["t3", "T", "x", 7],
    ["r1", "R", "x", 10],
    ["r2", "R", "x", 10],
    ["r3", "R", "w", 1],
    ["r3", "R", "x", 19],
    ["r4", "R", "w", 3],
    ["r4", "R", "x", 17],
  ]);
  const key = keyness(frame, { by: "outlet" });
  const row = key.filter(pl.col("group").eq(pl.lit("T")).and(pl.col("term").eq(pl.lit("w"))));
  assert.ok(Math.abs(row.getColumn("p_doc").get(0) - 0.07446183141740552) < 1e-12);
  // R's side mirrors T's: the same two-sided p.
  const other = key.filter(pl.col("group").eq(pl.lit("R")).and(pl.col("term").eq(pl.lit("w"))));
  assert.ok(Math.abs(other.getColumn("p_doc").get(0) - 0.07446183141740552) < 1e-12);
  // One article against one can never be significant: the exact floor 2 / C(2, 1) = 1.
  const pair = keyness(frame.filter(pl.col("article_id").isIn(["t3", "r1"])), { by: "outlet" });
  assert.deepEqual([...new Set(pair.getColumn("p_doc").toArray())], [1]);
});

Deno.test("keyness on the seeds: token-level columns unchanged, p_doc floored, and no q < 0.05", async () => {
  const analysis = await seedAnalysis();
  const old = keynessByGroup(groupTermCounts(countTerms(analysis), "id"));
  const docs = keynessOf(analysis, { by: "id" });
  assert.ok(old.drop("p_doc", "q").frameEqual(docs.drop("p_doc", "q")));
  // One article per group: no comparison can be significant (exact floor 2/5).
  assert.ok(Math.abs(docs.getColumn("p_doc").min() - 0.4) < 1e-12);
  assert.equal(docs.filter(pl.col("q").lt(0.05)).height, 0);
  // From the terms frame, filtered first (tidylo style): the same numbers, row order aside.
  const framed = keyness(termsFrame(countTerms(analysis)), { by: "outlet" });
  const sorted = (df: pl.DataFrame) => df.sort(["group", "term"]);
  assert.ok(sorted(framed).frameEqual(sorted(keynessOf(analysis, { by: "outlet" }))));
});

Deno.test("keyness of a frame names a missing column", () => {
  assert.throws(
    () => keyness(countsFrame([["a", "X", "w", 1]]), { by: "party" }),
    /no column party/,
  );
});

Deno.test("large vocabularies and batches do not overflow the call stack (no spread of big arrays)", () => {
  const n = 300_000;
  const terms = Array.from({ length: n }, (_, i) => `t${i}`);
  const vocab = {
    terms,
    index: new Map(terms.map((t, i) => [t, i])),
    codes: [],
    df: new Int32Array(n),
    total: new Float64Array(n),
    order: new Int32Array(n).fill(1),
  };
  const docs = { by: "outlet", group: [], stratum: [], counts: [] };
  assert.equal(indexDocuments(docs, [], vocab).start.length, n + 1);
  const big = {
    by: "outlet",
    group: new Array<string | null>(n).fill("A"),
    stratum: new Array<string | null>(n).fill(""),
    counts: Array.from({ length: n }, () => new Map<string, number>()),
  };
  assert.equal(mergeDocumentTermCounts({ ...docs, counts: [] }, big).counts.length, n);
});
