/**
 * Two corrections of the recogniser's mentions from the words around them:
 * - a name where only a company can be ("shares of Delta", "Delta's shares",
 *   data/entities/company_contexts.json) is an organisation, not the city or person the
 *   recogniser typed;
 * - a capitalised common word that opens a sentence is no part of the name after it ("Rival
 *   United Airlines is scheduled ..."): the corpus writes the word in lower case ("rivals") and
 *   never capitalised inside a sentence, and names the rest ("United Airlines") on its own.
 * @module
 */

import { z } from "zod";
import contextData from "../../../data/entities/company_contexts.json" with { type: "json" };
import placeData from "../../../data/entities/place_contexts.json" with { type: "json" };
import type { Cues } from "../cues.ts";
import type { EntityMention } from "./mention.ts";
import { isFirstName, type PlaceLookups } from "./places.ts";
import { escapeRegExp } from "../../_strings.ts";

/** The fields of an entity mention these corrections read and change. */
export type Mention = Pick<
  EntityMention,
  | "articleId"
  | "text"
  | "entity"
  | "type"
  | "role"
  | "metonymy"
  | "media"
  | "source"
  | "start"
  | "end"
>;

const ContextSchema = z.object({
  description: z.string(),
  before: z.array(z.string().min(1)).min(1),
  after: z.array(z.string().min(1)).min(1),
  person_before: z.array(z.string().min(1)).optional(),
});
const contexts = ContextSchema.parse(contextData);
/** Lower case, straight apostrophes: how the text around a mention is compared. */
const norm = (s: string) => s.toLowerCase().replace(/’/g, "'");
const BEFORE = contexts.before.map((p) => norm(p) + " ");
const AFTER = contexts.after.map(norm);
const PERSON_BEFORE = (contexts.person_before ?? []).map((p) => norm(p) + " ");
const LONGEST = Math.max(...[...BEFORE, ...AFTER, ...PERSON_BEFORE].map((p) => p.length)) + 1;

/** Whether the company words stand right before the mention ("shares of ") or after it ("'s shares"). */
function companyContext(text: string, m: Mention): "before" | "after" | null {
  const before = norm(text.slice(Math.max(0, m.start - LONGEST), m.start));
  // "shares of Dallas-based Texas Instruments": the place is not what the shares are of.
  if (BEFORE.some((p) => before.endsWith(p)) && text[m.end] !== "-") return "before";
  const after = norm(text.slice(m.end, m.end + LONGEST));
  return AFTER.some((p) => after.startsWith(p) && !/\p{L}/u.test(after[p.length] ?? ""))
    ? "after"
    : null;
}

/**
 * The recogniser's one-word people that stand where only an organisation can: after
 * `person_before` words ("founder of Fundsmith"), or joined by "and", "or" or "&" to an
 * organisation ("Fitbit and Garmin"); never a known first name, nor the surname of one of the
 * article's people. Their other one-word person mentions follow. Changes the mentions in place.
 */
export function retypePersonOrgs(mentions: Mention[], text: string, places: PlaceLookups): void {
  const surnames = new Set(
    mentions.filter((m) => m.type === "PERSON" && m.entity.includes(" "))
      .map((m) => m.entity.split(" ").pop()!),
  );
  const lone = (m: Mention) =>
    m.source === "model" && m.type === "PERSON" && !m.entity.includes(" ") &&
    !surnames.has(m.entity) && !isFirstName(places, m.entity);
  const orgs = new Set<string>();
  for (const [i, m] of mentions.entries()) {
    if (!lone(m)) continue;
    const before = norm(text.slice(Math.max(0, m.start - LONGEST), m.start));
    const context = PERSON_BEFORE.some((p) =>
      before.endsWith(p) && !/\p{L}/u.test(before.at(-p.length - 1) ?? "")
    );
    if (context || joinedToOrg(mentions, i, text)) orgs.add(m.entity);
  }
  for (const m of mentions) {
    if (!orgs.has(m.entity) || !lone(m)) continue;
    Object.assign(m, { type: "ORG", role: null, metonymy: false });
  }
}

/** Whether mention `i` is joined by "and", "or" or "&" to an organisation next to it. */
function joinedToOrg(mentions: readonly Mention[], i: number, text: string): boolean {
  const m = mentions[i];
  // Only "and", "or", "&": after a comma a new clause may start with a person ("in Congress,
  // Chapin served"), and a list's comma may join people to a band's name.
  const JOIN = /^\s+(?:and|or|&)\s+$/u;
  const prev = mentions[i - 1];
  const next = mentions[i + 1];
  return (prev?.type === "ORG" && prev.end <= m.start &&
    JOIN.test(text.slice(prev.end, m.start))) ||
    (next?.type === "ORG" && m.end <= next.start && JOIN.test(text.slice(m.end, next.start)));
}

/**
 * The recogniser's places (not a country or US state) and, after "shares of", people that stand
 * where only a company can become organisations, with the article's other place mentions of
 * the same name. Changes the mentions of one article in place.
 */
export function retypeCompanies(
  mentions: Mention[],
  text: string,
  places: PlaceLookups,
): void {
  const companies = new Set<string>();
  for (const m of mentions) {
    if (m.source !== "model" || !retypable(m, places)) continue;
    const where = companyContext(text, m);
    // "Musk's shares" are his own: a person only before the name ("shares of Ford").
    if (where === "before" || (where === "after" && m.type !== "PERSON")) companies.add(m.entity);
  }
  if (!companies.size) return;
  for (const m of mentions) {
    if (!companies.has(m.entity) || m.source !== "model" || !retypable(m, places)) continue;
    // A person elsewhere in the article keeps the type the recogniser gave there.
    if (m.type === "PERSON" && companyContext(text, m) !== "before") continue;
    m.type = "ORG";
    m.metonymy = false;
    m.role = null;
  }
}

const PLACE_BEFORE = z.object({ description: z.string(), before: z.array(z.string().min(1)) })
  .parse(placeData).before.map((p) => norm(p) + " ");
const PLACE_LONGEST = Math.max(...PLACE_BEFORE.map((p) => p.length)) + 1;

/**
 * The recogniser's one-word people that stand where only a place can ("northern Cebu", "parts
 * of Cebu", data/entities/place_contexts.json) become places (GPE when the place lookups know
 * them), with the article's other one-word person mentions of the name, unless a person of the
 * article has it as a surname. Changes the mentions of one article in place.
 */
export function retypePlaces(mentions: Mention[], text: string, places: PlaceLookups): void {
  const found = new Set<string>();
  for (const m of mentions) {
    if (m.source !== "model" || m.type !== "PERSON" || m.entity.includes(" ")) continue;
    const before = norm(text.slice(Math.max(0, m.start - PLACE_LONGEST), m.start));
    if (
      PLACE_BEFORE.some((p) => before.endsWith(p) && !/\p{L}/u.test(before.at(-p.length - 1) ?? ""))
    ) {
      found.add(m.entity);
    }
  }
  if (!found.size) return;
  for (const m of mentions) {
    if (m.type === "PERSON" && m.entity.includes(" ")) found.delete(m.entity.split(" ").pop()!);
  }
  for (const m of mentions) {
    if (m.source !== "model" || m.type !== "PERSON" || !found.has(m.entity)) continue;
    m.type = places.kind(m.entity) ? "GPE" : "LOC";
    m.role = null;
  }
}

/**
 * A storm's own name alone after its full name ("Kalmaegi" after "Typhoon Kalmaegi") is the
 * storm, not a person or a place. Changes the mentions of one article in place.
 */
export function stormShortForms(mentions: Mention[]): void {
  const storms = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.type === "EVENT" && m.entity.includes(" ")) storms.set(m.entity.split(" ").pop()!, m);
  }
  if (!storms.size) return;
  for (const m of mentions) {
    const storm = storms.get(m.text);
    if (!storm || m.type === "EVENT" || m.source !== "model") continue;
    Object.assign(m, { type: "EVENT", entity: storm.entity, role: null, metonymy: false });
  }
}

function retypable(m: Mention, places: PlaceLookups): boolean {
  if (m.type === "PERSON") return true;
  if (m.type !== "GPE" && m.type !== "LOC") return false;
  const kind = places.kind(m.text);
  return kind !== "country" && kind !== "state";
}

/** A capitalised word of letters and the rest of a name of capitalised words after one space. */
const OPENER = /^(\p{Lu}\p{Ll}+) (?=\p{Lu})/u;

/** True when `pos` opens a sentence, a paragraph, a quote or a clause after a colon or dash. */
function opensAt(text: string, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\t")) k--;
  return k < 0 || /[\n.!?:;"“”‘'’(\[—–]/u.test(text[k]);
}

/** The mention's opening word when it may be a common word glued on its name, else null. */
function openerOf(
  m: Mention,
  text: string | undefined,
  places: PlaceLookups,
  cues: Cues,
): string | null {
  if (m.source !== "model" || text === undefined) return null;
  const w = OPENER.exec(m.text)?.[1];
  if (!w || !opensAt(text, m.start)) return null;
  // A first name, a place, a nationality or a title opens names ("Sen.", "North", "Maria").
  if (isFirstName(places, w) || places.kind(w) || places.people?.(w) || cues.titles.has(w)) {
    return null;
  }
  return w;
}

/** How the corpus writes a word: in lower case somewhere, capitalised inside a sentence somewhere. */
interface Usage {
  lower: boolean;
  midCapital: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How `texts` write each of `words` (lower case), with or without a plural "s". */
function usageOf(texts: Iterable<string>, words: ReadonlySet<string>): Map<string, Usage> {
  const out = new Map<string, Usage>();
  const baseOf = new Map<string, string>();
  for (const w of words) {
    out.set(w, { lower: false, midCapital: false });
    for (const v of [w, `${w}s`, w.endsWith("s") ? w.slice(0, -1) : w]) baseOf.set(v, w);
  }
  // One search for the few words at stake: far cheaper than splitting every text into words.
  const alternatives = [...baseOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(alternatives.join("|"), "gi");
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      const t = match[0];
      const end = at + t.length;
      if (WORD_CHAR.test(text[at - 1] ?? " ") || WORD_CHAR.test(text[end] ?? " ")) continue;
      const lower = t.toLowerCase();
      const base = baseOf.get(lower);
      if (base === undefined) continue;
      const u = out.get(base)!;
      if (t === lower) u.lower = true;
      else if (!opensAt(text, at)) u.midCapital = true;
    }
  }
  return out;
}

/**
 * Drops a common word opening a sentence from the recogniser's name after it ("Rival United
 * Airlines" → "United Airlines") when the corpus writes the word in lower case, never
 * capitalised inside a sentence, and has the rest as a mention of its own, whose entity and type
 * it then takes. `texts`: each article's text by id. Changes the mentions in place.
 */
export function trimOpeners(
  mentions: Mention[],
  texts: ReadonlyMap<string, string>,
  places: PlaceLookups,
  cues: Cues,
): void {
  let byText: Map<string, Mention> | undefined;
  const found: [Mention, string, Mention][] = [];
  for (const m of mentions) {
    const w = openerOf(m, texts.get(m.articleId), places, cues);
    if (!w) continue;
    if (!byText) {
      byText = new Map();
      for (const x of mentions) if (!byText.has(x.text)) byText.set(x.text, x);
    }
    const other = byText.get(m.text.slice(w.length + 1));
    if (other) found.push([m, w, other]);
  }
  if (!found.length) return;
  const usage = usageOf(texts.values(), new Set(found.map(([, w]) => w.toLowerCase())));
  for (const [m, w, other] of found) {
    const u = usage.get(w.toLowerCase());
    if (!u?.lower || u.midCapital) continue;
    Object.assign(m, {
      start: m.start + w.length + 1,
      text: other.text,
      entity: other.entity,
      type: other.type,
      media: other.media,
      role: other.type === "PERSON" ? m.role : null,
    });
  }
}
