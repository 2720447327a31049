/**
 * People across an article: full names found once are found again, and short forms ("Clinton",
 * "Kim") resolve to the person meant. A short form shared by two people goes to the one of the
 * gender the title tells ("Mrs. Clinton": by the first-name lists, else by the pronouns that
 * followed each person's mentions so far), else the one whose title the sentence repeats, else
 * the one named nearest before it, else the next one named.
 * @module
 */

import type { Cues } from "../cues.ts";
import { TokenTrie } from "../trie.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { isCapitalised, quickHas, wordKey } from "../words.ts";
import { isFirstName, type PlaceLookups } from "./places.ts";
import { POSSESSIVE } from "./rules.ts";
import { isDoerNoun, NAME_SUFFIX } from "./titles.ts";
import {
  adjacent,
  cover,
  type Found,
  gluedToWord,
  isNameWord,
  isTitle,
  isTitleLead,
  PORTFOLIO_LINKS,
  ruleFound,
  type SentenceState,
} from "./state.ts";

/** What the article taught about its people. */
export interface Learned {
  /** Full names written in the article (and their canonical names). */
  full: TokenTrie<string>;
  /** Short form ("Kim") to the canonical names it may stand for. */
  short: Map<string, Set<string>>;
}

/**
 * The short form of a name: the family name, written first in East Asian names (Chinese, Korean),
 * before a suffix ("Marcos" of "Ferdinand Marcos Jr.").
 */
export function shortForm(name: string, cues: Cues): string {
  const parts = name.split(/\s+/);
  if (parts.length > 2 && NAME_SUFFIX.test(parts.at(-1)!)) parts.pop();
  if (parts.length === 1) return name;
  return cues.surnameFirst.has(parts[0]) && parts.length <= 3 ? parts[0] : parts[parts.length - 1];
}

/** The full names of the article's people and their short forms. */
export function learnNames(all: readonly SentenceState[], cues: Cues): Learned {
  const full = new TokenTrie<string>();
  const short = new Map<string, Set<string>>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "PERSON" || !f.entity.includes(" ")) continue;
      const parts: string[] = [];
      for (let k = f.first; k <= f.last; k++) parts.push(wordKey(s.words[k].text));
      full.add(parts, f.entity);
      const form = shortForm(f.entity, cues);
      if (cues.pronouns.has(form)) continue;
      if (!short.has(form)) short.set(form, new Set());
      short.get(form)!.add(f.entity);
    }
  }
  return { full, short };
}

/** Full names written again where nothing else was found. */
export function matchLearned(s: SentenceState, learned: Learned): void {
  const n = s.words.length;
  for (let i = 0; i < n; i++) {
    if (s.covered[i] || !learned.full.hasFirst(s.keys[i])) continue;
    const match = learned.full.longest(
      i,
      n,
      (k) => (s.covered[k] || (k > i && !adjacent(s, k - 1, k)) ? null : s.keys[k]),
    );
    if (match && match.length > 1 && !gluedToWord(s, i, i + match.length - 1)) {
      cover(s, ruleFound(i, i + match.length - 1, match.value, "PERSON"));
      i += match.length - 1;
    }
  }
}

/** Where each person was named, in text order, as resolution goes. */
interface Seen {
  entity: string;
  at: number;
}

/** How a short form is resolved in an article. */
interface Resolver {
  learned: Learned;
  seen: Seen[];
  titlesOf: Map<string, Set<string>>;
  places: PlaceLookups;
  /** Per person, the pronouns that followed their mentions: + for she/her, − for he/his. */
  pronouns: Map<string, number>;
}

const FEMALE = new Set(["she", "her", "hers", "herself"]);
const MALE = new Set(["he", "him", "his", "himself"]);

/** The pronoun that follows the mention ending at word `last` in its sentence, before any other person: +1 female, −1 male, 0 none. */
function pronounAfter(s: SentenceState, last: number): number {
  for (let k = last + 1; k < s.words.length; k++) {
    if (s.covered[k] && s.found.some((f) => f.type === "PERSON" && f.first <= k && k <= f.last)) {
      return 0;
    }
    const t = s.words[k].text.toLowerCase();
    if (FEMALE.has(t)) return 1;
    if (MALE.has(t)) return -1;
  }
  return 0;
}

/** Records the pronoun after a person's mention. */
function notePronoun(r: Resolver, entity: string, s: SentenceState, last: number): void {
  const vote = pronounAfter(s, last);
  if (vote) r.pronouns.set(entity, (r.pronouns.get(entity) ?? 0) + vote);
}

/** A person's gender: from the first-name lists when they tell one, else from the pronouns seen so far. */
function genderOf(r: Resolver, entity: string): "female" | "male" | undefined {
  const listed = r.places.gender(entity.split(" ")[0]);
  if (listed) return listed;
  const votes = r.pronouns.get(entity) ?? 0;
  return votes > 0 ? "female" : votes < 0 ? "male" : undefined;
}

/** The person a short form at offset `at` stands for. */
function choose(
  candidates: Set<string>,
  at: number,
  s: SentenceState,
  f: Found | undefined,
  r: Resolver,
): string {
  let pool = [...candidates];
  if (pool.length > 1 && f?.gender) {
    const same = pool.filter((c) => genderOf(r, c) === f.gender);
    if (same.length) pool = same;
  }
  if (pool.length === 1) return pool[0];
  const sentence = new Set(s.words.map((x) => x.text.toLowerCase()));
  const byTitle = pool.filter((c) => [...(r.titlesOf.get(c) ?? [])].some((t) => sentence.has(t)));
  if (byTitle.length === 1) return byTitle[0];
  if (byTitle.length > 1) pool = byTitle;
  let best: string | undefined;
  let bestAt = -1;
  let next: string | undefined;
  let nextAt = Infinity;
  for (const m of r.seen) {
    if (!pool.includes(m.entity)) continue;
    if (m.at < at && m.at > bestAt) [best, bestAt] = [m.entity, m.at];
    if (m.at > at && m.at < nextAt) [next, nextAt] = [m.entity, m.at];
  }
  return best ?? next ?? pool[0];
}

/** The titles each person is given in the article, lower case. */
function titlesOfPeople(all: readonly SentenceState[], cues: Cues): Map<string, Set<string>> {
  const titlesOf = new Map<string, Set<string>>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "PERSON") continue;
      const role = roleOf(s, f, cues);
      if (!role) continue;
      const set = titlesOf.get(f.entity) ?? new Set<string>();
      for (const t of role.split(/\s+/)) if (cues.titles.has(t)) set.add(t.toLowerCase());
      titlesOf.set(f.entity, set);
    }
  }
  return titlesOf;
}

/** Resolves bare short forms and one-word person mentions ("Mrs. Clinton") to the article's people. */
export function resolveShortForms(
  all: readonly SentenceState[],
  learned: Learned,
  cues: Cues,
  places: PlaceLookups,
): void {
  const isPronoun = quickHas(cues.pronouns);
  const isShortForm = quickHas(learned.short);
  const byFirstName = firstNamesOf(all, learned, places);
  const seen: Seen[] = [];
  for (const s of all) {
    for (const f of s.found) {
      if (f.type === "PERSON" && f.entity.includes(" ")) {
        seen.push({ entity: f.entity, at: s.words[f.first].start });
      }
    }
  }
  const r: Resolver = {
    learned,
    seen,
    titlesOf: titlesOfPeople(all, cues),
    places,
    pronouns: new Map(),
  };
  for (const s of all) {
    const w = s.words;
    for (const f of s.found) {
      if (f.type === "PERSON" && f.entity.includes(" ")) notePronoun(r, f.entity, s, f.last);
    }
    for (let i = 0; i < w.length; i++) {
      if (w[i].kind !== "word" || isPronoun(w[i].text)) continue;
      if (!isShortForm(s.keys[i])) {
        linkFirstName(s, i, byFirstName);
        continue;
      }
      // A one-word person, or the model's nationality or organisation that is a person's
      // short form ("Kim" after "Kim Davis" is no nationality).
      const single = s.covered[i]
        ? s.found.find((f) =>
          f.first === i && f.last === i &&
          (f.type === "PERSON" || (f.source === "model" && (f.type === "NORP" || f.type === "ORG")))
        )
        : undefined;
      if (s.covered[i] && !single) continue;
      if (gluedToWord(s, i, i)) continue;
      // "Kim Jones" when only "Kim Davis" is known is somebody else.
      if (!single && w[i + 1] && isNameWord(w[i + 1], cues) && adjacent(s, i, i + 1)) continue;
      const entity = choose(learned.short.get(s.keys[i])!, w[i].start, s, single, r);
      if (single) Object.assign(single, { entity, type: "PERSON", media: false });
      else cover(s, ruleFound(i, i, entity, "PERSON"));
      seen.push({ entity, at: w[i].start });
      notePronoun(r, entity, s, i);
    }
  }
}

/**
 * The article's full names by their first word, where that word opens exactly one of them and ends
 * none and is no place ("Daniel" → "Daniel Montalvo"; two Daniels, or a Mr. Daniel, leave it).
 */
function firstNamesOf(
  all: readonly SentenceState[],
  learned: Learned,
  places: PlaceLookups,
): Map<string, string> {
  const names = new Map<string, Set<string>>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "PERSON" || !f.entity.includes(" ")) continue;
      const first = f.entity.split(" ")[0];
      // A first name the lexicons do not list ("Bukayo" of "Bukayo Saka") counts too, unless the
      // word is a place's name.
      if (learned.short.has(first) || (!isFirstName(places, first) && places.kind(first))) continue;
      const set = names.get(first) ?? new Set<string>();
      names.set(first, set.add(f.entity));
    }
  }
  const out = new Map<string, string>();
  for (const [first, set] of names) if (set.size === 1) out.set(first, [...set][0]);
  return out;
}

/**
 * A one-word person that is the first name of exactly one of the article's people is that person
 * ("Daniel was picked up …" after "Daniel Montalvo"), as news writes of children and of people it
 * calls by their first name. Only a mention already found as a person is linked: a bare word
 * elsewhere is left alone.
 */
function linkFirstName(s: SentenceState, i: number, byFirstName: Map<string, string>): void {
  const full = byFirstName.get(s.keys[i]);
  if (!full || !s.covered[i]) return;
  const single = s.found.find((f) =>
    f.first === i && f.last === i && f.type === "PERSON" && f.entity === s.words[i].text
  );
  if (single) single.entity = full;
}

const CONNECTORS = new Set(["of", "for", "and", "the"]);
const CLAUSE_END = new Set([",", ".", ";", ":", "–", "—", "!", "?"]);
const CLAUSE_WORDS = new Set(["who", "that", "which", "where", "whose"]);

/**
 * The "for" or "of" of a title's portfolio ending at word `k` ("Minister for Africa", "Secretary
 * of State for Northern Ireland": up to three capitalised words, none a person's), else -1.
 */
function portfolioLink(s: SentenceState, k: number, cues: Cues): number {
  const w = s.words;
  let j = k;
  const person = (i: number) =>
    s.found.some((g) => g.type === "PERSON" && g.first <= i && i <= g.last);
  while (j >= 0 && k - j < 3 && isCapitalised(w[j].text) && !person(j)) {
    if (j > 0 && !adjacent(s, j - 1, j)) return -1;
    j--;
  }
  if (j === k || j < 1 || !PORTFOLIO_LINKS.has(w[j].text) || !adjacent(s, j - 1, j)) return -1;
  const t = w[j - 1].text;
  return isTitle(t, cues) || isTitleLead(t, cues) ? j : -1;
}

/** The organisation or country a title before word `k` belongs to ("Britain’s", "Arsenal"), else null. */
function ownerAt(s: SentenceState, k: number): Found | null {
  const t = s.words[k].text;
  return s.found.find((g) =>
    g.type !== "PERSON" &&
    ((g.first <= k && k <= g.last) || (POSSESSIVE.has(t) && g.last === k - 1))
  ) ?? null;
}

/**
 * "CEO of the Refugee Council Enver Solomon": a title linked by "of", "for" or "at" to the
 * organisation that ends right before the name. The title's index, else -1.
 */
function titleOfOwner(s: SentenceState, first: number, cues: Cues): number {
  const w = s.words;
  let j = first - 1;
  if (j > 0 && w[j].text === "the" && adjacent(s, j, j + 1)) j--;
  if (j < 1 || !OWNER_LINKS.has(w[j].text) || !adjacent(s, j, j + 1)) return -1;
  const t = w[j - 1].text;
  const title = isTitle(t, cues) || cues.titleRules.full.has(t) || cues.appositiveRoles.has(t);
  return title && adjacent(s, j - 1, j) ? j - 1 : -1;
}

const OWNER_LINKS = new Set(["of", "for", "at"]);

/** An all-caps abbreviation before a title is whose title it is: "U.S. Attorney", "FBI Director". */
const OWNER_ABBREVIATION = /^(?:(?:\p{Lu}\.){2,3}|\p{Lu}{2,5})$/u;
/** Days, months and times of day: "said Friday Defense chief ..." holds no role in "Friday". */
const WHEN_WORD =
  /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Tomorrow|Tonight)$/;

/** A capitalised word that may stand in a title's or an organisation's name before a role. */
function roleCapital(s: SentenceState, k: number, cues: Cues): boolean {
  const t = s.words[k].text;
  return isCapitalised(t) && !s.allCaps && !STOPWORDS.has(t.toLowerCase()) && !WHEN_WORD.test(t) &&
    !cues.pronouns.has(t) &&
    !s.found.some((g) => g.type === "PERSON" && g.first <= k && k <= g.last);
}

/**
 * "Chief Financial Officer": capitalised words at `k` (one or two) after a title belong to the
 * title that closes after them. The title's index, else -1.
 */
function titleBridge(s: SentenceState, k: number, cues: Cues): number {
  for (let j = k - 1; j >= 0 && k - j <= 2; j--) {
    if (!adjacent(s, j, j + 1) || !roleCapital(s, j + 1, cues)) return -1;
    if (isTitle(s.words[j].text, cues) || cues.titleRules.full.has(s.words[j].text)) return j;
  }
  return -1;
}

/** Sentence adverbs that open a sentence capitalised before a role ("Meanwhile, chief ..."). */
const OPENING_ADVERBS = new Set([
  "Meanwhile",
  "However",
  "Later",
  "Separately",
  "Earlier",
  "Instead",
  "Indeed",
  "Elsewhere",
  "Finally",
  "First",
  "Next",
  "Yet",
  "Again",
  "Already",
  "Overall",
  "Nonetheless",
  "Nevertheless",
]);

/**
 * "Civil Defense chief": up to two capitalised words before a lower-case role noun name where the
 * role is held; never an adverb opening the sentence ("Meanwhile", "Recently"). The run's first
 * index, else -1.
 */
function heldAt(s: SentenceState, k: number, cues: Cues): number {
  let j = k;
  while (j > 0 && k - j < 1 && adjacent(s, j - 1, j) && roleCapital(s, j - 1, cues)) j--;
  if (!roleCapital(s, j, cues)) return -1;
  const t = s.words[j].text;
  const opens = j === 0 || !/\p{L}/u.test(s.words[j - 1].text);
  return opens && (OPENING_ADVERBS.has(t) || t.endsWith("ly")) ? -1 : j;
}

/** Where the title before a person starts ("U.S. President", "Sen.", "coach"), and whether there is one. */
function titleStart(s: SentenceState, f: Found, cues: Cues): { start: number; hasTitle: boolean } {
  const w = s.words;
  // Words the model's span held before the name ("Scientologist", a portfolio) are role already.
  let start = f.lead ?? f.first;
  let hasTitle = start < f.first;
  let lowerRole = false;
  let linked = false;
  for (let k = start - 1; k >= 0; k--) {
    if (!adjacent(s, k, k + 1)) break;
    const t = w[k].text;
    // "Minister for Africa", "Director of Communications": a title's portfolio.
    const link = portfolioLink(s, k, cues);
    if (link > 0) {
      start = k = link;
      continue;
    }
    // A country, nationality or institution opens the title: "Britain’s Trade Envoy";
    // title words may stand before it ("Assistant U.S. Attorney", "Former Arsenal defender").
    const owner = ownerAt(s, k) ??
      (OWNER_ABBREVIATION.test(t) && !s.allCaps && !isTitle(t, cues)
        ? ruleFound(k, k, t, "ORG")
        : null);
    if (owner) {
      const title = hasTitle ? owner.first : titleOfOwner(s, owner.first, cues);
      if (title < 0) break;
      hasTitle = true;
      start = k = title;
      continue;
    }
    const abbreviationDot = t === "." && k > 0 && w[k - 1].end === w[k].start &&
      cues.titleRules.abbreviations.has(w[k - 1].text);
    // "curator Elaine Gustafon": a noun for what someone does, right before the name.
    const doer = k === f.first - 1 && isDoerNoun(t);
    if (abbreviationDot || isTitle(t, cues) || doer) {
      hasTitle = hasTitle || !abbreviationDot;
      lowerRole = lowerRole || /^\p{Ll}/u.test(t);
      start = k;
      continue;
    }
    const lead: boolean = (cues.titleWords.has(t) && (isCapitalised(t) || CONNECTORS.has(t))) ||
      (hasTitle && !linked && cues.titleRules.roleModifiers.has(t));
    // Past "of", "and", "the" only title words go on ("Polaroids of author X" is "author").
    linked = linked || (lead && CONNECTORS.has(t));
    const from = lead ? k : !hasTitle || linked ? -1 : Math.max(
      titleBridge(s, k, cues),
      lowerRole ? heldAt(s, k, cues) : -1,
    );
    if (from < 0) break;
    start = k = from;
  }
  while (start < f.first && CONNECTORS.has(w[start].text)) start++;
  return { start, hasTitle };
}

/** The title before a person ("French President", "Sen."), else an appositive role after ("director of ..."). */
export function roleOf(s: SentenceState, f: Found, cues: Cues): string | null {
  const w = s.words;
  const { start, hasTitle } = titleStart(s, f, cues);
  if (hasTitle && start < f.first) return s.text.slice(w[start].start, w[f.first - 1].end);
  // Appositive: ", director of The School of ...", ", a member of the ...".
  let k = f.last + 1;
  if (w[k]?.text !== ",") return null;
  k++;
  if (/^(?:a|an|the)$/.test(w[k]?.text ?? "")) k++;
  if (!w[k] || !cues.appositiveRoles.has(w[k].text)) return null;
  const from = k;
  let to = k;
  while (
    to + 1 < w.length && !CLAUSE_END.has(w[to + 1].text) && !CLAUSE_WORDS.has(w[to + 1].text)
  ) to++;
  return s.text.slice(w[from].start, w[to].end);
}
