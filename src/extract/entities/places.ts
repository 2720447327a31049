/**
 * What the entity stage asks of the place and name lexicons: is a name a country, a US state or
 * a city (a model's LOC is then a GPE), and does a first name tell a gender. The lexicons
 * themselves (from npm data packages) live with the recogniser; this is the narrow view of them
 * the entity stage reads, so a test can pass its own.
 * @module
 */

/** The kind of a known place. */
export type PlaceKind = "country" | "state" | "city";

/** Lookups the entity stage reads. */
export interface PlaceLookups {
  /** The kind of a place name as written ("Poland", "California", "Santa Fe"), else undefined. */
  kind(name: string): PlaceKind | undefined;
  /** The gender a first name tells, when the name lists agree on one. */
  gender(firstName: string): "female" | "male" | undefined;
}

/** No lookups: every model LOC stays LOC, no gender is known. */
export const NO_PLACES: PlaceLookups = { kind: () => undefined, gender: () => undefined };
