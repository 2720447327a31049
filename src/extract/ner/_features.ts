/**
 * Features of the entity recogniser, as hashed integer ids. A word's own properties (its form,
 * lower form, shape, affixes, gazetteer classes) are computed once per distinct string and kept
 * in a table of integers; the features of a position combine a template number with those
 * integers by integer hashing, so no string is built per token.
 * @module
 */

import { withRoom } from "../../_buffers.ts";
import { Interner } from "../../_strings.ts";
import { LEXICON, LEXICON_CLASSES, multiWordName, wordClasses } from "./lexicons.ts";

/** Fields of a word's row in the word table. */
const W_WORD = 0, W_LOWER = 1, W_SHAPE = 2, W_SHORT = 3, W_PRE = 4, W_SUF = 8, W_CLASS = 12;
const W_FLAGS = 13;
const W_FIELDS = 14;

/** Word flags. */
const F_CAP = 1, F_UPPER = 2, F_DIGIT = 4, F_NOLETTER = 8, F_LOWER = 16;

/** Most features one position can have (the feature rows are this wide; -1 pads). */
export const MAX_FEATURES = 64;

/** 32-bit finaliser of MurmurHash3: spreads the bits of an integer. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Combines two integers into one (cheap: every feature id is mixed once more before use, and
 * the inputs are hashes or small template numbers).
 */
function pair(a: number, b: number): number {
  return (Math.imul(a ^ (a >>> 15), 0x9e3779b1) + b) | 0;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}
function isLowerLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** The shape class of a character: X, x, d, or the character itself. */
function shapeOf(c: number, lowerText: string, text: string, i: number): number {
  if (isUpper(c)) return 88;
  if (isLowerLetter(c)) return 120;
  if (isDigit(c)) return 100;
  if (c > 0xff) {
    // Letters beyond Latin-1: the lower form differs from the form when upper-case.
    return lowerText.charCodeAt(i) !== text.charCodeAt(i) ? 88 : 120;
  }
  return c;
}

/**
 * Interns words: each distinct string gets a row of integer properties, computed once. The
 * table starts over before a sentence that could take it past `limit` rows (an
 * {@link Interner} with that limit), so memory stays bounded on any corpus and the rows of one
 * sentence's words are never overwritten while its features are made.
 */
export class WordTable {
  #words: Interner;
  #rows = new Int32Array(W_FIELDS * 1024);

  constructor(limit = 1 << 18) {
    this.#words = new Interner(limit);
  }

  /** Bumped each time the table starts over (row offsets then name other words). */
  get generation(): number {
    return this.#words.generation;
  }

  /** Makes room for a sentence of `n` words, starting over if they could pass the limit. */
  reserve(n: number): void {
    const generation = this.#words.generation;
    this.#words.reserve(n);
    if (this.#words.generation !== generation) this.#short.clear();
  }

  /**
   * Row offsets of short words (up to four printable ASCII characters: over half the tokens)
   * by a number packed from their characters (bijective base 96, below 2^27): a fresh token
   * string is then neither hashed nor compared with the stored one, only its characters read.
   */
  #short = new Map<number, number>();

  /** The row offset of `text` in {@link rows} (call {@link reserve} first for each sentence). */
  row(text: string): number {
    const n = text.length;
    if (n <= 4) {
      let code = 0;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i) - 31; // printable ASCII: 1 to 95
        if (c < 1 || c > 95) {
          code = -1;
          break;
        }
        code = code * 96 + c;
      }
      if (code > 0) {
        let r = this.#short.get(code);
        if (r === undefined) this.#short.set(code, r = this.#stringRow(text));
        return r;
      }
    }
    return this.#stringRow(text);
  }

  /** {@link row} by the string itself. */
  #stringRow(text: string): number {
    const id = this.#words.ids.get(text);
    if (id !== undefined) return id * W_FIELDS;
    const r = this.#words.id(text) * W_FIELDS;
    this.#rows = withRoom(this.#rows, r + W_FIELDS);
    fillRow(this.#rows, r, text);
    return r;
  }

  /** The table (re-read after {@link row}: it may have grown). */
  get rows(): Int32Array {
    return this.#rows;
  }

  /** Number of rows in use (row offsets are below `size * W_FIELDS`). */
  get size(): number {
    return this.#words.strings.length;
  }
}

/** Fields per row of the word table: a row offset divided by this is the row's number. */
export const WORD_FIELDS = W_FIELDS;

function fillRow(rows: Int32Array, r: number, text: string): void {
  const lower = text.toLowerCase();
  const n = text.length;
  let word = 0x811c9dc5, low = 0x811c9dc5, shape = 0x811c9dc5, short = 0x811c9dc5;
  let flags = 0, run = 0, last = -1, lastShort = -1, letters = 0, uppers = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    word = Math.imul(word ^ c, 0x01000193);
    low = Math.imul(low ^ lower.charCodeAt(i), 0x01000193);
    const s = shapeOf(c, lower, text, i);
    if (s === 88 || s === 120) {
      letters++;
      if (s === 88) uppers++;
    }
    if (s === 100) flags |= F_DIGIT;
    run = s === last ? run + 1 : 1;
    last = s;
    if (run <= 4) shape = Math.imul(shape ^ s, 0x01000193);
    if (s !== lastShort) short = Math.imul(short ^ s, 0x01000193);
    lastShort = s;
  }
  const first = text.charCodeAt(0);
  const firstShape = shapeOf(first, lower, text, 0);
  if (firstShape === 88) flags |= F_CAP;
  if (firstShape === 120) flags |= F_LOWER;
  if (letters > 0 && uppers === letters) flags |= F_UPPER;
  if (letters === 0) flags |= F_NOLETTER;
  rows[r + W_WORD] = mix(word) | 1;
  rows[r + W_LOWER] = mix(low) | 1;
  rows[r + W_SHAPE] = mix(shape) | 1;
  rows[r + W_SHORT] = mix(short) | 1;
  for (let k = 1; k <= 4; k++) {
    let pre = 0, suf = 0;
    if (n > k) {
      pre = 0x811c9dc5;
      suf = 0x811c9dc5;
      for (let i = 0; i < k; i++) {
        pre = Math.imul(pre ^ lower.charCodeAt(i), 0x01000193);
        suf = Math.imul(suf ^ lower.charCodeAt(n - k + i), 0x01000193);
      }
      pre = mix(pre) | 1;
      suf = mix(suf) | 1;
    }
    rows[r + W_PRE + k - 1] = pre;
    rows[r + W_SUF + k - 1] = suf;
  }
  rows[r + W_CLASS] = wordClasses(text);
  rows[r + W_FLAGS] = flags;
}

/** How a sentence is written: normal, or with capitals that say nothing (headline, ALL CAPS). */
export interface SentenceCase {
  /** Every letter is upper-case: words are looked at in title case. */
  allCaps?: boolean;
  /** A headline or subhead: capitals mark words, not names. */
  headline?: boolean;
}

/** "WASHINGTON" → "Washington" (only for ALL-CAPS sentences, which are rare). */
function titleCase(word: string): string {
  return word.length < 2 ? word : word[0] + word.slice(1).toLowerCase();
}

/** Template numbers: every feature is hashed with its template, so equal values do not collide. */
const T = {
  bias: 1,
  word: 2,
  lower: 3,
  shape: 4,
  pre: 5, // + k (1..4)
  suf: 10, // + k
  lowerPrev: 15,
  lowerNext: 16,
  lowerPrev2: 17,
  lowerNext2: 18,
  shapePrev: 19,
  shapeNext: 20,
  shortPrev2: 21,
  shortNext2: 22,
  bigramPrev: 23,
  bigramNext: 24,
  shapeTri: 25,
  initialLower: 26,
  initialShape: 27,
  caseless: 28,
  caselessLower: 29,
  classHere: 30, // + class
  classPrev: 40, // + class
  classNext: 50, // + class
  multi: 60, // + class * 4 + position (B, I, L, U)
  classPrev2: 100, // + class
  titleBefore: 110,
  orgAfter: 111,
  capRun: 112,
  shapePrevShape: 113,
  lowerPrevShape: 114,
  upperInitial: 115,
  runBefore: 116,
  runAfter: 117,
  runLast: 118,
  runFirst: 119,
} as const;

/** Per-position work arrays of {@link sentenceFeatures}, reused (grown for a longer sentence). */
const buffers = {
  rowOf: new Int32Array(256),
  runStart: new Int32Array(256),
  multi: new Int32Array(256),
};

/**
 * Where {@link put} writes: the output rows, the current position's row start, the next
 * column and the table mask. Module state rather than a closure, so that the per-position
 * feature groups can be separate functions without allocating anything per sentence.
 */
let outIds: Int32Array = new Int32Array(0), outBase = 0, outAt = 0, outMask = 0;

/** Adds hashed feature `h` to the current position, unless its row is full. */
function put(h: number): void {
  if (outAt < MAX_FEATURES) outIds[outBase + outAt++] = mix(h) & outMask;
}

/**
 * Computes the hashed feature ids of every position of a sentence into `out` (row i holds
 * position i's ids, -1 pads), masked to the model's table size by `mask`. Returns `out`.
 * With `wordRows`, each word's row offset in `table` goes there and the word's own features
 * ({@link localFeatures}) are left out of `out`, for a caller that keeps their scores per word.
 */
export function sentenceFeatures(
  table: WordTable,
  words: readonly string[],
  mask: number,
  out: Int32Array,
  sentenceCase: SentenceCase = {},
  wordRows?: Int32Array,
): Int32Array {
  const n = words.length;
  const caseless = sentenceCase.allCaps === true || sentenceCase.headline === true;
  const keys = sentenceCase.allCaps ? words.map(titleCase) : words;
  if (n > buffers.rowOf.length) {
    buffers.rowOf = withRoom(buffers.rowOf, n, false);
    buffers.runStart = withRoom(buffers.runStart, n, false);
    buffers.multi = withRoom(buffers.multi, n, false);
  }
  const { rowOf, runStart, multi } = buffers;
  table.reserve(n);
  for (let i = 0; i < n; i++) rowOf[i] = table.row(keys[i]);
  const rows = table.rows;
  markCapitalRuns(rows, rowOf, runStart, n);
  markMultiWordNames(rows, rowOf, keys, multi, n);
  outIds = out;
  outMask = mask;
  for (let i = 0; i < n; i++) {
    const r = rowOf[i];
    if (wordRows) {
      // The word's own features are left to the caller; the rest keep their places after them
      // (row i then holds features nLocal.. of the full list, and the same ones are cut at 64).
      wordRows[i] = r;
      outAt = localFeatureCount(rows, r, caseless);
      outBase = i * MAX_FEATURES - outAt;
    } else {
      outBase = i * MAX_FEATURES;
      outAt = localFeatures(rows, r, caseless, mask, out, outBase);
    }
    const pr = i > 0 ? rowOf[i - 1] : -1;
    const nr = i + 1 < n ? rowOf[i + 1] : -1;
    const pr2 = i > 1 ? rowOf[i - 2] : -1;
    const nr2 = i + 2 < n ? rowOf[i + 2] : -1;
    contextFeatures(rows, r, pr, nr, pr2, nr2, i, caseless);
    const clsPrev = pr >= 0 ? rows[pr + W_CLASS] : 0;
    const clsPrev2 = pr2 >= 0 ? rows[pr2 + W_CLASS] : 0;
    classFeatures(rows, r, clsPrev, nr >= 0 ? rows[nr + W_CLASS] : 0, clsPrev2, multi[i]);
    if ((rows[r + W_FLAGS] & F_CAP) !== 0) {
      capitalFeatures(rows, rowOf, runStart, i, n, clsPrev, clsPrev2);
    }
    for (let k = outBase + outAt, end = (i + 1) * MAX_FEATURES; k < end; k++) out[k] = -1;
  }
  outIds = EMPTY_IDS;
  return out;
}

/** Not the caller's array: {@link sentenceFeatures} lets go of `out` when it is done. */
const EMPTY_IDS: Int32Array = new Int32Array(0);

/** Where the run of capitalised words each word is in starts (-1: not capitalised). */
function markCapitalRuns(rows: Int32Array, rowOf: Int32Array, runStart: Int32Array, n: number) {
  for (let i = 0; i < n; i++) {
    if ((rows[rowOf[i] + W_FLAGS] & F_CAP) === 0) runStart[i] = -1;
    else runStart[i] = i > 0 && runStart[i - 1] >= 0 ? runStart[i - 1] : i;
  }
}

/** Multi-word gazetteer names: class bits and B/I/L position per word (0 = none). */
function markMultiWordNames(
  rows: Int32Array,
  rowOf: Int32Array,
  keys: readonly string[],
  multi: Int32Array,
  n: number,
): void {
  multi.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    if ((rows[rowOf[i] + W_FLAGS] & F_CAP) === 0) continue;
    const m = multiWordName(keys, i);
    if (!m) continue;
    for (let k = 0; k < m.length; k++) {
      const pos = k === 0 ? 0 : k === m.length - 1 ? 2 : 1;
      multi[i + k] = (m.bits << 2) | pos | 0x40000000;
    }
    i += m.length - 1;
  }
}

/** The neighbours' forms and shapes (two each side), sentence start and caseless features. */
function contextFeatures(
  rows: Int32Array,
  r: number,
  pr: number,
  nr: number,
  pr2: number,
  nr2: number,
  i: number,
  caseless: boolean,
): void {
  const low = rows[r + W_LOWER];
  const shape = rows[r + W_SHAPE];
  const flags = rows[r + W_FLAGS];
  const lowPrev = pr >= 0 ? rows[pr + W_LOWER] : 0x5b5;
  const lowNext = nr >= 0 ? rows[nr + W_LOWER] : 0x5e5;
  put(pair(T.lowerPrev, lowPrev));
  put(pair(T.lowerNext, lowNext));
  put(pair(T.lowerPrev2, pr2 >= 0 ? rows[pr2 + W_LOWER] : 0x5b5));
  put(pair(T.lowerNext2, nr2 >= 0 ? rows[nr2 + W_LOWER] : 0x5e5));
  const shapePrev = pr >= 0 ? rows[pr + W_SHAPE] : 0x5b5;
  const shapeNext = nr >= 0 ? rows[nr + W_SHAPE] : 0x5e5;
  put(pair(T.shapePrev, shapePrev));
  put(pair(T.shapeNext, shapeNext));
  put(pair(T.shortPrev2, pr2 >= 0 ? rows[pr2 + W_SHORT] : 0x5b5));
  put(pair(T.shortNext2, nr2 >= 0 ? rows[nr2 + W_SHORT] : 0x5e5));
  put(pair(T.bigramPrev, pair(lowPrev, low)));
  put(pair(T.bigramNext, pair(low, lowNext)));
  put(pair(T.shapeTri, pair(pair(shapePrev, shape), shapeNext)));
  put(pair(T.shapePrevShape, pair(lowPrev, shape)));
  put(pair(T.lowerPrevShape, pair(shapePrev, low)));
  if (i === 0) {
    put(pair(T.initialLower, low));
    put(pair(T.initialShape, shape));
  }
  if ((flags & F_UPPER) !== 0 && i === 0) put(T.upperInitial);
  if (caseless) {
    put(pair(T.caseless, shape));
    put(pair(T.caselessLower, low));
  }
}

/** Gazetteer classes of the word and its neighbours, and its place in a multi-word name. */
function classFeatures(
  rows: Int32Array,
  r: number,
  clsPrev: number,
  clsNext: number,
  clsPrev2: number,
  multiHere: number,
): void {
  const cls = rows[r + W_CLASS];
  const flags = rows[r + W_FLAGS];
  for (let c = 0; (cls | clsPrev | clsNext | clsPrev2) !== 0 && c < LEXICON_CLASSES; c++) {
    const bit = 1 << c;
    if ((cls & bit) !== 0) put(pair(T.classHere + c, flags & F_CAP));
    if ((clsPrev & bit) !== 0) put(T.classPrev + c);
    if ((clsNext & bit) !== 0) put(T.classNext + c);
    if ((clsPrev2 & bit) !== 0) put(T.classPrev2 + c);
  }
  if (multiHere !== 0) {
    const bits = (multiHere >>> 2) & 0xfffff;
    const pos = multiHere & 3;
    for (let c = 0; c < LEXICON_CLASSES; c++) {
      if ((bits & (1 << c)) !== 0) put(T.multi + c * 4 + pos);
    }
  }
}

/** Features of a capitalised word at position i: a title before it, an organisation word after, its run. */
function capitalFeatures(
  rows: Int32Array,
  rowOf: Int32Array,
  runStart: Int32Array,
  i: number,
  n: number,
  clsPrev: number,
  clsPrev2: number,
): void {
  // A capitalised word after a title ("Sen. Warner", "President Obama"), directly or with a
  // first name between.
  if ((clsPrev & LEXICON.title) !== 0 || (clsPrev2 & LEXICON.title) !== 0) {
    put(pair(T.titleBefore, (clsPrev & LEXICON.title) !== 0 ? 1 : 2));
  }
  // Capitalised words up to an organisation word ("Santa Fe Pacific Gold Corp").
  for (let k = i + 1; k < n && k <= i + 4; k++) {
    const rk = rowOf[k];
    if ((rows[rk + W_FLAGS] & F_CAP) === 0) break;
    if ((rows[rk + W_CLASS] & LEXICON.orgWord) !== 0) {
      put(pair(T.orgAfter, k - i));
      break;
    }
  }
  // Length of the run of capitalised words this word is in, and where in it.
  const a = runStart[i];
  let b = i;
  while (b + 1 < n && runStart[b + 1] === a) b++;
  put(pair(T.capRun, pair(Math.min(b - a, 4), Math.min(i - a, 3) * 8 + Math.min(b - i, 3))));
  // The words around the run and at its ends: "told the [X Y]", "[X Y Corp]".
  put(pair(T.runBefore, a > 0 ? rows[rowOf[a - 1] + W_LOWER] : 0x5b5));
  put(pair(T.runAfter, b + 1 < n ? rows[rowOf[b + 1] + W_LOWER] : 0x5e5));
  if (b > i) put(pair(T.runLast, rows[rowOf[b] + W_LOWER]));
  if (a < i) put(pair(T.runFirst, rows[rowOf[a] + W_LOWER]));
}

/**
 * Writes the ids of the features that depend on the word alone (bias, form, lower form, shape,
 * affixes) of the word at row offset `r` into `out` from `at`; returns how many. They are the
 * first features of every position, in this order.
 */
export function localFeatures(
  rows: Int32Array,
  r: number,
  caseless: boolean,
  mask: number,
  out: Int32Array,
  at: number,
): number {
  let j = at;
  out[j++] = mix(T.bias) & mask;
  if (!caseless) out[j++] = mix(pair(T.word, rows[r + W_WORD])) & mask;
  out[j++] = mix(pair(T.lower, rows[r + W_LOWER])) & mask;
  out[j++] = mix(pair(T.shape, rows[r + W_SHAPE])) & mask;
  for (let k = 0; k < 4; k++) {
    if (rows[r + W_PRE + k] !== 0) out[j++] = mix(pair(T.pre + k, rows[r + W_PRE + k])) & mask;
    if (rows[r + W_SUF + k] !== 0) out[j++] = mix(pair(T.suf + k, rows[r + W_SUF + k])) & mask;
  }
  return j - at;
}

/** How many ids {@link localFeatures} writes for the word at row offset `r`. */
function localFeatureCount(rows: Int32Array, r: number, caseless: boolean): number {
  let j = caseless ? 3 : 4;
  for (let k = 0; k < 4; k++) {
    if (rows[r + W_PRE + k] !== 0) j++;
    if (rows[r + W_SUF + k] !== 0) j++;
  }
  return j;
}
