/**
 * What the entity stage asks of the place and name lexicons: is a name a country, a US state or
 * a city (a model's LOC is then a GPE), and does a first name tell a gender. The lexicons
 * themselves (from npm data packages) live with the recogniser; this is the narrow view of them
 * the entity stage reads, so a test can pass its own.
 * @module
 */

import {
  countryOf,
  firstNameGender,
  isCapital,
  isCity,
  isDemonym,
  isPeople,
  isUsState,
} from "../ner/lexicons.ts";

/** The kind of a known place. */
export type PlaceKind = "country" | "state" | "city";

/**
 * Lookups the entity stage reads.
 * @internal compiled from a data file or a model; built by its loader, not by hand (see newsframe/extract).
 */
export interface PlaceLookups {
  /** The kind of a place name as written ("Poland", "California", "Santa Fe"), else undefined. */
  kind(name: string): PlaceKind | undefined;
  /** The gender a first name tells, when the name lists agree on one. */
  gender(firstName: string): "female" | "male" | undefined;
  /** Whether a word is in the first-name lists (of either gender); else a gender must be known. */
  firstName?(word: string): boolean;
  /** A national capital ("Warsaw"): used as an actor it may stand for its government. */
  capital?(name: string): boolean;
  /** The canonical name of a place written in a short or other form ("U.S." → "United States"). */
  canonical?(name: string): string | undefined;
  /** A nationality or people ("American", "Rohingya", "Native Americans"): a group, no person. */
  people?(name: string): boolean;
}

/** No lookups: every model LOC stays LOC, no gender is known. */
export const NO_PLACES: PlaceLookups = { kind: () => undefined, gender: () => undefined };

/** Whether a word is a first name by the lookups. */
export function isFirstName(places: PlaceLookups, word: string): boolean {
  return places.firstName ? places.firstName(word) : places.gender(word) !== undefined;
}

/** The lookups of the packaged lexicons (countries-list, GeoNames cities, US states, first names). */
export const LEXICON_PLACES: PlaceLookups = {
  kind: (name) =>
    countryOf(name) ? "country" : isUsState(name) ? "state" : isCity(name) ? "city" : undefined,
  gender: (first) => {
    const g = firstNameGender(first);
    return g === "female" || g === "male" ? g : undefined;
  },
  firstName: (word) => firstNameGender(word) !== null,
  capital: isCapital,
  canonical: countryOf,
  people: (name) => isDemonym(name) || isPeople(name),
};
