/**
 * Word tokens with their lower-case form, Porter stem and stopword flag.
 *
 * Decisions, on purpose:
 * - Hyphenated words stay one token: "no-limits", "China-Russia", "year-on-year". En and em
 *   dashes separate ("U.S.–China" is "U.S." and "China").
 * - Possessives lose their clitic: "Russia’s" is the token "Russia" (offsets cover "Russia"), so
 *   it counts with "Russia". Plural possessives ("countries’") likewise. Other apostrophes stay
 *   inside the word ("don't"); curly apostrophes become straight in `lower`.
 * - Dotted acronyms keep their periods ("U.S."). Numbers are tokens ("3.8", "1,000", "2022"),
 *   without currency or percent signs; a number glued to letters stays whole ("G7", "1990s").
 * - Punctuation is not a token.
 * @module
 */

import porter from "natural/porter";
import { words as naturalStopwords } from "natural/stopwords";

/** The English stopword list of the `natural` package (lower case). */
export const STOPWORDS: ReadonlySet<string> = new Set<string>(naturalStopwords as string[]);

const WORD =
  /(?:\p{L}\.){2,}(?!\p{L})|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:[-‐‑][\p{L}\p{N}]+(?:['’]\p{L}+)*)*|\p{N}+(?:[.,]\p{N}+)*\p{L}*/gu;
const POSSESSIVE = /['’]s$/iu;

/** One token span within a text: `[start, end)` and its surface form. */
export interface TokenSpan {
  /** The token as written. */
  token: string;
  /** Offset of its first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/**
 * Calls `visit` for each word token of `text` (no arrays built), offsets relative to `text`.
 * This is the hot path of the kit: one regular-expression pass, nothing per token but the call.
 */
export function forEachToken(
  text: string,
  visit: (token: string, start: number, end: number) => void,
): void {
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = withoutPossessive(m[0]);
    const start = m.index;
    visit(token, start, start + token.length);
  }
}

/**
 * The word tokens of a text, as spans.
 *
 * @example
 * ```ts
 * import { tokenize } from "newsframe";
 *
 * tokenize("Costs rose 4.5% in May.").map((t) => t.token);
 * ```
 */
export function tokenize(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  forEachToken(text, (token, start, end) => out.push({ token, start, end }));
  return out;
}

/** Lower case with curly apostrophes made straight: the form counted by the term statistics. */
export function lowerForm(token: string): string {
  const lower = token.toLowerCase();
  return lower.includes("’") ? lower.replaceAll("’", "'") : lower;
}

/** What the kit records for a surface form: its lower form, stem and stopword flag. */
export interface TokenForm {
  lower: string;
  stem: string;
  isStop: boolean;
}

const formCache = new Map<string, TokenForm>();

/**
 * The lower form, stem and stopword flag of a surface form, cached: one lookup per token in the
 * hot path instead of lower-casing, stemming and a stopword test each time.
 */
export function formOf(token: string): TokenForm {
  let form = formCache.get(token);
  if (form === undefined) {
    const lower = lowerForm(token);
    form = { lower, stem: stemOf(lower), isStop: STOPWORDS.has(lower) };
    if (formCache.size < 500_000) formCache.set(token, form);
  }
  return form;
}

/** A {@link TokenForm} with its surface form, the one string kept for every equal token. */
export interface SurfaceForm extends TokenForm {
  token: string;
}

const surfaceCache = new Map<string, SurfaceForm>();

/**
 * {@link formOf} with the surface form itself: `token` is the first string seen with that text,
 * so a column of tokens holds one string per distinct form instead of one per token.
 */
export function surfaceFormOf(token: string): SurfaceForm {
  let surface = surfaceCache.get(token);
  if (surface === undefined) {
    const form = formOf(token);
    surface = { token, lower: form.lower, stem: form.stem, isStop: form.isStop };
    if (surfaceCache.size < 500_000) surfaceCache.set(token, surface);
  }
  return surface;
}

const shortForms = new Map<number, SurfaceForm>();

/**
 * {@link surfaceFormOf} for a token straight from the text. A short token (up to five ASCII
 * letters or digits, most words) is looked up by a number packed from its characters, so the
 * fresh string is never hashed; any other token goes through {@link surfaceFormOf}.
 */
export function surfaceFormOfToken(token: string): SurfaceForm {
  return surfaceFormAt(token, 0, token.length);
}

/**
 * The {@link SurfaceForm} of `text.slice(start, end)`. A short token (up to five ASCII letters or
 * digits, most words) is looked up by a number packed from its characters, without building or
 * hashing its string.
 */
export function surfaceFormAt(text: string, start: number, end: number): SurfaceForm {
  const n = end - start;
  if (n === 0 || n > 5) return surfaceFormOf(text.slice(start, end));
  // Six bits a character (1-62, 0 never used), last character first: below 2^30, a small integer.
  let code = 0;
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    let v: number;
    if (c >= 97 && c <= 122) v = c - 96;
    else if (c >= 65 && c <= 90) v = c - 38;
    else if (c >= 48 && c <= 57) v = c + 5;
    else return surfaceFormOf(text.slice(start, end));
    code = code * 64 + v;
  }
  let form = shortForms.get(code);
  if (form === undefined) {
    form = surfaceFormOf(text.slice(start, end));
    if (shortForms.size < 500_000) shortForms.set(code, form);
  }
  return form;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

/**
 * Where the word pattern's next match starts, searching from `from`: every match starts at a
 * letter or digit and one starts at each (see WORD), so it is the first letter or digit (code
 * point) at or after `from`. Lets the token loop use `test` (no match array) and still know the
 * offsets.
 */
export function nextLetterOrDigit(text: string, from: number): number {
  let p = from;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return p;
      p++;
      continue;
    }
    LETTER_OR_DIGIT.lastIndex = p;
    if (LETTER_OR_DIGIT.test(text)) return p;
    const pair = c >= 0xd800 && c <= 0xdbff && p + 1 < text.length &&
      (text.charCodeAt(p + 1) & 0xfc00) === 0xdc00;
    p += pair ? 2 : 1;
  }
  return p;
}

/** The end of the token matched in `[start, end)`: before a possessive clitic, as {@link forEachToken} cuts it. */
export function tokenEnd(text: string, start: number, end: number): number {
  if (end - start <= 2) return end;
  const apostrophe = text.charCodeAt(end - 2);
  if (apostrophe !== 0x27 && apostrophe !== 0x2019) return end;
  return POSSESSIVE.test(text.slice(end - 2, end)) ? end - 2 : end;
}

/** A fresh copy of the word-token pattern of {@link forEachToken} (global, so it keeps its own `lastIndex`). */
export function wordTokenPattern(): RegExp {
  return new RegExp(WORD.source, WORD.flags);
}

/** The token of a word-pattern match: a possessive clitic ("’s") taken off, as {@link forEachToken} does. */
export function withoutPossessive(match: string): string {
  const n = match.length;
  if (n <= 2) return match;
  const apostrophe = match.charCodeAt(n - 2);
  // ' or ’ before the last letter: only then can the (case-insensitive) pattern match.
  if (apostrophe !== 0x27 && apostrophe !== 0x2019) return match;
  return POSSESSIVE.test(match) ? match.slice(0, -2) : match;
}

const stemCache = new Map<string, string>();

/** Porter stem (natural's stemmer) of a lower-case token, cached; numbers and acronyms stay as they are. */
export function stemOf(lower: string): string {
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = /^[\p{Ll}'-]+$/u.test(lower) ? porter.stem(lower) as string : lower;
    if (stemCache.size < 500_000) stemCache.set(lower, stem);
  }
  return stem;
}
