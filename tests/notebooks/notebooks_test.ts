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
  // 04 with the seeds' example story lexicon, passed as a user passes one (--lexicon): its
  // naming chart and heatmap need it; the notebook itself loads none.
  const params = { STORY_LEXICON: await Deno.realPath("data/lexicons/examples/russia_china.json") };
  runs ??= tempDir().then((dir) => executeNotebooks(jupyter!, notebooks, dir, 300, 5, params));
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
    // What was removed is named by kind (the cleaning frame: 002 has 3 video captions, their 3
    // title lines and 3 ad markers, 004 a repeated headline and a tag list), not assumed.
    assert.match(
      md,
      /\*\*11 paragraphs\*\* \(ad marker 3, video caption 3, video caption title 3, duplicate headline 1, tags 1\); the most from \*\*002_ade13a7782b6fbaf\*\* \(9\)/,
    );
  },
});

const tables = (nb: Notebook) =>
  outputs(nb).flat().filter((o) => text(o.data?.["text/html"]).includes("<table")).length;
const charts = (nb: Notebook, mime: string) =>
  outputs(nb).flat().filter((o) => o.data && mime in o.data).length;
/** The Vega-Lite specs a notebook displayed, as JSON text. */
const vegaLite = (nb: Notebook) =>
  outputs(nb).flat().map((o) => o.data?.["application/vnd.vegalite.v5+json"]).filter(Boolean)
    .map((spec) => JSON.stringify(spec));
const errors = (nb: Notebook) => outputs(nb).flat().filter((o) => o.output_type === "error").length;

Deno.test({
  name: "02 terms and keyness: tables, charts, and the 2023 story standing apart on its own words",
  ignore: !jupyter,
  fn: async () => {
    const nb = await executed("02_terms_keyness.ipynb");
    assert.equal(errors(nb), 0);
    assert.ok(tables(nb) >= 4);
    const md = markdownOutputs(nb);
    assert.equal(charts(nb, "application/vnd.vegalite.v5+json"), 3, "top terms, keyness, scatter");
    // Each chart says what it rests on, as in the report: the groups' articles and words.
    for (const spec of vegaLite(nb)) {
      assert.match(spec, /n: Global News 1 article, 585 words; Reuters 3 articles, 1,278 words/);
    }
    assert.match(md, /- 3 groups by \*\*outlet\*\*\./);
    assert.match(md, /- 0 over-used terms of 1,351 pass q &lt; 0.05 with articles as the unit/);
    // The kit's findings, as the report states them (counts checked in report_findings_test).
    assert.match(
      md,
      /- Global News \(1 article, 585 words\) over-uses most: “held talks” \(3 against 0, z 1\.5\)/,
    );
    assert.match(
      md,
      /The article with the most words of its own is \*\*002_ade13a7782b6fbaf\*\*: \*\*158 words\*\* no other article uses/,
    );
  },
});

Deno.test({
  name: "03 entities, figures and quotes: direct quotes by speaker and the one money figure",
  ignore: !jupyter,
  fn: async () => {
    const nb = await executed("03_entities_figures_quotes.ipynb");
    assert.equal(errors(nb), 0);
    assert.ok(tables(nb) >= 7);
    assert.equal(
      charts(nb, "application/vnd.vegalite.v5+json"),
      4,
      "entities, figures, speakers, types",
    );
    for (const spec of vegaLite(nb)) assert.match(spec, /"n: [^"]*\d+ words/);
    const md = markdownOutputs(nb);
    assert.match(
      md,
      /\*\*11 direct quotes\*\*, by speaker: Mikhail Mishustin \(3\), Li Qiang \(2\), Steve Tsang \(2\)/,
    );
    assert.match(md, /1 money figure\(s\): \$240 billion in 004_729f31e9fbf3083c/);
    assert.match(md, /People named in one article only: .*Steve Tsang/);
    assert.match(
      md,
      /- Global News \(1 article, 585 words\) quotes Mikhail Mishustin most: 3 of its 6 direct quotes/,
    );
  },
});

Deno.test({
  name: "04 framing: the names for the war per article",
  ignore: !jupyter,
  fn: async () => {
    const nb = await executed("04_framing.ipynb");
    assert.equal(errors(nb), 0);
    assert.equal(
      charts(nb, "application/vnd.vegalite.v5+json"),
      4,
      "war names, the story's heatmap, the Media Frames heatmap, sentiment",
    );
    const warChart = outputs(nb).flat().find((o) =>
      JSON.stringify(o.data?.["application/vnd.vegalite.v5+json"] ?? "").includes(
        "Which phrases each article uses: war naming",
      )
    );
    assert.match(JSON.stringify(warChart?.data), /special military operation/);
    const md = markdownOutputs(nb);
    assert.match(md, /\*\*002_ade13a7782b6fbaf\*\*, war_naming: .*special military operation/);
    assert.match(md, /\*\*004_729f31e9fbf3083c\*\*, war_naming: full-scale invasion/);
    assert.match(
      md,
      /Tone \(mean VADER sentence score, −1 to \+1\): highest in Global News \+0\.25 \(19 sentences/,
    );
  },
});

Deno.test({
  name: "05 reuse: 001 rewrites 000, 002 stands apart",
  ignore: !jupyter,
  fn: async () => {
    const nb = await executed("05_reuse_coverage.ipynb");
    assert.equal(errors(nb), 0);
    assert.equal(charts(nb, "application/vnd.vegalite.v5+json"), 1, "similarity heatmap");
    assert.match(
      vegaLite(nb)[0],
      /by article · each article \(row\) against each other \(column\)/,
    );
    assert.ok(
      charts(nb, "image/svg+xml") >= 2,
      "the alignment view (Plot, SVG) and the heatmap's fallback",
    );
    assert.ok(tables(nb) >= 4);
    const md = markdownOutputs(nb);
    // The kit's finding, with what its direction rests on (both dated 4 November).
    assert.match(
      md,
      /- 001_0befff5196dada6f \(unknown\) most likely rewrites 000_56b2ab6aca23b9fa \(Reuters\): 50% of its sentences \(8\) are found there \(both are dated 2025-11-04, so the direction rests only on which of the two covers more of the other\)\./,
    );
    assert.match(md, /\*\*002_ade13a7782b6fbaf\*\* is the least similar to the others/);
    assert.match(md, /- 2 of these 2 rewrites cross outlet lines\./);
  },
});

Deno.test("04 loads no story lexicon unless given one; GROUP reaches 01, 03, 04 and 05, WITHIN 02 and 04", async () => {
  const params = async (name: string) => {
    const nb = await readNotebook(notebooks.find((n) => n.includes(name))!);
    return cellSource(
      nb.cells.find((c) => (c.metadata?.tags as string[] | undefined)?.includes("parameters"))!,
    );
  };
  assert.match(
    await params("04_framing.ipynb"),
    /^const STORY_LEXICON: string \| undefined = undefined;$/m,
  );
  for (const name of ["01_corpus", "02_terms_keyness", "03_entities", "04_framing", "05_reuse"]) {
    assert.match(await params(name), /^const GROUP = "outlet";$/m, name);
  }
  for (const name of ["02_terms_keyness", "04_framing"]) {
    assert.match(await params(name), /^const WITHIN: string \| undefined = undefined;$/m, name);
  }
});

Deno.test("a cell ending in an expression expects output; declarations and statements do not", () => {
  assert.equal(expectsOutput("const a = 1;\nframes.cleaning;"), true);
  assert.equal(expectsOutput('x\n  ? y\n  : z.select("a");'), true);
  assert.equal(expectsOutput('df.pivot("len", {\n  index: "a",\n}).fillNull(0);'), true);
  assert.equal(expectsOutput("await Deno.jupyter.md`# hi\n- **${n}** rows`;"), true);
  assert.equal(expectsOutput("console.log(1);"), false);
  assert.equal(expectsOutput('import pl from "nodejs-polars";\nconst x = 2;'), false);
  assert.equal(expectsOutput("const x = f(\n  a,\n);"), false);
  assert.equal(expectsOutput("for (const x of y) {\n  f(x);\n}"), false);
  assert.equal(expectsOutput("// only a comment"), false);
});

Deno.test({
  name: "05 on articles that share no wording: no similarity rows, and the notebook says so",
  ignore: !jupyter,
  fn: async () => {
    const dir = await tempDir();
    const corpus = `${dir}/unrelated.jsonl`;
    const record = (id: string, outlet: string, text: string) =>
      JSON.stringify({ id, outlet, title: id, text });
    await Deno.writeTextFile(
      corpus,
      [
        record("a", "One", "The council approved a new budget for the harbour on Monday."),
        record("b", "Two", "Scientists measured rainfall across three valleys during spring."),
      ].join("\n") + "\n",
    );
    const reuse = notebooks.filter((n) => n.endsWith("05_reuse_coverage.ipynb"));
    const [run] = await executeNotebooks(jupyter!, reuse, `${dir}/nb`, 300, 2, {
      CORPUS: await Deno.realPath(corpus),
    });
    assert.ok(run.ok, run.error);
    const md = markdownOutputs(await readNotebook(run.output));
    assert.match(md, /No two articles share enough wording to be compared/);
    assert.match(md, /No article is mostly found in another/);
  },
});

Deno.test({
  name: "04 counts frames as analyze does: a word inside a person's name is no frame",
  ignore: !jupyter,
  fn: async () => {
    const dir = await tempDir();
    await Deno.mkdir(`${dir}/law`);
    // "Law" six times, each inside the name of the activist Nathan Law: `analyze` (and so the
    // report) finds no frame here; the notebook used to find six legal ones and lead with them.
    await Deno.writeTextFile(
      `${dir}/law/law.md`,
      "---\noutlet: Harbor Times\n---\nActivist Nathan Law speaks in London\n\nNathan Law, a " +
        'Hong Kong activist, spoke to students in London on Monday.\n\n"We will keep speaking," ' +
        "Nathan Law said. Students cheered as Nathan Law left the hall.\n\nNathan Law thanked " +
        "the organisers.\n",
    );
    const framing = notebooks.filter((n) => n.endsWith("04_framing.ipynb"));
    const [run] = await executeNotebooks(jupyter!, framing, `${dir}/nb`, 300, 2, {
      CORPUS: await Deno.realPath(`${dir}/law`),
    });
    assert.ok(run.ok, run.error);
    const nb = await readNotebook(run.output);
    const md = markdownOutputs(nb);
    assert.doesNotMatch(md, /Legality/);
    assert.match(md, /Nothing to say: no frame matched three times/);
  },
});
