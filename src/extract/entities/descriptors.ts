/**
 * A word before a person's name that describes the person ("Scientologist Tom Cruise", "Novelist
 * Jane Ann Smith"): the statistical recogniser often takes it into the name. The name is
 * the rest, and the word goes to the role.
 * @module
 */

import { canonicalPerson } from "./titles.ts";
import { isFirstName, type PlaceLookups } from "./places.ts";
import { type Found, type SentenceState, surface } from "./state.ts";

/** A noun for what somebody does or believes in: "-ist", "-ian", "-er" (never a first name, checked apart). */
const DESCRIPTOR_END = /(?:ist|ian|er)$/;
/** One capitalised word of lower-case letters: a common noun written at the head of a name. */
const PLAIN_WORD = /^\p{Lu}\p{Ll}+$/u;

/** The full names (two words or more) of the article's people. */
function fullNames(all: readonly SentenceState[]): Set<string> {
  const names = new Set<string>();
  for (const s of all) {
    for (const f of s.found) if (f.type === "PERSON" && f.entity.includes(" ")) names.add(f.entity);
  }
  return names;
}

/**
 * The name without its first word when that word describes the person: not a first name, and
 * either the rest is another full name of the article ("Tom Cruise") or the word looks like a
 * descriptor ({@link DESCRIPTOR_END}). "Mary Ann Smith" stays beside "Ann Smith": Mary is a
 * first name.
 */
function withoutDescriptor(
  s: SentenceState,
  f: Found,
  names: ReadonlySet<string>,
  places: PlaceLookups,
): string | null {
  if (f.type !== "PERSON" || f.source === "gazetteer" || f.lead !== undefined) return null;
  if (f.last - f.first < 2) return null;
  const word = s.words[f.first].text;
  if (!PLAIN_WORD.test(word) || isFirstName(places, word) || places.kind(word)) return null;
  const rest = canonicalPerson(surface(s, f.first + 1, f.last));
  return names.has(rest) || DESCRIPTOR_END.test(word) ? rest : null;
}

/** Takes descriptors off the names of the article's people: the word is freed and becomes the lead of the role. */
export function dropDescriptors(all: readonly SentenceState[], places: PlaceLookups): void {
  const names = fullNames(all);
  for (const s of all) {
    for (const f of s.found) {
      const rest = withoutDescriptor(s, f, names, places);
      if (rest === null) continue;
      s.covered[f.first] = false;
      f.lead = f.first++;
      f.entity = rest;
    }
  }
}
