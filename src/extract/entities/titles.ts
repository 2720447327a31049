/**
 * Names after a title: "Sen. Mark Warner", "Mrs. Clinton", "Lt. Gov. Dan Patrick", "coach Bill
 * Belichick". The name (never the title) is a PERSON found by rule; the title is read back into
 * the mention's role later.
 * @module
 */

import type { Cues } from "../cues.ts";
import { STOPWORDS } from "../../text/tokens.ts";
import { isCapitalised } from "../words.ts";
import {
  adjacent,
  cover,
  isNameWord,
  nameRun,
  PORTFOLIO_LINKS,
  ruleFound,
  type SentenceState,
  surface,
} from "./state.ts";

interface TitleHead {
  /** The word after the title (after the dot of an abbreviation). */
  next: number;
  /** One name word after it is enough. */
  single: boolean;
  gender?: "female" | "male";
}

/** The title starting at word `i` ("Sen" + ".", "President", "coach"), else null. */
function titleHead(s: SentenceState, i: number, cues: Cues): TitleHead | null {
  const rules = cues.titleRules;
  const t = s.words[i].text;
  const gender = rules.female.has(t) ? "female" : rules.male.has(t) ? "male" : undefined;
  if (rules.abbreviations.has(t)) {
    const dot = s.words[i + 1];
    const next = dot?.text === "." && dot.start === s.words[i].end ? i + 2 : i + 1;
    return { next, single: true, gender };
  }
  if (rules.single.has(t)) return { next: i + 1, single: true, gender };
  if (rules.full.has(t) || cues.titles.has(t) || rules.roles.has(t)) {
    return { next: i + 1, single: false, gender };
  }
  return null;
}

/** The word after a chain of titles and title words ("Lt. Gov.", "Prime Minister"), with what the last title allows. */
function titleChain(s: SentenceState, head: TitleHead, cues: Cues): TitleHead {
  const w = s.words;
  let { next: k, single, gender } = head;
  while (k < w.length && !s.covered[k] && adjacent(s, k - 1, k)) {
    const h = titleHead(s, k, cues);
    if (h) {
      ({ next: k, single } = h);
      gender = h.gender ?? gender;
      continue;
    }
    const place = portfolioEnd(s, k, cues);
    if (place > k) return { next: place, single: false, gender };
    const t = w[k].text;
    const titleWord = cues.titleWords.has(t) &&
      (isCapitalised(t) ||
        (k + 1 < w.length && isCapitalised(w[k + 1].text) && cues.titleWords.has(w[k + 1].text)));
    if (!titleWord) break;
    k++;
  }
  return { next: k, single, gender };
}

/**
 * "Minister for Africa Jane Smith": after a title's "for" or "of" at word `k`, a run of three
 * or more name words is a portfolio and a two-word name. The word after the portfolio, else -1.
 */
function portfolioEnd(s: SentenceState, k: number, cues: Cues): number {
  const t = s.words[k].text;
  if (!PORTFOLIO_LINKS.has(t) || k + 1 >= s.words.length || !adjacent(s, k, k + 1)) return -1;
  const run = nameRun(s, k + 1, 6, cues);
  return run >= 3 ? k + 1 + run - 2 : -1;
}

/**
 * "Julie Bishop", "Angus King": a title word right after a first name is the surname, when no
 * name word follows it (then it would be a title before that name).
 */
function titleAsSurname(
  s: SentenceState,
  i: number,
  k: number,
  cues: Cues,
  isFirst: (word: string) => boolean,
): boolean {
  const w = s.words;
  if (k !== i + 1 || !cues.titles.has(w[k].text) || !/^\p{Lu}\p{Ll}+$/u.test(w[k].text)) {
    return false;
  }
  if (!isFirst(w[i].text)) return false;
  const after = w[k + 1];
  return !(after && adjacent(s, k, k + 1) && isNameWord(after, cues));
}

/**
 * The last word of a person's name starting at `i` (at most `max` name words; middle initials
 * such as "J." are part of it; a title word as surname, see {@link titleAsSurname}), else -1.
 */
export function personEnd(
  s: SentenceState,
  i: number,
  cues: Cues,
  max = 4,
  isFirst: (word: string) => boolean = () => false,
): number {
  const w = s.words;
  let k = i;
  let last = -1;
  let count = 0;
  while (k < w.length && count < max && !s.covered[k] && (k === i || adjacent(s, k - 1, k))) {
    if (isNameWord(w[k], cues) || titleAsSurname(s, i, k, cues, isFirst)) {
      last = k++;
      count++;
      continue;
    }
    const initial = k > i && /^\p{Lu}$/u.test(w[k].text) && w[k + 1]?.text === "." &&
      w[k + 1].start === w[k].end && k + 2 < w.length && isNameWord(w[k + 2], cues) &&
      adjacent(s, k + 1, k + 2);
    if (!initial) break;
    k += 2;
  }
  // A pronoun ends no name, and opens one only before another name word ("Vice Chairman He Yong").
  while (last >= i && cues.pronouns.has(w[last].text)) last = last > i ? last - 1 : -1;
  if (last === i && cues.pronouns.has(w[i].text)) return -1;
  return last;
}

/** A generational suffix after a surname: "Jr.", "Sr", "III". */
export const NAME_SUFFIX: RegExp = /^(?:(?:Jr|Sr|Jnr|Snr)\.?|II|III|IV)$/;

/**
 * A person's canonical name from how it is written: spaces made single, middle initials dropped
 * ("Mary J. Doyle" is "Mary Doyle"), a suffix written with its dot ("Marcos Jr" is "Marcos Jr.",
 * as one outlet writes it with and another without).
 */
export function canonicalPerson(written: string): string {
  const words = written.trim().split(/\s+/);
  const suffix = words.length > 2 ? /^(Jr|Sr|Jnr|Snr)$/.exec(words.at(-1)!) : null;
  if (suffix) words[words.length - 1] = `${suffix[1]}.`;
  const initial = (w: string) => /^\p{Lu}\.$/u.test(w);
  // "J. K. Rowling" is known by her initials: only initials after a first name go.
  // "George H. W." (a name cut after its initials) keeps them all.
  if (words.length < 3 || initial(words[0]) || initial(words.at(-1)!)) return words.join(" ");
  return words.filter((w, i) => i === 0 || i === words.length - 1 || !initial(w)).join(" ");
}

/** A lower-case noun for what a person does: "-er", "-or", "-ist", "-ian" ("campaigner", "barrister"). */
const DOER = /^\p{Ll}{3,}(?:er|or|ist|ian)$/u;

/** Words of those endings that name no person (adverbs, conjunctions, adjectives, comparatives). */
const NOT_DOERS = new Set([
  "whether",
  "together",
  "however",
  "either",
  "neither",
  "later",
  "earlier",
  "sooner",
  "rather",
  "whatever",
  "whoever",
  "wherever",
  "former",
  "latter",
  "prior",
  "major",
  "minor",
  "order",
  "border",
  "error",
  "larger",
  "longer",
  "older",
  "younger",
  "greater",
  "higher",
  "lower",
  "newer",
  "smaller",
  "wider",
  "deeper",
  "stronger",
  "weaker",
  "richer",
  "poorer",
  "faster",
  "slower",
  "better",
  "closer",
  "harder",
  "cheaper",
  "shorter",
  "taller",
  "fewer",
  "broader",
  "nearer",
  "further",
  "smarter",
  "tougher",
  "clearer",
  "bigger",
  "hotter",
  "thinner",
  "easier",
  "heavier",
  "happier",
  "riskier",
  "busier",
  "wealthier",
  "healthier",
  "costlier",
]);

/** A lower-case noun for what a person does ("curator", "campaigner"), by its ending. */
export function isDoerNoun(t: string): boolean {
  return DOER.test(t) && !STOPWORDS.has(t) && !NOT_DOERS.has(t);
}

/**
 * "immigration barrister Colin Yeo", "campaigner Caitlin Boswell": a noun for what a person does,
 * before a known first name, heads a full name (two name words at least), as a role does.
 */
function nounBeforeFirstName(
  s: SentenceState,
  i: number,
  isFirst: (word: string) => boolean,
): TitleHead | null {
  const t = s.words[i].text;
  const next = s.words[i + 1];
  if (!isDoerNoun(t) || !next || !adjacent(s, i, i + 1)) return null;
  return isFirst(next.text) ? { next: i + 1, single: false } : null;
}

/** Tags the names after titles in one sentence; `isFirst` tells a first name ("Julie Bishop"). */
export function matchTitles(
  s: SentenceState,
  cues: Cues,
  isFirst: (word: string) => boolean = () => false,
): void {
  const w = s.words;
  for (let i = 0; i < w.length; i++) {
    if (s.covered[i]) continue;
    const head = titleHead(s, i, cues) ?? nounBeforeFirstName(s, i, isFirst);
    if (!head) continue;
    const { next: k, single, gender } = titleChain(s, head, cues);
    if (k >= w.length || k === i || !adjacent(s, k - 1, k)) continue;
    const last = personEnd(s, k, cues, 4, isFirst);
    if (last < 0 || (last === k && !single)) continue;
    // "President Obama", but no "Sister Kenny Foundation" or "Miss World Organization".
    if (cues.orgHeads.has(w[last].text) || cues.titleRules.notPersonLast.has(w[last].text)) {
      continue;
    }
    const found = ruleFound(k, last, canonicalPerson(surface(s, k, last)), "PERSON");
    if (gender) found.gender = gender;
    cover(s, found);
    i = last;
  }
}
