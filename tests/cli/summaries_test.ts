import assert from "node:assert/strict";
import { chartsCommand } from "../../src/cli/charts.ts";
import { reportCommand } from "../../src/cli/report.ts";
import type { Io } from "../../src/cli/args.ts";
import { tempDir } from "../seeds.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

/** Four records: two load, one is not JSON, one has an impossible date. */
async function corpus(): Promise<string> {
  const dir = await tempDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    [
      JSON.stringify({ id: "a", outlet: "X", text: "One sentence here. And another one." }),
      "{oops",
      JSON.stringify({ id: "b", outlet: "Y", text: "Two sentences there. Then more." }),
      JSON.stringify({ id: "c", outlet: "Y", date: "2025-02-30", text: "Three." }),
    ].join("\n") + "\n",
  );
  return path;
}

Deno.test("report prints the summary analyze prints, rejections included; --quiet the count only", async () => {
  const path = await corpus();
  const dir = await tempDir();
  const io = capture();
  assert.equal(await reportCommand(["--corpus", path, "--out", `${dir}/r.html`], io), 0);
  const text = io.out.join("\n");
  assert.match(text, /total\s+2\s+4\s+/);
  assert.match(text, new RegExp(`rejected: 2 record\\(s\\)\\n  ${path}:2: not valid JSON`));
  assert.match(text, new RegExp(`  ${path}:4 \\[c\\]: field "date": `));
  const quiet = capture();
  assert.equal(
    await reportCommand(["--corpus", path, "--out", `${dir}/r.html`, "--quiet"], quiet),
    0,
  );
  assert.deepEqual(quiet.out, []);
  assert.deepEqual(quiet.err, ["rejected: 2 record(s)"]);
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names, ["r.html"]);
});

Deno.test("charts prints the summary, writes rejections.csv and run.json, keeps other files", async () => {
  const path = await corpus();
  const dir = await tempDir();
  await Deno.writeTextFile(`${dir}/notes.md`, "mine");
  const io = capture();
  assert.equal(
    await chartsCommand(["--corpus", path, "--out", dir, "--format", "json", "--quiet"], io),
    0,
  );
  assert.deepEqual(io.out, []);
  assert.deepEqual(io.err, [`rejected: 2 record(s); every one is listed in ${dir}/rejections.csv`]);
  const rows = (await Deno.readTextFile(`${dir}/rejections.csv`)).trim().split("\n");
  assert.equal(rows.length, 3);
  assert.match(rows[2], new RegExp(`^${path},4,date,c,`));
  const run = JSON.parse(await Deno.readTextFile(`${dir}/run.json`));
  assert.equal(run.command, "charts");
  assert.equal(run.rejections, 2);
  assert.ok(run.outputs.every((n: string) => n.endsWith(".json") || n === "rejections.csv"));
  assert.equal(await Deno.readTextFile(`${dir}/notes.md`), "mine");
});
