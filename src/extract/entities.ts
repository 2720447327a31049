/**
 * Entity mentions: people, organisations, places, nationalities, media and named things, each
 * with its canonical name.
 *
 * How, in two passes over an article:
 * 1. Gazetteer aliases, matched with a token trie (longest alias wins). Then names the gazetteer
 *    does not know, found by cues only: after a title ("Vice Premier He Lifeng"), before an
 *    appositive role ("Steve Tsang, director of ..."), next to a speech verb ("says Steve Tsang"),
 *    and organisation names ending in a head word ("... Institute"). A country or its adjective
 *    before an institution ("China’s foreign ministry", "the Russian government") is that
 *    country's institution. Capitals used as actors ("Beijing has rejected") link to their
 *    country, flagged as metonymy; after a locative ("in Beijing") they stay places.
 * 2. Short forms of the people named in the article ("Tsang", "Li"). A short form shared by two
 *    people (002 names Li Qiang and Li Hui) goes to the one whose title the sentence repeats,
 *    else to the one named or meant most recently before it, else the next one named.
 *
 * Capitalised words with no cue are never tagged, so sentence-initial words, headline case and
 * ALL-CAPS subheads (where only gazetteer names are matched) are safe; "He" is a pronoun unless
 * a title precedes it and a name follows ("Vice Premier He Lifeng").
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence } from "../text/segment.ts";
import { type Cues, DEFAULT_CUES } from "./cues.ts";
import { DEFAULT_GAZETTEER, type EntityType, type Gazetteer } from "./gazetteer.ts";
import { STOPWORDS } from "../text/tokens.ts";
import { TokenTrie } from "./trie.ts";
import {
  isCapitalised,
  lowerCase,
  quickHas,
  sentenceWords,
  spaceBetween,
  type Word,
  wordKey,
} from "./words.ts";

/** One entity mention. Offsets are into the article's cleaned text. */
export interface EntityMention {
  articleId: string;
  outlet: string;
  sentenceId: string;
  /** The surface form, as written. */
  text: string;
  /** The canonical name: the same for every way of writing the entity, across the corpus. */
  entity: string;
  type: EntityType;
  /** A person's title as written ("Chinese President", "director of ..."), else null. */
  role: string | null;
  /** True when a capital stands for its country's government ("Beijing has rejected"). */
  metonymy: boolean;
  start: number;
  end: number;
}

/** What entity extraction reads: the gazetteer and the cues (defaults: the shipped data). */
export interface EntityOptions {
  gazetteer?: Gazetteer;
  cues?: Cues;
}

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const CONNECTORS = new Set(["of", "for", "and", "the"]);
const POSSESSIVE = new Set(["’s", "'s"]);
const CLAUSE_END = new Set([",", ".", ";", ":", "–", "—", "!", "?"]);
const CLAUSE_WORDS = new Set(["who", "that", "which", "where", "whose"]);

interface Found {
  first: number;
  last: number;
  entity: string;
  type: EntityType;
  metonymy: boolean;
}

interface SentenceWords {
  sentence: Sentence;
  words: Word[];
  /** The lookup key of each word ({@link keyOf}), computed once. */
  keys: string[];
  allCaps: boolean;
  found: Found[];
  covered: boolean[];
}

/**
 * Finds the entity mentions of one article, in text order.
 *
 * @example
 * const mentions = extractEntities(article, sentencesOfArticle);
 * mentions.find((m) => m.text === "Xi Jinping");
 * // { entity: "Xi Jinping", type: "PERSON", role: "Chinese President", ... }
 */
export function extractEntities(
  article: CleanArticle,
  sentences: readonly Sentence[],
  options: EntityOptions = {},
): EntityMention[] {
  const gazetteer = options.gazetteer ?? DEFAULT_GAZETTEER;
  const cues = options.cues ?? DEFAULT_CUES;
  const text = article.text;
  const all: SentenceWords[] = sentences.map((sentence) => {
    const words = sentenceWords(sentence);
    const allCaps = /\p{Lu}/u.test(sentence.text) && !/\p{Ll}/u.test(sentence.text);
    const keys = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) keys[i] = wordKeyOf(words[i].text, allCaps);
    return {
      sentence,
      words,
      keys,
      allCaps,
      found: [],
      covered: new Array(words.length).fill(false),
    };
  });

  // Pass 1: gazetteer, then cue-found names, institutions and metonymy.
  for (const s of all) {
    matchGazetteer(s, gazetteer, text);
    if (s.sentence.kind === "body") discoverNames(s, cues, text);
    markInstitutions(s, gazetteer, cues);
    markMetonymy(s, gazetteer, cues);
  }

  // Pass 2: the article's people by their full names again, and by their short forms.
  const learned = learnNames(all, cues);
  for (const s of all) matchLearned(s, learned, text);
  resolveShortForms(all, learned, cues, text);

  const out: EntityMention[] = [];
  for (const s of all) {
    s.found.sort((a, b) => a.first - b.first);
    for (const f of s.found) {
      const start = s.words[f.first].start;
      const end = s.words[f.last].end;
      out.push({
        articleId: article.id,
        outlet: article.outlet,
        sentenceId: s.sentence.id,
        text: text.slice(start, end),
        entity: f.entity,
        type: f.type,
        role: f.type === "PERSON" ? roleOf(s, f, cues, text) : null,
        metonymy: f.metonymy,
        start,
        end,
      });
    }
  }
  return out;
}

/** In ALL-CAPS subheads names are looked up in title case ("RUSSIA" as "Russia"). */
function keyOf(s: SentenceWords, i: number): string {
  return s.keys[i];
}

function wordKeyOf(text: string, allCaps: boolean): string {
  const t = wordKey(text);
  if (!allCaps || t.length < 2 || t.includes(".")) return t;
  return t[0] + t.slice(1).toLowerCase();
}

function cover(s: SentenceWords, f: Found): void {
  s.found.push(f);
  for (let i = f.first; i <= f.last; i++) s.covered[i] = true;
}

function matchGazetteer(s: SentenceWords, gazetteer: Gazetteer, text: string): void {
  const n = s.words.length;
  for (let i = 0; i < n;) {
    if (!gazetteer.trie.hasFirst(s.keys[i])) {
      i++;
      continue;
    }
    const match = gazetteer.trie.longest(
      i,
      n,
      (k) => (k > i && !adjacent(s, k - 1, k, text) ? null : keyOf(s, k)),
    );
    if (!match || gluedToWord(s, i, i + match.length - 1)) {
      i++;
      continue;
    }
    const e = match.value;
    cover(s, {
      first: i,
      last: i + match.length - 1,
      entity: e.name,
      type: e.type,
      metonymy: false,
    });
    i += match.length;
  }
}

/** Neighbouring words with nothing but spaces (or nothing) between them. */
function adjacent(s: SentenceWords, a: number, b: number, text: string): boolean {
  return spaceBetween(text, s.words[a], s.words[b]);
}

/** A match that is only part of a longer written word ("Li" in "Li-style" is fine, "US" in "USSR" never matches). */
function gluedToWord(s: SentenceWords, first: number, last: number): boolean {
  const before = s.words[first - 1];
  const after = s.words[last + 1];
  const glued = (w: Word | undefined, gapStart: number, gapEnd: number) =>
    w !== undefined && w.kind !== "punct" && gapStart === gapEnd;
  return glued(before, before?.end ?? 0, s.words[first].start) ||
    glued(after, s.words[last].end, after?.start ?? 0);
}

/** False when the first character is ASCII but not A-Z (so no upper-case letter); else true. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return !(c < 128 && (c < 65 || c > 90));
}

/** A word that may be part of a person's name: capitalised, no title, no function word ("When", "As"). */
function isNameWord(w: Word, cues: Cues): boolean {
  if (w.kind !== "word" || !startsUpper(w.text)) return false;
  return NAME_WORD.test(w.text) && !cues.titles.has(w.text) &&
    !cues.titleWords.has(w.text) &&
    (cues.surnameFirst.has(w.text) || !STOPWORDS.has(lowerCase(w.text)));
}

/** The name words from `i` on (at most `max`), joined by spaces only, none already tagged. */
function nameRun(s: SentenceWords, i: number, max: number, cues: Cues, text: string): number {
  let k = i;
  while (
    k < s.words.length && k - i < max && !s.covered[k] && isNameWord(s.words[k], cues) &&
    (k === i || adjacent(s, k - 1, k, text))
  ) k++;
  let len = k - i;
  // A pronoun ends no name: "He" in "He Lifeng" needs the "Lifeng".
  while (len > 0 && cues.pronouns.has(s.words[i + len - 1].text)) len--;
  if (len > 0 && cues.pronouns.has(s.words[i].text) && len < 2) return 0;
  return len;
}

function discoverNames(s: SentenceWords, cues: Cues, text: string): void {
  const w = s.words;
  const n = w.length;
  const isTitle = quickHas(cues.titles);
  const person = (first: number, len: number) => {
    const surface = text.slice(w[first].start, w[first + len - 1].end);
    cover(s, { first, last: first + len - 1, entity: surface, type: "PERSON", metonymy: false });
  };
  for (let i = 0; i < n; i++) {
    if (s.covered[i]) continue;
    // After a title: "Minister Anton Alikhanov", "Representative for Eurasian Affairs Li Hui".
    if (isTitle(w[i].text)) {
      let k = i + 1;
      while (
        k < n && adjacent(s, k - 1, k, text) && !s.covered[k] &&
        (cues.titles.has(w[k].text) ||
          (cues.titleWords.has(w[k].text) &&
            (isCapitalised(w[k].text) ||
              (k + 1 < n && isCapitalised(w[k + 1].text) && cues.titleWords.has(w[k + 1].text)))))
      ) k++;
      if (k < n && adjacent(s, k - 1, k, text)) {
        const len = nameRun(s, k, 3, cues, text);
        if (len >= 2) {
          person(k, len);
          i = k + len - 1;
        }
      }
      continue;
    }
    if (!isNameWord(w[i], cues) || (i > 0 && isNameWord(w[i - 1], cues) && !s.covered[i - 1])) {
      continue;
    }
    const len = nameRun(s, i, 3, cues, text);
    if (len < 2) continue;
    const after = i + len;
    // An appositive role after the name: "Steve Tsang, director of ...".
    const roleAt = w[after]?.text === ","
      ? after + 1 + (/^(?:a|an|the)$/.test(w[after + 1]?.text ?? "") ? 1 : 0)
      : -1;
    const appositive = roleAt > 0 && roleAt < n && cues.appositiveRoles.has(w[roleAt].text);
    // Next to a speech verb: "says Steve Tsang", "Steve Tsang said".
    const speech = (i > 0 && cues.directSpeechVerbs.has(w[i - 1].text)) ||
      (after < n && cues.directSpeechVerbs.has(w[after].text) &&
        adjacent(s, after - 1, after, text));
    if (appositive || speech) {
      person(i, len);
      i = after - 1;
    }
  }
  discoverOrganisations(s, cues, text);
}

/** "Ministry of Commerce", "Carnegie Endowment Centre": capitalised runs holding an organisation head word. */
function discoverOrganisations(s: SentenceWords, cues: Cues, text: string): void {
  const w = s.words;
  for (let i = 0; i < w.length; i++) {
    if (s.covered[i] || !isCapitalised(w[i].text) || w[i].kind !== "word") continue;
    let k = i;
    let last = i;
    let hasHead = false;
    // "and" and "the" join a name only after "of"/"for": "School of Oriental and African Studies".
    let afterOf = false;
    while (k < w.length && !s.covered[k] && (k === i || adjacent(s, k - 1, k, text))) {
      const t = w[k].text;
      if (w[k].kind === "word" && isCapitalised(t)) {
        last = k;
        if (cues.orgHeads.has(t)) hasHead = true;
      } else if (t === "of" || t === "for") afterOf = true;
      else if (!(afterOf && (t === "and" || t === "the"))) break;
      k++;
    }
    // Not part of the name: a sentence's first word, function words and a title before "of"
    // ("When", "The", "President of the Iraqi Governing Council").
    let first = i === 0 && last > i && !cues.orgHeads.has(w[i].text) ? i + 1 : i;
    while (
      first < last &&
      (STOPWORDS.has(lowerCase(w[first].text)) || cues.titles.has(w[first].text) ||
        CONNECTORS.has(w[first].text))
    ) first++;
    const heads = w.slice(first, last + 1).some((x) => cues.orgHeads.has(x.text));
    if (hasHead && heads && last > first && !cues.titles.has(w[last].text)) {
      const surface = text.slice(w[first].start, w[last].end);
      cover(s, { first, last, entity: surface, type: "ORG", metonymy: false });
    }
    i = Math.max(i, last);
  }
}

/** "China’s foreign ministry", "the Russian government", "Chinese customs". */
function markInstitutions(s: SentenceWords, gazetteer: Gazetteer, cues: Cues): void {
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
      const head = w.slice(k, k + size);
      if (head.length < size || head.some((h) => h.kind !== "word" || s.covered[w.indexOf(h)])) {
        continue;
      }
      const template = cues.institutions.get(head.map((h) => h.text.toLowerCase()).join(" "));
      if (!template) continue;
      s.found.splice(s.found.indexOf(f), 1);
      cover(s, {
        first: f.first,
        last: k + size - 1,
        entity: template.replace("{country}", country),
        type: "ORG",
        metonymy: false,
      });
      break;
    }
  }
}

function markMetonymy(s: SentenceWords, gazetteer: Gazetteer, cues: Cues): void {
  const w = s.words;
  for (const f of s.found) {
    if (f.type !== "GPE") continue;
    const government = gazetteer.byName.get(f.entity)?.government_of;
    if (!government) continue;
    const before = w[f.first - 1]?.text.toLowerCase();
    if (before !== undefined && cues.locatives.has(before)) continue;
    // "Beijing’s Great Hall of the People" is a place.
    if (POSSESSIVE.has(w[f.last + 1]?.text ?? "")) {
      const next = s.found.find((g) => g.first === f.last + 2);
      if (next && (next.type === "FAC" || next.type === "LOC")) continue;
    }
    f.entity = government;
    f.metonymy = true;
  }
}

interface Learned {
  /** Full names written in the article (and their canonical names). */
  full: TokenTrie<string>;
  /** Short form ("Li") to the canonical names it may stand for. */
  short: Map<string, Set<string>>;
}

/** The short form of a name: the family name, written first in Chinese names. */
export function shortForm(name: string, cues: Cues = DEFAULT_CUES): string {
  const parts = name.split(/\s+/);
  if (parts.length === 1) return name;
  return cues.surnameFirst.has(parts[0]) && parts.length <= 3 ? parts[0] : parts[parts.length - 1];
}

function learnNames(all: SentenceWords[], cues: Cues): Learned {
  const full = new TokenTrie<string>();
  const short = new Map<string, Set<string>>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "PERSON" || f.last === f.first) continue;
      const parts = s.words.slice(f.first, f.last + 1).map((w) => wordKey(w.text));
      full.add(parts, f.entity);
      const form = shortForm(parts.join(" "), cues);
      if (cues.pronouns.has(form)) continue;
      if (!short.has(form)) short.set(form, new Set());
      short.get(form)!.add(f.entity);
    }
  }
  return { full, short };
}

function matchLearned(s: SentenceWords, learned: Learned, text: string): void {
  const n = s.words.length;
  for (let i = 0; i < n; i++) {
    if (s.covered[i] || !learned.full.hasFirst(s.keys[i])) continue;
    const match = learned.full.longest(
      i,
      n,
      (k) => (s.covered[k] || (k > i && !adjacent(s, k - 1, k, text)) ? null : keyOf(s, k)),
    );
    if (match && match.length > 1 && !gluedToWord(s, i, i + match.length - 1)) {
      const f = {
        first: i,
        last: i + match.length - 1,
        entity: match.value,
        type: "PERSON" as const,
        metonymy: false,
      };
      cover(s, f);
      i = f.last;
    }
  }
}

function resolveShortForms(all: SentenceWords[], learned: Learned, cues: Cues, text: string): void {
  const isPronoun = quickHas(cues.pronouns);
  const isShortForm = quickHas(learned.short);
  // Where each person was named or meant, in text order, as resolution goes.
  const seen: { entity: string; at: number }[] = [];
  for (const s of all) {
    for (const f of s.found) {
      if (f.type === "PERSON") seen.push({ entity: f.entity, at: s.words[f.first].start });
    }
  }
  const titlesOf = new Map<string, Set<string>>();
  for (const s of all) {
    for (const f of s.found) {
      if (f.type !== "PERSON") continue;
      const role = roleOf(s, f, cues, text);
      if (!role) continue;
      const set = titlesOf.get(f.entity) ?? new Set<string>();
      for (const t of role.split(/\s+/)) if (cues.titles.has(t)) set.add(t.toLowerCase());
      titlesOf.set(f.entity, set);
    }
  }
  for (const s of all) {
    const w = s.words;
    for (let i = 0; i < w.length; i++) {
      if (s.covered[i] || w[i].kind !== "word" || isPronoun(w[i].text)) continue;
      if (!isShortForm(keyOf(s, i))) continue;
      const candidates = learned.short.get(keyOf(s, i));
      if (!candidates || gluedToWord(s, i, i)) continue;
      // "Li Keqiang" when only "Li Qiang" is known is somebody else.
      if (w[i + 1] && isNameWord(w[i + 1], cues) && adjacent(s, i, i + 1, text)) continue;
      const at = w[i].start;
      let entity: string | undefined;
      if (candidates.size === 1) entity = [...candidates][0];
      else {
        const sentenceWords = new Set(w.map((x) => x.text.toLowerCase()));
        const byTitle = [...candidates].filter((c) =>
          [...(titlesOf.get(c) ?? [])].some((t) => sentenceWords.has(t))
        );
        if (byTitle.length === 1) entity = byTitle[0];
        else {
          const pool = byTitle.length > 1 ? byTitle : [...candidates];
          // The nearest mention of each candidate before and after, found once per candidate.
          const nearest = new Map<string, { before: number; after: number }>();
          const near = (c: string) => {
            let n = nearest.get(c);
            if (!n) {
              n = { before: -1, after: Infinity };
              for (const m of seen) {
                if (m.entity !== c) continue;
                if (m.at < at && m.at > n.before) n.before = m.at;
                if (m.at > at && m.at < n.after) n.after = m.at;
              }
              nearest.set(c, n);
            }
            return n;
          };
          const before = (c: string) => near(c).before;
          const after = (c: string) => near(c).after;
          const latest = pool.reduce((a, b) => (before(b) > before(a) ? b : a));
          entity = before(latest) >= 0
            ? latest
            : pool.reduce((a, b) => (after(b) < after(a) ? b : a));
        }
      }
      cover(s, { first: i, last: i, entity, type: "PERSON", metonymy: false });
      seen.push({ entity, at });
    }
  }
}

/** The title before a person ("Chinese President"), else an appositive role after ("director of ..."). */
function roleOf(s: SentenceWords, f: Found, cues: Cues, text: string): string | null {
  const w = s.words;
  let start = f.first;
  let hasTitle = false;
  for (let k = f.first - 1; k >= 0; k--) {
    if (!adjacent(s, k, k + 1, text)) break;
    const t = w[k].text;
    // A country, nationality or institution opens the title: "U.S. President", "China’s Special
    // Representative", "Russian Security Council Secretary".
    const owner = s.found.find((g) =>
      g.type !== "PERSON" &&
      ((g.first <= k && k <= g.last) || (POSSESSIVE.has(t) && g.last === k - 1))
    );
    if (owner) {
      if (hasTitle) start = owner.first;
      break;
    }
    if (cues.titles.has(t)) {
      hasTitle = true;
      start = k;
      continue;
    }
    if (cues.titleWords.has(t) && (isCapitalised(t) || CONNECTORS.has(t))) {
      start = k;
      continue;
    }
    break;
  }
  while (start < f.first && CONNECTORS.has(w[start].text)) start++;
  if (hasTitle && start < f.first) return text.slice(w[start].start, w[f.first - 1].end);

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
  return text.slice(w[from].start, w[to].end);
}
