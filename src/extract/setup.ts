/**
 * The entity data a run uses, named by what can cross to a worker thread: a gazetteer path (or
 * "none") and, later, a model path. Each file is read once per thread.
 * @module
 */

import { recogniserOf, shippedRecogniser } from "./entities.ts";
import type { EntityRecogniser } from "./entities/model.ts";
import type { ExtractOptions } from "./extract.ts";
import { gazetteerFor } from "./gazetteer.ts";
import { loadNerModel } from "./ner/mod.ts";

/** What `--gazetteer` (and the library's stage options) say about entity data. */
export interface EntitySetup {
  /** A user's gazetteer file added to the general list; "none": no list outside the model. */
  gazetteer?: string;
  /** A model file (default: the shipped one); "none": lists and rules only. */
  model?: string;
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

/**
 * The extraction options of a setup. Throws a one-line `GazetteerError` or `NerModelError` for a
 * bad file.
 *
 * @example
 * extractCorpus(analysis, extractOptionsFor({ gazetteer: "data/entities/examples/seeds_gazetteer.json" }));
 */
export function extractOptionsFor(setup: EntitySetup = {}): ExtractOptions {
  return { gazetteer: gazetteerFor(setup.gazetteer), model: recogniserFor(setup.model) };
}

/** The `--gazetteer` option's help line, shared by the commands that take it. */
export const GAZETTEER_USAGE =
  `  --gazetteer FILE exact names of your story added to the general list (JSON, see
                   data/entities/examples/seeds_gazetteer.json); "none": only the model`;
