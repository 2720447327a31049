/**
 * The `readability` stage: reading-ease scores per article.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { readabilityFrame } from "./readability.ts";

/** Readability per article. */
export const READABILITY_STAGE = frameStage({
  name: "readability",
  step: "measure",
  perArticle: ["readability"],
  corpusLevel: [],
  batch: (a) => ({ frames: { readability: readabilityFrame(a) } }),
});
