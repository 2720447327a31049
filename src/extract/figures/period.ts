/**
 * The period a figure is stated for, when its sentence says so: "$1.97 a share in the quarter"
 * is for "quarter", "$6.30 a share for the year" for "year", "third-quarter revenue of $14.6
 * billion" for "Q3", "$58 billion for 2024" for "2024", "$1.27 billion a year earlier" for
 * "year_ago". Two outlets' figures of different periods are different quantities, not a
 * disagreement; a figure whose sentence names no period has none (null), and is compared only
 * with figures that have none either.
 *
 * Read after the figure first (a relative period, "last year", or one after a preposition:
 * "for the year"), then before it in its clause (a modifier: "full-year earnings of $6"). The
 * search stops at the end of the clause, at another figure (a range or an apposition, "$1.60 to
 * $1.90", takes the period of its first figure) and at a word that introduces what the figure
 * is compared with ("up from", "compared with"): "from $1.27 billion" is no period of its own.
 * @module
 */

import { z } from "zod";
import defaults from "../../../data/figures/periods.json" with { type: "json" };
import type { FigureWords } from "../figure_words.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { lowerCase, type Word } from "../words.ts";
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

/** The schema of `data/figures/periods.json`. */
export const PeriodWordsSchema = z.object({
  description: z.string().optional(),
  phrases: z.record(z.string().min(1), z.string().min(1)),
  prepositions: wordList,
  bases: wordList,
  determiners: wordList,
});

/**
 * Period words ready for lookups.
 * @internal compiled from a data file by {@link compilePeriodWords}.
 */
export interface PeriodWords {
  /** Fixed wordings ("full year", "a year earlier") and their period. */
  phrases: Phrases<string>;
  prepositions: ReadonlySet<string>;
  bases: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
}

/**
 * Validates and compiles period words (a user's own `periods.json`, schema
 * {@link PeriodWordsSchema}). Throws a one-line `FigureDataError` naming `source` and the field.
 */
export function compilePeriodWords(data: unknown, source = "period words"): PeriodWords {
  const d = parseFigureData(PeriodWordsSchema, data, source);
  return {
    phrases: phrasesOf(Object.entries(d.phrases)),
    prepositions: new Set(d.prepositions),
    bases: new Set(d.bases),
    determiners: new Set(d.determiners),
  };
}

/**
 * Reads a user's own `periods.json` (the shipped file's schema) for `ExtractOptions.figurePeriods`.
 * Errors are one line naming the file and the field.
 *
 * @example
 * ```ts
 * import { analyzeCorpus } from "newsframe";
 * import { extractCorpus, loadPeriodWordsFile } from "newsframe/extract";
 *
 * const figurePeriods = loadPeriodWordsFile("data/figures/periods.json");
 * extractCorpus(await analyzeCorpus("seeds"), { figurePeriods });
 * ```
 */
export function loadPeriodWordsFile(path: string): PeriodWords {
  return compilePeriodWords(readFigureData(path, "period words"), path);
}

/** The period words shipped in `data/figures/periods.json`. */
export const DEFAULT_PERIOD_WORDS: PeriodWords = compilePeriodWords(
  defaults,
  "data/figures/periods.json",
);

/**
 * Periods relative to the story's own, which may stand after a figure with no preposition: by
 * their names (last_*, this_*, next_*, *_ago), so a user's "this_season" is read as "last_year" is.
 */
const RELATIVE = /^(?:\w+_ago|(?:last|this|next)_\w+|ytd|ttm)$/;

const YEAR = /^(?:19|20)\d\d$/;

/** A four-digit year, or a two-digit one after "FY" ("FY25" is 2025). */
function yearOf(text: string | undefined): number | null {
  if (text === undefined || !YEAR.test(text)) return null;
  return Number(text);
}

/** A period read at a word: its name and its last word. */
export interface ReadPeriod {
  period: string;
  last: number;
}

/**
 * The period phrase that starts at word `k`, or null: a fixed wording of `pw.phrases`, else a
 * quarter, half, fiscal year, year or month (see `data/figures/periods.json`).
 *
 * @example
 * readPeriodAt(words("the third quarter of 2024"), 0); // { period: "Q3 2024", last: 4 }
 */
export function readPeriodAt(
  words: readonly Word[],
  k: number,
  fw: FigureWords,
  pw: PeriodWords = DEFAULT_PERIOD_WORDS,
): ReadPeriod | null {
  let fixed = phraseAt(words, k, pw.phrases);
  if (fixed && namePart(words, k)) fixed = null;
  const rule = periodByRule(words, k, fw, pw);
  // The longer reading wins: "the third quarter" over "the quarter"'s "the".
  if (fixed && (!rule || fixed.last >= rule.last)) return { period: fixed.value, last: fixed.last };
  return rule;
}

/**
 * Whether word k is capitalised past the sentence's first word: part of a name ("LA Weekly",
 * "The Annual Review"), not a period's wording.
 */
function namePart(words: readonly Word[], k: number): boolean {
  if (!/^\p{Lu}/u.test(words[k]?.text ?? "")) return false;
  for (let j = 0; j < k; j++) if (words[j].kind !== "punct") return true;
  return false;
}

/** Whether a year is joined to a number after it ("2023-24", "2024-01-05"): a range or a date. */
function joinedToNumber(words: readonly Word[], at: number): boolean {
  const join = words[at + 1];
  return (join?.text === "-" || join?.text === "–") && words[at + 2]?.kind === "number";
}

/** Quarters, halves, fiscal years, years and months, after an optional determiner and "fiscal". */
function periodByRule(
  words: readonly Word[],
  k: number,
  fw: FigureWords,
  pw: PeriodWords,
): ReadPeriod | null {
  const { text, at } = wordsFrom(words, k, 6);
  let p = pw.determiners.has(text[0]) ? 1 : 0;
  const fiscal = text[p] === "fiscal" || text[p] === "financial";
  if (fiscal) p++;
  if (fiscal && text[p] === "year" && yearOf(text[p + 1]) !== null) p++;
  const part = partOfYear(text, p, fw);
  if (part) {
    const year = yearOf(text[part.next]) ??
      (text[part.next] === "of" ? yearOf(text[part.next + 1]) : null);
    const end = year === null
      ? part.next - 1
      : text[part.next] === "of"
      ? part.next + 1
      : part.next;
    const name = `${fiscal ? "fiscal " : ""}${part.name}${year === null ? "" : ` ${year}`}`;
    return { period: name, last: at[end] };
  }
  const fy = /^fy(\d\d|\d{4})$/.exec(text[p] ?? "");
  if (fy) return { period: `FY${fy[1].length === 2 ? `20${fy[1]}` : fy[1]}`, last: at[p] };
  const year = yearOf(text[p]);
  if (year !== null && words[at[p]].kind === "number" && !joinedToNumber(words, at[p])) {
    return { period: fiscal ? `FY${year}` : String(year), last: at[p] };
  }
  return fiscal ? null : monthPeriod(words, at, text, p, fw);
}

/**
 * A quarter or a half at word p of `text`: "third quarter" (Q3), "Q3", "first half" (H1),
 * "H1"; its name and the word after it.
 */
function partOfYear(
  text: readonly string[],
  p: number,
  fw: FigureWords,
): { name: string; next: number } | null {
  const glued = /^([qh])([1-4])$/.exec(text[p] ?? "");
  if (glued && (glued[1] === "q" || Number(glued[2]) <= 2)) {
    return { name: `${glued[1].toUpperCase()}${glued[2]}`, next: p + 1 };
  }
  const n = fw.ordinals.get(text[p] ?? "");
  if (n !== undefined && n <= 4 && text[p + 1] === "quarter") return { name: `Q${n}`, next: p + 2 };
  if (n !== undefined && n <= 2 && text[p + 1] === "half") return { name: `H${n}`, next: p + 2 };
  return null;
}

/**
 * A month, written with its capital ("May" the verb is lower case mid-sentence only when it is
 * no month, so the capital alone is not proof; the callers read months only after a
 * preposition or as a modifier): "October 2024", "the December quarter" ("quarter to 12"),
 * "the quarter ended Sept. 30" ("quarter to 9").
 */
function monthPeriod(
  words: readonly Word[],
  at: readonly number[],
  text: readonly string[],
  p: number,
  fw: FigureWords,
): ReadPeriod | null {
  if (text[p] === "quarter" && /^(?:ended|ending|to|through)$/.test(text[p + 1] ?? "")) {
    const m = monthNumber(words[at[p + 2]], fw);
    return m === null ? null : { period: `quarter to ${m}`, last: at[p + 2] };
  }
  const m = monthNumber(words[at[p]], fw);
  if (m === null) return null;
  if (text[p + 1] === "quarter") return { period: `quarter to ${m}`, last: at[p + 1] };
  const name = [...fw.months.keys()][m - 1];
  const year = yearOf(text[p + 1]);
  return year === null
    ? { period: name, last: at[p] }
    : { period: `${name} ${year}`, last: at[p + 1] };
}

/** The month (1-12) a capitalised word names, in full or abbreviated ("Sept", "Oct"); else null. */
function monthNumber(w: Word | undefined, fw: FigureWords): number | null {
  if (!w || w.kind !== "word" || !/^\p{Lu}/u.test(w.text)) return null;
  const full = fw.months.get(w.text);
  if (full !== undefined) return full;
  if (w.text.length < 3) return null;
  const i = [...fw.months.keys()].findIndex((m) =>
    m.startsWith(w.text) || (w.text === "Sept" && m === "September")
  );
  return i < 0 ? null : i + 1;
}

/**
 * The period of each figure of one sentence (null for none, and for figures that are no amount:
 * dates, years, durations, ordinals). `figures` are in text order.
 *
 * @example
 * periodsOf(words("Revenue was $14.6 billion in the third quarter."), figures).periods; // ["Q3", null]
 */
export function periodsOf(
  words: readonly Word[],
  figures: readonly Placed[],
  fw: FigureWords,
  pw: PeriodWords = DEFAULT_PERIOD_WORDS,
): { periods: (string | null)[]; stated: Stated[] } {
  const out: (string | null)[] = [];
  const stated: Stated[] = [];
  for (let n = 0; n < figures.length; n++) {
    const f = figures[n];
    if (!AMOUNT_KINDS.has(f.kind)) {
      out.push(null);
      continue;
    }
    let read = after(words, figures, n, fw, pw) ?? before(words, figures, n, fw, pw);
    // A game's halves and quarters are no business periods: "three goals in the first half".
    if (read !== "joined" && f.kind === "count" && BARE_PART.test(read?.period ?? "")) read = null;
    if (read === "joined") out.push(out[n - 1]);
    else {
      out.push(read?.period ?? null);
      if (read) stated.push(read);
    }
  }
  const framing = framingPeriod(words, figures, fw, pw);
  if (framing) {
    for (const n of framing.figures) if (out[n] === null) out[n] = framing.period;
    stated.push(framing);
  }
  return { periods: out, stated };
}

/** A period set off by a comma that frames amounts after it, and which amounts (their indexes). */
interface Framing extends Stated {
  figures: number[];
}

/** Kinds an opening period frames: a count's ("In March, 2,000 jobs were cut") is as often the verb's. */
const FRAMED_KINDS: ReadonlySet<string> = new Set(["money", "percent"]);

/**
 * A period set off by a comma that frames amounts stated far from it: one opening the sentence
 * after a preposition or "by" ("By 2050, undernourishment would increase by 49 percent",
 * "They estimated by 2050, ... by 50 percent") frames every money and percent of the clause;
 * one before ", when" frames the amounts of that clause ("the year before, when it was forty
 * percent"). Null when none, or when an amount comes before the comma.
 */
function framingPeriod(
  words: readonly Word[],
  figures: readonly Placed[],
  fw: FigureWords,
  pw: PeriodWords,
): Framing | null {
  const read = openingPeriod(words, fw, pw) ?? whenPeriod(words, figures, fw, pw);
  if (!read || amountInside(figures, 0, read.last)) return null;
  // "In July, a broker was sentenced for a $9 million scheme": a month dates an event; so
  // does a day's date ("on August 31, 1919, when it was ...").
  if (fw.months.has(read.period.split(" ")[0]) || inDate(figures, read.last)) return null;
  const comma = read.last + 1;
  const when = lowerCase(words[comma + 1]?.text ?? "") === "when";
  const inside: number[] = [];
  for (const [n, f] of figures.entries()) {
    if (f.first <= comma) continue;
    // The framed clause ends at its end (a "when" clause at its first comma too), at a clause
    // joined by ", and", and at another time ("..., leaving a balance on January 1st, 1831").
    if (clauseEndBetween(words, comma + 1, f.first, when)) break;
    if (f.kind === "date" || f.kind === "year") break;
    if (!AMOUNT_KINDS.has(f.kind)) continue;
    if (!when && (!FRAMED_KINDS.has(f.kind) || namesSize(words, f))) continue;
    inside.push(n);
  }
  return inside.length ? { ...read, figures: inside } : null;
}

/** Whether word k is inside a date figure ("1919" of "August 31, 1919"). */
function inDate(figures: readonly Placed[], k: number): boolean {
  return figures.some((f) => f.kind === "date" && f.first <= k && k <= f.last);
}

/** Words after a comma that start a clause of its own: "..., and the real wages have risen 20%". */
const NEW_CLAUSE = /^(?:and|but|while|whereas|although|though|yet)$/;

/** Money before a noun gives a thing's size ("a $9 million scheme", "a $1,000 grant"), no period's amount. */
function namesSize(words: readonly Word[], f: Placed): boolean {
  const next = words[f.last + 1];
  return f.kind === "money" && next?.kind === "word" && /^\p{Ll}+$/u.test(next.text) &&
    !STOPWORDS.has(next.text);
}

/** Whether a clause ends between words `from` and `to` (every comma does, with `comma`). */
function clauseEndBetween(words: readonly Word[], from: number, to: number, comma: boolean) {
  for (let k = from; k < to; k++) {
    if (endsClause(words, k)) return true;
    const next = lowerCase(words[k + 1]?.text ?? "");
    if (words[k].text === "," && (comma || NEW_CLAUSE.test(next))) return true;
  }
  return false;
}

/** A period after a preposition (not "of") or "by" in the sentence's first four words, then a comma. */
function openingPeriod(words: readonly Word[], fw: FigureWords, pw: PeriodWords): Stated | null {
  const start = words.findIndex((w) => w.kind !== "punct");
  for (let k = start; k >= 0 && k < Math.min(words.length, start + 4); k++) {
    if (words[k].kind === "punct") return null;
    const t = lowerCase(words[k].text);
    // "of" ties a period to a noun ("The revenues of the last year, ..."), no sentence's frame.
    if ((!pw.prepositions.has(t) && t !== "by") || t === "of") continue;
    const read = readPeriodAt(words, k + 1, fw, pw);
    if (read && words[read.last + 1]?.text === ",") return { ...read, from: k + 1 };
  }
  return null;
}

/** A period right before ", when" ("from the year before, when it was forty percent"). */
function whenPeriod(
  words: readonly Word[],
  figures: readonly Placed[],
  fw: FigureWords,
  pw: PeriodWords,
): Stated | null {
  for (let k = 1; k < words.length - 1; k++) {
    if (words[k].text !== "," || lowerCase(words[k + 1].text) !== "when") continue;
    for (let j = Math.max(0, k - 6); j < k; j++) {
      const read = readPeriodAt(words, j, fw, pw);
      if (read && read.last === k - 1 && !amountInside(figures, j, read.last)) {
        return { ...read, from: j };
      }
    }
  }
  return null;
}

/** Words before a period that make it a span the figure changed over, not its period. */
const SPAN = /^(?:over|since|from|until|till)$/;

/** A quarter or a half with no year: a count's is as likely a game's ("Q4", "H1"). */
const BARE_PART = /^[QH][1-4]$/;

/** A period read, and the words it was read from (`from` to `last`). */
export interface Stated extends ReadPeriod {
  from: number;
}

/**
 * Whether a figure that is no amount (a year, a month, an ordinal) lies in the words that state
 * an amount's period, as "2024" in "$58 billion for 2024" or "third" in "third-quarter
 * revenue": it is then compared through that amount, not on its own. `stated` is what
 * {@link periodsOf} read in the figure's sentence.
 */
export function statesPeriod(stated: readonly Stated[], f: Placed): boolean {
  return stated.some((s) => s.from <= f.first && f.last <= s.last);
}

/** How far from a figure its period is looked for, in words. */
const REACH = 12;

/** A period after figure n: a relative one ("a year earlier") or one after a preposition. */
function after(
  words: readonly Word[],
  figures: readonly Placed[],
  n: number,
  fw: FigureWords,
  pw: PeriodWords,
): Stated | null {
  let at = figures[n];
  let next = n + 1;
  for (let k = at.last + 1; k < Math.min(words.length, figures[n].last + REACH); k++) {
    if (endsClause(words, k)) return null;
    const t = lowerCase(words[k].text);
    const fixed = phraseAt(words, k, pw.phrases);
    if (fixed && RELATIVE.test(fixed.value)) {
      return { period: fixed.value, from: k, last: fixed.last };
    }
    if (pw.prepositions.has(t)) {
      const read = readPeriodAt(words, k + 1, fw, pw);
      // A year that names a noun ("of 2000 levels") ends the search: a period further on is
      // no more this figure's.
      if (read && qualifies(words, read.last)) return null;
      if (read && !amountInside(figures, k + 1, read.last)) return { ...read, from: k + 1 };
    }
    if (figures[next]?.first === k) {
      // A date or an ordinal is read past; a range or an apposition ("$1.60 to $1.90 a share
      // for the year") shares the period; any other amount has its own.
      if (!AMOUNT_KINDS.has(figures[next].kind)) {
        k = figures[next++].last;
        continue;
      }
      if (!joined(words, at, figures[next])) return null;
      at = figures[next++];
      k = at.last;
      continue;
    }
    if (pw.bases.has(t)) return null;
  }
  return null;
}

/**
 * Whether the word after a year is a noun it qualifies: "10% of 2000 levels" is no figure for
 * 2000.
 */
function qualifies(words: readonly Word[], last: number): boolean {
  // Only a year does ("for the year ending June 30" is a period), and only before a plural:
  // "2000 levels", "2019 figures"; not "1920 exceeded", "1946 will".
  if (words[last].kind !== "number") return false;
  const next = words[last + 1];
  return next?.kind === "word" && /^\p{Ll}+[^su]s$/u.test(next.text) &&
    !STOPWORDS.has(lowerCase(next.text));
}

/**
 * A period before figure n in its clause, the nearest first: a modifier ("full-year earnings
 * of about $6", "Q3 revenue of $5.1 billion"); a figure joined to the one before ("between
 * $1.60 and $1.90") takes that one's period.
 */
function before(
  words: readonly Word[],
  figures: readonly Placed[],
  n: number,
  fw: FigureWords,
  pw: PeriodWords,
): Stated | "joined" | null {
  const f = figures[n];
  if (n > 0 && joined(words, figures[n - 1], f)) return "joined";
  const prev = figures.findLast((g, m) => m < n && AMOUNT_KINDS.has(g.kind));
  const lead = leadOf(words, f.first, fw.approx);
  for (let k = lead - 1; k >= Math.max(0, lead - REACH); k--) {
    if (endsClause(words, k) || words[k].text === ",") return null;
    if (prev && k <= prev.last) return null;
    const read = readPeriodAt(words, k, fw, pw);
    if (read && read.last < f.first && !amountInside(figures, k, read.last)) {
      const wide = widest(words, k, read, fw, pw);
      return framesFigure(words, wide, lead, pw) ? wide : null;
    }
    // "up from $1.27 billion", "than $1.52": the figure is what another is compared with. A
    // comparison word further back ("the toll from the storm rose to 46") is no such sign.
    if (k >= lead - 2 && pw.bases.has(lowerCase(words[k].text))) return null;
  }
  return null;
}

/**
 * Whether a period before a figure is the figure's: not one after a word of a span ("over the
 * year", "since last year": what a figure changed over, not a stated period), nor one with only prepositions
 * other than "of" between it and the figure ("backed in September 2021 for 3,000 refugees": the
 * period of the verb before it).
 */
function framesFigure(
  words: readonly Word[],
  read: Stated,
  lead: number,
  pw: PeriodWords,
): boolean {
  if (SPAN.test(lowerCase(words[read.from - 1]?.text ?? ""))) return false;
  if (read.last + 1 >= lead) return true;
  for (let k = read.last + 1; k < lead; k++) {
    const t = lowerCase(words[k].text);
    // "a deficit for the last fiscal year of $6.6 million": "of" ties the period to the figure.
    if (t === "of" || !pw.prepositions.has(t)) return true;
  }
  return false;
}

/**
 * The reading that starts up to two words before word k and ends where `read` ends or later:
 * "fiscal 2025" over "2025", "the third quarter" over "quarter".
 */
function widest(
  words: readonly Word[],
  k: number,
  read: ReadPeriod,
  fw: FigureWords,
  pw: PeriodWords,
): Stated {
  let best: Stated = { ...read, from: k };
  for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
    if (endsClause(words, j) || words[j].text === ",") break;
    const wider = readPeriodAt(words, j, fw, pw);
    if (wider && wider.last >= read.last && wider.last <= read.last + 1) {
      best = { ...wider, from: j };
    }
  }
  return best;
}

/** Whether an amount (money, a count...) lies within words [from, to]: then it is no period. */
function amountInside(figures: readonly Placed[], from: number, to: number): boolean {
  return figures.some((f) => AMOUNT_KINDS.has(f.kind) && f.first <= to && f.last >= from);
}
