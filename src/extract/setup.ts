/**
 * The entity data a run uses, named by what can cross to a worker thread: a gazetteer path (or
 * "none") and, later, a model path. Each file is read once per thread.
 * @module
 */

import type { ExtractOptions } from "./extract.ts";
import { gazetteerFor } from "./gazetteer.ts";

/** What `--gazetteer` (and the library's stage options) say about entity data. */
export interface EntitySetup {
  /** A user's gazetteer file added to the general list; "none": no list outside the model. */
  gazetteer?: string;
}

/**
 * The extraction options of a setup. Throws a one-line `GazetteerError` for a bad file.
 *
 * @example
 * extractCorpus(analysis, extractOptionsFor({ gazetteer: "data/entities/examples/seeds_gazetteer.json" }));
 */
export function extractOptionsFor(setup: EntitySetup = {}): ExtractOptions {
  return { gazetteer: gazetteerFor(setup.gazetteer) };
}

/** The `--gazetteer` option's help line, shared by the commands that take it. */
export const GAZETTEER_USAGE =
  `  --gazetteer FILE exact names of your story added to the general list (JSON, see
                   data/entities/examples/seeds_gazetteer.json); "none": only the model`;
