/**
 * Organisations across an article: acronyms defined in the text join their long form ("the
 * Federal Bureau of Investigation (FBI)": every "FBI" of the article is that bureau), and an
 * organisation's short form stays that organisation ("Santa Fe" after "Santa Fe Pacific Gold
 * Corp" is the company, not a person).
 * @module
 */

import type { Cues } from "../cues.ts";
import { TokenTrie } from "../trie.ts";
import { wordKey } from "../words.ts";
import { isFirstName, type PlaceLookups } from "./places.ts";
import {
  adjacent,
  cover,
  type Found,
  gluedToWord,
  ruleFound,
  type SentenceState,
} from "./state.ts";

const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}&.]{1,9}$/u;
const SMALL_WORDS = new Set(["of", "for", "and", "the", "on", "in", "&", "de"]);

/** True when `acronym` is the initials of `name` (its small words may be left out). */
export function isAcronymOf(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}\p{N}]/gu, "");
  const words = name.split(/[\s-]+/).filter(Boolean);
  const all = words.map((x) => x[0].toUpperCase()).join("");
  const big = words.filter((x) => !SMALL_WORDS.has(x)).map((x) => x[0].toUpperCase()).join("");
  return letters.length >= 2 && (letters === big || letters === all);
}

/** The acronyms an article defines: "Name (ACR)", with the name found just before the bracket. */
function definedAcronyms(all: readonly SentenceState[]): Map<string, Found> {
  const out = new Map<string, Found>();
  for (const s of all) {
    const w = s.words;
    for (let i = 1; i + 2 < w.length; i++) {
      if (w[i].text !== "(" || w[i + 2].text !== ")" || !ACRONYM.test(w[i + 1].text)) continue;
      const long = s.found.find((f) => f.last === i - 1 && f.type !== "PERSON");
      if (long && isAcronymOf(w[i + 1].text, long.entity)) out.set(w[i + 1].text, long);
    }
  }
  return out;
}

/** Tags every use of an acronym the article defines as its long form's entity. */
export function joinAcronyms(all: readonly SentenceState[]): void {
  const acronyms = definedAcronyms(all);
  if (!acronyms.size) return;
  for (const s of all) {
    for (let i = 0; i < s.words.length; i++) {
      const long = acronyms.get(s.words[i].text);
      if (!long || gluedToWord(s, i, i)) continue;
      const at = s.found.find((f) => f.first === i && f.last === i);
      if (at) {
        at.entity = long.entity;
        at.type = long.type;
        at.media = long.media;
      } else if (!s.covered[i]) {
        const f = ruleFound(i, i, long.entity, long.type);
        f.media = long.media;
        cover(s, f);
      }
    }
  }
}

/** An organisation of the article and the last word of its name. */
interface OrgName {
  found: Found;
  last: string;
}

/** Every proper prefix of the article's organisation names ("Santa Fe" of "Santa Fe Pacific Gold Corp"), to the organisation. */
function orgPrefixes(all: readonly SentenceState[]): TokenTrie<OrgName> {
  const prefixes = new TokenTrie<OrgName>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "ORG" || f.last === f.first) continue;
      const org = { found: f, last: lastWord(s, f) };
      for (let end = f.first; end < f.last; end++) {
        if (SMALL_WORDS.has(s.words[end].text) || s.words[end].kind === "punct") continue;
        const keys: string[] = [];
        for (let k = f.first; k <= end; k++) keys.push(wordKey(s.words[k].text));
        prefixes.add(keys, org);
      }
    }
  }
  return prefixes;
}

/** The surnames of the article's people named in full outside any organisation's name. */
function personSurnames(all: readonly SentenceState[], prefixes: TokenTrie<OrgName>): Set<string> {
  const out = new Set<string>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "PERSON" || f.first === f.last) continue;
      const match = prefixes.longest(f.first, f.last + 1, (k) => s.keys[k]);
      if (match && match.length === f.last - f.first + 1) continue;
      out.add(s.words[f.last].text);
    }
  }
  return out;
}

/** The last word of an organisation's name, past a closing dot ("Corp."). */
function lastWord(s: SentenceState, f: Found): string {
  const last = s.words[f.last].text === "." && f.last > f.first ? f.last - 1 : f.last;
  return s.words[last].text;
}

/**
 * Persons that are an article organisation's short form become that organisation; so do places
 * the model found that start a company's name ("Santa Fe" of "Santa Fe Pacific Gold Corp"), unless
 * a country or US state, and organisations that do ("Delta" of "Delta Air Lines"). Other places keep their type: "San Francisco" is no short form of "San
 * Francisco 49ers".
 */
export function keepOrgShortForms(
  all: readonly SentenceState[],
  places: PlaceLookups,
  cues: Cues,
): void {
  const prefixes = orgPrefixes(all);
  if (!prefixes.size) return;
  const surnames = personSurnames(all, prefixes);
  for (const s of all) {
    for (const f of s.found) {
      const place = (f.type === "GPE" || f.type === "LOC") && f.source === "model" &&
        places.kind(f.entity) !== "country" && places.kind(f.entity) !== "state";
      // A company's short form typed ORG ("Delta" after "Delta Air Lines") is the company.
      // (A user's own entry is left as the user wrote it.)
      const org = f.type === "ORG" && !(f.source === "gazetteer" && f.general !== true);
      if (f.type !== "PERSON" && !place && !org) continue;
      const match = prefixes.longest(
        f.first,
        f.last + 1,
        (k) => (k > f.first && !adjacent(s, k - 1, k) ? null : s.keys[k]),
      );
      if (!match || match.length !== f.last - f.first + 1) continue;
      if (f.first === f.last && surnames.has(s.words[f.first].text)) continue;
      // "Andy Warhol" beside the "Andy Warhol Foundation": a full name is the person the
      // institution is named after; only a company's name takes a person's ("Charles Schwab").
      const fullName = f.type === "PERSON" && f.last > f.first &&
        isFirstName(places, s.words[f.first].text);
      if (fullName && !cues.titleRules.companyLast.has(match.value.last)) continue;
      // Places and organisations only for a company's name: "United Nations" is no short form
      // of "United Nations Security Council", nor "Harvard" of "Harvard Medical School".
      if ((place || org) && !cues.titleRules.companyLast.has(match.value.last)) continue;
      const long = match.value.found;
      if (long === f) continue;
      Object.assign(f, { entity: long.entity, type: "ORG", media: long.media });
    }
  }
}
