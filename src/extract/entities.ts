/**
 * Entity mentions: people, organisations (news outlets flagged as media), places, nationalities
 * and, from a user's gazetteer only, facilities, events and products; each with its canonical
 * name, its source (model, gazetteer or rule) and a confidence.
 *
 * How, over one article:
 * 1. Per sentence, in this order (what comes first keeps its words): exact gazetteer matches
 *    (a user's list, then the general list of media and institutions); names after a title
 *    ("Sen. Mark Warner", "Mrs. Clinton"; the title is the role); the statistical recogniser's
 *    spans (a LOC the place lookups know is a GPE); names by cue (next to a speech verb, before
 *    an appositive role) and organisations holding a head word; a country's institutions
 *    ("Canada’s foreign ministry"); capitals used as actors (metonymy, when the gazetteer gives
 *    the capital's country).
 * 2. Per article: an organisation's short form stays that organisation; acronyms defined in the
 *    text join their long form; the people's full names are found again and their short forms
 *    resolved (see `entities/names.ts`).
 * The corpus pass ({@link canonicalPeople}) then gives a bare surname the one full name the
 * corpus has for it.
 *
 * Capitalised words with no cue and no model span are never tagged, so sentence-initial words,
 * headline case and ALL-CAPS subheads are safe without a model.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence } from "../text/segment.ts";
import { type Cues, DEFAULT_CUES } from "./cues.ts";
import { DEFAULT_GAZETTEER, type EntityType, type Gazetteer } from "./gazetteer.ts";
import { addModelSpans, type EntityRecogniser, recognise, recogniserOf } from "./entities/model.ts";
import { loadNerModel } from "./ner/mod.ts";
import {
  learnNames,
  matchLearned,
  resolveShortForms,
  roleOf,
  shortForm as shortOf,
} from "./entities/names.ts";
import { dropDescriptors } from "./entities/descriptors.ts";
import {
  retypeCompanies,
  retypePersonOrgs,
  retypePlaces,
  stormShortForms,
  trimOpeners,
} from "./entities/contexts.ts";
import { joinAcronyms, keepOrgShortForms } from "./entities/orgs.ts";
import { isFirstName, LEXICON_PLACES, type PlaceLookups } from "./entities/places.ts";
import {
  discoverNames,
  discoverOrganisations,
  markInstitutions,
  markMetonymy,
  matchGazetteer,
} from "./entities/rules.ts";
import { type SentenceState, sentenceStates } from "./entities/state.ts";
import { matchTitles } from "./entities/titles.ts";

export {
  type EntityRecogniser,
  type RecognisedSpan,
  recogniserOf,
  type SentenceContext,
} from "./entities/model.ts";
export { LEXICON_PLACES, NO_PLACES, type PlaceLookups } from "./entities/places.ts";
export type { EntitySource } from "./entities/state.ts";
import type { EntityMention } from "./entities/mention.ts";
export type { EntityMention } from "./entities/mention.ts";

/** What entity extraction reads; every field has a default. */
export interface EntityOptions {
  /** Exact-match names: default the general list; a user's file with `loadGazetteerFile`. */
  gazetteer?: Gazetteer;
  cues?: Cues;
  /**
   * The statistical recogniser: default the shipped model (`recogniserOf(loadNerModel())`, read
   * once); null: lists and rules only.
   */
  model?: EntityRecogniser | null;
  /** Place kinds and first-name genders (default: the packaged lexicons). */
  places?: PlaceLookups;
}

/** The short form of a name: the family name, written first in East Asian names (Chinese, Korean). */
export function shortForm(name: string, cues: Cues = DEFAULT_CUES): string {
  return shortOf(name, cues);
}

/**
 * Finds the entity mentions of one article, in text order.
 *
 * @example
 * const mentions = extractEntities(article, sentencesOfArticle, { model });
 * mentions.find((m) => m.text === "Mrs. Clinton");
 */
export function extractEntities(
  article: CleanArticle,
  sentences: readonly Sentence[],
  options: EntityOptions = {},
): EntityMention[] {
  const gazetteer = options.gazetteer ?? DEFAULT_GAZETTEER;
  const cues = options.cues ?? DEFAULT_CUES;
  const places = options.places ?? LEXICON_PLACES;
  const all = sentenceStates(sentences, article.text);
  const model = options.model === undefined ? shippedRecogniser() : options.model;
  const spans = model ? recognise(all, model) : undefined;
  all.forEach((s, i) => {
    matchGazetteer(s, gazetteer);
    if (s.sentence.kind === "body") matchTitles(s, cues, (w) => isFirstName(places, w));
    if (spans) addModelSpans(s, spans[i], places, cues);
    if (s.sentence.kind === "body") {
      discoverNames(s, cues);
      // The model knows organisations better than a head word does ("Academy Award" is none).
      if (!model) discoverOrganisations(s, cues);
    }
    markInstitutions(s, gazetteer, cues);
    markMetonymy(s, gazetteer, cues, places);
  });
  keepOrgShortForms(all, places, cues);
  joinAcronyms(all);
  dropDescriptors(all, places);
  const learned = learnNames(all, cues);
  for (const s of all) matchLearned(s, learned);
  resolveShortForms(all, learned, cues, places);
  const mentions = mentionsOf(article, all, cues);
  retypeCompanies(mentions, article.text, places);
  retypePersonOrgs(mentions, article.text, places);
  retypePlaces(mentions, article.text, places);
  stormShortForms(mentions);
  trimOpeners(mentions, new Map([[article.id, article.text]]), places, cues);
  return mentions;
}

let shipped: EntityRecogniser | undefined;

/** The shipped model as a recogniser, read once. Throws a one-line `NerModelError` when it cannot be read. */
export function shippedRecogniser(): EntityRecogniser {
  return shipped ??= recogniserOf(loadNerModel());
}

function mentionsOf(
  article: CleanArticle,
  all: readonly SentenceState[],
  cues: Cues,
): EntityMention[] {
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
        text: article.text.slice(start, end),
        entity: f.entity,
        type: f.type,
        role: f.type === "PERSON" ? roleOf(s, f, cues) : null,
        metonymy: f.metonymy,
        media: f.media,
        source: f.source,
        confidence: f.confidence,
        start,
        end,
      });
    }
  }
  return out;
}

/**
 * Across a corpus: a person's mention left as a bare surname ("Trump" in an article that never
 * gives the full name) takes the full name when the corpus has exactly one person of that
 * surname; then a name gets one type ({@link harmoniseTypes}). Changes `mentions` in place.
 */
export function canonicalPeople(mentions: EntityMention[], cues: Cues = DEFAULT_CUES): void {
  const bySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== "PERSON" || !m.entity.includes(" ")) continue;
    const form = shortOf(m.entity, cues);
    let set = bySurname.get(form);
    if (!set) bySurname.set(form, set = new Set());
    set.add(m.entity);
  }
  for (const m of mentions) {
    if (m.type !== "PERSON" || m.entity.includes(" ")) continue;
    const names = bySurname.get(m.entity);
    if (names?.size === 1) m.entity = [...names][0];
  }
  harmoniseTypes(mentions);
}

/** The types a name's mentions may move between across articles. */
const HARMONISED: ReadonlySet<EntityType> = new Set(["PERSON", "ORG", "GPE", "LOC"]);

/**
 * One type per name across a corpus: where the recogniser typed a name one way in one article and
 * another way in others ("Chelsea" a club in two match reports, a place in the third), its
 * mentions take the type that has at least twice the mentions of any other, so that counts by
 * type (the "who is named" chart of people and organisations) do not drop an outlet's mentions.
 * A tie in mentions goes to the type found in at least twice as many articles ("Manchester City"
 * twice a place in one report, a club once in each of two others). Only the model's mentions
 * move; lists and rules keep theirs, and NORP is never involved.
 */
export function harmoniseTypes(mentions: EntityMention[]): void {
  const counts = new Map<string, Map<EntityType, { n: number; articles: Set<string> }>>();
  for (const m of mentions) {
    if (!HARMONISED.has(m.type)) continue;
    let byType = counts.get(m.entity);
    if (!byType) counts.set(m.entity, byType = new Map());
    const c = byType.get(m.type) ?? { n: 0, articles: new Set<string>() };
    c.n++;
    c.articles.add(m.articleId);
    byType.set(m.type, c);
  }
  const typeOf = new Map<string, EntityType>();
  for (const [entity, byType] of counts) {
    if (byType.size < 2) continue;
    const [[top, c], ...rest] = [...byType].sort((a, b) =>
      b[1].n - a[1].n || b[1].articles.size - a[1].articles.size
    );
    const wins = rest.every(([, k]) =>
      c.n === k.n ? c.articles.size >= 2 * k.articles.size : c.n >= 2 * k.n
    );
    if (wins) typeOf.set(entity, top);
  }
  if (!typeOf.size) return;
  for (const m of mentions) {
    const type = typeOf.get(m.entity);
    if (type === undefined || m.type === type || m.source !== "model" || !HARMONISED.has(m.type)) {
      continue;
    }
    m.type = type;
    if (type !== "ORG") m.media = false;
    if (type !== "GPE") m.metonymy = false;
  }
}
