/**
 * VADER sentence sentiment (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text", ICWSM-14) on the kit's word tokens, with VADER's own
 * lexicon (7,500 entries rated −4 to +4, from the `vader-sentiment` npm package, Apache-2.0).
 *
 * The rules are VADER's: a word's valence is shifted by boosters and dampeners among the three
 * words before it ("very good", "barely good", weighed less the farther they are); flipped and
 * damped (× −0.74) by a negation among those three words ("not good", "didn't win", "never been
 * good"), so negation reaches three words and no farther; raised by ALL CAPS when the rest of
 * the sentence is not in caps; "but" halves what comes before it and raises what follows by
 * half; "least" negates ("least good", not "at least"); a few idioms; "!" and "?" emphasis. The
 * sum is normalised to the compound score in [−1, 1] as x / √(x² + 15).
 *
 * Where this differs from the npm port (which the tests compare it against): words are the
 * kit's tokens (a curly apostrophe reads as a straight one, so "didn’t" negates as "didn't"
 * does; the port misses it); negations, "never", "least" and "but" are found in any case ("But"
 * at the start of a sentence counts, as in the Python original). Emoticons are not tokens here.
 * @module
 */

import { lexicon as VADER_LEXICON } from "vader-sentiment/lexicon";
import { forEachToken, lowerForm } from "../text/tokens.ts";

const LEXICON = new Map<string, number>(Object.entries(VADER_LEXICON as Record<string, number>));

/** Booster increment and damper decrement (VADER's empirically derived means). */
const B_INCR = 0.293;
const B_DECR = -0.293;
/** Increment for a sentiment word in ALL CAPS. */
const C_INCR = 0.733;
/** What a negation multiplies a valence by. */
const N_SCALAR = -0.74;

const NEGATE = new Set([
  "aint",
  "arent",
  "cannot",
  "cant",
  "couldnt",
  "darent",
  "didnt",
  "doesnt",
  "ain't",
  "aren't",
  "can't",
  "couldn't",
  "daren't",
  "didn't",
  "doesn't",
  "dont",
  "hadnt",
  "hasnt",
  "havent",
  "isnt",
  "mightnt",
  "mustnt",
  "neither",
  "don't",
  "hadn't",
  "hasn't",
  "haven't",
  "isn't",
  "mightn't",
  "mustn't",
  "neednt",
  "needn't",
  "never",
  "none",
  "nope",
  "nor",
  "not",
  "nothing",
  "nowhere",
  "oughtnt",
  "shant",
  "shouldnt",
  "uhuh",
  "wasnt",
  "werent",
  "oughtn't",
  "shan't",
  "shouldn't",
  "uh-uh",
  "wasn't",
  "weren't",
  "without",
  "wont",
  "wouldnt",
  "won't",
  "wouldn't",
  "rarely",
  "seldom",
  "despite",
]);

const BOOSTERS = new Map<string, number>([
  ...[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fucking",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredibly",
    "intensely",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "totally",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utterly",
    "very",
  ].map((w): [string, number] => [w, B_INCR]),
  ...[
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginally",
    "occasionally",
    "partly",
    "scarcely",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
  ].map((w): [string, number] => [w, B_DECR]),
]);

const IDIOMS = new Map<string, number>([
  ["the shit", 3],
  ["the bomb", 3],
  ["bad ass", 1.5],
  ["yeah right", -2],
  ["cut the mustard", 2],
  ["kiss of death", -1.5],
  ["hand to mouth", -2],
]);

/** VADER's scores of one sentence. */
export interface VaderScore {
  /** The normalised sum, −1 (most negative) to +1 (most positive). */
  compound: number;
  /** Shares of the sentence's words that are positive, neutral and negative (sum to 1). */
  pos: number;
  neu: number;
  neg: number;
  /** The valence sum before normalisation (punctuation emphasis included). */
  sum: number;
  /** Words found in VADER's lexicon. */
  hits: number;
  /** A sentiment word had its valence flipped by a negation before it. */
  negated: boolean;
}

/** A negation word: one of VADER's list, or any word with "n't" in it. */
export function isNegation(lower: string): boolean {
  return NEGATE.has(lower) || lower.includes("n't");
}

/** Python's `str.isupper`: some cased letter, none lower case (`lower` is the word's lower form). */
function isUpper(word: string, lower: string): boolean {
  // Most words are lower case already: no regular expression for them.
  return word !== lower && /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

function boosterScalar(word: string, lower: string, valence: number, capDiff: boolean): number {
  let scalar = BOOSTERS.get(lower) ?? 0;
  if (scalar === 0) return 0;
  if (valence < 0) scalar = -scalar;
  if (capDiff && isUpper(word, lower)) scalar += valence > 0 ? C_INCR : -C_INCR;
  return scalar;
}

/**
 * VADER's scores for a sentence given as its words (surface forms, case kept: caps count) and,
 * for "!" and "?" emphasis, its text; `lowerForms`, when the caller has them, are the words'
 * lower forms (curly apostrophes straight). One-letter words are left out, as VADER does.
 *
 * @example
 * vaderScore(["He", "didn't", "win", "the", "vote"]).compound; // -0.4717
 */
export function vaderScore(
  tokens: readonly string[],
  text = "",
  lowerForms?: readonly string[],
): VaderScore {
  const words: string[] = [];
  const lower: string[] = [];
  let caps = 0;
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k];
    if (w.length < 2) continue;
    const l = lowerForms?.[k] ?? lowerForm(w);
    words.push(w);
    lower.push(l);
    if (isUpper(w, l)) caps++;
  }
  const n = words.length;
  const capDiff = caps > 0 && caps < n;
  const sentiments: number[] = [];
  let hits = 0;
  let negated = false;
  for (let i = 0; i < n; i++) {
    const li = lower[i];
    if (BOOSTERS.has(li) || (li === "kind" && lower[i + 1] === "of")) {
      sentiments.push(0);
      continue;
    }
    let valence = LEXICON.get(li);
    if (valence === undefined) {
      sentiments.push(0);
      continue;
    }
    hits++;
    if (capDiff && isUpper(words[i], li)) valence += valence > 0 ? C_INCR : -C_INCR;
    for (let s = 0; s < 3; s++) {
      const j = i - (s + 1);
      if (j < 0 || LEXICON.has(lower[j])) continue;
      let scalar = boosterScalar(words[j], lower[j], valence, capDiff);
      if (s === 1) scalar *= 0.95;
      if (s === 2) scalar *= 0.9;
      valence += scalar;
      // Negation within three words; "never so/this good" intensifies instead.
      const before = valence;
      if (s === 0) {
        if (isNegation(lower[i - 1])) valence *= N_SCALAR;
      } else if (s === 1) {
        if (lower[i - 2] === "never" && (lower[i - 1] === "so" || lower[i - 1] === "this")) {
          valence *= 1.5;
        } else if (isNegation(lower[i - 2])) valence *= N_SCALAR;
      } else {
        if (
          (lower[i - 3] === "never" && (lower[i - 2] === "so" || lower[i - 2] === "this")) ||
          lower[i - 1] === "so" || lower[i - 1] === "this"
        ) {
          valence *= 1.25;
        } else if (isNegation(lower[i - 3])) valence *= N_SCALAR;
        valence = idiom(valence, lower, i);
      }
      if (Math.sign(before) !== Math.sign(valence) && before !== 0) negated = true;
    }
    // "least good" is negative; "at least" and "very least" are not.
    if (i > 0 && lower[i - 1] === "least" && !LEXICON.has("least")) {
      if (i === 1 || (lower[i - 2] !== "at" && lower[i - 2] !== "very")) {
        valence *= N_SCALAR;
        negated = true;
      }
    }
    sentiments.push(valence);
  }
  const but = lower.indexOf("but");
  if (but !== -1) {
    for (let i = 0; i < sentiments.length; i++) {
      if (i < but) sentiments[i] *= 0.5;
      else if (i > but) sentiments[i] *= 1.5;
    }
  }
  return scoreValence(sentiments, text, hits, negated);
}

/** Idioms and two-word dampeners as word lists, by their first word (no strings built per word). */
const IDIOM_LISTS = new Map<string, { words: string[]; valence: number }[]>();
for (const [idiom, valence] of IDIOMS) {
  const words = idiom.split(" ");
  IDIOM_LISTS.set(words[0], [...(IDIOM_LISTS.get(words[0]) ?? []), { words, valence }]);
}
const TWO_WORD_BOOSTERS = [...BOOSTERS.keys()].filter((k) => k.includes(" ")).map((k) =>
  k.split(" ")
);

/** The valence of the idiom of `len` words starting at `start`, if there is one. */
function idiomAt(lower: string[], start: number, len: number): number | undefined {
  if (start < 0 || start + len > lower.length) return undefined;
  const candidates = IDIOM_LISTS.get(lower[start]);
  if (!candidates) return undefined;
  for (const { words, valence } of candidates) {
    if (words.length !== len) continue;
    let k = 1;
    while (k < len && lower[start + k] === words[k]) k++;
    if (k === len) return valence;
  }
  return undefined;
}

function twoWordBoosterAt(lower: string[], start: number): boolean {
  return start >= 0 &&
    TWO_WORD_BOOSTERS.some(([a, b]) => lower[start] === a && lower[start + 1] === b);
}

/** VADER's idioms, and the "kind of" / "sort of" dampeners written as two words. */
function idiom(valence: number, lower: string[], i: number): number {
  // The sequences VADER checks, in its order: (i-1, i), (i-2 … i), (i-2, i-1), (i-3 … i-1),
  // (i-3, i-2); the first idiom found sets the valence.
  const before: [number, number][] = [[i - 1, 2], [i - 2, 3], [i - 2, 2], [i - 3, 3], [i - 3, 2]];
  for (const [start, len] of before) {
    const v = idiomAt(lower, start, len);
    if (v !== undefined) {
      valence = v;
      break;
    }
  }
  // Idioms starting at the word itself override.
  const two = idiomAt(lower, i, 2);
  if (two !== undefined) valence = two;
  const three = idiomAt(lower, i, 3);
  if (three !== undefined) valence = three;
  if (twoWordBoosterAt(lower, i - 3) || twoWordBoosterAt(lower, i - 2)) valence += B_DECR;
  return valence;
}

function scoreValence(
  sentiments: number[],
  text: string,
  hits: number,
  negated: boolean,
): VaderScore {
  if (!sentiments.length) {
    return { compound: 0, pos: 0, neu: 0, neg: 0, sum: 0, hits, negated };
  }
  let sum = sentiments.reduce((a, b) => a + b, 0);
  const exclamations = Math.min(4, (text.match(/!/g) ?? []).length);
  const questions = (text.match(/\?/g) ?? []).length;
  const emphasis = exclamations * 0.292 +
    (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
  let pos = 0;
  let neg = 0;
  let neu = 0;
  for (const s of sentiments) {
    if (s > 0) pos += s + 1;
    else if (s < 0) neg += s - 1;
    else neu++;
  }
  if (pos > Math.abs(neg)) pos += emphasis;
  else if (pos < Math.abs(neg)) neg -= emphasis;
  const total = pos + Math.abs(neg) + neu;
  return {
    compound,
    pos: Math.abs(pos / total),
    neu: Math.abs(neu / total),
    neg: Math.abs(neg / total),
    sum,
    hits,
    negated,
  };
}

/**
 * VADER's scores of a piece of text, tokenised as the kit tokenises articles.
 *
 * @example
 * vaderText("VADER is smart, handsome, and funny.").compound; // 0.8316 (rounded)
 */
export function vaderText(text: string): VaderScore {
  const words: string[] = [];
  forEachToken(text, (token) => words.push(token));
  return vaderScore(words, text);
}
