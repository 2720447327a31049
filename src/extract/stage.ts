/**
 * The extract stage: entities, figures, quotes, attributions and agencies, all per article.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { extractCorpus } from "./extract.ts";
import { extractionFrames } from "./frames.ts";
import { extractOptionsFor } from "./setup.ts";

/** Everything extraction finds, one frame per kind of record. */
export const EXTRACT_STAGE = frameStage({
  name: "extract",
  step: "extract",
  perArticle: ["entities", "figures", "quotes", "attributions", "agencies"],
  corpusLevel: [],
  batch: (a, _, options) => ({
    frames: extractionFrames(extractCorpus(a, extractOptionsFor(options))),
  }),
});
