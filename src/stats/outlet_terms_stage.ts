/**
 * The `outlet_terms` stage: term counts and shares per group, from summed counts.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import {
  type GroupTermCounts,
  groupTermCounts,
  groupTermsFrame,
  mergeGroupTermCounts,
} from "./outlet_terms.ts";
import { termCountsOf } from "./terms_stage.ts";

/** Terms per group (outlet, or the `by` field). */
export const OUTLET_TERMS_STAGE = frameStage<GroupTermCounts>({
  name: "outlet_terms",
  step: "measure",
  perArticle: [],
  corpusLevel: ["outlet_terms"],
  batch: (a, _, options) => ({
    frames: {},
    tally: groupTermCounts(termCountsOf(a, options), options.by ?? "outlet"),
  }),
  merge: mergeGroupTermCounts,
  summarize: (tally) => ({ outlet_terms: groupTermsFrame(tally) }),
});
