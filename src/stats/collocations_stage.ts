/**
 * The `collocations` stage: bigrams that occur together more than chance, from summed bigram
 * counts (the term counts' bigrams, or bigrams counted apart when terms are unigrams only).
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { bigramCounts, collocationsFrame } from "./collocations.ts";
import { addCounts } from "./tally.ts";
import { countTerms } from "./terms.ts";
import { termCountsOf } from "./terms_stage.ts";

/** Collocations of the corpus. */
export const COLLOCATIONS_STAGE = frameStage<Map<string, number>>({
  name: "collocations",
  step: "measure",
  perArticle: [],
  corpusLevel: ["collocations"],
  batch: (a, _, options) => {
    const counts = termCountsOf(a, options);
    const bigrams = counts.options.ngrams.includes(2)
      ? counts
      : countTerms(a, { ...options.terms, ngrams: [2] });
    return { frames: {}, tally: bigramCounts(bigrams.counts) };
  },
  merge: (into, from) => {
    addCounts(into, from);
    return into;
  },
  summarize: (pairs) => ({ collocations: collocationsFrame(pairs) }),
});
