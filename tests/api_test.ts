/**
 * The public API, pinned: the names (values and types) that `src/mod.ts` and each layer's
 * `mod.ts` export, compared with `tests/fixtures/api_snapshot.json`. An export added or removed
 * without updating the snapshot fails here, so a refactor cannot change the API by accident.
 *
 * After a planned change, update the snapshot and commit it with the change:
 *
 *   deno run --allow-read --allow-write=tests/fixtures --allow-run=deno --allow-env=PATH tests/api_test.ts --update
 */
import assert from "node:assert/strict";

/** The modules whose exports are the API: the root and one per layer (`newsframe/<layer>`). */
const API_MODULES = [
  "src/mod.ts",
  "src/corpus/mod.ts",
  "src/text/mod.ts",
  "src/frames/mod.ts",
  "src/extract/mod.ts",
  "src/stats/mod.ts",
  "src/charts/mod.ts",
];
const SNAPSHOT = "tests/fixtures/api_snapshot.json";
const UPDATE =
  "deno run --allow-read --allow-write=tests/fixtures --allow-run=deno --allow-env=PATH tests/api_test.ts --update";
/** The budget of the root module (issue 19): a notebook user's verbs, not the whole house. */
const MAX_ROOT_VALUES = 60;

/** One module's exports as deno doc sees them. */
interface ModuleApi {
  /** Functions, constants and classes, sorted. */
  values: string[];
  /** Interfaces and type aliases, sorted. */
  types: string[];
}

interface DocSymbol {
  name: string;
  declarations: { kind: string; jsDoc?: { tags?: { kind: string; doc?: string }[] } }[];
}

const VALUE_KINDS = new Set(["function", "variable", "class", "enum", "namespace"]);

let nodes: Promise<Record<string, { symbols?: DocSymbol[] }>> | undefined;

/** `deno doc --json` of the API modules (run once for all the tests). */
function docNodes(): Promise<Record<string, { symbols?: DocSymbol[] }>> {
  return nodes ??= runDenoDoc();
}

async function runDenoDoc(): Promise<Record<string, { symbols?: DocSymbol[] }>> {
  // One run per module: documented together, a symbol a second module re-exports is only a
  // "reference" there, and its kind (value or type) is lost.
  const nodes = await Promise.all(API_MODULES.map(async (m) => {
    const out = await new Deno.Command("deno", { args: ["doc", "--json", m] }).output();
    if (!out.success) throw new Error(`deno doc ${m}: ${new TextDecoder().decode(out.stderr)}`);
    const json = JSON.parse(new TextDecoder().decode(out.stdout));
    return [m, Object.values(json.nodes as Record<string, { symbols?: DocSymbol[] }>)[0]] as const;
  }));
  return Object.fromEntries(nodes);
}

function apiOf(symbols: DocSymbol[]): ModuleApi {
  const isValue = (s: DocSymbol) => s.declarations.some((d) => VALUE_KINDS.has(d.kind));
  return {
    values: symbols.filter(isValue).map((s) => s.name).sort(),
    types: symbols.filter((s) => !isValue(s)).map((s) => s.name).sort(),
  };
}

async function currentApi(): Promise<Record<string, ModuleApi>> {
  const nodes = await docNodes();
  return Object.fromEntries(API_MODULES.map((m) => [m, apiOf(nodes[m]?.symbols ?? [])]));
}

if (import.meta.main && Deno.args.includes("--update")) {
  await Deno.writeTextFile(SNAPSHOT, JSON.stringify(await currentApi(), null, 2) + "\n");
  console.log(`wrote ${SNAPSHOT}`);
}

function difference(a: string[], b: string[]): string[] {
  const inB = new Set(b);
  return a.filter((x) => !inB.has(x));
}

Deno.test("the API modules export what the snapshot lists, no more and no less", async () => {
  const snapshot: Record<string, ModuleApi> = JSON.parse(await Deno.readTextFile(SNAPSHOT));
  const api = await currentApi();
  const problems: string[] = [];
  for (const m of API_MODULES) {
    const was = snapshot[m] ?? { values: [], types: [] };
    for (const kind of ["values", "types"] as const) {
      const added = difference(api[m][kind], was[kind]);
      const removed = difference(was[kind], api[m][kind]);
      if (added.length) problems.push(`${m}: ${kind} added: ${added.join(", ")}`);
      if (removed.length) problems.push(`${m}: ${kind} removed: ${removed.join(", ")}`);
    }
  }
  assert.deepEqual(
    problems,
    [],
    `the public API changed:\n  ${problems.join("\n  ")}\nIf that is planned, update ` +
      `the snapshot and commit it with the change:\n  ${UPDATE}`,
  );
});

Deno.test("newsframe itself stays a notebook user's set of verbs", async () => {
  const api = await currentApi();
  assert.ok(
    api["src/mod.ts"].values.length <= MAX_ROOT_VALUES,
    `src/mod.ts exports ${api["src/mod.ts"].values.length} values (at most ${MAX_ROOT_VALUES}): ` +
      `put deeper functions in a layer's mod.ts (newsframe/extract, newsframe/stats, …)`,
  );
});

/** A fenced ```ts block: `deno check --doc` type-checks it (an unfenced example it skips). */
function isCheckedExample(tag: { kind: string; doc?: string }): boolean {
  return tag.kind === "example" && /```ts\n/.test(tag.doc ?? "");
}

Deno.test("every value of newsframe has a type-checked example", async () => {
  const nodes = await docNodes();
  const missing = (nodes["src/mod.ts"].symbols ?? [])
    .filter((s) => s.declarations.some((d) => VALUE_KINDS.has(d.kind)))
    .filter((s) => !s.declarations.some((d) => d.jsDoc?.tags?.some(isCheckedExample)))
    .map((s) => s.name);
  assert.deepEqual(missing, [], `no @example (a \`\`\`ts block, checked by deno task check)`);
});
