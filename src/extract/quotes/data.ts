/**
 * Cues for quotes and reported speech, kept as data in `data/quotes/cues.json` and validated
 * here; the gender of a first name comes from the entity stage's lexicons (English first-name
 * lists, see `src/extract/ner/lexicons.ts`).
 * @module
 */

import { z } from "zod";
import defaults from "../../../data/quotes/cues.json" with { type: "json" };
import { firstNameGender } from "../ner/lexicons.ts";

const words = z.array(z.string().trim().min(1));
const gender = z.enum(["male", "female"]);

/** A person's grammatical gender, as pronouns, titles and first names tell it. */
export type Gender = "male" | "female";

/** The schema of `data/quotes/cues.json`. */
export const QuoteCuesSchema = z.object({
  description: z.string().optional(),
  reporting_verbs: words.min(1),
  object_verbs: words,
  that_verbs: words,
  listeners: words,
  pronoun_gender: z.record(z.string(), gender),
  honorific_gender: z.record(z.string(), gender),
  role_gender: z.record(z.string(), gender),
  title_nouns: words,
  nickname_cues: words,
  term_cues: words,
  org_nouns: words,
  anaphoric_org_nouns: words.optional(),
  finding_nouns: words.optional(),
  name_suffixes: words,
  source_phrases: words,
  statement_verbs: words,
  unnamed_heads: words,
  role_nouns: words,
  tag_verbs: words,
  second_statement_cues: words,
  participle_cues: words.optional(),
  labelling_verbs: words.optional(),
  run_on_tag_verbs: words.optional(),
  title_said_verbs: words.optional(),
  writing_verbs: words.optional(),
  person_descriptions: words.optional(),
});

/** Quote cues as sets and maps, ready for lookups (keys lower case). */
export interface QuoteCues {
  reportingVerbs: ReadonlySet<string>;
  objectVerbs: ReadonlySet<string>;
  /** Verbs that report only before "that": "the study found that ...". */
  thatVerbs: ReadonlySet<string>;
  listeners: ReadonlySet<string>;
  pronounGender: ReadonlyMap<string, Gender>;
  honorificGender: ReadonlyMap<string, Gender>;
  roleGender: ReadonlyMap<string, Gender>;
  titleNouns: ReadonlySet<string>;
  nicknameCues: ReadonlySet<string>;
  termCues: ReadonlySet<string>;
  orgNouns: ReadonlySet<string>;
  /** Heads that refer back to the organisation just heard ("the company said"). */
  anaphoricOrgNouns: ReadonlySet<string>;
  /** Findings that speak for their maker ("a study by X found"). */
  findingNouns: ReadonlySet<string>;
  /** Letters after a name, set off by commas ("Jr", "QC"), as written. */
  nameSuffixes: ReadonlySet<string>;
  /** Phrases that name a source after them, lower case, as word lists ("according to"). */
  sourcePhrases: readonly (readonly string[])[];
  /** Verbs that issue a document ("issued a statement"). */
  statementVerbs: ReadonlySet<string>;
  /** Nouns after a place that make it a modifier ("U.S. officials"). */
  unnamedHeads: ReadonlySet<string>;
  /** Role words beyond the entity stage's ("coach"). */
  roleNouns: ReadonlySet<string>;
  /** Verbs that attribute only right after a quote's closing mark ("read the headline"). */
  tagVerbs: ReadonlySet<string>;
  /** Participles that open a second statement after a comma ("adding that"). */
  secondStatementCues: ReadonlySet<string>;
  /** Participles whose speaker is the subject opening the sentence (", calling it ..."). */
  participleCues: ReadonlySet<string>;
  /** Verbs of naming or judging that report words with "as" before a quote ("dismissed it as"). */
  labellingVerbs: ReadonlySet<string>;
  /** Verbs of a quote's tag, read where a line goes on with a quote left open ("he says"). */
  runOnTagVerbs: ReadonlySet<string>;
  /** Verbs after which title-case words between marks are said, not a title (`said, "Thank You."`). */
  titleSaidVerbs: ReadonlySet<string>;
  /** Verbs of writing: a title may follow them ("wrote “The Art of War”"), a colon makes it words. */
  writingVerbs: ReadonlySet<string>;
  /**
   * Nouns after "the" that stand for one person named before, beside a country's demonym
   * ("the Spaniard", "the Briton"): "the Spaniard said" is that person.
   */
  personDescriptions: ReadonlySet<string>;
  /** The gender of a first name ("Nancy" → female), null when unknown or either. */
  firstNameGender: (name: string) => Gender | null;
}

const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
const lowerMap = (r: Record<string, Gender>) =>
  new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));

/** A first name's gender when the name lists agree on one. */
function oneGender(name: string): Gender | null {
  const g = firstNameGender(name);
  return g === "female" || g === "male" ? g : null;
}

/** Validates and compiles quote cue data (a user's own file). Throws a readable error. */
export function compileQuoteCues(data: unknown, source = "quote cues"): QuoteCues {
  const parsed = QuoteCuesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  return {
    reportingVerbs: lowerSet(d.reporting_verbs),
    objectVerbs: lowerSet(d.object_verbs),
    thatVerbs: lowerSet(d.that_verbs),
    listeners: lowerSet(d.listeners),
    pronounGender: lowerMap(d.pronoun_gender),
    honorificGender: lowerMap(d.honorific_gender),
    roleGender: lowerMap(d.role_gender),
    titleNouns: lowerSet(d.title_nouns),
    nicknameCues: lowerSet(d.nickname_cues),
    termCues: lowerSet(d.term_cues),
    orgNouns: lowerSet(d.org_nouns),
    anaphoricOrgNouns: lowerSet(d.anaphoric_org_nouns ?? []),
    findingNouns: lowerSet(d.finding_nouns ?? []),
    nameSuffixes: new Set(d.name_suffixes),
    sourcePhrases: d.source_phrases.map((p) => p.toLowerCase().split(/\s+/)),
    statementVerbs: lowerSet(d.statement_verbs),
    unnamedHeads: lowerSet(d.unnamed_heads),
    roleNouns: lowerSet(d.role_nouns),
    tagVerbs: lowerSet(d.tag_verbs),
    secondStatementCues: lowerSet(d.second_statement_cues),
    participleCues: lowerSet(d.participle_cues ?? []),
    labellingVerbs: lowerSet(d.labelling_verbs ?? []),
    // A user's file written before these lists existed keeps the shipped ones.
    runOnTagVerbs: lowerSet(d.run_on_tag_verbs ?? defaults.run_on_tag_verbs),
    titleSaidVerbs: lowerSet(d.title_said_verbs ?? defaults.title_said_verbs),
    writingVerbs: lowerSet(d.writing_verbs ?? defaults.writing_verbs),
    personDescriptions: lowerSet(d.person_descriptions ?? defaults.person_descriptions),
    firstNameGender: oneGender,
  };
}

/** The cues shipped in `data/quotes/cues.json`. */
export const DEFAULT_QUOTE_CUES: QuoteCues = compileQuoteCues(defaults, "data/quotes/cues.json");
