/**
 * The `keyness` stage: which terms each group uses more than the others, with articles as the
 * unit (and pooled within strata with `within`). The tally is the per-article counts.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { keynessFramesOfDocuments, keynessOfDocuments } from "./keyness.ts";
import { documentCountsFrame, MergedDocumentCounts } from "../batch/document_counts.ts";
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
  summarizeInPieces: (tally, options, rows) => ({
    keyness: keynessFramesOfDocuments(tally, options.keyness, rows),
  }),
  // Per-article counts are most of all tally rows at archive scale: in columns, not the generic
  // encoding (see `batch/document_counts.ts`).
  tallyColumns: {
    frame: documentCountsFrame,
    merger: () => {
      const merged = new MergedDocumentCounts();
      return { add: (frame) => merged.add(frame), result: () => merged.counts() };
    },
  },
});
