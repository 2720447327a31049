/**
 * Command-line arguments: parsed strictly, with a one-line error and the usage on a mistake.
 * @module
 */

import { parseArgs, type ParseArgsConfig } from "node:util";
import { lexiconErrorLine } from "../stats/dictionaries.ts";
import { LexiconError } from "../stats/lexicon.ts";
import { nearest } from "../text/nearest.ts";

export { nearest };

/** A mistake on the command line: printed as one line plus usage, never as a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A file an option names that is not there: one line naming the option and the file, without the
 * usage hint a mistyped flag gets (the flag was right; the file is what to check).
 */
export class OptionFileError extends Error {
  override name = "OptionFileError";
}

/** Parses `args` against `options`; unknown flags and missing values become {@link UsageError}. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args: negativeValues(args, options),
      options,
      strict: true,
      allowPositionals: false,
    })
      .values;
  } catch (e) {
    const line = (e as Error).message.split("\n")[0];
    // parseArgs's own advice for this one is on the lines that follow: said in one line here.
    const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(line)?.[1];
    if (ambiguous) {
      throw new UsageError(
        `${ambiguous} needs a value (one that starts with "-" is written ${ambiguous}=VALUE)`,
      );
    }
    const unknown = /^Unknown option '--([^'=]+)'/.exec(line)?.[1];
    const near = unknown === undefined ? undefined : nearest(unknown, Object.keys(options));
    throw new UsageError(near ? `${line} (did you mean --${near}?)` : line);
  }
}

/**
 * `--flag -3` as `--flag=-3` for a flag that takes a value: parseArgs reads "-3" as a flag of its
 * own and says the value is missing, where the flag's own check says what it must be ("a whole
 * number of at least 1"). No option is a digit, so a negative number is always a value.
 */
function negativeValues(args: string[], options: NonNullable<ParseArgsConfig["options"]>) {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([\w-]+)$/.exec(args[i])?.[1];
    if (name && options[name]?.type === "string" && /^-\d/.test(args[i + 1] ?? "")) {
      out.push(`${args[i]}=${args[++i]}`);
    } else out.push(args[i]);
  }
  return out;
}

/**
 * For top-level scripts (benchmarks, builders): parses like {@link parseCommandLine}, but
 * `--help` prints `usage` and exits 0, and a mistake is one line and exit 2, never a stack trace.
 */
export function scriptFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  usage: string,
  args: string[],
  options: T,
) {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    Deno.exit(0);
  }
  try {
    return parseCommandLine(args, options);
  } catch (e) {
    const command = /usage: (deno task [\w:]+)/.exec(usage)?.[1] ?? "the task";
    console.error(`error: ${(e as Error).message}\n(${command} --help lists every option)`);
    Deno.exit(2);
  }
}

/** For top-level scripts: a mistake in a value or a file is one line naming the task, exit 2. */
export function scriptError(task: string, message: string): never {
  console.error(`${task}: ${message}`);
  Deno.exit(2);
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

/**
 * One line for a denied read, write or run: Deno's own denial names the flag to widen; the
 * system's (a folder the user may not write) says so.
 */
export function permissionLine(err: Error): string {
  const first = err.message.split("\n")[0];
  const deno = /Requires (\w+) access to "?([^",]*)"?, run again with the (--allow-\w+) flag/
    .exec(first);
  if (deno) {
    const [, kind, what, flag] = deno;
    if (kind === "all") return `error: ${what} needs ${flag}, which newsframe never asks for`;
    return `error: no ${kind} access to ${what}: widen ${flag} (the deno tasks write only under ` +
      "data/out; the installed newsframe command may write anywhere: see README Permissions)";
  }
  return `error: the system denied it: ${first}`;
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
      // The usage follows only when asked for: the error stays one line, then where to look.
      const command = /usage: ((?:deno task|newsframe) [\w:]+)/.exec(usage)?.[1];
      io.error(`error: ${err.message}${command ? `\n(${command} --help lists every option)` : ""}`);
      return 2;
    }
    if (err instanceof LexiconError) {
      io.error(`error: ${lexiconErrorLine(err)}`);
      return 2;
    }
    // Data files named on the command line (a gazetteer, a model, figure words): one line, no
    // stack trace. …and parts a run or shard left incomplete (reuse at merge time names the part).
    if (
      err.name === "GazetteerError" || err.name === "NerModelError" ||
      err.name === "FigureDataError" || err.name === "ReuseError" ||
      err instanceof OptionFileError
    ) {
      io.error(`error: ${err.message.split("\n")[0]}`);
      return 2;
    }
    if (err.name === "CorpusError" || err.name === "OutputError") {
      io.error(err.message);
      return 2;
    }
    if (err.name === "NotCapable" || err instanceof Deno.errors.PermissionDenied) {
      io.error(permissionLine(err));
      return 2;
    }
    const path = pathMistake(err);
    if (path) {
      io.error(path);
      return 2;
    }
    throw e;
  }
}

/**
 * A path the user gave that is the wrong kind of thing (a file where the run needs a folder, or
 * the other way round): one line naming it, or null when the error is something else.
 */
export function pathMistake(err: Error): string | null {
  const kind = err instanceof Deno.errors.AlreadyExists
    ? "exists as a file, where a folder is needed: give a folder (new or existing)"
    : err instanceof Deno.errors.NotADirectory
    ? "goes through a file as if it were a folder: check the path"
    : err instanceof Deno.errors.IsADirectory
    ? "is a folder, where a file is needed: give a file name inside it"
    : null;
  if (!kind) return null;
  // Deno's messages end "(os error 17): mkdir 'out'" or "…: rename 'a' -> 'b'": the last path is
  // the one the operation wanted to make or open.
  const paths = [...err.message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const path = paths.at(-1);
  return path ? `error: ${path} ${kind}` : `error: ${err.message.split("\n")[0]}`;
}

/**
 * `--by` and `--within` naming the same field leave one group inside each stratum, so keyness,
 * framing and tone would compare nothing and say nothing: a usage error that says so.
 */
export function refuseSameGrouping(by: string | undefined, within: string | undefined): void {
  if (within === undefined || (by ?? "outlet") !== within) return;
  throw new UsageError(
    `--by and --within both name "${within}": inside each ${within} there is then one group, ` +
      `and nothing to compare; group by another field (e.g. --by ${
        within === "outlet" ? "id" : "outlet"
      })`,
  );
}
