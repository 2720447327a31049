import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  chiSquare1Sf,
  compareCounts,
  dunningG2,
  keynessBetween,
  keynessByGroup,
  keynessOf,
  logOddsDirichlet,
  logRatio,
} from "../../src/stats/keyness.ts";
import { groupTermCounts } from "../../src/stats/outlet_terms.ts";
import { countTerms } from "../../src/stats/terms.ts";
import { forEachToken, lowerForm } from "../../src/text/tokens.ts";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import { analyzeCorpus } from "../../src/pipeline.ts";
import { SEED, seedAnalysis, tempDir } from "../seeds.ts";
import { analysisOf } from "./helpers.ts";

/** Lower-case tokens of two or more letters, counted (the reference values' tokenisation). */
function bag(text: string): Map<string, number> {
  const out = new Map<string, number>();
  forEachToken(text, (token) => {
    const lower = lowerForm(token);
    if (/^\p{L}{2,}$/u.test(lower)) out.set(lower, (out.get(lower) ?? 0) + 1);
  });
  return out;
}

const byTerm = (df: pl.DataFrame, column: string): Map<string, number> =>
  new Map(
    (df.getColumn("term").toArray() as string[]).map((t, i) => [t, df.getColumn(column).get(i)]),
  );

const DOC1 = "the quick brown fox jumps over the lazy pig";
const DOC2 = "the lazy purple pig jumps over the lazier donkey";
const DOC3 = "the lazy purple pig jumps over the " + "very ".repeat(1000) + "sleepy donkey";
const CONSTANT = { prior: { type: "constant" as const, alpha: 0.05 } };

Deno.test("reference (i): Fightin' Words z with a constant prior of 0.05", () => {
  const z = byTerm(compareCounts(bag(DOC1), bag(DOC2), CONSTANT), "z");
  assert.equal(z.size, 11);
  for (const w of ["brown", "fox", "quick"]) assert.equal(z.get(w), 0.6894227886807968);
  for (const w of ["donkey", "lazier", "purple"]) assert.equal(z.get(w), -0.6894227886807968);
  for (const w of ["the", "jumps", "over", "lazy", "pig"]) assert.equal(z.get(w), 0);
});

Deno.test("reference (ii): z of very, the and jumps against the 1,000-very text", () => {
  const z = byTerm(compareCounts(bag(DOC1), bag(DOC3), CONSTANT), "z");
  assert.equal(z.get("very"), -2.2144429606255946);
  assert.equal(z.get("the"), 4.954523357120953);
  assert.equal(z.get("jumps"), 3.4564380059373603);
});

Deno.test("reference (iii): G² of beta, 7 of 10 against 2 of 9, is 4.534939", () => {
  assert.equal(dunningG2(7, 2, 10, 9).toFixed(6), "4.534939");
  const target = new Map([["beta", 7], ["alpha", 3]]);
  const reference = new Map([["alpha", 7], ["beta", 2]]);
  const g2 = byTerm(compareCounts(target, reference), "g2");
  assert.equal(g2.get("beta")!.toFixed(6), "4.534939");
  // Under-use is signed negative, with the same magnitude in a 2 × 2 table.
  assert.equal(g2.get("alpha")!.toFixed(6), "-4.534939");
});

Deno.test("the pipeline route gives reference (i) too: two articles, stopwords kept, by id", () => {
  const a = analysisOf([DOC1, DOC2]);
  const key = keynessOf(a, {
    by: "id",
    between: ["a0", "a1"],
    terms: { ngrams: [1], stopwords: "keep" },
    ...CONSTANT,
  });
  const z = byTerm(key, "z");
  assert.equal(z.get("fox"), 0.6894227886807968);
  assert.equal(z.get("donkey"), -0.6894227886807968);
  assert.equal(z.get("the"), 0);
  assert.deepEqual(key.getColumn("reference").toArray().slice(0, 1), ["a1"]);
});

Deno.test("p is the chi-square tail with 1 df; log ratio takes a zero as 0.5", () => {
  // Textbook critical values of chi-square with 1 degree of freedom.
  assert.ok(Math.abs(chiSquare1Sf(3.841458820694124) - 0.05) < 1e-12);
  assert.ok(Math.abs(chiSquare1Sf(6.634896601021214) - 0.01) < 1e-12);
  assert.ok(Math.abs(chiSquare1Sf(10.827566170662733) - 0.001) < 1e-12);
  assert.ok(Math.abs(chiSquare1Sf(0.45493642311957283) - 0.5) < 1e-12);
  assert.equal(chiSquare1Sf(0), 1);
  assert.equal(logRatio(2, 0, 100, 100), 2); // log2(2 / 0.5)
  assert.equal(logRatio(4, 2, 100, 200), 2);
  const { delta, variance } = logOddsDirichlet(1, 9, 0, 9, 0.05, 0.55);
  assert.equal(delta, Math.log(1.05 / 8.5) - Math.log(0.05 / 9.5));
  assert.equal(variance, 1 / 1.05 + 1 / 0.05);
});

Deno.test("default prior: alpha_w is the pooled count (alpha_0 = pooled size)", () => {
  // target: a a b (3), reference: b c (2); pooled a 2, b 2, c 1, size 5.
  const df = compareCounts(new Map([["a", 2], ["b", 1]]), new Map([["b", 1], ["c", 1]]));
  const z = byTerm(df, "z");
  const expected = logOddsDirichlet(2, 3, 0, 2, 2, 5).z;
  assert.equal(z.get("a"), expected);
  assert.equal(byTerm(df, "delta").get("a"), Math.log(4 / 4) - Math.log(2 / 5));
  assert.deepEqual(df.getColumn("term").toArray(), ["a", "b", "c"]); // by z, descending
  assert.throws(
    () =>
      compareCounts(new Map([["a", 1]]), new Map([["b", 1]]), {
        prior: { type: "constant", alpha: 0 },
      }),
    /alpha must be > 0/,
  );
});

// Expected values below were computed independently (Python, from the foundation's tokens.csv
// of the seeds: unigrams, stopwords removed) and the terms read in the articles: Steve Tsang and
// "illegitimate sanctions" occur only in 002 (Global News, 365 kept unigrams against 1,113).
Deno.test("seeds: 002 (Global News, 2023) stands out on Tsang, illegitimate, the West", async () => {
  const a = await seedAnalysis();
  const key = keynessOf(a, { terms: { ngrams: [1] } });
  const gn = key.filter(pl.col("group").eq(pl.lit("Global News")));
  const z = byTerm(gn, "z");
  const g2 = byTerm(gn, "g2");
  const nRef = byTerm(gn, "n_reference");
  assert.equal(z.get("tsang"), 1.195342458989611);
  assert.equal(g2.get("tsang")!.toFixed(9), "5.602462386");
  assert.equal(byTerm(gn, "p").get("tsang")!.toFixed(9), "0.017935252");
  assert.equal(z.get("illegitimate"), 0.8446625727405801);
  assert.equal(g2.get("illegitimate")!.toFixed(9), "2.799160985");
  assert.equal(z.get("west"), 1.4649820628609163);
  for (const w of ["tsang", "illegitimate", "west"]) assert.equal(nRef.get(w), 0);
  // Among the ten most over-used words of the outlet.
  const top = (gn.getColumn("term").toArray() as string[]).slice(0, 12);
  assert.ok(top.includes("tsang") && top.includes("west"), top.join(", "));
  // "G7" itself is only in video captions that cleaning removes; the story says "Group of Seven".
  assert.equal(z.get("g7"), undefined);
  const tri = keynessOf(a, { terms: { ngrams: [3], stopwords: "keep" } })
    .filter(
      pl.col("group").eq(pl.lit("Global News")).and(pl.col("term").eq(pl.lit("group of seven"))),
    );
  assert.equal(tri.height, 1);
  assert.equal(tri.getColumn("n_reference").get(0), 0);
  assert.ok(tri.getColumn("z").get(0) > 0);
});

Deno.test("seeds: 003 stands out on the pipeline and the trade figures", async () => {
  const a = await seedAnalysis();
  const key = keynessOf(a, { by: "id", terms: { ngrams: [1] } })
    .filter(pl.col("group").eq(pl.lit(SEED.reutersHangzhou)));
  const z = byTerm(key, "z");
  const g2 = byTerm(key, "g2");
  // 298 kept unigrams in 003 against 1,180 in the rest; each term once in 003, never elsewhere.
  for (const w of ["pipeline", "bcm", "cubic", "21", "3.8", "17.8"]) {
    assert.equal(z.get(w), 0.8957849010656972, w);
    assert.equal(g2.get(w)!.toFixed(9), "3.205385952", w);
    assert.equal(byTerm(key, "n_reference").get(w), 0, w);
  }
  // Terms everyone uses are not key: "china" has z < 0.5 for 003.
  assert.ok(z.get("china")! < 0.5);
});

Deno.test("keyness: every group against the rest, or one pair; readable errors", async () => {
  const a = await seedAnalysis();
  const groups = groupTermCounts(countTerms(a, { ngrams: [1] }));
  assert.deepEqual(groups.groups, ["Global News", "Reuters", "unknown"]);
  const all = keynessByGroup(groups);
  assert.deepEqual(all.columns, [
    "group",
    "reference",
    "term",
    "ngram",
    "n_target",
    "n_reference",
    "delta",
    "variance",
    "z",
    "g2",
    "p",
    "log_ratio",
    "p_doc",
    "q",
  ]);
  // From group sums there are no articles to test: p_doc and q are NaN (keynessOf has them).
  assert.ok(all.getColumn("p_doc").toArray().every(Number.isNaN));
  // One row per group and term of the joint vocabulary.
  const vocab = new Set<string>();
  for (const m of groups.counts) for (const t of m.keys()) vocab.add(t);
  assert.equal(all.height, 3 * vocab.size);
  const pair = keynessBetween(groups, "Global News", "Reuters");
  assert.equal(byTerm(pair, "n_reference").get("tsang"), 0);
  assert.ok(byTerm(pair, "z").get("tsang")! > 0);
  assert.throws(
    () => keynessBetween(groups, "Global News", "BBC"),
    /no outlet "BBC"; groups: Global News, Reuters, unknown/,
  );
  assert.throws(() => keynessBetween(groups, "Reuters", "Reuters"), /against itself/);
  assert.ok(Number.isNaN(logRatio(1, 0, 0, 10))); // an empty target has no ratio
  const one = groupTermCounts(countTerms(analysisOf(["Only one text."])));
  assert.equal(keynessByGroup(one).height, 0);
});

const JSONL = [
  {
    id: "d1",
    outlet: "Speeches",
    party: "Green",
    text: "We must protect the forests and the rivers. Forests matter.",
  },
  {
    id: "d2",
    outlet: "Speeches",
    party: "Green",
    text: "Protect the climate. Forests and rivers again.",
  },
  {
    id: "d3",
    outlet: "Speeches",
    party: "Blue",
    text: "Lower taxes help business. Taxes and jobs.",
  },
  { id: "d4", outlet: "Speeches", party: "Blue", text: "Jobs and business grow when taxes fall." },
].map((r) => JSON.stringify(r)).join("\n");

Deno.test("a JSONL corpus: keyness by any field (party), and analyze --corpus writes keyness", async () => {
  const dir = await tempDir();
  const path = `${dir}/speeches.jsonl`;
  await Deno.writeTextFile(path, JSONL + "\n");
  const a = await analyzeCorpus(path);
  assert.equal(a.articles.length, 4);
  const key = keynessOf(a, { by: "party", terms: { ngrams: [1] } });
  const green = key.filter(pl.col("group").eq(pl.lit("Green")));
  // Green: forests 3, rivers 2 and protect 2 of 13 kept words; Blue never uses them.
  assert.deepEqual(green.getColumn("term").toArray().slice(0, 3), ["forests", "protect", "rivers"]);
  assert.equal(byTerm(green, "n_target").get("forests"), 3);
  assert.ok(byTerm(green, "z").get("taxes")! < 0);
  const out = `${dir}/out`;
  const lines: string[] = [];
  const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
  const code = await analyzeCommand(["--corpus", path, "--out", out, "--quiet"], io);
  assert.equal(code, 0, lines.join("\n"));
  for (
    const name of ["terms", "outlet_terms", "keyness", "framing", "framing_summary", "sentiment"]
  ) {
    assert.ok((await Deno.stat(`${out}/${name}.parquet`)).size > 0, name);
  }
  // One outlet only, so keyness by outlet has no rows (its columns are there) and a warning says so.
  const written = pl.readParquet(`${out}/keyness.parquet`);
  assert.equal(written.height, 0);
  assert.equal(written.columns.length, 14);
  const warned: string[] = [];
  const noisy = { log: () => {}, error: (l: string) => warned.push(l) };
  assert.equal(await analyzeCommand(["--corpus", path, "--out", out, "--format", "csv"], noisy), 0);
  assert.match(warned[0], /^warning: every article has the same outlet \("Speeches"\)/);
  // --by party groups keyness by the corpus's own field.
  assert.equal(
    await analyzeCommand(["--corpus", path, "--out", out, "--by", "party", "--quiet"], io),
    0,
  );
  const byParty = pl.readParquet(`${out}/keyness.parquet`);
  assert.deepEqual(byParty.getColumn("group").unique().sort().toArray(), ["Blue", "Green"]);
  const forests = byParty.filter(
    pl.col("group").eq(pl.lit("Green")).and(pl.col("term").eq(pl.lit("forests"))),
  );
  assert.equal(forests.getColumn("n_target").get(0), 3);
  // A field no article has is one line, exit 2.
  const bad: string[] = [];
  assert.equal(
    await analyzeCommand(["--corpus", path, "--out", out, "--by", "colour"], {
      log: () => {},
      error: (l) => bad.push(l),
    }),
    2,
  );
  assert.match(
    bad[0],
    /^error: --by: no article has a value for the field "colour"; fields available: /,
  );
});
