/**
 * The extraction data a run uses, named by what can cross to a worker thread: a gazetteer path
 * (or "none"), a model path and the figures' period and measure files. Each file is read once
 * per thread.
 * @module
 */

import { recogniserOf, shippedRecogniser } from "./entities.ts";
import type { EntityRecogniser } from "./entities/model.ts";
import type { ExtractOptions } from "./extract.ts";
import { loadMeasureWordsFile, type MeasureWords } from "./figures/measure.ts";
import { loadPeriodWordsFile, type PeriodWords } from "./figures/period.ts";
import { gazetteerFor } from "./gazetteer.ts";
import { loadNerModel } from "./ner/mod.ts";

/**
 * What `--gazetteer`, `--model`, `--figure-periods` and `--figure-measures` (and the library's
 * stage options) say about extraction data: file paths, which cross to worker threads.
 */
export interface EntitySetup {
  /** A user's gazetteer file added to the general list; "none": no list outside the model. */
  gazetteer?: string;
  /** A model file (default: the shipped one); "none": lists and rules only. */
  model?: string;
  /** A periods file replacing `data/figures/periods.json` (its schema, `PeriodWordsSchema`). */
  figurePeriods?: string;
  /** A measures file replacing `data/figures/measures.json` (its schema, `MeasureWordsSchema`). */
  figureMeasures?: string;
}

/** The fields of {@link EntitySetup} alone (what a worker is sent), from any options holding them. */
export function entitySetupOf(options: EntitySetup): EntitySetup {
  const { gazetteer, model, figurePeriods, figureMeasures } = options;
  return { gazetteer, model, figurePeriods, figureMeasures };
}

const models = new Map<string, EntityRecogniser>();

/** The recogniser of a model path, read once per thread. */
function recogniserFor(path: string | undefined): EntityRecogniser | null {
  if (path === undefined) return shippedRecogniser();
  if (path === "none") return null;
  let r = models.get(path);
  if (!r) models.set(path, r = recogniserOf(loadNerModel(path)));
  return r;
}

const periodFiles = new Map<string, PeriodWords>();
const measureFiles = new Map<string, MeasureWords>();

/** A figures data file read once per thread (undefined: the shipped one). */
function readOnce<T>(cache: Map<string, T>, path: string | undefined, load: (p: string) => T) {
  if (path === undefined) return undefined;
  let data = cache.get(path);
  if (data === undefined) cache.set(path, data = load(path));
  return data;
}

/**
 * The extraction options of a setup. Throws a one-line `GazetteerError`, `NerModelError` or
 * `FigureDataError` for a bad file.
 *
 * @example
 * extractCorpus(analysis, extractOptionsFor({ gazetteer: "data/entities/examples/seeds_gazetteer.json" }));
 */
export function extractOptionsFor(setup: EntitySetup = {}): ExtractOptions {
  return {
    gazetteer: gazetteerFor(setup.gazetteer),
    model: recogniserFor(setup.model),
    figurePeriods: readOnce(periodFiles, setup.figurePeriods, loadPeriodWordsFile),
    figureMeasures: readOnce(measureFiles, setup.figureMeasures, loadMeasureWordsFile),
  };
}

/** The `--figure-periods` and `--figure-measures` options' help lines. */
export const FIGURE_DATA_USAGE = `  --figure-periods FILE
                   the periods figures are stated for, replacing data/figures/periods.json
                   (same JSON schema; e.g. data/figures/examples/periods_sport.json)
  --figure-measures FILE
                   what figures measure, replacing data/figures/measures.json (same schema)`;

/** The `--gazetteer` option's help line, shared by the commands that take it. */
export const GAZETTEER_USAGE =
  `  --gazetteer FILE exact names of your story added to the general list (JSON, see
                   data/entities/examples/seeds_gazetteer.json); "none": only the model`;
