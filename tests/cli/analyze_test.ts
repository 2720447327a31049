import assert from "node:assert/strict";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import { batchWordsFor, corpusSize, ONE_BATCH_BELOW_BYTES } from "../../src/batch/run.ts";
import type { Io } from "../../src/cli/args.ts";
import { tempDir } from "../seeds.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

Deno.test("analyze writes the foundation frames for the seeds and prints a summary", async () => {
  const dir = await tempDir();
  const io = capture();
  const code = await analyzeCommand(["--out", dir], io);
  assert.equal(code, 0, io.err.join("\n"));
  for (const name of ["articles", "sentences", "tokens", "cleaning"]) {
    for (const ext of ["parquet", "csv"]) {
      assert.ok((await Deno.stat(`${dir}/${name}.${ext}`)).size > 0);
    }
  }
  const text = io.out.join("\n");
  assert.match(text, /Reuters\s+3\s+51\s+1278/);
  assert.match(text, /Global News\s+1\s+19\s+585/);
  assert.match(text, /total\s+5\s+86\s+2225/);
  assert.match(
    text,
    /removed 11 boilerplate paragraph\(s\) \(video_caption 3, video_caption_title 3, ad_marker 3, tags 1, duplicate_headline 1\)/,
  );
  assert.match(text, /sanctionsMoscow → sanctions Moscow/);
  assert.match(text, /rejected: 0 record\(s\)/);
});

Deno.test("analyze --format csv writes CSV only", async () => {
  const dir = await tempDir();
  assert.equal(await analyzeCommand(["--out", dir, "--format", "csv", "--quiet"], capture()), 0);
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.ok(names.every((n) => n.endsWith(".csv") || n === "run.json"), names.join(","));
  assert.ok(names.includes("run.json") && names.includes("rejections.csv"));
});

Deno.test("analyze on a JSONL corpus with a bad line: loads the rest, lists the rejection, --strict fails", async () => {
  const dir = await tempDir();
  const corpus = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    corpus,
    `${JSON.stringify({ id: "a", outlet: "X", text: "One. Two." })}\n{oops\n${
      JSON.stringify({ id: "b", outlet: "Y", text: "Three." })
    }\n`,
  );
  const io = capture();
  assert.equal(await analyzeCommand(["--corpus", corpus, "--out", `${dir}/out`], io), 0);
  const text = io.out.join("\n");
  assert.match(text, /total\s+2\s+3\s+3/);
  assert.match(text, new RegExp(`rejected: 1 record\\(s\\)\\n  ${corpus}:2: not valid JSON`));
  const strict = capture();
  assert.equal(
    await analyzeCommand(
      ["--corpus", corpus, "--out", `${dir}/out`, "--strict", "--quiet"],
      strict,
    ),
    1,
  );
  assert.deepEqual(strict.err, [
    `rejected: 1 record(s); every one is listed in ${dir}/out/rejections.csv`,
    "error: --strict: 1 record(s) rejected",
  ]);
  assert.equal(
    await Deno.readTextFile(`${dir}/out/rejections.csv`),
    "file,line,field,id,message\n" +
      `${corpus},2,,,not valid JSON (Expected property name or '}' at column 2); each line must be one JSON object\n`,
  );
});

Deno.test("user mistakes are one line (plus where --help is), exit 2, no stack trace", async () => {
  const bad = capture();
  assert.equal(await analyzeCommand(["--bogus"], bad), 2);
  assert.match(bad.err[0], /^error: Unknown option '--bogus'/);
  const fmt = capture();
  assert.equal(await analyzeCommand(["--format", "xlsx"], fmt), 2);
  assert.match(fmt.err[0], /^error: --format takes a comma list of parquet, csv \(got "xlsx"\)/);
  const missing = capture();
  assert.equal(await analyzeCommand(["--corpus", "no/such/dir"], missing), 2);
  assert.deepEqual(missing.err, [
    "no/such/dir: error: does not exist; give a folder of .txt/.md/.html files, a .jsonl file or a .csv file",
  ]);
});

Deno.test("analyze --stages runs only the stages named (corpus always)", async () => {
  const dir = await tempDir();
  const io = capture();
  assert.equal(
    await analyzeCommand(["--out", dir, "--stages", "measure", "--format", "csv"], io),
    0,
  );
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name.replace(/\.csv$/, ""));
  assert.ok(names.includes("tokens") && names.includes("keyness"));
  assert.ok(!names.includes("entities") && !names.includes("reuse_pairs"));
  const bad = capture();
  assert.equal(await analyzeCommand(["--stages", "bogus"], bad), 2);
  assert.match(
    bad.err[0],
    /^error: --stages takes a comma list of corpus, extract, measure, reuse/,
  );
});

Deno.test("analyze --charts writes every chart beside the frames", async () => {
  const dir = await tempDir();
  assert.equal(
    await analyzeCommand([
      "--out",
      dir,
      "--format",
      "parquet",
      "--charts",
      "--quiet",
      "--lexicon",
      "data/lexicons/examples/russia_china.json",
    ], capture()),
    0,
  );
  const charts = [];
  for await (const e of Deno.readDir(`${dir}/charts`)) charts.push(e.name);
  // 13 charts × 4 formats: with the example lexicon, its heatmap and its naming chart.
  assert.equal(charts.length, 52);
  assert.ok(charts.includes("names_war_naming.png") && charts.includes("keyness.json"));
});

Deno.test("a corpus where nothing loads is one line and exit 1, not a stack trace", async () => {
  const dir = await tempDir();
  await Deno.mkdir(`${dir}/empty`);
  await Deno.writeTextFile(`${dir}/bad.jsonl`, "[1]\n");
  // "story" is no other name of the text ("body" is: it would load).
  await Deno.writeTextFile(`${dir}/notext.csv`, "id,story\n1,hello\n");
  for (const corpus of [`${dir}/empty`, `${dir}/bad.jsonl`, `${dir}/notext.csv`]) {
    const io = capture();
    assert.equal(await analyzeCommand(["--corpus", corpus, "--out", `${dir}/out`], io), 1, corpus);
    assert.deepEqual(io.err, [
      `error: no article could be loaded from ${corpus}; see the rejections above`,
    ]);
  }
});

Deno.test("a manifest that cannot be used is one line on stderr, with --quiet and in a shard too", async () => {
  const dir = await tempDir();
  const manifest = `${dir}/manifest.json`;
  await Deno.writeTextFile(manifest, "[1, 2]\n");
  const line =
    `${manifest}: error: must be a JSON object { "articles": [ … ] }; the manifest is not applied`;
  for (const more of [[], ["--quiet"], ["--shard", "0/1", "--quiet"]]) {
    const io = capture();
    const out = `${dir}/out${more.length}`;
    const args = ["--manifest", manifest, "--out", out, "--stages", "corpus", "--format", "csv"];
    assert.equal(await analyzeCommand([...args, ...more], io), 0, io.err.join("\n"));
    assert.deepEqual(io.err.filter((l) => l.includes(manifest)), [line], more.join(" "));
  }
  assert.equal(
    await Deno.readTextFile(`${dir}/out1/rejections.csv`),
    `file,line,field,id,message\n${manifest},,,,"must be a JSON object { ""articles"": [ … ] }; the manifest is not applied"\n`,
  );
});

Deno.test("a flag whose value is missing, or starts with a dash, says what to write", async () => {
  const io = capture();
  assert.equal(await analyzeCommand(["--out", "--quiet"], io), 2);
  assert.deepEqual(io.err, [
    `error: --out needs a value (one that starts with "-" is written --out=VALUE)\n` +
    "(deno task analyze --help lists every option)",
  ]);
  // A negative number is a value, not a flag: its own check says what it must be.
  const negative = capture();
  assert.equal(await analyzeCommand(["--batch-words", "-1"], negative), 2);
  assert.deepEqual(negative.err, [
    'error: --batch-words: "-1" is not a whole number of at least 0\n' +
    "(deno task analyze --help lists every option)",
  ]);
});

Deno.test("--strict that fails on a rejected field or a bad manifest says which, not '0 record(s) rejected'", async () => {
  const dir = await tempDir();
  const corpus = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    corpus,
    `${JSON.stringify({ id: "a", outlet: "X", text: "One. Two.", date: "03/05/2024" })}\n`,
  );
  await Deno.writeTextFile(`${dir}/m.json`, "[]\n");
  const args = ["--corpus", corpus, "--out", `${dir}/out`, "--stages", "corpus", "--quiet"];
  const io = capture();
  assert.equal(await analyzeCommand([...args, "--strict", "--manifest", `${dir}/m.json`], io), 1);
  assert.equal(
    io.err.at(-1),
    "error: --strict: 0 record(s) rejected, 1 field(s) rejected, 1 error(s) about the corpus " +
      "(a manifest)",
  );
});

Deno.test("a corpus under 12 MB runs in one batch unless told; from 12 MB on, in batches of 250,000 words", async () => {
  const dir = await tempDir();
  assert.equal(ONE_BATCH_BELOW_BYTES, 12_000_000);
  // Sparse files: only their size is read.
  const file = async (name: string, bytes: number) => {
    const path = `${dir}/${name}`;
    await Deno.writeTextFile(path, "");
    await Deno.truncate(path, bytes);
    return path;
  };
  assert.equal(batchWordsFor(await corpusSize(await file("under.jsonl", 11_999_999))), 0);
  assert.equal(batchWordsFor(await corpusSize(await file("at.jsonl", 12_000_000))), 250_000);
  // A folder counts the text files in it.
  await Deno.mkdir(`${dir}/folder`);
  await file("folder/a.txt", 7_000_000);
  assert.equal(batchWordsFor(await corpusSize(`${dir}/folder`)), 0);
  await file("folder/b.txt", 5_000_000);
  assert.equal(batchWordsFor(await corpusSize(`${dir}/folder`)), 250_000);
  // What cannot be read is left to the loader's own error: the batched default.
  assert.equal(batchWordsFor(await corpusSize(`${dir}/missing.jsonl`)), 250_000);
});
