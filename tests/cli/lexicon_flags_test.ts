import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import type { Io } from "../../src/cli/args.ts";
import { chartsCommand } from "../../src/cli/charts.ts";
import { reportCommand } from "../../src/cli/report.ts";
import { SEED, tempDir } from "../seeds.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

const EXAMPLE = "data/lexicons/examples/russia_china.json";

Deno.test("analyze --lexicon: the seeds' example lexicon still names the war article by article", async () => {
  const dir = await tempDir();
  const args = ["--out", dir, "--format", "parquet", "--stages", "measure", "--quiet"];
  assert.equal(await analyzeCommand([...args, "--lexicon", EXAMPLE], capture()), 0);
  const framing = pl.readParquet(`${dir}/framing.parquet`);
  const articlesWith = (frame: string) =>
    framing.filter(pl.col("frame").eq(pl.lit(frame))).getColumn("article_id").toArray();
  assert.deepEqual(articlesWith("special_military_operation"), [SEED.globalNews2023]);
  assert.deepEqual(articlesWith("full_scale_invasion"), [SEED.rewrite004]);
  assert.deepEqual([...new Set(framing.getColumn("lexicon").toArray())].sort(), [
    "media_frames",
    "russia_china",
  ]);
  // Without it, the story's lexicon is not applied at all; with --no-default-lexicons, only it is.
  assert.equal(await analyzeCommand(args, capture()), 0);
  assert.deepEqual([...new Set(pl.readParquet(`${dir}/framing.parquet`).getColumn("lexicon"))], [
    "media_frames",
  ]);
  assert.equal(
    await analyzeCommand([...args, "--lexicon", EXAMPLE, "--no-default-lexicons"], capture()),
    0,
  );
  assert.deepEqual([...new Set(pl.readParquet(`${dir}/framing.parquet`).getColumn("lexicon"))], [
    "russia_china",
  ]);
  // --tone afinn keeps natural's scorer for comparison.
  assert.equal(await analyzeCommand([...args, "--tone", "afinn"], capture()), 0);
  assert.deepEqual([...new Set(pl.readParquet(`${dir}/sentiment.parquet`).getColumn("tone"))], [
    "afinn",
  ]);
});

Deno.test("a bad lexicon file is one line with file and line, exit 2, on analyze, charts and report", async () => {
  const dir = await tempDir();
  await Deno.writeTextFile(`${dir}/bad.dic`, "%\n1\tpositive\n%\ngood\t1\nbad\t7\n");
  await Deno.writeTextFile(`${dir}/bad.lc3`, "+negative\nbad\nw*rse\n");
  // There, so that its format is what is wrong (a missing file is said first: "no such file").
  await Deno.writeTextFile(`${dir}/lexicon.txt`, "good\nbad\n");
  const cases: [(args: string[], io: Io) => Promise<number>, string, RegExp][] = [
    [
      analyzeCommand,
      `${dir}/bad.dic`,
      /^error: .*bad\.dic:5: category number 7 is not in the header$/,
    ],
    [
      chartsCommand,
      `${dir}/bad.lc3`,
      /^error: .*bad\.lc3:3: "w\*rse": "\*" is supported only at the end of a word$/,
    ],
    [reportCommand, `${dir}/missing.yml`, /^error: --lexicon .*missing\.yml: no such file$/],
    [
      analyzeCommand,
      `${dir}/lexicon.txt`,
      /^error: .*lexicon\.txt: unknown lexicon format "\.txt"/,
    ],
  ];
  for (const [command, file, message] of cases) {
    const io = capture();
    assert.equal(await command(["--out", `${dir}/out`, "--lexicon", file], io), 2, file);
    assert.equal(io.err.length, 1, io.err.join("\n"));
    assert.equal(io.err[0].split("\n").length, 1, io.err[0]);
    assert.match(io.err[0], message);
  }
  const io = capture();
  assert.equal(await analyzeCommand(["--out", `${dir}/out`, "--no-default-lexicons"], io), 2);
  assert.match(io.err[0], /--no-default-lexicons leaves no lexicon/);
  const tone = capture();
  assert.equal(await analyzeCommand(["--out", `${dir}/out`, "--tone", "liwc"], tone), 2);
  assert.match(tone.err[0], /--tone takes one of vader, afinn \(got "liwc"\)/);
});
