/**
 * `newsframe`: one command for the kit, installed once and run in the user's own folder.
 *
 * ```sh
 * deno install -g -f -n newsframe --config <repo>/deno.json <permissions> <repo>/src/cli/main.ts
 * newsframe analyze --corpus ./mine --out ./results
 * ```
 *
 * Relative paths resolve against the folder the user stands in: `Deno.cwd()` for the installed
 * command; inside `deno task` (which runs in the kit's folder) the user's folder is `INIT_CWD`.
 * @module
 */

import { analyzeCommand } from "./analyze.ts";
import { CONSOLE, type Io, nearest, runCommand, UsageError } from "./args.ts";
import { chartsCommand } from "./charts.ts";
import { mergeCommand } from "./merge.ts";
import { notebooksCommand } from "./notebooks.ts";
import { reportCommand } from "./report.ts";

/** The kit's folder (where deno.json, src/ and notebooks/ are). */
export const KIT_ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** The permissions the installed command runs with (see README "Quick start" for why). */
export const INSTALL_PERMISSIONS = [
  "--allow-read",
  "--allow-write",
  "--allow-ffi",
  "--allow-sys=cpus,osRelease,networkInterfaces,hostname",
  "--allow-env=LOG_TOKENS,LOG_STREAM,PATH,INIT_CWD",
  "--allow-run=jupyter,/usr/bin/python3",
];

/**
 * The `deno install` line that installs the command as `newsframe`: quietly, at deno.run.lock's
 * versions (the analysis's packages only; `--frozen`: never edits the clone's lock).
 */
export function installCommand(root = KIT_ROOT): string {
  return [
    "deno install -g -f -q -n newsframe",
    `--config ${root}/deno.json --lock=${root}/deno.run.lock --frozen`,
    ...INSTALL_PERMISSIONS,
    `${root}/src/cli/main.ts`,
  ].join(" ");
}

/** The permissions a script that imports the library needs, as one `deno run` line. */
export const SCRIPT_PERMISSIONS =
  "--allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname " +
  "--allow-env=LOG_TOKENS,LOG_STREAM";

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  analyze: analyzeCommand,
  charts: chartsCommand,
  report: reportCommand,
  notebooks: notebooksCommand,
  merge: mergeCommand,
};

const USAGE = `usage: newsframe COMMAND [options]     (newsframe COMMAND --help for its options)

  analyze     load a corpus, write every frame (default --out data/out)
  merge       the corpus-level frames of a corpus analysed in shards (analyze --shard K/N)
  charts      every chart as SVG, PNG, Vega-Lite JSON and HTML
  report      one self-contained HTML report
  notebooks   execute the five notebooks on a corpus (--corpus, --by, --within, --html)
  init        write a deno.json here so scripts and notebooks in this folder can
              import "newsframe" (and the kit's npm packages)
  help        this text

Paths are relative to the folder you run the command in. The kit: ${KIT_ROOT}`;

/**
 * The deno.json `newsframe init` writes: the kit's own deno.json as the import map, so
 * "newsframe", "newsframe/…" and the kit's pinned npm packages resolve from any folder.
 */
export function initConfig(root = KIT_ROOT): Record<string, unknown> {
  return { importMap: `${root}/deno.json` };
}

async function initCommand(args: string[], io: Io): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.log("usage: newsframe init [--force]   write ./deno.json that imports the kit");
    return 0;
  }
  const bad = args.filter((a) => a !== "--force");
  if (bad.length) throw new UsageError(`unknown option "${bad[0]}" (init takes --force)`);
  const exists = await Deno.stat("deno.json").then(() => true, () => false);
  if (exists && !args.includes("--force")) {
    throw new UsageError(
      `deno.json already exists here; add "importMap": "${KIT_ROOT}/deno.json" to it, or run ` +
        "newsframe init --force to replace it",
    );
  }
  await Deno.writeTextFile("deno.json", JSON.stringify(initConfig(), null, 2) + "\n");
  io.log(`wrote deno.json: import { analyzeCorpus } from "newsframe" now works in this folder.`);
  io.log(`run a script with: deno run ${SCRIPT_PERMISSIONS} script.ts`);
  return 0;
}

/**
 * The user's folder: inside `deno task` (the process runs in the kit's folder) INIT_CWD says
 * where the user stood; an installed command already runs there.
 */
export function userFolder(cwd: string, initCwd: string | undefined, root = KIT_ROOT): string {
  return initCwd && cwd === root ? initCwd : cwd;
}

/** Runs `newsframe ARGS`; returns the exit code. */
export function main(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const [command, ...rest] = args;
    if (command === undefined || command === "help" || command === "--help" || command === "-h") {
      const topic = command === "help" ? rest[0] : undefined;
      if (topic && COMMANDS[topic]) return await COMMANDS[topic](["--help"], renamed(io));
      io.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    const folder = userFolder(Deno.cwd(), envOrUndefined("INIT_CWD"));
    if (folder !== Deno.cwd()) Deno.chdir(folder);
    if (command === "init") return await initCommand(rest, io);
    const run = COMMANDS[command];
    if (!run) {
      const near = nearest(command, [...Object.keys(COMMANDS), "init", "help"]);
      throw new UsageError(
        `unknown command "${command}"${near ? ` (did you mean ${near}?)` : ""}`,
      );
    }
    return await run(rest, renamed(io));
  }, io);
}

/** The subcommands' usage says `deno task X`; under this command it is `newsframe X`. */
function renamed(io: Io): Io {
  const fix = (l: string) =>
    l.replace(/deno task (analyze|charts|report|notebooks|merge)/g, "newsframe $1");
  return { log: (l) => io.log(fix(l)), error: (l) => io.error(fix(l)) };
}

function envOrUndefined(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // not granted: an installed command runs where the user is anyway
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
