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
import { reuseFrames, reuseStageFrames } from "./stats/reuse/stage.ts";
import { withAgencies } from "./frames/articles.ts";

/**
 * A named group of frames computed from an analysis. A stage also sees the frames the stages
 * before it built, so it can reuse them (and replace one, as extraction adds the agencies to
 * `articles`).
 */
export interface FrameStage {
  name: string;
  frames: (
    analysis: Analysis,
    built?: Readonly<Record<string, pl.DataFrame | undefined>>,
    options?: StageOptions,
  ) => Record<string, pl.DataFrame>;
}

/** Options every stage may read. */
export interface StageOptions {
  /** The article field groups are compared by (outlet_terms, keyness, summaries): default "outlet". */
  by?: string;
}

/** Every stage, in the order the data flows. */
export const STAGES: FrameStage[] = [
  { name: "corpus", frames: (a) => ({ ...corpusFrames(a) }) },
  {
    name: "extract",
    frames: (a, built = {}) => {
      const x = extractionFrames(extractCorpus(a));
      return built.articles ? { ...x, articles: withAgencies(built.articles, x.agencies) } : x;
    },
  },
  // Sentiment per entity uses the extract stage's mentions when that stage ran.
  {
    name: "measure",
    frames: (a, built = {}, options = {}) =>
      measureFrames(a, { entities: built.entities, by: options.by }),
  },
  {
    name: "reuse",
    // The extraction frames, when that stage ran; otherwise the stage extracts for itself.
    frames: (a, built = {}) =>
      built.entities
        ? reuseFrames(a, { entities: built.entities, figures: built.figures, quotes: built.quotes })
        : reuseStageFrames(a),
  },
];

/** Runs every stage and returns all frames by name. */
export function allFrames(
  analysis: Analysis,
  stages: FrameStage[] = STAGES,
  onStage?: (name: string) => void,
  options: StageOptions = {},
): Record<string, pl.DataFrame> {
  const out: Record<string, pl.DataFrame> = {};
  for (const stage of stages) {
    onStage?.(stage.name);
    Object.assign(out, stage.frames(analysis, out, options));
  }
  return out;
}
