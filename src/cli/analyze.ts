/**
 * `deno task analyze`: load a corpus, build every frame, write them, print a summary.
 * @module
 */

import { Progress } from "./progress.ts";
import {
  analyzeShard,
  analyzeToFiles,
  type BatchedOptions,
  type BatchedRun,
  batchWordsFor,
  corpusSize,
  DEFAULT_WORKERS,
  workersFor,
} from "../batch/run.ts";
import { shardDir } from "../batch/process.ts";
import { readFrame } from "../frames/partitions.ts";
import { type FrameName, framesOf, stagesOf, type Step, STEPS } from "../stages.ts";
import type { FrameFormat } from "../frames/write.ts";
import {
  CONSOLE,
  type Io,
  listOption,
  parseCommandLine,
  refuseSameGrouping,
  runCommand,
  UsageError,
} from "./args.ts";
import { FRAME_FLAGS, groupFieldUsage, termFlags } from "./options.ts";
import {
  corpusErrorLines,
  corpusErrors,
  fieldRejectionLines,
  fieldRejections,
  rejectedLine,
  renderSummary,
} from "./summary.ts";
import { MEASURE_USAGE, measureSettings } from "./measure_flags.ts";
import { extractOptionsFor, FIGURE_DATA_USAGE, GAZETTEER_USAGE } from "../extract/setup.ts";
import { OutputRun, RUN_FILE } from "./run_dir.ts";
import { REJECTIONS_FILE, writeRejections } from "../corpus/rejections.ts";

const USAGE =
  `usage: deno task analyze [--corpus PATH] [--out DIR] [--format parquet,csv] [--strict]
                         [--manifest FILE | --no-manifest] [--quiet] [--gazetteer FILE|none]
                         [--model FILE|none] [--figure-periods FILE] [--figure-measures FILE]

  --corpus PATH    a folder of .txt/.md/.html files, a .jsonl file or a .csv file (default: seeds)
  --out DIR        where frames are written (default: data/out)
  --format LIST    parquet, csv or both (default: parquet,csv)
  --strict         exit 1 when any record is rejected
  --manifest FILE  metadata that overrides the files' own (default: <corpus>/manifest.json)
  --no-manifest    ignore any manifest
  --by FIELD       the article field groups are compared by in outlet_terms, keyness and the
                   summaries (default outlet; also id, year, or a field of your corpus)
  --within FIELD   keyness, framing and tone compare the groups inside each value of FIELD
                   and pools across them, so story choice is not read as wording
  --stopwords S    default (natural's list), none, iso (stopwords-iso English) or a file of
                   one word a line
  --honorifics H   keep (default) or drop: leave Mr, Mrs, Sen, Gov, … out of terms
  --spelling S     as-written (default), american or british: count British and American
                   spellings of a word ("colour"/"color", "organise"/"organize") as one term
  --charts         also write every chart (SVG, PNG, JSON, HTML) to <out>/charts
  --stages LIST    which frame stages to run (default all: corpus,extract,measure,reuse);
                   corpus always runs
  --batch-words N  words per batch (default: 0 for a corpus under 12 MB of text, about 2
                   million words, else 250,000). A larger corpus is processed batch by
                   batch in bounded memory: per-article frames are written in Hive-style parts,
                   <out>/<frame>/batch=NNNNN/part.parquet; corpus-level frames stay whole; reuse,
                   which needs every article at once, runs after the batches from their
                   parts. 0: one batch, in memory (about 1 KB per word)
  --workers N      worker threads for a corpus in batches (default: one per core for a corpus
                   of 8 MB or more, below that 1: a second worker does not pay there). In one
                   batch (default 1), 2 runs extraction and reuse on a second thread beside the
                   other stages (same frames; more memory; pays only on an idle core)
  --shard K/N      process only the K-th (0 … N-1) of N slices of the corpus (articles by a
                   stable hash of their id), writing per-article parts and tallies straight
                   into --out under shard=K folders, for N processes or machines sharing --out;
                   then \`newsframe merge OUT\` (deno task merge) makes the corpus-level frames
  --quiet          print nothing but errors and the count of rejected records
${MEASURE_USAGE}
${GAZETTEER_USAGE}
  --model FILE     the entity recogniser (default data/models/ner/ner.bin.gz); "none": lists
                   and rules only
${FIGURE_DATA_USAGE}

Everything is written to a staging folder inside --out and replaces the previous run's outputs
only when the run completes: an error or Ctrl-C leaves them as they were. <out>/run.json says
what the run was (command, options, versions, corpus hash, rows per frame); rejections.csv lists
every rejected record. Only files a previous run.json lists are ever replaced or removed; a run
that would overwrite any other file stops before it starts. One run per folder at a time.

A progress line (articles, words per second, time left) shows on stderr for runs longer than
two seconds when stderr is a terminal.`;

/** The options `analyze` takes (see {@link USAGE}). */
const ANALYZE_FLAGS = {
  corpus: { type: "string", default: "seeds" },
  out: { type: "string", default: "data/out" },
  format: { type: "string" },
  strict: { type: "boolean", default: false },
  manifest: { type: "string" },
  "no-manifest": { type: "boolean", default: false },
  quiet: { type: "boolean", default: false },
  stages: { type: "string" },
  charts: { type: "boolean", default: false },
  ...FRAME_FLAGS,
  "batch-words": { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  model: { type: "string" },
  "figure-periods": { type: "string" },
  "figure-measures": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Parsed {@link ANALYZE_FLAGS}. */
type AnalyzeFlags = ReturnType<typeof parseCommandLine<typeof ANALYZE_FLAGS>>;

/** What a shard and a whole run are given alike. */
type CommonOptions = Pick<
  BatchedOptions,
  | "formats"
  | "stages"
  | "by"
  | "measure"
  | "within"
  | "terms"
  | "gazetteer"
  | "model"
  | "figurePeriods"
  | "figureMeasures"
  | "workers"
  | "manifest"
>;

/** The flags read and checked, every file they name loaded, before the corpus is touched. */
interface AnalyzeSettings {
  formats: FrameFormat[];
  /** The steps to run, in flow order, `corpus` always among them. */
  stages: Step[];
  batchWords: number;
  workers: number;
  /** The size of the corpus text in bytes (Infinity when it cannot be read). */
  bytes: number;
  common: CommonOptions;
}

/** Runs `analyze` with command-line `args`; returns the exit code. */
export function analyzeCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const flags = parseCommandLine(args, ANALYZE_FLAGS);
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const settings = await analyzeSettings(flags);
    const started = performance.now();
    if (flags.manifest !== undefined && !flags["no-manifest"]) await mustExist(flags.manifest);
    if (flags.shard !== undefined) return await runShard(flags, flags.shard, settings, io);
    return await runWhole(flags, settings, started, io);
  }, io);
}

/** Reads the flags into settings; a bad value or a bad file they name is a one-line error. */
async function analyzeSettings(flags: AnalyzeFlags): Promise<AnalyzeSettings> {
  refuseSameGrouping(flags.by, flags.within);
  const formats = listOption<FrameFormat>("--format", flags.format, ["parquet", "csv"], [
    "parquet",
    "csv",
  ]);
  const names = [...STEPS];
  const wanted = listOption("--stages", flags.stages, names, names);
  // The corpus stage is what every other stage stands on; it always runs.
  const stages = names.filter((n) => n === "corpus" || wanted.includes(n));
  // Walked once: the defaults and the progress line read the same size.
  const bytes = await corpusSize(flags.corpus);
  const batchWords = countOption(
    "--batch-words",
    flags["batch-words"],
    batchWordsFor(bytes),
    0,
  );
  // One batch has no pool: a second thread there (extraction and reuse beside the other stages)
  // is asked for, not the default.
  const oneBatch = batchWords === 0 && flags.shard === undefined;
  const workers = countOption(
    "--workers",
    flags.workers,
    oneBatch ? 1 : workersFor(bytes, DEFAULT_WORKERS),
    1,
  );
  const measure = await measureSettings(flags);
  const setup = {
    gazetteer: flags.gazetteer,
    model: flags.model,
    figurePeriods: flags["figure-periods"],
    figureMeasures: flags["figure-measures"],
  };
  // Read here first, so a bad file is one line before any batch starts.
  extractOptionsFor(setup);
  const common = {
    formats,
    stages,
    by: flags.by,
    measure,
    within: flags.within,
    terms: termFlags(flags.stopwords, flags.honorifics, flags.spelling),
    ...setup,
    workers,
    manifest: flags["no-manifest"] ? false as const : flags.manifest,
  };
  return { formats, stages, batchWords, workers, bytes, common };
}

/** `--shard K/N`: this slice's per-article parts and tallies, straight into `--out`. */
async function runShard(
  flags: AnalyzeFlags,
  value: string,
  settings: AnalyzeSettings,
  io: Io,
): Promise<number> {
  if (flags.charts) {
    throw new UsageError("--charts: a shard has no corpus-level frames; chart after merge");
  }
  const shard = shardOption(value);
  const run = await analyzeShard(flags.corpus, shard, {
    out: flags.out,
    ...settings.common,
    batchWords: settings.batchWords || 250_000,
    settings: mergeSettings(flags, settings, shard.count),
    onWarning: warnUnlessQuiet(flags, io),
  });
  if (!flags.quiet) {
    io.log(
      `newsframe analyze: shard ${shard.index}/${shard.count} of ${flags.corpus}: ${run.articles} articles in ${run.batches} batches → ${flags.out}/<frame>/${
        shardDir(shard.index)
      }/; ` +
        `when every shard is done: newsframe merge ${flags.out}`,
    );
  }
  for (const line of corpusErrorLines(run.issues, run.rejected)) io.error(line);
  if (run.rejected.length) io.error(rejectedLine(run.rejected.length, null));
  return 0;
}

/** What `merge` rebuilds a sharded run's settings from (the lexicon files are read again there). */
function mergeSettings(
  flags: AnalyzeFlags,
  settings: AnalyzeSettings,
  shards: number,
): Record<string, unknown> {
  return {
    by: flags.by,
    within: flags.within ?? null,
    lexicon: flags.lexicon ?? [],
    "no-default-lexicons": flags["no-default-lexicons"],
    tone: flags.tone ?? null,
    "keyness-top": flags["keyness-top"] ?? null,
    format: settings.formats,
    stages: settings.stages,
    shards,
  };
}

/** A whole run: staged in `--out`, replacing the previous outputs only when it completes. */
async function runWhole(
  flags: AnalyzeFlags,
  settings: AnalyzeSettings,
  started: number,
  io: Io,
): Promise<number> {
  const { formats, stages, batchWords, workers } = settings;
  const output = await OutputRun.open(flags.out, {
    command: "analyze",
    options: { ...flags, format: formats, stages, batchWords, workers },
    corpus: flags.corpus,
    outputs: possibleOutputs(stages, formats, flags.charts),
    onWarning: (m) => io.error(`warning: ${m}`),
    onInterrupt: (m) => io.error(m),
  });
  const bar = new Progress(!flags.quiet);
  let run: BatchedRun;
  try {
    run = await analyzeStaged(flags, settings, output, bar, io);
    if (run.articles === 0) return await refuseEmpty(flags, run, output, bar, io);
    if (flags.charts) await writeRunCharts(run, output.staging, formats, flags.within, bar);
    await writeRejections(output.staging, run.issues);
    bar.stage("replacing the previous outputs");
    const outputs = await output.commit({
      rows: run.rows,
      articles: run.articles,
      rejections: run.rejected.length,
      batches: run.batches,
    });
    bar.done();
    warnAfterRun(flags, run, batchWords, io);
    warnOutsideStrata(flags, run, io);
    reportRun(flags, run, formats, outputs.length, (performance.now() - started) / 1000, io);
  } catch (e) {
    bar.done();
    await output.discard();
    throw groupFieldUsage(e, flags.within);
  }
  if (flags.strict && (run.rejected.length || run.issues.some((i) => i.severity === "error"))) {
    io.error(strictLine(run));
    return 1;
  }
  return 0;
}

/** Why `--strict` fails: rejected records, and rejected fields and corpus errors when any. */
function strictLine(run: BatchedRun): string {
  const fields = fieldRejections(run.issues).length;
  const corpus = corpusErrors(run.issues, run.rejected).length;
  return `error: --strict: ${run.rejected.length} record(s) rejected` +
    (fields ? `, ${fields} field(s) rejected` : "") +
    (corpus ? `, ${corpus} error(s) about the corpus (a manifest)` : "");
}

/** Analyses the corpus into the run's staging folder, with the progress bar and Ctrl-C wired. */
async function analyzeStaged(
  flags: AnalyzeFlags,
  settings: AnalyzeSettings,
  output: OutputRun,
  bar: Progress,
  io: Io,
): Promise<BatchedRun> {
  if (bar.active && Number.isFinite(settings.bytes)) bar.totalChars = settings.bytes;
  const abort = new AbortController();
  output.onAbort(() => {
    bar.done();
    abort.abort();
  });
  return await analyzeToFiles(flags.corpus, {
    abort: abort.signal,
    out: output.staging,
    ...settings.common,
    batchWords: settings.batchWords,
    onProgress: (p) => bar.update(p.articles, p.words, p.chars, p.label),
    onStage: (name) => bar.stage(name),
    onWarning: warnUnlessQuiet(flags, io),
  });
}

/** No article loaded: nothing replaces the previous outputs; the rejections say why. Exit 1. */
async function refuseEmpty(
  flags: AnalyzeFlags,
  run: BatchedRun,
  output: OutputRun,
  bar: Progress,
  io: Io,
): Promise<number> {
  bar.done();
  await output.discard();
  for (const line of corpusErrorLines(run.issues, run.rejected)) io.error(line);
  if (!flags.quiet) io.log(renderSummary(run.summary, run.issues, run.rejected));
  else io.error(rejectedLine(run.rejected.length, null));
  io.error(`error: no article could be loaded from ${flags.corpus}; see the rejections above`);
  return 1;
}

/** `--charts`: every chart of the run's frames into `<staging>/charts`. */
async function writeRunCharts(
  run: BatchedRun,
  staging: string,
  formats: FrameFormat[],
  within: string | undefined,
  bar: Progress,
): Promise<void> {
  bar.stage("charts");
  // Imported only here: the chart libraries take a noticeable part of a short run to load.
  const [{ allCharts, CHART_FRAMES }, { writeCharts }, { CHART_FORMATS }] = await Promise.all(
    [
      import("../charts/catalog.ts"),
      import("../charts/export.ts"),
      import("./charts.ts"),
    ],
  );
  await writeCharts(
    allCharts(run.frames ?? chartInputs(staging, run, formats, CHART_FRAMES), { within }),
    `${staging}/charts`,
    [...CHART_FORMATS],
  );
}

/**
 * `--within FIELD`: articles without the field are in no stratum, so the comparisons within
 * strata leave them out; say how many, since nothing else would.
 */
function warnOutsideStrata(flags: AnalyzeFlags, run: BatchedRun, io: Io): void {
  const field = flags.within;
  if (flags.quiet || field === undefined || !("articles" in run.rows)) return;
  const articles = readFrame(flags.out, "articles");
  if (!articles.columns.includes(field)) return;
  const missing = articles.getColumn(field).nullCount();
  if (missing === 0) return;
  io.error(
    `warning: ${missing} of ${articles.height} articles have no ${field}: the comparisons ` +
      `within each ${field} (keyness, framing_within, sentiment_within) leave them out`,
  );
}

/** What a person should know of a finished run: a keyness with nothing to compare, skipped stages. */
function warnAfterRun(flags: AnalyzeFlags, run: BatchedRun, batchWords: number, io: Io): void {
  if (flags.quiet) return;
  if (run.groups.length < 2 && run.articles === 1) {
    // No field gives two groups of one article: --by id would be no help.
    io.error(
      "warning: only one article was loaded, and one article cannot be compared: keyness is " +
        "empty (give a corpus of two articles or more)",
    );
  } else if (run.groups.length < 2) {
    io.error(
      `warning: every article has the same ${flags.by} ("${run.groups[0] ?? "none"}"), so ` +
        "keyness has nothing to compare and is empty; choose a field with --by (e.g. --by id)",
    );
  }
  if (run.skipped.length) {
    io.error(
      `note: ${run.skipped.join(", ")} not run: the corpus came in ${run.batches} batches of ` +
        `about ${batchWords.toLocaleString("en")} words, and ${run.skipped.join(", ")} compares ` +
        "every article with every other at once; to run it, give --batch-words 0 (the whole " +
        "corpus in memory, about 1 KB per word) or a larger batch",
    );
  }
}

/** The run's summary and what it wrote (or, with `--quiet`, only the rejected count). */
function reportRun(
  flags: AnalyzeFlags,
  run: BatchedRun,
  formats: FrameFormat[],
  outputs: number,
  seconds: number,
  io: Io,
): void {
  // On stderr whatever --quiet says: the run went on without what they are about.
  for (const line of corpusErrorLines(run.issues, run.rejected)) io.error(line);
  for (const line of fieldRejectionLines(run.issues)) io.error(line);
  if (flags.quiet) {
    if (run.rejected.length) {
      io.error(rejectedLine(run.rejected.length, `${flags.out}/${REJECTIONS_FILE}`));
    }
    return;
  }
  io.log(`newsframe analyze: ${flags.corpus} → ${flags.out}\n`);
  io.log(renderSummary(run.summary, run.issues, run.rejected));
  io.log(`  every rejection: ${flags.out}/${REJECTIONS_FILE}`);
  io.log(
    `\nwrote ${outputs} outputs in ${seconds.toFixed(2)} s: ${
      Object.entries(run.rows).map(([n, rows]) => `${n} (${rows} rows)`).join(", ")
    }${partsNote(flags.out, run, formats)}; ${flags.out}/${RUN_FILE} records the run`,
  );
}

/** Where the frames written in parts are and how to read them; empty for a run in one piece. */
function partsNote(out: string, run: BatchedRun, formats: FrameFormat[]): string {
  if (!run.partitioned.length) return "";
  const read = formats.includes("parquet")
    ? `read them with readFrame, or pl.scanParquet("${out}/tokens/**/*.parquet")`
    : `read them with pl.scanCSV("${out}/tokens/**/*.csv")`;
  return `\n${run.batches} batches: ${run.partitioned.join(", ")} are written in parts, ` +
    `${out}/<frame>/batch=NNNNN/part.<format> (${read})`;
}

/** The loader's warnings on stderr, unless `--quiet`. */
function warnUnlessQuiet(flags: AnalyzeFlags, io: Io): (message: string) => void {
  return (message) => {
    if (!flags.quiet) io.error(`warning: ${message}`);
  };
}

/** Throws a usage error when a path given on the command line does not exist. */
export async function mustExist(path: string, flag = "--manifest"): Promise<void> {
  try {
    await Deno.stat(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new UsageError(`${flag}: ${path} does not exist`);
    throw e;
  }
}

/** Every top-level name a run of these stages may write, to check none is a user's file. */
function possibleOutputs(stages: string[], formats: FrameFormat[], charts: boolean): string[] {
  const frames = stagesOf(stages).flatMap(framesOf);
  return [
    ...new Set(frames.flatMap((name) => [...formats.map((f) => `${name}.${f}`), `${name}/`])),
    REJECTIONS_FILE,
    ...(charts ? ["charts/"] : []),
  ];
}

if (import.meta.main) Deno.exit(await analyzeCommand(Deno.args));

/** Reads `--shard K/N`: 0 ≤ K < N. */
function shardOption(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) {
    throw new UsageError(`--shard: "${value}" is not K/N with 0 <= K < N (e.g. --shard 0/4)`);
  }
  return { index, count };
}

/** Reads a whole-number option, at least `min`. */
function countOption(flag: string, value: string | undefined, fallback: number, min: number) {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll("_", "").replaceAll(",", ""));
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(`${flag}: "${value}" is not a whole number of at least ${min}`);
  }
  return n;
}

/** The frames the charts read, from the files of a run in batches (sentences included). */
function chartInputs(
  out: string,
  run: BatchedRun,
  formats: FrameFormat[],
  names: readonly FrameName[],
) {
  if (!formats.includes("parquet")) {
    throw new UsageError(
      "--charts on a corpus in batches reads the frames back from Parquet; keep parquet in --format",
    );
  }
  // `names`: what the charts declare they read (CHART_FRAMES); those this run wrote.
  return Object.fromEntries(
    names.filter((n) => n in run.rows).map((n) => [n, readFrame(out, n)]),
  );
}
