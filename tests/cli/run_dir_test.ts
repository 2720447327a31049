import assert from "node:assert/strict";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import { chartsCommand } from "../../src/cli/charts.ts";
import type { Io } from "../../src/cli/args.ts";

import { assertSameFiles, scratchDir, snapshot } from "./files.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

const QUICK = ["--stages", "corpus", "--format", "parquet", "--quiet"];

Deno.test("run.json records the command, versions, corpus hash, rows and rejections", async () => {
  const dir = await scratchDir();
  assert.equal(await analyzeCommand(["--out", dir, ...QUICK], capture()), 0);
  const run = JSON.parse(await Deno.readTextFile(`${dir}/run.json`));
  assert.equal(run.command, "analyze");
  assert.equal(run.options.corpus, "seeds");
  assert.deepEqual(run.options.stages, ["corpus"]);
  assert.match(run.kit, /^git [0-9a-f]{40}$|^unknown$/);
  assert.equal(run.dependencies["nodejs-polars"], "0.25.2");
  assert.equal(run.corpus.path, "seeds");
  assert.match(run.corpus.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(run.rows, { articles: 5, sentences: 86, tokens: 2225, cleaning: 18 });
  assert.equal(run.rejections, 0);
  assert.deepEqual(run.outputs, [
    "articles.parquet",
    "cleaning.parquet",
    "rejections.csv",
    "sentences.parquet",
    "tokens.parquet",
  ]);
  assert.ok(Date.parse(run.started) <= Date.parse(run.finished));
  // Nothing of the run's machinery is left behind.
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names.sort(), [...run.outputs, "run.json"].sort());
  // The same corpus hashes the same; one changed byte changes the hash.
  const dir2 = await scratchDir();
  assert.equal(await analyzeCommand(["--out", dir2, ...QUICK], capture()), 0);
  assert.equal(
    JSON.parse(await Deno.readTextFile(`${dir2}/run.json`)).corpus.sha256,
    run.corpus.sha256,
  );
});

Deno.test("a user's files in --out are never touched; one in the way stops the run before it starts", async () => {
  const dir = await scratchDir();
  await Deno.writeTextFile(`${dir}/articles.csv`, "mine\n");
  await Deno.mkdir(`${dir}/notes`);
  await Deno.writeTextFile(`${dir}/notes/a.txt`, "keep\n");
  // --format parquet does not write articles.csv: the user's stays.
  assert.equal(await analyzeCommand(["--out", dir, ...QUICK], capture()), 0);
  assert.equal(await Deno.readTextFile(`${dir}/articles.csv`), "mine\n");
  assert.equal(await Deno.readTextFile(`${dir}/notes/a.txt`), "keep\n");
  const before = await snapshot(dir);
  // --format csv would overwrite it: refused, nothing changes.
  const io = capture();
  const args = ["--out", dir, "--stages", "corpus", "--format", "csv", "--quiet"];
  assert.equal(await analyzeCommand(args, io), 2);
  assert.deepEqual(io.err, [
    `error: ${dir} holds articles.csv, which no newsframe run wrote there (no run.json lists it); move it or choose another --out`,
  ]);
  assertSameFiles(await snapshot(dir), before);
  // A folder the kit would write parts into, holding unrelated files: refused the same way.
  const dir2 = await scratchDir();
  await Deno.mkdir(`${dir2}/tokens`);
  await Deno.writeTextFile(`${dir2}/tokens/x.bin`, "x");
  const io2 = capture();
  assert.equal(await analyzeCommand(["--out", dir2, ...QUICK], io2), 2);
  assert.match(io2.err[0], /holds tokens, which no newsframe run wrote there/);
  assert.equal(await Deno.readTextFile(`${dir2}/tokens/x.bin`), "x");
});

Deno.test("a corpus inside --out is refused up front", async () => {
  const dir = await scratchDir();
  const corpus = `${dir}/articles.csv`;
  await Deno.writeTextFile(corpus, "id,outlet,text\na,X,One sentence here.\n");
  const io = capture();
  assert.equal(await analyzeCommand(["--corpus", corpus, "--out", dir, ...QUICK], io), 2);
  assert.deepEqual(io.err, [
    `error: the corpus ${corpus} is inside the output folder ${dir}; a run could overwrite it: choose another --out`,
  ]);
  assert.equal(await Deno.readTextFile(corpus), "id,outlet,text\na,X,One sentence here.\n");
});

Deno.test("a run removes only what the previous run.json lists: stale frames and charts go, user files stay", async () => {
  const dir = await scratchDir();
  assert.equal(
    await analyzeCommand([
      "--out",
      dir,
      "--stages",
      "corpus,measure",
      "--format",
      "parquet",
      "--quiet",
      "--charts",
    ], capture()),
    0,
  );
  assert.ok((await Deno.stat(`${dir}/terms.parquet`)).isFile);
  assert.ok((await Deno.stat(`${dir}/charts`)).isDirectory);
  await Deno.writeTextFile(`${dir}/mine.txt`, "keep");
  assert.equal(await analyzeCommand(["--out", dir, ...QUICK], capture()), 0);
  await assert.rejects(Deno.stat(`${dir}/terms.parquet`), Deno.errors.NotFound);
  await assert.rejects(Deno.stat(`${dir}/charts`), Deno.errors.NotFound);
  assert.equal(await Deno.readTextFile(`${dir}/mine.txt`), "keep");
});

Deno.test("a folder locked by a live run: one line, exit 2; a stale lock is taken over with a warning", async () => {
  const dir = await scratchDir();
  // Another process's lock, as the kernel sees it: an open file with an exclusive lock on it.
  const lock = await Deno.open(`${dir}/.newsframe.lock`, { write: true, create: true });
  await lock.write(new TextEncoder().encode("4242\n"));
  assert.ok(await lock.tryLock(true));
  const io = capture();
  assert.equal(await analyzeCommand(["--out", dir, ...QUICK], io), 2);
  assert.deepEqual(io.err, [
    `error: another newsframe run (pid 4242) is writing to ${dir}; wait for it to finish, or choose another --out`,
  ]);
  assert.equal(await Deno.readTextFile(`${dir}/.newsframe.lock`), "4242\n");
  // The owner dies (its lock goes with it) and leaves a staging folder behind, as SIGKILL does.
  lock.close();
  await Deno.mkdir(`${dir}/.newsframe-staging-4242/tokens`, { recursive: true });
  const io2 = capture();
  assert.equal(await analyzeCommand(["--out", dir, ...QUICK], io2), 0);
  assert.deepEqual(io2.err, [
    `warning: ${dir}/.newsframe.lock: the run that locked this folder (pid 4242) is gone; taking over`,
  ]);
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.ok(!names.some((n) => n.startsWith(".")), names.join(", "));
});

Deno.test("two runs into one folder at once: the second says so and exits 2, touching nothing; the first completes", async () => {
  const dir = await scratchDir();
  assert.equal(await analyzeCommand(["--out", dir, ...QUICK], capture()), 0);
  const earlier = visible(await snapshot(dir));
  // The first run is held still while it holds the lock, with no timing assumption: its manifest
  // (the seeds' own, copied) is read only after the lock is taken, and that read waits on a gate.
  const manifest = `${await scratchDir()}/manifest.json`;
  await Deno.copyFile("seeds/manifest.json", manifest);
  const gate = Promise.withResolvers<void>();
  const reached = Promise.withResolvers<void>();
  const readFile = Deno.readFile;
  Deno.readFile = (async (path: string | URL, options?: Deno.ReadFileOptions) => {
    if (String(path) === manifest) {
      reached.resolve();
      await gate.promise;
    }
    return await readFile(path, options);
  }) as typeof Deno.readFile;
  try {
    const first = analyzeCommand(["--out", dir, "--manifest", manifest, ...QUICK], capture());
    await Promise.race([
      reached.promise,
      first.then((code) => {
        throw new Error(`the first run ended (exit ${code}) before it read its manifest`);
      }),
    ]);
    assert.equal(await Deno.readTextFile(`${dir}/.newsframe.lock`), `${Deno.pid}\n`);
    const io = capture();
    assert.equal(await analyzeCommand(["--out", dir, ...QUICK], io), 2);
    assert.deepEqual(io.err, [
      `error: another newsframe run (pid ${Deno.pid}) is writing to ${dir}; wait for it to finish, or choose another --out`,
    ]);
    // The refused run changed nothing, and the first has not replaced anything yet.
    assertSameFiles(visible(await snapshot(dir)), earlier);
    gate.resolve();
    assert.equal(await first, 0);
  } finally {
    gate.resolve();
    Deno.readFile = readFile;
  }
  const run = JSON.parse(await Deno.readTextFile(`${dir}/run.json`));
  assert.equal(run.options.manifest, manifest);
  assert.equal(run.rows.tokens, 2225);
  // No lock or staging folder is left behind.
  assert.deepEqual([...(await snapshot(dir)).keys()].filter((n) => n.startsWith(".")), []);
});

/** A snapshot without the hidden entries (a run's lock and staging folder). */
function visible(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map([...files].filter(([path]) => !path.startsWith(".")));
}

Deno.test("a run that fails late leaves the previous outputs byte for byte", async () => {
  const dir = await scratchDir();
  assert.equal(
    await analyzeCommand([
      "--out",
      dir,
      "--format",
      "parquet,csv",
      "--quiet",
      "--stages",
      "corpus,measure",
    ], capture()),
    0,
  );
  const before = await snapshot(dir);
  const io = capture();
  // A misspelt --by is found only once every batch is in.
  assert.equal(
    await analyzeCommand([
      "--out",
      dir,
      "--quiet",
      "--batch-words",
      "300",
      "--by",
      "outlte",
      "--workers",
      "1",
    ], io),
    2,
  );
  assert.match(io.err.at(-1)!, /^error: --by: /);
  assertSameFiles(await snapshot(dir), before);
});

Deno.test("a --manifest that does not exist is a usage error", async () => {
  const io = capture();
  assert.equal(
    await analyzeCommand(["--manifest", "no/such/manifest.json", "--out", await scratchDir()], io),
    2,
  );
  assert.match(io.err[0], /^error: --manifest: no\/such\/manifest.json does not exist\n/);
});

Deno.test("analyze --charts and the charts task share the charts folder: each may replace the other's", async () => {
  const dir = await scratchDir();
  const analyze = ["--out", dir, "--stages", "corpus,measure", "--format", "parquet", "--quiet"];
  assert.equal(await analyzeCommand([...analyze, "--charts"], capture()), 0);
  // The charts task into <out>/charts, which analyze's run.json lists as a whole.
  assert.equal(
    await chartsCommand(["--out", `${dir}/charts`, "--format", "json", "--quiet"], capture()),
    0,
  );
  const charts = JSON.parse(await Deno.readTextFile(`${dir}/charts/run.json`));
  assert.equal(charts.command, "charts");
  await assert.rejects(Deno.stat(`${dir}/charts/keyness.svg`), Deno.errors.NotFound);
  // And analyze --charts again replaces the charts task's folder (it holds a run of its own).
  assert.equal(await analyzeCommand([...analyze, "--charts"], capture()), 0);
  assert.ok((await Deno.stat(`${dir}/charts/keyness.svg`)).isFile);
  await assert.rejects(Deno.stat(`${dir}/charts/run.json`), Deno.errors.NotFound);
});
