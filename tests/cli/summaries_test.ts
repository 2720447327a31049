import assert from "node:assert/strict";
import { chartsCommand } from "../../src/cli/charts.ts";
import { reportCommand } from "../../src/cli/report.ts";
import { scratchDir } from "./files.ts";
import type { Io } from "../../src/cli/args.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

/** Four records: two load, one is not JSON, one has an impossible date. */
async function corpus(): Promise<string> {
  const dir = await scratchDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    [
      JSON.stringify({ id: "a", outlet: "X", text: "One sentence here. And another one." }),
      "{oops",
      JSON.stringify({ id: "b", outlet: "Y", text: "Two sentences there. Then more." }),
      JSON.stringify({ id: "c", outlet: "Y", url: "not a url", text: "Three." }),
    ].join("\n") + "\n",
  );
  return path;
}

Deno.test("report prints the summary analyze prints, rejections included; --quiet the count only", async () => {
  const path = await corpus();
  const dir = await scratchDir();
  const io = capture();
  assert.equal(await reportCommand(["--corpus", path, "--out", `${dir}/r.html`], io), 0);
  const text = io.out.join("\n");
  assert.match(text, /total\s+2\s+4\s+/);
  assert.match(text, new RegExp(`rejected: 2 record\\(s\\)\\n  ${path}:2: not valid JSON`));
  assert.match(text, new RegExp(`  ${path}:4 \\[c\\]: field "url": `));
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
  const dir = await scratchDir();
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
  assert.match(rows[2], new RegExp(`^${path},4,url,c,`));
  const run = JSON.parse(await Deno.readTextFile(`${dir}/run.json`));
  assert.equal(run.command, "charts");
  assert.equal(run.rejections, 2);
  assert.ok(run.outputs.every((n: string) => n.endsWith(".json") || n === "rejections.csv"));
  assert.equal(await Deno.readTextFile(`${dir}/notes.md`), "mine");
});

Deno.test("control characters in ids, outlets and text never reach the charts (PNG renders)", async () => {
  const dir = await scratchDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    [
      {
        id: "a\u0000b",
        outlet: "O\u0001ut\fX",
        text: "Ann Lee met Bo Chan.\fThe \u0000talks ran long.",
      },
      {
        id: "c\u0001",
        outlet: "Y\u0000",
        text: 'Ann Lee and Bo Chan talked. "We agree," Lee said.',
      },
    ].map((r) => JSON.stringify(r)).join("\n") + "\n",
  );
  const out = `${dir}/charts`;
  assert.equal(
    await chartsCommand(
      ["--corpus", path, "--out", out, "--format", "svg,png", "--quiet"],
      capture(),
    ),
    0,
  );
  const svgs = [];
  for await (const e of Deno.readDir(out)) if (e.name.endsWith(".svg")) svgs.push(e.name);
  assert.ok(svgs.length >= 3, svgs.join(", "));
  for (const name of svgs) {
    const svg = await Deno.readTextFile(`${out}/${name}`);
    // deno-lint-ignore no-control-regex -- what must not be there
    assert.doesNotMatch(svg, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, name);
    assert.ok((await Deno.stat(`${out}/${name.replace(/svg$/, "png")}`)).size > 1000, name);
  }
});
