/**
 * The frames `deno task analyze` writes, stage by stage. Each stage turns an {@link Analysis}
 * into named frames; later stages (extraction, statistics, reuse) add themselves here.
 * @module
 */

import type pl from "nodejs-polars";
import { type Analysis, corpusFrames } from "./pipeline.ts";
import { measureFrames } from "./stats/measure.ts";
import { extractCorpus } from "./extract/extract.ts";
import { extractionFrames } from "./extract/frames.ts";
import { reuseStageFrames } from "./stats/reuse/stage.ts";

/** A named group of frames computed from an analysis. */
export interface FrameStage {
  name: string;
  frames: (analysis: Analysis) => Record<string, pl.DataFrame>;
}

/** Every stage, in the order the data flows. */
export const STAGES: FrameStage[] = [
  { name: "corpus", frames: (a) => ({ ...corpusFrames(a) }) },
  { name: "extract", frames: (a) => extractionFrames(extractCorpus(a)) },
  { name: "measure", frames: (a) => measureFrames(a) },
  { name: "reuse", frames: (a) => reuseStageFrames(a) },
];

/** Runs every stage and returns all frames by name. */
export function allFrames(
  analysis: Analysis,
  stages: FrameStage[] = STAGES,
  onStage?: (name: string) => void,
): Record<string, pl.DataFrame> {
  const out: Record<string, pl.DataFrame> = {};
  for (const stage of stages) {
    onStage?.(stage.name);
    Object.assign(out, stage.frames(analysis));
  }
  return out;
}
