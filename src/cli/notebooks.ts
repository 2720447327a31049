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
import { CONSOLE, type Io, parseCommandLine, runCommand, UsageError } from "./args.ts";

const USAGE =
  `usage: deno task notebooks [--only NAME]      execute notebooks/*.ipynb into data/out/notebooks
       deno task notebooks:html                 export the executed notebooks to HTML
       deno task notebooks:code                 write the code cells as .ts for deno check`;

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
const KERNELS = "data/out/jupyter";
const CODE_OUT = "data/out/notebook_code";

/** Reads and validates a notebook file. */
export async function readNotebook(path: string): Promise<Notebook> {
  const parsed = NotebookSchema.safeParse(JSON.parse(await Deno.readTextFile(path)));
  if (!parsed.success) {
    throw new UsageError(`${path}: not a notebook: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
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
export async function writeKernelspec(): Promise<string> {
  const dir = `${KERNELS}/kernels/deno`;
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
  return await Deno.realPath(KERNELS);
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
 */
export async function executeNotebooks(
  jupyter: string,
  notebooks: string[],
  outDir: string = NOTEBOOK_OUT,
  timeoutSeconds = 300,
  attempts = 5,
): Promise<NotebookRun[]> {
  const jupyterPath = await writeKernelspec();
  await Deno.mkdir(outDir, { recursive: true });
  const runs: NotebookRun[] = [];
  for (const notebook of notebooks) {
    let run: NotebookRun | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      run = await executeNotebook(jupyter, jupyterPath, notebook, outDir, timeoutSeconds);
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
  _jupyter: string,
  jupyterPath: string,
  notebook: string,
  outDir: string,
  timeoutSeconds: number,
): Promise<NotebookRun> {
  const name = notebook.split("/").pop()!;
  const output = `${outDir}/${name}`;
  // nbclient (what `jupyter nbconvert --execute` runs), with a client that waits for outputs the
  // Deno kernel sends just after it reports a cell idle: see run_notebook.py.
  const runner = new URL("./run_notebook.py", import.meta.url).pathname;
  const { code, stderr } = await new Deno.Command(PYTHON, {
    args: [runner, notebook, output, "deno", String(timeoutSeconds)],
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

/** Runs the `notebooks` command; returns the exit code. */
export function notebooksCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const [mode = "run", ...rest] = args[0]?.startsWith("--") || !args.length
      ? ["run", ...args]
      : args;
    const flags = parseCommandLine(rest, {
      only: { type: "string" },
      help: { type: "boolean", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const all = await listNotebooks();
    const notebooks = flags.only ? all.filter((n) => n.includes(flags.only!)) : all;
    if (!notebooks.length) throw new UsageError(`no notebook matches "${flags.only}"`);
    if (mode === "code") {
      for (const p of await writeNotebookCode(notebooks)) io.log(p);
      return 0;
    }
    const jupyter = await findJupyter();
    if (!jupyter) {
      io.error(
        "error: jupyter-nbconvert not found. Install it (Debian: apt-get install -y jupyter-nbconvert " +
          "python3-nbclient jupyter-client) and run again.",
      );
      return 1;
    }
    if (mode === "html") {
      const executed = notebooks.map((n) => `${NOTEBOOK_OUT}/${n.split("/").pop()}`);
      const { code, stderr } = await new Deno.Command(jupyter, {
        args: ["nbconvert", "--to", "html", ...executed, "--output-dir", `${NOTEBOOK_OUT}/html`],
        stdout: "piped",
        stderr: "piped",
      }).output();
      if (code !== 0) {
        io.error(
          `error: HTML export failed (run 'deno task notebooks' first):\n${
            new TextDecoder().decode(stderr).trim()
          }`,
        );
        return 1;
      }
      io.log(`wrote ${executed.length} HTML files to ${NOTEBOOK_OUT}/html`);
      return 0;
    }
    if (mode !== "run") throw new UsageError(`unknown mode "${mode}"`);
    const runs = await executeNotebooks(jupyter, notebooks);
    for (const r of runs) {
      const again = r.retried ? ` (run ${r.retried + 1} times: the kernel lost an output)` : "";
      io.log(`${r.ok ? "ok    " : "FAILED"} ${r.notebook} → ${r.output}${again}`);
      if (!r.ok) io.error(r.error);
    }
    return runs.every((r) => r.ok) ? 0 : 1;
  }, io);
}

if (import.meta.main) Deno.exit(await notebooksCommand(Deno.args));
