/**
 * `analyze` from corpus to files, in bounded memory: records stream in and are grouped into
 * batches of about `batchWords` words. A corpus that fits in one batch is analysed in memory and
 * every frame is written whole (`<out>/tokens.parquet`). A larger one is processed batch by batch
 * on a pool of workers (one per core): each batch writes its rows of the per-article frames as a
 * part (`<out>/tokens/batch=00003/part.parquet`) and sends back small tallies, which the main
 * thread adds up, in batch order, into the corpus-level frames (`<out>/keyness.parquet`). Memory
 * then follows the batch size and the vocabulary, not the corpus.
 * @module
 */

import type { TermOptions } from "../stats/terms.ts";
import type { Article } from "../corpus/article.ts";
import type { LoadIssue } from "../corpus/issues.ts";
import {
  collectRecord,
  corpusBytes,
  type LoadOptions,
  type Rejection,
  streamCorpus,
} from "../corpus/load.ts";
import { clearFrames } from "../frames/partitions.ts";
import { type FrameFormat, writeFrames } from "../frames/write.ts";
import { newAnalysis } from "../analysis.ts";
import { type CleanArticle, cleanArticle } from "../corpus/clean.ts";
import {
  allFrames,
  type Frames,
  framesOf,
  type FrameStage,
  type MeasureSettings,
  stagesOf,
  STEPS,
} from "../stages.ts";
import { firstDistinct, groupFields, groupsOf, missingFieldError } from "../stats/groups.ts";
import { type SummaryTally, summaryTally } from "../text/summary.ts";
import { type StageHelper, stageHelperFor } from "../stage_helper.ts";
import {
  type BatchConfig,
  type BatchReport,
  DONE,
  partFormatsOf,
  processBatch,
  REPORT,
  shardDir,
  STAGING,
  TALLIES,
  writeSlice,
} from "./process.ts";
import { tallyFrame } from "./tallies.ts";
import { addReport, mergeParts } from "./merge.ts";
import type { BatchRequest } from "./worker.ts";

/** Workers of a batched run unless told: one per core. */
export const DEFAULT_WORKERS = navigator.hardwareConcurrency ?? 1;

/**
 * Below this size of corpus text (bytes, about 1.3 million words), a batched run uses one worker
 * unless told. Measured on State of the Union speeches, on a 2-core machine, without reuse:
 * 2.6 MB took 6.8–8.3 s on one worker and 8.3–8.4 s on two; 7.1 MB 19.0 s on one and
 * 17.6–19.6 s on two (for 25% more CPU); 10.8 MB 35.2 s on one and 30.3 s on two. The pool's
 * start-up and the transfer of articles eat what a second core gives on a small corpus.
 */
export const SECOND_WORKER_FROM_BYTES = 8_000_000;

/**
 * Below this size of corpus text (bytes, about 2 million words), `analyze` runs the corpus in one
 * batch, in memory, unless `--batch-words` is given: there batching costs more than it saves. On
 * the State of the Union speeches (10.8 MB, 1.8M words), every stage, on this 2-core machine, one
 * batch took 30 s of CPU against 53 s in batches of 250,000 words on two workers (each batch
 * loads the recogniser and warms up on its own, every tally goes through a Parquet file, and reuse
 * reads the parts back), and was faster by the wall clock too (38–59 s against 69–79 s, loaded).
 * Memory is the price: about 1 KB per word, 1.8 GB peak against 1.6 GB, and at most about 2 GB
 * below this size (the batched runs of larger corpora stay as they were).
 */
export const ONE_BATCH_BELOW_BYTES = 12_000_000;

/**
 * The size in bytes of the corpus text at `path` (a file, or the text files of a folder), which
 * the defaults below and the progress line read: Infinity when it cannot be read, so the defaults
 * are the batched ones and the loader reports what is wrong.
 */
export async function corpusSize(path: string): Promise<number> {
  return await corpusBytes(path).catch(() => Infinity);
}

/** The default `--batch-words` for a corpus of `bytes`: 0 (one batch) below {@link ONE_BATCH_BELOW_BYTES}. */
export function batchWordsFor(bytes: number, batchWords = 250_000): number {
  return bytes < ONE_BATCH_BELOW_BYTES ? 0 : batchWords;
}

/** The default number of workers for a corpus of `bytes`: one below {@link SECOND_WORKER_FROM_BYTES}. */
export function workersFor(bytes: number, perCore = DEFAULT_WORKERS): number {
  return bytes < SECOND_WORKER_FROM_BYTES ? 1 : perCore;
}

/** About this many characters make a word, to size batches before the text is segmented. */
const CHARS_PER_WORD = 6;

/** Options of {@link analyzeToFiles}. */
export interface BatchedOptions extends LoadOptions {
  out: string;
  formats: FrameFormat[];
  /** Steps to run (default all: corpus, extract, measure, reuse). */
  stages?: string[];
  /** The grouping field (default "outlet"). */
  by?: string;
  /** What the measure stage applies (lexicons, default lexicons, tone scorer). */
  measure?: MeasureSettings;
  /** The field keyness compares groups within (event, story, date), if any. */
  within?: string;
  /** How tokens become terms (stopwords, honorifics). */
  terms?: TermOptions;
  /** A user's gazetteer file, or "none" (see `--gazetteer`). */
  gazetteer?: string;
  /** A model file, or "none" (see `--model`). */
  model?: string;
  /** A figure periods file (see `--figure-periods`). */
  figurePeriods?: string;
  /** A figure measures file (see `--figure-measures`). */
  figureMeasures?: string;
  /** Words per batch (default 250,000); 0 puts the whole corpus in one batch, in memory. */
  batchWords?: number;
  /** Workers for a corpus of several batches (default: one per core); 1 runs in this thread. */
  workers?: number;
  /**
   * Process only shard `index` of `count` (articles by a stable hash of their id, see
   * {@link shardOf}): its per-article parts and tallies go under `shard=K` folders and nothing is
   * merged; `mergeParts` (or `newsframe merge`) makes the corpus-level frames once every shard is
   * done.
   */
  shard?: { index: number; count: number };
  /** What the merge step needs to know of the run, recorded in every slice's report. */
  settings?: Record<string, unknown>;
  /**
   * Called as articles are done: articles, words, characters of raw text, and what is running
   * ("reading", or "batches on 2 workers").
   */
  onProgress?: (p: { articles: number; words: number; chars: number; label: string }) => void;
  /** Called with the name of each stage (in memory) or "batches" and "corpus frames". */
  onStage?: (name: string) => void;
  /** Called with a warning a person should see (one line). */
  onWarning?: (message: string) => void;
  /** Stops the workers at once when aborted (a signal: the caller removes what was written). */
  abort?: AbortSignal;
}

/** What a run did. */
export interface BatchedRun {
  /** 1 when the corpus was analysed in one piece. */
  batches: number;
  summary: SummaryTally;
  issues: LoadIssue[];
  rejected: Rejection[];
  /** Rows per frame written. */
  rows: Record<string, number>;
  written: string[];
  /** Frames written in parts (`<out>/<name>/batch=*\/part.*`). */
  partitioned: string[];
  /** Stages not run because they need the whole corpus at once. */
  skipped: string[];
  /** Every frame, when the corpus was analysed in one piece (in memory). */
  frames?: Frames;
  /** Articles that loaded. */
  articles: number;
  /** Up to two distinct values of the grouping field: fewer than two leave keyness empty. */
  groups: string[];
}

/**
 * Analyses a corpus and writes its frames under `options.out`: whole when it fits in one batch,
 * else per-article frames in Hive-style parts and corpus-level frames whole. Throws the grouping
 * error of `groupsOf` when no article has the `by` field.
 *
 * @example
 * const run = await analyzeToFiles("archive.jsonl", { out: "data/out/archive", formats: ["parquet"] });
 * readFrame("data/out/archive", "tokens"); // every batch's tokens, in order
 */
export async function analyzeToFiles(path: string, options: BatchedOptions): Promise<BatchedRun> {
  const by = options.by ?? "outlet";
  const stages = stagesOf(options.stages ?? STEPS);
  const batchChars = (options.batchWords ?? 250_000) * CHARS_PER_WORD;
  const sink = { issues: [] as LoadIssue[], rejected: [] as Rejection[] };
  let batch: Article[] = [];
  let chars = 0;
  let loaded = 0;
  let full: Article[] | null = null;
  let runner: BatchRunner | null = null;
  const shard = options.shard;
  try {
    // A shard always writes parts and tallies (its batches are slices of a larger corpus).
    if (shard) {
      runner = new BatchRunner(stages, { ...options, by });
      await runner.start();
    }
    for await (const record of streamCorpus(path, options)) {
      const article = collectRecord(record, sink);
      if (!article) continue;
      if (shard && shardOf(article.id, shard.count) !== shard.index) continue;
      loaded++;
      if (full) {
        // A second batch exists: the corpus is processed in batches from here on.
        if (!runner) {
          warnOfGroupField(full, by, options.onWarning);
          runner = new BatchRunner(stages, { ...options, by });
          await runner.start();
        }
        await runner.submit(full);
        full = null;
      }
      batch.push(article);
      chars += article.text.length;
      if (batchChars > 0 && chars >= batchChars) {
        full = batch;
        batch = [];
        chars = 0;
      }
    }
    // A full batch still held is the last one (the next article would have sent it off).
    const rest = full ?? batch;
    if (!runner) return await inMemory(rest, stages, { ...options, by }, sink, loaded);
    if (rest.length) await runner.submit(rest);
    return await runner.finish(sink, loaded);
  } catch (e) {
    // Nothing half-written is left: the parts so far and the staging folder go.
    await runner?.abort();
    throw e;
  } finally {
    runner?.close();
  }
}

/**
 * Whether the grouping field exists is a question for the whole corpus (it is checked at the
 * end), but a field the first batch's records do not carry is most often misspelt: say so at
 * once rather than after the last batch.
 */
function warnOfGroupField(
  articles: readonly Article[],
  by: string,
  warn: ((message: string) => void) | undefined,
): void {
  const fields = groupFields(articles);
  if (fields.has(by)) return;
  warn?.(
    `--by ${by}: no article of the first batch has this field (fields there: ${
      [...fields].join(", ")
    }); if none has it, the run stops at the end`,
  );
}

/**
 * A corpus of one batch: every stage in memory, every frame written whole; extraction and reuse on
 * a second thread when the corpus is large enough for it to pay (see `stageHelperFor`).
 */
async function inMemory(
  articles: Article[],
  stages: FrameStage[],
  options: BatchedOptions & { by: string },
  sink: { issues: LoadIssue[]; rejected: Rejection[] },
  loaded: number,
): Promise<BatchedRun> {
  const cleaned = articles.map((a) => cleanArticle(a));
  const helper = stageHelperFor(cleaned, stages, options);
  try {
    return await inOneBatch(articles, cleaned, stages, options, sink, loaded, helper);
  } finally {
    helper?.close();
  }
}

/** {@link inMemory}'s run, with the helper thread if there is one. */
async function inOneBatch(
  articles: Article[],
  cleaned: CleanArticle[],
  stages: FrameStage[],
  options: BatchedOptions & { by: string },
  sink: { issues: LoadIssue[]; rejected: Rejection[] },
  loaded: number,
  helper: StageHelper | null,
): Promise<BatchedRun> {
  const analysis = newAnalysis(cleaned, sink);
  options.onProgress?.({
    articles: articles.length,
    words: analysis.tokens.length,
    chars: articles.reduce((n, a) => n + a.text.length, 0),
    label: "reading",
  });
  const run: BatchedRun = {
    batches: 1,
    summary: summaryTally(analysis.articles, analysis.sentences, analysis.tokens),
    ...sink,
    rows: {},
    written: [],
    partitioned: [],
    skipped: [],
    articles: loaded,
    groups: [],
  };
  if (!articles.length) return run;
  // Before any stage runs: a field no article has is a mistake to report at once.
  run.groups = firstDistinct(groupsOf(analysis.articles, options.by), 2);
  const stageOptions = {
    ...options.measure,
    by: options.by,
    within: options.within,
    terms: options.terms,
    gazetteer: options.gazetteer,
    model: options.model,
    figurePeriods: options.figurePeriods,
    figureMeasures: options.figureMeasures,
  };
  const frames = helper
    ? await helper.allFrames(analysis, stages, options.onStage, stageOptions)
    : allFrames(analysis, stages, options.onStage, stageOptions);
  options.onStage?.("writing");
  await clearFrames(options.out, [...stages.flatMap(framesOf), ...Object.keys(frames)]);
  run.written = await writeFrames(frames, options.out, options.formats);
  run.rows = Object.fromEntries(Object.entries(frames).map(([n, f]) => [n, f.height]));
  run.frames = frames;
  return run;
}

/** Batches in flight on a pool of workers (or this thread), merged in batch order. */
class BatchRunner {
  readonly #stages: FrameStage[];
  readonly #options: BatchedOptions;
  readonly #config: BatchConfig;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  #waiting: (() => void)[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #done = new Map<number, BatchReport>();
  #next = 0;
  #submitted = 0;
  #merged: BatchReport | null = null;
  #error: Error | null = null;
  #chars = 0;
  #articles = 0;
  #words = 0;

  readonly #requested: FrameStage[];

  constructor(stages: FrameStage[], options: BatchedOptions & { by: string }) {
    this.#requested = stages;
    this.#stages = stages.filter((s) => !s.wholeCorpus);
    this.#options = options;
    this.#config = {
      out: options.out,
      formats: partFormatsOf(stages, options.formats),
      // Whole-corpus steps too: a batch does not run them, but writes their slice index.
      stages: [...new Set(this.#requested.map((s) => s.step))],
      by: options.by,
      measure: options.measure,
      within: options.within,
      terms: options.terms && {
        ...options.terms,
        stopwords: options.terms.stopwords instanceof Set
          ? [...options.terms.stopwords]
          : options.terms.stopwords as "remove" | "keep" | undefined,
      },
      gazetteer: options.gazetteer,
      model: options.model,
      figurePeriods: options.figurePeriods,
      figureMeasures: options.figureMeasures,
      shard: options.shard,
      settings: options.settings,
    };
  }

  async start(): Promise<void> {
    this.#options.onStage?.("batches");
    await this.#clear();
    const n = Math.max(1, this.#options.workers ?? DEFAULT_WORKERS);
    if (n === 1) return;
    this.#options.abort?.addEventListener("abort", () => this.close(), { once: true });
    for (let i = 0; i < n; i++) {
      const worker = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /** Sends a batch off; waits first while every worker is busy, so reading never runs ahead. */
  async submit(articles: Article[]): Promise<void> {
    if (this.#error) throw this.#error;
    const index = this.#submitted++;
    if (!this.#workers.length) {
      this.#accept(await processBatch(index, articles, this.#config));
      return;
    }
    while (!this.#idle.length) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (this.#error) throw this.#error;
    const worker = this.#idle.pop()!;
    const job = new Promise<void>((resolve) => {
      worker.onmessage = (
        e: MessageEvent<{ index: number; report?: BatchReport; error?: ErrorShape }>,
      ) => {
        if (e.data.error) this.#error ??= workerError(index, e.data.error);
        else this.#accept(e.data.report!);
        resolve();
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.#error ??= new Error(`batch ${index}: ${e.message}`);
        resolve();
      };
    }).finally(() => {
      this.#inFlight.delete(job);
      this.#idle.push(worker);
      this.#waiting.shift()?.();
    });
    this.#inFlight.add(job);
    worker.postMessage({ index, articles, config: this.#config } satisfies BatchRequest);
  }

  /** Every frame name of the requested stages, those skipped in batches included. */
  get #names(): string[] {
    return this.#requested.flatMap(framesOf);
  }

  /** Stops the workers and removes everything this run wrote. */
  async abort(): Promise<void> {
    this.close();
    await this.#clear();
  }

  /**
   * Removes what an earlier run wrote where this one writes: every frame, the staged parts and
   * the tallies; for a shard, only that shard's folders of each (other shards may be running).
   */
  async #clear(): Promise<void> {
    const out = this.#options.out;
    const shard = this.#options.shard;
    if (!shard) return await clearFrames(out, [...this.#names, STAGING, TALLIES]);
    const dir = shardDir(shard.index);
    await clearFrames(out, this.#names.map((n) => `${n}/${dir}`));
    const stages = [...this.#stages.map((s) => s.name), REPORT, DONE];
    await clearFrames(out, [
      // The slice indexes of whole-corpus stages (reuse_index) are staged too.
      ...[...this.#names, ...this.#requested.flatMap((s) => s.sliceIndex?.frames ?? [])]
        .map((n) => `${STAGING}/${n}/${dir}`),
      ...stages.map((n) => `${TALLIES}/${n}/${dir}`),
    ]);
  }

  /** Stops the workers (idempotent). */
  close(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers.length = 0;
  }

  /** Keeps a finished batch and merges every batch that is now next in order. */
  #accept(report: BatchReport): void {
    this.#done.set(report.index, report);
    while (this.#done.has(this.#next)) {
      const r = this.#done.get(this.#next)!;
      this.#done.delete(this.#next++);
      this.#articles += r.articles;
      this.#words += r.words;
      this.#chars += r.chars;
      this.#merged = this.#merged ? addReport(this.#merged, r) : r;
      this.#options.onProgress?.({
        articles: this.#articles,
        words: this.#words,
        chars: this.#chars,
        label: this.#workers.length > 1 ? `batches on ${this.#workers.length} workers` : "batches",
      });
    }
  }

  /**
   * Waits for every batch, then (unless this is a shard, which leaves that to `merge`) merges
   * the tallies the batches wrote into the corpus-level frames and finishes the staged parts.
   */
  async finish(
    sink: { issues: LoadIssue[]; rejected: Rejection[] },
    loaded: number,
  ): Promise<BatchedRun> {
    await Promise.all(this.#inFlight);
    this.close();
    if (this.#error) throw this.#error;
    const merged = this.#merged;
    const skipped = this.#requested.filter((s) => s.wholeCorpus && !s.fromParts).map((s) => s.name);
    if (this.#options.shard || !merged) {
      return {
        batches: this.#submitted,
        summary: merged?.summary ?? summaryTally([], []),
        ...sink,
        rows: merged?.rows ?? {},
        written: merged?.written ?? [],
        partitioned: Object.keys(merged?.rows ?? {}),
        skipped,
        articles: loaded,
        groups: merged?.groups ?? [],
      };
    }
    if (merged.grouped === 0) throw missingFieldError(this.#config.by, merged.fields);
    this.#options.onStage?.("corpus frames");
    const run = await mergeParts(this.#options.out, {
      // Whole-corpus stages included: those with `fromParts` (reuse) run in the merge.
      stages: this.#requested,
      formats: this.#options.formats,
      by: this.#config.by,
      within: this.#config.within,
      measure: this.#config.measure,
    });
    return {
      batches: this.#submitted,
      summary: run.summary,
      ...sink,
      rows: run.rows,
      written: run.written,
      partitioned: run.partitioned,
      skipped,
      articles: loaded,
      groups: run.groups,
    };
  }
}

/**
 * Runs shard `shard.index` of `shard.count` (see {@link BatchedOptions.shard}) and, once all of
 * its parts are written, marks it done (`_tallies/_done/shard=K/part.parquet`), which `merge`
 * checks for every shard before it starts.
 *
 * @example
 * // on machine k of 4, all writing to the same shared folder; then mergeParts("/shared/out", …)
 * await analyzeShard("archive.jsonl", { index: k, count: 4 }, { out: "/shared/out", formats: ["parquet"] });
 */
export async function analyzeShard(
  path: string,
  shard: { index: number; count: number },
  options: Omit<BatchedOptions, "shard">,
): Promise<BatchedRun> {
  const run = await analyzeToFiles(path, { ...options, shard });
  const done = {
    shard: shard.index,
    shards: shard.count,
    articles: run.articles,
    batches: run.batches,
  };
  await writeSlice(tallyFrame(done), `${options.out}/${TALLIES}`, DONE, shardDir(shard.index), [
    "parquet",
  ]);
  return run;
}

/**
 * The shard (0 … count-1) an article belongs to: FNV-1a (32 bits) of its id's UTF-16 code units,
 * modulo `count`. Stable across runs, processes and machines, and spread evenly for any ids.
 */
export function shardOf(id: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

/** An error as a worker sends it. */
interface ErrorShape {
  name: string;
  message: string;
  stack?: string;
}

/**
 * A worker's error as an error of this thread: the same class where Deno has one by that name
 * (PermissionDenied, NotFound…, which the command line reports in one line), the batch named.
 */
function workerError(index: number, e: ErrorShape): Error {
  const Class = (Deno.errors as unknown as Record<string, ErrorConstructor>)[e.name] ?? Error;
  const error = new Class(`batch ${index}: ${e.message}`);
  if (e.stack) error.stack = `${error.name}: batch ${index}: ${e.stack.replace(/^[^\n]*\n?/, "")}`;
  return error;
}
