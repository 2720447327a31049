/**
 * The command-line options of the measure stage shared by `analyze`, `charts` and `report`:
 * `--lexicon FILE` (repeatable), `--no-default-lexicons` and `--tone vader|afinn`.
 * @module
 */

import { loadLexicons } from "../stats/dictionaries.ts";
import { type Tone, TONES } from "../stats/sentiment.ts";
import type { MeasureSettings } from "../stages.ts";
import { UsageError } from "./args.ts";

/** The parseArgs options to add to a command. */
export const MEASURE_FLAGS = {
  lexicon: { type: "string", multiple: true },
  "no-default-lexicons": { type: "boolean", default: false },
  tone: { type: "string" },
} as const;

/** The usage lines of those options. */
export const MEASURE_USAGE =
  `  --lexicon FILE   a framing lexicon to apply besides the defaults (repeatable): the kit's
                   JSON, a quanteda/YAML dictionary (.yml), LIWC .dic or Lexicoder .lc3/.lcd;
                   e.g. data/lexicons/examples/russia_china.json
  --no-default-lexicons
                   leave out the default lexicon (Media Frames Corpus policy frames)
  --tone NAME      sentence sentiment: vader (default) or afinn (natural's, for comparison)`;

/**
 * Reads the measure options off parsed flags, loading every lexicon file (a bad one is a
 * LexiconError, printed as one line by `runCommand`).
 */
export async function measureSettings(flags: {
  lexicon?: string[];
  "no-default-lexicons"?: boolean;
  tone?: string;
}): Promise<MeasureSettings> {
  const tone = (flags.tone ?? "vader").trim().toLowerCase() as Tone;
  if (!TONES.includes(tone)) {
    throw new UsageError(`--tone takes one of ${TONES.join(", ")} (got "${flags.tone}")`);
  }
  const lexicons = await loadLexicons(flags.lexicon ?? []);
  if (flags["no-default-lexicons"] && !lexicons.length) {
    throw new UsageError("--no-default-lexicons leaves no lexicon: give one with --lexicon FILE");
  }
  return { lexicons, defaultLexicons: !flags["no-default-lexicons"], tone };
}
