/**
 * Speaker spans grown to the whole name around a speech verb ("said spokesman Josh Schwerin",
 * "psychologist Nancy Molitor says"), with the role words kept apart, and a person's gender
 * from honorifics, role words and first names.
 * @module
 */

import type { Cues } from "../cues.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { isCapitalised, lowerCase, type Word } from "../words.ts";
import type { Gender, QuoteCues } from "./data.ts";
import { firstNameGender } from "../ner/lexicons.ts";

/** A word the first-name lists know ("Alia", "Stefania"). */
function isFirstName(w: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(w) && firstNameGender(w) !== null;
}

/** A name as written next to its verb, and the role words before it. */
export interface GrownName {
  /** The name without titles: "Josh Schwerin". */
  name: string;
  /** Role words and titles as written ("spokesman", "Sen."), else null. */
  role: string | null;
  /** Offsets of the name alone, and of role and name together. */
  nameFrom: number;
  nameTo: number;
  from: number;
  to: number;
  /** True after "the" ("the ministry said"): an institution, not a person. */
  definite: boolean;
}

const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tonight|Yesterday)$/;
const PARTICLES = new Set(["de", "da", "van", "von", "der", "bin", "al", "la", "le", "du", "del"]);
const ROLE_SUFFIX = /(?:ist|yst|er|or|ian|ant|ent|man|woman|person|ee|ary|ive|ic)$/;
const NOT_ROLES = new Set([
  "later",
  "earlier",
  "after",
  "however",
  "never",
  "ever",
  "other",
  "over",
  "under",
  "together",
  "either",
  "neither",
  "whether",
  "rather",
  "further",
  "recent",
  "current",
  "different",
  "frequent",
  "sometimes",
  "often",
  "instead",
]);

function isNameWord(w: Word): boolean {
  return w.kind === "word" && (isCapitalised(w.text) || /^\p{Lu}[\p{Lu}.&]{0,5}$/u.test(w.text));
}

/** "Sen", "Senator", "Vice", "Dr": a title word before a name. */
function isTitle(w: string, cues: Cues): boolean {
  return cues.titles.has(w) || cues.titleWords.has(w) ||
    cues.titles.has(w[0].toUpperCase() + w.slice(1).toLowerCase());
}

/** A lower-case word that names a role ("spokesman", "psychologist"). */
export function isRoleNoun(w: string, cues: Cues): boolean {
  // "-ment" names a thing or a body, never a person ("Management", "Department").
  return cues.appositiveRoles.has(w) ||
    (ROLE_SUFFIX.test(w) && !NOT_ROLES.has(w) && w.length > 4 && !w.endsWith("ment"));
}

/** The name words from `i` on ("Josh", "Schwerin"), initials and particles included. */
function nameRun(words: readonly Word[], i: number, step: 1 | -1): number[] {
  const out: number[] = [];
  for (let k = i; k >= 0 && k < words.length && out.length < 8; k += step) {
    const w = words[k];
    if (isNameWord(w)) out.push(k);
    else if (w.text === "." && out.length > 0 && words[k - 1]?.text.length <= 4 && step === 1) {
      out.push(k);
    } else if (w.text === "." && step === -1 && k > 0 && isNameWord(words[k - 1])) out.push(k);
    else if (PARTICLES.has(w.text) && words[k + step] && isNameWord(words[k + step])) out.push(k);
    // "Al-Maeena", "Jean-Pierre", "al-Amr": a hyphen inside a name, with no space around it.
    else if (
      w.text === "-" && out.length > 0 && words[k + step] &&
      (isNameWord(words[k + step]) || PARTICLES.has(words[k + step].text)) &&
      words[k - 1].end === w.start && w.end === words[k + 1].start
    ) out.push(k);
    // "Suleiman al-Amr" read forward: the particle joined by a hyphen to the next name word.
    else if (
      step === 1 && out.length > 0 && PARTICLES.has(w.text) && words[k + 1]?.text === "-" &&
      words[k + 2] && isNameWord(words[k + 2])
    ) out.push(k);
    else break;
  }
  return step === 1 ? out : out.reverse();
}

/** Splits leading titles and sentence words off a run of name words. */
function nameOf(
  words: readonly Word[],
  run: number[],
  cues: Cues,
): { title: number[]; name: number[]; definite: boolean } {
  let t = 0;
  let definite = false;
  const title: number[] = [];
  while (t < run.length) {
    const w = words[run[t]].text;
    // "I-Min Lee": a letter joined by a hyphen opens the name, though "I" alone is a stopword.
    const hyphened = words[run[t] + 1]?.text === "-" &&
      words[run[t]].end === words[run[t] + 1].start;
    if (w === "." || isTitle(w, cues)) title.push(run[t]);
    else if (STOPWORDS.has(lowerCase(w)) && !hyphened) definite ||= lowerCase(w) === "the";
    else break;
    t++;
  }
  let end = run.length;
  while (end > t && words[run[end - 1]].text === ".") end--;
  // A role written in capitals before the name: "Administrator Bolden"; after "of", the name
  // starts at a known first name ("Minister of Education Stefania Giannini", "Governor of
  // Washington Chris Gregoire").
  const afterOf = run[0] > 0 && OF.has(lowerCase(words[run[0] - 1].text));
  const known = run.findIndex((k, i) => i > t && i < end - 1 && isFirstName(words[k].text));
  const firstName = afterOf ? (known > 0 ? known : end - 2) : -1;
  while (t < end - 1 && (firstName > t || isCapitalRole(words[run[t]].text, cues))) {
    title.push(run[t]);
    t++;
  }
  return { title, name: run.slice(t, end), definite };
}

const OF = new Set(["of", "for", "at", "on"]);

/**
 * A capitalised role before a name ("Administrator Bolden"); not a first name, and not a name
 * that merely ends like a role ("Suleiman", "Friedman") unless the role list has it.
 */
function isCapitalRole(w: string, cues: Cues): boolean {
  const l = lowerCase(w);
  if (!isRoleNoun(l, cues) || isFirstName(w)) return false;
  // Capitalised, "-ic" is an adjective of a name ("Islamic Relations", "Atlantic Council").
  const adjectival = l.endsWith("man") || l.endsWith("ic");
  return !adjectival || cues.appositiveRoles.has(l) || cues.titles.has(w);
}

function grown(
  text: string,
  words: readonly Word[],
  roleFrom: number | null,
  name: number[],
  definite: boolean,
): GrownName | null {
  if (name.length === 0) return null;
  const nameFrom = words[name[0]].start;
  const nameTo = words[name[name.length - 1]].end;
  const value = text.slice(nameFrom, nameTo);
  if (CALENDAR.test(value) || STOPWORDS.has(lowerCase(value))) return null;
  const from = roleFrom ?? nameFrom;
  const role = roleFrom === null ? null : text.slice(roleFrom, nameFrom).trim() || null;
  return { name: value, role, nameFrom, nameTo, from, to: nameTo, definite };
}

/** The name after a verb ("said spokesman Josh Schwerin"): role words, then name words. */
export function nameAfter(
  text: string,
  words: readonly Word[],
  i: number,
  cues: Cues,
): GrownName | null {
  let k = i;
  while (k < words.length && k - i < 5 && !isNameWord(words[k]) && words[k].kind === "word") k++;
  const roleWords = words.slice(i, k).map((w) => w.text);
  const last = roleWords[roleWords.length - 1];
  if (roleWords.length > 0 && !isRoleNoun(last, cues)) return null;
  let run = nameRun(words, k, 1);
  // "SaskTel unlimited data customer Lindsay Gay": a second name after role words is the speaker.
  const next = run.length ? secondName(words, run[run.length - 1] + 1, cues) : [];
  if (next.length) run = next;
  const { title, name, definite } = nameOf(words, run, cues);
  const roleFrom = roleWords.length > 0 || next.length
    ? words[i].start
    : title.length
    ? words[title[0]].start
    : null;
  return grown(
    text,
    words,
    roleFrom,
    name,
    definite || (roleWords.length === 1 && roleWords[0] === "the"),
  );
}

/** The name run after up to four lower-case words ending in a role noun, else none. */
function secondName(words: readonly Word[], k: number, cues: Cues): number[] {
  let j = k;
  while (j < words.length && j - k < 4 && words[j].kind === "word" && !isNameWord(words[j])) j++;
  if (j === k || !isRoleNoun(words[j - 1].text, cues)) return [];
  return nameRun(words, j, 1);
}

/** The name right before a verb ("psychologist Nancy Molitor says", "Sen. Ron Wyden called"). */
export function nameBefore(
  text: string,
  words: readonly Word[],
  v: number,
  floor: number,
  cues: Cues,
): GrownName | null {
  const run = nameRun(words, v - 1, -1).filter((k) => k >= floor);
  if (run.length === 0) return null;
  const { title, name, definite } = nameOf(words, run, cues);
  // Role words before the name: "psychologist", "campaign spokesman", "the company's".
  let r = run[0];
  while (
    r - 1 >= floor && run[0] - r < 3 && words[r - 1].kind === "word" &&
    !isNameWord(words[r - 1]) && isRoleNoun(words[r - 1].text, cues)
  ) r--;
  const held = title.length ? titleBeforeOf(words, run[0], floor, cues) : -1;
  const roleFrom = held >= 0
    ? words[held].start
    : r < run[0]
    ? words[r].start
    : title.length
    ? words[title[0]].start
    : null;
  const the = run[0] > floor && lowerCase(words[run[0] - 1].text) === "the";
  return grown(text, words, roleFrom, name, definite || the);
}

/**
 * "Minister of Education Stefania Giannini": the title before the "of" (or "for", "at") that
 * opens a run of name words at `first`. Its index, else -1.
 */
function titleBeforeOf(words: readonly Word[], first: number, floor: number, cues: Cues): number {
  let j = first - 1;
  if (j <= floor || !OF.has(lowerCase(words[j].text))) return -1;
  j--;
  if (j > floor && words[j].text === "the") j--;
  const t = words[j].text;
  return j >= floor && (cues.titles.has(t) || isCapitalRole(t, cues)) ? j : -1;
}

/**
 * The fuller of the role written next to the verb and the mention's own: "Assistant U.S.
 * Attorney" holds "Assistant"; written words with no title, role word or possessive ("Islamic")
 * are none.
 */
export function fullerRole(written: string | null, own: string | null, cues: Cues): string | null {
  if (written === null) return own;
  if (own !== null && own.includes(written)) return own;
  const words = written.split(/[\s.]+/).filter((w) => w.length > 0);
  const roleWord = words.some((w) =>
    isTitle(w, cues) || isRoleNoun(lowerCase(w), cues) || cues.titleRules.roleModifiers.has(w) ||
    cues.titleRules.abbreviations.has(w)
  );
  // An owner's possessive is kept: "read Brisbane's Nine News".
  return roleWord || /['’]s$/.test(written) ? written : own;
}

/** What a title, role or first name says of a person's gender; null when nothing does. */
export function genderOf(
  name: string,
  role: string | null,
  cues: QuoteCues,
): Gender | null {
  for (const w of (role ?? "").split(/[\s.]+/)) {
    const l = w.toLowerCase();
    const g = cues.honorificGender.get(l) ?? cues.roleGender.get(l);
    if (g) return g;
  }
  const parts = name.split(/\s+/);
  const first = parts[0];
  // A name alone ("Warren", "Sanders") is a surname: it says nothing of gender.
  return cues.honorificGender.get(first.replace(/\.$/, "").toLowerCase()) ??
    (parts.length > 1 ? cues.firstNameGender(first) : null);
}
