/**
 * Fault test: a batched `analyze` interrupted by SIGINT and SIGTERM at several points (before the
 * first part is written, after the first part, 6 and 12 of 18 batches in) and killed by SIGKILL
 * must leave the previous run's outputs byte for byte. (A signal during the final commit, a few
 * renames, is deferred until it is done; that window is too short to aim at from a test.)
 */
import assert from "node:assert/strict";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import type { Io } from "../../src/cli/args.ts";
import { loadCorpus } from "../../src/corpus/load.ts";
import { readFrame } from "../../src/frames/partitions.ts";
import { assertSameFiles, scratchDir, snapshot } from "../cli/files.ts";
import { taskPermissions } from "../tasks.ts";

const PERMISSIONS = taskPermissions("analyze");

const quiet = (): Io & { err: string[] } => {
  const err: string[] = [];
  return { err, log: () => {}, error: (l) => err.push(l) };
};

/** The seeds 12 times over (60 articles, 26,700 words), as JSON Lines. */
async function corpus(): Promise<string> {
  const { articles } = await loadCorpus("seeds");
  const lines = [];
  for (let k = 0; k < 12; k++) {
    for (const a of articles) {
      lines.push(JSON.stringify({ id: `${a.id}-${k}`, outlet: a.outlet, text: a.text }));
    }
  }
  const path = `${await scratchDir()}/corpus.jsonl`;
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  return path;
}

/** Waits until `ready()` holds (polling); false when the process ended first. */
async function until(ready: () => Promise<boolean>, ended: { done: boolean }): Promise<boolean> {
  while (!ended.done) {
    if (await ready()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

async function staged(out: string, rel: string): Promise<boolean> {
  for await (const e of Deno.readDir(out)) {
    if (!e.name.startsWith(".newsframe-staging-")) continue;
    try {
      await Deno.stat(`${out}/${e.name}/${rel}`);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

Deno.test("a batched run interrupted at any point leaves the previous outputs byte for byte", async () => {
  const path = await corpus();
  const out = `${await scratchDir()}/out`;
  const args = (extra: string[] = []) => [
    "--corpus",
    path,
    "--out",
    out,
    "--batch-words",
    "1500",
    "--workers",
    "2",
    "--stages",
    "corpus,extract,measure",
    "--format",
    "parquet,csv",
    "--quiet",
    ...extra,
  ];
  assert.equal(await analyzeCommand(args(), quiet()), 0);
  const before = await snapshot(out);
  assert.ok(before.size > 100, `${before.size} files`);
  // Points at which the signal comes: each waits for a sign of how far the run has got.
  const points: [Deno.Signal, string, () => Promise<boolean>][] = [
    ["SIGINT", "the lock is taken", () => staged(out, "")],
    ["SIGTERM", "the first part is written", () => staged(out, "tokens/batch=00000/part.csv")],
    ["SIGINT", "several batches in", () => staged(out, "tokens/batch=00006/part.csv")],
    ["SIGTERM", "twelve batches in", () => staged(out, "tokens/batch=00012/part.csv")],
  ];
  for (const [signal, point, ready] of points) {
    const child = new Deno.Command("deno", {
      args: ["run", ...PERMISSIONS, "src/cli/analyze.ts", ...args()],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const ended = { done: false };
    const result = child.output().finally(() => ended.done = true);
    const reached = await until(ready, ended);
    if (reached) child.kill(signal);
    const { code, stderr } = await result;
    const message = new TextDecoder().decode(stderr);
    assert.ok(reached, `${signal} when ${point}: the run ended first (exit ${code}): ${message}`);
    assert.equal(code, signal === "SIGINT" ? 130 : 143, `${signal} when ${point}: ${message}`);
    assert.match(
      message,
      new RegExp(`interrupted by ${signal}: nothing written; the previous outputs in `),
    );
    // Everything as it was, and nothing of the interrupted run left (no staging folder, no lock).
    assertSameFiles(await snapshot(out), before);
  }
  // SIGKILL cannot be caught: at worst a hidden staging folder and a stale lock are left, which a
  // reader never takes for output and the next run removes.
  const child = new Deno.Command("deno", {
    args: ["run", ...PERMISSIONS, "src/cli/analyze.ts", ...args()],
    stdout: "null",
    stderr: "null",
  }).spawn();
  const ended = { done: false };
  const status = child.status.finally(() => ended.done = true);
  assert.ok(await until(() => staged(out, "tokens/batch=00002/part.csv"), ended));
  child.kill("SIGKILL");
  await status;
  const left = await snapshot(out);
  for (const [name, bytes] of before) assert.deepEqual(left.get(name), bytes, name);
  const extra = [...left.keys()].filter((n) => !before.has(n));
  assert.ok(extra.length > 0 && extra.every((n) => n.startsWith(".newsframe")), extra.join(", "));
  assert.equal(readFrame(out, "tokens").height, 26_700);
  const io = quiet();
  assert.equal(await analyzeCommand(args(), io), 0);
  assert.match(
    io.err[0],
    /^warning: .*\.newsframe\.lock: the run that locked this folder \(pid \d+\) is gone; taking over$/,
  );
  const after = await snapshot(out);
  assert.ok([...after.keys()].every((n) => !n.startsWith(".newsframe")));
  // The same corpus gives the same frames (run.json differs only in its times).
  for (const [name, bytes] of before) {
    if (name !== "run.json") assert.deepEqual(after.get(name), bytes, name);
  }
});
