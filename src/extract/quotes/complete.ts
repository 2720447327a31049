/**
 * One-word speakers completed to the one entity of the article they stand for: a person's
 * first name or surname ("Tanya" after "Tanya Reed"), a surname the text misspelt once
 * ("Waters" written "Water"), an organisation's first word ("the Church" after "Church of
 * England").
 * @module
 */

import { editDistance } from "../../text/nearest.ts";
import type { EntityMention } from "../entities.ts";

/** How many letters a misspelt surname may be off by, by its length: 1 from 5 letters, 2 from 8. */
function slack(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Multi-word entity names of one type, each under its first and last word. */
function byEdgeWords(
  mentions: readonly EntityMention[],
  keep: (m: EntityMention) => boolean,
  edges: (words: string[]) => string[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of mentions) {
    const words = m.entity.split(" ");
    if (!keep(m) || words.length < 2) continue;
    for (const w of edges(words)) {
      if (!out.has(w)) out.set(w, new Set());
      out.get(w)!.add(m.entity);
    }
  }
  return out;
}

/**
 * A one-word person speaker completed to the one person of the article whose name starts or
 * ends with it ("Tanya" after "Tanya Reed"); failing that, to the one person whose surname is
 * a letter or two off (a misspelling: "Water" for Kathryn Waters). Kept as is when none or two
 * people fit.
 */
export function fullName(mentions: readonly EntityMention[]): (name: string) => string {
  const byWord = byEdgeWords(
    mentions,
    (m) => m.type === "PERSON",
    (w) => [w[0], w[w.length - 1]],
  );
  const surnames = [...byWord.keys()];
  return (name) => {
    if (name.includes(" ")) return name;
    const fits = byWord.get(name);
    if (fits) return fits.size === 1 ? [...fits][0] : name;
    const near = surnames.filter((s) =>
      s[0] === name[0] && editDistance(s, name) <= Math.min(slack(name), slack(s))
    );
    const people = new Set(near.flatMap((s) => [...byWord.get(s)!]));
    return people.size === 1 ? [...people][0] : name;
  };
}

/**
 * A one-word organisation speaker ("the Church denied") completed to the one organisation of
 * the article whose name opens with it ("Church of England"); kept as is when none or two fit.
 */
export function fullOrganisation(mentions: readonly EntityMention[]): (name: string) => string {
  const byWord = byEdgeWords(mentions, (m) => m.type === "ORG", (w) => [w[0]]);
  return (name) => {
    const fits = name.includes(" ") ? undefined : byWord.get(name);
    return fits?.size === 1 ? [...fits][0] : name;
  };
}
