/**
 * The `framing` stage: lexicon matches per sentence, summed per group (`framing_summary`) and,
 * with `within`, per group and stratum (`framing_within`).
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import {
  findFraming,
  framingFrame,
  framingSummaryFrame,
  type FramingTally,
  framingTally,
  lexiconsOf,
  mergeFramingTally,
} from "./framing.ts";
import { framingWithinFrame, withinGroup } from "./within.ts";

/** Framing matches, and their sums by group (and stratum). */
export const FRAMING_STAGE = frameStage<{ groups: FramingTally; within?: FramingTally }>({
  name: "framing",
  step: "measure",
  perArticle: ["framing"],
  corpusLevel: ["framing_summary", "framing_within"],
  batch: (a, _, options) => {
    const by = options.by ?? "outlet";
    const matches = findFraming(a, lexiconsOf(options.lexicons, options.defaultLexicons === false));
    return {
      frames: { framing: framingFrame(matches) },
      tally: {
        groups: framingTally(a, matches, by),
        within: options.within === undefined
          ? undefined
          : framingTally(a, matches, withinGroup(by, options.within)),
      },
    };
  },
  merge: (into, from) => {
    mergeFramingTally(into.groups, from.groups);
    if (into.within && from.within) mergeFramingTally(into.within, from.within);
    return into;
  },
  summarize: (tally, options) => {
    const by = options.by ?? "outlet";
    const lexicons = lexiconsOf(options.lexicons, options.defaultLexicons === false);
    const frames = { framing_summary: framingSummaryFrame(tally.groups, lexicons, by) };
    if (options.within === undefined || !tally.within) return frames;
    return {
      ...frames,
      framing_within: framingWithinFrame(tally.within, lexicons, by, options.within),
    };
  },
});
