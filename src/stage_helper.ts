/**
 * A second thread for a corpus analysed in one piece: extraction and reuse run on a worker
 * (`stages_worker.ts`) while the calling thread runs the other stages. Opt-in (`--workers 2` on a
 * run in one batch): it pays only where a core is idle.
 * @module
 */

import { Buffer } from "node:buffer";
import pl from "nodejs-polars";
import type { Analysis } from "./analysis.ts";
import type { CleanArticle } from "./corpus/clean.ts";
import { type EntitySetup, entitySetupOf } from "./extract/setup.ts";
import {
  type Frames,
  framesOf,
  type FrameStage,
  inOrder,
  runStages,
  type StageOptions,
} from "./stages.ts";
import type { HelperReply, HelperRequest } from "./stages_worker.ts";

/** The stages a {@link StageHelper} runs on its own thread: extraction, then reuse, which reads it. */
export const HELPER_STAGES: readonly string[] = ["extract", "reuse"];

/**
 * Runs the extract and reuse stages of a whole corpus on a worker thread while the calling thread
 * runs the other stages ({@link StageHelper.allFrames}): the same frames as `allFrames` (`stages.ts`),
 * in about the time of the longer of the two halves. The worker segments the articles again
 * (about a tenth of the run) rather than receive the segments, and holds its own copy of
 * them while it runs (a few hundred MB at 2 million words). Start it before segmenting, so both
 * threads segment at once; {@link close} it when done.
 *
 * @example
 * const cleaned = articles.map((a) => cleanArticle(a));
 * const helper = new StageHelper(cleaned, STAGES, {});
 * try {
 *   const frames = await helper.allFrames(newAnalysis(cleaned), STAGES);
 * } finally {
 *   helper.close();
 * }
 */
export class StageHelper {
  readonly #worker: Worker;
  readonly #done = new Map<string, Promise<Frames>>();
  readonly #stages: string[];

  constructor(
    articles: readonly CleanArticle[],
    stages: readonly FrameStage[],
    options: EntitySetup,
  ) {
    this.#stages = stages.map((s) => s.name).filter((n) => HELPER_STAGES.includes(n));
    this.#worker = new Worker(new URL("./stages_worker.ts", import.meta.url).href, {
      type: "module",
    });
    const waiting = new Map<string, { resolve: (f: Frames) => void; reject: (e: Error) => void }>();
    for (const name of this.#stages) {
      this.#done.set(
        name,
        new Promise((resolve, reject) => waiting.set(name, { resolve, reject })),
      );
      // Rejections are handled by whoever awaits; an unawaited one must not end the process.
      this.#done.get(name)!.catch(() => {});
    }
    const failAll = (error: Error) => {
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    };
    this.#worker.onmessage = (e: MessageEvent<HelperReply>) => {
      const reply = e.data;
      if ("error" in reply) return failAll(helperError(reply.error));
      const frames: Frames = {};
      for (const [name, bytes] of Object.entries(reply.frames)) {
        frames[name] = pl.readIPC(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }
      waiting.get(reply.stage)?.resolve(frames);
      waiting.delete(reply.stage);
    };
    this.#worker.onerror = (e) => {
      e.preventDefault();
      failAll(new Error(`stage helper: ${e.message}`));
    };
    this.#worker.postMessage(
      { articles, stages: this.#stages, options } satisfies HelperRequest,
    );
  }

  /**
   * Every frame of `stages` on `analysis` (the same articles the helper got), as
   * `allFrames` makes them: the helper's stages come from the worker, the others run here,
   * those that read none of the helper's frames first, the rest once those frames are in.
   */
  async allFrames(
    analysis: Analysis,
    stages: readonly FrameStage[],
    onStage?: (name: string) => void,
    options: StageOptions = {},
  ): Promise<Frames> {
    const pending = new Set(
      stages.filter((s) => this.#done.has(s.name)).flatMap((s) => framesOf(s) as string[]),
    );
    const here = stages.filter((s) => !this.#done.has(s.name));
    const waits = (s: FrameStage) => (s.reads ?? []).some((n) => pending.has(n));
    const shared: StageOptions = { ...options, cache: new Map() };
    const run = { onStage, summarize: true };
    const frames = runStages(analysis, here.filter((s) => !waits(s)), shared, run).frames;
    const given: Frames = {};
    for (const s of stages) {
      if (this.#done.has(s.name)) Object.assign(given, await this.#done.get(s.name)!);
      // As soon as the frames the later stages read are in: the reuse frames can wait.
      if (s.name === "extract") break;
    }
    const later = runStages(analysis, here.filter(waits), shared, { ...run, given }).frames;
    Object.assign(frames, later, given);
    for (const s of stages) {
      if (this.#done.has(s.name)) Object.assign(frames, await this.#done.get(s.name)!);
    }
    return inOrder(frames);
  }

  /** Stops the worker (idempotent). */
  close(): void {
    this.#worker.terminate();
  }
}

/** An error the worker sent, as an error of this thread (the same class where Deno has it). */
function helperError(e: { name: string; message: string; stack?: string }): Error {
  const Class = (Deno.errors as unknown as Record<string, ErrorConstructor>)[e.name] ??
    (e.name === "Error" ? Error : undefined);
  const error = Class
    ? new Class(e.message)
    : Object.assign(new Error(e.message), { name: e.name });
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * Text (characters) from which a corpus in one piece runs extraction and reuse on a
 * {@link StageHelper}: about 250,000 words. Below, the worker's start-up (its modules, polars,
 * the recogniser) and the second segmenting cost more than the overlap saves.
 */
export const HELPER_FROM_CHARS = 1_500_000;

/**
 * A {@link StageHelper} for a whole corpus of `articles` when it pays: the corpus has at least
 * {@link HELPER_FROM_CHARS} characters of text (`fromChars`), `stages` include extraction or
 * reuse, and `options.workers` (threads the run may use) is 2 or more; else null (run
 * `allFrames` on this thread). Opt-in (default 1): on a loaded machine the second thread
 * cost 20% more CPU and saved no wall time (State of the Union, load 6–9 on 2 cores).
 */
export function stageHelperFor(
  articles: readonly CleanArticle[],
  stages: readonly FrameStage[],
  options: EntitySetup & { workers?: number },
  fromChars = HELPER_FROM_CHARS,
): StageHelper | null {
  if ((options.workers ?? 1) < 2) return null;
  if (!stages.some((s) => HELPER_STAGES.includes(s.name))) return null;
  let chars = 0;
  for (const a of articles) chars += a.text.length;
  if (chars < fromChars || !articles.length) return null;
  return new StageHelper(articles, stages, entitySetupOf(options));
}
