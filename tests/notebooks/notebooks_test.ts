import assert from "node:assert/strict";
import {
  cellSource,
  executeNotebooks,
  expectsOutput,
  findJupyter,
  listNotebooks,
  type Notebook,
  type NotebookRun,
  readNotebook,
} from "../../src/cli/notebooks.ts";
import { tempDir } from "../seeds.ts";

const notebooks = await listNotebooks();
const jupyter = await findJupyter();
if (!jupyter) {
  console.log(
    "SKIPPED: executing the notebooks — jupyter-nbconvert is not installed " +
      "(apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client; .ci/run does this).",
  );
}

let runs: Promise<NotebookRun[]> | undefined;
const executed = async (name: string): Promise<Notebook> => {
  // A folder of its own: a second test run at the same time must not overwrite these files.
  runs ??= tempDir().then((dir) => executeNotebooks(jupyter!, notebooks, dir));
  const run = (await runs).find((r) => r.notebook.endsWith(name))!;
  assert.ok(run.ok, `${name} failed:\n${run.error}`);
  return await readNotebook(run.output);
};

type Output = Record<string, unknown> & {
  data?: Record<string, unknown>;
  text?: string | string[];
};
const outputs = (nb: Notebook): Output[][] =>
  nb.cells.filter((c) => c.cell_type === "code").map((c) => (c.outputs ?? []) as Output[]);
const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v ?? ""));
const markdownOutputs = (nb: Notebook) =>
  outputs(nb).flat().map((o) => text(o.data?.["text/markdown"])).filter(Boolean).join("\n");

Deno.test("notebooks are committed without outputs, open with their question and take a CORPUS parameter", async () => {
  assert.ok(notebooks.length >= 1);
  for (const path of notebooks) {
    const nb = await readNotebook(path);
    assert.equal(nb.cells[0].cell_type, "markdown", path);
    assert.match(cellSource(nb.cells[0]), /\*\*Question\.\*\*/, path);
    const params = nb.cells.find((c) =>
      (c.metadata?.tags as string[] | undefined)?.includes("parameters")
    );
    assert.ok(
      params && /const CORPUS = /.test(cellSource(params)),
      `${path} has a parameters cell`,
    );
    for (const cell of nb.cells) {
      if (cell.cell_type === "code") {
        assert.deepEqual(cell.outputs, [], `${path}: outputs are not committed`);
      }
    }
  }
});

Deno.test({
  name: "01 corpus: executed by Jupyter, frames display as HTML tables, the conclusion is computed",
  ignore: !jupyter,
  fn: async () => {
    const nb = await executed("01_corpus.ipynb");
    const all = outputs(nb).flat();
    assert.ok(all.every((o) => o.output_type !== "error"));
    const tables = all.filter((o) => text(o.data?.["text/html"]).includes("<table"));
    assert.ok(tables.length >= 5, `${tables.length} HTML tables`);
    assert.ok(text(tables[0].data!["text/html"]).includes("002_ade13a7782b6fbaf"));
    const md = markdownOutputs(nb);
    assert.match(
      md,
      /\*\*5 articles\*\* from 3 outlet labels \(Global News, Reuters, unknown\), \*\*2225 words\*\*/,
    );
    assert.match(
      md,
      /\*\*11 boilerplate paragraphs\*\*; the most from \*\*002_ade13a7782b6fbaf\*\* \(9\)/,
    );
  },
});

Deno.test("a cell ending in an expression expects output; declarations and statements do not", () => {
  assert.equal(expectsOutput("const a = 1;\nframes.cleaning"), true);
  assert.equal(expectsOutput('x ? y\n  : z.select("a")'), true);
  assert.equal(expectsOutput("await Deno.jupyter.md`# hi`"), true);
  assert.equal(expectsOutput("console.log(1);"), false);
  assert.equal(expectsOutput('import pl from "nodejs-polars";\nconst x = 2'), false);
  assert.equal(expectsOutput("for (const x of y) {\n  f(x);\n}"), false);
  assert.equal(expectsOutput("// only a comment"), false);
});
