import assert from "node:assert/strict";
import { assertFramesClose as assertFramesCloseTo } from "./frames_close.ts";
import pl from "nodejs-polars";
import { analyzeShard, analyzeToFiles, shardOf } from "../../src/batch/run.ts";
import { mergeCommand } from "../../src/cli/merge.ts";
import { readFrame } from "../../src/frames/partitions.ts";
import { loadCorpus } from "../../src/corpus/load.ts";
import { OUTLET_TERMS_SQL } from "../../src/batch/sql.ts";
import { tempDir } from "../seeds.ts";

const SHARDS = 4;
const PERMISSIONS = [
  "--allow-read",
  "--allow-write=data/out,/tmp",
  "--allow-ffi",
  "--allow-sys=cpus,osRelease,networkInterfaces,hostname",
  "--allow-env=LOG_TOKENS,LOG_STREAM",
];
const STEPS = "corpus,extract,measure,reuse";

/** 20 articles: the five seeds four times over, each copy its own id and outlet, with a year. */
async function corpus(): Promise<string> {
  const { articles } = await loadCorpus("seeds");
  const path = `${await tempDir()}/copies.jsonl`;
  const lines = [0, 1, 2, 3].flatMap((copy) =>
    articles.map((a, i) =>
      JSON.stringify({
        id: `c${copy}-${a.id}`,
        outlet: `${a.outlet ?? "unknown"} ${copy % 2 ? "east" : "west"}`,
        year: String(2020 + ((i + copy) % 3)),
        text: a.text,
      })
    )
  );
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  return path;
}

async function deno(args: string[]): Promise<void> {
  const out = await new Deno.Command("deno", { args, stdout: "piped", stderr: "piped" }).output();
  const err = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, `deno ${args.join(" ")}: ${err}`);
}

/**
 * Rows in one order for both runs: per-article frames by the one-piece run's article order (a
 * stable sort, so an article's rows keep theirs), corpus-level ones by every key column.
 */
function canonical(df: pl.DataFrame, articleOrder: Map<string, number>): pl.DataFrame {
  const key = ["sentence_id", "sentence"].find((k) => df.columns.includes(`${k}_a`));
  if (key) {
    // reuse_pairs and figure_consistency put sentence a before b in the order the articles were
    // read, which for shards is shard by shard: orient every (symmetric) pair one way for both.
    const swap = pl.col(`${key}_a`).gt(pl.col(`${key}_b`));
    const bases = df.columns.filter((c) =>
      c.endsWith("_a") && df.columns.includes(`${c.slice(0, -2)}_b`)
    )
      .map((c) => c.slice(0, -2));
    df = df.withColumns(
      ...bases.flatMap((base) => [
        pl.when(swap).then(pl.col(`${base}_b`)).otherwise(pl.col(`${base}_a`)).alias(`${base}_a`),
        pl.when(swap).then(pl.col(`${base}_a`)).otherwise(pl.col(`${base}_b`)).alias(`${base}_b`),
      ]),
    );
  }
  // coverage_articles lists (item, article) rows item by item: sorted by every key below.
  if (df.columns.includes("article_id") && !df.columns.includes("key")) {
    const rank = (df.getColumn("article_id").toArray() as string[]).map((id) =>
      articleOrder.get(id)!
    );
    return df.withColumn(pl.Series("_rank", Int32Array.from(rank)))
      .sort("_rank", false, true, true).drop("_rank");
  }
  const keys = df.columns.filter((_, i) => /Utf8|String|Int/.test(String(df.dtypes[i])));
  return df.sort(keys, false, true, true);
}

/** Frames equal, floats to 1e-9 relative (sums are added in another order). */
const assertFramesClose = (actual: pl.DataFrame, expected: pl.DataFrame, name: string) =>
  assertFramesCloseTo(actual, expected, name, 1e-9);

const path = await corpus();
const ids = (await loadCorpus(path)).articles.map((a) => a.id);

Deno.test("every shard gets articles of this corpus, and an article's shard never changes", () => {
  const counts = [0, 0, 0, 0];
  for (const id of ids) counts[shardOf(id, SHARDS)]++;
  assert.ok(counts.every((n) => n > 0), `articles per shard: ${counts}`);
  // FNV-1a of "a" is 0xe40c292c (the published test vector), so "a" is in shard 0xe40c292c % 4.
  assert.equal(shardOf("a", 2 ** 31), 0xe40c292c % 2 ** 31);
  assert.equal(shardOf("a", SHARDS), 0);
});

Deno.test("4 shards as separate processes plus merge give every frame of the one-piece run", async () => {
  const whole = await tempDir();
  const run = await analyzeToFiles(path, {
    out: whole,
    formats: ["parquet"],
    batchWords: 0,
    stages: STEPS.split(","),
  });
  const sharded = await tempDir();
  const analyze = (k: number) =>
    deno([
      "run",
      ...PERMISSIONS,
      "src/cli/analyze.ts",
      "--corpus",
      path,
      "--out",
      sharded,
      "--format",
      "parquet",
      "--stages",
      STEPS,
      "--batch-words",
      "1000",
      "--workers",
      "1",
      "--quiet",
      "--shard",
      `${k}/${SHARDS}`,
    ]);
  // Two at a time (the machine has two cores); every one a process of its own.
  await Promise.all([analyze(0), analyze(1)]);
  await Promise.all([analyze(2), analyze(3)]);
  // Every batch of every shard wrote its reuse index aside, which the merge reads for the tokens.
  const batchesOf = (dir: string) =>
    [...Deno.readDirSync(dir)].flatMap((shard) =>
      [...Deno.readDirSync(`${dir}/${shard.name}`)].map((b) => `${shard.name}/${b.name}`)
    ).sort();
  const indexed = batchesOf(`${sharded}/.staging/reuse_index`);
  assert.deepEqual(indexed, batchesOf(`${sharded}/sentences`));
  assert.ok(indexed.length > SHARDS, indexed.join(" "));
  await deno(["run", ...PERMISSIONS, "src/cli/merge.ts", "--quiet", sharded]);

  const order = new Map(ids.map((id, i) => [id, i]));
  const names = Object.keys(run.rows);
  assert.ok(names.includes("keyness") && names.includes("terms") && names.includes("entities"));
  assert.ok(names.includes("reuse_pairs") && names.includes("coverage"));
  // Which of two copies of one date and coverage is the other's source is a tie broken by the
  // order the articles were read (shard by shard here): every copy here is such a tie.
  const ties: Record<string, string[]> = {
    article_similarity: ["likely_source"],
    article_sources: ["likely_source", "source_sentences", "source_published", "source_rule"],
  };
  for (const name of names) {
    const untied = (df: pl.DataFrame) =>
      df.drop((ties[name] ?? []).filter((c) => df.columns.includes(c)));
    const expected = canonical(untied(readFrame(whole, name)), order);
    const parts = untied(readFrame(sharded, name));
    const hive = ["shard", "batch"].filter((c) => parts.columns.includes(c));
    const actual = canonical(hive.length ? parts.drop(hive) : parts, order);
    assertFramesClose(actual, expected, name);
  }
  // Shards had several batches each: the parts are Hive-style, shard then batch.
  const parts = [...Deno.readDirSync(`${sharded}/tokens`)].map((e) => e.name).sort();
  assert.deepEqual(parts, ["shard=00000", "shard=00001", "shard=00002", "shard=00003"]);

  // The merge as SQL over the Hive parts gives the same outlet_terms.
  const sql = pl.SQLContext({
    terms: pl.scanParquet(`${sharded}/terms/**/*.parquet`),
    articles: pl.scanParquet(`${sharded}/articles/**/*.parquet`),
  }).execute(OUTLET_TERMS_SQL, { eager: true });
  assertFramesClose(
    canonical(sql, order),
    canonical(readFrame(whole, "outlet_terms"), order),
    "outlet_terms (SQL)",
  );
});

Deno.test("merge refuses a folder where a shard has not finished, naming it", async () => {
  const out = await tempDir();
  await analyzeShard("seeds", { index: 0, count: 2 }, {
    out,
    formats: ["parquet"],
    stages: ["corpus"],
    workers: 1,
    settings: {
      by: "outlet",
      within: null,
      lexicon: [],
      "no-default-lexicons": false,
      tone: null,
      format: ["parquet"],
      stages: ["corpus"],
      shards: 2,
    },
  });
  const err: string[] = [];
  const code = await mergeCommand([out], { log: () => {}, error: (l) => err.push(l) });
  assert.equal(code, 2);
  assert.match(err.join("\n"), /shard 1 of 2 not finished/);
  // The first shard's parts are there, under its own folder, and nothing corpus-level yet.
  assert.deepEqual([...Deno.readDirSync(`${out}/tokens`)].map((e) => e.name), ["shard=00000"]);
  assert.throws(() => Deno.statSync(`${out}/keyness.parquet`), Deno.errors.NotFound);
});
