/**
 * The `terms` stage: term counts per article with df and idf. A batch's df and idf are its own
 * until `finish` makes them corpus-wide from the merged tally. The counts are shared with the
 * outlet_terms, keyness and collocations stages ({@link termCountsOf}), so they are made once.
 * @module
 */

import type { Analysis } from "../analysis.ts";
import { frameStage, shared, type StageOptions } from "../frame_stage.ts";
import {
  type ArticleTermCounts,
  countTerms,
  finishTerms,
  mergeTermTally,
  termLookup,
  termsFrame,
  type TermTally,
  termTally,
} from "./terms.ts";

/** The term counts of an analysis under `options.terms`, counted once per run. */
export function termCountsOf(analysis: Analysis, options: StageOptions): ArticleTermCounts {
  return shared(options, "termCounts", () => countTerms(analysis, options.terms));
}

/** Terms per article, with df and idf over the corpus. */
export const TERMS_STAGE = frameStage<TermTally>({
  name: "terms",
  step: "measure",
  perArticle: ["terms"],
  corpusLevel: [],
  batch: (a, _, options) => {
    const counts = termCountsOf(a, options);
    return {
      frames: { terms: termsFrame(counts, options.partial ? { minCount: 1 } : {}) },
      tally: termTally(counts),
    };
  },
  merge: mergeTermTally,
  finish: {
    frames: ["terms"],
    with: (tally) => {
      const corpus = termLookup(tally);
      return (_, frame) => finishTerms(frame, corpus, tally.minCount);
    },
  },
});
