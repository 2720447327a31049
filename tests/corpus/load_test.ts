import assert from "node:assert/strict";
import { loadCorpus } from "../../src/corpus/load.ts";
import { CorpusError, formatIssue } from "../../src/corpus/issues.ts";
import { rejectionsCsv } from "../../src/corpus/rejections.ts";
import { tempDir } from "../seeds.ts";

const enc = new TextEncoder();

async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    await Deno.writeFile(
      `${dir}/${name}`,
      typeof content === "string" ? enc.encode(content) : content,
    );
  }
  return dir;
}

Deno.test("seeds load with the manifest: outlets, dates, headlines, no warnings", async () => {
  const { articles, issues, rejected } = await loadCorpus("seeds");
  assert.equal(articles.length, 5);
  assert.deepEqual(issues, []);
  assert.deepEqual(rejected, []);
  assert.deepEqual(
    articles.map((a) => [a.id.slice(0, 3), a.outlet, a.published]),
    [
      ["000", "Reuters", "2025-11-04"],
      ["001", "unknown", "2025-11-04"],
      ["002", "Global News", "2023-05-24"],
      ["003", "Reuters", "2025-11-03"],
      ["004", "Reuters", "2025-11-04"],
    ],
  );
  assert.equal(articles[2].meta.outlet_evidence, "global_news_boilerplate; credit_line");
  assert.match(articles[2].meta.date_evidence, /2023 visit/);
});

Deno.test("empty and whitespace-only files are rejected by name; good files still load", async () => {
  const dir = await folder({ "a.txt": "", "b.txt": " \n\t\n ", "c.txt": "One sentence here." });
  const { articles, rejected } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ["c"]);
  assert.equal(rejected.length, 2);
  assert.equal(rejected[0].source, `${dir}/a.txt`);
  assert.deepEqual(rejected[0].reasons, ['field "text": is empty or whitespace only']);
  assert.equal(rejected[1].source, `${dir}/b.txt`);
});

Deno.test("invalid UTF-8 is reported with its line and byte, other files load", async () => {
  const bad = new Uint8Array([
    ...enc.encode("Line one.\nLine "),
    0xff,
    0xfe,
    ...enc.encode(" two."),
  ]);
  const dir = await folder({ "bad.txt": bad, "good.txt": "Fine text." });
  const { articles, rejected, issues } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ["good"]);
  assert.equal(rejected.length, 1);
  assert.equal(rejected[0].line, 2);
  assert.deepEqual(rejected[0].reasons, ["invalid UTF-8 at byte 15; save the file as UTF-8"]);
  assert.equal(
    formatIssue(issues[0]),
    `${dir}/bad.txt:2: error: invalid UTF-8 at byte 15; save the file as UTF-8`,
  );
});

Deno.test("a BOM is dropped and CRLF becomes LF", async () => {
  const dir = await folder({
    "bom.txt": new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc.encode("Title line\r\n\r\nBody one.\r\nBody two.\r\n"),
    ]),
  });
  const { articles } = await loadCorpus(dir);
  assert.equal(articles[0].text, "Title line\n\nBody one.\nBody two.\n");
});

Deno.test("missing outlet falls back to unknown with a warning naming the file", async () => {
  const dir = await folder({ "x.md": "Some text." });
  const { articles, issues } = await loadCorpus(dir);
  assert.equal(articles[0].outlet, "unknown");
  assert.equal(
    formatIssue(issues[0]),
    `${dir}/x.md: warning [x]: field "outlet": is missing; using "unknown"`,
  );
});

Deno.test("YAML front matter gives metadata; extra fields are kept; a bad date rejects the date", async () => {
  const dir = await folder({
    "a.md":
      "---\noutlet: AP\ntitle: A title\ndate: 2024-02-03\nurl: https://example.org/a\nparty: left\n---\nBody text.",
    "b.md": "---\noutlet: AP\ndate: yesterday\n---\nBody.",
    "c.md": "---\noutlet: [unclosed\n---\nBody.",
  });
  const { articles, rejected, issues } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => [a.id, a.published]), [["a", "2024-02-03"], ["b", null]]);
  const a = articles[0];
  assert.deepEqual(
    [a.id, a.outlet, a.title, a.published, a.url, a.meta, a.text],
    ["a", "AP", "A title", "2024-02-03", "https://example.org/a", { party: "left" }, "Body text."],
  );
  assert.equal(rejected.length, 1);
  assert.match(rejected[0].reasons[0], /^front matter is not valid YAML/);
  const dateIssue = issues.find((i) => i.field === "date")!;
  assert.deepEqual([dateIssue.source, dateIssue.id, dateIssue.severity, dateIssue.message], [
    `${dir}/b.md`,
    "b",
    "error",
    '"yesterday" is not a date the kit reads; write it as YYYY-MM-DD (such as 2024-03-05); ' +
    "the article is kept with no date",
  ]);
});

Deno.test("JSONL: a malformed line among good ones is reported by line; duplicates are skipped", async () => {
  const dir = await tempDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    [
      JSON.stringify({ id: "a", text: "First.", outlet: "X" }),
      "{not json",
      "",
      JSON.stringify({ id: "b", text: "Second.", outlet: "Y", party: "blue" }),
      JSON.stringify({ id: "a", text: "Again.", outlet: "X" }),
      JSON.stringify(["not", "an", "object"]),
      JSON.stringify({ id: "c", text: "   " }),
      JSON.stringify({ id: "d", text: "Fine.", date: "2024-13-45" }),
    ].join("\n"),
  );
  const { articles, rejected, issues } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => [a.id, a.published]), [["a", null], ["b", null], [
    "d",
    null,
  ]]);
  assert.deepEqual(articles[1].meta, { party: "blue" });
  assert.deepEqual(rejected.map((r) => r.line), [2, 5, 6, 7]);
  assert.match(rejected[0].reasons[0], /^not valid JSON/);
  assert.equal(
    rejected[1].reasons[0],
    `field "id": duplicate id "a" (first seen at ${path}:1); this record is skipped`,
  );
  assert.equal(rejected[2].reasons[0], "each line must be a JSON object");
  assert.equal(rejected[3].reasons[0], 'field "text": is empty or whitespace only');
  const dateIssue = issues.find((i) => i.field === "date")!;
  assert.deepEqual([dateIssue.line, dateIssue.message], [
    8,
    '"2024-13-45" is not a real calendar date; the article is kept with no date',
  ]);
  assert.ok(issues.every((i) => i.source === path));
});

Deno.test("CSV: quoted fields with commas, quotes and newlines; wrong field counts reported", async () => {
  const dir = await tempDir();
  const path = `${dir}/c.csv`;
  await Deno.writeTextFile(
    path,
    'id,outlet,text,party\r\n1,AP,"Hello, ""world"".\nSecond line.",red\r\n2,AP,too,many,fields\r\n3,,Plain text.,blue\r\n',
  );
  const { articles, rejected, issues } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => [a.id, a.outlet, a.text, a.meta.party]), [
    ["1", "AP", 'Hello, "world".\nSecond line.', "red"],
    ["3", "unknown", "Plain text.", "blue"],
  ]);
  assert.deepEqual(rejected, [{
    source: path,
    line: 4,
    id: undefined,
    reasons: ["has 5 fields, the header has 4"],
  }]);
  assert.equal(issues.find((i) => i.severity === "warning")?.line, 5);
});

Deno.test("CSV without a text column is one clear error and loads nothing", async () => {
  const dir = await tempDir();
  const path = `${dir}/c.csv`;
  await Deno.writeTextFile(path, "id,outlet,story\n1,AP,Hello\n");
  const { articles, rejected } = await loadCorpus(path);
  assert.equal(articles.length, 0);
  assert.deepEqual(rejected[0].reasons, [
    'field "text": missing column "text" (header has: id, outlet, story); no rows of this file can be loaded (a column named text, content, maintext, body, article_text or full_text is read as the text)',
  ]);
});

Deno.test("common exports' field names are read as the core fields, with a warning per CSV column", async () => {
  const dir = await tempDir();
  // "All the News" (Kaggle): content, publication; Media Cloud's publish_date.
  const csv = `${dir}/atn.csv`;
  await Deno.writeTextFile(
    csv,
    'id,title,publication,publish_date,content\n7,Storm,CNN,2024-03-03,"A storm hit the coast, officials said."\n',
  );
  const a = await loadCorpus(csv);
  assert.deepEqual(
    a.articles.map((x) => [x.id, x.outlet, x.title, x.published, x.text]),
    [["7", "CNN", "Storm", "2024-03-03", "A storm hit the coast, officials said."]],
  );
  assert.deepEqual(a.issues.map((i) => formatIssue(i)), [
    `${csv}:1: warning: field "publication": is read as "outlet" (the file has no "outlet" column)`,
    `${csv}:1: warning: field "publish_date": is read as "date" (the file has no "date" column)`,
    `${csv}:1: warning: field "content": is read as "text" (the file has no "text" column)`,
  ]);
  // news-please JSON Lines; the core name wins when both are there, and of two other names the
  // first listed (content before body) is read: the rest stay columns of their own.
  const jsonl = `${dir}/np.jsonl`;
  await Deno.writeTextFile(
    jsonl,
    [
      {
        id: "n1",
        maintext: "Rain fell.",
        source_domain: "bbc.co.uk",
        date_publish: "2024-03-04 10:00:00",
      },
      { id: "n2", text: "Snow fell.", content: "teaser", outlet: "AP" },
      { id: "n3", body: "Hail fell.", content: "Sleet fell.", outlet: "AP" },
    ].map((r) => JSON.stringify(r)).join("\n") + "\n",
  );
  const b = await loadCorpus(jsonl);
  assert.deepEqual(
    b.articles.map((x) => [x.id, x.outlet, x.published, x.text, Object.keys(x.meta)]),
    [
      ["n1", "bbc.co.uk", "2024-03-04", "Rain fell.", []],
      ["n2", "AP", null, "Snow fell.", ["content"]],
      ["n3", "AP", null, "Sleet fell.", ["body"]],
    ],
  );
});

Deno.test("CSV: an unclosed quote at the end is reported at the record's first line", async () => {
  const dir = await tempDir();
  const path = `${dir}/c.csv`;
  await Deno.writeTextFile(path, 'id,text\n1,Good.\n2,"never closed\nmore\n');
  const { articles, rejected } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => a.id), ["1"]);
  assert.equal(rejected[0].line, 3);
  assert.match(rejected[0].reasons[0], /never closed/);
});

Deno.test("a path that does not exist is one CorpusError line", async () => {
  await assert.rejects(
    () => loadCorpus("no/such/folder"),
    (e: unknown) =>
      e instanceof CorpusError &&
      e.message ===
        "no/such/folder: error: does not exist; give a folder of .txt/.md/.html files, a .jsonl file or a .csv file",
  );
});

Deno.test("a manifest overrides files, and an entry matching nothing is a warning", async () => {
  const dir = await folder({
    "a.txt": "Body.",
    "manifest.json": JSON.stringify({
      articles: [{ id: "a", outlet: "M", headline: "H", published: "2020-01-02" }, {
        id: "zzz",
        outlet: "N",
      }],
    }),
  });
  const { articles, issues } = await loadCorpus(dir);
  assert.deepEqual([articles[0].outlet, articles[0].title, articles[0].published], [
    "M",
    "H",
    "2020-01-02",
  ]);
  assert.deepEqual(issues.map(formatIssue), [
    `${dir}/manifest.json: warning [zzz]: manifest entry matches no article in the corpus`,
  ]);
});

Deno.test("a malformed manifest is reported by field and the files still load", async () => {
  const dir = await folder({
    "a.txt": "Body.",
    "manifest.json": JSON.stringify({ articles: [{ id: "a", published: "soon" }] }),
  });
  const { articles, issues, rejected } = await loadCorpus(dir);
  assert.equal(articles.length, 1);
  assert.equal(rejected.length, 0);
  assert.equal(issues[0].field, "articles[0].published");
});

Deno.test("one bad manifest entry costs only itself: the other entries still apply", async () => {
  const dir = await folder({
    "a.txt": "Body of a.",
    "b.txt": "Body of b.",
    "manifest.json": JSON.stringify({
      articles: [
        { id: "a", outlet: "Good Outlet", published: "2021-03-04" },
        { id: "b", outlet: "Bad Date", published: "next Tuesday" },
        { outlet: "No Id" },
      ],
    }),
  });
  const { articles, issues, rejected } = await loadCorpus(dir);
  const byId = new Map(articles.map((a) => [a.id, a]));
  assert.deepEqual([byId.get("a")?.outlet, byId.get("a")?.published], [
    "Good Outlet",
    "2021-03-04",
  ]);
  // b keeps its own (absent) metadata: its entry is not applied, and is reported with its id.
  assert.notEqual(byId.get("b")?.outlet, "Bad Date");
  assert.equal(rejected.length, 0);
  const errors = issues.filter((i) => i.severity === "error");
  assert.deepEqual(errors.map((i) => [i.field, i.id]), [
    ["articles[1].published", "b"],
    ["articles[2].id", undefined],
  ]);
  assert.ok(errors.every((i) => i.message.endsWith("this entry is not applied (the others are)")));
});

Deno.test("files of other types in a folder are skipped with a warning", async () => {
  const dir = await folder({ "a.txt": "Body.", "b.docx": "binary" });
  const { articles, issues } = await loadCorpus(dir);
  assert.equal(articles.length, 1);
  assert.ok(issues.some((i) => i.source.endsWith("b.docx") && i.message.startsWith("skipped")));
});

Deno.test("a field of the wrong type says so; a field that is absent says it is missing", async () => {
  const dir = await tempDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    `${JSON.stringify({ id: "a", text: 5 })}\n${JSON.stringify({ id: "b" })}\n`,
  );
  const { rejected } = await loadCorpus(path);
  assert.deepEqual(rejected.map((r) => r.reasons), [
    ['field "text": Invalid input: expected string, received number'],
    ['field "text": is missing'],
  ]);
});

Deno.test("front matter left open is an error; list fields are kept joined; objects are refused", async () => {
  const dir = await folder({
    "open.md": "---\noutlet: AP\n\nBody with no closing line.",
    "rule.md": "---\n\nA text that starts with a rule.",
    "tags.md": "---\noutlet: AP\ntags: [china, russia]\n---\nBody.",
    "nested.md": "---\noutlet: AP\nextra: {a: 1}\n---\nBody.",
  });
  const { articles, rejected } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => [a.id, a.meta]), [["rule", {}], ["tags", {
    tags: "china; russia",
  }]]);
  assert.deepEqual(rejected.map((r) => [r.source.split("/").pop(), r.reasons]), [
    ["nested.md", [
      'field "extra": (front matter) must be a string, number, true/false or a list of them',
    ]],
    ["open.md", ["front matter opened on line 1 is never closed; end it with a line '---'"]],
  ]);
});

Deno.test("headline and published work as title and date everywhere; look-alike field names warn", async () => {
  const dir = await folder({
    "a.md": "---\noutlet: AP\nheadline: Storm hits coast\npublished: 2024-02-03\n---\nBody text.",
    "b.md": "---\nOutlet: AP\ntitel: A title\n---\nBody text.",
    "c.md": "---\noutlet: AP\ntitle: Kept\nheadline: Also kept\n---\nBody text.",
  });
  const { articles, issues } = await loadCorpus(dir);
  const [a, b, c] = articles;
  assert.deepEqual([a.title, a.published, a.meta], ["Storm hits coast", "2024-02-03", {}]);
  // "Outlet" is not the outlet: kept as a column, with a warning that names the likely slip.
  assert.deepEqual([b.outlet, b.meta], ["unknown", { Outlet: "AP", titel: "A title" }]);
  assert.deepEqual(
    issues.filter((i) => i.id === "b").map(formatIssue).map((l) => l.replace(/^.*b\.md/, "b.md")),
    [
      'b.md: warning [b]: field "Outlet": is kept as a column of its own; did you mean "outlet"?',
      'b.md: warning [b]: field "titel": is kept as a column of its own; did you mean "title"?',
      'b.md: warning [b]: field "outlet": is missing; using "unknown"',
    ],
  );
  // With both a title and a headline, the title is the title and the headline a column.
  assert.deepEqual([c.title, c.meta], ["Kept", { headline: "Also kept" }]);
});

Deno.test("JSONL: published is the date; an ambiguous one is a field rejection saying what to write", async () => {
  const dir = await tempDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    [
      JSON.stringify({ id: "a", text: "First.", outlet: "X", published: "2025-11-04" }),
      JSON.stringify({ id: "b", text: "Second.", outlet: "X", published: "11/04/2025" }),
    ].join("\n"),
  );
  const { articles, rejected, issues } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => [a.id, a.published]), [["a", "2025-11-04"], ["b", null]]);
  assert.deepEqual(rejected, []);
  assert.deepEqual(issues.map((i) => [i.line, i.field, i.message]), [[
    2,
    "date",
    'is ambiguous: "11/04/2025" is 4 November 2025 (month first) or 11 April 2025 (day first); ' +
    "write 2025-11-04 or 2025-04-11; the article is kept with no date",
  ]]);
  const csv = rejectionsCsv(issues).split("\n")[1];
  assert.match(csv, /c\.jsonl,2,date,b,"is ambiguous: ""11\/04\/2025"" is 4 November 2025/);
});
