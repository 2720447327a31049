/**
 * The agencies an article relies on: the one in its dateline or byline, and the media it cites,
 * relays quotes through or reports from.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { EntityMention } from "./entities.ts";
import { aliasKeys, DEFAULT_GAZETTEER, type Gazetteer } from "./gazetteer.ts";
import type { Attribution, Quote } from "./quotes.ts";

/** One agency an article relies on, and how. */
export interface AgencyUse {
  /** The article's id. */
  articleId: string;
  /** The article's outlet. */
  outlet: string;
  /** Canonical name ("Reuters", "AFP"). */
  agency: string;
  /** The article's dateline names it ("NAIROBI (Reuters) -"). */
  inDateline: boolean;
  /** The article's byline names it (a "Reuters" line under the headline). */
  inByline: boolean;
  /** Mentions of it in the text. */
  nMentions: number;
  /** Sentences whose quotes or attributions are relayed through it ("according to the state broadcaster NHK"). */
  nRelayed: number;
  /** Sentences whose quotes or attributions it is the source of ("Reuters reported"). */
  nReported: number;
}

/**
 * Lists the agencies of one article, dateline agency first, then by first mention.
 *
 * @example
 * articleAgencies(article, mentions, quotes, attributions);
 * // [{ agency: "Reuters", inDateline: true, nMentions: 1, nRelayed: 0, nReported: 1 }, { agency: "NHK", ... }]
 */
export function articleAgencies(
  article: CleanArticle,
  mentions: readonly EntityMention[],
  quotes: readonly Quote[],
  attributions: readonly Attribution[],
  gazetteer: Gazetteer = DEFAULT_GAZETTEER,
): AgencyUse[] {
  const uses = new Map<string, AgencyUse>();
  const use = (agency: string) => {
    let u = uses.get(agency);
    if (!u) {
      u = {
        articleId: article.id,
        outlet: article.outlet,
        agency,
        inDateline: false,
        inByline: false,
        nMentions: 0,
        nRelayed: 0,
        nReported: 0,
      };
      uses.set(agency, u);
    }
    return u;
  };
  if (article.agency) {
    const u = use(canonicalAgency(article.agency, gazetteer));
    if (article.dateline?.includes(article.agency)) u.inDateline = true;
    else u.inByline = true;
  }
  for (const m of mentions) if (m.media) use(m.entity).nMentions++;
  const media = new Set(mentions.filter((m) => m.media).map((m) => m.entity));
  // Counted once per sentence: a partial quote and its attribution share one relay.
  const relayed = new Set<string>();
  const reported = new Set<string>();
  for (const s of [...quotes, ...attributions]) {
    if (s.viaEntity && media.has(s.viaEntity)) relayed.add(`${s.viaEntity}\u0000${s.sentenceId}`);
    if (s.speaker && media.has(s.speaker)) reported.add(`${s.speaker}\u0000${s.sentenceId}`);
  }
  for (const key of relayed) use(key.split("\u0000")[0]).nRelayed++;
  for (const key of reported) use(key.split("\u0000")[0]).nReported++;
  return [...uses.values()];
}

/** The gazetteer's name for an agency as written ("Thomson Reuters" is "Reuters"), else as written. */
export function canonicalAgency(name: string, gazetteer: Gazetteer = DEFAULT_GAZETTEER): string {
  const keys = aliasKeys(name);
  const match = gazetteer.trie.longest(0, keys.length, (i) => keys[i]);
  return match && match.length === keys.length ? match.value.name : name;
}
