import assert from "node:assert/strict";
import { reportCommand } from "../../src/cli/report.ts";
import pl from "nodejs-polars";
import {
  corpusName,
  figureContext,
  figuresTable,
  figureValue,
  readableNumber,
} from "../../src/charts/report.ts";
import { tempDir } from "../seeds.ts";

const quiet = { log: () => {}, error: (l: string) => console.error(l) };

/** Three short articles of a story nobody reported, two outlets, an `event` field with markup. */
const ARTICLES: Record<string, string> = {
  "a1.md": `---
title: Harbor bridge reopens after repairs
outlet: Coast Daily
date: 2024-03-04
event: "<b>bridge</b>"
---

The Harbor Bridge reopened on Monday after six months of repairs that cost $45 million, city officials said.

"The bridge is safe and it is open," said Maria Lopez, the city's transport director. "We finished the repairs ahead of schedule," Maria Lopez added.

Traffic on the bridge rose 12% in the first hours, according to the transport department.
`,
  "a2.md": `---
title: Bridge reopening draws complaints over tolls
outlet: Valley Post
date: 2024-03-05
event: "<b>bridge</b>"
---

Drivers complained about new tolls as the Harbor Bridge reopened on Monday after repairs.

"The tolls are too high for working families," said Tom Becker, a council member. Tom Becker said the council would vote on the tolls next month.

Maria Lopez said the tolls would pay for the repairs, which cost $45 million.
`,
  "a3.md": `---
title: Council delays vote on bridge tolls
outlet: Valley Post
date: 2024-03-12
event: tolls
---

The city council delayed a vote on the Harbor Bridge tolls on Tuesday.

"We need more time to hear from drivers," said Tom Becker, a council member. The tolls would raise about 8% of the city's transport budget, the council said.

Maria Lopez said the city would wait for the council.
`,
};

async function report(extra: string[] = []): Promise<string> {
  const dir = await tempDir();
  await Deno.mkdir(`${dir}/mine`);
  for (const [name, text] of Object.entries(ARTICLES)) {
    await Deno.writeTextFile(`${dir}/mine/${name}`, text);
  }
  const out = `${dir}/report.html`;
  assert.equal(
    await reportCommand(["--corpus", `${dir}/mine`, "--out", out, "--quiet", ...extra], quiet),
    0,
  );
  return await Deno.readTextFile(out);
}

/** The HTML of the section under `<h2>heading</h2>`, up to the next heading. */
const section = (html: string, heading: string) => {
  const at = html.indexOf(`<h2>${heading}</h2>`);
  assert.ok(at >= 0, `no section "${heading}"`);
  const next = html.indexOf("<h2>", at + 4);
  return html.slice(at, next < 0 ? undefined : next);
};
/** The rows of a section's table, each as its cells' text. */
const rows = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
    [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => c[1])
  );

const html = await report();

Deno.test("report: titled with the corpus folder's name, never its path", () => {
  assert.match(html, /<title>newsframe report: mine<\/title>/);
  assert.match(html, /<h1>newsframe report: mine<\/h1>/);
  assert.ok(!html.includes(Deno.cwd()), "no absolute path on the page");
  assert.equal(corpusName("/home/me/news/mine/"), "mine");
  assert.equal(corpusName("stories.jsonl"), "stories.jsonl");
});

Deno.test("report: --title is the page's title, escaped", async () => {
  const titled = await report(["--title", "Bridge <& tolls>"]);
  assert.match(titled, /<h1>newsframe report: Bridge &lt;&amp; tolls&gt;<\/h1>/);
});

Deno.test("report: the articles table carries the extra field, escaped", () => {
  const table = rows(section(html, "Articles"));
  assert.equal(table[0].at(-1), "event");
  assert.deepEqual(table.slice(1).map((r) => [r[0], r.at(-1)]), [
    ["a1", "&lt;b&gt;bridge&lt;/b&gt;"],
    ["a2", "&lt;b&gt;bridge&lt;/b&gt;"],
    ["a3", "tolls"],
  ]);
  assert.ok(!html.includes("<b>bridge</b>"));
});

// Counted by hand from ARTICLES: Maria Lopez is quoted twice in a1 (direct) and reported, not
// quoted, in a2 and a3; Tom Becker is quoted once in a2 and once in a3 and named three times.
Deno.test("report: who speaks, with counts and the longest quote", () => {
  assert.deepEqual(rows(section(html, "Who speaks")), [
    ["outlet", "speaker", "quotes", "articles", "example"],
    ["Coast Daily", "Maria Lopez", "2", "1", "We finished the repairs ahead of schedule"],
    ["Valley Post", "Tom Becker", "2", "2", "The tolls are too high for working families"],
  ]);
});

Deno.test("report: who is named, per outlet", () => {
  const named = rows(section(html, "Who is named")).map((r) => r.join(" | "));
  assert.ok(named.includes("Coast Daily | Maria Lopez | PERSON | 2 | 1"), named.join("\n"));
  assert.ok(named.includes("Valley Post | Tom Becker | PERSON | 3 | 2"));
  assert.ok(named.includes("Valley Post | Maria Lopez | PERSON | 2 | 2"));
});

Deno.test("report: figures per outlet and key terms in context", () => {
  assert.deepEqual(rows(section(html, "Figures per outlet")).map((r) => r.slice(0, 9)).slice(1), [
    ["Coast Daily", "a1", "money", "$45 million", "45 million", "USD", "", "costs", ""],
    ["Coast Daily", "a1", "percent", "12%", "12", "percent", "", "", ""],
    ["Valley Post", "a2", "money", "$45 million", "45 million", "USD", "", "costs", ""],
    ["Valley Post", "a3", "percent", "8%", "8", "percent", "", "", ""],
  ]);
  // The words around each figure, escaped like every cell.
  assert.deepEqual(rows(section(html, "Figures per outlet")).slice(1).map((r) => r[9]), [
    "… Monday after six months of repairs that cost $45 million, city officials said.",
    "Traffic on the bridge rose 12% in the first hours, according to the …",
    "… tolls would pay for the repairs, which cost $45 million.",
    "The tolls would raise about 8% of the city&#39;s transport budget, the council …",
  ]);
  const kwic = rows(section(html, "Key terms in context"));
  assert.deepEqual(kwic[0], ["outlet", "term", "article_id", "left", "match", "right"]);
  // "council" is Valley Post's most over-used term (6 uses against none): its first line.
  assert.ok(
    kwic.some((r) =>
      r[0] === "Valley Post" && r[1] === "council" && r[2] === "a3" && r[3] === "The city" &&
      r[4] === "council"
    ),
  );
  // Every line of a group's term comes from that group's own articles.
  assert.ok(kwic.slice(1).every((r) => (r[0] === "Coast Daily") === (r[2] === "a1")));
});

Deno.test("report: findings in words, thin evidence left out", () => {
  const findings = section(html, "Findings");
  assert.ok(findings.includes(
    "<li>Valley Post (2 articles, 105 words) quotes Tom Becker most: 2 of its 2 direct quotes " +
      "with a known speaker.</li>",
  ));
  assert.ok(findings.includes(
    "<li>Most named in Valley Post (2 articles, 105 words): Tom Becker (3 mentions in 2 of 2 " +
      "articles).</li>",
  ));
  // Three articles of 4 sentences each: no tone sentence (fewer than 10 sentences a group).
  assert.ok(!findings.includes("<h3>Tone</h3>"));
});

Deno.test("report --within: frames within each stratum shown, findings said within it", async () => {
  const within = await report(["--within", "event"]);
  const findings = section(within, "Findings");
  assert.ok(findings.includes(
    "the over-used terms, the frames and the tone are compared within each <code>event</code>",
  ));
  // Coast Daily and Valley Post share one event (the bridge): both are in framing_within.
  const table = rows(section(within, "Frames within each event"));
  assert.deepEqual(table[0], [
    "outlet",
    "lexicon",
    "frame",
    "strata",
    "words",
    "matches",
    "per_1000",
    "expected_per_1000",
    "excess_per_1000",
  ]);
  assert.deepEqual([...new Set(table.slice(1).map((r) => r[0]))], ["Coast Daily", "Valley Post"]);
  assert.ok(table.slice(1).every((r) => r[3] === "1"), "one shared event each");
  // Without --within there is no such section.
  assert.ok(!html.includes("<h2>Frames within"));
});

Deno.test("report: what cleaning took out, counted in a column a reader can name", async () => {
  const dir = await tempDir();
  await Deno.mkdir(`${dir}/caps`);
  // Two picture captions that end in their credit: removed as boilerplate (What cleaning does).
  await Deno.writeTextFile(
    `${dir}/caps/c1.md`,
    "---\noutlet: Coast Daily\n---\nThe Harbor Bridge reopened on Monday after repairs, " +
      "officials said.\n\nCommuters at the old crossing. Image: Jane Doe.\n\nTraffic rose " +
      "on the first day, the city said.\n\nThe new toll booth. Image: Jane Doe.\n",
  );
  const out = `${dir}/caps.html`;
  assert.equal(
    await reportCommand(["--corpus", `${dir}/caps`, "--out", out, "--quiet"], quiet),
    0,
  );
  assert.deepEqual(rows(section(await Deno.readTextFile(out), "What cleaning took out")), [
    ["article_id", "action", "kind", "pieces"],
    ["c1", "removed", "photo_caption", "2"],
  ]);
});

Deno.test("report: --out naming a folder is one line before any work, not a stack trace", async () => {
  const dir = await tempDir();
  await Deno.mkdir(`${dir}/results`);
  const lines: string[] = [];
  const io = { log: () => {}, error: (l: string) => lines.push(l) };
  assert.equal(
    await reportCommand(["--corpus", "seeds", "--out", `${dir}/results/`, "--quiet"], io),
    2,
  );
  assert.equal(
    lines[0].split("\n")[0],
    `error: --out ${dir}/results/: is a folder; give the page's file name (--out ${dir}/results/report.html)`,
  );
  assert.deepEqual([...Deno.readDirSync(`${dir}/results`)], [], "nothing written in it");
});

Deno.test("report: --out ending in '/' that does not exist yet is refused before any work", async () => {
  const dir = await tempDir();
  const lines: string[] = [];
  const io = { log: () => {}, error: (l: string) => lines.push(l) };
  assert.equal(
    await reportCommand(["--corpus", "seeds", "--out", `${dir}/newdir/`, "--quiet"], io),
    2,
  );
  assert.equal(
    lines[0].split("\n")[0],
    `error: --out ${dir}/newdir/: is a folder; give the page's file name (--out ${dir}/newdir/report.html)`,
  );
  // Before: the analysis ran, then the rename failed with a stack trace, leaving newdir/ empty.
  assert.equal(await Deno.stat(`${dir}/newdir`).catch(() => null), null, "no folder made");
});

Deno.test("report: --out replaces a newsframe report, never the user's own file", async () => {
  const dir = await tempDir();
  await Deno.writeTextFile(`${dir}/mynotes.txt`, "notes\n");
  await Deno.writeTextFile(`${dir}/page.html`, "<!doctype html><title>My page</title>");
  const lines: string[] = [];
  const io = { log: () => {}, error: (l: string) => lines.push(l) };
  for (const name of ["mynotes.txt", "page.html"]) {
    assert.equal(
      await reportCommand(["--corpus", "seeds", "--out", `${dir}/${name}`, "--quiet"], io),
      2,
    );
  }
  assert.deepEqual(lines.map((l) => l.split("\n")[0]), [
    `error: --out ${dir}/mynotes.txt: the file exists and is no newsframe report; give a new name (the report replaces only a page it wrote)`,
    `error: --out ${dir}/page.html: the file exists and is no newsframe report; give a new name (the report replaces only a page it wrote)`,
  ]);
  assert.equal(await Deno.readTextFile(`${dir}/mynotes.txt`), "notes\n");
  // A page the report wrote (this module's `html`) is replaced.
  await Deno.writeTextFile(`${dir}/old.html`, html);
  await Deno.writeTextFile(
    `${dir}/c.jsonl`,
    JSON.stringify({ id: "x", outlet: "Coast Daily", text: "The bridge reopened on Monday." }) +
      "\n",
  );
  assert.equal(
    await reportCommand(["--corpus", `${dir}/c.jsonl`, "--out", `${dir}/old.html`, "--quiet"], io),
    0,
  );
  assert.match(await Deno.readTextFile(`${dir}/old.html`), /<title>newsframe report: c\.jsonl</);
});

Deno.test("report: a figure says what it measures, its period, what it is per and its words", () => {
  // Offsets are the article's: the sentence r:1 starts at 100.
  const figures = pl.DataFrame({
    article_id: ["r", "r", "r", "w"],
    sentence_id: ["r:1", "r:1", "r:1", "w:0"],
    kind: ["money", "money", "money", "quantity"],
    text: ["$1.71", "$1.52", "$15.7 billion", "1.5C"],
    value: [1.71, 1.52, 15.7e9, 1.5],
    unit: ["USD", "USD", "USD", "degree_celsius"],
    per: ["share", "share", null, null],
    measure: [null, "expected", "revenue", null],
    period: ["Q3", "Q3", "Q3", null],
    start: [141, 164, 115, 38],
    end: [146, 169, 128, 42],
  });
  const sentences = pl.DataFrame({
    sentence_id: ["r:1", "w:0"],
    // "$1.71" at 41 of the sentence (141 of the article), "$1.52" at 64, "$15.7 billion" at 15.
    text: [
      "Delta reported $15.7 billion revenue and $1.71 a share, against $1.52 expected.",
      "Temperatures in the region were about 1.5C above average this autumn.",
    ],
    start: [100, 0],
  });
  const groups = pl.DataFrame({ article_id: ["r", "w"], __group: ["Reuters", "BBC News"] });
  const table = figuresTable(figures, groups, "outlet", sentences)!;
  assert.deepEqual(table.columns, [
    "outlet",
    "article_id",
    "kind",
    "text",
    "value",
    "unit",
    "per",
    "measure",
    "period",
    "context",
  ]);
  // Before: 1.520, 15700000000, degree_celsius, and neither the measure nor the sentence.
  assert.deepEqual(table.select("text", "value", "unit", "per", "measure", "period").rows(), [
    ["1.5C", "1.5", "°C", null, null, null],
    ["$1.52", "1.52", "USD", "share", "expected", "Q3"],
    ["$1.71", "1.71", "USD", "share", null, "Q3"],
    ["$15.7 billion", "15.7 billion", "USD", null, "revenue", "Q3"],
  ]);
  // About 45 characters each side, cut between words.
  assert.deepEqual(table.getColumn("context").toArray(), [
    "Temperatures in the region were about 1.5C above average this autumn.",
    "… billion revenue and $1.71 a share, against $1.52 expected.",
    "Delta reported $15.7 billion revenue and $1.71 a share, against $1.52 expected.",
    "Delta reported $15.7 billion revenue and $1.71 a share, against $1.52 …",
  ]);
});

Deno.test("report: figure values for people: scale words only where exact, thousands separated", () => {
  assert.deepEqual(
    [15.7e9, 31_600_000, 1_234_567, 60_383, 2024, 1.52, 2.8, 0.5, 1.2e12, -4.5e6, null].map(
      figureValue,
    ),
    [
      "15.7 billion",
      "31.6 million",
      "1,234,567",
      "60,383",
      "2024",
      "1.52",
      "2.8",
      "0.5",
      "1.2 trillion",
      "-4.5 million",
      "",
    ],
  );
  assert.equal(readableNumber(1.2345), "1.235");
  assert.equal(
    figureContext("one two three four five six seven eight nine ten", 24, 28, 10),
    "… four five six seven …",
  );
});
