/**
 * `deno task notebooks`: execute every notebook headless with real Jupyter (nbconvert) on the
 * Deno kernel, into `data/out/notebooks/`; `notebooks:html` exports the executed notebooks to
 * HTML; `notebooks:code` writes each notebook's code cells as one TypeScript module so that
 * `deno check` can type-check them against `src/`.
 *
 * The committed notebooks carry no outputs (clean diffs); executed copies live under data/out.
 * @module
 */

import { z } from "zod";
import { loadCorpus } from "../corpus/load.ts";
import { groupFields, missingFieldError } from "../stats/groups.ts";
import {
  CONSOLE,
  type Io,
  parseCommandLine,
  refuseSameGrouping,
  runCommand,
  UsageError,
} from "./args.ts";

const USAGE =
  `usage: deno task notebooks [--corpus PATH] [--by FIELD] [--within FIELD] [--gazetteer FILE|none]
                           [--lexicon FILE] [--out DIR] [--only NAME] [--html]
       deno task notebooks:html [--out DIR]     export executed notebooks to HTML (<out>/html)
       deno task notebooks:code                 write the code cells as .ts for deno check

  --corpus PATH      the corpus the five notebooks analyse (default: the seeds each notebook
                     names). Given, it is injected papermill-style: a cell tagged
                     injected-parameters after the cell tagged parameters sets CORPUS, GROUP,
                     WITHIN, GAZETTEER and STORY_LEXICON (each only where the notebook has it);
                     --by, --within and --lexicon also work on the notebooks' own corpus
  --by FIELD         the article field groups are compared by (GROUP; default outlet)
  --within FIELD     compare the groups inside each value of FIELD (WITHIN)
  --gazetteer FILE   exact names of the story for the entity notebook; with --corpus the
                     default is none (the seeds' list fits only the seeds)
  --lexicon FILE     a story lexicon for the framing notebook (default: none, the generic
                     frames only; the seeds' example is data/lexicons/examples/russia_china.json)
  --out DIR          where executed notebooks go (default: data/out/notebooks)
  --only NAME        run only the notebooks whose file name contains NAME
  --html             also export them to HTML in <out>/html, charts as images`;

/** The part of the .ipynb format the kit reads. */
export const NotebookSchema = z.object({
  cells: z.array(
    z.object({
      cell_type: z.enum(["code", "markdown", "raw"]),
      source: z.union([z.string(), z.array(z.string())]),
      metadata: z.record(z.string(), z.unknown()).optional(),
      outputs: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  ),
  metadata: z.record(z.string(), z.unknown()),
});

/** A notebook as read from disk. */
export type Notebook = z.output<typeof NotebookSchema>;

/** The Python that has Debian's nbformat and nbclient (a pyenv python3 earlier on PATH may not). */
export const PYTHON = "/usr/bin/python3";

/** Where executed notebooks, their HTML and the kernelspec go. */
export const NOTEBOOK_OUT = "data/out/notebooks";
/** The kit's own notebooks, wherever the command is run from. */
export const KIT_NOTEBOOKS = new URL("../../notebooks", import.meta.url).pathname;
const CODE_OUT = "data/out/notebook_code";

/** Reads and validates a notebook file. */
export async function readNotebook(path: string): Promise<Notebook> {
  const parsed = NotebookSchema.safeParse(JSON.parse(await Deno.readTextFile(path)));
  if (!parsed.success) {
    throw new UsageError(`${path}: not a notebook: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** A notebook with every field of its file (the schema keeps only what the kit reads). */
function rawNotebook(_checked: Notebook, path: string): Notebook {
  return JSON.parse(Deno.readTextFileSync(path));
}

/** The source of a cell as one string. */
export function cellSource(cell: Notebook["cells"][number]): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** The notebooks of `dir`, in name order. */
export async function listNotebooks(dir = "notebooks"): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".ipynb")) names.push(`${dir}/${e.name}`);
  }
  return names.sort();
}

/** The path of the Jupyter executable, or null when Jupyter is not installed. */
export async function findJupyter(): Promise<string | null> {
  for (const dir of (Deno.env.get("PATH") ?? "/usr/bin").split(":")) {
    try {
      const path = `${dir}/jupyter-nbconvert`;
      if ((await Deno.stat(path)).isFile) return `${dir}/jupyter`;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * Writes a project-local Deno kernelspec (the running deno binary) and returns the folder to
 * put on JUPYTER_PATH, so nothing is installed into the user's Jupyter.
 */
export async function writeKernelspec(outDir: string = NOTEBOOK_OUT): Promise<string> {
  const kernels = `${outDir}/.jupyter`;
  const dir = `${kernels}/kernels/deno`;
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/kernel.json`,
    JSON.stringify(
      {
        argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
        display_name: "Deno",
        language: "typescript",
        env: { DOTENV_CONFIG_QUIET: "true", NO_COLOR: "1" },
      },
      null,
      2,
    ),
  );
  return await Deno.realPath(kernels);
}

/** The result of executing one notebook. */
export interface NotebookRun {
  notebook: string;
  output: string;
  ok: boolean;
  /** nbconvert's error text when a cell failed. */
  error: string;
  /** How many times it was run again because a result was lost (see {@link executeNotebooks}). */
  retried: number;
}

/**
 * True for a code cell whose last statement is an expression, which the kernel answers with a
 * result (a table, a chart, markdown). The last statement starts on the last line that is not
 * indented and does not continue the one before (`)`, `}`, `.`, `?`, `:` …), as `deno fmt`
 * lays code out.
 */
export function expectsOutput(source: string): boolean {
  const lines = source.split("\n").filter((l) => l.trim() && !l.trim().startsWith("//"));
  const start = lines.findLast((l) => !/^\s/.test(l) && !/^[.)\]}?:+\-*/&|,`]/.test(l));
  if (start === undefined) return false;
  return !/^(?:const|let|var|import|export|function|class|type|interface|for|while|if|do|try|return|throw)\b|^console\./
    .test(start);
}

/** Values for a notebook's parameters (undefined: the notebook's own). */
export type NotebookParameters = Record<string, string | undefined>;

/**
 * Papermill-style injection: after the cell tagged `parameters`, a cell tagged
 * `injected-parameters` that declares again each given parameter the notebook declares (the
 * Deno kernel allows a top-level `const` to be declared again in a later cell).
 */
export function injectParameters(nb: Notebook, params: NotebookParameters): Notebook {
  const at = nb.cells.findIndex((c) =>
    (c.metadata?.tags as string[] | undefined)?.includes("parameters")
  );
  if (at < 0) return nb;
  const declared = cellSource(nb.cells[at]);
  const lines = Object.entries(params)
    .filter(([name]) => new RegExp(`^(?:const|let) ${name}\\b`, "m").test(declared))
    .map(([name, value]) =>
      value === undefined
        ? `const ${name}: string | undefined = undefined;`
        : `const ${name} = ${JSON.stringify(value)};`
    );
  if (!lines.length) return nb;
  const cell = {
    cell_type: "code" as const,
    source: `// Injected by newsframe notebooks\n${lines.join("\n")}`,
    metadata: { tags: ["injected-parameters"] },
    outputs: [],
    execution_count: null,
  };
  return { ...nb, cells: [...nb.cells.slice(0, at + 1), cell, ...nb.cells.slice(at + 1)] };
}

/** The code cells of an executed notebook that should have output but have none. */
export function cellsMissingOutput(nb: Notebook): number[] {
  return nb.cells
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.cell_type === "code" && expectsOutput(cellSource(c)) && !c.outputs?.length)
    .map(({ i }) => i);
}

/**
 * Executes notebooks with `jupyter nbconvert --execute` into `outDir` ({@link NOTEBOOK_OUT}).
 *
 * The Deno kernel can report a cell idle a moment before its last output reaches Jupyter (it
 * waits 5 ms for its output channels); on a busy machine that output is lost. A notebook with a
 * result cell left empty is therefore run again, up to `attempts` times, and the run says so.
 * `onStart` hears of each run as it starts (a notebook takes 10 to 30 s: the command says which
 * one is running rather than nothing for a minute).
 */
export async function executeNotebooks(
  _jupyter: string,
  notebooks: string[],
  outDir: string = NOTEBOOK_OUT,
  timeoutSeconds = 300,
  attempts = 5,
  params?: NotebookParameters,
  onStart?: (notebook: string, attempt: number) => void,
): Promise<NotebookRun[]> {
  await Deno.mkdir(outDir, { recursive: true });
  const jupyterPath = await writeKernelspec(outDir);
  const runs: NotebookRun[] = [];
  for (const notebook of notebooks) {
    let run: NotebookRun | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      onStart?.(notebook, attempt);
      run = await executeNotebook(jupyterPath, notebook, outDir, timeoutSeconds, params);
      run.retried = attempt - 1;
      if (!run.ok) break;
      const missing = cellsMissingOutput(await readNotebook(run.output));
      if (!missing.length) break;
      if (attempt === attempts) {
        run.ok = false;
        run.error = `cells ${missing.join(", ")} lost their output in ${attempts} runs`;
      }
    }
    runs.push(run!);
  }
  return runs;
}

async function executeNotebook(
  jupyterPath: string,
  notebook: string,
  outDir: string,
  timeoutSeconds: number,
  params?: NotebookParameters,
): Promise<NotebookRun> {
  const name = notebook.split("/").pop()!;
  const output = `${outDir}/${name}`;
  // The kernel runs in the notebook's own folder (its imports resolve through the kit's
  // deno.json); with parameters, the injected copy is what runs.
  const folder = notebook.includes("/") ? notebook.slice(0, notebook.lastIndexOf("/")) : ".";
  let source = notebook;
  if (params) {
    await Deno.writeTextFile(
      output,
      // The raw JSON, validated: the schema reads only part of the format (not nbformat).
      JSON.stringify(injectParameters(rawNotebook(await readNotebook(notebook), notebook), params)),
    );
    source = output;
  }
  // nbclient (what `jupyter nbconvert --execute` runs), with a client that waits for outputs the
  // Deno kernel sends just after it reports a cell idle: see run_notebook.py.
  const runner = new URL("./run_notebook.py", import.meta.url).pathname;
  const { code, stderr } = await new Deno.Command(PYTHON, {
    args: [runner, source, output, "deno", String(timeoutSeconds), folder],
    env: { JUPYTER_PATH: jupyterPath },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(stderr);
  return {
    notebook,
    output,
    ok: code === 0,
    retried: 0,
    error: code === 0
      ? ""
      : err.split("\n").filter((l) => l.trim() && !/unstable/.test(l)).slice(-25).join("\n"),
  };
}

/** Writes each notebook's code cells, in order, as `<CODE_OUT>/<name>.ts`; returns the paths. */
export async function writeNotebookCode(notebooks: string[]): Promise<string[]> {
  await Deno.mkdir(CODE_OUT, { recursive: true });
  const written: string[] = [];
  for (const path of notebooks) {
    const nb = await readNotebook(path);
    const code = nb.cells
      .filter((c) => c.cell_type === "code")
      .map((c, i) => `// cell ${i + 1}\n${cellSource(c)}\n`)
      .join("\n");
    const out = `${CODE_OUT}/${path.split("/").pop()!.replace(/\.ipynb$/, "")}.ts`;
    // Notebooks live in notebooks/; the extracted module sits two levels deeper, so relative
    // paths in the cells (../seeds) are what the kernel sees, not what deno check resolves.
    await Deno.writeTextFile(
      out,
      `/// <reference lib="deno.unstable" />\n// Extracted from ${path}: do not edit.\nexport {};\n${code}`,
    );
    written.push(out);
  }
  return written;
}

/**
 * Exports executed notebooks to HTML in `<outDir>/html`. Charts carry a PNG beside their SVG and
 * the export prefers it: nbconvert 6.5 (Debian's) strips inline SVG to its text.
 */
export async function exportHtml(
  jupyter: string,
  executed: string[],
  outDir: string,
): Promise<{ ok: boolean; error: string; files: string[] }> {
  const priority = [
    "application/vnd.jupyter.widget-view+json",
    "text/html",
    "text/markdown",
    "image/png",
    "image/svg+xml",
    "image/jpeg",
    "text/latex",
    "application/javascript",
    "text/plain",
  ];
  const { code, stderr } = await new Deno.Command(jupyter, {
    args: [
      "nbconvert",
      "--to",
      "html",
      `--NbConvertBase.display_data_priority=${JSON.stringify(priority)}`,
      ...executed,
      "--output-dir",
      `${outDir}/html`,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const files = executed.map((e) =>
    `${outDir}/html/${e.split("/").pop()!.replace(/\.ipynb$/, ".html")}`
  );
  return { ok: code === 0, error: new TextDecoder().decode(stderr).trim(), files };
}

/** Runs the `notebooks` command; returns the exit code. */
export function notebooksCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const [mode = "run", ...rest] = args[0]?.startsWith("-") || !args.length
      ? ["run", ...args]
      : args;
    const flags = parseCommandLine(rest, {
      only: { type: "string" },
      corpus: { type: "string" },
      by: { type: "string" },
      within: { type: "string" },
      gazetteer: { type: "string" },
      lexicon: { type: "string" },
      out: { type: "string", default: NOTEBOOK_OUT },
      html: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const outDir = flags.out!.replace(/\/+$/, "") || ".";
    const all = await listNotebooks(KIT_NOTEBOOKS);
    const notebooks = flags.only ? all.filter((n) => n.includes(flags.only!)) : all;
    if (!notebooks.length) throw new UsageError(`no notebook matches "${flags.only}"`);
    if (mode === "code") {
      for (const p of await writeNotebookCode(notebooks)) io.log(p);
      return 0;
    }
    if (mode !== "run" && mode !== "html") throw new UsageError(`unknown mode "${mode}"`);
    // The user's flags are checked before Jupyter is looked for: a misspelt field is one line.
    const params = mode === "run" ? await notebookParameters(flags) : undefined;
    const jupyter = await findJupyter();
    if (!jupyter) {
      io.error(
        "error: jupyter-nbconvert not found. Install it (Debian: apt-get install -y jupyter-nbconvert " +
          "python3-nbclient jupyter-client) and run again.",
      );
      return 1;
    }
    const executed = notebooks.map((n) => `${outDir}/${n.split("/").pop()}`);
    if (mode === "html") return await exportAndSay(jupyter, executed, outDir, io);
    // On stderr, so that stdout stays the list of results.
    const runs = await executeNotebooks(
      jupyter,
      notebooks,
      outDir,
      300,
      5,
      params,
      (nb, n) => io.error(runningLine(nb, n)),
    );
    for (const r of runs) {
      const again = r.retried ? ` (run ${r.retried + 1} times: the kernel lost an output)` : "";
      io.log(`${r.ok ? "ok    " : "FAILED"} ${r.notebook} → ${r.output}${again}`);
      if (!r.ok) io.error(r.error);
    }
    if (!runs.every((r) => r.ok)) return 1;
    return flags.html ? await exportAndSay(jupyter, executed, outDir, io) : 0;
  }, io);
}

/**
 * The progress line of a notebook run as it starts: "running 02_terms_keyness …", or, run again,
 * "running 02_terms_keyness again (run 2: the kernel lost an output) …".
 */
export function runningLine(notebook: string, attempt: number): string {
  const name = notebook.split("/").pop()!.replace(/\.ipynb$/, "");
  return attempt > 1
    ? `running ${name} again (run ${attempt}: the kernel lost an output) …`
    : `running ${name} …`;
}

/** The injected parameters: absolute paths (the kernel runs in the kit's notebooks folder). */
async function notebookParameters(flags: {
  corpus?: string;
  by?: string;
  within?: string;
  gazetteer?: string;
  lexicon?: string;
}): Promise<NotebookParameters | undefined> {
  const absolute = async (flag: string, path: string) => {
    try {
      return await Deno.realPath(path);
    } catch {
      throw new UsageError(`${flag} ${path}: no such file or folder`);
    }
  };
  const lexicon = flags.lexicon
    ? { STORY_LEXICON: await absolute("--lexicon", flags.lexicon) }
    : {};
  refuseSameGrouping(flags.by, flags.within);
  if (flags.corpus !== undefined) await absolute("--corpus", flags.corpus);
  await refuseMissingFields(flags.corpus ?? KIT_SEEDS, flags.by, flags.within);
  if (flags.corpus === undefined) {
    // The notebooks' own corpus (the seeds) keeps its own gazetteer; the grouping can change.
    if (flags.gazetteer) throw new UsageError("--gazetteer goes with --corpus");
    if (!flags.by && !flags.within && !flags.lexicon) return undefined;
    return { GROUP: flags.by ?? "outlet", WITHIN: flags.within, ...lexicon };
  }
  const gazetteer = flags.gazetteer ?? "none";
  return {
    CORPUS: await absolute("--corpus", flags.corpus),
    GROUP: flags.by ?? "outlet",
    WITHIN: flags.within,
    GAZETTEER: gazetteer === "none" ? "none" : await absolute("--gazetteer", gazetteer),
    ...lexicon,
  };
}

/** The kit's own corpus, which the notebooks read when no --corpus is given. */
const KIT_SEEDS = new URL("../../seeds", import.meta.url).pathname;

/**
 * `--by`/`--within` naming a field no article has: one line before Jupyter starts, as analyze,
 * charts and report say it (each notebook would otherwise fail on it with a trace).
 */
async function refuseMissingFields(corpus: string, by?: string, within?: string): Promise<void> {
  if (by === undefined && within === undefined) return;
  const fields = groupFields((await loadCorpus(corpus)).articles);
  for (const [flag, field] of [["--by", by], ["--within", within]] as const) {
    if (field === undefined || fields.has(field)) continue;
    throw new UsageError(`${flag}: ${missingFieldError(field, fields).message}`);
  }
}

async function exportAndSay(
  jupyter: string,
  executed: string[],
  outDir: string,
  io: Io,
): Promise<number> {
  const html = await exportHtml(jupyter, executed, outDir);
  if (!html.ok) {
    io.error(`error: HTML export failed (run the notebooks first):\n${html.error}`);
    return 1;
  }
  io.log(`wrote ${html.files.length} HTML files to ${outDir}/html`);
  return 0;
}

if (import.meta.main) Deno.exit(await notebooksCommand(Deno.args));
