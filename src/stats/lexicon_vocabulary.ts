/**
 * What each cue of a lexicon reaches in a vocabulary: the distinct words every single-word
 * alternative of every pattern (and exclusion) matches. Pinned for the default lexicon on the
 * State of the Union vocabulary (tests/fixtures/media_frames_vocabulary.json), so a new cue that
 * swallows unrelated words ("import*" → "important") shows up as a failing test.
 * @module
 */

import type { Lexicon } from "./lexicon.ts";
import { stemOf } from "../text/tokens.ts";
import type { WordTest } from "./patterns.ts";

function reaches(test: WordTest, vocabulary: readonly string[]): string[] {
  switch (test.kind) {
    case "word":
      return vocabulary.filter((w) => test.forms.includes(w));
    case "exact":
      return vocabulary.filter((w) => w === test.value);
    case "prefix":
      return vocabulary.filter((w) => w.startsWith(test.value));
    case "stem":
      return vocabulary.filter((w) => stemOf(w) === test.value);
    case "any":
      return [];
  }
}

/**
 * For each frame (`dimension/frame`), each pattern and exclusion (by its source), the sorted
 * distinct words of `vocabulary` (lower forms) that each word of it can match, joined by " | "
 * per alternative. Only patterns with a wildcard (`word*`) or a stem (`~word`) or a single word
 * are listed: a phrase's words are listed through its single-word neighbours.
 */
export function lexiconReach(
  lexicon: Lexicon,
  vocabulary: readonly string[],
): Record<string, Record<string, string[]>> {
  const sorted = [...new Set(vocabulary)].sort();
  const out: Record<string, Record<string, string[]>> = {};
  for (const d of lexicon.dimensions) {
    for (const f of d.frames) {
      const entry: Record<string, string[]> = {};
      const list = (label: string, patterns: typeof f.patterns) => {
        for (const p of patterns) {
          const words = p.slots.flat(2);
          const wild = words.some((w) => w.kind === "prefix" || w.kind === "stem");
          if (!wild && words.length > 1) continue;
          entry[`${label}${p.source}`] = [
            ...new Set(words.flatMap((w) => reaches(w, sorted))),
          ].sort();
        }
      };
      list("", f.patterns);
      list("exclude: ", f.exclude);
      out[`${d.id}/${f.id}`] = entry;
    }
  }
  return out;
}
