/**
 * Phrase patterns: the small language that framing lexicons and KWIC share, and the matcher that
 * runs them over the token columns.
 *
 * A pattern is words separated by spaces:
 * - a plain word matches any word with the same Porter stem, whatever its case: `sanction`
 *   matches "Sanctions", "sanctioned"; `special military operation` matches "Special Military
 *   Operations";
 * - `=word` matches that exact word, case aside (`=US` matches "us" and "US", never "u.s.");
 * - `word*` matches any word that begins with "word" (`declin*`: "decline", "declining");
 * - `*` alone matches any one word;
 * - `a|b|c` matches any of the alternatives at that place (`war against|in|on ukraine`); an
 *   alternative may itself be several hyphenated words (`no-limits|unlimited partnership`).
 *
 * Hyphens separate words on both sides, so `no-limits` matches "no-limits", "No Limits" and
 * "no limits", and `full-scale invasion` matches "full scale invasion". Possessives are dropped as
 * in the text ("Russia's" is the word "Russia"), and stopwords are matched like any word, so
 * `war in ukraine` works. Matches never cross a sentence boundary.
 * @module
 */

import type { TokenColumns } from "../text/segment.ts";
import { forEachToken, lowerForm, stemOf } from "../text/tokens.ts";

/** A pattern that cannot be parsed; the message says what is wrong and where. */
export class PatternError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`pattern "${pattern}": ${reason}`);
    this.name = "PatternError";
  }
}

/** What one word of a pattern matches. */
export type WordTest =
  | { kind: "stem"; value: string }
  | { kind: "exact"; value: string }
  | { kind: "prefix"; value: string }
  | { kind: "any" };

/** A parsed pattern: slots in order; each slot is a list of alternatives; each alternative a word sequence. */
export interface PhrasePattern {
  source: string;
  slots: WordTest[][][];
}

const HYPHEN = /[-‐‑]/u;
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

function parseAlternative(source: string, alt: string): WordTest[] {
  if (alt === "*") return [{ kind: "any" }];
  let body = alt;
  const exact = body.startsWith("=");
  if (exact) body = body.slice(1);
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
      `"${alt}" has characters that are never part of a word: "${chars}" (operators: =word, word*, *, a|b)`,
    );
  }
  return words.map((w, i): WordTest =>
    prefix && i === words.length - 1
      ? { kind: "prefix", value: w }
      : exact
      ? { kind: "exact", value: w }
      : { kind: "stem", value: stemOf(w) }
  );
}

/**
 * Parses a pattern; throws a {@link PatternError} with a readable reason when it is not valid.
 *
 * @example
 * parsePattern("war against|in ukraine").slots.length; // 3
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
  start: number[];
  end: number[];
  /** Index of the token the part comes from. */
  token: number[];
  /** Part index where each sentence starts, plus a final entry for the end. */
  sentenceStarts: number[];
  /** Token index of the first token of each sentence (for its ids). */
  sentenceFirstToken: number[];
}

const partsCache = new WeakMap<TokenColumns, { length: number; parts: WordParts }>();

/** Builds (once per token columns, then cached) the {@link WordParts} of a token stream. */
export function wordParts(tokens: TokenColumns): WordParts {
  const cached = partsCache.get(tokens);
  if (cached && cached.length === tokens.length) return cached.parts;
  const parts: WordParts = {
    lower: [],
    stem: [],
    start: [],
    end: [],
    token: [],
    sentenceStarts: [],
    sentenceFirstToken: [],
  };
  let sentenceId: string | undefined;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens.sentenceId[t] !== sentenceId) {
      sentenceId = tokens.sentenceId[t];
      parts.sentenceStarts.push(parts.lower.length);
      parts.sentenceFirstToken.push(t);
    }
    const token = tokens.token[t];
    const offset = tokens.start[t];
    hyphenParts(token, (part, s, e) => {
      const lower = part === token ? tokens.lower[t] : lowerForm(part);
      parts.lower.push(lower);
      parts.stem.push(part === token ? tokens.stem[t] : stemOf(lower));
      parts.start.push(offset + s);
      parts.end.push(offset + e);
      parts.token.push(t);
    });
  }
  parts.sentenceStarts.push(parts.lower.length);
  partsCache.set(tokens, { length: tokens.length, parts });
  return parts;
}

function wordMatches(test: WordTest, parts: WordParts, i: number): boolean {
  switch (test.kind) {
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

/**
 * A set of patterns, each carrying a payload (a frame, a search), compiled for matching. Within
 * one matcher, matches do not overlap: scanning left to right, the longest match at a position
 * wins (ties go to the pattern listed first) and scanning resumes after it. Use one matcher per
 * set of competing names (one framing dimension), so "full-scale invasion" is not also counted
 * as a bare "invasion".
 */
export class PhraseMatcher<T> {
  private readonly byKey = new Map<string, { pattern: PhrasePattern; entry: T; order: number }[]>();
  private readonly anywhere: { pattern: PhrasePattern; entry: T; order: number }[] = [];

  constructor(entries: Iterable<{ pattern: PhrasePattern; entry: T }>) {
    let order = 0;
    for (const { pattern, entry } of entries) {
      const item = { pattern, entry, order: order++ };
      const keys = new Set<string>();
      let indexable = true;
      for (const alt of pattern.slots[0]) {
        const first = alt[0];
        if (first.kind === "stem") keys.add(`s:${first.value}`);
        else if (first.kind === "exact") keys.add(`l:${first.value}`);
        else indexable = false;
      }
      if (!indexable) this.anywhere.push(item);
      else {
        for (const key of keys) {
          const list = this.byKey.get(key) ?? [];
          list.push(item);
          this.byKey.set(key, list);
        }
      }
    }
  }

  /** Calls `visit` for each match in parts `[from, to)` (one sentence), left to right. */
  scan(parts: WordParts, from: number, to: number, visit: (match: PhraseMatch<T>) => void): void {
    let pos = from;
    while (pos < to) {
      let bestEnd = -1;
      let best: { entry: T; order: number } | undefined;
      const consider = (
        items: { pattern: PhrasePattern; entry: T; order: number }[] | undefined,
      ) => {
        if (!items) return;
        for (const item of items) {
          const end = matchFrom(item.pattern.slots, 0, parts, pos, to);
          if (end > bestEnd || (end === bestEnd && end > 0 && best && item.order < best.order)) {
            bestEnd = end;
            best = item;
          }
        }
      };
      consider(this.byKey.get(`s:${parts.stem[pos]}`));
      consider(this.byKey.get(`l:${parts.lower[pos]}`));
      consider(this.anywhere);
      if (best && bestEnd > pos) {
        visit({ entry: best.entry, start: pos, end: bestEnd });
        pos = bestEnd;
      } else pos++;
    }
  }

  /** Calls `visit` for each match in every sentence of `parts`, with the sentence's index. */
  scanAll(parts: WordParts, visit: (match: PhraseMatch<T>, sentence: number) => void): void {
    for (let s = 0; s + 1 < parts.sentenceStarts.length; s++) {
      this.scan(parts, parts.sentenceStarts[s], parts.sentenceStarts[s + 1], (m) => visit(m, s));
    }
  }
}
