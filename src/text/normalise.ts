/**
 * Abbreviations as terms: where a token's lower-case form would mislead a reader comparing
 * outlets, the term statistics count another form.
 *
 * - A dotted abbreviation in capitals counts with its undotted form: "U.S." with "US", "U.K."
 *   with "UK", "D.C." with "DC". Outlets differ here by house style, not by what they say.
 * - An abbreviation whose lower case is a stopword or a pronoun keeps its capitals: "US" is the
 *   term "US", not the pronoun "us"; "IT", "WHO", "AM", "IS" are terms, not stopwords dropped.
 *   quanteda's `tokens_tolower(keep_acronyms = TRUE)` and spaCy's part-of-speech tags keep them
 *   apart too. A bare word in capitals counts so only when it has two or three letters (longer
 *   ones, "THEM", "ONLY", are stress), is not one writers put in capitals for stress ("ALL",
 *   "AND", "YOU"), and stands neither in a sentence mostly in capitals (an all-capitals
 *   headline, "LET US PRAY", where it may be the word) nor in a run of three or more words in
 *   capitals with a long one (a heading glued into the text, "DEPARTMENT OF JUSTICE"; not "US,
 *   UK, EU"). A dotted one is an
 *   abbreviation wherever it is.
 * - Other abbreviations are lower-cased as every word is ("NATO" and "Nato" are "nato").
 *
 * The token columns keep their own lower forms: only the terms (`countTerms` and what is built
 * on it: terms, outlet_terms, keyness, collocations) count these forms.
 * @module
 */

import type { TokenColumns } from "./segment.ts";
import { SURFACE_FORMS } from "./_token_forms.ts";
import { STOPWORDS } from "./tokens.ts";
import { cappedMemo } from "../_strings.ts";

/** Personal pronouns missing from the stopword list whose capitals are an abbreviation ("US"). */
const PRONOUNS = ["us"];

/**
 * Words writers set in capitals for stress ("high quality AND comprehensive", "ALL of our
 * people", "YOU decide"), never an abbreviation in news: in capitals they stay the word.
 */
const STRESSED = new Set([
  "all",
  "and",
  "any",
  "are",
  "but",
  "can",
  "did",
  "do",
  "few",
  "for",
  "get",
  "got",
  "had",
  "has",
  "her",
  "him",
  "his",
  "how",
  "now",
  "our",
  "out",
  "own",
  "see",
  "she",
  "so",
  "the",
  "too",
  "was",
  "way",
  "why",
  "you",
]);

/**
 * The lower-case words whose capitals keep their own term ("us", "it", "who", "am", "is", "in",
 * "or"): the stopwords and pronouns of two or three letters, less {@link STRESSED}.
 */
export const ABBREVIATION_CLASHES: ReadonlySet<string> = new Set(
  [...STOPWORDS, ...PRONOUNS].filter((w) =>
    w.length >= 2 && w.length <= 3 && /^\p{L}+$/u.test(w) && !STRESSED.has(w)
  ),
);

/** What a surface form is: 1 an ordinary word, 2 a dotted abbreviation, 3 a clashing one. */
const WORD = 1;
const DOTTED = 2;
const CLASHING = 3;

const DOTTED_CAPITALS = /^(?:\p{Lu}\.){2,}$/u;
const TWO_OR_THREE_CAPITALS = /^\p{Lu}{2,3}$/u;

/** The kind of a surface form ({@link WORD}, {@link DOTTED} or {@link CLASHING}). */
function kindOf(token: string): number {
  // Most forms start with a lower-case letter or a digit: no regular expression for them.
  const c = token.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return WORD;
  if (DOTTED_CAPITALS.test(token)) return DOTTED;
  if (TWO_OR_THREE_CAPITALS.test(token) && ABBREVIATION_CLASHES.has(token.toLowerCase())) {
    return CLASHING;
  }
  return WORD;
}

const kindOfToken = cappedMemo(kindOf);

/**
 * The term of a dotted abbreviation: its letters, lower case ("U.K." → "uk"), or in capitals
 * when the lower case is a stopword or pronoun ("U.S." → "US", "A.M." → "AM").
 */
function dottedTerm(token: string): string {
  const letters = token.replaceAll(".", "");
  const lower = letters.toLowerCase();
  return STOPWORDS.has(lower) || PRONOUNS.includes(lower) ? letters : lower;
}

/**
 * Whether tokens `[from, to)` (one sentence) are mostly in capitals: more than three quarters of
 * its words of two letters or more have no lower-case letter, and at least two do. An
 * all-capitals headline ("WHO WARNS OF NEW VIRUS") is; "US and UK" is not.
 */
export function mostlyCapitals(words: readonly string[], from: number, to: number): boolean {
  let capitals = 0;
  let lower = 0;
  for (let i = from; i < to; i++) {
    const word = words[i];
    let letters = 0;
    let hasLower = false;
    for (const ch of word) {
      if (ch.toUpperCase() !== ch) hasLower = true;
      if (ch.toLowerCase() !== ch.toUpperCase()) letters++;
    }
    if (letters < 2) continue;
    if (hasLower) lower++;
    else capitals++;
  }
  return capitals >= 2 && capitals > 3 * lower;
}

/** The tokens whose term is not their lower form, and those terms. */
export interface AbbreviationTerms {
  /** Token rows, ascending. */
  index: Int32Array;
  /** The term of each of those tokens ("US", "uk"). */
  terms: string[];
}

const cache = new WeakMap<TokenColumns, AbbreviationTerms & { length: number }>();

/**
 * The tokens of `tokens` whose term is an abbreviation's form (see the module notes), found
 * once per token columns: each distinct surface form is classified once, by the number
 * segmenting gave it, and only sentences with a clashing abbreviation are read again.
 * Cached per token columns: the term counts of one analysis (terms, collocations, keyness)
 * share it.
 */
export function abbreviationTerms(tokens: TokenColumns): AbbreviationTerms {
  const n = tokens.length;
  const cached = cache.get(tokens);
  if (cached && cached.length === n) return cached;
  const index: number[] = [];
  const terms: string[] = [];
  let sentence = "";
  let shouting = false;
  for (const i of abbreviationRows(tokens)) {
    const token = tokens.token[i];
    // The rare abbreviation: checked against its own string (columns changed by other code).
    const kind = kindOfToken(token);
    if (kind === DOTTED) {
      index.push(i);
      terms.push(dottedTerm(token));
    } else if (kind === CLASHING) {
      if (tokens.sentenceId[i] !== sentence) {
        sentence = tokens.sentenceId[i];
        shouting = mostlyCapitals(tokens.token, ...sentenceRange(tokens, i));
      }
      if (shouting || inCapitalsRun(tokens, i)) continue;
      index.push(i);
      terms.push(token);
    }
  }
  const found = { length: n, index: Int32Array.from(index), terms };
  cache.set(tokens, found);
  return found;
}

const kindById: { kinds: Uint8Array } = { kinds: new Uint8Array(1024) };

/**
 * The rows of the tokens whose surface form is not a {@link WORD}, ascending: each form is
 * classified once, by the number segmenting gave it (one small-array read per token), or from
 * the token's string when the columns have no numbers.
 */
function abbreviationRows(tokens: TokenColumns): number[] {
  const n = tokens.length;
  const rows: number[] = [];
  const ids = tokens.tokenId;
  const words = tokens.token;
  if (ids.length !== n) {
    for (let i = 0; i < n; i++) if (kindOfToken(words[i]) !== WORD) rows.push(i);
    return rows;
  }
  if (kindById.kinds.length < SURFACE_FORMS.length) {
    const grown = new Uint8Array(SURFACE_FORMS.length * 2);
    grown.set(kindById.kinds);
    kindById.kinds = grown;
  }
  const kinds = kindById.kinds;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    let kind = id >= 0 ? kinds[id] : 0;
    if (kind === WORD) continue;
    if (kind === 0) {
      kind = kindOf(words[i]);
      if (id >= 0 && SURFACE_FORMS[id].token === words[i]) kinds[id] = kind;
    }
    if (kind !== WORD) rows.push(i);
  }
  return rows;
}

/** Whether a token has letters, none of them lower case ("US", "NATO", "A"). */
function inCapitals(token: string): boolean {
  return token.toUpperCase() === token && token.toLowerCase() !== token;
}

/**
 * Whether token `i` stands in a run of three or more words in capitals within its sentence, one
 * of them of five letters or more: a heading or a shouted phrase glued into running text
 * ("DEPARTMENT OF JUSTICE", "SEATS ON THE FLOOR"), where "OF" and "ON" are the words. A list of
 * abbreviations ("the US, UK, EU") is no such run.
 */
function inCapitalsRun(tokens: TokenColumns, i: number): boolean {
  const id = tokens.sentenceId[i];
  const words = tokens.token;
  let long = false;
  let from = i;
  while (from > 0 && tokens.sentenceId[from - 1] === id && inCapitals(words[from - 1])) {
    from--;
    if (letterCount(words[from]) >= 5) long = true;
  }
  let to = i + 1;
  while (to < tokens.length && tokens.sentenceId[to] === id && inCapitals(words[to])) {
    if (letterCount(words[to]) >= 5) long = true;
    to++;
  }
  return to - from >= 3 && long;
}

/** The letters of a word ("U.S.S.R." has 4). */
function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
  return n;
}

/** The rows `[from, to)` of the sentence of token `i` (a sentence's tokens are contiguous). */
function sentenceRange(tokens: TokenColumns, i: number): [number, number] {
  const id = tokens.sentenceId[i];
  let from = i;
  while (from > 0 && tokens.sentenceId[from - 1] === id) from--;
  let to = i + 1;
  while (to < tokens.length && tokens.sentenceId[to] === id) to++;
  return [from, to];
}
