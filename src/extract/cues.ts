/**
 * Cues read around names and quotes (titles, role nouns, speech verbs, ...), kept as data in
 * `data/entities/cues.json` and validated here.
 * @module
 */

import { z } from "zod";
import defaults from "../../data/entities/cues.json" with { type: "json" };

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

/** Cues as sets, ready for lookups. */
export interface Cues {
  titles: ReadonlySet<string>;
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
export function compileCues(data: unknown, source = "cues"): Cues {
  const parsed = CuesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  const documents = [...d.documents].map((x) => x.toLowerCase()).sort((a, b) =>
    b.length - a.length
  );
  return {
    titles: new Set(d.titles),
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
      `\\b(?:in|by) (?:a|an|the|its) (${documents.map(escape).join("|")})\\b`,
    ),
    locatives: new Set(d.locatives),
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The cues shipped in `data/entities/cues.json`. */
export const DEFAULT_CUES: Cues = compileCues(defaults, "data/entities/cues.json");
