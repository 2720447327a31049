/**
 * Speaker sieves for one stretch of text (a quote's sentence, a tag after a quote): a speech
 * verb with its subject — a known entity, a name grown around the verb, a pronoun resolved to a
 * person before it — "according to X", a document ("in a joint communique") and relays ("NHK
 * quoted X as saying", "AFP reported X emphasized"). Each finding names its sieve and how sure
 * it is; when nothing is sure the speaker stays empty with a reason.
 * @module
 */

import type { EntityMention } from "../entities.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { isPartyAndState, type Word } from "../words.ts";
import type { Sentence } from "../../text/segment.ts";
import {
  fullerRole,
  genderOf,
  type GrownName,
  isRoleNoun,
  nameAfter,
  nameBefore,
} from "./names.ts";
import { resolveDescription, resolvePronoun } from "./pronouns.ts";
import { isDemonym } from "../ner/lexicons.ts";
import { type Context, type Found, noSpeech, type SpeakerType, type Speech } from "./types.ts";

const RELATIVE = new Set(["who", "which"]);
const UNNAMED_ORG = "unnamed organisation";
const NO_NAMED = "no named speaker";
/** Before a speech verb, the passive: "has been told to prepare", "was asked": the subject listens. */
/** Forms of "be" before a passive participle ("was described by"). */
export const PASSIVE = new Set(["been", "was", "were", "is", "are", "be", "being"]);
/** Words that open an adverbial chunk, not a role: "X, in remarks to Y, said", "X, speaking on ...". */
const ADVERBIAL = new Set([
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "speaking",
  "writing",
  "when",
  "while",
  "however",
  "though",
  "also",
  "meanwhile",
]);
const EXAMPLES = new Set(["including", "among", "like", "especially", "notably"]);
const CLAUSE_PUNCT = new Set([",", ";", ":", "(", ")", "–", "—", "“", "”", '"']);

/** The words of a stretch outside quotes, with their speech-verb flags and entity mentions. */
interface Region {
  words: Word[];
  lw: string[];
  verbs: boolean[];
  /** Mentions in the stretch outside quotes, nationalities left out. */
  here: EntityMention[];
}

/** A subject found for a verb: who, as written, and the cue's offsets. */
type Subject = Omit<Speech, "cue" | "via" | "viaEntity"> & {
  from: number;
  to: number;
  mediaSubject: boolean;
};

interface According {
  from: number;
  to: number;
  mention: EntityMention | undefined;
  /** A name grown in the phrase when no mention covers it. */
  grown: GrownName | null;
  /** The phrase as written in lower case ("according to", "in the words of"). */
  phrase: string;
  via: string;
}

/** Index of the first word that starts at or after `from` (words in text order). */
export function firstWordFrom(words: readonly Word[], from: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding offset `pos` (sentences are in text order and do not overlap), else undefined. */
export function sentenceAt(ctx: Context, pos: number): Sentence | undefined {
  const all = ctx.sentences;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = all[lo];
  return s !== undefined && s.start <= pos ? s : undefined;
}

/** The mentions with `from <= start` and `end <= to`, in their order. */
export function mentionsWithin(ctx: Context, from: number, to: number): EntityMention[] {
  const { mentions } = ctx;
  if (!ctx.mentionsSorted) return mentions.filter((m) => m.start >= from && m.end <= to);
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  // A mention starting after `to` cannot end by it (a mention never ends before it starts).
  for (let i = lo; i < mentions.length && mentions[i].start <= to; i++) {
    if (mentions[i].end <= to) out.push(mentions[i]);
  }
  return out;
}

function regionOf(ctx: Context, from: number, to: number, direct: boolean): Region | null {
  const words: Word[] = [];
  const lw: string[] = [];
  const verbs: boolean[] = [];
  for (let i = firstWordFrom(ctx.words, from); i < ctx.words.length; i++) {
    const w = ctx.words[i];
    if (w.end > to) break;
    // A comma set inside closing marks (`on "Face the Nation," said`) still closes the outer
    // clause: keep it, or the chunk runs on through the quote.
    if (ctx.quoted[i] === 0 || (w.text === "," && closesQuote(ctx, i))) {
      words.push(w);
      lw.push(ctx.lowers[i]);
      verbs.push(ctx.speechVerb[i] === 1 || (direct && ctx.directVerb[i] === 1));
    }
  }
  if (words.length === 0) return null;
  const dropped = dropParenthetical(words, lw, verbs);
  const here = mentionsWithin(ctx, from, to).filter((m) =>
    m.type !== "NORP" && !ctx.inQuote(m.start) &&
    !dropped.some(([a, b]) => m.start >= a && m.start < b)
  );
  return { words, lw, verbs, here };
}

/** True for word `i` right before a closing mark with words outside the quote after it. */
function closesQuote(ctx: Context, i: number): boolean {
  const mark = ctx.words[i + 1];
  return mark !== undefined && (mark.text === '"' || mark.text === "”") &&
    mark.start === ctx.words[i].end && ctx.quoted[i + 2] === 0 && ctx.words[i + 2] !== undefined;
}

/**
 * "Rep. Mary Hall (D-N.Y.) said": a short parenthetical right before a speech verb, and a
 * party label anywhere, are left out.
 */
function dropParenthetical(words: Word[], lw: string[], verbs: boolean[]): [number, number][] {
  const dropped: [number, number][] = [];
  for (let i = words.length - 2; i > 0; i--) {
    if (words[i].text !== ")") continue;
    let j = i - 1;
    while (j >= 0 && i - j <= 8 && words[j].text !== "(") j--;
    if (j < 0 || words[j].text !== "(") continue;
    // Before a verb, or a party label anywhere: "Sen. Ann Okafor (D-Mass.) and ...".
    if (!verbs[i + 1] && !(words[j + 1]?.text.length === 1 && words[j + 2]?.text === "-")) {
      continue;
    }
    dropped.push([words[j].start, words[i].end]);
    words.splice(j, i - j + 1);
    lw.splice(j, i - j + 1);
    verbs.splice(j, i - j + 1);
    i = j;
  }
  return dropped;
}

const within = (r: Region, a: number, b: number) =>
  r.here.filter((m) => m.start >= a && m.end <= b);

/**
 * The speech in `[from, to)` outside quotes: speaker, cue and relay, or null when there is none.
 * `direct`: the tag of a direct quote, where more verbs count ("declared"); `last`: the speech
 * verb nearest the end wins (for the quote that follows).
 */
export function attributionIn(
  ctx: Context,
  from: number,
  to: number,
  opts: { direct?: boolean; last?: boolean } = {},
): Found | null {
  const r = regionOf(ctx, from, to, opts.direct === true);
  if (!r) return null;
  const according = accordingIn(ctx, r);
  const relayed = quotedAsSaying(ctx, r, according) ?? quotingIn(r, according);
  if (relayed) return relayed;
  const verbal = verbSpeech(ctx, r, according, opts.last === true);
  // "Whitmore said in a statement": the person (or a named organisation) speaks; a document
  // speaks for nobody named.
  if (
    verbal?.speakerType === "person" || (verbal?.speaker && verbal.speakerType === "organisation")
  ) {
    return verbal;
  }
  // "the group said in a statement", "the family said in a statement": the subject is there,
  // only unnamed; the statement is not the speaker.
  if (verbal?.speakerRaw && (verbal.reason === UNNAMED_ORG || verbal.reason === NO_NAMED)) {
    return verbal;
  }
  return documentIn(ctx, r, according) ?? verbal ??
    (according ? accordingSpeech(ctx, according) : null);
}

/** Where a source phrase ("according to", "in the words of") starts and the source after it. */
function sourcePhraseAt(ctx: Context, lw: readonly string[]): { at: number; after: number } | null {
  for (let i = 0; i < lw.length; i++) {
    for (const p of ctx.quoteCues.sourcePhrases) {
      if (p.every((w, k) => lw[i + k] === w)) return { at: i, after: i + p.length };
    }
  }
  return null;
}

/** The relay "according to X" (or "in the words of X"): up to the next clause mark. */
function accordingIn(ctx: Context, r: Region): According | null {
  const { words } = r;
  const phrase = sourcePhraseAt(ctx, r.lw);
  if (!phrase) return null;
  const a = phrase.at;
  let b = phrase.after;
  while (
    b < words.length &&
    !(words[b].kind === "punct" && words[b].text !== "’s" && words[b].text !== "'s" &&
      words[b].text !== "-" && !abbreviationDot(ctx, words, b))
  ) b++;
  if (b === phrase.after) return null;
  // "according to plan", "according to your theory": a measure, not a source.
  if (r.lw.slice(phrase.after, b).some((w) => NO_SOURCE.has(w))) return null;
  // "According to the team's coach, Alireza Mehraban, ...": the name after the role.
  if (words[b]?.text === "," && isRoleNounWord(ctx, words[b - 1])) {
    let c = b + 1;
    while (c < words.length && words[c].kind === "word" && /^\p{Lu}/u.test(words[c].text)) c++;
    if (c > b + 1 && words[c]?.text === ",") b = c;
  }
  // "Mark Tedesco, QC, ...", "Jane Roe, R-Ohio, ...": letters after the name belong to it.
  if (words[b]?.text === "," && ctx.quoteCues.nameSuffixes.has(words[b + 1]?.text ?? "")) {
    if (words[b + 2]?.text === ",") b += 2;
  } else if (words[b]?.text === ",") {
    const close = words.findIndex((w, i) => i > b + 1 && w.text === ",");
    if (close > 0 && partyAndState(ctx.text, words[b + 1].start, words[close - 1].end)) b = close;
  }
  // "According to the Saudi Interior Ministry over 345 pilgrims have been killed": with no
  // comma, the source ends with its name when a number or a long run of words follows it.
  const named = within(r, words[phrase.after].start, words[b - 1].end)[0];
  if (named) {
    const k = words.findIndex((w) => w.start >= named.end);
    const numberNext = k > 0 && [k, k + 1].some((j) => j < b && words[j].kind === "number");
    if (numberNext) b = k;
  }
  const end = words[b - 1].end;
  const inside = within(r, words[a].start, end);
  const mention = inside.find((m) => m.media) ??
    inside.find((m) => m.type !== "GPE") ?? inside[0];
  const grown = mention ? null : sourceName(ctx, words, phrase.after, b);
  return {
    from: words[a].start,
    to: end,
    mention,
    grown,
    phrase: r.lw.slice(a, phrase.after).join(" "),
    via: ctx.text.slice(words[a].start, end),
  };
}

/** Heads after "according to" that name a measure or a method, never a source. */
const NO_SOURCE = new Set([
  "plan",
  "plans",
  "schedule",
  "system",
  "theory",
  "definition",
  "rule",
  "rules",
  "principle",
  "principles",
  "tradition",
  "custom",
  "method",
  "design",
  "formula",
  "pattern",
  "semantics",
  "script",
]);

/** The dot of a title or an initial inside a name ("Sen. Lisa Murkowski", "John Q. Adams"). */
function abbreviationDot(ctx: Context, words: readonly Word[], b: number): boolean {
  const prev = words[b - 1];
  if (words[b].text !== "." || !prev || prev.end !== words[b].start) return false;
  const next = words[b + 1];
  if (!next || !/^\p{Lu}/u.test(next.text)) return false;
  return /^\p{Lu}$/u.test(prev.text) || ctx.cues.titleRules.abbreviations.has(prev.text);
}

/**
 * The source of "according to" when the entity stage named nobody: a name of two words or more
 * ending the phrase ("according to the team's coach, Alireza Mehraban").
 */
function sourceName(ctx: Context, words: readonly Word[], from: number, to: number) {
  const grown = nameBefore(ctx.text, words, to, from, ctx.cues);
  if (!grown || grown.definite || !grown.name.includes(" ")) return null;
  return grown;
}

function speakerTypeOf(m: EntityMention): SpeakerType {
  return m.type === "PERSON" ? "person" : "organisation";
}

/** The speech fields of a known entity. */
function ofMention(m: EntityMention, sieve: Speech["sieve"], confidence: number) {
  return {
    speaker: m.entity,
    speakerType: speakerTypeOf(m),
    speakerRaw: m.text,
    role: m.role,
    sieve,
    confidence,
    reason: null,
  };
}

function accordingSpeech(ctx: Context, a: According): Found {
  const m = a.mention;
  const g = a.grown;
  const type = g && ctx.quoteCues.firstNameGender(g.name.split(" ")[0]) ? "person" : null;
  return {
    ...(m
      ? ofMention(m, "according", 0.9)
      : g && type
      ? named(g.name, type, g.role, "according", 0.75)
      : {
        speaker: null,
        speakerType: null,
        speakerRaw: a.via.replace(/^according to\s*/i, "") || null,
        role: null,
        sieve: null,
        confidence: 0,
        reason: "according to: no named source",
      }),
    cue: a.phrase,
    via: null,
    viaEntity: null,
    from: a.from,
    to: a.to,
    verb: null,
  };
}

/** A document: "in a joint communique", "in a statement". */
function documentIn(ctx: Context, r: Region, according: According | null): Found | null {
  const { words, lw, verbs } = r;
  const docMatch = ctx.cues.documentPhrase.exec(lw.join(" "));
  if (!docMatch) return null;
  const doc = docMatch[1];
  const n = doc.split(" ").length;
  const vi = verbs.findIndex((v) => v);
  const verb = vi >= 0 ? words[vi] : undefined;
  const docWord = words.find((_, i) => lw.slice(i, i + n).join(" ") === doc)!;
  const docEnd = docWord.start + doc.length;
  // The attribution reads "said in a joint communique" when verb and document are close.
  const close = verb && Math.abs(verb.start - docWord.start) <= 40;
  return {
    speaker: doc,
    speakerType: "document",
    speakerRaw: doc,
    role: null,
    cue: verb?.text ?? null,
    via: according?.via ?? null,
    viaEntity: according?.mention?.entity ?? null,
    sieve: "document",
    confidence: 0.8,
    reason: null,
    from: close ? Math.min(verb.start, docWord.start) : docWord.start,
    to: close ? Math.max(verb.end, docEnd) : docEnd,
    verb: verb ?? null,
  };
}

/** The likeliest speaker among mentions: a person, else the last organisation or place. */
function best(mentions: EntityMention[]): EntityMention | undefined {
  return mentions.find((m) => m.type === "PERSON") ?? mentions[mentions.length - 1];
}

function clauseStart(words: readonly Word[], v: number): number {
  let k = v;
  while (k > 0 && !CLAUSE_PUNCT.has(words[k - 1].text)) k--;
  return k;
}

/** "X quoted Y as saying": Y speaks, X relays. */
function quotedAsSaying(ctx: Context, r: Region, according: According | null): Found | null {
  const { words } = r;
  const q = words.findIndex((w) => w.text === "quoted" || w.text === "quotes");
  if (q < 0) return null;
  const as = words.findIndex((w, i) => i > q && w.text === "as" && words[i + 1]?.text === "saying");
  if (as <= q) return null;
  const who = best(within(r, words[q].end, words[as].start));
  const clause = clauseStart(words, q);
  const relay = within(r, words[clause].start, words[q].start);
  // "The Post quotes a senior official as saying": relayed, the source unnamed.
  const source = who ? ofMention(who, "relay", 0.9) : noSpeech("the quoted source is not named");
  return {
    ...source,
    cue: `${words[q].text} ... as saying`,
    via: ctx.text.slice(words[clause].start, words[q].start).trim() || (according?.via ?? null),
    viaEntity: (relay.find((m) => m.media) ?? relay[relay.length - 1])?.entity ??
      according?.mention?.entity ?? null,
    from: words[clause].start,
    to: words[as + 1].end,
    verb: words[q],
  };
}

/**
 * "According to Yonhap, quoting the state news agency KCNA, ...", "Reuters, quoting officials,
 * reported": the source quoted speaks, the one quoting relays.
 */
function quotingIn(r: Region, according: According | null): Found | null {
  const { words } = r;
  const q = r.lw.indexOf("quoting");
  if (q < 1 || words[q - 1].text !== ",") return null;
  let end = q + 1;
  while (end < words.length && !QUOTING_END.has(words[end].text)) end++;
  if (end === q + 1) return null;
  const who = within(r, words[q].end, words[end - 1].end).filter((m) => m.type !== "GPE").pop();
  if (!who) return null;
  const before = within(r, words[clauseStart(words, q - 1)].start, words[q].start);
  const relay = according ?? null;
  const agency = relay?.mention ?? before.find((m) => m.media) ?? before[before.length - 1];
  // "Reuters, quoting X, reported that ...": the verb after the source closes the cue.
  const v = words[end]?.text === "," && r.verbs[end + 1] ? end + 1 : -1;
  return {
    ...ofMention(who, "relay", 0.85),
    cue: "quoting",
    via: relay?.via ?? (agency ? agency.text : null),
    viaEntity: agency?.entity ?? null,
    // The relay and the source together are the cue; what they report follows or precedes.
    from: Math.min(relay?.from ?? words[q].start, words[clauseStart(words, q - 1)].start),
    to: words[v >= 0 ? v : end - 1].end,
    verb: v >= 0 ? words[v] : null,
  };
}
const QUOTING_END = new Set([",", ";", ":", "–", "—", "“", "”", '"', "."]);

/** A speech verb with its subject: "Kaine said", "said Senator Ron Wyden", "he said". */
function verbSpeech(
  ctx: Context,
  r: Region,
  according: According | null,
  last: boolean,
): Found | null {
  const { words, verbs } = r;
  let fallback: Found | null = null;
  for (let j = 0; j < words.length; j++) {
    const v = last ? words.length - 1 - j : j;
    // "was told" is a passive; "was telling" a progressive, which speaks.
    const passive = PASSIVE.has(r.lw[v - 1]) && !r.lw[v].endsWith("ing");
    if (!verbs[v] || passive || negated(r, v) || nounOrParticiple(r, v)) {
      continue;
    }
    // "Recent reports have revealed", "claims were": a speech word before a verb is its subject.
    if (VERB_AFTER_NOUN.has(r.lw[v + 1] ?? "") && r.words[v].text.endsWith("s")) continue;
    // "reports of", "claims of": a noun.
    if (r.lw[v + 1] === "of" && r.words[v].text.endsWith("s")) continue;
    // "As stated, ...", "as noted": no one speaks.
    if (r.lw[v - 1] === "as" && (v < 2 || r.words[v - 2].kind === "punct")) continue;
    // "who asked not to be named": a source's condition, not a statement.
    if (ANONYMITY.test(ctx.text.slice(words[v].end, words[v].end + 40))) continue;
    if (according && words[v].start >= according.from && words[v].end <= according.to) continue;
    // "Recent reports have revealed that ... Acme called ...": a verb inside the
    // reported clause never lends its speaker to the statement.
    if (!last && fallback?.verb && thatBetween(r, fallback.verb, v)) return fallback;
    const subject = subjectOf(ctx, r, v) ?? unnamedSubject(ctx, r, v);
    // Nearest the quote, a verb with a new subject nobody knows ("The Times called it "A" and the
    // Observer described it as "B"") keeps an earlier verb's speaker off B.
    const join = last ? newSubjectAt(r, v) : -1;
    if (join >= 0 && (!subject || subject.from < words[join].start)) {
      return unknownSubject(words[v]);
    }
    if (!subject) continue;
    const { mediaSubject, ...who } = subject;
    const found: Found = {
      ...who,
      cue: words[v].text,
      via: according?.via ?? null,
      viaEntity: according?.mention?.entity ?? null,
      verb: words[v],
    };
    // An empty subject ("he" nobody fits) gives way to another verb's speaker ("X said he believes").
    if (!found.speaker) {
      fallback ??= found;
      continue;
    }
    return (mediaSubject ? relayedSpeaker(ctx, r, v, found) : null) ?? found;
  }
  return fallback;
}

/** What follows "asked" or "requested" when a source keeps their name out of the story. */
const ANONYMITY = /^\s+(?:not to be (?:named|identified|quoted)|to remain anonymous|anonymity)\b/u;

/** True when a "that" stands after `verb` and before word `v`: `v` is inside its clause. */
function thatBetween(r: Region, verb: Word, v: number): boolean {
  for (let k = v - 1; k >= 0 && r.words[k].start > verb.start; k--) {
    if (r.lw[k] === "that") return true;
  }
  return false;
}

/** Verbs after a plural speech noun ("reports have", "claims were", "reports say"). */
const VERB_AFTER_NOUN = new Set(["have", "had", "were", "are", "say", "said", "show", "suggest"]);

/** True when a lower-case word other than "the" stands between the clause start and `at`. */
function objectBefore(r: Region, clause: number, at: number): boolean {
  for (let k = clause; k < r.words.length && r.words[k].end <= at; k++) {
    const w = r.words[k];
    if (w.kind === "word" && w.text === r.lw[k] && r.lw[k] !== "the") return true;
  }
  return false;
}

/** Prepositions and adjectives that open a sentence before a speech noun ("Amid reports"). */
const FUNCTION_OPENERS = new Set([
  "amid",
  "despite",
  "following",
  "recent",
  "earlier",
  "new",
  "initial",
  "early",
  "further",
  "unconfirmed",
  "local",
  "media",
  "official",
]);

/** Words that join a second clause with a subject of its own. */
const CLAUSE_JOINS = new Set(["and", "but", "while", "whereas", ";"]);

/**
 * Where a clause with a subject of its own opens a few words before verb `v` ("and the Observer
 * described"), or -1 ("and added" has none).
 */
function newSubjectAt(r: Region, v: number): number {
  for (let k = v - 2; k >= Math.max(0, v - 6); k--) {
    if (CLAUSE_JOINS.has(r.lw[k])) return r.words[k + 1].kind !== "punct" ? k : -1;
  }
  return -1;
}

/** A speech verb whose subject is written but not known: the cue, and nobody. */
function unknownSubject(verb: Word): Found {
  return {
    ...noSpeech(`the subject of "${verb.text}" is not known`),
    cue: verb.text,
    from: verb.start,
    to: verb.end,
    verb,
  };
}

/** Words before a noun: "the claims", "his remarks", "such reports". */
const NOUN_DETERMINERS = new Set([
  "'s",
  "’s",
  "the",
  "a",
  "an",
  "his",
  "her",
  "their",
  "its",
  "these",
  "those",
  "such",
  "any",
  "our",
]);

/**
 * A speech word that is a noun or a passive participle here: "the claims", "claims by Jones",
 * "a memo first reported by the Times".
 */
function nounOrParticiple(r: Region, v: number): boolean {
  // "by" and an agent, not a date: "estimated by 2050 ..." still reports.
  const agent = r.lw[v + 1] === "by" && /^\p{L}/u.test(r.words[v + 2]?.text ?? "");
  // "all reports", "press reports" in lower case: a plural noun ("The Press reports" speaks).
  const plural = LOWER_NOUN_BEFORE.has(r.words[v - 1]?.text ?? "") && r.lw[v].endsWith("s");
  // "She's telling": "is", not an owner (a progressive only; "her's remarks" is no English).
  const is = r.lw[v].endsWith("ing") && contractedIs(r, v - 1);
  // "advisers accused of stealing": the active verb takes its object before "of".
  const accused = r.lw[v] === "accused" && r.lw[v + 1] === "of";
  return (NOUN_DETERMINERS.has(r.lw[v - 1]) && !is) || agent || plural || accused;
}
const LOWER_NOUN_BEFORE = new Set(["all", "press", "news", "media"]);

/** Words that negate a speech verb a few words before it. */
const NEGATIONS = new Set(["not", "never", "no", "nor", "neither", "cannot"]);
/** Verbs before "to" that say the speech did not happen ("declined to say"). */
const REFUSALS = new Set(["declined", "declines", "refused", "refuses", "failed", "fails"]);

/**
 * "has not said", "did not immediately respond", "declined to say", "Neither X nor Y
 * responded": speech that did not happen reports nothing.
 */
function negated(r: Region, v: number): boolean {
  for (let k = v - 1; k >= Math.max(0, v - 5); k--) {
    const w = r.lw[k];
    if (NEGATIONS.has(w) || w.endsWith("n't") || w.endsWith("n’t")) return true;
    if (w === "to" && REFUSALS.has(r.lw[k - 1])) return true;
    if (r.words[k].kind === "punct") break;
  }
  return false;
}

/** "AFP reported Macron emphasized ...": the agency relays the second speaker. */
function relayedSpeaker(ctx: Context, r: Region, v: number, agency: Found): Found | null {
  const { words } = r;
  for (let v2 = v + 1; v2 < Math.min(words.length, v + 12); v2++) {
    if (!ctx.cues.speechVerbs.has(words[v2].text)) continue;
    const second = best(within(r, words[v].end, words[v2].start));
    if (!second) return null;
    return {
      ...ofMention(second, "relay", 0.85),
      cue: words[v2].text,
      via: ctx.text.slice(words[clauseStart(words, v)].start, words[v].end),
      viaEntity: agency.speaker,
      from: second.start,
      to: words[v2].end,
      verb: words[v2],
    };
  }
  return null;
}

/** Who speaks with the verb `v`, trying each sieve of the verb's own sentence in turn. */
function subjectOf(ctx: Context, r: Region, v: number): Subject | null {
  const { words } = r;
  // The word before the verb and its auxiliaries or adverbs ("he has called", "she also said").
  const p = beforeAuxiliaries(r, v, 2);
  const prev = words[p] && contracted(words[p], r.lw[v]);
  if (prev && ctx.cues.pronouns.has(prev.text[0].toUpperCase() + prev.text.slice(1))) {
    return pronounSubject(ctx, prev, words[v]);
  }
  const clause = clauseStart(words, v);
  // "Devocht, who said", "Devocht, who had told".
  if (p >= 2 && RELATIVE.has(words[p].text) && words[p - 1].text === ",") {
    return relativeSubject(r, p + 1, v);
  }
  return titledSubject(ctx, r, v, clause) ?? mentionSubject(ctx, r, v, clause) ??
    appositiveSubject(ctx, r, v, clause) ?? auxiliaryAppositive(ctx, r, v) ??
    (clause === v
      ? relativeHeadSubject(ctx, r, v) ?? invertedSubject(ctx, r, v)
      : nameSubject(ctx, r, v, clause));
}

/**
 * "One official, who spoke on condition of anonymity, told Reuters": a subject with no name in
 * it before a relative clause set off by commas speaks, unnamed (the reason says so).
 */
function relativeHeadSubject(ctx: Context, r: Region, v: number): Subject | null {
  const { words } = r;
  if (v < 4 || words[v - 1].text !== ",") return null;
  const c = clauseStart(words, v - 1);
  if (!RELATIVES.has(r.lw[c]) || c < 2 || words[c - 1].text !== ",") return null;
  const h = clauseStart(words, c - 1);
  // A few words, nothing named in them (a name there is the appositive sieves' to take or leave).
  if (h >= c - 1 || c - 1 - h > 8 || within(r, words[h].start, words[c - 2].end).length) {
    return null;
  }
  return {
    ...noSpeech(NO_NAMED),
    speakerRaw: ctx.text.slice(words[h].start, words[c - 2].end),
    from: words[h].start,
    to: words[v].end,
    mediaSubject: false,
  };
}

/** Words between an appositive's comma and its verb ("X, a mayor, has repeatedly called"). */
const APPOSITIVE_AUXILIARIES = new Set([
  "has",
  "have",
  "had",
  "also",
  "repeatedly",
  "previously",
  "later",
  "once",
  "recently",
  "publicly",
  "already",
  "again",
]);

/**
 * The index of the word before verb `v` and the up to `most` auxiliaries or adverbs before it
 * ({@link APPOSITIVE_AUXILIARIES}): `v - 1` when there are none.
 */
function beforeAuxiliaries(r: Region, v: number, most: number): number {
  // A progressive ("was telling", "has been saying") also steps over its forms of "be": only
  // there, since before a past participle they make a passive ("Smith was told": a listener).
  const progressive = r.lw[v].endsWith("ing");
  const bound = progressive ? most + 1 : most;
  let p = v - 1;
  while (
    p > 0 && v - 1 - p < bound &&
    (APPOSITIVE_AUXILIARIES.has(r.lw[p]) ||
      (progressive && (PROGRESSIVE_BE.has(r.lw[p]) || contractedIs(r, p))))
  ) p--;
  return p;
}

/** Forms of "be" a progressive speech verb comes after. */
export const PROGRESSIVE_BE = new Set(["was", "were", "is", "are", "am", "been", "be"]);

/** Pronouns whose "'s" before a progressive is "is" ("she's telling"); after a noun it owns. */
const IS_CONTRACTED_AFTER = new Set(["he", "she"]);

/**
 * True for word `p`, an "'s" that stands for "is" after "he" or "she" ("She's telling reporters
 * that ..."), not the possessive of "the mayor's telling remark".
 */
function contractedIs(r: Region, p: number): boolean {
  return (r.lw[p] === "'s" || r.lw[p] === "’s") && IS_CONTRACTED_AFTER.has(r.lw[p - 1] ?? "") &&
    r.words[p - 1].end === r.words[p].start;
}

/** "they're", "I'm", "we’re": a pronoun and a contracted "are" or "am", as written in one word. */
const CONTRACTED_BE = /^(\p{L}+)['’](?:re|m)$/iu;

/**
 * Word `w` without a contracted "are" or "am" before a progressive verb ("They're saying" →
 * "They"), so the pronoun resolves; any other word as it is.
 */
function contracted(w: Word, verb: string): Word {
  const m = verb.endsWith("ing") ? CONTRACTED_BE.exec(w.text) : null;
  return m ? { ...w, text: m[1], end: w.start + m[1].length } : w;
}

/** "The mayor, Jane Roe, has called": an appositive before auxiliaries and adverbs. */
function auxiliaryAppositive(ctx: Context, r: Region, v: number): Subject | null {
  const a = beforeAuxiliaries(r, v, 3) + 1;
  if (a === v || a < 2 || r.words[a - 1].text !== ",") return null;
  const who = appositiveSubject(ctx, r, a, a);
  return who ? { ...who, to: r.words[v].end } : null;
}

/** "he said", "she says", "it said": the pronoun resolved to someone before it. */
function pronounSubject(ctx: Context, pronoun: Word, verb: Word): Subject {
  const resolved = resolvePronoun(ctx, pronoun.text.toLowerCase(), pronoun.start);
  return {
    ...resolved,
    speakerRaw: pronoun.text,
    from: pronoun.start,
    to: verb.end,
    mediaSubject: false,
  };
}

/** "Canada’s premier praised": a title after a country stands for the person with that title. */
function titledSubject(ctx: Context, r: Region, v: number, clause: number): Subject | null {
  const { words } = r;
  const before = subjectMentions(ctx, r, words[clause].start, words[v].start);
  const lastEnd = before.length ? before[before.length - 1].end : words[clause].start;
  const between = words.filter((w) => w.start >= lastEnd && w.end <= words[v].start);
  const title = between.find((w) => ctx.cues.titles.has(w.text[0].toUpperCase() + w.text.slice(1)));
  // Only with a country before the title: "Canada’s premier" (a bare "the President" could be anyone).
  const owned = title !== undefined &&
    ctx.mentions.some((m) =>
      (m.type === "GPE" || m.type === "NORP") && m.end <= title.start && title.start - m.end <= 3
    );
  if (!title || !owned) return null;
  const titled = [...ctx.mentions].reverse().find((m) =>
    m.type === "PERSON" && m.role !== null && m.start < words[v].start &&
    m.role.toLowerCase().split(/\s+/).includes(title.text.toLowerCase())
  );
  if (!titled) return null;
  return {
    ...ofMention(titled, "cue", 0.8),
    speakerRaw: ctx.text.slice(between[0].start, title.end),
    from: between[0].start,
    to: words[v].end,
    mediaSubject: false,
  };
}

/** Mentions that may be a subject: a country owning the subject ("France’s AFP") is not one. */
function subjectMentions(ctx: Context, r: Region, from: number, to: number): EntityMention[] {
  return within(r, from, to).filter((m) =>
    !(m.type === "GPE" && /^['’]s/.test(ctx.text.slice(m.end, m.end + 2)) && !m.metonymy)
  );
}

/**
 * The mention that heads the subject before verb `v`, or an empty subject when the mention only
 * modifies someone unnamed ("a spokesman for X", "X's lawyer", "the senator from X", "X and Y").
 */
function headMention(
  ctx: Context,
  r: Region,
  before: EntityMention[],
  m: EntityMention,
  clause: number,
  v: number,
): EntityMention | Subject {
  const person = affiliatedPerson(ctx, before, m);
  if (person) return person;
  const k = r.words.findIndex((w) => w.end > m.start);
  if (m.type !== "PERSON" && m.type !== "GPE" && findingBy(ctx, r, clause, k)) return m;
  // "the senator from Ohio said" (but "Secretary of State John Kerry said" names a person).
  const preposition = m.type !== "PERSON" && k > clause && ROLE_PREPOSITIONS.has(r.lw[k - 1]);
  const staff = preposition ? staffOf(r, m, clause, v) : null;
  if (staff) return staff;
  if (
    preposition || placeModifier(ctx, r, m) || possessed(ctx, r, m, v) ||
    roleOfMention(ctx, r, clause, m) || COMPOUND_MODIFIER.test(ctx.text.slice(m.end, m.end + 3))
  ) return unnamedHead(ctx, r, clause, v, "no name");
  // "Jim Smith and Mary Hall said": two speakers, neither alone.
  // Two people: the person before (a state in a party label, "(D-Mass.)", is no speaker).
  const other = m.type === "PERSON"
    ? before.findLast((x) => x.type === "PERSON")
    : before[before.length - 1];
  // "Sen. Ann Okafor (D-Mass.) and Sen. Tom Bell (I-Vt.) said": the party labels do not part them.
  const joint = other &&
    ctx.text.slice(other.end, m.start).replace(/\([^()]{0,16}\)/g, "")
      .replace(/\s(?:\p{Lu}\p{Ll}{0,10}\.?\s+)+$/u, " ");
  if (joint !== undefined && COORDINATION.test(joint)) {
    return unnamedHead(ctx, r, clause, v, "two speakers");
  }
  return m;
}

/**
 * A name joined by a hyphen to a lower-case word modifies the subject's head: "The
 * Atlanta-based airline said", "an Obama-appointed judge said", "the Hamas-run ministry said".
 */
const COMPOUND_MODIFIER = /^-\p{Ll}/u;

/** Whether the text from `start` to `end` is a party-and-state label ("D-N.Y."). */
function partyAndState(text: string, start: number, end: number): boolean {
  return isPartyAndState(text.slice(start, end));
}

/**
 * After a person's name, where they are from or work: "of the Children's Hospital of
 * Philadelphia", "of Wyoming", "at Acme Corp." (capitalised words and small ones only).
 */
const AFFILIATION =
  /^\s*,?\s*(?:of|at|from|with)\s+(?:(?:the|of|for|and|on|in|&)\s+|\p{Lu}[\p{L}\p{N}'’.&-]*\s+)*$/u;

/**
 * "A report by the Pew Research Center found", "a study from Acme Labs showed": a finding
 * speaks for the organisation that made it, named after "by" or "from".
 */
function findingBy(ctx: Context, r: Region, clause: number, k: number): boolean {
  const b = r.lw[k - 1] === "the" ? k - 2 : k - 1;
  if (b - 1 < clause || (r.lw[b] !== "by" && r.lw[b] !== "from")) return false;
  // "a lawsuit filed by", "a survey conducted by": a participle between.
  const j = /ed$/.test(r.lw[b - 1]) && b - 2 >= clause ? b - 2 : b - 1;
  const noun = r.lw[j] ?? "";
  return ctx.quoteCues.findingNouns.has(noun) || ctx.cues.documents.includes(noun);
}

/** "Jim Smith of the Brookings Institution said": the person before "of", not the institution. */
function affiliatedPerson(
  ctx: Context,
  before: EntityMention[],
  m: EntityMention,
): EntityMention | undefined {
  const p = before[before.length - 1];
  if (!p || p.type !== "PERSON" || m.type === "PERSON") return undefined;
  return AFFILIATION.test(ctx.text.slice(p.end, m.start)) ? p : undefined;
}

/**
 * "Mary Hall's lawyer said", "Acme's chief executive said": the owner is not the speaker; but
 * the owner of a document speaks through it ("Cornyn's statement added").
 */
function possessed(ctx: Context, r: Region, m: EntityMention, v: number): boolean {
  const k = possessiveAfter(r, r.words.findIndex((w) => w.start >= m.end));
  if (k < 0 || k >= v) return false;
  const head = r.words[k];
  const noun = r.lw[v - 1];
  return head.kind === "word" && head.text === r.lw[k] && !ctx.cues.documents.includes(noun);
}

/**
 * "A spokesman for Mary Hall said", "the head of the agency said", "an aide to the senator
 * told": a role word and a preposition before the mention make the role holder the speaker.
 */
function roleOfMention(ctx: Context, r: Region, clause: number, m: EntityMention): boolean {
  const k = r.words.findIndex((w) => w.end > m.start);
  for (let j = Math.max(clause, k - 5); j < k - 1; j++) {
    const w = r.words[j];
    if (!ROLE_PREPOSITIONS.has(r.lw[j + 1])) continue;
    const role = isRoleNounWord(ctx, w) || ctx.quoteCues.unnamedHeads.has(r.lw[j]);
    if (role && r.words.slice(j + 2, k).every((x) => x.kind === "word" || x.text === ".")) {
      return true;
    }
  }
  return groupOf(ctx, r, clause, k);
}
const ROLE_PREPOSITIONS = new Set(["for", "of", "to", "at", "with", "from", "in", "by"]);
/** Words that tie an unnamed group to the one named after them ("an attorney representing X"). */
const GROUP_LINKS = new Set([...ROLE_PREPOSITIONS, "representing", "including", "among", "near"]);

/**
 * "Supporters of the mayor said", "People close to Jane Roe said", "Democrats, including Sen. X,
 * said": a lower-case head before a preposition and the name: the group speaks, unnamed (titles
 * and "the" before the name are skipped; "Secretary of State John Kerry" has no preposition
 * right before the name).
 */
function groupOf(ctx: Context, r: Region, clause: number, k: number): boolean {
  let j = k - 1;
  while (j > clause && (r.lw[j] === "the" || r.words[j].text === "." || isTitleWord(ctx, j, r))) {
    j--;
  }
  if (j <= clause - 1 || !GROUP_LINKS.has(r.lw[j])) return false;
  // "Democrats, including X": the group is before the comma.
  if (r.lw[j] === "including") return true;
  const head = r.words[j - 1];
  if (j <= clause || head === undefined || head.kind !== "word") return false;
  // "Governor of Washington Jane Roe": a title, not a group.
  if (isTitleWord(ctx, j - 1, r) || isRoleNoun(r.lw[j - 1], ctx.cues)) return false;
  return head.text === r.lw[j - 1] || j - 1 === clause;
}

function isTitleWord(ctx: Context, j: number, r: Region): boolean {
  const w = r.words[j].text;
  return /^\p{Lu}/u.test(w) && ctx.cues.titles.has(w);
}

const COORDINATION = /^\s*(?:,|,?\s*and|&|,?\s*or)\s+(?:the\s+)?$/i;

/**
 * The subject of `v` is someone the text does not name alone ("a spokesman for X", "X and Y"):
 * empty, as written, with `why`.
 */
function unnamedHead(ctx: Context, r: Region, clause: number, v: number, why: string): Subject {
  const raw = ctx.text.slice(r.words[clause].start, r.words[v - 1].end);
  return {
    speaker: null,
    speakerType: null,
    speakerRaw: raw,
    role: null,
    sieve: null,
    confidence: 0,
    reason: `"${raw}": ${why}`,
    from: r.words[clause].start,
    to: r.words[v].end,
    mediaSubject: false,
  };
}

/**
 * A place or an organisation that modifies the subject's head: "U.S. officials said", "a White
 * House official said" (the head's own name, when one follows, is a mention of its own).
 */
function placeModifier(ctx: Context, r: Region, m: EntityMention): boolean {
  if (m.type === "PERSON") return false;
  const k = r.words.findIndex((w) => w.start >= m.end);
  if (k < 0 || r.words[k].text !== r.lw[k]) return false;
  if (m.type === "GPE" || m.type === "NORP") return ctx.quoteCues.unnamedHeads.has(r.lw[k]);
  return ctx.quoteCues.unnamedHeads.has(r.lw[k]) || isRoleNounWord(ctx, r.words[k]);
}

/** The entity a few words before its verb ("AFP news agency said", "Janet Yellen has pledged"). */
function mentionSubject(ctx: Context, r: Region, v: number, clause: number): Subject | null {
  const { words } = r;
  const verb = words[v];
  const mentions = subjectMentions(ctx, r, words[clause].start, verb.start);
  const last = mentions.pop();
  if (!last || words.filter((w) => w.start >= last.end && w.end <= verb.start).length > 6) {
    return null;
  }
  // "Police arrested Tom Bell and said ...": a name after a verb of its own clause is its object.
  if (r.lw[v - 1] === "and" && objectBefore(r, clause, last.start)) return null;
  const m = headMention(ctx, r, mentions, last, clause, v);
  if (!("entity" in m)) return m;
  const grown = m.end === words[v - 1]?.end
    ? nameBefore(ctx.text, words, v, clause, ctx.cues)
    : null;
  return {
    ...resolveGrown(ctx, r, grown, m),
    from: Math.min(m.start, grown?.from ?? m.start),
    to: verb.end,
    mediaSubject: m.media,
  };
}

/**
 * Past appositives: "Maria Lopez, an economist, said", "The campaign's chairman, Robert Hale,
 * told", "Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said": up to
 * three comma chunks back, the chunk that is a name alone is the speaker; the others its role.
 */
function appositiveSubject(ctx: Context, r: Region, v: number, clause: number): Subject | null {
  const { words } = r;
  if (!(clause === v && v >= 2 && words[v - 1].text === ",")) return null;
  let end = v - 1;
  for (let n = 0; n < 3; n++) {
    const c = clauseStart(words, end);
    if (v - c > 24) return null;
    // Letters after the name ("Tom Molomby, SC, said"), an age ("Bukayo Saka, 23, said") and a
    // US lawmaker's party and state ("Chuck Schumer, D-N.Y., said") are no chunk of their own.
    const suffix = end - c === 1 &&
      (ctx.quoteCues.nameSuffixes.has(words[c].text) || /^\d{1,3}$/.test(words[c].text));
    if ((suffix || partyAndState(ctx.text, words[c].start, words[end - 1].end)) && c >= 2) {
      end = c - 1;
      n--;
      continue;
    }
    // "Democrats, including Sen. Jane Roe, said": the group speaks, the name is an example.
    if (EXAMPLES.has(r.lw[c]) && c >= 2 && words[c - 1].text === ",") {
      return unnamedHead(ctx, r, clauseStart(words, c - 1), v, "a group, one named as an example");
    }
    const who = chunkSpeaker(ctx, r, c, end);
    if (who) {
      const prevChunk = c >= 2 && words[c - 1].text === "," ? clauseStart(words, c - 1) : -1;
      const chunk = n > 0
        ? [end + 1, beforeRelative(r, end + 1, v - 2)]
        : prevChunk >= 0
        ? [prevChunk, c - 2]
        : null;
      // Not a role: an adverbial ("on Tuesday"), what they were doing ("speaking to reporters")
      // or a relative clause ("who became chief executive last year").
      const role = chunk && !ADVERBIAL.has(r.lw[chunk[0]]) && !/ing$/.test(r.lw[chunk[0]]) &&
          !RELATIVES.has(r.lw[chunk[0]])
        ? ctx.text.slice(words[chunk[0]].start, words[chunk[1]].end)
        : who.role;
      return { ...who, role, from: words[c].start, to: words[v].end };
    }
    if (c < 2 || words[c - 1].text !== ",") return null;
    end = c - 1;
  }
  return null;
}

/**
 * The last word of a role's chunks `[from, to]` before a relative clause among them ("a reader
 * at Brunel University London, who was not involved in the study": "London"); `to` when none.
 */
function beforeRelative(r: Region, from: number, to: number): number {
  for (let k = from + 1; k < to; k++) {
    if (r.words[k].text === "," && RELATIVES.has(r.lw[k + 1])) return k - 1;
  }
  return to;
}

/** The speaker when the words `[c, end)` are a name alone (a person, or an organisation's mention). */
function chunkSpeaker(ctx: Context, r: Region, c: number, end: number): Subject | null {
  const { words } = r;
  if (end <= c) return null;
  const inside = within(r, words[c].start, words[end - 1].end);
  // One person ending the chunk ("U.S. Senator John Cornyn"), else its only mention.
  const people = inside.filter((x) => x.type === "PERSON");
  const only = people.length === 1 ? people[0] : inside.length === 1 ? inside[0] : undefined;
  // "Sen. Jane Roe of Wyoming": the person, with the place or employer after "of" apart.
  const affiliated = only?.type === "PERSON" && only.text.includes(" ") &&
    AFFILIATION.test(ctx.text.slice(only.end, words[end - 1].end) + " ");
  const m = only && (only.end === words[end - 1].end || affiliated) ? only : undefined;
  const nameEnd = affiliated ? words.findIndex((w) => w.start >= only!.end) : end;
  const grown = nameBefore(ctx.text, words, nameEnd, c, ctx.cues);
  const whole = grown !== null && grown.from === words[c].start && !grown.definite;
  // "the Acme Workers Union": an organisation's name after "the".
  const the = m !== undefined && m.type !== "PERSON" && r.lw[c] === "the" &&
    m.start === words[c + 1]?.start;
  if (m && m.type !== "GPE" && m.type !== "NORP" && (m.start === words[c].start || whole || the)) {
    return {
      ...resolveGrown(ctx, r, whole ? grown : null, m),
      from: m.start,
      to: m.end,
      mediaSubject: m.media,
    };
  }
  const roled = grown !== null && !whole
    ? roledName(ctx, r, grown, inside, words[end - 1].end)
    : null;
  if (roled) return roled;
  // "Former champion Andy Murray, commentating for the BBC, called": role words, then the person.
  if (m?.type === "PERSON" && m.end === words[end - 1].end && roleWordsBefore(ctx, r, c, m)) {
    return {
      ...ofMention(m, "cue", 0.85),
      role: ctx.text.slice(words[c].start, m.start).trim(),
      from: words[c].start,
      to: m.end,
      mediaSubject: false,
    };
  }
  if (!whole || inside.length > 0) return null;
  const who = resolveGrown(ctx, r, grown, undefined);
  return who.speaker ? { ...who, from: grown.from, to: grown.to, mediaSubject: false } : null;
}

/** Words before a role that say when or how one holds it ("former champion", "acting chief"). */
const ROLE_MODIFIERS = new Set([
  "former",
  "ex",
  "veteran",
  "retired",
  "late",
  "longtime",
  "then",
  "current",
  "interim",
  "acting",
  "new",
  "outgoing",
]);

/**
 * Whether the words of a chunk before person `m` are a role alone: capitalised words, role nouns
 * and their modifiers ("Former champion", "Arsenal striker"), up to five, none a preposition or
 * other small word ("Fans of Andy Murray" is not Andy Murray).
 */
function roleWordsBefore(ctx: Context, r: Region, c: number, m: EntityMention): boolean {
  const k = r.words.findIndex((w) => w.start >= m.start);
  if (k <= c || k - c > 5) return false;
  for (let i = c; i < k; i++) {
    const w = r.words[i];
    if (w.kind !== "word") return false;
    const l = r.lw[i];
    if (ROLE_MODIFIERS.has(l) || isRoleNounWord(ctx, w)) continue;
    if (!/^\p{Lu}/u.test(w.text) || STOPWORDS_BEFORE_NAME.has(l)) return false;
  }
  return isRoleNounWord(ctx, r.words[k - 1]) || /^\p{Lu}/u.test(r.words[k - 1].text);
}

/** Capitalised small words that open a sentence and are no role ("The", "But", "Fans"). */
const STOPWORDS_BEFORE_NAME = new Set(["the", "but", "and", "so", "fans", "supporters"]);

/**
 * A chunk that ends with role words and a name ("Civil Defense Authority director General
 * Suleiman al-Amr"): the name is the speaker, a person mention covering it or two words or more.
 */
function roledName(
  ctx: Context,
  r: Region,
  grown: GrownName,
  inside: EntityMention[],
  end: number,
): Subject | null {
  if (grown.definite || grown.role === null || grown.nameTo !== end) return null;
  const last = inside[inside.length - 1];
  const m = last?.type === "PERSON" && last.end === end && last.start >= grown.nameFrom
    ? last
    : undefined;
  const overlapped = inside.some((x) => x.start < grown.nameTo && x.end > grown.nameFrom);
  if (!m && (overlapped || !grown.name.includes(" "))) return null;
  const who = resolveGrown(ctx, r, grown, m);
  return who.speaker ? { ...who, from: grown.from, to: grown.to, mediaSubject: false } : null;
}

/** Inverted: ", said spokesman Josh Schwerin", ", said Senate Intelligence Committee Chairman Mark Warner". */
function invertedSubject(ctx: Context, r: Region, v: number): Subject | null {
  const { words } = r;
  const verb = words[v];
  // "issued a statement on ...": what follows the verb is its object, never its subject; so is
  // the listener of "told" ("one official, who spoke on condition of anonymity, told Reuters").
  if (ctx.quoteCues.statementVerbs.has(r.lw[v]) || LISTENER_FIRST.has(r.lw[v])) return null;
  let end = v + 1;
  // The subject follows at once ("said the Foreign Ministry"): a few words, no clause mark.
  while (
    end < words.length && end - v <= 4 && !CLAUSE_PUNCT.has(words[end].text) &&
    words[end].text !== "."
  ) end++;
  const grown = ownedName(ctx, r, nameAfter(ctx.text, words, v + 1, ctx.cues)) ??
    roleThenName(ctx, r, v + 1);
  if (grown === "unnamed") return null;
  const m = grown
    ? within(r, grown.nameFrom, grown.nameTo).pop()
    : best(within(r, verb.end, words[end - 1]?.end ?? verb.end));
  if (!grown && !m) {
    return describedSubject(ctx, r, v + 1, end - 1, v) ?? unnamedAfter(ctx, r, v);
  }
  // "said a White House official": the official speaks, unnamed.
  if (!grown && placeModifier(ctx, r, m!)) return null;
  const who = resolveGrown(ctx, r, grown, m);
  if (!who.speaker && !who.reason) return null;
  return { ...who, from: verb.start, to: grown?.to ?? m!.end, mediaSubject: false };
}

const RELATIVES = new Set(["who", "which", "whose"]);

/** Verbs whose object, right after them, is always the listener: never an inverted subject. */
const LISTENER_FIRST = new Set([
  "told",
  "tells",
  "telling",
  "informed",
  "informs",
  "reminded",
  "assured",
]);

/**
 * "said a person familiar with the matter", "said one top-20 shareholder who declined to be
 * named": a description with no name after the verb is the speaker, unnamed (the reason says so,
 * not "no speech cue").
 */
function unnamedAfter(ctx: Context, r: Region, v: number): Subject | null {
  if (!DESCRIBERS.has(r.lw[v + 1] ?? "")) return null;
  // The whole phrase up to the clause's end is the source ("the post by an unknown author on
  // pigmy"), and so is a relative clause after its comma ("one resident, who asked not to be
  // named"): no statement of theirs.
  let end = v + 1;
  while (
    end < r.words.length && !CLAUSE_PUNCT.has(r.words[end].text) && r.words[end].text !== "."
  ) {
    end++;
  }
  if (end <= v + 2) return null;
  const relative = r.words[end]?.text === "," && RELATIVES.has(r.lw[end + 1] ?? "");
  let k = relative ? r.words.length - 1 : end - 1;
  while (k > v + 1 && r.words[k].kind !== "word") k--;
  const last = r.words[k];
  return {
    ...noSpeech(NO_NAMED),
    speakerRaw: ctx.text.slice(r.words[v + 1].start, last.end),
    from: r.words[v].start,
    to: last.end,
    mediaSubject: false,
  };
}

const DESCRIBERS = new Set(["the", "a", "an", "his", "her", "their", "its", "one", "another"]);
const POSSESSIVE = new Set(["'s", "’s", "'", "’"]);

/** "said the nurse, Kwame Mensah": a description, a comma, then the name (two words or more). */
function roleThenName(ctx: Context, r: Region, a: number): GrownName | null {
  if (!DESCRIBERS.has(r.lw[a])) return null;
  // Lower-case words up to the comma, a possessive among them ("the company's chief executive").
  let comma = a + 1;
  let place = false;
  while (comma < r.words.length && comma - a <= 7) {
    const w = r.words[comma];
    // "the local MP for Leeds North, Alan Green": a role acronym, and a place after "for"/"of".
    const fits = w.kind === "word"
      ? w.text === r.lw[comma] || isRoleNounWord(ctx, w) || (place && isCapitalisedWord(w.text))
      : POSSESSIVE.has(r.lw[comma]);
    if (!fits) break;
    place ||= r.lw[comma] === "for" || r.lw[comma] === "of";
    comma++;
  }
  if (r.words[comma]?.text !== "," || comma <= a + 1) return null;
  const g = nameAfter(ctx.text, r.words, comma + 1, ctx.cues);
  if (!g || g.definite || g.nameFrom !== r.words[comma + 1].start || !g.name.includes(" ")) {
    return null;
  }
  const role = ctx.text.slice(r.words[a].start, r.words[comma - 1].end);
  return { ...g, role: g.role ?? role, from: r.words[a].start };
}

/** The word after a possessive at `k` ("’s", or "' s" in pre-tokenised text), else -1. */
function possessiveAfter(r: Region, k: number): number {
  if (k < 0) return -1;
  if (r.lw[k] === "'s" || r.lw[k] === "’s") return k + 1;
  const apostrophe = r.lw[k] === "'" || r.lw[k] === "’";
  return apostrophe && r.lw[k + 1] === "s" ? k + 2 : -1;
}

/**
 * "said Brisbane's Nine News": after an owner's possessive, the name that follows is the
 * speaker ("unnamed" when none follows: "said the company's chief executive").
 */
function ownedName(ctx: Context, r: Region, g: GrownName | null): GrownName | null | "unnamed" {
  if (!g) return null;
  const k = possessiveAfter(r, r.words.findIndex((w) => w.start >= g.nameTo));
  if (k < 0) return g;
  const owned = nameAfter(ctx.text, r.words, k, ctx.cues);
  if (!owned || owned.nameFrom !== r.words[k]?.start) return "unnamed";
  return { ...owned, role: owned.role ?? `${g.name}'s`, from: g.from };
}

/** A name right before the verb that the entity stage did not give ("Nancy Molitor says"). */
function nameSubject(ctx: Context, r: Region, v: number, clause: number): Subject | null {
  const grown = nameBefore(ctx.text, r.words, v, clause, ctx.cues);
  if (!grown) {
    return orgNounSubject(ctx, r, v, clause) ?? describedSubject(ctx, r, clause, v - 1, v) ??
      siteSubject(ctx, r, v, clause);
  }
  const who = resolveGrown(ctx, r, grown, undefined);
  if (!who.speaker && !who.reason) return null;
  return { ...who, from: grown.from, to: r.words[v].end, mediaSubject: false };
}

/**
 * The speaker of a grown name and the mention in it. A mention that covers the name gives the
 * canonical entity; a first name the mention's entity does not have ("Josh" before a
 * "Schwerin" resolved to Dan Schwerin) keeps the name as written. A name with no mention is a
 * person when it has two words or more, or is the surname of someone already named; "the X" is
 * an organisation.
 */
function resolveGrown(
  ctx: Context,
  r: Region,
  g: GrownName | null,
  m: EntityMention | undefined,
): Omit<Subject, "from" | "to" | "mediaSubject"> {
  if (m && g && m.type === "PERSON" && m.start > g.nameFrom && m.end === g.nameTo) {
    const pre = ctx.text.slice(g.nameFrom, m.start).trim().split(/\s+/);
    const first = pre[pre.length - 1];
    if (
      /^\p{Lu}\p{Ll}+$/u.test(first) && !m.entity.split(" ").includes(first) &&
      ctx.quoteCues.firstNameGender(first)
    ) {
      const name = `${first} ${m.text}`;
      return { ...named(name, "person", g.role, "name", 0.8) };
    }
    return { ...ofMention(m, "cue", 0.95), role: fullerRole(g.role, m.role, ctx.cues) };
  }
  if (m) {
    return { ...ofMention(m, "cue", 0.95), role: fullerRole(g?.role ?? null, m.role, ctx.cues) };
  }
  if (!g) return { ...named(null, null, null, null, 0), reason: "no speaker next to the cue" };
  // "said Conor Cunningham": a person's mention holds the word taken for a role ("Conor").
  const person = r.here.find((x) =>
    x.type === "PERSON" && x.end === g.nameTo && x.start >= g.from && x.start < g.nameFrom
  );
  if (person) {
    return { ...ofMention(person, "cue", 0.9), role: roleUpTo(ctx, g.from, person) };
  }
  if (g.definite) return definiteSpeaker(ctx, g);
  if (g.name.includes(" ")) return named(g.name, "person", g.role, "name", 0.8);
  const known = knownSurname(ctx, g.name, g.nameFrom);
  if (known) return { ...named(known, "person", g.role, "name", 0.8), speakerRaw: g.name };
  const lower = g.name.toLowerCase();
  // A lone capitalised word next to a speech verb is a name ("Mailis said"), unless it could be
  // a plural or a common noun opening the sentence ("Officials said", "Police said").
  const opens = opensSentence(ctx, r, g.from);
  const common = (opens && lower.endsWith("s")) || ctx.quoteCues.orgNouns.has(lower) ||
    isRoleNoun(lower, ctx.cues);
  // Opening the sentence, a function word is no name ("Amid reports", "Despite claims").
  const functionWord = opens && (STOPWORDS.has(lower) || FUNCTION_OPENERS.has(lower));
  if (!common && !functionWord) {
    return named(g.name, "person", g.role, "name", opens ? 0.55 : 0.65);
  }
  return {
    ...named(null, null, null, null, 0),
    speakerRaw: g.name,
    reason: `one-word name "${g.name}" not known`,
  };
}

/** The role words written from `from` up to a person's mention, else the mention's own role. */
function roleUpTo(ctx: Context, from: number, person: EntityMention): string | null {
  return ctx.text.slice(from, person.start).trim() || person.role;
}

function named(
  speaker: string | null,
  type: SpeakerType | null,
  role: string | null,
  sieve: Speech["sieve"],
  confidence: number,
): Omit<Subject, "from" | "to" | "mediaSubject"> {
  return {
    speaker,
    speakerType: type,
    speakerRaw: speaker,
    role,
    sieve,
    confidence,
    reason: speaker ? null : "no speaker next to the cue",
  };
}

/** "Schwerin" after "Josh Schwerin" was named or heard: the full name. */
export function knownSurname(ctx: Context, word: string, before: number): string | null {
  const suffix = ` ${word}`;
  const names = new Set<string>();
  for (const h of ctx.history) {
    if (h.at < before && h.speaker.endsWith(suffix)) names.add(h.speaker);
  }
  for (const m of ctx.mentions) {
    if (m.start < before && m.type === "PERSON" && m.entity.endsWith(suffix)) names.add(m.entity);
  }
  return names.size === 1 ? [...names][0] : null;
}

/** "the ministry said" with no entity for it: an organisation, named only when one fits before. */
function definiteSpeaker(
  ctx: Context,
  g: GrownName,
): Omit<Subject, "from" | "to" | "mediaSubject"> {
  const head = g.name.toLowerCase();
  const org = [...ctx.mentions].reverse().find((m) =>
    m.start < g.nameFrom && m.type !== "PERSON" && m.entity.toLowerCase().split(" ").includes(head)
  );
  if (org) return { ...ofMention(org, "name", 0.75), speakerRaw: `the ${g.name}` };
  // "the Deseret News reported", "the Church of Scientology said": a name of several words.
  if (g.name.includes(" ")) {
    return { ...named(g.name, "organisation", null, "name", 0.7), speakerRaw: `the ${g.name}` };
  }
  // "the Spaniard said": a description only a person named just before can fit, that person.
  if (personDescription(ctx, g.name)) return resolveDescription(ctx, `the ${g.name}`, g.nameFrom);
  // "the Americans said": a description of some people, not a name.
  return {
    ...named(null, null, null, null, 0),
    speakerRaw: `the ${g.name}`,
    reason: `a description ("the ${g.name}"), no name`,
  };
}

/** "24-year-old": an age that news gives for one person named before ("the 24-year-old said"). */
const AGED = /^\d{1,3}[-\s]year[-\s]old$/u;

/** "Spaniard", "Italian" (not "Italians"): one person of a country, as news calls a player. */
function personDescription(ctx: Context, word: string): boolean {
  if (ctx.quoteCues.personDescriptions.has(word.toLowerCase())) return true;
  return isDemonym(word) && !(word.endsWith("s") && isDemonym(word.slice(0, -1)));
}

/** The gender of a speaker found in a stretch, for later pronouns. */
export function speakerGender(ctx: Context, s: Speech): ReturnType<typeof genderOf> {
  return s.speaker && s.speakerType === "person"
    ? genderOf(s.speaker, s.role, ctx.quoteCues)
    : null;
}

/** "the ministry said": the organisation named before whose name holds the noun, else unnamed. */
function orgNounSubject(ctx: Context, r: Region, v: number, clause: number): Subject | null {
  const { words, lw } = r;
  const noun = lw[v - 1];
  const q = ctx.quoteCues;
  const anaphoric = q.anaphoricOrgNouns.has(noun);
  if (v - 2 < clause || lw[v - 2] !== "the" || !(q.orgNouns.has(noun) || anaphoric)) return null;
  const raw = ctx.text.slice(words[v - 2].start, words[v - 1].end);
  const org = [...ctx.mentions].reverse().find((m) =>
    m.start < words[v - 2].start && m.type !== "PERSON" && m.type !== "GPE" &&
    m.entity.toLowerCase().split(/\s+/).includes(noun)
  );
  // "the company said" after Acme spoke: the organisation last heard, as "it said" would be.
  const heard = !org && anaphoric ? resolvePronoun(ctx, "it", words[v - 2].start) : null;
  const who = org
    ? { ...ofMention(org, "name" as const, 0.75), speakerRaw: raw }
    : heard?.speaker
    ? { ...heard, sieve: "description" as const, confidence: 0.65, speakerRaw: raw }
    : {
      speaker: null,
      speakerType: "organisation" as const,
      speakerRaw: raw,
      role: null,
      sieve: null,
      confidence: 0,
      reason: UNNAMED_ORG,
    };
  return { ...who, from: words[v - 2].start, to: words[v].end, mediaSubject: false };
}

/** True when nothing but marks comes before `pos` in its sentence (quotes count as something). */
function opensSentence(ctx: Context, r: Region, pos: number): boolean {
  const i = firstWordFrom(ctx.words, pos);
  const w = ctx.words[i - 1];
  void r;
  if (!w) return true;
  const sentence = sentenceAt(ctx, pos);
  return sentence !== undefined && w.end <= sentence.start;
}

/**
 * A speech verb whose subject is nobody named ("Posts on the board theorized that ...", "one
 * travel expert warned ..."): the statement is kept, its speaker empty. Only before "that" or
 * with a verb of saying, not as a bare participle ("Warning that ...").
 */
function unnamedSubject(ctx: Context, r: Region, v: number): Subject | null {
  const { words, lw } = r;
  const clause = clauseStart(words, v);
  if (clause === v || words[v - 1]?.kind !== "word") return null;
  const doc = documentSubject(ctx, r, clause, v);
  if (doc) return doc;
  const sayVerb = ctx.cues.directSpeechVerbs.has(words[v].text);
  if (!sayVerb && lw[v + 1] !== "that") return null;
  const finding = orgFinding(ctx, r, clause, v);
  if (finding) return finding;
  return {
    speaker: null,
    speakerType: null,
    speakerRaw: ctx.text.slice(words[clause].start, words[v - 1].end),
    role: null,
    sieve: null,
    confidence: 0,
    reason: NO_NAMED,
    from: words[clause].start,
    to: words[v].end,
    mediaSubject: false,
  };
}

/** Determiners of a document already named: "the report", "this study", "its review". */
const DEFINITE = new Set(["the", "this", "that", "its", "their"]);

/**
 * "The report said ...", "The study called it “striking”": a document with no name of its own
 * speaks for the organisation the article said wrote it ("a report by the GAO", "the GAO's
 * report"), else the speaker stays empty, with the reason. Any speech verb reports here.
 */
function documentSubject(ctx: Context, r: Region, clause: number, v: number): Subject | null {
  const { words, lw } = r;
  // "The study also said": an adverb between the document and its verb.
  let h = v - 1;
  while (h > clause && (lw[h] === "also" || /^\p{Ll}+ly$/u.test(words[h].text))) h--;
  const noun = lw[h];
  const document = ctx.quoteCues.findingNouns.has(noun) || ctx.cues.documents.includes(noun);
  if (!document || v - clause > 4 || !NOUN_DETERMINERS.has(lw[clause])) return null;
  // Lower-case words only: "The GAO report" names its author, another sieve's case.
  if (
    words.slice(clause + 1, v).some((w) => w.kind !== "word" || w.text !== w.text.toLowerCase())
  ) {
    return null;
  }
  const from = words[clause].start;
  const raw = ctx.text.slice(from, words[v - 1].end);
  const author = DEFINITE.has(lw[clause]) ? documentAuthor(ctx, noun, from) : undefined;
  const who = author
    ? { ...ofMention(author, "description", 0.6), speakerRaw: raw }
    : { ...named(null, "document", null, null, 0), speakerRaw: raw, reason: NO_AUTHOR };
  return { ...who, from, to: words[v].end, mediaSubject: false };
}

const NO_AUTHOR = "a document the article names no author of";

/**
 * The organisation the article said wrote a document, nearest before `before` (at most about
 * ten sentences back): "a report by the GAO", "a study from Acme Labs", "the GAO's report".
 */
function documentAuthor(ctx: Context, noun: string, before: number): EntityMention | undefined {
  const by = new RegExp(`\\b${noun}\\s+(?:by|from)\\s+(?:the\\s+)?$`, "iu");
  const owns = new RegExp(`^(?:['’]s)?\\s+(?:new\\s+|latest\\s+|annual\\s+)?${noun}\\b`, "iu");
  return [...ctx.mentions].reverse().find((m) =>
    m.end <= before && before - m.end < 1500 && m.type === "ORG" &&
    (by.test(ctx.text.slice(Math.max(0, m.start - 40), m.start)) ||
      owns.test(ctx.text.slice(m.end, m.end + 30)))
  );
}

/** People who speak for where they work, in the plural: "Analysts at JPMorgan said". */
const STAFF = new Set([
  "analysts",
  "economists",
  "strategists",
  "researchers",
  "scientists",
  "officials",
  "executives",
  "lawyers",
  "engineers",
  "investigators",
  "experts",
]);

/**
 * "Analysts at JPMorgan said", "researchers from Stanford University found": unnamed staff of an
 * organisation, named right before the verb, speak for it (the staff noun is the role). Not a
 * place ("officials in Ohio") and not an organisation the sentence does not name.
 */
function staffOf(
  r: Region,
  m: EntityMention,
  clause: number,
  v: number,
): Subject | null {
  const { words, lw } = r;
  const k = lw[clause] === "the" ? clause + 1 : clause;
  if (!STAFF.has(lw[k]) || !AT_FROM.has(lw[k + 1]) || m.type !== "ORG") return null;
  if (m.end !== words[v - 1].end || words.findIndex((w) => w.start >= m.start) > k + 3) return null;
  return {
    ...ofMention(m, "cue", 0.8),
    role: words[k].text,
    from: words[clause].start,
    to: words[v].end,
    mediaSubject: m.media,
  };
}

const AT_FROM = new Set(["at", "from", "with"]);

/**
 * "A UN review of national plans says": the subject opens with an organisation's finding (its
 * name, then a finding noun), which speaks for the organisation.
 */
function orgFinding(ctx: Context, r: Region, clause: number, v: number): Subject | null {
  const { words, lw } = r;
  const k = NOUN_DETERMINERS.has(lw[clause]) ? clause + 1 : clause;
  const m = r.here.find((x) => x.start === words[k]?.start && x.type === "ORG");
  const head = m ? words.findIndex((w) => w.start >= m.end) : -1;
  if (!m || head < 0 || head >= v || words[head].text !== lw[head]) return null;
  if (!ctx.quoteCues.findingNouns.has(lw[head])) return null;
  return {
    ...ofMention(m, "cue", 0.8),
    from: words[clause].start,
    to: words[v].end,
    mediaSubject: m.media,
  };
}

/**
 * "a report by the American Academy of Pediatrics, which found that ...", "Devocht, who had
 * told": the name before the comma. `after`: the word after the relative pronoun; `v`: the verb.
 */
function relativeSubject(r: Region, after: number, v: number): Subject | null {
  const comma = r.words[after - 2];
  const m = r.here.filter((x) => x.end === r.words[after - 3].end && x.end <= comma.start).pop();
  if (!m || m.type === "GPE" || m.type === "NORP") return null;
  return { ...ofMention(m, "cue", 0.8), from: m.start, to: r.words[v].end, mediaSubject: m.media };
}

function isCapitalisedWord(w: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(w);
}

function isRoleNounWord(ctx: Context, w: Word): boolean {
  if (w.kind !== "word") return false;
  // An acronym from the role list counts as written ("the local MP, Alan Green").
  if (/^\p{Lu}{2,4}$/u.test(w.text)) return ctx.quoteCues.roleNouns.has(w.text.toLowerCase());
  return w.text === w.text.toLowerCase() &&
    (isRoleNoun(w.text, ctx.cues) || ctx.quoteCues.roleNouns.has(w.text));
}

/**
 * The name that signs a quote, from `from` to the end of its stretch `to` ("Jane Ortiz", "Jane
 * Ortiz, a historian"): a person mention or a name of two words or more, then nothing or a role
 * after a comma.
 */
export function signedName(ctx: Context, from: number, to: number): Speech | null {
  const k = firstWordFrom(ctx.words, from);
  const grown = nameAfter(ctx.text, ctx.words, k, ctx.cues);
  if (!grown || grown.definite || grown.nameFrom !== ctx.words[k]?.start) return null;
  const rest = ctx.text.slice(grown.nameTo, to);
  if (/\p{L}/u.test(rest) && !/^\s*,/.test(rest)) return null;
  const m = mentionsWithin(ctx, grown.nameFrom, grown.nameTo).find((x) => x.type === "PERSON");
  if (!m && !grown.name.includes(" ")) return null;
  const role = rest.replace(/^\s*,\s*/, "").replace(/[.\s]+$/, "") || null;
  const speech = m ? ofMention(m, "cue", 0.85) : named(grown.name, "person", null, "name", 0.75);
  return { ...speech, role: role ?? speech.role, cue: null, via: null, viaEntity: null };
}

/**
 * "the mayor said", "said the former senator": a role after "the" stands for the one person
 * named before with that role ("Mayor Jane Doe"); nobody, or two such people, leaves it empty.
 */
function describedSubject(
  ctx: Context,
  r: Region,
  a: number,
  b: number,
  v: number,
): Subject | null {
  if (a < 0 || b <= a || b - a > 5 || r.lw[a] !== "the") return null;
  const span = v < a ? { from: r.words[v].start, to: r.words[b].end } : {
    from: r.words[a].start,
    to: r.words[v].end,
  };
  const described = ctx.text.slice(r.words[a + 1].start, r.words[b].end);
  if (personDescription(ctx, described) || AGED.test(described)) {
    const raw = `the ${described}`;
    return { ...resolveDescription(ctx, raw, r.words[a].start), ...span, mediaSubject: false };
  }
  if (b - a > 3) return null;
  const role = r.lw[b];
  const word = r.words[b];
  const isRole = isRoleNounWord(ctx, word) || ctx.cues.titles.has(capital(word.text));
  if (!isRole || r.words.slice(a, b + 1).some((w) => w.kind !== "word")) return null;
  const from = r.words[a].start;
  const names = new Set<string>();
  let one: EntityMention | undefined;
  for (const m of ctx.mentions) {
    if (m.start >= from) break;
    if (m.type !== "PERSON" || !m.role) continue;
    if (!m.role.toLowerCase().split(/[\s.,]+/).includes(role)) continue;
    names.add(m.entity);
    one = m;
  }
  if (names.size !== 1 || !one) return null;
  const raw = ctx.text.slice(from, word.end);
  const speech = ofMention(one, "description", 0.7);
  return { ...speech, speakerRaw: raw, ...span, mediaSubject: false };
}

function capital(w: string): string {
  return w[0].toUpperCase() + w.slice(1);
}

/** Auxiliaries between a subject and its verb ("Secunia.com has said"). */
const AUXILIARIES = new Set(["has", "have", "had", "is", "was", "were", "will", "would", "also"]);
const DOMAIN = /^\p{Lu}[\p{L}\p{N}-]*\.(?:com|org|net|gov|edu|co|io|info)$/u;

/** A web site named right before the verb ("Secunia.com has said"): an organisation. */
function siteSubject(ctx: Context, r: Region, v: number, clause: number): Subject | null {
  let k = v - 1;
  while (k > clause && AUXILIARIES.has(r.lw[k])) k--;
  if (k - 2 < clause || r.words[k - 1].text !== ".") return null;
  const [a, c] = [r.words[k - 2], r.words[k]];
  const site = ctx.text.slice(a.start, c.end);
  if (!DOMAIN.test(site)) return null;
  return {
    ...named(site, "organisation", null, "name", 0.75),
    from: a.start,
    to: r.words[v].end,
    mediaSubject: false,
  };
}
