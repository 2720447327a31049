/**
 * Exact list matches and the cue rules: gazetteer aliases (longest wins); names next to a speech
 * verb or before an appositive role; organisation names holding a head word; a country's
 * institutions ("Canada’s foreign ministry"); capitals standing for governments (metonymy).
 * @module
 */

import type { Cues } from "../cues.ts";
import { type Gazetteer, GENERAL_GAZETTEER } from "../gazetteer.ts";
import type { PlaceLookups } from "./places.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { isCapitalised, lowerCase } from "../words.ts";
import {
  adjacent,
  cover,
  gluedToWord,
  isNameWord,
  nameRun,
  ruleFound,
  type SentenceState,
  surface,
} from "./state.ts";

const CONNECTORS = new Set(["of", "for", "and", "the"]);
/** Possessive clitics, as the tokenizer splits them off. */
export const POSSESSIVE: ReadonlySet<string> = new Set(["’s", "'s"]);

/** Tags the gazetteer's aliases in one sentence (source: gazetteer). */
export function matchGazetteer(s: SentenceState, gazetteer: Gazetteer): void {
  const n = s.words.length;
  if (!gazetteer.byName.size) return;
  for (let i = 0; i < n;) {
    if (!gazetteer.trie.hasFirst(s.keys[i])) {
      i++;
      continue;
    }
    const match = gazetteer.trie.longest(
      i,
      n,
      (k) => (k > i && !adjacent(s, k - 1, k) ? null : s.keys[k]),
    );
    if (!match || gluedToWord(s, i, i + match.length - 1)) {
      i++;
      continue;
    }
    const e = match.value;
    const found = ruleFound(i, i + match.length - 1, e.name, e.type, "gazetteer");
    found.media = e.media === true;
    if (GENERAL_GAZETTEER.byName.get(e.name) === e) found.general = true;
    cover(s, found);
    i += match.length;
  }
}

/** A run that is no person: after "the", or ending in a media or company word ("The New York Times reported"). */
function notPerson(s: SentenceState, i: number, len: number, cues: Cues): boolean {
  const last = s.words[i + len - 1].text;
  const before = s.words[i - 1]?.text;
  return before === "the" || before === "The" || cues.titleRules.notPersonLast.has(last) ||
    cues.orgHeads.has(last);
}

/** Persons by cue: next to a speech verb ("says Jane Ortiz"), before an appositive role ("Jane Ortiz, director of"). */
export function discoverNames(s: SentenceState, cues: Cues): void {
  const w = s.words;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    if (s.covered[i] || !isNameWord(w[i], cues)) continue;
    if (i > 0 && isNameWord(w[i - 1], cues) && !s.covered[i - 1]) continue;
    const len = nameRun(s, i, 3, cues);
    if (len < 2 || notPerson(s, i, len, cues)) continue;
    const after = i + len;
    const roleAt = w[after]?.text === ","
      ? after + 1 + (/^(?:a|an|the)$/.test(w[after + 1]?.text ?? "") ? 1 : 0)
      : -1;
    const appositive = roleAt > 0 && roleAt < n && cues.appositiveRoles.has(w[roleAt].text);
    const speech = (i > 0 && cues.directSpeechVerbs.has(w[i - 1].text)) ||
      (after < n && cues.directSpeechVerbs.has(w[after].text) && adjacent(s, after - 1, after));
    if (appositive || speech) {
      cover(s, ruleFound(i, after - 1, surface(s, i, after - 1), "PERSON"));
      i = after - 1;
    }
  }
}

/** The capitalised run from `i` ("London School of Economics and Political Science"): its last word and whether it holds a head. */
function capitalisedRun(s: SentenceState, i: number, cues: Cues): { last: number; head: boolean } {
  const w = s.words;
  let last = i;
  let head = false;
  // "and" and "the" join a name only after "of"/"for".
  let afterOf = false;
  for (let k = i; k < w.length && !s.covered[k] && (k === i || adjacent(s, k - 1, k)); k++) {
    const t = w[k].text;
    if (w[k].kind === "word" && isCapitalised(t)) {
      last = k;
      if (cues.orgHeads.has(t)) head = true;
    } else if (t === "of" || t === "for") afterOf = true;
    else if (!(afterOf && (t === "and" || t === "the"))) break;
  }
  return { last, head };
}

/** "Ministry of Commerce", "Carnegie Endowment Centre": capitalised runs holding an organisation head word. */
export function discoverOrganisations(s: SentenceState, cues: Cues): void {
  const w = s.words;
  for (let i = 0; i < w.length; i++) {
    if (s.covered[i] || !isCapitalised(w[i].text) || w[i].kind !== "word") continue;
    const { last, head } = capitalisedRun(s, i, cues);
    // Not part of the name: a sentence's first word, function words and a title before "of".
    let first = i === 0 && last > i && !cues.orgHeads.has(w[i].text) ? i + 1 : i;
    while (
      first < last &&
      (STOPWORDS.has(lowerCase(w[first].text)) || cues.titles.has(w[first].text) ||
        CONNECTORS.has(w[first].text))
    ) first++;
    let heads = false;
    for (let k = first; k <= last; k++) if (cues.orgHeads.has(w[k].text)) heads = true;
    if (head && heads && last > first && !cues.titles.has(w[last].text)) {
      cover(s, ruleFound(first, last, surface(s, first, last), "ORG"));
    }
    i = Math.max(i, last);
  }
}

/** "Canada’s foreign ministry", "the French government", "Brazilian customs". */
export function markInstitutions(s: SentenceState, gazetteer: Gazetteer, cues: Cues): void {
  const w = s.words;
  for (const f of [...s.found]) {
    if (f.type !== "NORP" && f.type !== "GPE") continue;
    const entry = gazetteer.byName.get(f.entity);
    const country = f.type === "NORP" ? entry?.country : entry?.government_of ?? f.entity;
    if (!country) continue;
    let k = f.last + 1;
    if (f.type === "GPE") {
      if (!POSSESSIVE.has(w[k]?.text ?? "")) continue;
      k++;
    }
    if (w[k]?.text === "state") k++;
    for (const size of [2, 1]) {
      if (k + size > w.length) continue;
      let free = true;
      for (let j = k; j < k + size; j++) if (w[j].kind !== "word" || s.covered[j]) free = false;
      if (!free) continue;
      const template = cues.institutions.get(lowerCase(surface(s, k, k + size - 1)));
      if (!template) continue;
      s.found.splice(s.found.indexOf(f), 1);
      const source = f.source;
      cover(s, ruleFound(f.first, k + size - 1, template.replace("{country}", country), "ORG"));
      s.found[s.found.length - 1].source = source === "model" ? "rule" : source;
      break;
    }
  }
}

/**
 * Capitals used as actors ("Ottawa has rejected") stand for their country's government (the
 * gazetteer's `government_of`; a capital known only to the lexicons is flagged and keeps its
 * name); after a locative ("in Ottawa") they stay places.
 */
export function markMetonymy(
  s: SentenceState,
  gazetteer: Gazetteer,
  cues: Cues,
  places: PlaceLookups,
): void {
  const w = s.words;
  for (const f of s.found) {
    if (f.type !== "GPE") continue;
    // The country is known only from a gazetteer entry; a capital of the lexicons stays itself.
    const government = gazetteer.byName.get(f.entity)?.government_of ??
      (places.capital?.(f.entity) ? f.entity : undefined);
    if (!government) continue;
    const before = w[f.first - 1]?.text.toLowerCase();
    if (before !== undefined && cues.locatives.has(before)) continue;
    // "Washington’s Union Station" is a place.
    if (POSSESSIVE.has(w[f.last + 1]?.text ?? "")) {
      const next = s.found.find((g) => g.first === f.last + 2);
      if (next && (next.type === "FAC" || next.type === "LOC")) continue;
    }
    f.entity = government;
    f.metonymy = true;
  }
}
