/**
 * deno.run.lock: the part of deno.lock that the analysis needs — the import map's packages and
 * what they depend on, at the versions deno.lock pins. `deno task install` installs from it, so a
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
    for (const dep of [...entry.dependencies ?? [], ...entry.optionalDependencies ?? []]) {
      stack.push(resolveDep(lock, dep, byName));
    }
  }
  const specifiers = Object.fromEntries(roots.map((s) => [s, lock.specifiers[s]]));
  const npm = Object.fromEntries(Object.entries(lock.npm).filter(([key]) => keep.has(key)));
  return { ...lock, specifiers, npm };
}

/** The file text Deno writes for a lock: two-space JSON and a final newline. */
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
