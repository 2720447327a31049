/**
 * One slice of a large corpus (a batch, or a batch of a shard), from loaded articles to files:
 * clean, segment, run the stages, write the per-article frames as this slice's parts and the
 * stages' tallies as Parquet (`_tallies/<stage>/<slice>/part.parquet`), which the merge step
 * (`merge.ts`) reads to make the corpus-level frames. The same function runs in a worker, in the
 * main thread or in a shard's own process, so the results cannot depend on which.
 * @module
 */

import type { TermOptions } from "../stats/terms.ts";
import type { Article } from "../corpus/article.ts";
import { cleanArticle } from "../corpus/clean.ts";
import { newAnalysis } from "../analysis.ts";
import { type FrameFormat, writeFrame } from "../frames/write.ts";
import { runStages, stagesOf } from "../stages.ts";
import { type FrameStage, inFrameOrder } from "../frame_stage.ts";
import { fieldGroup, firstDistinct, groupFields, groupsOf } from "../stats/groups.ts";
import type { MeasureSettings } from "../stages.ts";
import { type SummaryTally, summaryTally } from "../text/summary.ts";
import { tallyFrame, tallyPartFrame } from "./tallies.ts";

/** Where and how a batched run writes, shared by every batch. */
export interface BatchConfig {
  /** The output folder. */
  out: string;
  formats: FrameFormat[];
  /**
   * The steps to run (`corpus`, `measure`…; a stage needing the whole corpus never runs here, but
   * writes its slice index, if it has one).
   */
  stages: string[];
  /** The article field groups are compared by. */
  by: string;
  /** What the measure stage applies (lexicons, default lexicons, tone scorer). */
  measure?: MeasureSettings;
  /** The keyness stratum field, if any. */
  within?: string;
  /** Term options (a stopword set crosses to workers as a list). */
  terms?: Omit<TermOptions, "stopwords"> & { stopwords?: "remove" | "keep" | string[] };
  /** A user's gazetteer file, or "none" (see `--gazetteer`). */
  gazetteer?: string;
  /** A model file, or "none" (see `--model`). */
  model?: string;
  /** A figure periods file (see `--figure-periods`). */
  figurePeriods?: string;
  /** A figure measures file (see `--figure-measures`). */
  figureMeasures?: string;
  /** The shard this run is, of how many (`--shard K/N`): its parts go under `shard=K`. */
  shard?: { index: number; count: number };
  /** What the merge step needs to know of the run (recorded in each slice's report). */
  settings?: Record<string, unknown>;
}

/** What a slice reports: small sums, never rows. It is also written as the slice's report part. */
export interface BatchReport {
  index: number;
  /** The slice's folder below a frame's folder (`batch=00003`, `shard=00001/batch=00000`). */
  slice: string;
  articles: number;
  words: number;
  /** Characters of raw text (for progress against the corpus size). */
  chars: number;
  summary: SummaryTally;
  /** Rows written per frame. */
  rows: Record<string, number>;
  written: string[];
  /** Articles with a value for the grouping field, and the fields the batch's articles carry. */
  grouped: number;
  fields: string[];
  /** Up to two distinct values of the grouping field (enough to tell whether groups compare). */
  groups: string[];
  /** The run's settings (see {@link BatchConfig.settings}). */
  settings: Record<string, unknown>;
}

/** The folder a frame's parts wait in until the corpus tally can finish them. */
export const STAGING = ".staging";

/** The folder of every stage's tally parts (`_tallies/<stage>/<slice>/part.parquet`). */
export const TALLIES = "_tallies";

/** The name under {@link TALLIES} of the slices' reports (one per slice, even an empty one). */
export const REPORT = "_report";

/** The name under {@link TALLIES} of the marks of finished shards (`_done/shard=K`). */
export const DONE = "_done";

/** The folder of shard `index`'s parts below a frame's folder. */
export function shardDir(index: number): string {
  return `shard=${String(index).padStart(5, "0")}`;
}

/** The slice folder of batch `index` (of a shard, when given). */
export function sliceOf(index: number, shard?: { index: number }): string {
  const batch = `batch=${String(index).padStart(5, "0")}`;
  return shard ? `${shardDir(shard.index)}/${batch}` : batch;
}

/**
 * The formats a run writes its per-article parts in: the user's, and Parquet too when a
 * whole-corpus stage (reuse) will read the parts back, which it does from Parquet only.
 */
export function partFormatsOf(
  stages: readonly FrameStage[],
  formats: readonly FrameFormat[],
): FrameFormat[] {
  const readBack = stages.some((s) => s.wholeCorpus && s.fromParts);
  return readBack && !formats.includes("parquet") ? [...formats, "parquet"] : [...formats];
}

/** Writes `frame` as `<root>/<name>/<slice>/part.<format>` per format; returns the paths. */
export async function writeSlice(
  frame: Parameters<typeof writeFrame>[0],
  root: string,
  name: string,
  slice: string,
  formats: readonly FrameFormat[],
): Promise<string[]> {
  const dir = `${root}/${name}/${slice}`;
  await Deno.mkdir(dir, { recursive: true });
  return formats.map((format) => writeFrame(frame, `${dir}/part.${format}`, format));
}

/** Processes batch `index` of a corpus and writes its parts and tallies under `config.out`. */
export async function processBatch(
  index: number,
  articles: readonly Article[],
  config: BatchConfig,
): Promise<BatchReport> {
  const slice = sliceOf(index, config.shard);
  const cleaned = articles.map((a) => cleanArticle(a));
  const analysis = newAnalysis(cleaned);
  const by = fieldGroup(config.by);
  const stages = stagesOf(config.stages).filter((s) => !s.wholeCorpus);
  const { frames: built, tallies } = runStages(analysis, stages, {
    ...config.measure,
    by,
    within: config.within === undefined ? undefined : fieldGroup(config.within),
    terms: config.terms && {
      ...config.terms,
      stopwords: Array.isArray(config.terms.stopwords)
        ? new Set(config.terms.stopwords)
        : config.terms.stopwords,
    },
    partial: true,
    gazetteer: config.gazetteer,
    model: config.model,
    figurePeriods: config.figurePeriods,
    figureMeasures: config.figureMeasures,
  });
  const pending = new Set<string>(stages.flatMap((s) => s.finish?.frames ?? []));
  const rows: Record<string, number> = {};
  const written: string[] = [];
  for (const name of inFrameOrder(stages.flatMap((s) => s.perArticle))) {
    const frame = built[name];
    if (!frame) continue;
    rows[name] = frame.height;
    if (pending.has(name)) {
      await writeSlice(frame, `${config.out}/${STAGING}`, name, slice, ["parquet"]);
    } else {
      written.push(...await writeSlice(frame, config.out, name, slice, config.formats));
    }
  }
  // A whole-corpus stage's index of this slice (reuse: the sentences' stems), read at merge time.
  for (const stage of stagesOf(config.stages)) {
    if (!stage.wholeCorpus || !stage.sliceIndex) continue;
    for (const [name, frame] of Object.entries(stage.sliceIndex.of(analysis))) {
      await writeSlice(frame, `${config.out}/${STAGING}`, name, slice, ["parquet"]);
    }
  }
  const root = `${config.out}/${TALLIES}`;
  for (const [name, tally] of Object.entries(tallies)) {
    const stage = stages.find((s) => s.name === name)!;
    await writeSlice(tallyPartFrame(stage, tally), root, name, slice, ["parquet"]);
  }
  const groups = groupsOf(cleaned, by);
  const report: BatchReport = {
    index,
    slice,
    articles: cleaned.length,
    words: analysis.tokens.length,
    chars: articles.reduce((n, a) => n + a.text.length, 0),
    summary: summaryTally(cleaned, analysis.sentences, analysis.tokens),
    rows,
    written,
    grouped: groups.filter((g) => g !== null).length,
    fields: [...groupFields(cleaned)],
    groups: firstDistinct(groups, 2),
    settings: config.settings ?? {},
  };
  await writeSlice(tallyFrame(report), root, REPORT, slice, ["parquet"]);
  return report;
}
