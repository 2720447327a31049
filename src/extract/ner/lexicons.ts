/**
 * Gazetteers for names: countries, capitals, cities, US states, demonyms and first names (built
 * from pinned npm data packages by `deno task build:gazetteers`, see data/gazetteers/SOURCES.md),
 * and the word classes that cue a name (organisation words, titles and roles). The entity
 * recogniser uses them as features; the entity extractor and the quote attributor use the
 * lookups (GPE vs LOC, gender of a first name).
 * @module
 */

import { z } from "zod";
import placesData from "../../../data/gazetteers/places.json" with { type: "json" };
import demonymData from "../../../data/gazetteers/demonyms.json" with { type: "json" };
import firstNameData from "../../../data/gazetteers/first_names.json" with { type: "json" };
import cueData from "../../../data/gazetteers/name_cues.json" with { type: "json" };
import aliasData from "../../../data/gazetteers/country_aliases.json" with { type: "json" };
import peopleData from "../../../data/gazetteers/peoples.json" with { type: "json" };
import { TokenTrie } from "../trie.ts";
import { extractionWords } from "../words.ts";

const names = z.array(z.string().min(1));
const PlacesSchema = z.object({
  description: z.string(),
  countries: names.min(1),
  capitals: names.min(1),
  cities: names.min(1),
  usStates: names.length(50),
});
const DemonymSchema = z.object({ description: z.string(), demonyms: names.min(1) });
const PeopleSchema = z.object({ description: z.string(), peoples: names.min(1) });
const FirstNameSchema = z.object({
  description: z.string(),
  female: names.min(1),
  male: names.min(1),
});
const AliasSchema = z.object({
  description: z.string(),
  aliases: z.record(z.string().min(1), z.string().min(1)),
});
const CueSchema = z.object({
  description: z.string(),
  orgWords: names.min(1),
  titles: names.min(1),
});

function parse<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new Error(`data/gazetteers/${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

const places = parse(PlacesSchema, placesData, "places.json");
const demonymList = parse(DemonymSchema, demonymData, "demonyms.json").demonyms;
// Not a feature of the model (it was trained without it): read by the entity rules only.
const peoples = new Set(parse(PeopleSchema, peopleData, "peoples.json").peoples);
const firstNames = parse(FirstNameSchema, firstNameData, "first_names.json");
const cues = parse(CueSchema, cueData, "name_cues.json");
const countryAliases = new Map(
  Object.entries(parse(AliasSchema, aliasData, "country_aliases.json").aliases),
);
for (const [alias, country] of countryAliases) {
  if (!places.countries.includes(country)) {
    throw new Error(
      `data/gazetteers/country_aliases.json: aliases.${alias}: "${country}" is no country of places.json`,
    );
  }
}

/** Bits of the word classes a name or word belongs to (a name can be in several). */
export const LEXICON = {
  country: 1,
  capital: 2,
  city: 4,
  usState: 8,
  demonym: 16,
  femaleName: 32,
  maleName: 64,
  orgWord: 128,
  title: 256,
} as const;

/** The number of classes in {@link LEXICON}. */
export const LEXICON_CLASSES = 9;

/** Class bits of each name (whole name as written, e.g. "New York"). */
const nameBits = new Map<string, number>();
/** Multi-word names as token sequences, to their class bits. */
const multiWord = new TokenTrie<number>();
/** Single-word names, to their class bits. */
const singleWord = new Map<string, number>();

function addAll(list: readonly string[], bit: number): void {
  for (const name of list) {
    nameBits.set(name, (nameBits.get(name) ?? 0) | bit);
  }
}
addAll(places.countries, LEXICON.country);
addAll(places.capitals, LEXICON.capital);
addAll(places.cities, LEXICON.city);
addAll(places.usStates, LEXICON.usState);
addAll(demonymList, LEXICON.demonym);
addAll(firstNames.female, LEXICON.femaleName);
addAll(firstNames.male, LEXICON.maleName);
addAll(cues.orgWords, LEXICON.orgWord);
addAll(cues.titles, LEXICON.title);
const multiWordBits = new Map<string, number>();
for (const [name, bits] of nameBits) {
  const words = extractionWords(name).map((w) => w.text);
  if (words.length === 1) singleWord.set(words[0], bits);
  else if (words.length > 1) {
    const key = words.join(" ");
    multiWordBits.set(key, (multiWordBits.get(key) ?? 0) | bits);
  }
}
for (const [key, bits] of multiWordBits) multiWord.add(key.split(" "), bits);

/** The class bits of one word ("Poland" → country), 0 when it is in no list. */
export function wordClasses(word: string): number {
  return singleWord.get(word) ?? 0;
}

/**
 * The longest multi-word name starting at word `from` ("New York City", "United States"): its
 * class bits and length in words, or null.
 */
export function multiWordName(
  words: readonly string[],
  from: number,
): { bits: number; length: number } | null {
  if (!multiWord.hasFirst(words[from])) return null;
  const found = multiWord.longest(from, Math.min(words.length, from + 6), (i) => words[i]);
  return found ? { bits: found.value, length: found.length } : null;
}

function has(name: string, bit: number): boolean {
  return ((nameBits.get(name.trim()) ?? 0) & bit) !== 0;
}

/**
 * The country a name stands for: itself when it is a country of countries-list, the country of a
 * short or alternative form ("U.S.", "Britain", "UAE"; data/gazetteers/country_aliases.json),
 * else undefined.
 */
export function countryOf(name: string): string | undefined {
  const n = name.trim();
  return countryAliases.get(n) ?? (has(n, LEXICON.country) ? n : undefined);
}

/** "Poland", "United States" (names as written in countries-list). */
export function isCountry(name: string): boolean {
  return has(name, LEXICON.country);
}

/** A national capital ("Warsaw"). */
export function isCapital(name: string): boolean {
  return has(name, LEXICON.capital);
}

/** A city of at least 50,000 inhabitants (GeoNames), or a national capital. */
export function isCity(name: string): boolean {
  return has(name, LEXICON.city | LEXICON.capital);
}

/** One of the 50 US states ("California"). */
export function isUsState(name: string): boolean {
  return has(name, LEXICON.usState);
}

/** A country's demonym, singular or plural ("Polish", "American", "Americans"). */
export function isDemonym(name: string): boolean {
  const n = name.trim();
  return has(n, LEXICON.demonym) || (n.endsWith("s") && has(n.slice(0, -1), LEXICON.demonym));
}

/**
 * A people, ethnic, religious or political group that is no country's demonym, singular or plural
 * ("Rohingya", "Muslims", "Native American"; data/gazetteers/peoples.json).
 */
export function isPeople(name: string): boolean {
  const n = name.trim();
  return peoples.has(n) || (n.endsWith("s") && peoples.has(n.slice(0, -1)));
}

/** A title or role word that stands before a person's name ("Sen.", "President", "spokesman"). */
export function isTitleWord(word: string): boolean {
  return has(word, LEXICON.title);
}

/** A word that ends or opens an organisation's name ("Inc", "University", "Party"). */
export function isOrgWord(word: string): boolean {
  return has(word, LEXICON.orgWord);
}

/**
 * The gender a first name is listed under (English first-name lists), "either" when it is in
 * both lists, null when in neither. Case-sensitive on the first letter: "Mark", not "mark".
 */
export function firstNameGender(name: string): "female" | "male" | "either" | null {
  const bits = (nameBits.get(name.trim()) ?? 0) & (LEXICON.femaleName | LEXICON.maleName);
  if (bits === 0) return null;
  if (bits === (LEXICON.femaleName | LEXICON.maleName)) return "either";
  return bits === LEXICON.femaleName ? "female" : "male";
}
