/**
 * The worker of a `StageHelper` (`stage_helper.ts`): it segments the cleaned articles it is sent, runs the
 * helper's stages (extraction, then reuse) on them and posts each stage's frames back as soon as
 * they are made, as Arrow IPC bytes (transferred, not copied).
 * @module
 */

import pl from "nodejs-polars";
import { newAnalysis } from "./analysis.ts";
import { type EntitySetup, extractOptionsFor } from "./extract/setup.ts";
import type { CleanArticle } from "./corpus/clean.ts";
import { type Frames, STAGES } from "./stages.ts";

/** What the main thread sends the worker. */
export interface HelperRequest {
  /** The articles, cleaned: the worker segments them itself. */
  articles: readonly CleanArticle[];
  /** The names of the stages it runs, in flow order (of `HELPER_STAGES`, `stage_helper.ts`). */
  stages: string[];
  /** The entity data, by what can cross threads (see `extract/setup.ts`). */
  options: EntitySetup;
}

/** What the worker sends back: one stage's frames (Arrow IPC bytes by name), or its error. */
export type HelperReply =
  | { stage: string; frames: Record<string, Uint8Array> }
  | { error: { name: string; message: string; stack?: string } };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HelperRequest>) => void) | null;
  postMessage: (message: HelperReply, transfer?: Transferable[]) => void;
};

scope.onmessage = (e) => {
  const { articles, stages, options } = e.data;
  try {
    // Read first, so a bad file is the helper's error before any work.
    extractOptionsFor(options);
    const analysis = newAnalysis([...articles]);
    const built: Frames = {};
    for (const stage of STAGES.filter((s) => stages.includes(s.name))) {
      const { frames } = stage.batch(analysis, built, options);
      Object.assign(built, frames);
      const bytes: Record<string, Uint8Array> = {};
      for (const [name, frame] of Object.entries(frames)) bytes[name] = ipcBytes(frame);
      scope.postMessage(
        { stage: stage.name, frames: bytes },
        Object.values(bytes).map((b) => b.buffer as ArrayBuffer),
      );
    }
  } catch (error) {
    const err = error as Error;
    scope.postMessage({ error: { name: err.name, message: err.message, stack: err.stack } });
  }
};

/** A frame as Arrow IPC bytes, in a buffer of its own (so it can be transferred). */
function ipcBytes(frame: pl.DataFrame): Uint8Array {
  return new Uint8Array(frame.writeIPC());
}
