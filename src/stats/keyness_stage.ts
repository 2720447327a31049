/**
 * The `keyness` stage: which terms each group uses more than the others, with articles as the
 * unit (and pooled within strata with `within`). The tally is the per-article counts.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { keynessOfDocuments } from "./keyness.ts";
import {
  type DocumentTermCounts,
  documentTermCounts,
  mergeDocumentTermCounts,
} from "./stratified.ts";
import { termCountsOf } from "./terms_stage.ts";

/** Keyness of terms per group. */
export const KEYNESS_STAGE = frameStage<DocumentTermCounts>({
  name: "keyness",
  step: "measure",
  perArticle: [],
  corpusLevel: ["keyness"],
  batch: (a, _, options) => ({
    frames: {},
    tally: documentTermCounts(termCountsOf(a, options), options.by ?? "outlet", options.within),
  }),
  merge: mergeDocumentTermCounts,
  summarize: (tally, options) => ({ keyness: keynessOfDocuments(tally, options.keyness) }),
});
