/**
 * The layers of src/, enforced: data flows load → clean → segment → extract → measure → chart, and
 * a module imports only from its own layer or from layers below it. Lowest first:
 *
 *   base     polars column and file helpers, string helpers: no domain types (every layer uses them)
 *   corpus   load and clean (articles, schemas, cleaning rules)
 *   text     segment (sentences, tokens)
 *   frames   the segmented corpus as frames (articles, sentences, tokens, cleaning)
 *   extract  entities, figures, quotes
 *   model    src/analysis.ts: Analysis (segments and extraction) and its constructor, the type
 *            every stage passes on; above extract because it is made of extract's records
 *   stats    measure (terms, keyness, framing, tone, readability, reuse)
 *   charts   charts, rendering, the report
 *   run      the drivers: src/pipeline.ts, src/stages.ts, src/batch/ (they may know the charts),
 *            and every stage file (`stage.ts`, `*_stage.ts`): it wires its folder's code into them
 *   cli      commands, and src/mod.ts, which re-exports every layer
 *
 * Each layer's own `mod.ts` belongs to its layer. A file named with a leading underscore is private
 * to its folder, as in Deno's standard library: only files of that folder (and below) import it,
 * and no API module (`src/mod.ts`, a layer's `mod.ts`) re-exports it. The test also refuses import cycles between files.
 * Known violations are listed in ALLOWED and ALLOWED_CYCLES with the reason; remove an entry when its cause is fixed
 * (the test fails on an entry that no longer matches, so the list cannot go stale).
 */
import assert from "node:assert/strict";

const LAYERS = [
  "base",
  "corpus",
  "text",
  "frames",
  "extract",
  "model",
  "stats",
  "charts",
  "run",
  "cli",
] as const;
type Layer = typeof LAYERS[number];

/** Files whose layer is not their folder's (paths under src/). */
const FILE_LAYERS: Record<string, Layer> = {
  "frames/columns.ts": "base",
  "frames/write.ts": "base",
  "frames/partitions.ts": "base",
  "frames/top.ts": "base",
  "text/nearest.ts": "base",
  "text/escape.ts": "base",
  "analysis.ts": "model",
  "pipeline.ts": "run",
  "stages.ts": "run",
  "frame_stage.ts": "run",
  "stage_helper.ts": "run",
  "stages_worker.ts": "run",
  "mod.ts": "cli",
  // A run report (the summary a run prints and writes), not segmentation: it lives in text/ only
  // because it was moved there to dodge an import; by what it is and who imports it, it is run.
  // Move it to the run layer's folder when nobody is editing it (issue 19).
  "text/summary.ts": "run",
};

/** Folders (first path part under src/) and their layer. */
const FOLDER_LAYERS: Record<string, Layer> = {
  corpus: "corpus",
  text: "text",
  frames: "frames",
  extract: "extract",
  stats: "stats",
  charts: "charts",
  batch: "run",
  cli: "cli",
  model: "model",
};

/**
 * Imports that break the layering today, each with why and who removes it. `from -> to`, paths
 * under src/.
 */
const ALLOWED: Record<string, string> = {
  "extract/quotes/score.ts -> pipeline.ts":
    "the quotes evaluation runs the pipeline on gold texts: an evaluation tool (cli/bench layer) kept beside the extractor",
};

/** Import cycles that exist today (files of one cycle, sorted, joined by " <-> "), with why. */
const ALLOWED_CYCLES: Record<string, string> = {
  "extract/quotes/pronouns.ts <-> extract/quotes/speakers.ts":
    "pronoun resolution asks for the mentions before a quote, and speakers ask pronouns to resolve: shared mention lookup belongs in its own file (quotes helper, issue 19 item 4)",
  "stats/keyness.ts <-> stats/stratified.ts":
    "keyness calls the stratified document comparison, which uses keyness's measures: the measures belong in their own file",
};

function layerOf(path: string): Layer {
  const own = FILE_LAYERS[path];
  if (own) return own;
  // A stage declaration beside its code (stats/terms_stage.ts) belongs to the drivers that run it.
  if (/(^|\/|_)stage\.ts$/.test(path)) return "run";
  // A private helper at the top of src/ (as src/_buffers.ts) serves every layer.
  if (/^_[^/]*\.ts$/.test(path)) return "base";
  const folder = path.split("/")[0];
  const layer = FOLDER_LAYERS[folder];
  if (!layer) {
    throw new Error(`src/${path}: no layer for it (add its folder or file to the tables)`);
  }
  return layer;
}

/** Every .ts file under src/, as paths relative to src/. */
function sourceFiles(dir = "src", prefix = ""): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(dir)) {
    if (e.isDirectory) out.push(...sourceFiles(`${dir}/${e.name}`, `${prefix}${e.name}/`));
    else if (e.name.endsWith(".ts")) out.push(prefix + e.name);
  }
  return out.sort();
}

// Top-level statements start at column 0, so a JSDoc example (" * import …") is not an import.
const STATIC = /^(?:import|export)\s[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gm;
const DYNAMIC = /\bimport\(\s*"([^"]+)"\s*\)|new URL\(\s*"(\.[^"]+\.ts)",\s*import\.meta\.url/g;

/** The src/ files that `path` imports (relative or "newsframe…" specifiers; npm packages left out). */
export function importsOf(path: string, text: string): string[] {
  const code = text.split("\n").filter((l) => !/^\s*(\*|\/\/)/.test(l)).join("\n");
  const specifiers = [
    ...[...code.matchAll(STATIC)].map((m) => m[1] ?? m[2]),
    ...[...code.matchAll(DYNAMIC)].map((m) => m[1] ?? m[2]),
  ];
  const out = new Set<string>();
  for (const s of specifiers) {
    let target: string | undefined;
    if (s.startsWith(".")) target = new URL(s, `file:///src/${path}`).pathname;
    else if (s === "newsframe") target = "/src/mod.ts";
    else if (s.startsWith("newsframe/")) {
      const rest = s.slice("newsframe/".length);
      target = rest.endsWith(".ts") ? `/src/${rest}` : `/src/${rest}/mod.ts`;
    }
    if (target?.startsWith("/src/") && target.endsWith(".ts")) out.add(target.slice(5));
  }
  return [...out].sort();
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of sourceFiles()) graph.set(f, importsOf(f, Deno.readTextFileSync(`src/${f}`)));
  return graph;
}

Deno.test("the import scanner reads static, type, re-export and dynamic imports, not examples", () => {
  const text = [
    "/**",
    " * @example",
    ' * import { analyzeCorpus } from "newsframe";',
    " */",
    'import pl from "nodejs-polars";',
    'import type { Chart } from "./chart.ts";',
    "import {",
    "  a,",
    "  b,",
    '} from "../stats/keyness.ts";',
    'export { c } from "./caption.ts";',
    'const m = await import("../extract/mod.ts");',
    'const w = new Worker(new URL("../batch/worker.ts", import.meta.url).href);',
    'import { x } from "newsframe/frames";',
  ].join("\n");
  assert.deepEqual(importsOf("charts/terms.ts", text), [
    "batch/worker.ts",
    "charts/caption.ts",
    "charts/chart.ts",
    "extract/mod.ts",
    "frames/mod.ts",
    "stats/keyness.ts",
  ]);
  // And on the real tree: a known edge is seen.
  assert.ok(importGraph().get("charts/chart.ts")?.includes("charts/render.ts"));
});

Deno.test("no module imports from a layer above its own, but for the listed exceptions", () => {
  const rank = (p: string) => LAYERS.indexOf(layerOf(p));
  const violations: string[] = [];
  for (const [from, targets] of importGraph()) {
    for (const to of targets) {
      if (rank(to) > rank(from)) violations.push(`${from} -> ${to}`);
    }
  }
  const unexpected = violations.filter((v) => !(v in ALLOWED));
  assert.deepEqual(
    unexpected.map((v) => {
      const [from, to] = v.split(" -> ");
      return `${v} (${layerOf(from)} imports ${layerOf(to)})`;
    }),
    [],
    `a lower layer imports a higher one (order: ${LAYERS.join(" < ")}); move the shared code ` +
      `down, or pass it in as an argument. To accept one for now, add it to ALLOWED with why:\n` +
      unexpected.map((v) => `  "${v}": "…",`).join("\n"),
  );
  const stale = Object.keys(ALLOWED).filter((v) => !violations.includes(v));
  assert.deepEqual(stale, [], "fixed: remove these from ALLOWED in tests/layering_test.ts");
});

Deno.test("no two files import each other, directly or through others", () => {
  const graph = importGraph();
  // Tarjan's strongly connected components: any component of more than one file is a cycle.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  const found = cycles.map((c) => c.join(" <-> "));
  assert.deepEqual(
    found.filter((c) => !(c in ALLOWED_CYCLES)),
    [],
    "import cycles (the files of each import one another round): move what they share to a file both import",
  );
  const stale = Object.keys(ALLOWED_CYCLES).filter((c) => !found.includes(c));
  assert.deepEqual(stale, [], "fixed: remove these from ALLOWED_CYCLES in tests/layering_test.ts");
});

Deno.test("a private file (leading underscore) is imported only from its own folder, never by an API module", () => {
  const misuse: string[] = [];
  for (const [from, targets] of importGraph()) {
    for (const to of targets) {
      const name = to.slice(to.lastIndexOf("/") + 1);
      if (!name.startsWith("_")) continue;
      const folder = to.slice(0, to.lastIndexOf("/") + 1);
      // The API modules (newsframe and newsframe/<layer>) re-export; a private file is not API.
      const isApi = from === "mod.ts" || /^[^/]+\/mod\.ts$/.test(from);
      if (isApi || !from.startsWith(folder)) misuse.push(`${from} -> ${to}`);
    }
  }
  assert.deepEqual(misuse, [], "private files imported from outside their folder or re-exported");
});

Deno.test("every file of src/ has a layer", () => {
  for (const f of sourceFiles()) assert.ok(LAYERS.includes(layerOf(f)), f);
});
