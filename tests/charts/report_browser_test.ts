import assert from "node:assert/strict";
import { reportCommand } from "../../src/cli/report.ts";
import { tempDir } from "../seeds.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = await Deno.stat(CHROMIUM).then(() => true, () => false);
if (!hasChromium) {
  console.log(
    "SKIPPED: the report's browser test — /usr/bin/chromium is not installed (apt-get install -y chromium; .ci/run does this).",
  );
}

const quiet = { log: () => {}, error: (l: string) => console.error(l) };

interface PageState {
  rendered: number;
  chartErrors: string[];
  pwned: string | null;
  figures: { id: string; svgs: number; marks: number }[];
  title: string;
  cells: string[];
  images: number;
  errors: string[];
  dialogs: string[];
  requests: string[];
}

/** Opens a report in headless Chromium (through Node.js and playwright-core); what the page did. */
async function openReport(path: string, screenshot: string): Promise<PageState> {
  const { code, stdout, stderr } = await new Deno.Command("node", {
    args: ["tests/charts/open_report.mjs", path, screenshot, await tempDir()],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

Deno.test({
  name: "report of the seeds: every chart renders in Chromium, no console error, no network",
  ignore: !hasChromium,
  fn: async () => {
    const dir = await tempDir();
    // With the seeds' example lexicon: its heatmap and its naming chart render too.
    const lexicon = ["--lexicon", "data/lexicons/examples/russia_china.json"];
    assert.equal(await reportCommand(["--out", `${dir}/report.html`, ...lexicon], quiet), 0);
    const shot = "data/out/report-screenshot.png";
    const r = await openReport(`${dir}/report.html`, shot);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.chartErrors, []);
    assert.deepEqual(r.requests, []);
    assert.equal(r.figures.length, 13);
    assert.equal(r.rendered, 13);
    for (const f of r.figures) {
      assert.ok(
        f.svgs >= 1 && f.marks > 5,
        `${f.id} rendered marks (${f.svgs} svg, ${f.marks} marks)`,
      );
    }
    assert.ok((await Deno.stat(shot)).size > 50_000, "screenshot saved");
  },
});

Deno.test({
  name: "report of a hostile corpus: its <script> and onerror text show as text and run nothing",
  ignore: !hasChromium,
  fn: async () => {
    const dir = await tempDir();
    assert.equal(
      await reportCommand(
        ["--corpus", "tests/fixtures/hostile", "--out", `${dir}/hostile.html`],
        quiet,
      ),
      0,
    );
    const r = await openReport(`${dir}/hostile.html`, `${dir}/hostile.png`);
    assert.equal(r.pwned, null);
    assert.deepEqual(r.dialogs, []);
    assert.deepEqual(r.errors, []);
    assert.equal(r.images, 0, "no <img> element came from the text");
    assert.ok(
      r.cells.includes(`<img src=x onerror="window.__pwned='title'">`),
      "the title shows as text",
    );
    assert.ok(r.cells.includes("Hostile <b>Outlet</b>"));
    assert.ok(
      r.cells.some((c) => c.includes(`<img src=x onerror="window.__pwned = 'img'">`)),
      "the article's own text shows as text",
    );
    assert.ok(r.rendered >= 8);
  },
});
