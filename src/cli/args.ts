/**
 * Command-line arguments: parsed strictly, with a one-line error and the usage on a mistake.
 * @module
 */

import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Analysis } from "../pipeline.ts";
import { allFrames, type Frames } from "../stages.ts";
import { GroupFieldError } from "../stats/groups.ts";
import { ISO_STOPWORDS, type TermOptions } from "../stats/terms.ts";

/** A mistake on the command line: printed as one line plus usage, never as a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parses `args` against `options`; unknown flags and missing values become {@link UsageError}. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
}

/** Splits a comma list and checks every item against the allowed values. */
export function listOption<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T[],
): T[] {
  if (value === undefined) return fallback;
  const items = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length || !items.length) {
    throw new UsageError(`${flag} takes a comma list of ${allowed.join(", ")} (got "${value}")`);
  }
  return items as T[];
}

/** Where a command writes: the console by default, a buffer in tests. */
export interface Io {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** The console. */
export const CONSOLE: Io = { log: (l) => console.log(l), error: (l) => console.error(l) };

/**
 * Runs a command and returns its exit code: user mistakes (usage, corpus, permission) print
 * one line and give 2; anything else is a bug and keeps its stack trace.
 */
export async function runCommand(
  usage: string,
  main: () => Promise<number>,
  io: Io = CONSOLE,
): Promise<number> {
  try {
    return await main();
  } catch (e) {
    const err = e as Error;
    if (err instanceof UsageError) {
      io.error(`error: ${err.message}\n\n${usage}`);
      return 2;
    }
    if (err.name === "CorpusError") {
      io.error(err.message);
      return 2;
    }
    if (err.name === "NotCapable" || err instanceof Deno.errors.PermissionDenied) {
      io.error(
        `error: ${err.message.split("\n")[0]}\n` +
          "The task runs with the least permissions it needs; to read or write elsewhere, run it " +
          "with deno run and widen --allow-read or --allow-write (see README).",
      );
      return 2;
    }
    throw e;
  }
}

/** Every frame of an analysis grouped by `--by` and stratified by `--within`; a field no
 * article has is a usage error naming the flag. */
export function framesBy(
  analysis: Analysis,
  by: string,
  within?: string,
  terms?: TermOptions,
): Frames {
  try {
    return allFrames(analysis, undefined, undefined, { by, within, terms });
  } catch (e) {
    if (!(e instanceof GroupFieldError)) throw e;
    const flag = within && e.message.includes(`"${within}"`) ? "--within" : "--by";
    throw new UsageError(`${flag}: ${e.message}`);
  }
}

/**
 * The term options of `--stopwords default|none|iso|FILE` and `--honorifics keep|drop`: default
 * is `natural`'s list, none keeps every word, iso is stopwords-iso's English list, and FILE has
 * one word a line (blank lines and lines starting with # skipped).
 */
export function termFlags(stopwords?: string, honorifics?: string): TermOptions {
  const out: TermOptions = {};
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
