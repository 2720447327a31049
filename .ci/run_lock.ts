/**
 * deno.run.lock: the part of deno.lock that the analysis needs — the import map's packages and
 * what they depend on, at the versions deno.lock pins, without the musl builds of native modules
 * (see {@link isMuslBuild}). `deno task install` installs from it, so a
 * fresh clone's first run fetches no test, benchmark or evaluation package (natural,
 * playwright-core, the SOTU data, compromise, the gazetteer sources: inline `npm:` imports of
 * bench/, tests/ and two src/cli scripts, kept in deno.lock only).
 *
 *   deno run --allow-read --allow-write=deno.run.lock .ci/run_lock.ts   # after deno.lock changed
 *
 * tests/install_test.ts fails when the committed deno.run.lock is not this file's output.
 * @module
 */

interface NpmEntry {
  integrity?: string;
  dependencies?: string[];
  optionalDependencies?: string[];
  [key: string]: unknown;
}

/** The parts of a deno.lock (version 5) this derivation reads. */
export interface Lock {
  version: string;
  specifiers: Record<string, string>;
  npm: Record<string, NpmEntry>;
  workspace: { dependencies: string[] };
  [key: string]: unknown;
}

/** The package name of a lock key such as `vega-embed@7.3.0_vega@6.4.0` (`vega-embed`). */
function nameOf(key: string): string {
  return key.slice(0, key.indexOf("@", 1));
}

/** The npm key a dependency entry names: `name` (the one version in the lock) or `name@version`. */
function resolveDep(lock: Lock, dep: string, byName: Map<string, string[]>): string {
  if (lock.npm[dep]) return dep;
  const keys = byName.get(dep) ?? [];
  if (keys.length !== 1) throw new Error(`deno.lock: cannot resolve dependency ${dep}`);
  return keys[0];
}

/** The npm key of a root specifier such as `npm:vega-lite@6.5.0`. */
function rootKey(lock: Lock, specifier: string): string {
  const name = nameOf(specifier.slice(4));
  const key = `${name}@${lock.specifiers[specifier]}`;
  if (!lock.npm[key]) throw new Error(`deno.lock: no package ${key} for ${specifier}`);
  return key;
}

/**
 * An optional dependency built for musl libc (`…-linux-x64-musl`). Deno 2.9 installs these on
 * every Linux (its lock has no `libc` field): nodejs-polars' and resvg's musl binaries, 120 MB
 * that a glibc system never loads. deno.run.lock leaves them out; on a musl system
 * .ci/install.ts installs from deno.lock, which has them.
 */
export function isMuslBuild(dep: string): boolean {
  const at = dep.indexOf("@", 1); // a dependency is `name` or `name@version`
  return (at < 0 ? dep : dep.slice(0, at)).endsWith("-musl");
}

/** deno.run.lock from deno.lock: the workspace (import map) packages and their closure. */
export function runLock(lock: Lock): Lock {
  const byName = new Map<string, string[]>();
  for (const key of Object.keys(lock.npm)) {
    byName.set(nameOf(key), [...(byName.get(nameOf(key)) ?? []), key]);
  }
  const roots = lock.workspace.dependencies.filter((s) => s.startsWith("npm:"));
  const keep = new Set<string>();
  const stack = roots.map((s) => rootKey(lock, s));
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (keep.has(key)) continue;
    keep.add(key);
    const entry = lock.npm[key];
    const optional = (entry.optionalDependencies ?? []).filter((d) => !isMuslBuild(d));
    for (const dep of [...entry.dependencies ?? [], ...optional]) {
      stack.push(resolveDep(lock, dep, byName));
    }
  }
  const specifiers = Object.fromEntries(roots.map((s) => [s, lock.specifiers[s]]));
  const npm = Object.fromEntries(
    Object.entries(lock.npm).filter(([key]) => keep.has(key)).map(([key, entry]) => {
      const optional = entry.optionalDependencies?.filter((d) => !isMuslBuild(d));
      return [key, optional === undefined ? entry : { ...entry, optionalDependencies: optional }];
    }),
  );
  return { ...lock, specifiers, npm };
}

/** The lock as a file: two-space JSON and a final newline (Deno reads it as it is). */
export function lockText(lock: Lock): string {
  return JSON.stringify(lock, null, 2) + "\n";
}

if (import.meta.main) {
  const root = new URL("../", import.meta.url);
  const lock = JSON.parse(await Deno.readTextFile(new URL("deno.lock", root))) as Lock;
  const run = runLock(lock);
  await Deno.writeTextFile(new URL("deno.run.lock", root), lockText(run));
  console.log(
    `deno.run.lock: ${Object.keys(run.npm).length} of deno.lock's ${
      Object.keys(lock.npm).length
    } packages`,
  );
}
