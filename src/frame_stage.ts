/**
 * What a stage is: a named group of frames computed from an {@link Analysis}, each frame either
 * per article (a batch or shard writes its own rows) or corpus-level (made from a tally, the sums
 * that batches and shards add up). Every frame name the kit writes is typed here, once, in the
 * order frames are listed and written. The stages themselves live beside their code
 * (`extract/stage.ts`, `stats/keyness_stage.ts`, …); `stages.ts` lists and runs them.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import type pl from "nodejs-polars";
import type { Analysis } from "./analysis.ts";
import type { GroupBy } from "./stats/groups.ts";
import type { KeynessOptions } from "./stats/keyness.ts";
import type { Lexicon } from "./stats/lexicon.ts";
import type { Tone } from "./stats/sentiment.ts";
import type { TermOptions } from "./stats/terms.ts";

/** Every frame `analyze` writes, in the order they are listed and written. */
export const FRAME_NAMES = [
  "articles",
  "sentences",
  "tokens",
  "cleaning",
  "entities",
  "figures",
  "quotes",
  "attributions",
  "agencies",
  "terms",
  "outlet_terms",
  "keyness",
  "framing",
  "framing_summary",
  "sentiment",
  "sentiment_outlet",
  "collocations",
  "readability",
  "sentiment_entity",
  "framing_within",
  "sentiment_within",
  "reuse_pairs",
  "article_similarity",
  "article_sources",
  "coverage",
  "figure_consistency",
  "coverage_articles",
] as const;

/** The name of a frame `analyze` writes. */
export type FrameName = typeof FRAME_NAMES[number];

/** The steps of the data flow, as `--stages` names them; each stage belongs to one. */
export const STEPS = ["corpus", "extract", "measure", "reuse"] as const;

/** A step of the data flow (`--stages corpus,measure`). */
export type Step = typeof STEPS[number];

/** Frames by name. */
export type Frames = Record<string, pl.DataFrame>;

/** What the measure stages apply: lexicons besides the defaults, the defaults or not, the tone. */
export interface MeasureSettings {
  /** Lexicons applied besides the defaults (`--lexicon`). */
  lexicons?: readonly Lexicon[];
  /** Apply the shipped default lexicons (default true; `--no-default-lexicons`). */
  defaultLexicons?: boolean;
  /** The tone scorer (`vader` by default, or `afinn`). */
  tone?: Tone;
  /** Keyness options (`--keyness-top N` keeps the N rows of highest z per comparison). */
  keyness?: KeynessOptions;
}

/** Options every stage may read. */
export interface StageOptions extends MeasureSettings {
  /** The article field groups are compared by (outlet_terms, keyness, summaries): default "outlet". */
  by?: GroupBy;
  /** Keyness, framing and tone compare groups within each stratum of this article field. */
  within?: GroupBy;
  /** How tokens become terms (stopwords, honorifics, n-grams). */
  terms?: TermOptions;
  /**
   * The analysis is one batch (or shard) of a larger corpus: per-article frames whose values
   * depend on the whole corpus (the df and idf of `terms`) are left for the stage's `finish`.
   */
  partial?: boolean;
  /** A user's gazetteer file for the entity stage, or "none" (default: the general list). */
  gazetteer?: string;
  /** A model file for the entity stage, or "none" (default: the shipped model). */
  model?: string;
  /** A figure periods file (default: `data/figures/periods.json`; see `--figure-periods`). */
  figurePeriods?: string;
  /** A figure measures file (default: `data/figures/measures.json`; see `--figure-measures`). */
  figureMeasures?: string;
  /**
   * What stages of one run share (the term counts that terms, outlet_terms, keyness and
   * collocations all read): the driver makes one per analysis, see {@link shared}.
   */
  cache?: Map<string, unknown>;
}

/**
 * A named group of frames computed from an analysis. A stage also sees the frames the stages
 * before it built (`built`), so it can use them (sentiment per entity reads `entities`). `T` is
 * the tally its corpus-level frames are made from.
 */
export interface FrameStage<T = unknown> {
  name: string;
  /** The step it belongs to (what `--stages` selects). */
  step: Step;
  /** Its frames that are per article, sentence or match: a batch writes its own rows of each. */
  perArticle: readonly FrameName[];
  /** Its frames about the corpus as a whole, made by `summarize` from the (merged) tally. */
  corpusLevel: readonly FrameName[];
  /** Its per-article frames of one analysis (the corpus, a batch or a shard), and its tally. */
  batch: (analysis: Analysis, built: Readonly<Frames>, options: StageOptions) => {
    frames: Frames;
    tally?: T;
  };
  /**
   * Frames of earlier stages that its `batch` reads when they were built (`entities`): a driver
   * that builds those on another thread runs this stage once they are there, and the stages that
   * read none of them before.
   */
  reads?: readonly FrameName[];
  /** Adds a later batch's tally to `into` (in place) and returns it. */
  merge?: (into: T, from: T) => T;
  /** The corpus-level frames of a (merged) tally. */
  summarize?: (tally: T, options: StageOptions) => Frames;
  /**
   * Per-article frames whose rows carry corpus statistics (the df and idf of `terms`): a batch
   * writes them aside, and once every batch is tallied, `with` makes each batch's frame
   * corpus-wide, lazily, so it streams from the batch's file to the final one.
   */
  finish?: {
    frames: readonly FrameName[];
    with: (tally: T) => (name: string, frame: pl.LazyDataFrame) => pl.LazyDataFrame;
  };
  /**
   * Its corpus-level frames of a (merged) tally made piece by piece, at most `rows` rows a piece,
   * so that a merge writes each piece as it comes and never holds the frame whole (keyness: 31
   * million rows at 100,000 news-size articles). The pieces, in order, are `summarize`'s frames;
   * a merge uses this when a stage has it.
   */
  summarizeInPieces?: (
    tally: T,
    options: StageOptions,
    rows: number,
  ) => Record<string, Iterable<pl.DataFrame>>;
  /**
   * How its tally is written as a slice's part and merged back, when the generic encoding
   * (`batch/tallies.ts`: a row and a key string per value) would be most of a merge's memory
   * (keyness's per-article counts, in columns). `merger().result()` is the merged tally.
   */
  tallyColumns?: {
    frame: (tally: T) => pl.DataFrame;
    merger: () => { add(frame: pl.DataFrame): void; result(): T };
  };
  /**
   * Needs every article at once: in batches or shards its `batch` is not run; `fromParts` makes
   * its frames at merge time, or it is not run.
   */
  wholeCorpus?: boolean;
  /**
   * A whole-corpus stage's frames from the per-article parts the slices wrote under `out`
   * (reuse reads `articles`, `sentences`, `tokens` and the extraction frames), at merge time,
   * each frame in pieces the merge writes as they come (see {@link PartsSpill}).
   */
  fromParts?: (
    out: string,
    spill: PartsSpill,
  ) => Promise<Record<string, Iterable<pl.DataFrame>>>;
  /**
   * A whole-corpus stage's index of one slice, which each batch writes aside (under the run's
   * staging folder, see {@link PartsSpill.index}) for `fromParts` to read in place of what it
   * would rebuild from the parts (reuse: each sentence's stems, instead of every token).
   */
  sliceIndex?: { frames: readonly string[]; of: (analysis: Analysis) => Frames };
}

/** Where and how a stage's `fromParts` may spill what it would otherwise hold. */
export interface PartsSpill {
  /** A scratch folder of its own (made if missing; the merge removes it afterwards). */
  scratch: string;
  /** Rows per piece of a frame. */
  pieceRows: number;
  /** Frees what is dead (polars' native memory, which V8 does not count): call it now and then. */
  collect: () => Promise<void>;
  /**
   * The folder the slices' {@link FrameStage.sliceIndex} frames are under
   * (`<index>/<name>/<slice>/part.parquet`); a slice may have written none (an older run).
   */
  index?: string;
}

/** Declares a stage with a typed tally (the list of stages holds them untyped). */
export const frameStage = <T>(s: FrameStage<T>): FrameStage => s as FrameStage;

/** Every frame of a stage: per-article ones first, in the order of {@link FRAME_NAMES}. */
export function framesOf(stage: FrameStage): FrameName[] {
  return inFrameOrder([...stage.perArticle, ...stage.corpusLevel]) as FrameName[];
}

/** Names in the order of {@link FRAME_NAMES}; names not listed there follow, as given. */
export function inFrameOrder(names: Iterable<string>): string[] {
  const all = new Set(names);
  const listed = (FRAME_NAMES as readonly string[]).filter((n) => all.has(n));
  const known = new Set(listed);
  return [...listed, ...[...all].filter((n) => !known.has(n))];
}

/**
 * A value the stages of one run share, computed by the first stage that asks (the term counts):
 * kept in `options.cache`, or computed afresh when there is none.
 */
export function shared<T>(options: StageOptions, key: string, make: () => T): T {
  if (!options.cache) return make();
  if (!options.cache.has(key)) options.cache.set(key, make());
  return options.cache.get(key) as T;
}
