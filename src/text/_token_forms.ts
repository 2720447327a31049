/**
 * The machinery behind `tokens.ts` and the inlined token loop of `segment.ts`, private to
 * `src/text/`: the word pattern, the per-form caches (lower form, stem, stopword flag, one
 * string per surface form) and the small helpers that let `segmentArticles` run the pattern
 * with `test` instead of `exec`. Its public face is `tokens.ts` (`forEachToken`, `formOf`,
 * `stemOf`, `lowerForm`, `STOPWORDS`); the token decisions are documented there.
 * @module
 */

import { stemmer as porterStem } from "stemmer";
import { z } from "zod";
import stopwordData from "../../data/stopwords/natural_en.json" with { type: "json" };

import { CappedCache, cappedMemo, Interner } from "../_strings.ts";

/** The English stopword list of the `natural` package (lower case; data/stopwords/natural_en.json). */
export const STOPWORDS: ReadonlySet<string> = new Set<string>(
  z.object({ words: z.array(z.string().min(1)) }).parse(stopwordData).words,
);

const WORD =
  /(?:\p{L}\.){2,}(?!\p{L})|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:[-‐‑][\p{L}\p{N}]+(?:['’]\p{L}+)*)*|\p{N}+(?:[.,]\p{N}+)*\p{L}*/gu;
const POSSESSIVE = /['’]s$/iu;

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

/**
 * The lower form, stem and stopword flag of a surface form, cached: one lookup per token in the
 * hot path instead of lower-casing, stemming and a stopword test each time.
 */
export const formOf: (token: string) => TokenForm = cappedMemo((token: string) => {
  const lower = lowerForm(token);
  return { lower, stem: stemOf(lower), isStop: STOPWORDS.has(lower) };
});

/**
 * The process-wide numbers of lower forms and of stems. Segmenting numbers each distinct surface
 * form once (see {@link SurfaceForm}), so the stages that work on numbers (the framing matcher)
 * read them off the token columns instead of hashing every token's strings again.
 */
export const LOWER_IDS: Interner = new Interner();
/** See {@link LOWER_IDS}. */
export const STEM_IDS: Interner = new Interner();

/** A {@link TokenForm} with its surface form, the one string kept for every equal token. */
export interface SurfaceForm extends TokenForm {
  token: string;
  /** The number of `lower` in {@link LOWER_IDS}. */
  lowerId: number;
  /** The number of `stem` in {@link STEM_IDS}. */
  stemId: number;
  /** Its place in {@link SURFACE_FORMS} (-1 once that list is full: the form is not kept). */
  tokenId: number;
}

/**
 * Every surface form kept by {@link surfaceFormOf}, numbered in the order first seen: segmenting
 * notes each token's number, so the tokens frame codes its string columns without hashing every
 * token again.
 */
export const SURFACE_FORMS: SurfaceForm[] = [];

/**
 * {@link formOf} with the surface form itself: `token` is the first string seen with that text,
 * so a column of tokens holds one string per distinct form instead of one per token.
 */
const surfaceForms = new CappedCache<string, SurfaceForm>();

export function surfaceFormOf(token: string): SurfaceForm {
  let surface = surfaceForms.get(token);
  if (surface === undefined) {
    const form = formOf(token);
    const kept = surfaceForms.size < surfaceForms.limit;
    surface = {
      token,
      lower: form.lower,
      stem: form.stem,
      isStop: form.isStop,
      lowerId: LOWER_IDS.id(form.lower),
      stemId: STEM_IDS.id(form.stem),
      tokenId: kept ? SURFACE_FORMS.length : -1,
    };
    if (kept) SURFACE_FORMS.push(surface);
    surfaceForms.set(token, surface);
  }
  return surface;
}

/** Surface forms of short tokens by their packed characters (see {@link surfaceFormAt}). */
const shortForms = new CappedCache<number, SurfaceForm>();

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
  if (form === undefined) shortForms.set(code, form = surfaceFormOf(text.slice(start, end)));
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

/** The end of the token matched in `[start, end)`: before a possessive clitic, as `forEachToken` cuts it. */
export function tokenEnd(text: string, start: number, end: number): number {
  if (end - start <= 2) return end;
  const apostrophe = text.charCodeAt(end - 2);
  if (apostrophe !== 0x27 && apostrophe !== 0x2019) return end;
  return POSSESSIVE.test(text.slice(end - 2, end)) ? end - 2 : end;
}

/** A fresh copy of the word-token pattern of `forEachToken` (global, so it keeps its own `lastIndex`). */
export function wordTokenPattern(): RegExp {
  return new RegExp(WORD.source, WORD.flags);
}

/** The token of a word-pattern match: a possessive clitic ("’s") taken off, as `forEachToken` does. */
export function withoutPossessive(match: string): string {
  const n = match.length;
  if (n <= 2) return match;
  const apostrophe = match.charCodeAt(n - 2);
  // ' or ’ before the last letter: only then can the (case-insensitive) pattern match.
  if (apostrophe !== 0x27 && apostrophe !== 0x2019) return match;
  return POSSESSIVE.test(match) ? match.slice(0, -2) : match;
}

/** Porter stem (npm stemmer; the same stems as natural's) of a lower-case token, cached; numbers and acronyms stay as they are. */
export const stemOf: (lower: string) => string = cappedMemo((lower: string) =>
  /^[\p{Ll}'-]+$/u.test(lower) ? porterStem(lower) : lower
);
