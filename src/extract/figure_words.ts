/**
 * The words figures are read with (scales, number words, currencies, units, change words), kept
 * as data in `data/entities/figures.json` and validated here.
 * @module
 */

import { z } from "zod";
import defaults from "../../data/entities/figures.json" with { type: "json" };

const numbers = z.record(z.string().min(1), z.number().positive());
const names = z.record(z.string().min(1), z.string().min(1));
const words = z.array(z.string().trim().min(1));

/** The schema of `data/entities/figures.json`. */
export const FigureWordsSchema = z.object({
  description: z.string().optional(),
  scales: numbers,
  glued_scales: numbers.default({}),
  number_words: numbers,
  ordinals: numbers,
  vague_numbers: numbers,
  currencies: names,
  units: names,
  unit_scales: numbers,
  time_units: names,
  rate_nouns: words.default([]),
  plural_nouns: words.default([]),
  anaphoric_nouns: words.default([]),
  multipliers: words.default([]),
  irregular_plurals: names.default({}),
  compound_not_nouns: words.default([]),
  collective_nouns: words.default([]),
  approx: words,
  changes_before: words,
  changes_after: words,
  months: words.length(12),
  weekdays: words.length(7),
});

/**
 * Figure words ready for lookups; keys of the number maps are lower case.
 * @internal compiled from a data file or a model; built by its loader, not by hand (see newsframe/extract).
 */
export interface FigureWords {
  scales: ReadonlyMap<string, number>;
  /** Scales read only glued to a number after a currency sign ("£22m"), lower case. */
  gluedScales: ReadonlyMap<string, number>;
  numberWords: ReadonlyMap<string, number>;
  ordinals: ReadonlyMap<string, number>;
  vagueNumbers: ReadonlyMap<string, number>;
  /** The vague numbers split into words, by their first word ("tens" → "tens of thousands"). */
  vagueByFirstWord: ReadonlyMap<string, readonly { words: string[]; value: number }[]>;
  currencies: ReadonlyMap<string, string>;
  /** Written unit (lower case, except case-sensitive abbreviations such as "MW") to normalised unit. */
  units: ReadonlyMap<string, string>;
  /** Units that carry a scale of their own ("bcm" is billions of cubic metres). */
  unitScales: ReadonlyMap<string, number>;
  timeUnits: ReadonlyMap<string, string>;
  /** What a figure is given per after "a" ("$2.41 a gallon"), besides time units and units. */
  rateNouns: ReadonlySet<string>;
  /** Counted nouns whose plural has no -s ("people", "women", "police"). */
  pluralNouns: ReadonlySet<string>;
  /** Counted nouns that count what the sentence counted before ("238 others"). */
  anaphoricNouns: ReadonlySet<string>;
  /** Words after a number that make it a multiple, no count ("2.6 times"). */
  multipliers: ReadonlySet<string>;
  /** Singular nouns whose plural is not made by rule ("member" → "members", but "man" → "men"). */
  irregularPlurals: ReadonlyMap<string, string>;
  /** Words after a number and a hyphen that count nothing ("a 1,000-strong crowd", "two-time"). */
  compoundNotNouns: ReadonlySet<string>;
  /** Groups of people a bare number counts ("a crowd of 60,383", "the 60,383 crowd"). */
  collectiveNouns: ReadonlySet<string>;
  approx: readonly string[];
  changesBefore: readonly string[];
  changesAfter: ReadonlySet<string>;
  /** Month name to its number (1-12). */
  months: ReadonlyMap<string, number>;
  weekdays: ReadonlySet<string>;
}

/** Validates and compiles figure words (a user's own `figures.json`). Throws a readable error. */
export function compileFigureWords(data: unknown, source = "figure words"): FigureWords {
  const parsed = FigureWordsSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  const lower = (r: Record<string, number>) =>
    new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    scales: lower(d.scales),
    gluedScales: lower(d.glued_scales),
    numberWords: lower(d.number_words),
    ordinals: lower(d.ordinals),
    vagueNumbers: lower(d.vague_numbers),
    vagueByFirstWord: Map.groupBy(
      [...lower(d.vague_numbers)].map(([k, value]) => ({ words: k.split(" "), value }))
        .sort((a, b) => b.words.length - a.words.length),
      (v) => v.words[0],
    ),
    currencies: new Map(Object.entries(d.currencies)),
    units: new Map(Object.entries(d.units)),
    unitScales: new Map(Object.entries(d.unit_scales)),
    timeUnits: new Map(Object.entries(d.time_units)),
    rateNouns: new Set(d.rate_nouns),
    pluralNouns: new Set(d.plural_nouns),
    anaphoricNouns: new Set(d.anaphoric_nouns),
    multipliers: new Set(d.multipliers),
    irregularPlurals: new Map(Object.entries(d.irregular_plurals)),
    compoundNotNouns: new Set(d.compound_not_nouns),
    collectiveNouns: new Set(d.collective_nouns),
    approx: [...d.approx].sort((a, b) => b.length - a.length),
    changesBefore: [...d.changes_before].sort((a, b) => b.length - a.length),
    changesAfter: new Set(d.changes_after),
    months: new Map(d.months.map((m, i) => [m, i + 1])),
    weekdays: new Set(d.weekdays),
  };
}

/** The figure words shipped in `data/entities/figures.json`. */
export const DEFAULT_FIGURE_WORDS: FigureWords = compileFigureWords(
  defaults,
  "data/entities/figures.json",
);
