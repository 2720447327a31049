/**
 * Cues read around names and quotes (titles, role nouns, speech verbs, ...), kept as data in
 * `data/entities/cues.json` and `data/entities/titles.json`, and validated here.
 * @module
 */

import { z } from "zod";
import defaults from "../../data/entities/cues.json" with { type: "json" };
import titleData from "../../data/entities/titles.json" with { type: "json" };
import { escapeRegExp } from "../_strings.ts";

const words = z.array(z.string().trim().min(1));

/** The schema of `data/entities/cues.json`. */
export const CuesSchema = z.object({
  description: z.string().optional(),
  titles: words.min(1),
  title_words: words,
  appositive_roles: words,
  surname_first: words,
  pronouns: words,
  org_heads: words,
  institutions: z.array(
    z.object({
      head: z.string().trim().min(1),
      name: z.string().includes("{country}", { message: "must contain {country}" }),
    }),
  ),
  speech_verbs: words.min(1),
  direct_speech_verbs: words.min(1),
  label_nouns: words,
  documents: words,
  locatives: words,
});

/** The schema of `data/entities/titles.json`. */
export const TitlesSchema = z.object({
  description: z.string().optional(),
  abbreviations: words.min(1),
  titles: words.min(1),
  titles_before_full_name: words,
  roles: words,
  female: words,
  male: words,
  not_person_last_words: words,
  media_last_words: words,
  company_last_words: words,
  directions: words,
  role_modifiers: words.optional(),
}).strict();

/** Titles and roles before a name, as sets (see `data/entities/titles.json`). */
export interface TitleRules {
  /** Written with or without a dot: "Sen." or "Sen". */
  abbreviations: ReadonlySet<string>;
  /** Titles (and abbreviations) after which one name word is a person: "President Obama". */
  single: ReadonlySet<string>;
  /** Titles that need a two-word name after them: "General Motors" is no person. */
  full: ReadonlySet<string>;
  /** Lower-case role nouns before a full name: "coach Bill Belichick". */
  roles: ReadonlySet<string>;
  female: ReadonlySet<string>;
  male: ReadonlySet<string>;
  /** A capitalised run ending in one of these is no person ("The New York Times reported"). */
  notPersonLast: ReadonlySet<string>;
  /** An organisation ending in one of these is a news outlet ("The Boston Globe" is not one). */
  mediaLast: ReadonlySet<string>;
  /** A company's name ends in one of these ("Corp", "Inc", "Group"). */
  companyLast: ReadonlySet<string>;
  /** Compass words: alone ("the West") a place. */
  directions: ReadonlySet<string>;
  /** Lower-case words that qualify a role before it ("lead author", "former defender"). */
  roleModifiers: ReadonlySet<string>;
}

/** Validates and compiles title data (a user's own `titles.json`). Throws a readable error. */
export function compileTitles(data: unknown, source = "titles"): TitleRules {
  const parsed = TitlesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  return {
    abbreviations: new Set(d.abbreviations),
    single: new Set([...d.titles, ...d.abbreviations]),
    full: new Set(d.titles_before_full_name),
    roles: new Set(d.roles),
    female: new Set(d.female),
    male: new Set(d.male),
    notPersonLast: new Set(d.not_person_last_words),
    mediaLast: new Set(d.media_last_words),
    companyLast: new Set(d.company_last_words),
    directions: new Set(d.directions),
    roleModifiers: new Set(d.role_modifiers ?? []),
  };
}

/** The titles shipped in `data/entities/titles.json`. */
export const DEFAULT_TITLES: TitleRules = compileTitles(titleData, "data/entities/titles.json");

/**
 * Cues as sets, ready for lookups.
 * @internal compiled from a data file or a model; built by its loader, not by hand (see newsframe/extract).
 */
export interface Cues {
  /** Every title head: those of `cues.json` and of the title rules. */
  titles: ReadonlySet<string>;
  titleRules: TitleRules;
  titleWords: ReadonlySet<string>;
  appositiveRoles: ReadonlySet<string>;
  surnameFirst: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  orgHeads: ReadonlySet<string>;
  /** Lower-case head words ("foreign ministry") to a name template ("Foreign Ministry of {country}"). */
  institutions: ReadonlyMap<string, string>;
  speechVerbs: ReadonlySet<string>;
  directSpeechVerbs: ReadonlySet<string>;
  labelNouns: ReadonlySet<string>;
  /** Document nouns, longest first ("joint communique" before "communique"). */
  documents: readonly string[];
  /** "in a joint communique", "by the statement": group 1 is the document. */
  documentPhrase: RegExp;
  locatives: ReadonlySet<string>;
}

/** Validates and compiles cue data (a user's own `cues.json`). Throws a readable error. */
export function compileCues(
  data: unknown,
  source = "cues",
  titleRules: TitleRules = DEFAULT_TITLES,
): Cues {
  const parsed = CuesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  const documents = [...d.documents].map((x) => x.toLowerCase()).sort((a, b) =>
    b.length - a.length
  );
  return {
    titles: new Set([...d.titles, ...titleRules.single, ...titleRules.full]),
    titleRules,
    titleWords: new Set(d.title_words),
    appositiveRoles: new Set(d.appositive_roles),
    surnameFirst: new Set(d.surname_first),
    pronouns: new Set(d.pronouns),
    orgHeads: new Set(d.org_heads),
    institutions: new Map(d.institutions.map((i) => [i.head.toLowerCase(), i.name])),
    speechVerbs: new Set(d.speech_verbs),
    directSpeechVerbs: new Set(d.direct_speech_verbs),
    labelNouns: new Set(d.label_nouns),
    documents,
    documentPhrase: new RegExp(
      `\\b(?:in|by) (?:a|an|the|its) (${documents.map(escapeRegExp).join("|")})\\b`,
    ),
    locatives: new Set(d.locatives),
  };
}

/** The cues shipped in `data/entities/cues.json`. */
export const DEFAULT_CUES: Cues = compileCues(defaults, "data/entities/cues.json");
