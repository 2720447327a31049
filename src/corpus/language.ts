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
  const words = sample.match(/\p{L}+/gu)?.length ?? 0;
  if (words < MIN_LANGUAGE_WORDS) return null;
  return detect(sample) || null;
}
