/**
 * Abbreviation lists for the sentence splitter, kept as data in `data/abbreviations.json`.
 * @module
 */

import { z } from "zod";
import data from "../../data/abbreviations.json" with { type: "json" };

const word = z.string().min(1).regex(/^[\p{L}.]+$/u, "letters and inner periods only");

/** The schema of `data/abbreviations.json`. */
export const AbbreviationsSchema = z.object({
  description: z.string().optional(),
  title: z.array(word),
  before_number: z.array(word),
  acronym: z.array(word),
  sentence_openers: z.array(z.string().min(1)),
});

/**
 * Abbreviation sets, as the splitter uses them.
 * @internal built from data/abbreviations.json; pass the default or a set from newsframe/text.
 */
export interface Abbreviations {
  title: Set<string>;
  beforeNumber: Set<string>;
  acronym: Set<string>;
  openers: Set<string>;
}

/** Validates abbreviation data and builds the lookup sets. */
export function compileAbbreviations(input: unknown, source = "abbreviations"): Abbreviations {
  const parsed = AbbreviationsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const d = parsed.data;
  return {
    title: new Set(d.title),
    beforeNumber: new Set(d.before_number),
    acronym: new Set(d.acronym),
    openers: new Set(d.sentence_openers),
  };
}

/** The lists shipped in `data/abbreviations.json`. */
export const DEFAULT_ABBREVIATIONS: Abbreviations = compileAbbreviations(
  data,
  "data/abbreviations.json",
);
