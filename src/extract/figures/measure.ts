/**
 * What a figure measures, when its clause names it: "revenue rose 3.1% to $15.7 billion" (both
 * revenue), "adjusted earnings of $1.71 per share" (adjusted profit), "killing at least 12" and
 * "the death toll rose to 46" (dead), "3 people injured" (injured). Revenue against profit, or
 * the dead against the injured, are different quantities, not a disagreement.
 *
 * The nearest measure before the figure in its clause, else one right after a count ("46
 * dead", "42 people have been killed") or after a preposition ("$58 billion in revenue"). The
 * search stops at the end of the clause, a comma, another amount (a range or an apposition
 * takes its first figure's measure) and at a word that introduces a comparison ("from").
 * @module
 */

import { z } from "zod";
import defaults from "../../../data/figures/measures.json" with { type: "json" };
import { lowerCase, type Word } from "../words.ts";
import type { FigureWords } from "../figure_words.ts";
import type { PeriodWords } from "./period.ts";
import {
  AMOUNT_KINDS,
  endsClause,
  joined,
  leadOf,
  parseFigureData,
  phraseAt,
  type Phrases,
  phrasesOf,
  type Placed,
  readFigureData,
  wordList,
  wordsFrom,
} from "./scan.ts";

/** The schema of `data/figures/measures.json`. */
export const MeasureWordsSchema = z.object({
  description: z.string().optional(),
  measures: z.record(z.string().min(1), z.string().min(1)),
  after: wordList,
  qualifiers: wordList,
  auxiliaries: wordList,
  count_verbs: wordList,
  count_nouns: wordList,
  count_links: wordList,
  expectations: wordList.default([]),
  /** Words of a game that make two joined numbers a score ("won 3-1", "a 3-1 win"). */
  score_cues: wordList.default(defaults.score_cues),
  /** Words of a vote that make two joined numbers a vote's tally ("a 52-48 vote"). */
  vote_cues: wordList.default(defaults.vote_cues),
  /** Measures of money and rates, which a count never takes ("revenue", "penalty"). */
  amount_measures: wordList.default(defaults.amount_measures),
});

/**
 * Measure words ready for lookups.
 * @internal compiled from a data file by {@link compileMeasureWords}.
 */
export interface MeasureWords {
  measures: Phrases<string>;
  after: ReadonlySet<string>;
  qualifiers: Phrases<string>;
  auxiliaries: ReadonlySet<string>;
  /** Words right before a number that make it a count of people ("killing at least 12"). */
  countVerbs: ReadonlySet<string>;
  /** Nouns that make a later number in their clause a count of people ("the toll rose to 46"). */
  countNouns: Phrases<true>;
  /** Words that may stand right before such a number ("to", "at", "reached"). */
  countLinks: ReadonlySet<string>;
  /** Words that make a figure an estimate or a forecast ("estimate", "expects", "guidance"). */
  expectations: ReadonlySet<string>;
  /** Words of a game: two joined numbers near one are a score (see `tally.ts`). */
  scoreCues: ReadonlySet<string>;
  /** Words of a vote: two joined numbers near one are a vote's tally. */
  voteCues: ReadonlySet<string>;
  /** Measures of money and rates, which a count never takes ("revenue", "penalty"). */
  amountMeasures: ReadonlySet<string>;
}

/**
 * Validates and compiles measure words (a user's own `measures.json`, schema
 * {@link MeasureWordsSchema}). Throws a one-line `FigureDataError` naming `source` and the field.
 */
export function compileMeasureWords(data: unknown, source = "measure words"): MeasureWords {
  const d = parseFigureData(MeasureWordsSchema, data, source);
  return {
    measures: phrasesOf(Object.entries(d.measures)),
    after: new Set(d.after),
    qualifiers: phrasesOf(d.qualifiers.map((q) => [q, q.replaceAll(/[\s-]+/g, "")])),
    auxiliaries: new Set(d.auxiliaries),
    countVerbs: new Set(d.count_verbs),
    countNouns: phrasesOf(d.count_nouns.map((n) => [n, true as const])),
    countLinks: new Set(d.count_links),
    expectations: new Set(d.expectations),
    scoreCues: new Set(d.score_cues),
    voteCues: new Set(d.vote_cues),
    amountMeasures: new Set(d.amount_measures),
  };
}

/**
 * Reads a user's own `measures.json` (the shipped file's schema) for
 * `ExtractOptions.figureMeasures`. Errors are one line naming the file and the field.
 *
 * @example
 * ```ts
 * import { analyzeCorpus } from "newsframe";
 * import { extractCorpus, loadMeasureWordsFile } from "newsframe/extract";
 *
 * const figureMeasures = loadMeasureWordsFile("data/figures/measures.json");
 * extractCorpus(await analyzeCorpus("seeds"), { figureMeasures });
 * ```
 */
export function loadMeasureWordsFile(path: string): MeasureWords {
  return compileMeasureWords(readFigureData(path, "measure words"), path);
}

/** The measure words shipped in `data/figures/measures.json`. */
export const DEFAULT_MEASURE_WORDS: MeasureWords = compileMeasureWords(
  defaults,
  "data/figures/measures.json",
);

/** How far before a figure its measure is looked for, in words. */
const REACH = 10;

/**
 * The measure of each figure of one sentence (null for none, and for figures that are no
 * amount). `figures` are in text order; `bases` are the words that introduce a comparison.
 */
export function measuresOf(
  words: readonly Word[],
  figures: readonly Placed[],
  fw: FigureWords,
  pw: PeriodWords,
  mw: MeasureWords = DEFAULT_MEASURE_WORDS,
): (string | null)[] {
  const out: (string | null)[] = [];
  for (let n = 0; n < figures.length; n++) {
    const f = figures[n];
    if (!AMOUNT_KINDS.has(f.kind)) out.push(null);
    else if (ownMeasure(words, f, mw)) out.push(ownMeasure(words, f, mw));
    // "two officers were hurt": a count's state after it is nearer than a verb before it.
    else if (stateAfter(words, f, mw)) out.push(stateAfter(words, f, mw));
    else if (n > 0 && joined(words, figures[n - 1], f)) out.push(out[n - 1]);
    // "revenue rose 6% to $14.8 billion": the level measures what the change measured.
    else if (n > 0 && changeTo(words, figures[n - 1], f) && out[n - 1]) out.push(out[n - 1]);
    else {
      const m = measureBefore(words, figures, n, fw, pw, mw) ?? measureAfter(words, f, mw);
      // An estimate or a forecast is another quantity than the result it is compared with.
      const expected = expectation(words, figures, n, fw, mw);
      out.push(expected ? (m ? `expected ${m}` : "expected") : m);
    }
  }
  return out.map((m, n) => forCount(figures[n], m, mw));
}

/**
 * A count's measure, unless it is one of money or a rate: "sales of 500,000 copies" is no
 * revenue, "restitution to 40 victims" no penalty ("net revenue" neither); an expectation stays
 * ("expects to hire 5,000 workers").
 */
function forCount(f: Placed, m: string | null, mw: MeasureWords): string | null {
  if (f.kind !== "count" || m === null) return m;
  const expected = m.startsWith("expected");
  const base = m.replace(/^expected ?/, "");
  const head = base.split(" ").at(-1) ?? "";
  if (!mw.amountMeasures.has(head)) return m;
  return expected ? "expected" : null;
}

/** A change and the level it reached, of two kinds: "6% to $14.8 billion", "12% to 5,430". */
function changeTo(words: readonly Word[], a: Placed, b: Placed): boolean {
  return a.kind !== b.kind && AMOUNT_KINDS.has(a.kind) && b.first === a.last + 2 &&
    lowerCase(words[a.last + 1].text) === "to";
}

/**
 * Whether figure n is an estimate or a forecast: a word of `expectations` before it in its
 * clause ("analysts' average estimate of $1.52", "expects revenue of $58 billion") or right
 * after it ("$1.52 expected").
 */
function expectation(
  words: readonly Word[],
  figures: readonly Placed[],
  n: number,
  fw: FigureWords,
  mw: MeasureWords,
): boolean {
  const f = figures[n];
  if (mw.expectations.has(lowerCase(words[f.last + 1]?.text ?? ""))) return true;
  const prev = figures.findLast((g, m) => m < n && AMOUNT_KINDS.has(g.kind));
  const lead = leadOf(words, f.first, fw.approx);
  for (let k = lead - 1; k >= Math.max(0, lead - REACH); k--) {
    if (endsClause(words, k) || words[k].text === ",") return false;
    if (prev && k <= prev.last) return false;
    if (mw.expectations.has(lowerCase(words[k].text)) && !measuredGuess(words, k)) return true;
  }
  return false;
}

/**
 * Whether word k is the "estimated" of "an estimated": an approximation of an amount ("an
 * estimated 5,000 fighters", "at an estimated cost of NZ$26 million"), not a forecast. "The
 * estimated receipts" and "receipts are estimated at" stay forecasts: budgets write them so.
 */
function measuredGuess(words: readonly Word[], k: number): boolean {
  return lowerCase(words[k].text) === "estimated" && lowerCase(words[k - 1]?.text ?? "") === "an";
}

/** The nearest measure before figure n in its clause, with its qualifier ("adjusted profit"). */
function measureBefore(
  words: readonly Word[],
  figures: readonly Placed[],
  n: number,
  fw: FigureWords,
  pw: PeriodWords,
  mw: MeasureWords,
): string | null {
  const f = figures[n];
  const prev = figures.findLast((g, m) => m < n && AMOUNT_KINDS.has(g.kind));
  const lead = leadOf(words, f.first, fw.approx);
  for (let k = lead - 1; k >= Math.max(0, lead - REACH); k--) {
    if (endsClause(words, k) || words[k].text === ",") return null;
    if (prev && k <= prev.last) return null;
    const read = phraseAt(words, k, mw.measures);
    if (read && read.last < f.first) return qualified(words, k, read.value, mw);
    // "up from $1.27 billion", "than $1.52": the figure is what another is compared with. A
    // comparison word further back ("the toll from the storm rose to 46") is no such sign.
    if (k >= lead - 2 && pw.bases.has(lowerCase(words[k].text))) return null;
  }
  return null;
}

/** A measure with the qualifier written before it: "adjusted" + "profit". */
function qualified(words: readonly Word[], k: number, measure: string, mw: MeasureWords): string {
  for (let from = Math.max(0, k - mw.qualifiers.longest); from < k; from++) {
    const q = phraseAt(words, from, mw.qualifiers);
    const { at } = wordsFrom(words, from, mw.qualifiers.longest + 1);
    if (q && at[at.indexOf(q.last) + 1] === k) return `${q.value} ${measure}`;
  }
  return measure;
}

/** "46 dead", "200 injured": a count's own last word is its measure. */
function ownMeasure(words: readonly Word[], f: Placed, mw: MeasureWords): string | null {
  const own = lowerCase(words[f.last].text);
  return f.kind === "count" && mw.after.has(own) ? mw.measures.map.get(own) ?? null : null;
}

/** A count's state after it, past auxiliaries: "42 people have been killed", "14 were arrested". */
function stateAfter(words: readonly Word[], f: Placed, mw: MeasureWords): string | null {
  if (f.kind !== "count") return null;
  const w = words[afterAuxiliaries(words, f.last + 1, mw)];
  return w && mw.after.has(lowerCase(w.text))
    ? mw.measures.map.get(lowerCase(w.text)) ?? null
    : null;
}

/** The first word from k on that is no auxiliary ("have been", "were", "still"). */
function afterAuxiliaries(words: readonly Word[], k: number, mw: MeasureWords): number {
  while (k < words.length && mw.auxiliaries.has(lowerCase(words[k].text))) k++;
  return k;
}

/**
 * A measure after the figure: "$58 billion in revenue", "3% of sales"; right after an amount
 * of money ("US$ 20,000 bail", "a $5 million settlement").
 */
function measureAfter(words: readonly Word[], f: Placed, mw: MeasureWords): string | null {
  // Money only: "5% stock" is a kind of bond, not a share price.
  if (f.kind === "money") {
    const own = phraseAt(words, f.last + 1, mw.measures);
    if (own) return own.value;
  }
  const t = lowerCase(words[f.last + 1]?.text ?? "");
  if (t === "in" || t === "of") {
    const read = phraseAt(words, f.last + 2, mw.measures);
    if (read) return qualified(words, f.last + 2, read.value, mw);
  }
  return null;
}

/**
 * Whether a number with no counted noun is a count of people: "46 dead" (`after` follows it),
 * "killing at least 12" (a count verb before it), "the death toll rose to 46" (a count noun
 * earlier in its clause and a link word before it). `lead` is the number's first word, or
 * where an approximation before it starts ("at least").
 */
export function countsPeople(
  words: readonly Word[],
  lead: number,
  last: number,
  mw: MeasureWords = DEFAULT_MEASURE_WORDS,
): boolean {
  // "46 dead", "14 were arrested", "1,000 were feared dead".
  if (mw.after.has(lowerCase(words[afterAuxiliaries(words, last + 1, mw)]?.text ?? ""))) {
    return true;
  }
  const before = lowerCase(words[lead - 1]?.text ?? "");
  if (mw.countVerbs.has(before)) return true;
  if (!mw.countLinks.has(before)) return false;
  for (let k = lead - 2; k >= Math.max(0, lead - REACH - 2); k--) {
    if (endsClause(words, k) || words[k].kind === "number") return false;
    if (phraseAt(words, k, mw.countNouns)) return true;
  }
  return false;
}
