/**
 * A sentence splitter for news text. It splits at `.`, `!`, `?` and `…` followed by space and
 * an upper-case letter, digit or opening quote, keeping closing quotes with the sentence they
 * close, and it does not split after titles (Mr.), initials (J.), numbered abbreviations before a
 * number (Jan. 5, No. 2), or dotted acronyms (U.S.) unless a common sentence opener follows.
 * Decimals (3.8%) never split: there is no space after their point.
 * @module
 */

import { type Abbreviations, DEFAULT_ABBREVIATIONS } from "./abbreviations.ts";

/** A sentence span `[start, end)` within the text given to {@link splitSentences}. */
export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

const BOUNDARY = /[.!?…]+(["”’»')\]]*)(\s+)/gu;
const NEXT_WORD = /^["“‘'(\[«]*([\p{L}\p{N}][\p{L}\p{N}.’'-]*)/u;
const OPENS_SENTENCE = /^["“‘'(\[«]*[\p{Lu}\p{N}]/u;
const SPEECH_TAG =
  /^\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}\s+(?:said|says|asked|asks|told|added|wrote|replied|shouted|yelled|tweeted|exclaimed|recalled)\b/u;

/**
 * Splits one paragraph into sentence spans (trimmed, never empty).
 *
 * @example
 * ```ts
 * import { splitSentences } from "newsframe";
 *
 * const text = "Dr. Okafor spoke first. The vote came later.";
 * splitSentences(text).map((s) => text.slice(s.start, s.end)); // two sentences: "Dr." ends none
 * ```
 */
export function splitSentences(
  text: string,
  abbreviations: Abbreviations = DEFAULT_ABBREVIATIONS,
): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length - m[2].length;
    const next = m.index + m[0].length;
    if (next >= text.length) break;
    const rest = text.slice(next, next + 80);
    if (!OPENS_SENTENCE.test(rest)) continue;
    const closers = m[1];
    const punct = m[0].slice(0, m[0].length - closers.length - m[2].length);
    // ‘“Why?” Ruto asked’: a quote's own ? or ! followed by its speech tag.
    // A period inside the marks ends the sentence ("... to serve.” Fallon added that ...").
    if (/["”’»]/.test(closers) && punct !== "." && SPEECH_TAG.test(rest)) continue;
    if (
      punct === "." && closers === "" && !periodEndsSentence(text, m.index, rest, abbreviations)
    ) {
      continue;
    }
    if (end > start) spans.push({ start, end });
    start = next;
  }
  const last = trimEnd(text, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function periodEndsSentence(
  text: string,
  dot: number,
  rest: string,
  abbreviations: Abbreviations,
): boolean {
  let from = dot;
  while (from > 0 && !/\s/.test(text[from - 1])) from--;
  const before = text.slice(from, dot).replace(/^["“‘'(\[«]+/, "");
  if (!before) return true;
  if (abbreviations.title.has(before)) return false;
  const nextWord = NEXT_WORD.exec(rest)?.[1] ?? "";
  if (abbreviations.beforeNumber.has(before) && /^\p{N}/u.test(nextWord)) return false;
  if (/^\p{Lu}$/u.test(before)) return false; // an initial: "Donald J. Trump"
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(before);
  if (dotted || abbreviations.acronym.has(before)) return abbreviations.openers.has(nextWord);
  return true;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function trimEnd(text: string, i: number): number {
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}
