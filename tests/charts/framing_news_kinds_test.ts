/**
 * The default lexicon (media_frames) on kinds of news the seeds never had: entries that made the
 * framing heatmap show frames a story does not have. Each text is from the fresh-eyes check of
 * 2026-12-01 and matched before its exclusion was added.
 * @module
 */
import assert from "node:assert/strict";
import { findFraming } from "../../src/stats/framing.ts";
import { MEDIA_FRAMES_LEXICON } from "../../src/stats/lexicon.ts";
import { analysisOf } from "../stats/helpers.ts";

/** "frame:phrase" of every match of the default lexicon in one text. */
function frames(text: string): string[] {
  const m = findFraming(analysisOf([text]), [MEDIA_FRAMES_LEXICON]);
  return m.frame.map((f, i) => `${f}:${m.phrase[i]}`);
}

Deno.test("media_frames: a civil defence office is disaster relief, not security and defence", () => {
  assert.deepEqual(
    frames("Office of Civil Defense spokesperson Junie Castillo said 3,200 houses were destroyed."),
    [],
  );
  assert.deepEqual(frames("The army was sent in defence of the border."), [
    "security_and_defense:army",
  ]);
  assert.deepEqual(frames("She wrote in defence of free speech, not of the military."), [
    "security_and_defense:military",
  ]);
});

Deno.test("media_frames: lavish parties and a campaign of deception are not politics", () => {
  assert.deepEqual(
    frames(
      "He hosted lavish parties at his estate. It was a years-long campaign of deception. " +
        "The party won the election campaign.",
    ),
    ["political:party", "political:election", "political:campaign"],
  );
});
