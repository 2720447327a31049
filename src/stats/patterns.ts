/**
 * Phrase patterns: the small language that framing lexicons and KWIC share, and the matcher that
 * runs them over the token columns.
 *
 * A pattern is words separated by spaces:
 * - a plain word matches that word and its regular inflections, whatever its case: plural and
 *   third person (-s, -es, -y → -ies), past (-ed, -d, -y → -ied) and -ing (a final e dropped, a
 *   final consonant doubled: plan → planned, planning). `tariff` matches "Tariffs",
 *   "tariffed"; `border security operation` matches "Border Security Operations". Nothing
 *   else: `political` never matches "polite", `relations` never "related", `constitution`
 *   never "constitute". Write the base form (`family`, not `families`);
 * - `~word` matches any word with the same Porter stem (`~invest` matches "investors" but also
 *   "invested"; review what a stem swallows before using one);
 * - `=word` matches that exact word, case aside (`=US` matches "us" and "US", never "u.s.");
 * - `word*` matches any word that begins with "word" (`declin*`: "decline", "declining"), to
 *   be used only where every word it can reach is meant;
 * - `*` alone matches any one word;
 * - `a|b|c` matches any of the alternatives at that place (`crisis at|on the border`); an
 *   alternative may itself be several hyphenated words (`tax-cut|tax relief plan`).
 *
 * Hyphens separate words on both sides, so `tax-cut` matches "tax-cut", "Tax Cut" and
 * "tax cut", and `long-term care` matches "long term care". Possessives are dropped as
 * in the text ("Canada's" is the word "Canada"), and stopwords are matched like any word, so
 * `crisis at the border` works. Matches never cross a sentence boundary.
 * @module
 */

import { withRoom } from "../_buffers.ts";
import type { TokenColumns } from "../text/segment.ts";
import { forEachToken, LOWER_IDS, lowerForm, STEM_IDS, stemOf } from "../text/tokens.ts";

/** A pattern that cannot be parsed; the message says what is wrong and where. */
export class PatternError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`pattern "${pattern}": ${reason}`);
    this.name = "PatternError";
  }
}

/** What one word of a pattern matches. */
export type WordTest =
  | { kind: "word"; value: string; forms: string[] }
  | { kind: "stem"; value: string }
  | { kind: "exact"; value: string }
  | { kind: "prefix"; value: string }
  | { kind: "any" };

/** A parsed pattern: slots in order; each slot is a list of alternatives; each alternative a word sequence. */
export interface PhrasePattern {
  /** The pattern as written. */
  source: string;
  /** Slots in order; alternatives per slot; word tests per alternative. */
  slots: WordTest[][][];
}

const HYPHEN = /[-‐‑]/u;

/** Whether a token has a hyphen ({@link HYPHEN}): a loop over its code units, no regex call. */
function hasHyphen(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 0x2d || c === 0x2010 || c === 0x2011) return true;
  }
  return false;
}
const POSSESSIVE_END = /['’]s$/iu;

/** Splits a token into its hyphen-separated parts, with offsets relative to the token. */
function hyphenParts(
  token: string,
  visit: (part: string, start: number, end: number) => void,
): void {
  if (!HYPHEN.test(token)) {
    visit(token, 0, token.length);
    return;
  }
  let start = 0;
  for (let i = 0; i <= token.length; i++) {
    if (i === token.length || HYPHEN.test(token[i])) {
      if (i > start) visit(token.slice(start, i), start, i);
      start = i + 1;
    }
  }
}

/**
 * A word and its regular inflections (see the module doc), lower case. Words with anything but
 * letters (numbers, "u.s.", "don't") and one-letter words stand for themselves only.
 *
 * @example
 * inflectionsOf("plan"); // ["plan", "plans", "planned", "planning"] (in some order)
 */
export function inflectionsOf(word: string): string[] {
  const out = new Set([word]);
  if (!/^\p{Ll}{2,}$/u.test(word)) return [...out];
  if (/(?:s|x|z|ch|sh)$/.test(word)) out.add(`${word}es`);
  else out.add(`${word}s`);
  if (word.endsWith("o")) out.add(`${word}es`);
  if (/[^aeiou]y$/.test(word)) {
    const base = word.slice(0, -1);
    out.add(`${base}ies`).add(`${base}ied`).add(`${word}ing`);
  } else if (word.endsWith("e")) {
    out.add(`${word}d`).add(word.endsWith("ee") ? `${word}ing` : `${word.slice(0, -1)}ing`);
  } else {
    out.add(`${word}ed`).add(`${word}ing`);
  }
  // A final consonant after one vowel may double: plan → planned, commit → committing.
  if (/(?:^|[^aeiou])[aeiou][bdgklmnprt]$/.test(word)) {
    const last = word.at(-1)!;
    out.add(`${word}${last}ed`).add(`${word}${last}ing`);
  }
  return [...out];
}

function parseAlternative(source: string, alt: string): WordTest[] {
  if (alt === "*") return [{ kind: "any" }];
  let body = alt;
  const exact = body.startsWith("=");
  if (exact) body = body.slice(1);
  const stemmed = !exact && body.startsWith("~");
  if (stemmed) body = body.slice(1);
  const prefix = body.length > 1 && body.endsWith("*");
  if (prefix) body = body.slice(0, -1);
  body = body.replace(POSSESSIVE_END, "");
  if (!body) throw new PatternError(source, `"${alt}" has no word in it`);
  const words: string[] = [];
  let covered = 0;
  let gap = "";
  forEachToken(body, (token, start, end) => {
    gap += body.slice(covered, start);
    covered = end;
    hyphenParts(token, (part) => words.push(lowerForm(part)));
  });
  gap += body.slice(covered);
  const stray = gap.replace(/[-‐‑]/gu, "");
  if (stray || !words.length) {
    const chars = [...new Set(stray || body)].join("");
    throw new PatternError(
      source,
      `"${alt}" has characters that are never part of a word: "${chars}" (operators: =word, ~word, word*, *, a|b)`,
    );
  }
  return words.map((w, i): WordTest =>
    prefix && i === words.length - 1
      ? { kind: "prefix", value: w }
      : exact
      ? { kind: "exact", value: w }
      : stemmed
      ? { kind: "stem", value: stemOf(w) }
      : { kind: "word", value: w, forms: inflectionsOf(w) }
  );
}

/**
 * Parses a pattern; throws a {@link PatternError} with a readable reason when it is not valid.
 *
 * @example
 * parsePattern("crisis at|on border").slots.length; // 3
 */
export function parsePattern(source: string): PhrasePattern {
  if (typeof source !== "string") throw new PatternError(String(source), "is not a string");
  const slotTexts = source.trim().split(/\s+/u).filter(Boolean);
  if (!slotTexts.length) throw new PatternError(source, "is empty");
  const slots = slotTexts.map((slot) => {
    const alternatives = slot.split("|");
    if (alternatives.some((a) => a === "")) {
      throw new PatternError(source, `"${slot}" has an empty alternative (a stray "|")`);
    }
    return alternatives.map((alt) => parseAlternative(source, alt));
  });
  return { source, slots };
}

/**
 * The word parts of a token stream: every token split at its hyphens, with lower form, stem,
 * offsets (into the article's text) and the token it came from. Row i of every array is part i.
 */
export interface WordParts {
  lower: string[];
  stem: string[];
  /** Interned id of each part's lower form and stem (see {@link internedWord}). */
  lowerId: Int32Array;
  stemId: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Index of the token the part comes from. */
  token: Int32Array;
  /** Part index where each sentence starts, plus a final entry for the end. */
  sentenceStarts: number[];
  /** Token index of the first token of each sentence (for its ids). */
  sentenceFirstToken: number[];
}

/** The interned id of a lower form or stem, or -1 when no text seen so far has it. */
export function internedWord(kind: "lower" | "stem", s: string): number {
  return (kind === "lower" ? LOWER_IDS : STEM_IDS).ids.get(s) ?? -1;
}

const partsCache = new WeakMap<TokenColumns, { length: number; parts: WordParts }>();

/** Builds (once per token columns, then cached) the {@link WordParts} of a token stream. */
export function wordParts(tokens: TokenColumns): WordParts {
  const cached = partsCache.get(tokens);
  if (cached && cached.length === tokens.length) return cached.parts;
  const n = tokens.length;
  // Most tokens are one part, so the token count is about the size: the columns are allocated
  // at it and filled by index (a push per part and column costs several times more),
  // the numeric ones are typed.
  // Room for hyphenated tokens' extra parts too (a few in a hundred tokens), so that the
  // columns are not copied to grow.
  const out = new PartColumns(n + (n >> 4) + 16);
  // Segmenting numbered each token's lower form and stem already (see TokenColumns).
  const numbered = tokens.lowerId.length === n && tokens.stemId.length === n;
  const sentenceStarts: number[] = [];
  const sentenceFirstToken: number[] = [];
  let sentenceId: string | undefined;
  for (let t = 0; t < n; t++) {
    if (tokens.sentenceId[t] !== sentenceId) {
      sentenceId = tokens.sentenceId[t];
      sentenceStarts.push(out.length);
      sentenceFirstToken.push(t);
    }
    const token = tokens.token[t];
    const offset = tokens.start[t];
    if (!hasHyphen(token)) {
      // Most tokens have no hyphen: one part, the token itself.
      out.add(
        tokens.lower[t],
        tokens.stem[t],
        numbered ? tokens.lowerId[t] : LOWER_IDS.id(tokens.lower[t]),
        numbered ? tokens.stemId[t] : STEM_IDS.id(tokens.stem[t]),
        offset,
        tokens.end[t],
        t,
      );
      continue;
    }
    hyphenParts(token, (part, s, e) => {
      const lower = part === token ? tokens.lower[t] : lowerForm(part);
      const stem = part === token ? tokens.stem[t] : stemOf(lower);
      out.add(lower, stem, LOWER_IDS.id(lower), STEM_IDS.id(stem), offset + s, offset + e, t);
    });
  }
  sentenceStarts.push(out.length);
  const parts = { ...out.done(), sentenceStarts, sentenceFirstToken };
  partsCache.set(tokens, { length: n, parts });
  return parts;
}

/** The per-part columns of {@link wordParts} while they are filled. */
class PartColumns {
  length = 0;
  #lower: string[];
  #stem: string[];
  #ints: Int32Array[];

  constructor(readonly capacity: number) {
    this.#lower = new Array<string>(capacity);
    this.#stem = new Array<string>(capacity);
    // lowerId, stemId, start, end, token.
    this.#ints = Array.from({ length: 5 }, () => new Int32Array(Math.max(capacity, 16)));
  }

  /** Appends one part. */
  add(
    lower: string,
    stem: string,
    lowerId: number,
    stemId: number,
    start: number,
    end: number,
    token: number,
  ): void {
    const i = this.length++;
    if (i < this.capacity) {
      this.#lower[i] = lower;
      this.#stem[i] = stem;
    } else {
      this.#lower.push(lower);
      this.#stem.push(stem);
    }
    let ints = this.#ints;
    if (i === ints[0].length) ints = this.#ints = ints.map((a) => withRoom(a, i + 1));
    ints[0][i] = lowerId;
    ints[1][i] = stemId;
    ints[2][i] = start;
    ints[3][i] = end;
    ints[4][i] = token;
  }

  /** The columns, cut to the parts added. */
  done(): Omit<WordParts, "sentenceStarts" | "sentenceFirstToken"> {
    this.#lower.length = this.length;
    this.#stem.length = this.length;
    const [lowerId, stemId, start, end, token] = this.#ints.map((a) => a.subarray(0, this.length));
    return { lower: this.#lower, stem: this.#stem, lowerId, stemId, start, end, token };
  }
}

function wordMatches(test: WordTest, parts: WordParts, i: number): boolean {
  switch (test.kind) {
    case "word":
      return test.forms.includes(parts.lower[i]);
    case "stem":
      return parts.stem[i] === test.value;
    case "exact":
      return parts.lower[i] === test.value;
    case "prefix":
      return parts.lower[i].startsWith(test.value);
    case "any":
      return true;
  }
}

/** The end (exclusive part index) of the longest match of `slots[si…]` at `pos`, or -1. */
function matchFrom(
  slots: WordTest[][][],
  si: number,
  parts: WordParts,
  pos: number,
  end: number,
): number {
  if (si === slots.length) return pos;
  let best = -1;
  for (const alt of slots[si]) {
    if (pos + alt.length > end) continue;
    let ok = true;
    for (let j = 0; j < alt.length && ok; j++) ok = wordMatches(alt[j], parts, pos + j);
    if (ok) best = Math.max(best, matchFrom(slots, si + 1, parts, pos + alt.length, end));
  }
  return best;
}

/** One match: the entry matched and its span of parts `[start, end)`. */
export interface PhraseMatch<T> {
  entry: T;
  start: number;
  end: number;
}

interface MatcherItem<T> {
  pattern: PhrasePattern;
  entry: T;
  group: number;
  order: number;
}

/**
 * A set of patterns, each carrying a payload (a frame, a search) and a group, compiled for
 * matching. Within one group, matches do not overlap: scanning left to right, the longest match
 * at a position wins (ties go to the pattern listed first) and the group's scanning resumes after
 * it. Different groups match independently, so one group per set of competing names (one framing
 * dimension) keeps "undocumented immigrant" from also counting as a bare "immigrant" while another
 * dimension may still match "security" inside "border security operation".
 *
 * All groups are scanned in one pass: each word position costs two array look-ups (by the
 * interned ids of its stem and of its lower form), whatever the number of patterns.
 */
export class PhraseMatcher<T> {
  /** Items whose first word is a stem, by the stem's interned id. */
  private readonly byStemId: (MatcherItem<T>[] | undefined)[] = [];
  /** Items whose first word is a word, exact or a prefix, by the interned ids of the forms they match. */
  private readonly byLowerId: (MatcherItem<T>[] | undefined)[] = [];
  private readonly stemFirst: { stem: string; item: MatcherItem<T> }[] = [];
  private readonly exactFirst: { lower: string; item: MatcherItem<T> }[] = [];
  private readonly prefixFirst: { prefix: string; item: MatcherItem<T> }[] = [];
  private readonly anywhere: MatcherItem<T>[] = [];
  private readonly groups: number;
  /** How many interned stems and lower forms the id indexes cover. */
  private stemsIndexed = 0;
  private lowersIndexed = 0;

  constructor(entries: Iterable<{ pattern: PhrasePattern; entry: T; group?: number }>) {
    let order = 0;
    let groups = 1;
    for (const { pattern, entry, group = 0 } of entries) {
      const item = { pattern, entry, group, order: order++ };
      groups = Math.max(groups, group + 1);
      if (pattern.slots[0].some((alt) => alt[0].kind === "any")) {
        this.anywhere.push(item);
        continue;
      }
      for (const alt of pattern.slots[0]) {
        const first = alt[0];
        if (first.kind === "stem") this.stemFirst.push({ stem: first.value, item });
        else if (first.kind === "exact") this.exactFirst.push({ lower: first.value, item });
        else if (first.kind === "word") {
          for (const lower of first.forms) this.exactFirst.push({ lower, item });
        } else if (first.kind === "prefix") this.prefixFirst.push({ prefix: first.value, item });
      }
    }
    this.groups = groups;
  }

  /**
   * Brings the id indexes up to date with every word interned so far (texts segmented after the
   * matcher was built bring new words). Stem and exact items are placed by a look-up; prefix
   * items by testing each new lower form once.
   */
  private index(): void {
    const add = (table: (MatcherItem<T>[] | undefined)[], id: number, item: MatcherItem<T>) => {
      const list = table[id] ?? (table[id] = []);
      if (!list.includes(item)) list.push(item);
    };
    if (this.stemsIndexed < STEM_IDS.strings.length) {
      for (const { stem, item } of this.stemFirst) {
        const id = STEM_IDS.ids.get(stem);
        if (id !== undefined && id >= this.stemsIndexed) add(this.byStemId, id, item);
      }
      this.stemsIndexed = STEM_IDS.strings.length;
    }
    if (this.lowersIndexed < LOWER_IDS.strings.length) {
      for (const { lower, item } of this.exactFirst) {
        const id = LOWER_IDS.ids.get(lower);
        if (id !== undefined && id >= this.lowersIndexed) add(this.byLowerId, id, item);
      }
      if (this.prefixFirst.length) {
        for (let id = this.lowersIndexed; id < LOWER_IDS.strings.length; id++) {
          const lower = LOWER_IDS.strings[id];
          for (const { prefix, item } of this.prefixFirst) {
            if (lower.startsWith(prefix)) add(this.byLowerId, id, item);
          }
        }
      }
      this.lowersIndexed = LOWER_IDS.strings.length;
    }
  }

  /** Calls `visit` for each match in parts `[from, to)` (one sentence), in text order. */
  scan(parts: WordParts, from: number, to: number, visit: (match: PhraseMatch<T>) => void): void {
    this.index();
    const groups = this.groups;
    const resume = new Array<number>(groups).fill(from);
    const bestEnd = new Array<number>(groups);
    const best = new Array<MatcherItem<T> | undefined>(groups);
    const anywhere = this.anywhere.length ? this.anywhere : undefined;
    for (let pos = from; pos < to; pos++) {
      const stem = this.byStemId[parts.stemId[pos]];
      const lower = this.byLowerId[parts.lowerId[pos]];
      if (!stem && !lower && !anywhere) continue;
      bestEnd.fill(-1);
      best.fill(undefined);
      const consider = (items: MatcherItem<T>[] | undefined) => {
        if (!items) return;
        for (const item of items) {
          const g = item.group;
          if (pos < resume[g]) continue;
          const end = matchFrom(item.pattern.slots, 0, parts, pos, to);
          if (end <= pos) continue;
          const current = best[g];
          if (end > bestEnd[g] || (end === bestEnd[g] && current && item.order < current.order)) {
            bestEnd[g] = end;
            best[g] = item;
          }
        }
      };
      consider(stem);
      consider(lower);
      consider(anywhere);
      for (let g = 0; g < groups; g++) {
        const item = best[g];
        if (!item) continue;
        visit({ entry: item.entry, start: pos, end: bestEnd[g] });
        resume[g] = bestEnd[g];
      }
    }
  }

  /** Calls `visit` for each match in every sentence of `parts`, with the sentence's index. */
  scanAll(parts: WordParts, visit: (match: PhraseMatch<T>, sentence: number) => void): void {
    for (let s = 0; s + 1 < parts.sentenceStarts.length; s++) {
      this.scan(parts, parts.sentenceStarts[s], parts.sentenceStarts[s + 1], (m) => visit(m, s));
    }
  }
}
