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
import { type FrameFormat, sinkFrameAsync, writeFrames } from "../frames/write.ts";
import { clearFrames, fileExists as exists } from "../frames/partitions.ts";
import { mergeTallies, summarizeTallies } from "../stages.ts";
import { firstDistinct, missingFieldError } from "../stats/groups.ts";
import { mergeSummaryTally, type SummaryTally } from "../text/summary.ts";
import { type BatchReport, partFormatsOf, REPORT, STAGING, TALLIES } from "./process.ts";
import { tallyOf } from "./tallies.ts";

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
}

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
  // Tallies, stage by stage, so one stage's merged tally is dropped before the next is read. A
  // stage's staged parts are finished (on polars' threads) as soon as its tally is merged, while
  // this thread goes on with the next stages' corpus-level frames (keyness above all).
  const corpus: Frames = {};
  const finishing: Promise<FinishedParts>[] = [];
  for (const stage of options.stages) {
    if (!stage.merge && !stage.finish && !stage.summarize) continue;
    let tally: Record<string, unknown> = {};
    for (const slice of slices) {
      const path = `${out}/${TALLIES}/${stage.name}/${slice}/part.parquet`;
      if (!exists(path)) continue;
      tally = mergeTallies([stage], tally, { [stage.name]: tallyOf(pl.readParquet(path)) });
    }
    if (tally[stage.name] === undefined) continue;
    if (stage.finish) {
      finishing.push(
        finishParts(
          out,
          stage,
          tally[stage.name],
          slices,
          partFormatsOf(options.stages, options.formats),
        ),
      );
    }
    Object.assign(
      corpus,
      summarizeTallies([stage], tally, {
        ...options.measure,
        by: options.by,
        within: options.within,
      }),
    );
  }
  const written = [...merged.written];
  // In stage order, as they were started: the list of paths does not depend on which ends first.
  for (const finished of await Promise.all(finishing)) {
    Object.assign(merged.rows, finished.rows);
    written.push(...finished.written);
  }
  for (const stage of options.stages) {
    if (stage.wholeCorpus && stage.fromParts) Object.assign(corpus, await stage.fromParts(out));
  }
  for (const finisher of options.finishers ?? CORPUS_FINISHERS) {
    Object.assign(corpus, await finisher({ out, slices, settings: merged.settings }));
  }
  if (!options.keep) await clearFrames(out, [STAGING, TALLIES]);
  const ordered = Object.fromEntries(inFrameOrder(Object.keys(corpus)).map((n) => [n, corpus[n]]));
  await clearFrames(out, Object.keys(ordered));
  written.push(...await writeFrames(ordered, out, options.formats));
  const partitioned = Object.keys(merged.rows);
  for (const [name, frame] of Object.entries(ordered)) merged.rows[name] = frame.height;
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
 * {@link FINISHING_AT_ONCE} at a time, on polars' threads), with the merged tally.
 */
async function finishParts(
  out: string,
  stage: FrameStage,
  tally: unknown,
  slices: readonly string[],
  formats: readonly FrameFormat[],
): Promise<FinishedParts> {
  const finish = stage.finish!.with(tally);
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
