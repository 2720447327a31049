/**
 * The frames `deno task analyze` writes, stage by stage. Each stage turns an {@link Analysis}
 * into named frames; later stages (extraction, statistics, reuse) add themselves here.
 *
 * A stage's frames are of two kinds. Most are per article, sentence or match (`tokens`,
 * `entities`, `framing`): a batch of articles gives its own rows, and a large corpus is written
 * batch by batch. The rest are about the corpus as a whole (`keyness`, `framing_summary`): a
 * stage makes them from a tally (sums) that the batches add up. Reuse compares every article
 * with every other and needs the whole corpus at once.
 * @module
 */

import type pl from "nodejs-polars";
import { type Analysis, corpusFrames } from "./pipeline.ts";
import {
  MEASURE_FRAMES,
  measureBatch,
  measureCorpusFrames,
  type MeasureTally,
  mergeMeasureTally,
} from "./stats/measure.ts";
import { extractCorpus } from "./extract/extract.ts";
import { extractOptionsFor } from "./extract/setup.ts";
import { extractionFrames } from "./extract/frames.ts";
import { reuseFrames, reuseStageFrames } from "./stats/reuse/stage.ts";
import { extraArticleColumns, withAgencies, withExtraColumns } from "./frames/articles.ts";
import type { GroupBy } from "./stats/groups.ts";
import { finishTerms, termLookup, type TermOptions } from "./stats/terms.ts";
import type { Lexicon } from "./stats/lexicon.ts";
import type { Tone } from "./stats/sentiment.ts";
import type { KeynessOptions } from "./stats/keyness.ts";

/** Frames by name. */
export type Frames = Record<string, pl.DataFrame>;

/** What the measure stage applies: lexicons besides the defaults, the defaults or not, the tone. */
export interface MeasureSettings {
  lexicons?: readonly Lexicon[];
  defaultLexicons?: boolean;
  tone?: Tone;
  /** Keyness options (`--keyness-top N` keeps the N rows of highest z per comparison). */
  keyness?: KeynessOptions;
}

/** Options every stage may read. */
export interface StageOptions extends MeasureSettings {
  /** The article field groups are compared by (outlet_terms, keyness, summaries): default "outlet". */
  by?: GroupBy;
  /** Keyness compares groups within each stratum of this article field and pools (see README). */
  within?: GroupBy;
  /** How tokens become terms (stopwords, honorifics, n-grams) for the measure stage. */
  terms?: TermOptions;
  /**
   * The analysis is one batch of a larger corpus: per-article frames whose values depend on the
   * whole corpus (the df and idf of `terms`) are left for the stage's `finish`.
   */
  partial?: boolean;
  /** A user's gazetteer file for the entity stage, or "none" (default: the general list). */
  gazetteer?: string;
  /** A model file for the entity stage, or "none" (default: the shipped model). */
  model?: string;
}

/**
 * A named group of frames computed from an analysis. A stage also sees the frames the stages
 * before it built, so it can reuse them (and replace one, as extraction adds the agencies to
 * `articles`). `T` is what its corpus-level frames are made from.
 */
export interface FrameStage<T = unknown> {
  name: string;
  /** The frames it writes, in the order they are listed. */
  frames: readonly string[];
  /** Those of them that are per article (a batch writes its own rows of each); the rest are
   * about the corpus as a whole. */
  local: readonly string[];
  /** Its frames of one analysis (the corpus, or a batch of it), and the tally, if any. */
  batch: (analysis: Analysis, built: Readonly<Frames>, options: StageOptions) => {
    frames: Frames;
    tally?: T;
  };
  /** Adds a later batch's tally to `into`. */
  merge?: (into: T, from: T) => T;
  /** The corpus-level frames of a (merged) tally. */
  summarize?: (tally: T, options: StageOptions) => Frames;
  /**
   * Per-article frames whose rows carry corpus statistics (the df and idf of `terms`): a batch
   * writes them aside, and once every batch is tallied, `with` makes each batch's frame
   * corpus-wide, lazily, so it streams from the batch's file to the final one.
   */
  finish?: {
    frames: readonly string[];
    with: (tally: T) => (name: string, frame: pl.LazyDataFrame) => pl.LazyDataFrame;
  };
  /** Needs every article at once (not run when a corpus is processed in batches). */
  wholeCorpus?: boolean;
}

const stage = <T>(s: FrameStage<T>): FrameStage => s as FrameStage;

/** Every stage, in the order the data flows. */
export const STAGES: FrameStage[] = [
  // The tally is the extra (metadata) columns of `articles`: batches may carry different fields,
  // and every part of `articles` gets them all.
  stage<string[]>({
    name: "corpus",
    frames: ["articles", "sentences", "tokens", "cleaning"],
    local: ["articles", "sentences", "tokens", "cleaning"],
    batch: (a) => ({ frames: { ...corpusFrames(a) }, tally: extraArticleColumns(a.articles) }),
    merge: (into, from) => [...new Set([...into, ...from])].sort(),
    finish: {
      frames: ["articles"],
      with: (extra) => (_, frame) => withExtraColumns(frame, extra),
    },
  }),
  stage({
    name: "extract",
    frames: ["entities", "figures", "quotes", "attributions", "agencies", "articles"],
    local: ["entities", "figures", "quotes", "attributions", "agencies", "articles"],
    batch: (a, built, options) => {
      const x = extractionFrames(extractCorpus(a, extractOptionsFor(options)));
      return {
        frames: built.articles ? { ...x, articles: withAgencies(built.articles, x.agencies) } : x,
      };
    },
  }),
  // Sentiment per entity uses the extract stage's mentions when that stage ran.
  stage<MeasureTally>({
    name: "measure",
    frames: MEASURE_FRAMES,
    local: ["terms", "framing", "sentiment", "readability"],
    batch: (a, built, options) => measureBatch(a, { ...options, entities: built.entities }),
    merge: mergeMeasureTally,
    summarize: (tally, options) => measureCorpusFrames(tally, options),
    finish: {
      frames: ["terms"],
      with: (tally) => {
        const corpus = termLookup(tally.terms);
        return (_, frame) => finishTerms(frame, corpus, tally.terms.minCount);
      },
    },
  }),
  stage({
    name: "reuse",
    frames: [
      "reuse_pairs",
      "article_similarity",
      "article_sources",
      "coverage",
      "figure_consistency",
    ],
    local: [],
    wholeCorpus: true,
    // The extraction frames, when that stage ran; otherwise the stage extracts for itself.
    batch: (a, built) => ({
      frames: built.entities
        ? reuseFrames(a, { entities: built.entities, figures: built.figures, quotes: built.quotes })
        : reuseStageFrames(a),
    }),
  }),
];

/** Runs one stage on a whole corpus: its per-article and corpus-level frames. */
export function stageFrames(
  stage: FrameStage,
  analysis: Analysis,
  built: Readonly<Frames> = {},
  options: StageOptions = {},
): Frames {
  const { frames, tally } = stage.batch(analysis, built, options);
  const all = stage.summarize && tally !== undefined
    ? { ...frames, ...stage.summarize(tally, options) }
    : frames;
  // Listed order: the stage's own order of names, then anything else it made.
  const names = [...new Set([...stage.frames.filter((n) => all[n]), ...Object.keys(all)])];
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}

/** Runs every stage and returns all frames by name. */
export function allFrames(
  analysis: Analysis,
  stages: FrameStage[] = STAGES,
  onStage?: (name: string) => void,
  options: StageOptions = {},
): Frames {
  const out: Frames = {};
  for (const stage of stages) {
    onStage?.(stage.name);
    Object.assign(out, stageFrames(stage, analysis, out, options));
  }
  return out;
}
