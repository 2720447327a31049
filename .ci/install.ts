/**
 * `deno task install`, which every task runs first: installs into node_modules what the analysis
 * needs — the import map's packages at deno.run.lock's versions — and nothing when they are all
 * there. A node_modules that holds more (after `deno task install:dev`, which installs every
 * package of deno.lock for the tests and benchmarks) is brought up to date from deno.lock instead:
 * `deno install --lock=deno.run.lock` would remove the test packages, and the next
 * `deno task test` would fetch them again.
 * @module
 */

const root = new URL("../", import.meta.url);
const modules = new URL("node_modules/.deno/", root);

interface LockFile {
  npm: Record<string, unknown>;
  workspace: { dependencies: string[] };
}

/** node_modules/.deno's folder of a lock key: `@scope/name@1.0.0_peer@2.0.0` → `@scope+name@1.0.0`. */
function folderOf(key: string): string {
  const at = key.indexOf("@", 1);
  return `${key.slice(0, at).replace("/", "+")}@${key.slice(at + 1).split("_")[0]}`;
}

function exists(url: URL): boolean {
  try {
    Deno.statSync(url);
    return true;
  } catch {
    return false;
  }
}

function installedFolders(): Set<string> {
  try {
    return new Set([...Deno.readDirSync(modules)].map((e) => e.name));
  } catch {
    return new Set();
  }
}

const lock = JSON.parse(Deno.readTextFileSync(new URL("deno.run.lock", root))) as LockFile;
const installed = installedFolders();
const wanted = new Set(Object.keys(lock.npm).map(folderOf));
// The import map's packages are also linked at node_modules/<name>.
const linked = lock.workspace.dependencies.map((s) => s.slice(4, s.indexOf("@", 5)));
// A package just added to the import map is not in deno.run.lock yet: `deno install` resolves it.
const imports = JSON.parse(Deno.readTextFileSync(new URL("deno.json", root))).imports as Record<
  string,
  string
>;
const locked = new Set(lock.workspace.dependencies);
const mapped = Object.values(imports).filter((t) => t.startsWith("npm:"))
  .map((t) => t.replace(/^(npm:@?[^@/]+(?:\/[^@/]+)?@[^/]+).*$/, "$1"));
const complete = mapped.every((s) => locked.has(s)) &&
  [...wanted].every((f) => installed.has(f)) &&
  linked.every((name) => exists(new URL(`node_modules/${name}`, root)));
if (!complete) {
  const extra = [...installed].some((f) =>
    !f.startsWith(".") && f !== "node_modules" && !wanted.has(f)
  );
  // deno.run.lock leaves out the musl builds of native modules (.ci/run_lock.ts): a Deno built
  // for musl libc installs from deno.lock, which has them.
  const musl = Deno.build.os === "linux" && Deno.build.env !== "gnu";
  const args = ["install", "--quiet", ...(extra || musl ? [] : ["--lock=deno.run.lock"])];
  const { code } = await new Deno.Command("deno", { args, cwd: root }).spawn().status;
  Deno.exit(code);
}
