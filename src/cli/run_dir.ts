/**
 * One run's output folder, written safely: everything goes into a staging folder inside `--out`
 * (`<out>/.newsframe-staging-<pid>`), and only a complete, successful run replaces the previous
 * outputs (one rename per frame, `run.json` last). A failure or a SIGINT/SIGTERM removes the
 * staging folder and leaves the previous outputs exactly as they were; a SIGKILL leaves at worst a
 * hidden staging folder that the next run removes. A lock file (`<out>/.newsframe.lock`, the
 * owner's pid, locked with the OS's file lock) keeps a second run out. A run only ever removes or replaces what the previous
 * `run.json` lists: any other file in `--out` is left alone, and a run that would overwrite one is
 * refused before it starts.
 * @module
 */

import { createHash } from "node:crypto";

/** The run manifest every output folder gets, written last. */
export const RUN_FILE = "run.json";
/** The lock file, holding the pid of the run that writes the folder. */
export const LOCK_FILE = ".newsframe.lock";
/** Left by a commit in progress: the outputs of both runs, so a killed commit is cleaned up. */
const COMMIT_FILE = ".newsframe-commit.json";
const STAGING_PREFIX = ".newsframe-staging-";
/** Inside the staging folder: the outputs a commit replaced, kept until it is done. */
const OLD = ".newsframe-old";

/** A problem with the output folder (locked, a user's file in the way): one line, exit 2. */
export class OutputError extends Error {
  override name = "OutputError";
  constructor(message: string) {
    super(`error: ${message}`);
  }
}

/** Locks held by this process, with the open lock file (a second in-process run sees them). */
const held = new Map<string, Deno.FsFile>();

/** Options of {@link OutputRun.open}. */
export interface OpenOptions {
  /** The command, e.g. "analyze". */
  command: string;
  /** The options as given (recorded in run.json). */
  options: Record<string, unknown>;
  /** The corpus read: refused when inside the output folder; hashed into run.json. */
  corpus?: string;
  /**
   * Top-level names the run may write (e.g. `tokens.parquet`, `tokens/`): any that exists and was
   * not written by a previous run stops the run before it starts.
   */
  outputs?: string[];
  /** A warning a person should see (a stale lock taken over). */
  onWarning?: (message: string) => void;
  /** Told when a signal stops the run (one line), before the process exits. */
  onInterrupt?: (message: string) => void;
  /** Install SIGINT/SIGTERM handlers (default true). */
  signals?: boolean;
}

/** What a finished run records besides what the output folder knows. */
export interface RunFacts {
  /** Rows per frame. */
  rows?: Record<string, number>;
  /** Records rejected. */
  rejections?: number;
  /** Anything else worth keeping (articles, batches…). */
  [key: string]: unknown;
}

/** A run's staging folder, lock and commit. */
export class OutputRun {
  readonly #aborts: (() => void)[] = [];
  readonly #started = new Date();
  #committing = false;
  #closed = false;
  #interrupted = false;
  #listener: (() => void) | null = null;
  #termListener: (() => void) | null = null;

  private constructor(
    /** The output folder. */
    readonly out: string,
    /** Where this run writes; moved into {@link out} on commit. */
    readonly staging: string,
    readonly lock: string,
    readonly options: OpenOptions,
  ) {}

  /**
   * Checks the output folder, takes its lock, removes stale staging folders and makes this run's
   * own. Throws {@link OutputError} when the folder is locked by a live run, holds the corpus, or
   * holds a file of the user's that the run would overwrite.
   */
  static async open(out: string, options: OpenOptions): Promise<OutputRun> {
    out = out.replace(/(.)\/+$/, "$1");
    if (options.corpus) await refuseCorpusInside(options.corpus, out);
    await Deno.mkdir(out, { recursive: true });
    const lock = `${out}/${LOCK_FILE}`;
    await takeLock(lock, out, options.onWarning);
    try {
      await removeStaleStaging(out);
      const owned = await ownedOutputs(out);
      const foreign: string[] = [];
      for (const name of [...(options.outputs ?? []), RUN_FILE]) {
        if (!owned.has(stripSlash(name)) && await exists(`${out}/${stripSlash(name)}`)) {
          foreign.push(stripSlash(name));
        }
      }
      if (foreign.length) {
        throw new OutputError(
          `${out} holds ${
            foreign.join(", ")
          }, which no newsframe run wrote there (no ${RUN_FILE} lists it); move it or choose another --out`,
        );
      }
      const staging = `${out}/${STAGING_PREFIX}${Deno.pid}`;
      await Deno.remove(staging, { recursive: true }).catch(ignoreNotFound);
      await Deno.mkdir(staging);
      const run = new OutputRun(out, staging, lock, options);
      if (options.signals !== false) run.#listen();
      return run;
    } catch (e) {
      releaseLock(lock);
      throw e;
    }
  }

  /** Calls `fn` when a signal stops the run (to stop workers before the staging folder goes). */
  onAbort(fn: () => void): void {
    this.#aborts.push(fn);
  }

  /**
   * Moves every output of the staging folder into the output folder, removes what the previous
   * run wrote and this one did not, writes `run.json` last, and releases the lock. On an error the
   * renames done so far are undone.
   */
  async commit(facts: RunFacts): Promise<string[]> {
    this.#committing = true;
    const names = await stagedOutputs(this.staging);
    const previous = await ownedOutputs(this.out);
    const mine = new Set(names.map(stripSlash));
    for (const name of mine) {
      if (!previous.has(name) && await exists(`${this.out}/${name}`)) {
        await this.discard();
        throw new OutputError(
          `${this.out} holds ${name}, which no newsframe run wrote there (no ${RUN_FILE} lists ` +
            "it); move it or choose another --out (the previous outputs are left as they were)",
        );
      }
    }
    const record = await this.#record(facts, names);
    await this.#replace(previous, mine, record);
    await Deno.remove(`${this.out}/${COMMIT_FILE}`).catch(ignoreNotFound);
    await this.#close();
    return names;
  }

  /** The run's `run.json`: what it was, what it read (hashed) and wrote, and when. */
  async #record(facts: RunFacts, names: string[]): Promise<Record<string, unknown>> {
    return {
      newsframe: RUN_FILE,
      command: this.options.command,
      options: this.options.options,
      ...await versions(),
      corpus: this.options.corpus
        ? { path: this.options.corpus, sha256: await contentHash(this.options.corpus) }
        : null,
      ...facts,
      outputs: names,
      started: this.#started.toISOString(),
      finished: new Date().toISOString(),
    };
  }

  /**
   * Moves the previous run's outputs aside (into the staging folder), this run's into place and
   * `run.json` last; on an error, undoes the renames done so far and discards the run.
   */
  async #replace(
    previous: Set<string>,
    mine: Set<string>,
    record: Record<string, unknown>,
  ): Promise<void> {
    const undo: [string, string][] = [];
    const move = async (from: string, to: string) => {
      await Deno.rename(from, to);
      undo.push([to, from]);
    };
    const old = `${this.staging}/${OLD}`;
    try {
      await Deno.mkdir(old);
      // While the renames run, a reader finds no run.json (so never takes the folder for one
      // run's complete output) and the next run finds both runs' files listed here.
      await Deno.writeTextFile(
        `${this.out}/${COMMIT_FILE}`,
        JSON.stringify({ outputs: [...new Set([...previous, ...mine])] }),
      );
      if (await exists(`${this.out}/${RUN_FILE}`)) {
        await move(`${this.out}/${RUN_FILE}`, `${old}/${RUN_FILE}`);
      }
      for (const name of previous) {
        if (name === RUN_FILE || !await exists(`${this.out}/${name}`)) continue;
        await move(`${this.out}/${name}`, `${old}/${name}`);
      }
      for (const name of mine) await move(`${this.staging}/${name}`, `${this.out}/${name}`);
      const tmp = `${this.staging}/${RUN_FILE}`;
      await Deno.writeTextFile(tmp, JSON.stringify(record, null, 2) + "\n");
      await Deno.rename(tmp, `${this.out}/${RUN_FILE}`);
    } catch (e) {
      for (const [from, to] of undo.reverse()) await Deno.rename(from, to).catch(() => {});
      await Deno.remove(`${this.out}/${COMMIT_FILE}`).catch(() => {});
      await this.discard();
      throw e;
    }
  }

  /**
   * Removes the staging folder and releases the lock; the previous outputs stay as they were.
   * After a signal it never returns: the run's own errors (a part removed under it) are not worth
   * reporting, and the signal handler ends the process.
   */
  async discard(): Promise<void> {
    if (this.#interrupted) return await new Promise<never>(() => {});
    await this.#close();
  }

  async #close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unlisten();
    await Deno.remove(this.staging, { recursive: true }).catch(ignoreNotFound);
    releaseLock(this.lock);
  }

  #listen(): void {
    const stop = (signal: "SIGINT" | "SIGTERM", code: number) => async () => {
      // A commit is a few renames: let it finish rather than leave a mix of two runs.
      if (this.#committing || this.#closed) return;
      this.#closed = this.#interrupted = true;
      for (const fn of this.#aborts) {
        try {
          fn();
        } catch { /* stopping anyway */ }
      }
      await removeSettled(this.staging);
      releaseLock(this.lock);
      this.options.onInterrupt?.(
        `interrupted by ${signal}: nothing written; the previous outputs in ${this.out} are as they were`,
      );
      Deno.exit(code);
    };
    this.#listener = stop("SIGINT", 130);
    this.#termListener = stop("SIGTERM", 143);
    Deno.addSignalListener("SIGINT", this.#listener);
    Deno.addSignalListener("SIGTERM", this.#termListener);
  }

  #unlisten(): void {
    if (this.#listener) Deno.removeSignalListener("SIGINT", this.#listener);
    if (this.#termListener) Deno.removeSignalListener("SIGTERM", this.#termListener);
    this.#listener = this.#termListener = null;
  }
}

/** The top-level outputs in a staging folder (`name/` for a folder), sorted; hidden ones left out. */
async function stagedOutputs(staging: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(staging)) {
    if (!e.name.startsWith(".")) names.push(e.isDirectory ? `${e.name}/` : e.name);
  }
  return names.sort();
}

/**
 * Removes a folder that stopped workers may still write into: a worker told to stop finishes the
 * native write it is in (a part file, milliseconds), so the folder is removed again until it
 * stays gone (at most about two seconds; a leftover is removed by the next run).
 */
async function removeSettled(dir: string): Promise<void> {
  let gone = 0;
  for (let i = 0; i < 40 && gone < 3; i++) {
    try {
      await Deno.remove(dir, { recursive: true });
      gone = 0;
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) gone++;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The top-level outputs in `out` that a newsframe run wrote: those its `run.json` lists (and,
 * after a commit that was killed, the list of both runs it left); a folder holding a run of its
 * own (`charts/` from `deno task charts`); and everything, when `out` itself is an output the
 * parent folder's `run.json` lists (`analyze --charts` wrote `<out>/charts`).
 */
export async function ownedOutputs(out: string): Promise<Set<string>> {
  const owned = new Set<string>();
  for (const file of [RUN_FILE, COMMIT_FILE]) {
    for (const name of await listedOutputs(`${out}/${file}`, file === RUN_FILE)) owned.add(name);
  }
  const cut = out.lastIndexOf("/");
  const [parent, base] = cut < 0 ? [".", out] : [out.slice(0, cut) || "/", out.slice(cut + 1)];
  const whole = (await listedOutputs(`${parent}/${RUN_FILE}`, true)).has(base);
  try {
    for await (const e of Deno.readDir(out)) {
      if (e.name.startsWith(".")) continue;
      if (whole) owned.add(e.name);
      else if (e.isDirectory && (await listedOutputs(`${out}/${e.name}/${RUN_FILE}`, true)).size) {
        owned.add(e.name);
      }
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return owned;
}

/** The outputs a run file lists (with `run.json` itself); empty when it is not a newsframe one. */
async function listedOutputs(path: string, runFile: boolean): Promise<Set<string>> {
  const names = new Set<string>();
  let data: unknown;
  try {
    data = JSON.parse(await Deno.readTextFile(path));
  } catch {
    return names;
  }
  const d = data as { newsframe?: unknown; outputs?: unknown };
  if (runFile && d.newsframe !== RUN_FILE) return names;
  if (runFile) names.add(RUN_FILE);
  if (!Array.isArray(d.outputs)) return names;
  for (const name of d.outputs) {
    // Only plain names directly in the folder: a hand-edited run.json cannot reach elsewhere.
    if (typeof name === "string" && /^[^/\\.][^/\\]*\/?$/.test(name)) names.add(stripSlash(name));
  }
  return names;
}

/**
 * Takes the folder's lock: an OS lock (flock) on the lock file, which the kernel releases when
 * the process ends however it ends, so a lock left by a killed run is never mistaken for a live
 * one. The file holds the owner's pid, for the message a second run prints.
 */
async function takeLock(lock: string, out: string, warn?: (m: string) => void): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (held.has(lock)) throw lockedError(out, String(Deno.pid));
    const file = await Deno.open(lock, { read: true, write: true, create: true });
    if (!await file.tryLock(true)) {
      // The owner writes its pid just after it takes the lock: give it a moment.
      let pid = "";
      for (let tries = 0; tries < 20 && !pid; tries++) {
        pid = (await Deno.readTextFile(lock).catch(() => "")).trim();
        if (!pid) await new Promise((r) => setTimeout(r, 25));
      }
      file.close();
      throw lockedError(out, pid || "unknown");
    }
    // The file may have been removed by the run that held it between our open and lock.
    const [mine, now] = await Promise.all([file.stat(), Deno.stat(lock).catch(() => null)]);
    if (!now || now.ino !== mine.ino) {
      file.close();
      continue;
    }
    const before = (await Deno.readTextFile(lock)).trim();
    if (before) {
      warn?.(`${lock}: the run that locked this folder (pid ${before}) is gone; taking over`);
    }
    await file.truncate(0);
    await file.write(new TextEncoder().encode(`${Deno.pid}\n`));
    held.set(lock, file);
    return;
  }
  throw lockedError(out, "unknown");
}

function lockedError(out: string, pid: string): OutputError {
  return new OutputError(
    `another newsframe run (pid ${pid}) is writing to ${out}; wait for it to finish, or choose ` +
      "another --out",
  );
}

function releaseLock(lock: string): void {
  const file = held.get(lock);
  if (!file) return;
  held.delete(lock);
  try {
    Deno.removeSync(lock);
  } catch { /* gone already */ }
  file.close();
}

/**
 * Removes staging folders of runs that are gone (killed with SIGKILL, or out of power): with the
 * lock held, no other run is writing one.
 */
async function removeStaleStaging(out: string): Promise<void> {
  const stale: string[] = [];
  for await (const e of Deno.readDir(out)) {
    if (e.name.startsWith(STAGING_PREFIX)) stale.push(e.name);
  }
  for (const name of stale) {
    await Deno.remove(`${out}/${name}`, { recursive: true }).catch(ignoreNotFound);
  }
}

async function refuseCorpusInside(corpus: string, out: string): Promise<void> {
  const real = async (p: string) => {
    try {
      return await Deno.realPath(p);
    } catch {
      return null;
    }
  };
  const c = await real(corpus);
  const o = await real(out);
  if (c && o && (c === o || c.startsWith(`${o}/`))) {
    throw new OutputError(
      `the corpus ${corpus} is inside the output folder ${out}; a run could overwrite it: ` +
        "choose another --out",
    );
  }
}

/** The kit's version (the git commit it runs from, else deno.json's version) and its pins. */
export async function versions(): Promise<
  { kit: string; dependencies: Record<string, string> }
> {
  const root = new URL("../../", import.meta.url);
  let config: { version?: string; imports?: Record<string, string> } = {};
  try {
    config = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));
  } catch { /* not run from a checkout */ }
  const dependencies: Record<string, string> = {};
  for (const spec of Object.values(config.imports ?? {})) {
    const m = /^npm:(@?[^@/]+(?:\/[^@/]+)?)@([^/]+)/.exec(spec);
    if (m) dependencies[m[1]] = m[2];
  }
  const commit = await gitCommit(root);
  return {
    kit: commit ? `git ${commit}` : config.version ?? "unknown",
    dependencies,
  };
}

/** The commit checked out at `root`, read from .git (running git would need --allow-run). */
async function gitCommit(root: URL): Promise<string | null> {
  try {
    let gitDir = new URL(".git/", root).pathname;
    const info = await Deno.stat(gitDir);
    if (info.isFile) {
      // A worktree: `.git` is a file naming the real folder.
      const text = await Deno.readTextFile(gitDir.replace(/\/$/, ""));
      gitDir = text.replace(/^gitdir:\s*/, "").trim() + "/";
    }
    const head = (await Deno.readTextFile(`${gitDir}HEAD`)).trim();
    if (!head.startsWith("ref:")) return head;
    const ref = head.slice(4).trim();
    const common = await Deno.readTextFile(`${gitDir}commondir`).then(
      (c) => new URL(c.trim() + "/", `file://${gitDir}`).pathname,
      () => gitDir,
    );
    for (const dir of [gitDir, common]) {
      const sha = await Deno.readTextFile(`${dir}${ref}`).catch(() => null);
      if (sha) return sha.trim();
    }
    const packed = await Deno.readTextFile(`${common}packed-refs`).catch(() => "");
    const line = packed.split("\n").find((l) => l.endsWith(` ${ref}`));
    return line ? line.split(" ")[0] : null;
  } catch {
    return null;
  }
}

/**
 * SHA-256 of a corpus: of the file, or of a folder's files (relative path and bytes, in name
 * order, hidden files skipped as the loader skips them).
 */
export async function contentHash(path: string): Promise<string | null> {
  const hash = createHash("sha256");
  const add = async (file: string, rel: string) => {
    hash.update(`${rel}\0`);
    using f = await Deno.open(file);
    for await (const chunk of f.readable) hash.update(chunk);
  };
  const walk = async (dir: string, rel: string) => {
    const entries: Deno.DirEntry[] = [];
    try {
      for await (const e of Deno.readDir(dir)) if (!e.name.startsWith(".")) entries.push(e);
    } catch {
      // A folder the loader could not read either (it is a rejection there).
      hash.update(`${rel}\0unreadable\0`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(p, `${rel}${e.name}/`);
      else await add(p, `${rel}${e.name}`).catch(() => hash.update("unreadable\0"));
    }
  };
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) await walk(path.replace(/\/+$/, ""), "");
    else await add(path, "");
  } catch {
    return null;
  }
  return hash.digest("hex");
}

function stripSlash(name: string): string {
  return name.endsWith("/") ? name.slice(0, -1) : name;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

function ignoreNotFound(e: unknown): void {
  if (!(e instanceof Deno.errors.NotFound)) throw e;
}
