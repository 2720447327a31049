/**
 * Command-line options shared by analyze, charts and report that reach into the statistics
 * (grouping, strata, term options). Apart from args.ts, which stays light for commands that load
 * no frames (notebooks).
 * @module
 */

import type { Analysis } from "../pipeline.ts";
import { allFrames, type Frames, type StageOptions } from "../stages.ts";
import { GroupFieldError } from "../stats/groups.ts";
import { ISO_STOPWORDS, type TermOptions } from "../stats/terms.ts";
import { isSpelling } from "../text/spelling.ts";
import { refuseSameGrouping, UsageError } from "./args.ts";
import { extractOptionsFor } from "../extract/setup.ts";
import { MEASURE_FLAGS, MEASURE_USAGE, measureSettings } from "./measure_flags.ts";

/** Every frame of an analysis grouped by `--by`, stratified by `--within`, with the other stage
 * options in `more` (lexicons, tone, gazetteer, model); a field no article has is a usage error naming the flag. */
export function framesBy(
  analysis: Analysis,
  by: string,
  within?: string,
  terms?: TermOptions,
  more?: Omit<StageOptions, "by" | "within" | "terms">,
): Frames {
  try {
    return allFrames(analysis, undefined, undefined, { ...more, by, within, terms });
  } catch (e) {
    throw groupFieldUsage(e, within);
  }
}

/**
 * A grouping field no article has ({@link GroupFieldError}) as the usage error of the flag that
 * named it (`--within` when its field is the one missing, else `--by`); any other error as it is.
 */
export function groupFieldUsage(e: unknown, within?: string): unknown {
  if (!(e instanceof GroupFieldError)) return e;
  const flag = within && e.message.includes(`"${within}"`) ? "--within" : "--by";
  return new UsageError(`${flag}: ${e.message}`);
}

/**
 * The term options of `--stopwords default|none|iso|FILE`, `--honorifics keep|drop` and
 * `--spelling as-written|american|british`: default is `natural`'s list, none keeps every word,
 * iso is stopwords-iso's English list, and FILE has one word a line (blank lines and lines
 * starting with # skipped).
 */
export function termFlags(stopwords?: string, honorifics?: string, spelling?: string): TermOptions {
  const out: TermOptions = {};
  if (spelling !== undefined) {
    if (!isSpelling(spelling)) {
      throw new UsageError(`--spelling takes as-written, american or british (got "${spelling}")`);
    }
    out.spelling = spelling;
  }
  if (honorifics !== undefined) {
    if (honorifics !== "keep" && honorifics !== "drop") {
      throw new UsageError(`--honorifics takes keep or drop (got "${honorifics}")`);
    }
    out.honorifics = honorifics;
  }
  if (stopwords === undefined || stopwords === "default") return out;
  if (stopwords === "none") return { ...out, stopwords: "keep" };
  if (stopwords === "iso") return { ...out, stopwords: ISO_STOPWORDS };
  let text: string;
  try {
    text = Deno.readTextFileSync(stopwords);
  } catch (e) {
    throw new UsageError(
      `--stopwords: "${stopwords}" is not default, none or iso, and cannot be read as a file ` +
        `(${(e as Error).message.split("\n")[0]})`,
    );
  }
  const words = text.split(/\r?\n/).map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith("#"));
  return { ...out, stopwords: new Set(words) };
}

/** The options of the commands that build frames from a corpus for charts (charts, report). */
export const FRAME_FLAGS = {
  by: { type: "string", default: "outlet" },
  within: { type: "string" },
  stopwords: { type: "string" },
  honorifics: { type: "string" },
  spelling: { type: "string" },
  ...MEASURE_FLAGS,
  gazetteer: { type: "string" },
} as const;

/** The usage lines of {@link FRAME_FLAGS} but `--gazetteer` (listed with the corpus). */
export const FRAME_USAGE =
  `  --by FIELD      the article field groups are compared by (default outlet)
  --within FIELD  keyness, framing and tone compare groups inside each value of FIELD
  --stopwords S   default (natural's list), none, iso (stopwords-iso English) or a word file
  --honorifics H  keep (default) or drop (Mr, Mrs, Sen, Gov, … left out of terms)
  --spelling S    as-written (default), american or british: count "colour" and "color",
                  "per cent" and "percent" as one term
${MEASURE_USAGE}`;

/** Parsed {@link FRAME_FLAGS}. */
export interface FrameFlags {
  by?: string;
  within?: string;
  stopwords?: string;
  honorifics?: string;
  spelling?: string;
  lexicon?: string[];
  "no-default-lexicons"?: boolean;
  tone?: string;
  "keyness-top"?: string;
  gazetteer?: string;
}

/**
 * Reads every file the frame options name (lexicons, gazetteer, stopword list) before the corpus
 * is loaded, so a bad one is one line at once; returns the frames of an analysis with them.
 */
export async function frameBuilder(
  flags: FrameFlags,
): Promise<(analysis: Analysis) => Frames> {
  refuseSameGrouping(flags.by, flags.within);
  const measure = await measureSettings(flags);
  const setup = { gazetteer: flags.gazetteer };
  extractOptionsFor(setup);
  const terms = termFlags(flags.stopwords, flags.honorifics, flags.spelling);
  return (analysis) =>
    framesBy(analysis, flags.by ?? "outlet", flags.within, terms, { ...measure, ...setup });
}
