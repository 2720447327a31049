/**
 * British and American spellings of one word ("colour"/"color", "programme"/"program"), so the
 * term statistics can count them as one term. An outlet that writes
 * British English otherwise "over-uses" every word it spells its own way, and keyness between a
 * London and a New York outlet lists spellings instead of what each says.
 *
 * The pairs are data (`data/spelling/variants.json`, built by `deno task build:spelling` from
 * MIT-licensed word lists, see data/spelling/SOURCES.md): a word is respelt only where the other
 * variety's speller rejects it, so "analyses", "tonne", "dialogue" and "program" stay as written.
 * @module
 */

import { z } from "zod";
import variantData from "../../data/spelling/variants.json" with { type: "json" };
import type { TokenColumns } from "./segment.ts";
import { LOWER_IDS } from "./tokens.ts";

/** The spelling terms are counted in: as written (the default), or one variety's. */
export type Spelling = "as-written" | "american" | "british";

/**
 * The words respelt into one variety, lower case, and the words for a sign ("per cent",
 * "percent", "pct" for %), which outlets write or not by house style: they map to "" (no term).
 */
export interface SpellingVariants {
  /** Word → the variety's spelling ("colour" → "color"), or "" for a sign's word ("percent"). */
  words: ReadonlyMap<string, string>;
  /** First word → second words of a sign's two-word form ("per" → {"cent"}). */
  phrases: ReadonlyMap<string, ReadonlySet<string>>;
}

const lowerWord = z.string().regex(/^[a-z][a-z'-]*$/, "a lower-case word");
const pairs = z.record(lowerWord, lowerWord);
const signWord = z.string().regex(/^[a-z]+( [a-z]+)?$/, "one or two lower-case words");

/** The schema of `data/spelling/variants.json`. */
export const SpellingDataSchema = z.object({
  source: z.string().min(1),
  licence: z.string().min(1),
  sign_words: z.array(signWord),
  american: pairs,
  british: pairs,
});

const DATA = SpellingDataSchema.parse(variantData);
const cache = new Map<Exclude<Spelling, "as-written">, SpellingVariants>();

/**
 * The respellings into `variety`, from the shipped data.
 *
 * @example
 * ```ts
 * import { spellingVariants } from "newsframe/text";
 *
 * const us = spellingVariants("american");
 * console.log(us.words.get("colour"), us.words.get("analyses"), us.phrases.get("per")?.has("cent"));
 * // color undefined true
 * ```
 */
export function spellingVariants(variety: Exclude<Spelling, "as-written">): SpellingVariants {
  let found = cache.get(variety);
  if (found) return found;
  const words = new Map(Object.entries(DATA[variety]));
  const phrases = new Map<string, Set<string>>();
  for (const sign of DATA.sign_words) {
    const [first, second] = sign.split(" ");
    if (second === undefined) words.set(first, "");
    else phrases.set(first, (phrases.get(first) ?? new Set()).add(second));
  }
  found = { words, phrases };
  cache.set(variety, found);
  return found;
}

/** Whether `value` names a {@link Spelling}. */
export function isSpelling(value: string): value is Spelling {
  return value === "as-written" || value === "american" || value === "british";
}

/** Words of one outlet spelt only the British or only the American way. */
export interface SpellingTally {
  /** Words spelt only the British way ("colour", "organised"). */
  british: number;
  /** Words spelt only the American way ("color", "organized"). */
  american: number;
}

/**
 * Per outlet, how many of its words are spelt only the British way ("colour") and how many only
 * the American way ("color"): a corpus whose outlets differ here shows spellings as key terms.
 * Capitalised words inside a sentence are names and not counted ("Labour").
 *
 * @example
 * ```ts
 * import { analyzeCorpus } from "newsframe";
 * import { spellingTally } from "newsframe/text";
 *
 * const { tokens } = await analyzeCorpus("seeds");
 * console.log(spellingTally(tokens)); // outlet → { british, american }
 * ```
 */
export function spellingTally(tokens: TokenColumns): Map<string, SpellingTally> {
  const british = spellingVariants("american").words;
  const american = spellingVariants("british").words;
  // A sign's word maps to "" in both: neither variety's.
  const varietyOf = (lower: string) =>
    british.get(lower) ? BRITISH : american.get(lower) ? AMERICAN : NEITHER;
  // Every run pays for this count, so each distinct word is looked up once, by its number.
  const numbered = tokens.lowerId.length === tokens.length;
  const memo = new Uint8Array(numbered ? LOWER_IDS.strings.length : 0);
  const out = new Map<string, SpellingTally>();
  for (let i = 0; i < tokens.length; i++) {
    const id = numbered ? tokens.lowerId[i] : -1;
    const known = id >= 0 && id < memo.length;
    let variety = known ? memo[id] : 0;
    if (variety === 0) {
      variety = varietyOf(tokens.lower[i]);
      if (known) memo[id] = variety;
    }
    if (variety === NEITHER || isNameToken(tokens, i)) continue;
    const outlet = tokens.outlet[i];
    let row = out.get(outlet);
    if (!row) out.set(outlet, row = { british: 0, american: 0 });
    if (variety === BRITISH) row.british++;
    else row.american++;
  }
  return out;
}

const BRITISH = 1;
const AMERICAN = 2;
const NEITHER = 3;

/**
 * Whether token `i` is a capitalised word inside its sentence: a name ("Labour", "Ministry of
 * Defence"), whose spelling is never respelt nor counted as a variety's.
 */
export function isNameToken(tokens: TokenColumns, i: number): boolean {
  return tokens.position[i] > 0 && /^\p{Lu}/u.test(tokens.token[i]);
}
