/**
 * Figures: money, percentages, quantities, counts, dates, years, durations and ordinals, with
 * their values (scale words applied), units, rates, approximations and stated changes.
 *
 * Read from the word stream of each sentence, one left-to-right pass; the words inside entity
 * names ("Ocean's Eleven", "Apollo 11") are not figures. Relative dates ("last month",
 * "a day earlier") carry no number and are left out.
 * @module
 */

import type { Sentence } from "../text/segment.ts";
import { STOPWORDS } from "../text/tokens.ts";
import { DEFAULT_FIGURE_WORDS, type FigureWords } from "./figure_words.ts";
import {
  countsPeople,
  DEFAULT_MEASURE_WORDS,
  measuresOf,
  type MeasureWords,
} from "./figures/measure.ts";
import {
  DEFAULT_PERIOD_WORDS,
  periodsOf,
  type PeriodWords,
  statesPeriod,
} from "./figures/period.ts";
import { joined, leadOf } from "./figures/scan.ts";
import { tallyAt } from "./figures/tally.ts";
import { isDemonym, isPeople } from "./ner/lexicons.ts";
import { lowerCase, quickHas, sentenceWords, type Word } from "./words.ts";

/** What a figure is: "score" is a tally of a game or a vote ("3-1", "52-48"). */
export type FigureKind =
  | "money"
  | "percent"
  | "quantity"
  | "count"
  | "date"
  | "year"
  | "duration"
  | "ordinal"
  | "score";

/** One figure. Offsets are into the article's cleaned text. */
export interface Figure {
  /** The article's id. */
  articleId: string;
  /** The article's outlet. */
  outlet: string;
  /** The sentence it is in. */
  sentenceId: string;
  /** The surface form: the number with its unit ("$240 billion", "tens of thousands of troops"). */
  text: string;
  /** What the figure measures. */
  kind: FigureKind;
  /**
   * The number with scale words applied ("$240 billion" is 240000000000); null for dates. A
   * score's is its larger side ("1 – 2" is 2, as "2-1" is: outlets name the sides in either
   * order); its `rawUnit` is the tally as written, without spaces ("1-2").
   */
  value: number | null;
  /**
   * Normalised unit: an ISO currency code, "percent", "cubic_metre", a time unit, a counted noun;
   * "score" or "votes" for a score.
   */
  unit: string | null;
  /** The unit as written ("$", "cubic metres", "%"). */
  rawUnit: string | null;
  /** The rate's denominator ("year" in "per year"). */
  per: string | null;
  /** True for "tens of thousands", "about 40", "more than ...". */
  approx: boolean;
  /** A change stated with the figure ("down", "rise", "contraction", "increase"), as written. */
  change: string | null;
  /** The year of a date or year, or the year a figure is given for ("$240 billion in 2023"). */
  year: number | null;
  /**
   * The period an amount is stated for, when its sentence says so: "Q3", "Q3 2024", "H1",
   * "2024", "FY2025", "October", "year", "quarter", "year_ago", "last_year", "ytd"... (see
   * `data/figures/periods.json`); null when unsaid, and for dates, years, durations, ordinals.
   */
  period: string | null;
  /**
   * What an amount measures, when its clause names it: "revenue", "adjusted profit", "eps",
   * "dead", "injured"... (see `data/figures/measures.json`); null when unsaid. "period" for a
   * year, month or ordinal that states an amount's period ("2024" in "$58 billion for 2024");
   * "age" for an age ("a 25-year-old").
   */
  measure: string | null;
  /** Offset of its first character in the cleaned text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/** What figure extraction reads (default: the shipped `data/entities/figures.json`). */
export interface FigureOptions {
  words?: FigureWords;
  /** The periods' wordings (default: the shipped `data/figures/periods.json`). */
  periods?: PeriodWords;
  /** The measures' wordings (default: the shipped `data/figures/measures.json`). */
  measures?: MeasureWords;
}

/** A half-open span of the article's text that holds a name, not a figure. */
export interface Span {
  start: number;
  end: number;
  /** The entity type: a people or country word (NORP, GPE) may stand before a counted noun. */
  type?: string;
}

/**
 * Entity types whose names qualify a counted noun: "345 Muslim pilgrims", "500 US troops", "500
 * Google employees", "2,000 Taylor Swift fans".
 */
const COUNT_MODIFIER_TYPES: ReadonlySet<string> = new Set(["NORP", "GPE", "ORG", "PERSON"]);

interface Raw {
  first: number;
  last: number;
  kind: FigureKind;
  value: number | null;
  unit: string | null;
  rawUnit: string | null;
  approx: boolean;
  year: number | null;
  /** A rate the unit carries ("115mph", "185km/h"); else read from the words after. */
  per?: string | null;
}

const DIGITS = /^\d+(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;

/**
 * Finds the figures of one article's sentences, in text order. `names` are spans (entity
 * mentions) whose numbers belong to a name.
 *
 * @example
 * extractFigures(articleText, sentences, [])[0];
 * // { text: "$240 billion", kind: "money", value: 240000000000, unit: "USD", rawUnit: "$", year: 2023, ... }
 */
export function extractFigures(
  text: string,
  sentences: readonly Sentence[],
  names: readonly Span[] = [],
  options: FigureOptions = {},
): Figure[] {
  const fw = options.words ?? DEFAULT_FIGURE_WORDS;
  const pw = options.periods ?? DEFAULT_PERIOD_WORDS;
  const mw = options.measures ?? DEFAULT_MEASURE_WORDS;
  const isStarter = quickHas(startersOf(fw));
  const out: Figure[] = [];
  // Names in text order, walked once alongside the words.
  const sorted = [...names].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const sentence of [...sentences].sort((a, b) => a.start - b.start)) {
    const words = sentenceWords(sentence);
    const names = words.map((w) => {
      while (next < sorted.length && sorted[next].end <= w.start) next++;
      const n = sorted[next];
      return n !== undefined && n.start <= w.start && w.end <= n.end ? n : undefined;
    });
    const inName = names.map((n) => n !== undefined);
    const modifier = names.map((n) => COUNT_MODIFIER_TYPES.has(n?.type ?? "") ? n!.type! : null);
    // What "others" counts: the noun of the sentence's count before it.
    let counted: string | null = null;
    const raws: Raw[] = [];
    for (let i = 0; i < words.length; i++) {
      if (inName[i] || !canStart(words, i, isStarter) || namesNumber(words, i)) continue;
      const raw = readFigure({ words, i, fw, mw, inName, modifier, counted });
      if (!raw) continue;
      if (raw.kind === "count" && fw.anaphoricNouns.has(raw.rawUnit ?? "")) raw.unit = counted;
      if (raw.kind === "count") counted = raw.unit;
      raws.push(raw);
      i = raw.last;
    }
    out.push(...finishSentence(raws, words, text, sentence, fw, pw, mw));
  }
  return out;
}

/**
 * The figures of one sentence, finished once all are read: a figure's period and measure
 * search stops at the next figure, or crosses it when the two make a range.
 */
function finishSentence(
  raws: readonly Raw[],
  words: Word[],
  text: string,
  sentence: Sentence,
  fw: FigureWords,
  pw: PeriodWords,
  mw: MeasureWords,
): Figure[] {
  const placed = raws.map((r) => ({ first: r.first, last: r.last, kind: r.kind }));
  const { periods, stated } = periodsOf(words, placed, fw, pw);
  const measures = measuresOf(words, placed, fw, pw, mw);
  // "2024" in "$58 billion for 2024" is the amount's period: compared through the amount.
  placed.forEach((f, n) => {
    if (measures[n] === null && statesPeriod(stated, f)) measures[n] = "period";
    // An age is compared only with ages, never with a span of years ("a 25-year contract").
    if (f.kind === "duration" && raws[n].rawUnit?.endsWith("-old")) measures[n] = "age";
  });
  const done = raws.map((raw, n) =>
    finish(raw, words, text, sentence, fw, pw, periods[n], measures[n])
  );
  // A range's rate is written once, after its last figure: "$1.60 to $1.90 a share".
  for (let n = done.length - 2; n >= 0; n--) {
    if (done[n].per === null && joined(words, placed[n], placed[n + 1], true)) {
      done[n].per = done[n + 1].per;
    }
  }
  // "$380 million in annual savings" is a rate per year, as "350 million euros a year" is:
  // the period says no more than the rate.
  for (const f of done) if (f.period !== null && f.period === f.per) f.period = null;
  return done;
}

/** Whether a figure can start at word i: a number or a figure word (see READERS). */
function canStart(words: Word[], i: number, isStarter: (word: string) => boolean): boolean {
  const w = words[i];
  return w.kind === "number" || isStarter(w.text) ||
    (opensSentence(words, i) && isStarter(lowerCase(w.text)));
}

/** A number glued by a hyphen to a capitalised word is part of a name: "Covid-19", "GLP-1", "F-35". */
function namesNumber(words: Word[], i: number): boolean {
  const dash = words[i - 1];
  const name = words[i - 2];
  return words[i].kind === "number" && dash?.text === "-" && dash.end === words[i].start &&
    name?.kind === "word" && name.end === dash.start && /\p{Lu}/u.test(name.text);
}

/** Whether word i is the sentence's first word (after opening quotes or brackets). */
function opensSentence(words: Word[], i: number): boolean {
  for (let k = 0; k < i; k++) if (words[k].kind !== "punct") return false;
  return true;
}

const startersCache = new WeakMap<FigureWords, ReadonlySet<string>>();

/**
 * The words other than numbers that {@link READERS} can start a figure at: months (and their
 * abbreviations), weekdays,
 * the first words of vague numbers, ordinals, number words and currencies. Any other word or
 * mark makes every reader return null.
 */
function startersOf(fw: FigureWords): ReadonlySet<string> {
  let set = startersCache.get(fw);
  if (!set) {
    set = new Set([
      ...fw.months.keys(),
      ...[...fw.months.keys()].map((m) => m.slice(0, 3)),
      "Sept",
      ...fw.weekdays,
      ...fw.vagueByFirstWord.keys(),
      ...fw.ordinals.keys(),
      ...fw.numberWords.keys(),
      ...fw.currencies.keys(),
    ]);
    startersCache.set(fw, set);
  }
  return set;
}

/** Phrases split once: their lengths in words. */
const phraseSizes = new WeakMap<readonly string[], number[]>();
function sizesOf(phrases: readonly string[]): number[] {
  let sizes = phraseSizes.get(phrases);
  if (!sizes) {
    sizes = phrases.map((p) => p.split(" ").length);
    phraseSizes.set(phrases, sizes);
  }
  return sizes;
}

function lower(w: Word | undefined): string {
  return w ? lowerCase(w.text) : "";
}

/** A number times a scale, rounded to 15 significant digits: 4.1 million is 4100000, not 4099999.9999999995. */
function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(15));
}

/** Value of a number token: "1,000" is 1000, "3.8" is 3.8; null when it is no plain number. */
function numberOf(w: Word | undefined): number | null {
  if (!w || w.kind !== "number" || !DIGITS.test(w.text)) return null;
  return Number(w.text.replaceAll(",", ""));
}

/** A number at i, written in digits or words, with a scale word after it: value and last index. */
function readNumber(
  words: Word[],
  i: number,
  fw: FigureWords,
): { value: number; last: number; spelled: boolean } | null {
  let value = numberOf(words[i]);
  let last = i;
  let spelled = false;
  if (value === null) {
    const w = words[i];
    // Capitalised number words mid-sentence are names ("Ocean's Eleven"); a sentence's first
    // word is capitalised anyway ("Five people were hurt").
    if (!w || w.kind !== "word") return null;
    const first = opensSentence(words, i) && /^\p{Lu}\p{Ll}+$/u.test(w.text);
    if (!LOWER_WORD.test(w.text) && !first) return null;
    const n = fw.numberWords.get(lowerCase(w.text));
    if (n === undefined) return null;
    value = n;
    spelled = true;
    // "twenty-five"
    const unit = words[i + 2] && words[i + 1]?.text === "-"
      ? fw.numberWords.get(lower(words[i + 2]))
      : undefined;
    if (unit !== undefined && n >= 20 && n % 10 === 0 && unit < 10) {
      value = n + unit;
      last = i + 2;
    }
  }
  const scale = fw.scales.get(lower(words[last + 1]));
  if (scale !== undefined && words[last + 1].kind === "word") {
    value = scaled(value, scale);
    last++;
  }
  return { value, last, spelled };
}

/** Where a reader stands: the sentence's words, the word it starts at, and what it reads by. */
interface At {
  words: Word[];
  i: number;
  fw: FigureWords;
  mw: MeasureWords;
  inName: boolean[];
  /** The type of a people or country name a word is in ("500 US troops"), else null. */
  modifier: (string | null)[];
  /** The noun of the sentence's count before `i` ("412 seats, up from 202"), else null. */
  counted?: string | null;
  /** The number read at `i` ({@link readNumber}), once a reader has asked for it. */
  number?: ReadNumber | null;
}

type ReadNumber = { value: number; last: number; spelled: boolean };

/** A reader: the figure that starts at `at.i`, or null to let the next reader try. */
type Reader = (at: At) => Raw | null;

/** A figure from `first` to `last` with no unit, approximation or year unless given. */
function raw(
  first: number,
  last: number,
  kind: FigureKind,
  value: number | null,
  more: Partial<Raw> = {},
): Raw {
  return {
    approx: false,
    year: null,
    rawUnit: null,
    unit: null,
    first,
    last,
    kind,
    value,
    ...more,
  };
}

/** Dates that start with a month: "February 2022", "August 24, 2024", "September", "Jan. 5". */
function monthFirstDate(at: At): Raw | null {
  const { words, i, fw } = at;
  const w = words[i];
  if (fw.months.get(w.text) === undefined) return abbreviatedDate(at);
  const day = numberOf(words[i + 1]);
  if (day !== null && /^\d{4}$/.test(words[i + 1].text)) {
    return raw(i, i + 1, "date", null, { unit: "month", year: day });
  }
  if (day !== null && day >= 1 && day <= 31 && Number.isInteger(day)) {
    let last = i + 1;
    let year: number | null = null;
    const y = words[last + 1]?.text === "," ? words[last + 2] : words[last + 1];
    if (y && /^\d{4}$/.test(y.text)) {
      year = Number(y.text);
      last = words.indexOf(y);
    }
    return raw(i, last, "date", null, { unit: "day", year });
  }
  // "May" is a verb more often than a month, unless a preposition precedes it.
  if (
    w.text !== "May" ||
    /^(?:in|since|from|until|by|last|next|early|late|mid)$/.test(lower(words[i - 1]))
  ) {
    return raw(i, i, "date", null, { unit: "month" });
  }
  return null;
}

/** A month's abbreviation before a day, as wires write dates: "Jan. 5", "Sept 30", "Oct. 9, 2026". */
function abbreviatedDate({ words, i, fw }: At): Raw | null {
  const w = words[i];
  const full = [...fw.months.keys()].find((m) =>
    w.text === m.slice(0, 3) || (w.text === "Sept" && m === "September")
  );
  if (full === undefined) return null;
  let k = i + 1;
  if (words[k]?.text === "." && words[k].start === w.end) k++;
  const day = numberOf(words[k]);
  if (
    day === null || !Number.isInteger(day) || day < 1 || day > 31 || /^\d{4}$/.test(words[k].text)
  ) {
    return null;
  }
  const y = words[k + 1]?.text === "," ? words[k + 2] : undefined;
  const year = y && /^\d{4}$/.test(y.text) ? Number(y.text) : null;
  return raw(i, year ? k + 2 : k, "date", null, { unit: "day", year });
}

/** A weekday ("Tuesday"), or a day before its month: "24 August 2024", "5 March". */
function weekdayOrDayFirstDate({ words, i, fw }: At): Raw | null {
  const w = words[i];
  if (fw.weekdays.has(w.text)) return raw(i, i, "date", null, { unit: "day" });
  const day = numberOf(w);
  if (day === null || !words[i + 1] || !fw.months.has(words[i + 1].text)) return null;
  if (day < 1 || day > 31) return null;
  const y = words[i + 2];
  const year = y && /^\d{4}$/.test(y.text) ? Number(y.text) : null;
  return raw(i, year ? i + 2 : i + 1, "date", null, { unit: "day", year });
}

/** Money with a currency sign first: "$240 billion", "US$5bn" (the "US" glued to the sign). */
function signFirstMoney(at: At): Raw | null {
  const { words, i, fw } = at;
  const w = words[i];
  if (w.kind !== "punct" || !fw.currencies.has(w.text)) return null;
  const prefix = words[i - 1];
  // "NZ$", or "NZ $" as some sources space it: a country's capitals and the sign ("A $6
  // billion" is an article and dollars).
  const near = prefix && (prefix.end === w.start ||
    (prefix.end + 1 === w.start && /^\p{Lu}{2,3}$/u.test(prefix.text)));
  const glued = near && fw.currencies.has(`${prefix.text}${w.text}`);
  const sign = glued ? `${prefix.text}${w.text}` : w.text;
  const n = readNumber(words, i + 1, fw);
  if (!n || n.spelled) return null;
  // "£22m", "$300k": a scale glued to the number, only after a sign ("300m" alone may be metres).
  const after = words[n.last + 1];
  const gluedScale = n.last === i + 1 && after?.kind === "word" && after.start === words[n.last].end
    ? fw.gluedScales.get(lowerCase(after.text))
    : undefined;
  if (gluedScale !== undefined) {
    n.value = scaled(n.value, gluedScale);
    n.last++;
  }
  return raw(glued ? i - 1 : i, n.last, "money", n.value, {
    unit: fw.currencies.get(sign)!,
    rawUnit: sign,
  });
}

/** Vague counts: "tens of thousands of troops", "thousands of its troops". */
function vagueCount({ words, i, fw, inName, mw }: At): Raw | null {
  // "Hundreds dead": a sentence's (or a headline's) first word is capitalised.
  const key = opensSentence(words, i) ? lowerCase(words[i].text) : words[i].text;
  for (const { words: parts, value } of fw.vagueByFirstWord.get(key) ?? []) {
    if (!parts.every((p, k) => lower(words[i + k]) === p)) continue;
    let last = i + parts.length - 1;
    const of = lower(words[last + 1]) === "of";
    // "a couple of hundred", "scores of two further symphonies": no count of its own.
    const after = lower(words[last + 2]);
    if (of && (fw.scales.has(after) || fw.numberWords.has(after))) continue;
    const unit = of ? vagueNoun(words, last + 2, fw, inName) : null;
    if (unit !== null) last = words.indexOf(unit);
    // "a couple" counts only its noun: "a couple of points", not "a couple who met".
    if (unit === null && parts[0] === "a") continue;
    // "Hundreds dead", "thousands were evacuated": a count of people with no noun.
    if (unit === null && countsPeople(words, i, last, mw)) {
      return raw(i, last, "count", value, { unit: "people", rawUnit: null, approx: true });
    }
    const noun = unit?.text ?? null;
    // "a couple of weeks", "hundreds of years": a time; "a couple of times": a multiple.
    const time = fw.timeUnits.get(noun ?? "");
    if (time) return raw(i, last, "duration", value, { unit: time, rawUnit: noun, approx: true });
    if (fw.multipliers.has(noun ?? "")) return null;
    return raw(i, last, "count", value, { unit: noun, rawUnit: noun, approx: true });
  }
  return null;
}

/**
 * The counted noun of a vague number, from word k (after its "of"): the first plural among the
 * next few words ("millions of new jobs").
 */
function vagueNoun(words: Word[], k: number, fw: FigureWords, inName: boolean[]): Word | null {
  for (const end = Math.min(words.length, k + 4); k < end; k++) {
    const t = words[k].text;
    if (words[k].kind !== "word" || !LOWER_WORD.test(t) || inName[k]) return null;
    if (isPlural(t) || fw.pluralNouns.has(t)) return words[k];
  }
  return null;
}

/** Ordinals: a word ("second year", "third country") or digits with a suffix ("21st"). */
function ordinal({ words, i, fw }: At): Raw | null {
  const w = words[i];
  if (w.kind === "word" && LOWER_WORD.test(w.text) && fw.ordinals.has(w.text)) {
    // "a second" or "two seconds" is time, not an ordinal.
    if (!(w.text === "second" && /^(?:a|one|per)$/.test(lower(words[i - 1])))) {
      return raw(i, i, "ordinal", fw.ordinals.get(w.text)!);
    }
  }
  const suffix = words[i + 1];
  if (w.kind === "number" && suffix?.start === w.end && /^(?:st|nd|rd|th)$/.test(suffix.text)) {
    return raw(i, i + 1, "ordinal", Number(w.text));
  }
  return null;
}

/**
 * A reader of what follows a number (digits or words, with its scale word): it runs only when
 * there is a number at `at.i`, read once for all such readers.
 */
function afterNumber(read: (at: At, n: ReadNumber) => Raw | null): Reader {
  return (at) => {
    if (at.number === undefined) at.number = readNumber(at.words, at.i, at.fw);
    return at.number ? read(at, at.number) : null;
  };
}

/** A game's or a vote's tally: "won 3-1", "a 52-48 vote", "beat them 24–17" (see `tally.ts`). */
function score({ words, i, fw, mw }: At): Raw | null {
  if (words[i].kind !== "number") return null;
  const t = tallyAt(words, i, fw, mw);
  if (!t) return null;
  return raw(i, t.last, "score", Math.max(t.first, t.second), {
    unit: t.unit,
    rawUnit: `${t.first}-${t.second}`,
  });
}

/** Percent: "40%", "3.8 percent", "2 per cent", "2 percentage points". */
function percent({ words, i }: At, n: ReadNumber): Raw | null {
  const next = words[n.last + 1];
  const after = lower(next);
  const as = (last: number, unit: string, rawUnit: string) =>
    raw(i, last, "percent", n.value, { unit, rawUnit });
  if (next?.text === "%" || after === "percent") return as(n.last + 1, "percent", next.text);
  if (after === "per" && lower(words[n.last + 2]) === "cent") {
    return as(n.last + 2, "percent", "per cent");
  }
  if (after === "percentage" && lower(words[n.last + 2]) === "points") {
    return as(n.last + 2, "percentage_point", "percentage points");
  }
  return null;
}

/** Money with the currency after: "5 billion yuan", "300 million dollars". */
function currencyAfterMoney({ words, i, fw }: At, n: ReadNumber): Raw | null {
  const next = words[n.last + 1];
  const currency = fw.currencies.get(next?.text ?? "") ?? fw.currencies.get(lower(next));
  if (!currency || next.kind !== "word") return null;
  return raw(i, n.last + 1, "money", n.value, { unit: currency, rawUnit: next.text });
}

/** Quantities: "400 kilometres (km)", "10 tonnes", "115mph", "185km/h", "30°C". */
function quantity({ words, i, fw }: At, n: ReadNumber): Raw | null {
  // "30°C": the degree sign glued between number and unit.
  const degree = words[n.last + 1]?.text === "°" && words[n.last + 1].start === words[n.last].end
    ? 1
    : 0;
  for (const size of [2, 1]) {
    const from = n.last + 1 + degree;
    const phraseWords = words.slice(from, from + size);
    if (phraseWords.length < size || phraseWords.some((p) => p.kind !== "word")) continue;
    const phrase = phraseWords.map((p) => p.text).join(" ");
    const written = fw.units.get(phrase) ?? fw.units.get(phrase.toLowerCase());
    // One capital letter ("40C") is a unit only glued to its number: "Grade 5 C" is none.
    if (!written || (/^\p{Lu}$/u.test(phrase) && phraseWords[0].start !== words[from - 1].end)) {
      continue;
    }
    let last = from + size - 1;
    const [unit, unitPer = null] = written.split("/");
    const per = unitPer ?? slashRate(words, last, fw);
    let rawUnit = phrase;
    if (per !== null && unitPer === null) {
      rawUnit = `${phrase}/${words[last + 2].text}`;
      last += 2;
    }
    let value = n.value;
    const scaledWord = words[n.last]?.kind === "word" && fw.scales.has(lower(words[n.last]));
    if (!scaledWord) value = scaled(value, fw.unitScales.get(phrase) ?? 1);
    // A gloss in brackets: "(km)".
    if (
      words[last + 1]?.text === "(" && words[last + 3]?.text === ")" &&
      fw.units.get(words[last + 2].text) === unit
    ) {
      last += 3;
    }
    return raw(i, last, "quantity", value, { unit, rawUnit, per });
  }
  return null;
}

/** A rate glued after a unit: "/h" in "185km/h"; null when none. */
function slashRate(words: Word[], last: number, fw: FigureWords): string | null {
  const slash = words[last + 1];
  const time = words[last + 2];
  if (slash?.text !== "/" || !time || slash.start !== words[last].end) return null;
  if (time.start !== slash.end || time.kind !== "word") return null;
  return fw.timeUnits.get(time.text) ?? null;
}

/** Durations: "two-day", "seven months", "10 years". */
function duration({ words, i, fw }: At, n: ReadNumber): Raw | null {
  const next = words[n.last + 1];
  const dash = next?.text === "-" ? 1 : 0;
  const timeWord = words[n.last + 1 + dash];
  const timeUnit = timeWord && timeWord.kind === "word"
    ? fw.timeUnits.get(timeWord.text)
    : undefined;
  if (!timeUnit || (dash === 1 && timeWord.start !== next.end)) return null;
  const last = n.last + 1 + dash;
  // "a 25-year-old": an age, the span with its "-old" (measure "age", see finishSentence).
  const old = dash === 1 && gluedHyphen(words, last + 1) && lower(words[last + 2]) === "old";
  return raw(i, old ? last + 2 : last, "duration", n.value, {
    unit: timeUnit,
    rawUnit: old ? `${timeWord.text}-old` : timeWord.text,
  });
}

/** Years: "2022", "in 2023". */
function year({ words, i }: At, n: ReadNumber): Raw | null {
  if (n.spelled || n.last !== i || !/^(?:1[89]|20)\d\d$/.test(words[i].text)) return null;
  return raw(i, i, "year", n.value, { year: n.value });
}

/**
 * A share written as "1 in 4" or "one in five": a percent (25, 20), not a count of four adults.
 * Not "2 in 2024" (a year) nor "2 in 10 minutes" (a time).
 */
function oneIn({ words, i, fw }: At, n: ReadNumber): Raw | null {
  if (n.last !== i || lower(words[i + 1]) !== "in") return null;
  const of = readNumber(words, i + 2, fw);
  if (!of || of.value <= n.value || of.last !== i + 2) return null;
  if (/^(?:1[89]|20)\d\d$/.test(words[i + 2].text)) return null;
  if (fw.timeUnits.has(words[of.last + 1]?.text ?? "")) return null;
  return raw(i, of.last, "percent", (n.value * 100) / of.value, {
    unit: "percent",
    rawUnit: "in",
  });
}

/**
 * Counts: "two countries", "two biggest airlines", "5,000 troops", "107 people",
 * "345 Muslim pilgrims", "300 Americans"; "3 short years" is a duration.
 */
function count(at: At, n: ReadNumber): Raw | null {
  const { words, i, fw } = at;
  if (n.spelled && n.value === 1) return null;
  let reach = n.last + 3;
  for (let k = n.last + 1; k <= reach && k < words.length; k++) {
    const t = words[k];
    // A compound glued by a hyphen is one modifier: "three ISIL-held buildings", "front-end".
    // Not right after the number: "two-thirds billions" is a fraction, no two billions.
    if (k > n.last + 1 && gluedHyphen(words, k)) {
      reach += 2;
      k++;
      continue;
    }
    const role = countWord(at, k);
    if (role === "stop") break;
    // "3 short years" is a duration with an adjective inside.
    const time = fw.timeUnits.get(t.text);
    if (time && k > n.last + 1) {
      return raw(i, k, "duration", n.value, { unit: time, rawUnit: t.text });
    }
    if (role === "noun") return raw(i, k, "count", n.value, { unit: t.text, rawUnit: t.text });
  }
  return null;
}

/**
 * A count written as a compound modifier: a number, a hyphen and a singular noun before another
 * word ("a six-member team": 6 members; "a 300-bed hospital"; "three-nation alliance"), as wires
 * and transcripts write it (glued, or spaced on both sides: "six - member"). Not a unit, a time,
 * a currency, an ordinal, a participle ("three-pronged") or one of `compound_not_nouns` ("a
 * 1,000-strong crowd", "a two-time champion").
 */
function compoundCount({ words, i, fw, inName }: At, n: ReadNumber): Raw | null {
  const dash = words[n.last + 1];
  const noun = words[n.last + 2];
  if (!Number.isInteger(n.value) || n.value < 2 || dash?.text !== "-" || !noun) return null;
  if (/^(?:1[89]|20)\d\d$/.test(words[i].text)) return null;
  const glued = words[n.last].end === dash.start && dash.end === noun.start;
  const spaced = words[n.last].end < dash.start && dash.end < noun.start;
  if (!(glued || spaced) || inName[n.last + 2] || words[n.last + 3]?.kind !== "word") return null;
  const t = noun.text;
  if (!/^\p{Ll}{3,}$/u.test(t) || isPlural(t) || STOPWORDS.has(t) || ADJECTIVE.test(t)) return null;
  const plural = fw.irregularPlurals.get(t) ?? regularPlural(t);
  if (notCounted(t, fw) || notCounted(plural, fw)) return null;
  return raw(i, n.last + 2, "count", n.value, { unit: plural, rawUnit: t });
}

/**
 * Endings of adjectives and participles, no counted nouns: "three-pronged", "two-dimensional",
 * "four-legged"; "axis" and "crisis" have no plural by rule ("a 300-bed" and "a 3-goal" pass).
 */
const ADJECTIVE = /^.{3,}ed$|^.{4,}(?:al|ic|ous|ive|ful|less|able|ible)$|(?:is|us)$/;

/** Whether a word names a unit, a time, money, a scale, a number or nothing counted. */
function notCounted(t: string, fw: FigureWords): boolean {
  return fw.units.has(t) || fw.timeUnits.has(t) || fw.currencies.has(t) || fw.scales.has(t) ||
    fw.numberWords.has(t) || fw.ordinals.has(t) || fw.compoundNotNouns.has(t) ||
    fw.multipliers.has(t);
}

/** The plural of a regular English noun: "member" "members", "party" "parties", "box" "boxes". */
function regularPlural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

/** Whether word k is a hyphen glued between two words (a compound: "ISIL-held"). */
function gluedHyphen(words: Word[], k: number): boolean {
  const h = words[k];
  if (h?.text !== "-") return false;
  const a = words[k - 1];
  const b = words[k + 1];
  return a?.kind === "word" && b?.kind === "word" && a.end === h.start && h.end === b.start;
}

/** An acronym that qualifies a counted noun ("15 IQ points", "500 NHS staff"); not a time of day. */
const ACRONYM = /^(?!AM$|PM$)\p{Lu}{2,5}$/u;

const compoundCache = new WeakMap<FigureWords, readonly string[]>();

/**
 * Whether a word ends in one of the irregular plurals of `plural_nouns` of five letters or
 * more: "schoolchildren", "businesswomen", "salespeople".
 */
function compoundPlural(word: string, fw: FigureWords): boolean {
  let ends = compoundCache.get(fw);
  if (!ends) compoundCache.set(fw, ends = [...fw.pluralNouns].filter((p) => p.length >= 5));
  return ends.some((p) => word.length > p.length && word.endsWith(p));
}

/**
 * What a word after a number is to a count: the counted noun, a word to read past (an
 * adjective, a people or country word), or the end of the search. A capitalised word other than
 * a people or country name ends it: "the 12 Downing Street staff" counts no staff.
 */
function countWord(at: At, k: number): "noun" | "modifier" | "stop" {
  const { words, fw } = at;
  const t = words[k].text;
  if (words[k].kind !== "word") return "stop";
  // A country qualifies the noun ("4,000 United States troops"); a people can be it ("300 Americans").
  if (at.modifier[k] === "GPE" || at.modifier[k] === "ORG") return "modifier";
  if (at.modifier[k] || (/^\p{Lu}/u.test(t) && (isDemonym(t) || isPeople(t)))) {
    return isPlural(t) ? "noun" : "modifier";
  }
  if (at.inName[k]) return "stop";
  if (!LOWER_WORD.test(t)) return ACRONYM.test(t) ? "modifier" : "stop";
  // "2.6 times EBITDA", "three times as many": a multiple, no count of times.
  if (fw.multipliers.has(t)) return "stop";
  if (fw.pluralNouns.has(t) || fw.anaphoricNouns.has(t)) return "noun";
  // "35 more civilians", "two other countries".
  if (k === at.number!.last + 1 && (t === "more" || t === "other")) return "modifier";
  if (STOPWORDS.has(t) || fw.numberWords.has(t)) return "stop";
  return isPlural(t) || compoundPlural(t, fw) ? "noun" : "modifier";
}

/**
 * A rank: "No. 3 seed", "the world No. 1" is an ordinal (3, 1), not a count nor the "1" of
 * "1 in three sets".
 */
function rank({ words, i }: At, n: ReadNumber): Raw | null {
  const dot = words[i - 1]?.text === "." ? 1 : 0;
  const no = words[i - 1 - dot];
  if (n.spelled || n.last !== i || !no || !/^(?:No|no|Number|number)$/.test(no.text)) return null;
  if (dot === 0 && !/^(?:Number|number)$/.test(no.text) && no.text !== "No") return null;
  return raw(i, i, "ordinal", n.value, { rawUnit: "No." });
}

/**
 * A count of people with no noun, as disaster and crime reports write them: "46 dead",
 * "killing at least 12", "the death toll rose to 46" (see `data/figures/measures.json`).
 */
function casualtyCount(at: At, n: ReadNumber): Raw | null {
  const { words, i, fw } = at;
  if (!Number.isInteger(n.value) || (n.spelled && n.value === 1)) return null;
  if (!countsPeople(words, leadOf(words, i, fw.approx), n.last, at.mw)) return null;
  const next = words[n.last + 1];
  const glued = next && at.mw.after.has(lowerCase(next.text));
  return raw(i, glued ? n.last + 1 : n.last, "count", n.value, {
    unit: "people",
    rawUnit: glued ? next.text : null,
  });
}

/**
 * A bare number that counts the people of a group named beside it: "a crowd of 60,383", "the
 * 60,383 crowd", "a population of 1.2 million" (see `collective_nouns`). A noun after the number
 * is counted instead ("a crowd of 2,000 fans", read first by {@link count}).
 */
function collectiveCount({ words, i, fw }: At, n: ReadNumber): Raw | null {
  if (!Number.isInteger(n.value) || n.spelled || /^(?:1[89]|20)\d\d$/.test(words[i].text)) {
    return null;
  }
  const bare = (w: Word | undefined) =>
    !w || w.kind === "punct" || STOPWORDS.has(lowerCase(w.text));
  const group = (w: Word | undefined) => w?.kind === "word" && fw.collectiveNouns.has(w.text);
  const count = (last: number, noun: Word) =>
    raw(i, last, "count", n.value, { unit: "people", rawUnit: noun.text });
  // "a crowd of 60,383 at the stadium"
  if (lower(words[i - 1]) === "of" && group(words[i - 2]) && bare(words[n.last + 1])) {
    return count(n.last, words[i - 2]);
  }
  // "the 60,383 crowd"
  if (group(words[n.last + 1]) && bare(words[n.last + 2])) {
    return count(n.last + 1, words[n.last + 1]);
  }
  return null;
}

/** Words between the two numbers of a range: "ten to 32 pages", "two or three goals", "15-20%". */
const RANGE_JOIN: ReadonlySet<string> = new Set(["to", "or", "-", "–"]);

/** Kinds a range's first number takes from its second. */
const RANGE_KINDS: ReadonlySet<FigureKind> = new Set(["money", "percent", "quantity", "count"]);

/**
 * The first number of a range, which takes the unit (and scale) written once after the second:
 * "from ten to 32 pages" (10 pages), "two or three goals", "15 to 20 percent", "3 to 5 billion
 * dollars" (3 billion dollars). A spelled "one" ("one or two points") is none.
 */
function rangeFirst(at: At, n: ReadNumber): Raw | null {
  const { words, i, fw } = at;
  if (n.spelled && n.value === 1) return null;
  const k = n.last + 2;
  const join = lower(words[n.last + 1]);
  if (!RANGE_JOIN.has(join) || !words[k]) return null;
  // "1 to 15 beds" is a ratio as often as a range.
  if (join === "to" && n.value === 1) return null;
  // Built as the main loop builds it (one object shape for every reader).
  const { mw, inName, modifier, counted } = at;
  const second = readFigure({ words, i: k, fw, mw, inName, modifier, counted });
  if (!second || second.first !== k || !RANGE_KINDS.has(second.kind)) return null;
  // "3 to 5 billion": the second's scale word is the first's too.
  const plain = numberOf(words[k]) ?? fw.numberWords.get(lower(words[k]));
  const scale = !fw.scales.has(lower(words[n.last])) && plain && second.value !== null &&
      readNumber(words, k, fw)?.last !== k
    ? readNumber(words, k, fw)!.value / plain
    : 1;
  return raw(i, n.last, second.kind, scaled(n.value, scale), {
    unit: second.unit,
    rawUnit: second.rawUnit,
    per: second.per,
  });
}

/** Words before a bare number that make it the base of a change: "412 seats, up from 202". */
const BASE_BEFORE = /^(?:from|than)$/;

/**
 * A bare number that is the base of a change of the sentence's count before it: "Labour won
 * 412 seats, up from 202" (202 seats), "the toll rose to 46 from 42" (42 people).
 */
function baseCount(at: At, n: ReadNumber): Raw | null {
  const { words, i } = at;
  if (!at.counted || !Number.isInteger(n.value) || n.spelled) return null;
  if (!BASE_BEFORE.test(lower(words[i - 1]))) return null;
  const next = words[n.last + 1];
  if (next && next.kind === "word" && !STOPWORDS.has(lowerCase(next.text))) return null;
  return raw(i, n.last, "count", n.value, { unit: at.counted, rawUnit: null });
}

/**
 * The figure grammar: readers tried in this order at each word, the first figure found wins.
 * Dates before numbers ("24 August" is a date, not a count); money with a sign before the
 * number readers; then what follows a number, from the most specific unit (percent, currency,
 * measure, time) to a bare year and, last, a count of any plural noun.
 */
const READERS: readonly Reader[] = [
  monthFirstDate,
  weekdayOrDayFirstDate,
  signFirstMoney,
  vagueCount,
  ordinal,
  score,
  afterNumber(percent),
  afterNumber(currencyAfterMoney),
  afterNumber(quantity),
  afterNumber(duration),
  afterNumber(year),
  afterNumber(rank),
  afterNumber(oneIn),
  afterNumber(compoundCount),
  afterNumber(count),
  afterNumber(casualtyCount),
  afterNumber(collectiveCount),
  afterNumber(baseCount),
  afterNumber(rangeFirst),
];

/** The figure that starts at word i: the first of {@link READERS} that reads one. */
function readFigure(at: At): Raw | null {
  for (const read of READERS) {
    const figure = read(at);
    if (figure) return figure;
  }
  return null;
}

/** A plural noun, roughly: "troops", "countries"; not "has", "was", "status" or "famous". */
function isPlural(word: string): boolean {
  return /[^s]s$/.test(word) && !/(?:ss|ous|is|us)$/.test(word) && !STOPWORDS.has(word);
}

/** The k lower-case words before a position, joined: each (position, k) built once. */
function wordsBeforeOf(words: Word[]): (at: number, k: number) => string {
  const joined = new Map<number, string>();
  return (at, k) => {
    const key = at * 64 + k;
    let out = joined.get(key);
    if (out === undefined) {
      out = words.slice(Math.max(0, at - k), at).map((w) => lowerCase(w.text)).join(" ");
      if (k < 64) joined.set(key, out);
    }
    return out;
  };
}

/** An approximation before the figure ("about", "more than"): whether, and where it starts. */
function approxBefore(
  raw: Raw,
  fw: FigureWords,
  wordsBefore: (at: number, k: number) => string,
): { approx: boolean; lead: number } {
  const approxSizes = sizesOf(fw.approx);
  for (let j = 0; j < fw.approx.length; j++) {
    const size = approxSizes[j];
    if (wordsBefore(raw.first, size) === fw.approx[j]) {
      return { approx: true, lead: raw.first - size };
    }
  }
  return { approx: raw.approx, lead: raw.first };
}

/** A change stated with an amount: before it ("a rise of"), else the word after ("down"). */
function changeOf(
  raw: Raw,
  lead: number,
  words: Word[],
  fw: FigureWords,
  wordsBefore: (at: number, k: number) => string,
): string | null {
  if (
    raw.kind !== "percent" && raw.kind !== "money" && raw.kind !== "quantity" &&
    raw.kind !== "count"
  ) return null;
  const changeSizes = sizesOf(fw.changesBefore);
  for (let j = 0; j < fw.changesBefore.length; j++) {
    const c = fw.changesBefore[j];
    if (wordsBefore(lead, changeSizes[j]) === c) {
      return c.split(" ").find((p) => p !== "an" && p !== "by" && p !== "of") ?? c;
    }
  }
  const following = words[raw.last + 1];
  if (following && fw.changesAfter.has(following.text.toLowerCase())) {
    return following.text.toLowerCase();
  }
  return null;
}

/** Whether a figure of this kind can be a rate or be given for a year ("$5 bn a year in 2023"). */
function isAmount(kind: FigureKind): boolean {
  return kind !== "date" && kind !== "year" && kind !== "ordinal" && kind !== "duration" &&
    kind !== "score";
}

/** Words after "a year" that make it a time, not a rate: "$2.78 a year ago", "a year earlier". */
const RELATIVE_TIME = /^(?:ago|earlier|before|later|prior|previously)$/;

/**
 * The rate's denominator within the next few words: "per year", "a month", "annually"; right
 * after the figure also "per share", "a gallon" (a unit or one of `rate_nouns`), "115mph".
 */
function rateOf(
  raw: Raw,
  words: Word[],
  fw: FigureWords,
  bases: ReadonlySet<string>,
): string | null {
  if (raw.per) return raw.per;
  for (let k = raw.last + 1; k < Math.min(words.length, raw.last + 7); k++) {
    const t = lowerCase(words[k].text);
    if (words[k].kind === "punct" && t !== "(" && t !== ")") break;
    // Another number's rate is its own: "$2 million against annual revenue of $24 million".
    if (words[k].kind === "number" || bases.has(t)) break;
    const next = words[k + 1];
    const adjacent = k === raw.last + 1;
    if (t === "per" && next) {
      const per = rateWord(next, fw, adjacent);
      if (per !== null) return per;
    }
    if ((t === "a" || t === "an") && adjacent && next && !RELATIVE_TIME.test(lower(words[k + 2]))) {
      const per = rateWord(next, fw, false);
      if (per !== null) return per;
    }
    if (t === "annually" || t === "annual") return "year";
  }
  return null;
}

/**
 * What a rate is per: a time unit ("day"), a unit ("gallon"), one of `rate_nouns` ("share"), or,
 * with `anyNoun` (right after "per"), any lower-case noun ("per capita"; never "per cent").
 */
function rateWord(w: Word, fw: FigureWords, anyNoun: boolean): string | null {
  const time = fw.timeUnits.get(w.text);
  if (time !== undefined) return time;
  if (w.kind !== "word") return null;
  const t = lowerCase(w.text);
  const unit = fw.units.get(w.text) ?? fw.units.get(t);
  if (unit !== undefined) return unit.split("/")[0];
  if (fw.rateNouns.has(t)) return t;
  if (anyNoun && LOWER_WORD.test(w.text) && !STOPWORDS.has(t) && t !== "cent") return t;
  return null;
}

/** The year the figure is for: "$240 billion in 2023"; else the year it carries. */
function yearFor(raw: Raw, words: Word[]): number | null {
  if (
    lower(words[raw.last + 1]) === "in" &&
    /^(?:1[89]|20)\d\d$/.test(words[raw.last + 2]?.text ?? "")
  ) {
    return Number(words[raw.last + 2].text);
  }
  return raw.year;
}

/**
 * The finishing step: a figure read by {@link READERS} with its surface text and offsets, and
 * what the words around it add (approximation, change, rate, the year it is for).
 */
function finish(
  raw: Raw,
  words: Word[],
  text: string,
  sentence: Sentence,
  fw: FigureWords,
  pw: PeriodWords,
  period: string | null = null,
  measure: string | null = null,
): Figure {
  const start = words[raw.first].start;
  const end = words[raw.last].end;
  const wordsBefore = wordsBeforeOf(words);
  const { approx, lead } = approxBefore(raw, fw, wordsBefore);
  const amount = isAmount(raw.kind);
  return {
    articleId: sentence.articleId,
    outlet: sentence.outlet,
    sentenceId: sentence.id,
    text: text.slice(start, end),
    kind: raw.kind,
    value: raw.value,
    unit: raw.unit,
    rawUnit: raw.rawUnit,
    per: amount ? rateOf(raw, words, fw, pw.bases) : null,
    approx,
    change: changeOf(raw, lead, words, fw, wordsBefore),
    year: amount ? yearFor(raw, words) : raw.year,
    period,
    measure,
    start,
    end,
  };
}
