import assert from "node:assert/strict";
import type pl from "nodejs-polars";
import defaultsMeasures from "../../data/figures/measures.json" with { type: "json" };
import { analyzeCommand } from "../../src/cli/analyze.ts";
import type { Io } from "../../src/cli/args.ts";
import { readFrame } from "../../src/frames/partitions.ts";
import { analyzeCorpus } from "../../src/pipeline.ts";
import { stageHelperFor } from "../../src/stage_helper.ts";
import { stagesOf } from "../../src/stages.ts";
import { scratchDir } from "../cli/files.ts";

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

/** Four short match reports: a season's tally and a crowd, in each. */
const ARTICLES = [
  "Rivera has 11 goals this season. Attendance reached 45,000 fans for the final.",
  "Rivera scored 9 goals last season. The club sold 3,000 tickets.",
  "Attendance reached 52,000 fans on Sunday. Rivera has 11 goals this season.",
  "The keeper made 4 saves. Attendance reached 38,000 fans at the ground.",
];

/** A corpus folder of the four articles, one outlet each. */
async function corpus(): Promise<string> {
  const dir = `${await scratchDir()}/corpus`;
  await Deno.mkdir(dir);
  for (const [n, text] of ARTICLES.entries()) {
    const front = `---\noutlet: Outlet ${n}\ntitle: Match ${n}\ndate: 2026-11-0${n + 1}\n---\n`;
    await Deno.writeTextFile(`${dir}/a${n}.md`, `${front}${text}\n`);
  }
  return dir;
}

/** A measures file: the shipped one and "attendance". */
async function measuresFile(): Promise<string> {
  const path = `${await scratchDir()}/measures.json`;
  const measures = { ...defaultsMeasures.measures, attendance: "attendance" };
  await Deno.writeTextFile(path, JSON.stringify({ ...defaultsMeasures, measures }));
  return path;
}

/** The counts' "article|text|period|measure", in article and text order. */
function counts(out: string | pl.DataFrame): string[] {
  const frame = typeof out === "string" ? readFrame(out, "figures") : out;
  const rows = frame.toRecords() as Record<string, string | null>[];
  return rows.filter((r) => r.kind === "count").map((r) =>
    `${r.article_id}|${r.text}|${r.period ?? ""}|${r.measure ?? ""}`
  ).sort();
}

const EXPECTED_DEFAULT = [
  "a0|11 goals||",
  "a0|45,000 fans||",
  "a1|3,000 tickets||",
  "a1|9 goals||",
  "a2|11 goals||",
  "a2|52,000 fans||",
  "a3|38,000 fans||",
  "a3|4 saves||",
];

const EXPECTED_FLAGS = [
  "a0|11 goals|this_season|",
  "a0|45,000 fans||attendance",
  "a1|3,000 tickets||",
  "a1|9 goals|last_season|",
  "a2|11 goals|this_season|",
  "a2|52,000 fans||attendance",
  "a3|38,000 fans||attendance",
  "a3|4 saves||",
];

async function analyze(path: string, extra: string[]): Promise<string> {
  const out = await scratchDir();
  const io = capture();
  const args = ["--corpus", path, "--out", out, "--stages", "corpus,extract", "--quiet"];
  const code = await analyzeCommand([...args, "--format", "parquet", ...extra], io);
  assert.equal(code, 0, io.err.join("\n"));
  return out;
}

Deno.test("analyze --figure-periods and --figure-measures reach the figures, in one batch and on workers", async () => {
  const path = await corpus();
  const flags = [
    "--figure-periods",
    "data/figures/examples/periods_sport.json",
    "--figure-measures",
    await measuresFile(),
  ];
  assert.deepEqual(counts(await analyze(path, [])), EXPECTED_DEFAULT);
  assert.deepEqual(counts(await analyze(path, flags)), EXPECTED_FLAGS);
  // Batches of one article each on two worker threads: the files cross as paths.
  const batched = await analyze(path, [...flags, "--batch-words", "5", "--workers", "2"]);
  const run = JSON.parse(await Deno.readTextFile(`${batched}/run.json`));
  assert.equal(run.batches, 4);
  assert.deepEqual(counts(batched), EXPECTED_FLAGS);
});

Deno.test("the stage helper (--workers 2 on one batch) reads the figure files it is given by path", async () => {
  const analysis = await analyzeCorpus(await corpus());
  const stages = stagesOf(["corpus", "extract"]);
  const setup = {
    workers: 2,
    figurePeriods: "data/figures/examples/periods_sport.json",
    figureMeasures: await measuresFile(),
  };
  // The helper runs on any corpus when asked with a threshold of 0 characters.
  const helper = stageHelperFor(analysis.articles, stages, setup, 0);
  assert.ok(helper);
  try {
    const frames = await helper.allFrames(analysis, stages, undefined, { by: "outlet", ...setup });
    assert.deepEqual(counts(frames.figures), EXPECTED_FLAGS);
  } finally {
    helper.close();
  }
});

Deno.test("analyze: a bad --figure-periods or --figure-measures file is one line naming the file and field", async () => {
  const path = await corpus();
  const bad = `${await scratchDir()}/bad.json`;
  await Deno.writeTextFile(
    bad,
    JSON.stringify({ phrases: { "the season": 3 }, prepositions: [], bases: [], determiners: [] }),
  );
  const cases: [string[], RegExp][] = [
    [
      ["--figure-periods", bad],
      /^error: \S+\/bad\.json: phrases\.the season: Invalid input: expected string, received number$/,
    ],
    // A periods file given as measures: the first field measures.json has and it lacks.
    [
      ["--figure-measures", "data/figures/periods.json"],
      /^error: data\/figures\/periods\.json: measures: Invalid input: expected record, received undefined$/,
    ],
    [
      ["--figure-periods", "no/such.json"],
      /^error: no\/such\.json: cannot read the period words \(NotFound\)$/,
    ],
  ];
  for (const [extra, expected] of cases) {
    const io = capture();
    const out = await scratchDir();
    assert.equal(
      await analyzeCommand(["--corpus", path, "--out", out, "--quiet", ...extra], io),
      2,
    );
    assert.equal(io.err.length, 1, io.err.join("\n"));
    assert.match(io.err[0], expected);
  }
});
