import assert from "node:assert/strict";
import { assertFramesClose as assertFramesCloseTo } from "./frames_close.ts";
import pl from "nodejs-polars";
import { analyzeToFiles, type BatchedRun } from "../../src/batch/run.ts";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import type { Io } from "../../src/cli/args.ts";
import { readFrame } from "../../src/frames/partitions.ts";
import { loadCorpus } from "../../src/corpus/load.ts";
import { tempDir } from "../seeds.ts";

// The seeds are 2,225 words; batches of about 300 words put each article in a batch of its own
// (the first article alone fills one), so every corpus-level frame is a sum over five batches.
const SMALL_BATCH = 300;

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

async function run(
  batchWords: number,
  workers: number,
  formats: ("parquet" | "csv")[] = ["parquet"],
  corpus = "seeds",
  by?: string,
): Promise<{ dir: string; run: BatchedRun; warnings: string[] }> {
  const dir = await tempDir();
  const warnings: string[] = [];
  const result = await analyzeToFiles(corpus, {
    out: dir,
    formats,
    batchWords,
    workers,
    by,
    stages: ["corpus", "extract", "measure"],
    onWarning: (m) => warnings.push(m),
  });
  return { dir, run: result, warnings };
}

/**
 * The seeds as JSON Lines, `party` given only to the articles `withParty` (by position) and
 * `year` to none: batches then carry different extra fields.
 */
async function seedsJsonl(withParty: number[]): Promise<string> {
  const { articles } = await loadCorpus("seeds");
  const path = `${await tempDir()}/seeds.jsonl`;
  await Deno.writeTextFile(
    path,
    articles.map((a, i) =>
      JSON.stringify({
        id: a.id,
        outlet: a.outlet,
        text: a.text,
        ...(withParty.includes(i) ? { party: i === 3 ? "blue" : "red" } : {}),
      })
    ).join("\n") + "\n",
  );
  return path;
}

/** Frames equal, floats to 1e-12 relative (sums are added in another order). */
const assertFramesClose = (actual: pl.DataFrame, expected: pl.DataFrame, name: string) =>
  assertFramesCloseTo(actual, expected, name, 1e-12);

Deno.test("a corpus in batches gives the frames the corpus gives in one piece", async () => {
  const whole = await run(0, 1, ["parquet", "csv"]);
  const parts = await run(SMALL_BATCH, 1, ["parquet", "csv"]);
  assert.equal(whole.run.batches, 1);
  assert.equal(parts.run.batches, 5);
  assert.deepEqual(whole.run.partitioned, []);
  assert.deepEqual(
    parts.run.partitioned,
    [
      "articles",
      "sentences",
      "tokens",
      "cleaning",
      "entities",
      "figures",
      "quotes",
      "attributions",
      "agencies",
      "terms",
      "framing",
      "sentiment",
      "readability",
    ],
  );
  assert.deepEqual(parts.run.rows, { ...parts.run.rows, ...whole.run.rows });
  assert.equal(parts.run.rows.tokens, 2225);
  assert.equal(parts.run.rows.terms, 1828);
  assert.equal(parts.run.rows.keyness, 3681);
  for (const name of Object.keys(whole.run.frames!)) {
    assertFramesClose(readFrame(parts.dir, name), whole.run.frames![name], name);
  }
  // The summary is the same sum.
  assert.deepEqual(parts.run.summary, whole.run.summary);
  // CSV parts (terms is streamed to its files, tokens written from the frame) add up to the
  // whole file, byte for byte.
  for (const name of ["terms", "tokens"]) {
    const [header, ...body] = (await Deno.readTextFile(`${whole.dir}/${name}.csv`)).split("\n");
    const joined = [header];
    for (let k = 0; k < 5; k++) {
      const lines = (await Deno.readTextFile(`${parts.dir}/${name}/batch=0000${k}/part.csv`))
        .split("\n");
      assert.equal(lines[0], header, name);
      joined.push(...lines.slice(1).filter((l) => l !== ""));
    }
    assert.deepEqual(joined, [header, ...body.filter((l) => l !== "")], name);
  }
});

Deno.test("two workers write exactly what one does", async () => {
  const one = await run(SMALL_BATCH, 1);
  const two = await run(SMALL_BATCH, 2);
  assert.equal(two.run.batches, 5);
  assert.deepEqual(two.run.rows, one.run.rows);
  for (const name of Object.keys(one.run.rows)) {
    assert.ok(readFrame(two.dir, name).frameEqual(readFrame(one.dir, name)), name);
  }
});

Deno.test("parts are Hive-style folders a scan reads as one table, in batch order", async () => {
  const { dir, run: r } = await run(SMALL_BATCH, 2, ["parquet", "csv"]);
  for (let k = 0; k < 5; k++) {
    for (const ext of ["parquet", "csv"]) {
      assert.ok((await Deno.stat(`${dir}/tokens/batch=0000${k}/part.${ext}`)).isFile);
    }
  }
  // Corpus-level frames stay whole; nothing is left in the staging folder.
  assert.ok((await Deno.stat(`${dir}/keyness.parquet`)).isFile);
  await assert.rejects(Deno.stat(`${dir}/.staging`), Deno.errors.NotFound);
  const scanned = pl.scanParquet(`${dir}/articles/**/*.parquet`, { hivePartitioning: true })
    .collectSync();
  assert.deepEqual(scanned.getColumn("batch").toArray(), [0, 1, 2, 3, 4]);
  assert.deepEqual(scanned.getColumn("article_id").toArray().map((id) => String(id).slice(0, 3)), [
    "000",
    "001",
    "002",
    "003",
    "004",
  ]);
  assert.equal(r.written.filter((p) => p.includes("/tokens/")).length, 10);
});

Deno.test("a run replaces what an earlier run wrote, whole or in parts", async () => {
  const dir = await tempDir();
  const io = capture();
  const args = ["--out", dir, "--quiet", "--stages", "corpus", "--format", "parquet"];
  assert.equal(await analyzeCommand(args, io), 0);
  assert.ok((await Deno.stat(`${dir}/tokens.parquet`)).isFile);
  assert.equal(await analyzeCommand([...args, "--batch-words", "300"], io), 0);
  await assert.rejects(Deno.stat(`${dir}/tokens.parquet`), Deno.errors.NotFound);
  assert.equal(readFrame(dir, "tokens").height, 2225);
  assert.equal(await analyzeCommand(args, io), 0);
  await assert.rejects(Deno.stat(`${dir}/tokens`), Deno.errors.NotFound);
  assert.equal(readFrame(dir, "tokens").height, 2225);
});

Deno.test("analyze in batches: says where the parts are, and reuse runs from them as in one piece", async () => {
  const dir = await tempDir();
  const io = capture();
  assert.equal(await analyzeCommand(["--out", dir, "--batch-words", "300"], io), 0);
  const text = io.out.join("\n");
  assert.match(text, /total\s+5\s+86\s+2225/);
  assert.match(text, /5 batches: articles, sentences, tokens, .* are written in parts/);
  assert.deepEqual(io.err, []);
  const wholeDir = await tempDir();
  assert.equal(await analyzeCommand(["--out", wholeDir, "--quiet", "--format", "parquet"], io), 0);
  // The seeds' 53 shared sentence pairs, whichever way the corpus was read.
  assert.equal(readFrame(dir, "reuse_pairs").height, 53);
  for (const name of ["reuse_pairs", "article_similarity", "article_sources", "coverage"]) {
    assertFramesClose(readFrame(dir, name), readFrame(wholeDir, name), name);
  }
});

Deno.test("analyze in batches with --format csv: reuse still runs (its parts are also Parquet)", async () => {
  const dir = await tempDir();
  const io = capture();
  const args = ["--out", dir, "--batch-words", "300", "--format", "csv", "--quiet"];
  assert.equal(await analyzeCommand(args, io), 0, io.err.join("\n"));
  assert.deepEqual(io.err, []);
  const pairs = await Deno.readTextFile(`${dir}/reuse_pairs.csv`);
  // The seeds' 53 shared sentence pairs and the header.
  assert.equal(pairs.trimEnd().split("\n").length, 54);
});

Deno.test("analyze in batches: bad options and a missing --by field are one line, exit 2", async () => {
  const dir = await tempDir();
  for (
    const [args, message] of [
      [
        ["--batch-words", "lots"],
        /^error: --batch-words: "lots" is not a whole number of at least 0/,
      ],
      [["--workers", "0"], /^error: --workers: "0" is not a whole number of at least 1/],
      [
        ["--batch-words", "300", "--by", "colour"],
        /^error: --by: no article has a value for the field "colour"; fields available: /,
      ],
    ] as const
  ) {
    const io = capture();
    assert.equal(await analyzeCommand(["--out", dir, "--quiet", ...args], io), 2, args.join(" "));
    assert.equal(io.err.length, 1, io.err.join("\n"));
    assert.match(io.err[0], message);
  }
});

Deno.test("batches with different extra fields: every part of articles has them all", async () => {
  const corpus = await seedsJsonl([3, 4]);
  const whole = await run(0, 1, ["parquet", "csv"], corpus);
  const parts = await run(SMALL_BATCH, 2, ["parquet", "csv"], corpus);
  assert.equal(parts.run.batches, 5);
  assert.ok(whole.run.frames!.articles.columns.includes("party"));
  assert.ok(readFrame(parts.dir, "articles").frameEqual(whole.run.frames!.articles));
  const csv = async (path: string) => (await Deno.readTextFile(path)).trimEnd().split("\n");
  const [header, ...rows] = await csv(`${whole.dir}/articles.csv`);
  const joined = [header];
  for (let k = 0; k < 5; k++) {
    const [partHeader, ...partRows] = await csv(`${parts.dir}/articles/batch=0000${k}/part.csv`);
    assert.equal(partHeader, header);
    joined.push(...partRows);
  }
  assert.deepEqual(joined, [header, ...rows]);
});

Deno.test("--by a field only later batches have: a warning, then the same keyness", async () => {
  const corpus = await seedsJsonl([3, 4]);
  const whole = await run(0, 1, ["parquet"], corpus, "party");
  const parts = await run(SMALL_BATCH, 2, ["parquet"], corpus, "party");
  assert.equal(parts.warnings.length, 1);
  assert.match(parts.warnings[0], /^--by party: no article of the first batch has this field/);
  for (const name of ["outlet_terms", "keyness", "framing_summary", "sentiment_outlet"]) {
    assertFramesClose(readFrame(parts.dir, name), whole.run.frames![name], name);
  }
  assert.deepEqual(
    readFrame(parts.dir, "outlet_terms").getColumn("party").unique().sort().toArray(),
    [
      "blue",
      "red",
    ],
  );
});

Deno.test("a batched run that fails leaves nothing half-written", async () => {
  const corpus = await seedsJsonl([]);
  const dir = await tempDir();
  const io = capture();
  // No article has a date, so none has a year: found only once every batch is in.
  const code = await analyzeCommand(
    ["--corpus", corpus, "--out", dir, "--batch-words", "300", "--by", "year"],
    io,
  );
  assert.equal(code, 2);
  assert.match(io.err.at(-1)!, /^error: --by: no article has a value for the field "year"/);
  const left: string[] = [];
  for await (const e of Deno.readDir(dir)) left.push(e.name);
  assert.deepEqual(left, []);
});

Deno.test("a batched run removes the frames of stages it does not run", async () => {
  const dir = await tempDir();
  const io = capture();
  assert.equal(await analyzeCommand(["--out", dir, "--quiet", "--format", "parquet"], io), 0);
  assert.ok((await Deno.stat(`${dir}/reuse_pairs.parquet`)).isFile);
  assert.equal(
    await analyzeCommand(
      [
        ...["--out", dir, "--quiet", "--format", "parquet", "--batch-words", "300"],
        ...["--stages", "corpus,extract,measure"],
      ],
      io,
    ),
    0,
  );
  for (const name of ["reuse_pairs", "article_similarity", "article_sources", "coverage"]) {
    await assert.rejects(Deno.stat(`${dir}/${name}.parquet`), Deno.errors.NotFound, name);
  }
});

Deno.test("--within and term options in batches on two workers: the keyness of the whole", async () => {
  const corpus = await seedsJsonl([0, 1, 2, 3, 4]);
  const options = {
    formats: ["parquet" as const],
    within: "party",
    terms: { stopwords: new Set(["the", "and", "of"]), honorifics: "drop" as const },
    stages: ["corpus", "measure"],
  };
  const wholeDir = await tempDir();
  const whole = await analyzeToFiles(corpus, { ...options, out: wholeDir, batchWords: 0 });
  const partsDir = await tempDir();
  await analyzeToFiles(corpus, { ...options, out: partsDir, batchWords: SMALL_BATCH, workers: 2 });
  for (const name of ["terms", "keyness"]) {
    assertFramesClose(readFrame(partsDir, name), whole.frames![name], name);
  }
  // The term options reached the workers: "the" is no term there either.
  assert.ok(
    !(readFrame(partsDir, "terms").getColumn("term").toArray() as string[]).includes("the"),
  );
  // Within party, only the red stratum (000, 001, 002, 004) compares outlets (003 alone is blue).
  assert.ok(whole.frames!.keyness.height > 0);
});
