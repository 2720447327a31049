/**
 * What the period and measure readers share: the figures of a sentence by word, phrase lookup
 * over lower-case words (hyphens and abbreviation dots left out), and where a clause ends.
 * @module
 */

import { z } from "zod";
import { lowerCase, type Word } from "../words.ts";

/** A figure's place in its sentence's words, and its kind. */
export interface Placed {
  first: number;
  last: number;
  kind: string;
}

/** Figure kinds that are amounts: the kinds a period or a measure is read for. */
export const AMOUNT_KINDS: ReadonlySet<string> = new Set(["money", "percent", "quantity", "count"]);

/** A mistake in a figures data file (a user's `periods.json`, `measures.json`): one line. */
export class FigureDataError extends Error {
  override name = "FigureDataError";
}

/** The first problem zod found, as "field: message" on one line. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const at = issue.path.join(".");
  return `${at === "" ? "file" : at}: ${issue.message.split("\n")[0]}`;
}

/**
 * Validates a figures data file's contents against its schema; throws a one-line
 * {@link FigureDataError} naming `source` and the first bad field.
 */
export function parseFigureData<T>(schema: z.ZodType<T>, data: unknown, source: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new FigureDataError(`${source}: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads a figures data file (JSON); a missing file or bad JSON is a one-line
 * {@link FigureDataError} naming it. What it holds is checked by the caller's schema.
 */
export function readFigureData(path: string, what: string): unknown {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.PermissionDenied || (e as Error).name === "NotCapable") throw e;
    throw new FigureDataError(`${path}: cannot read the ${what} (${(e as Error).name})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FigureDataError(`${path}: not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
}

/** A list of lower-case words in a data file. */
export const wordList = z.array(z.string().trim().min(1));

/** Phrases of one to `longest` words, looked up by their words joined with single spaces. */
export interface Phrases<T> {
  map: ReadonlyMap<string, T>;
  longest: number;
  /** The first word of every phrase: most words start none, and are passed at once. */
  firsts: ReadonlySet<string>;
}

/** Compiles phrases written with hyphens or spaces ("full-year") to {@link Phrases}. */
export function phrasesOf<T>(entries: Iterable<[string, T]>): Phrases<T> {
  const map = new Map<string, T>();
  const firsts = new Set<string>();
  let longest = 1;
  for (const [k, v] of entries) {
    const key = k.toLowerCase().replaceAll("-", " ").replace(/\s+/g, " ").trim();
    map.set(key, v);
    const parts = key.split(" ");
    firsts.add(parts[0]);
    longest = Math.max(longest, parts.length);
  }
  return { map, longest, firsts };
}

/** Hyphens and the dot of an abbreviation ("Sept.") are read past inside a phrase. */
function skipped(w: Word): boolean {
  return w.kind === "punct" && (w.text === "-" || w.text === "." || w.text === "‑");
}

/**
 * Up to `n` words from `k` on, lower case, hyphens and dots left out, with their indices;
 * stops at any other mark.
 */
export function wordsFrom(
  words: readonly Word[],
  k: number,
  n: number,
): { text: string[]; at: number[] } {
  const text: string[] = [];
  const at: number[] = [];
  for (let j = k; j < words.length && text.length < n; j++) {
    if (skipped(words[j])) {
      if (j === k) break;
      continue;
    }
    if (words[j].kind === "punct") break;
    text.push(lowerCase(words[j].text));
    at.push(j);
  }
  return { text, at };
}

/** The longest phrase of `phrases` at word `k`: its value and last word, or null. */
export function phraseAt<T>(
  words: readonly Word[],
  k: number,
  phrases: Phrases<T>,
): { value: T; last: number } | null {
  // wordsFrom reads nothing from a mark, so a phrase starts with a word among the firsts.
  const w = words[k];
  if (!w || w.kind === "punct" || !phrases.firsts.has(lowerCase(w.text))) return null;
  const { text, at } = wordsFrom(words, k, phrases.longest);
  for (let size = text.length; size > 0; size--) {
    const value = phrases.map.get(text.slice(0, size).join(" "));
    if (value !== undefined) return { value, last: at[size - 1] };
  }
  return null;
}

/** Marks that end the clause a figure's period or measure is read in. */
const CLAUSE_END = new Set([";", ":", "(", ")", ".", "!", "?", "—", "–", '"', "“", "”", "[", "]"]);

/** Whether word k ends the clause (a comma does not: "$1.27 billion, or $1.97 a share, a year earlier"). */
export function endsClause(words: readonly Word[], k: number): boolean {
  const w = words[k];
  if (w.kind !== "punct") return false;
  // Within a sentence, a dot glued to a word is an abbreviation's ("Sept. 30", "No. 3").
  if (w.text === ".") {
    return !(k < words.length - 1 && words[k - 1]?.kind === "word" && words[k - 1].end === w.start);
  }
  return CLAUSE_END.has(w.text);
}

/** Words that join two figures of one kind into a range or an apposition ("$1.60 to $1.90", "$1.4 billion, or $2.17 a share"). */
const JOINERS = new Set(["and", "or", "to", "-", "–", ",", "through", "between"]);

/** Words that make two figures a range: "$1.60 to $1.90", "$3bn-$4bn", "between 2% and 4%". */
const RANGE = new Set(["and", "to", "-", "–", "through"]);

/**
 * Whether figure `b` follows figure `a` with only joining words between them; with `range`,
 * only a range's ("$1.60 to $1.90"), not an apposition's ("$1.4 billion, or $2.17 a share").
 */
export function joined(words: readonly Word[], a: Placed, b: Placed, range = false): boolean {
  if (a.kind !== b.kind || b.first <= a.last) return false;
  const between = range ? RANGE : JOINERS;
  for (let k = a.last + 1; k < b.first; k++) {
    if (!between.has(lowerCase(words[k].text))) return false;
  }
  return b.first - a.last <= 3;
}

/** The figure each word belongs to (its index in `figures`), -1 for none. */
export function ownersOf(length: number, figures: readonly Placed[]): Int32Array {
  const owner = new Int32Array(length).fill(-1);
  figures.forEach((f, n) => owner.fill(n, f.first, f.last + 1));
  return owner;
}

/**
 * Where the approximation before word `first` starts ("more than", "at least"), else `first`:
 * a backward search starts there, so that "more than 6,300" is not read as compared "than".
 */
export function leadOf(words: readonly Word[], first: number, approx: readonly string[]): number {
  for (const parts of splitPhrases(approx)) {
    const size = parts.length;
    if (first - size < 0) continue;
    let k = 0;
    while (k < size && lowerCase(words[first - size + k].text) === parts[k]) k++;
    if (k === size) return first - size;
  }
  return first;
}

const SPLIT = new WeakMap<readonly string[], string[][]>();

/** Each phrase's words, split once per list. */
function splitPhrases(phrases: readonly string[]): string[][] {
  let out = SPLIT.get(phrases);
  if (!out) SPLIT.set(phrases, out = phrases.map((p) => p.split(" ")));
  return out;
}
