/**
 * The statistical recogniser's spans as entity mentions. The recogniser is anything that tags a
 * sentence's words (the trained model of `src/extract/ner/`, or a test's stand-in); its spans
 * fill what the exact lists and title rules left: PER → PERSON, ORG → ORG (a news outlet when it
 * ends in a media word), LOC → GPE when the place lookups know it as a country, US state or
 * city, else LOC, NORP → NORP.
 * @module
 */

import { z } from "zod";
import notNameData from "../../../data/entities/not_names.json" with { type: "json" };
import type { Cues } from "../cues.ts";
import { type NerModel, tagDocument } from "../ner/mod.ts";
import type { EntityType } from "../gazetteer.ts";
import { isFirstName, type PlaceLookups } from "./places.ts";
import { canonicalPerson } from "./titles.ts";
import { isPartyAndState } from "../words.ts";
import {
  adjacent,
  cover,
  type Found,
  gluedToWord,
  isNameWord,
  isTitle,
  isTitleLead,
  PORTFOLIO_LINKS,
  type SentenceState,
  surface,
  uncover,
} from "./state.ts";

/** The recogniser's types. */
export type RecognisedType = "PER" | "ORG" | "LOC" | "NORP";

/** One span of the recogniser: word indexes, inclusive. */
export interface RecognisedSpan {
  first: number;
  last: number;
  type: RecognisedType;
  confidence: number;
}

/** How a sentence is written: in capitals, or a headline or subhead (where capitals mark no names). */
export interface SentenceContext {
  allCaps?: boolean;
  headline?: boolean;
}

/**
 * Tags the sentences of one article at once (each the texts of its extraction words), so the
 * recogniser can make its names consistent across the article; one list of spans per sentence.
 * @internal compiled from a data file or a model; built by its loader, not by hand (see newsframe/extract).
 */
export interface EntityRecogniser {
  tag(
    sentences: readonly (readonly string[])[],
    contexts: readonly SentenceContext[],
  ): readonly (readonly RecognisedSpan[])[];
}

/** The trained model as a recogniser: whole articles, with its consistency pass across them. */
export function recogniserOf(model: NerModel): EntityRecogniser {
  return { tag: (sentences, contexts) => tagDocument(model, sentences, { contexts }) };
}

/** The recogniser's spans of every sentence of an article. */
export function recognise(
  all: readonly SentenceState[],
  recogniser: EntityRecogniser,
): readonly (readonly RecognisedSpan[])[] {
  return recogniser.tag(
    all.map((s) => s.words.map((w) => w.text)),
    all.map((s) => ({ allCaps: s.allCaps, headline: s.sentence.kind !== "body" })),
  );
}

function hasCapital(s: SentenceState, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (/\p{Lu}/u.test(s.words[k].text)) return true;
  return false;
}

/** A span's name words, and where words before the name that belong to the role start. */
interface Trim {
  first: number;
  last: number;
  lead?: number;
}

/**
 * The span of a person without the titles before the name ("Sen. Mark Warner" is "Mark Warner";
 * "Vice President Kamala Harris", "Emeritus Professor John Burrows": title words such as "Vice"
 * go with the title they lead to, never alone), nor a title's portfolio ({@link portfolio}).
 */
function trimmed(
  s: SentenceState,
  span: RecognisedSpan,
  cues: Cues,
  places: PlaceLookups,
): Trim {
  let { first } = span;
  if (span.type !== "PER") return { first, last: span.last };
  const w = s.words;
  for (let k = first; k < span.last; k++) {
    const t = w[k].text;
    if (isTitle(t, cues) || (t === "." && k > span.first)) first = k + 1;
    else if (!isTitleLead(t, cues)) break;
  }
  const inner = innerTitle(s, first, span.last, cues, places);
  if (inner > first) return { first: inner, last: span.last, lead: first };
  return portfolio(s, first, span.last, cues, places);
}

/** Words `first..end-1` are no person's: acronyms, places, nationalities ("NASA", "Saudi"). */
function opensNoName(
  s: SentenceState,
  first: number,
  end: number,
  places: PlaceLookups,
  cues: Cues,
): boolean {
  for (let j = first; j < end; j++) {
    const t = s.words[j].text;
    if (isNameWord(s.words[j], cues) && !places.kind(t) && !places.people?.(t)) return false;
  }
  return true;
}

/**
 * An outlet's last word alone ("Weekly" of "LA Weekly", "Tribune"): the capitalised word or
 * acronym just before it, when nothing took it, opens the name.
 */
function outletStart(
  s: SentenceState,
  first: number,
  last: number,
  type: RecognisedType,
  cues: Cues,
): number {
  if (type !== "ORG" || first !== last || first === 0) return first;
  if (!cues.titleRules.mediaLast.has(s.words[first].text)) return first;
  const before = s.words[first - 1];
  // A name word or an acronym; not "The" ("The Tribune").
  const opens = isNameWord(before, cues) || /^\p{Lu}{2,}$/u.test(before.text);
  if (s.covered[first - 1] || !opens || !adjacent(s, first - 1, first)) return first;
  return first - 1;
}

/**
 * A title alone after a place or "the" ("the Los Angeles Sheriff's office", "the Texas
 * Governor", "the Sheriff's detective") is an office, no person's name.
 */
function placesOffice(
  s: SentenceState,
  first: number,
  last: number,
  type: RecognisedType,
  cues: Cues,
): boolean {
  if (type !== "PER" || first !== last || !isTitle(s.words[first].text, cues)) return false;
  if (/^the$/i.test(s.words[first - 1]?.text ?? "")) return true;
  return s.found.some((f) =>
    f.last === first - 1 && (f.type === "GPE" || f.type === "LOC") && adjacent(s, f.last, first)
  );
}

/**
 * "NASA Administrator Charles Bolden", "Saudi King Salman": a title inside the span, after words
 * that open no name (an agency, a nationality), with only name words after it. Where the name
 * starts, else -1. A name before it keeps the span whole ("Martin Luther King Jr", "Muhammed
 * Sheikh Khalil").
 */
function innerTitle(
  s: SentenceState,
  first: number,
  last: number,
  cues: Cues,
  places: PlaceLookups,
): number {
  const w = s.words;
  if (isFirstName(places, w[first].text)) return -1;
  for (let k = last - 1; k > first; k--) {
    const t = w[k].text;
    if (isTitle(t, cues) || cues.titleRules.full.has(t)) {
      return opensNoName(s, first, k, places, cues) ? k + 1 : -1;
    }
    if (!isNameWord(w[k], cues)) return -1;
  }
  return -1;
}

/**
 * "Minister for Africa Jane Smith", "Secretary of State for Health Jane Smith": after a title's
 * "for" or "of" the span's first words name the portfolio or place. The name starts at the first
 * first name, keeping at least two words; the words before it are the lead, for the role.
 */
function portfolio(
  s: SentenceState,
  first: number,
  last: number,
  cues: Cues,
  places: PlaceLookups,
): Trim {
  const w = s.words;
  // The span may hold the link itself when the title was trimmed off it.
  const from = PORTFOLIO_LINKS.has(w[first].text) && first < last ? first + 1 : first;
  const before = w[from - 2]?.text ?? "";
  const linked = from >= 2 && PORTFOLIO_LINKS.has(w[from - 1].text) &&
    (isTitle(before, cues) || isTitleLead(before, cues)) && adjacent(s, from - 2, from - 1) &&
    adjacent(s, from - 1, from);
  if (!linked) return { first, last };
  let k = from;
  while (last - k >= 2) {
    // A place goes whole ("Sierra Leone", "Georgia": a first name too).
    const place = placeEnd(s, k, last - 2, places);
    if (place >= k) k = place + 1;
    else if (isFirstName(places, w[k].text)) break;
    else k++;
  }
  return k === from ? { first: from, last } : { first: k, last, lead: from };
}

/** The last word of the longest known place (up to three words) from word `k`, ending by `max`; else -1. */
function placeEnd(s: SentenceState, k: number, max: number, places: PlaceLookups): number {
  for (let j = Math.min(k + 2, max); j >= k; j--) if (places.kind(surface(s, k, j))) return j;
  return -1;
}

/**
 * A country's name the recogniser typed as an organisation ("The UK stands by Iraq": the state
 * acting, see {@link addModelSpans}'s metonymy), a person ("Burma") or a nationality ("Japan"):
 * a GPE. A country that is a first name too ("Jordan", "Chad") may be a person.
 */
function countryMisread(type: RecognisedType, name: string, places: PlaceLookups): boolean {
  if (type === "LOC" || places.kind(name) !== "country") return false;
  return type !== "PER" || !isFirstName(places, name);
}

/**
 * Whole names that are no name: transcripts' stage directions and financial measures' initials
 * ("EBITDA", "GDP"; data/entities/not_names.json).
 */
const NOT_NAMES: ReadonlySet<string> = (() => {
  const d = z.object({
    description: z.string(),
    words: z.array(z.string().min(1)),
    measures: z.array(z.string().min(1)).optional(),
  }).parse(notNameData);
  return new Set([...d.words, ...(d.measures ?? [])]);
})();

/**
 * A people or nationality the recogniser read as a person ("every American", "Native
 * American", "the Rohingya"), or a political group it read as an organisation in one word
 * ("Democratic leaders", "a Republican bill"): a NORP, as OntoNotes types them. A first name
 * ("Christian") may be a person; a party's name in full ("Republican Party") stays ORG.
 */
function peopleMisread(type: RecognisedType, name: string, places: PlaceLookups): boolean {
  if (type === "ORG") return !name.includes(" ") && places.people?.(name) === true;
  return type === "PER" && places.people?.(name) === true &&
    !isFirstName(places, name);
}

/** A named storm ("Typhoon Kalmaegi", "Hurricane Katrina"): an event, never a person. */
const STORM =
  /^(?:Super )?(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm|Tropical Depression) \p{Lu}/u;

/**
 * A name of several words the recogniser read as a person or a place that ends in a company's
 * word ("Van der Berg Foods", "Brightwater Capital", `company_last_words`): an organisation.
 * Words that are also surnames ("Bank", "Court") are not among them.
 */
function orgMisread(type: RecognisedType, name: string, cues: Cues): boolean {
  if (type !== "PER" && type !== "LOC") return false;
  const words = name.split(" ");
  if (words.length < 2) return false;
  const last = words[words.length - 1];
  return cues.titleRules.companyLast.has(last);
}

function entityType(
  type: RecognisedType,
  name: string,
  places: PlaceLookups,
  cues: Cues,
): EntityType {
  if (cues.titleRules.directions.has(name)) return "LOC";
  if (countryMisread(type, name, places)) return "GPE";
  if (peopleMisread(type, name, places)) return "NORP";
  if (orgMisread(type, name, cues)) return "ORG";
  if (STORM.test(name)) return "EVENT";
  if (type === "PER") return "PERSON";
  if (type === "LOC") return places.kind(name) ? "GPE" : "LOC";
  return type;
}

/**
 * A rule's person inside a longer span of the model gives way when the span is a person that
 * opens with a name ("Khalil" after the title in "Muhammed Sheikh Khalil"; not "Ann Okafor" in
 * "Trade Affairs Ann Okafor"), or an organisation ending in an organisation word.
 */
function personYields(s: SentenceState, first: number, last: number, type: EntityType, cues: Cues) {
  if (type === "PERSON") return isNameWord(s.words[first], cues);
  const end = s.words[last].text;
  return type === "ORG" && (cues.orgHeads.has(end) || cues.titleRules.notPersonLast.has(end));
}

/**
 * Whether what the span's words already hold stays. Inside a longer span of the model give way:
 * places and nationalities in an organisation or person ("Texas A&M University"), the general
 * list's names ("Congress" in "United States Congress") and what a rule found (see
 * {@link personYields}). A user's exact match always stays.
 */
function overlapsKept(
  s: SentenceState,
  first: number,
  last: number,
  type: EntityType,
  cues: Cues,
): boolean {
  const inside = s.found.filter((f) => f.first <= last && f.last >= first);
  if (!inside.length) return false;
  const yields = (f: Found) =>
    f.first >= first && f.last <= last && (f.last - f.first < last - first) &&
    (((type === "ORG" || type === "PERSON") &&
      (f.type === "GPE" || f.type === "NORP" || f.type === "LOC")) ||
      f.general === true ||
      (f.source === "rule" &&
        (f.type !== "PERSON" || personYields(s, first, last, type, cues))));
  if (!inside.every(yields)) return true;
  for (const f of inside) uncover(s, f);
  return false;
}

const MONTH =
  /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** A month before a day ("by Jan. 5", "Sept 30") is a date, not a person called Jan. */
function isDateMonth(s: SentenceState, first: number, last: number): boolean {
  if (first !== last || !MONTH.test(s.words[first].text)) return false;
  let k = first + 1;
  if (s.words[k]?.text === "." && s.words[k].start === s.words[first].end) k++;
  const day = s.words[k];
  return day?.kind === "number" && /^(?:[1-9]|[12]\d|3[01])$/.test(day.text);
}

/** Adds the recogniser's spans of one sentence where the lists and rules found nothing. */
export function addModelSpans(
  s: SentenceState,
  spans: readonly RecognisedSpan[],
  places: PlaceLookups,
  cues: Cues,
): void {
  const proseCase = !s.allCaps && s.words.length > 0 && /^\p{Lu}/u.test(s.words[0].text);
  for (const span of spans) {
    const { first: trimmedFirst, last, lead } = trimmed(s, span, cues, places);
    const first = outletStart(s, trimmedFirst, last, span.type, cues);
    if (first > last || gluedToWord(s, first, last)) continue;
    // In prose that capitalises (its first word does), a name has a capital letter somewhere:
    // "yuan" is no place. Text written all in lower case (posts, chats) keeps its spans.
    if (proseCase && !hasCapital(s, first, last)) continue;
    const written = surface(s, first, last).replace(/\s+/g, " ");
    // "Chuck Schumer, D-N.Y.,": a lawmaker's party and state is part of the name's mention.
    if (NOT_NAMES.has(written) || isPartyAndState(written)) continue;
    if (placesOffice(s, first, last, span.type, cues)) continue;
    if (isDateMonth(s, first, last)) continue;
    const type = entityType(span.type, written, places, cues);
    if (overlapsKept(s, first, last, type, cues)) continue;
    const media = type === "ORG" && cues.titleRules.mediaLast.has(s.words[last].text);
    cover(s, {
      first,
      last,
      ...(lead === undefined ? {} : { lead }),
      entity: type === "PERSON"
        ? canonicalPerson(written)
        : (type === "GPE" && places.canonical?.(written)) || written,
      type,
      // A country the recogniser read as an organisation acts as its state.
      metonymy: span.type === "ORG" && type === "GPE",
      media,
      source: "model",
      confidence: span.confidence,
    });
  }
}
