/**
 * The foundation stage: the `sentences`, `tokens` and `cleaning` frames of an analysis, all per
 * article. (`articles` has a stage of its own, after extraction, so one stage writes it whole.)
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { cleaningFrame } from "./cleaning.ts";
import { sentencesFrame, tokensFrame } from "./sentences.ts";

/** Sentences, tokens and what cleaning did, per article. */
export const CORPUS_STAGE = frameStage({
  name: "corpus",
  step: "corpus",
  perArticle: ["sentences", "tokens", "cleaning"],
  corpusLevel: [],
  batch: (a) => ({
    frames: {
      sentences: sentencesFrame(a.sentences),
      tokens: tokensFrame(a.tokens),
      cleaning: cleaningFrame(a.articles),
    },
  }),
});
