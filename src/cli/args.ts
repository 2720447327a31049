/**
 * Command-line arguments: parsed strictly, with a one-line error and the usage on a mistake.
 * @module
 */

import { parseArgs, type ParseArgsConfig } from "node:util";

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
    // Data files named on the command line (a gazetteer, a model): one line, no stack trace.
    if (err.name === "GazetteerError" || err.name === "NerModelError") {
      io.error(`error: ${err.message.split("\n")[0]}`);
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
