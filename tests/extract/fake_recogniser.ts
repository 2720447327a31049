/**
 * A hand-built stand-in for the trained recogniser, for tests only: it tags the word sequences
 * it is given, wherever they occur, with a fixed type and confidence 0.9. It implements the same
 * contract as the model's adapter, so the entity stage's own logic (titles, canonical names,
 * acronyms, short forms, lists against the model) is tested apart from what the model learned.
 * @module
 */

import type { EntityRecogniser, RecognisedSpan } from "../../src/extract/entities.ts";
import type { PlaceLookups } from "../../src/extract/entities.ts";
import { extractionWords } from "../../src/extract/words.ts";

/** A recogniser that tags exactly these names (longest first). */
export function fakeRecogniser(names: Record<string, RecognisedSpan["type"]>): EntityRecogniser {
  const entries = Object.entries(names)
    .map(([name, type]) => ({ words: extractionWords(name).map((w) => w.text), type }))
    .sort((a, b) => b.words.length - a.words.length);
  const tagOne = (words: readonly string[]) => {
    const spans: RecognisedSpan[] = [];
    for (let i = 0; i < words.length; i++) {
      const hit = entries.find((e) => e.words.every((w, k) => words[i + k] === w));
      if (!hit) continue;
      spans.push({ first: i, last: i + hit.words.length - 1, type: hit.type, confidence: 0.9 });
      i += hit.words.length - 1;
    }
    return spans;
  };
  return { tag: (sentences) => sentences.map(tagOne) };
}

/** Place kinds and genders for a handful of names, as the lexicons would give them. */
export const FAKE_PLACES: PlaceLookups = {
  kind: (name) =>
    ({
      Poland: "country",
      Afghanistan: "country",
      California: "state",
      "Santa Fe": "city",
    } as const)[name],
  gender: (first) => ({ Hillary: "female", Bill: "male" } as const)[first],
};
