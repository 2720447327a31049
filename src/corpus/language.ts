/**
 * The language of an article, so a run can say which articles the kit cannot read well: its
 * sentence splitter, extractors and lexicons are English. Detection is tinyld's (npm `tinyld`,
 * MIT; character n-gram profiles of about 60 languages).
 * @module
 */

import { detect } from "tinyld";

/**
 * Below this many words, tinyld's guess is unreliable (it calls "Hello" Italian and a one-line
 * French sentence Italian too), so the language is left unknown.
 */
export const MIN_LANGUAGE_WORDS = 20;

/** Characters of an article the language is read from (cut at the next space). */
const SAMPLE_CHARS = 3000;

/** The ISO 639-1 code of English, the language the kit reads. */
export const ENGLISH = "en";

/**
 * The ISO 639-1 code of the language a text is written in ("en", "de"), or null when the text
 * is too short to tell (fewer than {@link MIN_LANGUAGE_WORDS} words) or tinyld cannot say.
 *
 * @example
 * detectLanguage("Die Regierung hat am Dienstag ..."); // "de" (given 20 words or more)
 * detectLanguage("Hello"); // null
 */
export function detectLanguage(text: string): string | null {
  // A few thousand characters tell the language as well as a whole speech, at a fixed cost.
  const sample = text.length > SAMPLE_CHARS
    ? text.slice(0, text.indexOf(" ", SAMPLE_CHARS) >>> 0)
    : text;
  const { words, english } = wordCounts(sample);
  if (words < MIN_LANGUAGE_WORDS) return null;
  if (english / words >= ENGLISH_SHARE) return ENGLISH;
  return detect(sample) || null;
}

/**
 * Function words found in English and rarely in the other languages tinyld knows. Character
 * n-grams alone misread some plain English (a UK government statement full of names, "ISIL" and
 * "Yezidi", came out as Esperanto); these words do not.
 */
const ENGLISH_WORDS = new Set(
  "the of and to that for with this have has from which they their would not but was were are is it by be been will"
    .split(" "),
);

/** At least this share of English function words makes a text English (news runs near 0.3). */
const ENGLISH_SHARE = 0.15;

/** A text's words, and how many of them are {@link ENGLISH_WORDS}, in one pass. */
function wordCounts(text: string): { words: number; english: number } {
  let words = 0;
  let english = 0;
  for (const m of text.matchAll(/\p{L}+/gu)) {
    words++;
    if (ENGLISH_WORDS.has(m[0].toLowerCase())) english++;
  }
  return { words, english };
}
