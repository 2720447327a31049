/**
 * The merge step: from the parts that batches or shards wrote (per-article frames, and each
 * stage's tally as Parquet under `_tallies/`), the corpus-level frames. Tallies are read back and
 * merged slice by slice in path order (shard, then batch), each stage's `summarize` makes its
 * corpus-level frames, each stage's `finish` turns the staged parts (`terms` with its batch's df
 * and idf) into final ones, and corpus finishers that read the parts themselves add theirs.
 *
 * A batched run on one machine is this step after its batches; `analyze --shard K/N` on many
 * machines and `newsframe merge OUT` afterwards are the same two steps apart.
 * @module
 */

import pl from "nodejs-polars";
import {
  type Frames,
  type FrameStage,
  inFrameOrder,
  type MeasureSettings,
} from "../frame_stage.ts";
import { type FrameFormat, sinkFrame, sinkFrameAsync, writeFrames } from "../frames/write.ts";
import { clearFrames, fileExists as exists, PARTS_PER_COLLECTION } from "../frames/partitions.ts";
import { summarizeTallies } from "../stages.ts";
import { firstDistinct, missingFieldError } from "../stats/groups.ts";
import { mergeSummaryTally, type SummaryTally } from "../text/summary.ts";
import { type BatchReport, partFormatsOf, REPORT, STAGING, TALLIES } from "./process.ts";
import { tallyMerger, tallyOf } from "./tallies.ts";
import { collectGarbage, logMemory } from "./collect.ts";

/**
 * A corpus-level step that reads the per-article parts itself rather than a tally (reuse across
 * shards: an index written per slice, joined at merge time). It gets the output folder and the
 * slices in order, and returns corpus-level frames, which are written whole beside the others.
 */
export type CorpusFinisher = (parts: {
  out: string;
  slices: readonly string[];
  settings: Record<string, unknown>;
}) => Frames | Promise<Frames>;

/**
 * The corpus finishers every merge runs, after the stages' own summaries. Empty for now: reuse
 * across shards plugs in here (see `stats/reuse/`).
 */
export const CORPUS_FINISHERS: CorpusFinisher[] = [];

/** Options of {@link mergeParts}. */
export interface MergeOptions {
  /** The stages the slices ran (their tallies are read). */
  stages: readonly FrameStage[];
  formats: FrameFormat[];
  /** The grouping field, and the stratum field if any. */
  by: string;
  within?: string;
  measure?: MeasureSettings;
  /** Corpus finishers to run (default {@link CORPUS_FINISHERS}). */
  finishers?: readonly CorpusFinisher[];
  /** Keep the tally and staged parts (so a merge can run again); default false. */
  keep?: boolean;
  /** Rows per piece of a frame written in pieces (`keyness`, reuse; default {@link PIECE_ROWS}). */
  pieceRows?: number;
}

/**
 * Rows per piece of a corpus-level frame made and written piece by piece (a stage's
 * `summarizeInPieces` or `fromParts`).
 */
export const PIECE_ROWS = 1_000_000;

/** What a merge made, and the slices' reports added up. */
export interface MergedRun {
  /** The slices merged, in order (`batch=00000`, `shard=00001/batch=00000`, …). */
  slices: string[];
  summary: SummaryTally;
  /** Rows per frame, per-article ones over every slice. */
  rows: Record<string, number>;
  written: string[];
  /** Frames written in parts. */
  partitioned: string[];
  articles: number;
  words: number;
  /** Up to two distinct values of the grouping field. */
  groups: string[];
  /** The settings the slices recorded (the first slice's). */
  settings: Record<string, unknown>;
}

/** The slices of an output folder that have a report, in order; [] when there are none. */
export function slicesIn(out: string): string[] {
  const root = `${out}/${TALLIES}/${REPORT}`;
  const found: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(dir)];
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return;
      throw e;
    }
    for (const e of entries) {
      if (e.isDirectory) walk(`${dir}/${e.name}`, rel ? `${rel}/${e.name}` : e.name);
      else if (e.name === "part.parquet" && rel) found.push(rel);
    }
  };
  walk(root, "");
  return found.sort();
}

/** The report of one slice. */
export function readReport(out: string, slice: string): BatchReport {
  return tallyOf(
    pl.readParquet(`${out}/${TALLIES}/${REPORT}/${slice}/part.parquet`),
  ) as BatchReport;
}

/**
 * Merges the slices under `out` into the corpus-level frames, finishes the staged parts, and
 * writes both. Throws the grouping error when no article of any slice has the `by` field.
 */
export async function mergeParts(out: string, options: MergeOptions): Promise<MergedRun> {
  const slices = slicesIn(out);
  if (!slices.length) throw new Error(`${out}: no parts to merge (no ${TALLIES}/${REPORT}/)`);
  const reports = slices.map((s) => readReport(out, s));
  const merged = reports.slice(1).reduce(addReport, structuredClone(reports[0]));
  if (merged.grouped === 0) throw missingFieldError(options.by, merged.fields);
  // Tallies, stage by stage, so one stage's merged tally is dropped before the next is read, and
  // each corpus-level frame is written as soon as it is made, so none is held while the next
  // stage (or reuse) runs. A stage's staged parts are finished (on polars' threads) as soon as its
  // tally is merged, while this thread goes on with the next stages' corpus-level frames.
  const corpus = new CorpusWriter(out, options.formats);
  const finishing: Promise<FinishedParts>[] = [];
  const step = { out, slices, corpus, options, settings: stageSettings(options) };
  for (const stage of options.stages) {
    const done = await summarizeStage(stage, step);
    if (!done) continue;
    if (done.finishing) finishing.push(done.finishing);
    await collectGarbage();
    logMemory(`merge: ${stage.name}`);
  }
  const written = [...merged.written];
  // In stage order, as they were started: the list of paths does not depend on which ends first.
  for (const finished of await Promise.all(finishing)) {
    Object.assign(merged.rows, finished.rows);
    written.push(...finished.written);
  }
  logMemory("merge: parts finished");
  for (const stage of options.stages) {
    if (stage.wholeCorpus && stage.fromParts) await writeFromParts(stage, step);
  }
  for (const finisher of options.finishers ?? CORPUS_FINISHERS) {
    await corpus.write(await finisher({ out, slices, settings: merged.settings }));
  }
  if (!options.keep) await clearFrames(out, [STAGING, TALLIES]);
  written.push(...corpus.written());
  const partitioned = Object.keys(merged.rows);
  for (const name of inFrameOrder(Object.keys(corpus.rows))) merged.rows[name] = corpus.rows[name];
  return {
    slices,
    summary: merged.summary,
    rows: merged.rows,
    written,
    partitioned,
    articles: merged.articles,
    words: merged.words,
    groups: merged.groups,
    settings: merged.settings,
  };
}

/** What each stage's step of {@link mergeParts} reads and writes to. */
interface MergeStep {
  out: string;
  slices: readonly string[];
  corpus: CorpusWriter;
  options: MergeOptions;
  settings: MeasureSettings & { by: string; within?: string };
}

/** The settings a stage's `summarize` gets. */
const stageSettings = (options: MergeOptions) => ({
  ...options.measure,
  by: options.by,
  within: options.within,
});

/*
 * Each stage's step is a function of its own, not the body of mergeParts' loop: what a suspended
 * async function held in its locals stays reachable until it returns. With the loop in
 * mergeParts, the keyness frames' generator (and through it every per-article count) and the
 * collocations tally were still held while reuse ran (at 10,000 articles, 137 MB of typed arrays
 * and a map of 455,000 entries; seen in a heap snapshot at the start of reuse).
 */

/**
 * Merges a stage's tally and writes its corpus-level frames; returns the finishing of its staged
 * parts when it has any (the tally is dropped as this returns, but for what `finish` keeps), or
 * undefined when the stage has no tally.
 */
async function summarizeStage(
  stage: FrameStage,
  { out, slices, corpus, options, settings }: MergeStep,
): Promise<{ finishing?: Promise<FinishedParts> } | undefined> {
  if (!stage.merge && !stage.finish && !stage.summarize) return undefined;
  const tally = await mergedTally(out, stage, slices);
  if (tally === undefined) return undefined;
  const finishing = stage.finish
    ? finishParts(
      out,
      stage,
      stage.finish.with(tally),
      slices,
      partFormatsOf(options.stages, options.formats),
    )
    : undefined;
  if (stage.summarizeInPieces) {
    const rows = options.pieceRows ?? PIECE_ROWS;
    for (const [name, frames] of Object.entries(stage.summarizeInPieces(tally, settings, rows))) {
      await corpus.writePieces(name, frames);
    }
  } else await corpus.write(summarizeTallies([stage], { [stage.name]: tally }, settings));
  return { finishing };
}

/** Makes a whole-corpus stage's frames from the parts (`fromParts`) and writes them. */
async function writeFromParts(stage: FrameStage, { out, corpus, options }: MergeStep) {
  await collectGarbage();
  logMemory(`${stage.name}: start`);
  const scratch = `${STAGING}/${stage.name}`;
  try {
    const frames = await stage.fromParts!(out, {
      scratch: `${out}/${scratch}`,
      pieceRows: options.pieceRows ?? PIECE_ROWS,
      collect: collectGarbage,
      index: `${out}/${STAGING}`,
    });
    for (const name of inFrameOrder(Object.keys(frames))) {
      await corpus.writePieces(name, frames[name]);
      logMemory(`${stage.name}: ${name} written`);
    }
  } finally {
    await clearFrames(out, [scratch]);
  }
}

/** A stage's tally, merged from its parts in slice order (undefined when no slice wrote one). */
async function mergedTally(
  out: string,
  stage: FrameStage,
  slices: readonly string[],
): Promise<unknown> {
  const merger = tallyMerger(stage);
  let read = 0;
  for (const slice of slices) {
    const path = `${out}/${TALLIES}/${stage.name}/${slice}/part.parquet`;
    if (!exists(path)) continue;
    merger.add(pl.readParquet(path));
    // The parts read are dead once added: free their native memory as we go.
    if (++read % PARTS_PER_COLLECTION === 0) await collectGarbage();
  }
  return merger.result();
}

/**
 * Writes corpus-level frames under `out` as they are made (each replacing what an earlier run
 * left under its name), keeping only their paths and rows; {@link written} lists the paths in
 * frame order, as writing them all at the end would.
 */
export class CorpusWriter {
  readonly rows: Record<string, number> = {};
  readonly #paths = new Map<string, string[]>();

  constructor(readonly out: string, readonly formats: FrameFormat[]) {}

  async write(frames: Frames): Promise<void> {
    for (const name of inFrameOrder(Object.keys(frames))) {
      await clearFrames(this.out, [name]);
      const paths = await writeFrames({ [name]: frames[name] }, this.out, this.formats);
      this.#paths.set(name, paths);
      this.rows[name] = frames[name].height;
    }
  }

  /**
   * Writes a frame that comes in pieces: each piece to a scratch file, then all of them streamed
   * into the frame's file (polars reads them in order); one piece is written as it is.
   */
  async writePieces(name: string, frames: Iterable<pl.DataFrame>): Promise<void> {
    // Under the staging folder, which a run that fails removes.
    const scratch = `${this.out}/${PIECES}/${name}`;
    await clearFrames(this.out, [name, `${PIECES}/${name}`]);
    await Deno.mkdir(scratch, { recursive: true });
    let pieces = 0;
    let rows = 0;
    let single: pl.DataFrame | undefined;
    for (const frame of frames) {
      if (pieces === 0) single = frame;
      else {
        if (pieces === 1) single!.writeParquet(`${scratch}/${pieceName(0)}`);
        single = undefined;
        frame.writeParquet(`${scratch}/${pieceName(pieces)}`);
        await collectGarbage();
      }
      rows += frame.height;
      pieces++;
    }
    if (single) {
      return await this.write({ [name]: single }).finally(() => clearFrames(this.out, [PIECES]));
    }
    const all = pl.scanParquet(`${scratch}/*.parquet`);
    const paths = this.formats.map((format) =>
      sinkFrame(all, `${this.out}/${name}.${format}`, format)
    );
    await clearFrames(this.out, [PIECES]);
    this.#paths.set(name, paths);
    this.rows[name] = rows;
  }

  written(): string[] {
    return inFrameOrder(this.#paths.keys()).flatMap((name) => this.#paths.get(name)!);
  }
}

/** A piece's file name: numbered so the names sort in order. */
const pieceName = (k: number) => `piece=${String(k).padStart(6, "0")}.parquet`;

/** The scratch folder of pieces. */
const PIECES = `${STAGING}/pieces`;

/** Rows per frame and paths a stage's finished parts have. */
interface FinishedParts {
  rows: Record<string, number>;
  written: string[];
}

/**
 * Slices finished at once, at most: enough for every slice of a corpus of a few million words to
 * be written while the corpus-level frames are made, few enough to bound the memory in flight.
 */
const FINISHING_AT_ONCE = 8;

/**
 * Turns a stage's staged parts into final ones, slice by slice (up to
 * {@link FINISHING_AT_ONCE} at a time, on polars' threads), with the stage's `finish` made from
 * the merged tally (not the tally itself, so it can be dropped while the parts are finished).
 */
async function finishParts(
  out: string,
  stage: FrameStage,
  finish: (name: string, frame: pl.LazyDataFrame) => pl.LazyDataFrame,
  slices: readonly string[],
  formats: readonly FrameFormat[],
): Promise<FinishedParts> {
  const rows: Record<string, number> = {};
  const written: string[] = [];
  for (const name of stage.finish!.frames) {
    const staged = slices.filter((slice) =>
      exists(`${out}/${STAGING}/${name}/${slice}/part.parquet`)
    );
    const one = async (slice: string) => {
      const frame = finish(name, pl.scanParquet(`${out}/${STAGING}/${name}/${slice}/part.parquet`));
      const dir = `${out}/${name}/${slice}`;
      await Deno.mkdir(dir, { recursive: true });
      const paths: string[] = [];
      for (const format of formats) {
        paths.push(await sinkFrameAsync(frame, `${dir}/part.${format}`, format));
      }
      return { paths, rows: rowsIn(dir, formats) };
    };
    const done: { paths: string[]; rows: number }[] = [];
    for (let at = 0; at < staged.length; at += FINISHING_AT_ONCE) {
      done.push(...await Promise.all(staged.slice(at, at + FINISHING_AT_ONCE).map(one)));
    }
    rows[name] = done.reduce((n, d) => n + d.rows, 0);
    for (const d of done) written.push(...d.paths);
  }
  return { rows, written };
}

/** Adds a later slice's report to `into`, in place. */
export function addReport(into: BatchReport, from: BatchReport): BatchReport {
  mergeSummaryTally(into.summary, from.summary);
  for (const [name, n] of Object.entries(from.rows)) into.rows[name] = (into.rows[name] ?? 0) + n;
  into.written.push(...from.written);
  into.grouped += from.grouped;
  into.fields = [...new Set([...into.fields, ...from.fields])];
  into.groups = firstDistinct([...into.groups, ...from.groups], 2);
  into.articles += from.articles;
  into.words += from.words;
  into.chars += from.chars;
  return into;
}

/** Rows of the part written in `dir` (from the Parquet footer when there is one). */
function rowsIn(dir: string, formats: readonly FrameFormat[]): number {
  const lf = formats.includes("parquet")
    ? pl.scanParquet(`${dir}/part.parquet`)
    : pl.scanCSV(`${dir}/part.csv`);
  return lf.select(pl.len().alias("n")).collectSync().getColumn("n").get(0) as number;
}
