/**
 * The stages `deno task analyze` runs, in the order the data flows, and the one driver that runs
 * them ({@link runStages}) for the in-memory run, each batch of a batched run and each shard.
 *
 * Each stage is declared beside its code (`frames/corpus_stage.ts`, `extract/stage.ts`,
 * `stats/keyness_stage.ts`, …) and names its frames as per article or corpus-level (see
 * `frame_stage.ts`). Per-article frames (`tokens`, `entities`, `framing`) come from any slice of
 * the corpus; corpus-level ones (`keyness`, `framing_summary`) come from a tally (sums) that the
 * slices add up. Reuse compares every article with every other and needs the whole corpus at once.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import type pl from "nodejs-polars";
import type { Analysis } from "./analysis.ts";
import { ARTICLES_STAGE } from "./frames/articles_stage.ts";
import { CORPUS_STAGE } from "./frames/corpus_stage.ts";
import { EXTRACT_STAGE } from "./extract/stage.ts";
import {
  type Frames,
  type FrameStage,
  inFrameOrder,
  type StageOptions,
  type Step,
} from "./frame_stage.ts";
import { COLLOCATIONS_STAGE } from "./stats/collocations_stage.ts";
import { FRAMING_STAGE } from "./stats/framing_stage.ts";
import { KEYNESS_STAGE } from "./stats/keyness_stage.ts";
import { OUTLET_TERMS_STAGE } from "./stats/outlet_terms_stage.ts";
import { READABILITY_STAGE } from "./stats/readability_stage.ts";
import { REUSE_STAGE } from "./stats/reuse_stage.ts";
import { SENTIMENT_STAGE } from "./stats/sentiment_stage.ts";
import { TERMS_STAGE } from "./stats/terms_stage.ts";
import type { EntityMention } from "./extract/entities.ts";
import { entitiesFrame } from "./extract/frames.ts";

export {
  FRAME_NAMES,
  type FrameName,
  type Frames,
  framesOf,
  type FrameStage,
  type MeasureSettings,
  type StageOptions,
  type Step,
  STEPS,
} from "./frame_stage.ts";

/**
 * Every stage, in the order the data flows. `articles` follows extraction, whose agencies it
 * lists per article; sentiment follows extraction too (its roll-up per entity).
 */
export const STAGES: FrameStage[] = [
  CORPUS_STAGE,
  EXTRACT_STAGE,
  ARTICLES_STAGE,
  TERMS_STAGE,
  OUTLET_TERMS_STAGE,
  KEYNESS_STAGE,
  FRAMING_STAGE,
  SENTIMENT_STAGE,
  COLLOCATIONS_STAGE,
  READABILITY_STAGE,
  REUSE_STAGE,
];

/** The stages of these steps (`--stages corpus,measure`), in flow order. */
export function stagesOf(steps: readonly string[], stages: FrameStage[] = STAGES): FrameStage[] {
  return stages.filter((s) => steps.includes(s.step));
}

/** What {@link runStages} gives: frames by name and, unless summarized, each stage's tally. */
export interface StageRun {
  frames: Frames;
  /** The tally of each stage that has one, by stage name (empty with `summarize`). */
  tallies: Record<string, unknown>;
}

/** Options of {@link runStages}. */
export interface RunStagesOptions {
  /** Called with each stage's name before it runs. */
  onStage?: (name: string) => void;
  /**
   * The analysis is the whole corpus: each stage's corpus-level frames are made right after it
   * runs, from its own tally (then dropped), and the frames come back in the listed order.
   */
  summarize?: boolean;
  /** Frames the stages may read that no stage of this run makes (a notebook's own `entities`). */
  given?: Frames;
}

/**
 * Runs stages on one analysis (a whole corpus, a batch or a shard). With `options.partial` (a
 * slice of a larger corpus) stages that need the whole corpus are left out and each stage's
 * tally comes back, to be merged (each stage's `merge`, in `src/batch/tallies.ts`) and summarized
 * ({@link summarizeTallies}) once every slice is done.
 */
export function runStages(
  analysis: Analysis,
  stages: readonly FrameStage[],
  options: StageOptions = {},
  run: RunStagesOptions = {},
): StageRun {
  // One cache per run (or the caller's, across its runs): what several stages read (term
  // counts) is made once.
  const shared: StageOptions = { ...options, cache: options.cache ?? new Map() };
  const frames: Frames = { ...run.given };
  const tallies: Record<string, unknown> = {};
  for (const stage of stages) {
    if (options.partial && stage.wholeCorpus) continue;
    // A stage that needs every article works from the frames, not the shared counts: free them.
    if (stage.wholeCorpus) shared.cache!.clear();
    run.onStage?.(stage.name);
    const { frames: made, tally } = stage.batch(analysis, frames, shared);
    Object.assign(frames, made);
    if (tally === undefined) continue;
    if (run.summarize && stage.summarize) Object.assign(frames, stage.summarize(tally, options));
    else if (!run.summarize) tallies[stage.name] = tally;
  }
  for (const name of Object.keys(run.given ?? {})) delete frames[name];
  return { frames: run.summarize ? inOrder(frames) : frames, tallies };
}

/** The corpus-level frames of the merged tallies of every slice. */
export function summarizeTallies(
  stages: readonly FrameStage[],
  tallies: Record<string, unknown>,
  options: StageOptions = {},
): Frames {
  const frames: Frames = {};
  for (const stage of stages) {
    const tally = tallies[stage.name];
    if (stage.summarize && tally !== undefined) {
      Object.assign(frames, stage.summarize(tally, options));
    }
  }
  return inOrder(frames);
}

/** Frames in the order of `FRAME_NAMES` (any others after, as made). */
export function inOrder(frames: Frames): Frames {
  return Object.fromEntries(inFrameOrder(Object.keys(frames)).map((n) => [n, frames[n]]));
}

/** Runs one stage on a whole corpus: its per-article and corpus-level frames. */
export function stageFrames(
  stage: FrameStage,
  analysis: Analysis,
  built: Readonly<Frames> = {},
  options: StageOptions = {},
): Frames {
  const { frames, tally } = stage.batch(analysis, built, options);
  return inOrder(
    stage.summarize && tally !== undefined
      ? { ...frames, ...stage.summarize(tally, options) }
      : frames,
  );
}

/** Runs every stage (or those given) on a whole corpus and returns all frames by name. */
export function allFrames(
  analysis: Analysis,
  stages: readonly FrameStage[] = STAGES,
  onStage?: (name: string) => void,
  options: StageOptions = {},
): Frames {
  return runStages(analysis, stages, options, { onStage, summarize: true }).frames;
}

/** Options of {@link measureFrames}: the stage options and, for `sentiment_entity`, mentions. */
export interface MeasureOptions extends StageOptions {
  /** Entity mentions (the extract stage's `entities` frame, or its records). */
  entities?: pl.DataFrame | readonly EntityMention[];
}

/**
 * The frames of the measure step (terms, outlet_terms, keyness, framing, sentiment,
 * collocations, readability and their summaries) of a whole corpus.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, measureFrames } from "newsframe";
 *
 * const frames = measureFrames(await analyzeCorpus("seeds"), { by: "outlet" });
 * console.log(frames.keyness.height, frames.framing_summary.height);
 * ```
 */
export function measureFrames(analysis: Analysis, options: MeasureOptions = {}): Frames {
  const { entities, ...rest } = options;
  const given: Frames = {};
  if (entities) {
    given.entities = Array.isArray(entities)
      ? entitiesFrame(entities as EntityMention[])
      : entities as pl.DataFrame;
  }
  return runStages(analysis, stagesOf(["measure"] satisfies Step[]), rest, {
    summarize: true,
    given,
  }).frames;
}
