/**
 * The command-line options of the measure stage shared by `analyze`, `charts` and `report`:
 * `--lexicon FILE` (repeatable), `--no-default-lexicons`, `--tone vader|afinn` and
 * `--keyness-top N`.
 * @module
 */

import { loadLexicons } from "../stats/dictionaries.ts";
import { type Tone, TONES } from "../stats/sentiment.ts";
import type { MeasureSettings } from "../stages.ts";
import { OptionFileError, UsageError } from "./args.ts";

/** The parseArgs options to add to a command. */
export const MEASURE_FLAGS = {
  lexicon: { type: "string", multiple: true },
  "no-default-lexicons": { type: "boolean", default: false },
  tone: { type: "string" },
  "keyness-top": { type: "string" },
} as const;

/** The usage lines of those options. */
export const MEASURE_USAGE =
  `  --lexicon FILE   a framing lexicon to apply besides the defaults (repeatable): the kit's
                   JSON, a quanteda/YAML dictionary (.yml), LIWC .dic or Lexicoder .lc3/.lcd;
                   e.g. data/lexicons/examples/russia_china.json
  --no-default-lexicons
                   leave out the default lexicon (Media Frames Corpus policy frames)
  --tone NAME      sentence sentiment: vader (default) or afinn (natural's, for comparison)
  --keyness-top N  keep the N rows of highest z of each keyness comparison (default: every
                   term; q still counts every term compared)`;

/**
 * A file an option names that is not there (or is a folder): one line naming the option and the
 * file ("--lexicon missing.json: no such file"), not the reader's own words and the OS's.
 */
export async function refuseMissingFile(flag: string, path: string): Promise<void> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new OptionFileError(`${flag} ${path}: no such file`);
    }
    return; // denied or unreadable: the reader says so in its own terms
  }
  if (info.isDirectory) throw new OptionFileError(`${flag} ${path}: is a folder, not a file`);
}

/**
 * Reads the measure options off parsed flags, loading every lexicon file (a bad one is a
 * LexiconError, printed as one line by `runCommand`). A lexicon or gazetteer file that is not
 * there is a usage error naming its option, before anything is read.
 */
export async function measureSettings(flags: {
  lexicon?: string[];
  "no-default-lexicons"?: boolean;
  tone?: string;
  "keyness-top"?: string;
  gazetteer?: string;
}): Promise<MeasureSettings> {
  for (const path of flags.lexicon ?? []) await refuseMissingFile("--lexicon", path);
  if (flags.gazetteer !== undefined && flags.gazetteer !== "none") {
    await refuseMissingFile("--gazetteer", flags.gazetteer);
  }
  const tone = (flags.tone ?? "vader").trim().toLowerCase() as Tone;
  if (!TONES.includes(tone)) {
    throw new UsageError(`--tone takes one of ${TONES.join(", ")} (got "${flags.tone}")`);
  }
  const lexicons = await loadLexicons(flags.lexicon ?? []);
  if (flags["no-default-lexicons"] && !lexicons.length) {
    throw new UsageError("--no-default-lexicons leaves no lexicon: give one with --lexicon FILE");
  }
  const top = flags["keyness-top"];
  const settings: MeasureSettings = {
    lexicons,
    defaultLexicons: !flags["no-default-lexicons"],
    tone,
  };
  if (top !== undefined) {
    const n = Number(top.replaceAll("_", "").replaceAll(",", ""));
    if (!Number.isInteger(n) || n < 1) {
      throw new UsageError(`--keyness-top: "${top}" is not a whole number of at least 1`);
    }
    settings.keyness = { top: n };
  }
  return settings;
}
