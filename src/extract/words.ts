/**
 * The token stream the extractors read: words, numbers and single punctuation marks, with
 * offsets. Unlike the term tokens of `text/tokens.ts`, hyphens and possessive clitics are tokens
 * of their own, so "Canada-Mexico" yields "Canada" and "Mexico" and "Ottawa’s" yields "Ottawa".
 * @module
 */

import { z } from "zod";
import usStates from "../../data/entities/us_states.json" with { type: "json" };
import type { Sentence } from "../text/segment.ts";

// The string fast paths live in one module; the extractors import them from here.
export { lowerCase, quickHas } from "../_strings.ts";

/** What a token is. */
export type WordKind = "word" | "number" | "punct";

/** One token: its surface text and `[start, end)` offsets. */
export interface Word {
  text: string;
  kind: WordKind;
  start: number;
  end: number;
}

const TOKEN =
  /((?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*)|(\p{N}+(?:[.,]\p{N}+)*)|[^\s\p{L}\p{N}]/gu;

/**
 * Splits `text` into words, numbers and punctuation marks; offsets are shifted by `offset`.
 *
 * @example
 * extractionWords("Ottawa’s U.S.–Canada", 0).map((w) => w.text)
 * // ["Ottawa", "’s", "U.S.", "–", "Canada"]
 */
export function extractionWords(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = offset + m.index;
    const t = m[0];
    const kind: WordKind = m[1] !== undefined ? "word" : m[2] !== undefined ? "number" : "punct";
    const n = t.length;
    const apostrophe = n > 2 ? t.charCodeAt(n - 2) : 0;
    const possessive = kind === "word" && n > 2 && t.charCodeAt(n - 1) === 0x73 &&
      (apostrophe === 0x2019 || apostrophe === 0x27) && !t.includes(".");
    if (possessive) {
      const stem = t.slice(0, -2);
      out.push({ text: stem, kind, start, end: start + stem.length });
      out.push({
        text: t.slice(-2),
        kind: "punct",
        start: start + stem.length,
        end: start + t.length,
      });
    } else {
      out.push({ text: t, kind, start, end: start + t.length });
    }
  }
  return out;
}

const cache = new WeakMap<Sentence, Word[]>();

/** The words of a sentence, tokenized once and shared by the extractors (do not modify). */
export function sentenceWords(sentence: Sentence): Word[] {
  let words = cache.get(sentence);
  if (!words) {
    words = extractionWords(sentence.text, sentence.start);
    cache.set(sentence, words);
  }
  return words;
}

/** The key a word is looked up by: curly apostrophes made straight. */
export function wordKey(text: string): string {
  return text.includes("’") ? text.replaceAll("’", "'") : text;
}

/** True when only spaces separate two neighbouring words (no punctuation, no line break). */
export function spaceBetween(text: string, a: Word, b: Word): boolean {
  for (let i = a.end; i < b.start; i++) if (text[i] !== " ") return false;
  return true;
}

/** "Ottawa" but not "ottawa", "OTTAWA" or "2022". */
export function isCapitalised(word: string): boolean {
  // An ASCII first character other than A-Z is no upper-case letter: no regular expression needed.
  const c = word.charCodeAt(0);
  if (c < 128 && (c < 65 || c > 90)) return false;
  return /^\p{Lu}[\p{Ll}\p{M}'’-]/u.test(word);
}

/** A lawmaker's party before a hyphen and a state: "D-", "R-", "I-" (independent). */
const PARTY_PREFIX = /^[DRI]-(.+)$/u;

/** Every way a US state is written in a party label (data/entities/us_states.json). */
const STATE_FORMS: ReadonlySet<string> = new Set(
  z.object({
    description: z.string(),
    states: z.array(z.object({ name: z.string(), ap: z.string(), postal: z.string().length(2) })),
  }).parse(usStates).states.flatMap((s) => [s.name, s.ap, s.postal]),
);

/**
 * Whether `text` is a US lawmaker's party and state as written after the name ("D-N.Y.",
 * "R-Ohio", "I-Vt.", "D-NY"): part of a name's mention, no name ("I-Min Lee" is a name).
 */
export function isPartyAndState(text: string): boolean {
  const m = text.length <= 24 ? PARTY_PREFIX.exec(text) : null;
  return m !== null && STATE_FORMS.has(m[1]);
}
