/**
 * Tallies: a game's score ("won 3-1", "beat them 24–17", "Sweden 1 – 0 Korea Republic") and a
 * vote's ("a 52-48 vote", "the bill passed 218-212"). Two small whole numbers joined by a hyphen
 * or an en dash are a tally only with a sign of one: a word of a game or a vote right after
 * ("a 3-1 win", "a 5-4 ruling"), such a word earlier in the clause ("Sweden defeated South Korea
 * 1 – 0"), or names on both sides (a result as headlines print it). Never a tally: a number
 * past 999 or with a leading zero ("2023-24" seasons, "2024-01-05" dates, "555-1234" phone
 * numbers), a chain of three numbers or more ("4-3-3", "5-3-2024"), and a range of a unit
 * ("10-15 people", "8–10 years", "3-5%").
 * @module
 */

import { lowerCase, type Word } from "../words.ts";
import type { FigureWords } from "../figure_words.ts";
import type { MeasureWords } from "./measure.ts";
import { endsClause } from "./scan.ts";

/** A tally read at a word: both sides as written, its unit ("score" or "votes"), its last word. */
export interface Tally {
  first: number;
  second: number;
  unit: "score" | "votes";
  last: number;
}

/** The marks that join a tally's two sides. */
const JOIN = new Set(["-", "–"]);

/**
 * Words right after a tally that say where a side stands ("1 – 0 up", "2-0 down"); before a
 * tally they say nothing of one ("up 3-4 on the day").
 */
const STANDING = new Set(["up", "down"]);

/** One side of a tally: 0 to 999 in digits, no leading zero, no decimals, no commas. */
const SIDE = /^(?:0|[1-9]\d{0,2})$/;

/** How far back in its clause a word of a game or a vote makes two numbers a tally. */
const REACH = 8;

function side(w: Word | undefined): number | null {
  return w && w.kind === "number" && SIDE.test(w.text) ? Number(w.text) : null;
}

/** Whether a number and a join mark stand before word i, or after word i + 2: a chain. */
function inChain(words: readonly Word[], i: number): boolean {
  const before = JOIN.has(words[i - 1]?.text ?? "") && words[i - 2]?.kind === "number";
  const after = JOIN.has(words[i + 3]?.text ?? "") && words[i + 4]?.kind === "number";
  return before || after;
}

/** Whether the word after two joined numbers makes them a range of a unit: "10-15 people". */
function rangeOfUnit(next: Word | undefined, fw: FigureWords): boolean {
  if (!next) return false;
  const t = lowerCase(next.text);
  if (next.text === "%" || t === "percent" || t === "per") return true;
  if (next.kind !== "word") return false;
  return fw.scales.has(t) || fw.timeUnits.has(next.text) || fw.units.has(next.text) ||
    fw.units.has(t) || fw.currencies.has(t) || fw.currencies.has(next.text) ||
    fw.pluralNouns.has(t) || /^\p{Ll}+s$/u.test(next.text);
}

/** Whether word k is a capitalised word (a name), not the sentence's first. */
function capitalisedAt(words: readonly Word[], k: number): boolean {
  const w = words[k];
  if (!w || w.kind !== "word" || !/^\p{Lu}/u.test(w.text)) return false;
  return words.slice(0, k).some((p) => p.kind !== "punct");
}

/** A month or weekday, in full or abbreviated ("Jun", "Sept"). */
function isMonth(w: Word, fw: FigureWords): boolean {
  const t = w.text.replace(/\.$/, "");
  return fw.weekdays.has(t) ||
    [...fw.months.keys()].some((m) => m === t || (t.length >= 3 && m.startsWith(t)));
}

/** The cue before a tally in its clause: "votes" or "score" for a word of either, else null. */
function cueBefore(words: readonly Word[], i: number, mw: MeasureWords): Tally["unit"] | null {
  for (let k = i - 1; k >= Math.max(0, i - REACH); k--) {
    if (endsClause(words, k)) return null;
    const t = lowerCase(words[k].text);
    if (mw.voteCues.has(t)) return "votes";
    if (mw.scoreCues.has(t)) return "score";
  }
  return null;
}

/**
 * The tally that starts at word i ("3-1", "24 – 17"), or null.
 *
 * @example
 * tallyAt(words("They won 3-1 at home"), 2, fw, mw); // { first: 3, second: 1, unit: "score", last: 4 }
 */
export function tallyAt(
  words: readonly Word[],
  i: number,
  fw: FigureWords,
  mw: MeasureWords,
): Tally | null {
  // Most numbers have no join mark after them: passed before any pattern is tried.
  if (!JOIN.has(words[i + 1]?.text ?? "")) return null;
  const first = side(words[i]);
  const second = side(words[i + 2]);
  if (first === null || second === null) return null;
  if (inChain(words, i)) return null;
  const next = words[i + 3];
  const after = next ? lowerCase(next.text) : "";
  const tally = (unit: Tally["unit"]) => ({ first, second, unit, last: i + 2 });
  if (mw.voteCues.has(after)) return tally("votes");
  if (mw.scoreCues.has(after) || STANDING.has(after)) return tally("score");
  if (rangeOfUnit(next, fw)) return null;
  const cue = cueBefore(words, i, mw);
  if (cue) return tally(cue);
  // A result as headlines print it: "Sweden 1 – 0 Korea Republic"; not "Festival 6-8 June".
  const names = capitalisedAt(words, i - 1) && capitalisedAt(words, i + 3) &&
    !isMonth(words[i - 1], fw) && !isMonth(words[i + 3], fw);
  return names ? tally("score") : null;
}
