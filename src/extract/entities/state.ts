/**
 * What the entity passes share: one sentence's words, lookup keys and the spans found so far.
 * @module
 */

import type { Sentence } from "../../text/segment.ts";
import type { Cues } from "../cues.ts";
import type { EntityType } from "../gazetteer.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import {
  isCapitalised,
  lowerCase,
  sentenceWords,
  spaceBetween,
  type Word,
  wordKey,
} from "../words.ts";

/** Where a mention comes from. */
export type EntitySource = "model" | "gazetteer" | "rule";

/** The words that join a title to its portfolio ("Minister for Africa", "Secretary of State"). */
export const PORTFOLIO_LINKS: ReadonlySet<string> = new Set(["for", "of"]);

/** A title or a role noun before a name ("President", "Sen", "coach"). */
export function isTitle(t: string, cues: Cues): boolean {
  return cues.titles.has(t) || cues.titleRules.roles.has(t);
}

/** A capitalised word that leads to a title ("Vice", "Emeritus", "Foreign"), never one alone. */
export function isTitleLead(t: string, cues: Cues): boolean {
  return cues.titleWords.has(t) && isCapitalised(t);
}

/** A span found in a sentence (word indexes, inclusive). */
export interface Found {
  first: number;
  last: number;
  entity: string;
  type: EntityType;
  metonymy: boolean;
  media: boolean;
  source: EntitySource;
  confidence: number;
  /** From the general list (not a user's): a longer span of the model wins over it. */
  general?: boolean;
  /** A gender told by the title before the name ("Mrs."), to choose between namesakes. */
  gender?: "female" | "male";
  /**
   * Where words the model's span held before the name start ("Scientologist" in "Scientologist
   * Tom Cruise", "Africa" in "Minister for Africa Jane Smith"): they belong to the role.
   */
  lead?: number;
}

/** One sentence while its entities are found. */
export interface SentenceState {
  sentence: Sentence;
  words: Word[];
  /** The lookup key of each word ({@link wordKeyOf}), computed once. */
  keys: string[];
  allCaps: boolean;
  found: Found[];
  covered: boolean[];
  text: string;
}

/** The sentence states of an article, words tokenized once. */
export function sentenceStates(sentences: readonly Sentence[], text: string): SentenceState[] {
  return sentences.map((sentence) => {
    const words = sentenceWords(sentence);
    const allCaps = /\p{Lu}/u.test(sentence.text) && !/\p{Ll}/u.test(sentence.text);
    const keys = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) keys[i] = wordKeyOf(words[i].text, allCaps);
    const covered = new Array<boolean>(words.length).fill(false);
    return { sentence, words, keys, allCaps, found: [], covered, text };
  });
}

/** In ALL-CAPS subheads names are looked up in title case ("CANADA" as "Canada"). */
function wordKeyOf(text: string, allCaps: boolean): string {
  const t = wordKey(text);
  if (!allCaps || t.length < 2 || t.includes(".")) return t;
  return t[0] + t.slice(1).toLowerCase();
}

/** A found span with the defaults of a rule: no metonymy, not media, confidence 1. */
export function ruleFound(
  first: number,
  last: number,
  entity: string,
  type: EntityType,
  source: EntitySource = "rule",
): Found {
  return { first, last, entity, type, metonymy: false, media: false, source, confidence: 1 };
}

/** Records a span and marks its words as taken. */
export function cover(s: SentenceState, f: Found): void {
  s.found.push(f);
  for (let i = f.first; i <= f.last; i++) s.covered[i] = true;
}

/** Removes a span and frees its words. */
export function uncover(s: SentenceState, f: Found): void {
  s.found.splice(s.found.indexOf(f), 1);
  for (let i = f.first; i <= f.last; i++) s.covered[i] = false;
}

/** True when any word of `first..last` is taken. */
export function anyCovered(s: SentenceState, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (s.covered[i]) return true;
  return false;
}

/** Neighbouring words with nothing but spaces (or nothing) between them. */
export function adjacent(s: SentenceState, a: number, b: number): boolean {
  return spaceBetween(s.text, s.words[a], s.words[b]);
}

/** A match that is only part of a longer written word ("US" in "USSR" never matches). */
export function gluedToWord(s: SentenceState, first: number, last: number): boolean {
  const before = s.words[first - 1];
  const after = s.words[last + 1];
  const glued = (w: Word | undefined, gapStart: number, gapEnd: number) =>
    w !== undefined && w.kind !== "punct" && gapStart === gapEnd;
  return glued(before, before?.end ?? 0, s.words[first].start) ||
    glued(after, s.words[last].end, after?.start ?? 0);
}

/** The text of words `first..last` as written. */
export function surface(s: SentenceState, first: number, last: number): string {
  return s.text.slice(s.words[first].start, s.words[last].end);
}

/** "Mark", "McConnell", "DeSantis", "O'Brien", "Abu-Bakr". */
const NAME_WORD = /^(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;

/** False when the first character is ASCII but not A-Z (so no upper-case letter); else true. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return !(c < 128 && (c < 65 || c > 90));
}

/** A word that may be part of a person's name: capitalised, no title, no function word ("When", "As"). */
export function isNameWord(w: Word, cues: Cues): boolean {
  if (w.kind !== "word" || !startsUpper(w.text)) return false;
  return NAME_WORD.test(w.text) && !cues.titles.has(w.text) &&
    !cues.titleWords.has(w.text) &&
    (cues.surnameFirst.has(w.text) || !STOPWORDS.has(lowerCase(w.text)));
}

/** The name words from `i` on (at most `max`), joined by spaces only, none already tagged. */
export function nameRun(s: SentenceState, i: number, max: number, cues: Cues): number {
  let k = i;
  while (
    k < s.words.length && k - i < max && !s.covered[k] && isNameWord(s.words[k], cues) &&
    (k === i || adjacent(s, k - 1, k))
  ) k++;
  let len = k - i;
  // A pronoun ends no name: "He" in "He Yong" needs the "Yong".
  while (len > 0 && cues.pronouns.has(s.words[i + len - 1].text)) len--;
  if (len > 0 && cues.pronouns.has(s.words[i].text) && len < 2) return 0;
  return len;
}
