/**
 * The must-show of the CLI, done exactly as a user would, in a temporary folder outside the
 * clone: the README's install command, then `newsframe analyze --corpus ./mine --out ./results`,
 * `newsframe notebooks --corpus ./mine --html` (when Jupyter is installed), and a script that
 * imports the library after `newsframe init`.
 */
import assert from "node:assert/strict";
import { installCommand, KIT_ROOT, SCRIPT_PERMISSIONS } from "../../src/cli/main.ts";
import { findJupyter } from "../../src/cli/notebooks.ts";

const hasChromium = await Deno.stat("/usr/bin/chromium").then(() => true, () => false);
const jupyter = await findJupyter();
if (!jupyter) {
  console.log(
    "SKIPPED: newsframe notebooks from a folder outside the clone — jupyter-nbconvert is not installed (.ci/run installs it).",
  );
}

/** The install line of README "Quick start", for the clone at `root` (the README says $PWD). */
async function readmeInstallLine(root: string): Promise<string> {
  const readme = await Deno.readTextFile(`${KIT_ROOT}/README.md`);
  const line = readme.split("\n").find((l) => l.startsWith("deno install -g"));
  assert.ok(line, "README has a line starting with `deno install -g`");
  return line.replaceAll("$PWD", root);
}

/** Runs `deno ARGS` in `cwd`; exit code and text. */
async function deno(args: string[], cwd: string, env: Record<string, string> = {}) {
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args,
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, stdout: text(stdout), stderr: text(stderr) };
}

/** The `deno …` arguments of the shim `deno install` wrote (what running `newsframe` runs). */
async function shimArgs(shim: string): Promise<string[]> {
  const exec = (await Deno.readTextFile(shim)).split("\n").find((l) => l.startsWith("exec deno "));
  assert.ok(exec, `${shim} runs deno`);
  return exec.slice("exec deno ".length).split(" ").filter((a) => a !== '"$@"')
    .map((a) => a.replace(/^'(.*)'$/, "$1"));
}

const ARTICLES = [
  ["harbor_times", "Harbor Times", "2025-03-04"],
  ["daily_ledger", "Daily Ledger", "2025-03-04"],
  ["metro_wire", "Metro Wire", "2025-03-05"],
];

/** A small corpus that is not the seeds: a city budget vote, three outlets. */
async function writeCorpus(dir: string) {
  await Deno.mkdir(dir, { recursive: true });
  for (const [i, [file, outlet, date]] of ARTICLES.entries()) {
    await Deno.writeTextFile(
      `${dir}/${file}.md`,
      `---\ntitle: Council passes budget\noutlet: ${outlet}\ndate: ${date}\n---\n\n` +
        `The city council approved a $${2 + i}.5 billion budget on Tuesday after a long debate. ` +
        `Mayor Jane Porter said the plan would fund schools and transit. "This budget keeps our ` +
        `promises," Porter said.\n\nCouncil member Alan Reyes voted against it, warning that ` +
        `property taxes would rise by ${3 + i} percent. Supporters said the transit money would ` +
        `cut commute times.\n`,
    );
  }
}

Deno.test({
  name: "outside the clone: README install, newsframe analyze, notebooks --html, a library script",
  // Child processes (deno, jupyter, node) hold resources the sanitizers would count.
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const tmp = await Deno.makeTempDir({ dir: "/tmp", prefix: "newsframe_outside_" });
    assert.ok(!tmp.startsWith(`${KIT_ROOT}/`), "the folder is outside the clone");
    try {
      const install = await readmeInstallLine(KIT_ROOT);
      assert.equal(install, installCommand(KIT_ROOT), "the README's line is the tested one");
      const installed = await deno(install.split(" ").slice(1), tmp, {
        DENO_INSTALL_ROOT: `${tmp}/install`,
      });
      assert.equal(installed.code, 0, installed.stderr);
      const newsframe = await shimArgs(`${tmp}/install/bin/newsframe`);
      const run = (args: string[], cwd = tmp) => deno([...newsframe, ...args], cwd);
      await writeCorpus(`${tmp}/mine`);

      await t.step("newsframe analyze --corpus ./mine --out ./results", async () => {
        const r = await run(["analyze", "--corpus", "./mine", "--out", "./results"]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /total\s+3\s+/);
        const articles = await Deno.readTextFile(`${tmp}/results/articles.csv`);
        for (const [, outlet] of ARTICLES) assert.ok(articles.includes(outlet), outlet);
        const runJson = JSON.parse(await Deno.readTextFile(`${tmp}/results/run.json`));
        assert.equal(runJson.command, "analyze");
        // Nothing of the run lands in the clone or beside the user's folder.
        const names = [...Deno.readDirSync(tmp)].map((e) => e.name).sort();
        assert.deepEqual(names, ["install", "mine", "results"]);
      });

      await t.step("a wrong command is one line with a suggestion, exit 2", async () => {
        const r = await run(["analyse", "--corpus", "./mine"]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /^error: unknown command "analyse" \(did you mean analyze\?\)/);
        assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
      });

      await t.step("newsframe init, then a script imports the library", async () => {
        await Deno.mkdir(`${tmp}/lib`);
        const init = await run(["init"], `${tmp}/lib`);
        assert.equal(init.code, 0, init.stderr);
        await Deno.writeTextFile(
          `${tmp}/lib/script.ts`,
          `import { analyzeCorpus, corpusFrames, extractCorpus, extractionFrames } from "newsframe";
import pl from "nodejs-polars";
const analysis = await analyzeCorpus("../mine");
const articles = corpusFrames(analysis).articles.sort("outlet");
console.log(JSON.stringify(articles.getColumn("outlet").toArray()));
console.log(articles.select(pl.col("n_words").sum()).getColumn("n_words").toArray()[0] > 0);
const { quotes } = extractionFrames(extractCorpus(analysis));
console.log(quotes.height);
`,
        );
        const r = await deno(["run", ...SCRIPT_PERMISSIONS.split(" "), "script.ts"], `${tmp}/lib`);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(r.stdout.trim().split("\n"), [
          JSON.stringify(["Daily Ledger", "Harbor Times", "Metro Wire"]),
          "true",
          "3",
        ]);
      });

      await t.step({
        name: "newsframe notebooks --corpus ./mine --html: five pages with their charts",
        ignore: !jupyter,
        fn: async () => {
          const r = await run(["notebooks", "--corpus", "./mine", "--html"]);
          assert.equal(r.code, 0, r.stdout + r.stderr);
          const html = `${tmp}/data/out/notebooks/html`;
          const pages = [...Deno.readDirSync(html)].map((e) => e.name).sort();
          assert.equal(pages.length, 5, pages.join(", "));
          const keyness = await Deno.readTextFile(`${html}/02_terms_keyness.html`);
          assert.ok(keyness.includes("Daily Ledger"), "the notebook ran on ./mine");
          assert.ok(keyness.includes("Injected by newsframe notebooks"));
          if (!hasChromium) {
            console.log(
              "SKIPPED: opening the notebook page in Chromium (/usr/bin/chromium missing)",
            );
            return;
          }
          const opened = await new Deno.Command("node", {
            args: [
              "tests/cli/open_notebook.mjs",
              `${html}/02_terms_keyness.html`,
              `${tmp}/02_terms_keyness.png`,
              `${tmp}/profile`,
            ],
            cwd: KIT_ROOT,
            stdout: "piped",
            stderr: "piped",
          }).output();
          assert.equal(opened.code, 0, new TextDecoder().decode(opened.stderr));
          const state = JSON.parse(
            new TextDecoder().decode(opened.stdout).trim().split("\n").at(-1)!,
          );
          // Every chart output of the executed notebook is an image on the page.
          const executed = JSON.parse(
            await Deno.readTextFile(`${tmp}/data/out/notebooks/02_terms_keyness.ipynb`),
          );
          const charts = executed.cells.flatMap((c: { outputs?: { data?: object }[] }) =>
            c.outputs ?? []
          ).filter((o: { data?: object }) => o.data && "image/png" in o.data).length;
          assert.ok(charts >= 3, `${charts} chart outputs`);
          assert.equal(state.pngs, charts, JSON.stringify(state));
        },
      });
    } finally {
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
