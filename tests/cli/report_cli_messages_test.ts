// The audit's unclear messages (audit11 b3, b4, b5), checked through the commands a user runs.
import assert from "node:assert/strict";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import { reportCommand } from "../../src/cli/report.ts";
import type { Io } from "../../src/cli/args.ts";
import { scratchDir } from "./files.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}
const first = (io: { err: string[] }) => io.err[0]?.split("\n")[0];

Deno.test("analyze: one article is said to be one, not to want --by id the user gave", async () => {
  const dir = await scratchDir();
  await Deno.writeTextFile(
    `${dir}/one.jsonl`,
    JSON.stringify({ id: "a", outlet: "X", text: "The bridge reopened on Monday. It was late." }) +
      "\n",
  );
  const io = capture();
  assert.equal(
    await analyzeCommand(["--corpus", `${dir}/one.jsonl`, "--out", `${dir}/out`, "--by", "id"], io),
    0,
  );
  const warnings = io.err.filter((l) => l.startsWith("warning:"));
  assert.deepEqual(warnings, [
    "warning: only one article was loaded, and one article cannot be compared: keyness is empty " +
    "(give a corpus of two articles or more)",
  ]);
});

Deno.test("analyze: two articles of one outlet still point to another --by", async () => {
  const dir = await scratchDir();
  await Deno.writeTextFile(
    `${dir}/two.jsonl`,
    [
      JSON.stringify({ id: "a", outlet: "X", text: "The bridge reopened on Monday. It was late." }),
      JSON.stringify({
        id: "b",
        outlet: "X",
        text: "Tolls rose on the bridge. Drivers were cross.",
      }),
    ].join("\n") + "\n",
  );
  const io = capture();
  assert.equal(
    await analyzeCommand(["--corpus", `${dir}/two.jsonl`, "--out", `${dir}/out`], io),
    0,
  );
  assert.ok(io.err.some((l) => l.includes('every article has the same outlet ("X")')));
  assert.ok(io.err.some((l) => l.includes("(e.g. --by id)")));
});

Deno.test("--keyness-top -3 says what the value must be, not that it is missing", async () => {
  const io = capture();
  assert.equal(await reportCommand(["--keyness-top", "-3", "--out", "/tmp/x.html"], io), 2);
  assert.equal(first(io), 'error: --keyness-top: "-3" is not a whole number of at least 1');
  const written = capture();
  assert.equal(await analyzeCommand(["--keyness-top=-3"], written), 2);
  assert.equal(first(written), 'error: --keyness-top: "-3" is not a whole number of at least 1');
});

Deno.test("a missing --lexicon or --gazetteer file: one line naming the option and the file", async () => {
  const dir = await scratchDir();
  const cases: [string[], string][] = [
    [["--lexicon", `${dir}/missing.json`], `error: --lexicon ${dir}/missing.json: no such file`],
    [["--gazetteer", `${dir}/nope.json`], `error: --gazetteer ${dir}/nope.json: no such file`],
    [["--lexicon", dir], `error: --lexicon ${dir}: is a folder, not a file`],
  ];
  for (const [flags, line] of cases) {
    for (const command of [analyzeCommand, reportCommand]) {
      const io = capture();
      assert.equal(await command([...flags, "--out", `${dir}/out.html`], io), 2, line);
      // One line: the flag was right, so no "--help lists every option" after it.
      assert.deepEqual(io.err, [line]);
    }
  }
});
