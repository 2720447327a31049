import assert from "node:assert/strict";
import { loadCorpus } from "../../src/corpus/load.ts";
import { corpusFs } from "../../src/corpus/lines.ts";
import { formatIssue } from "../../src/corpus/issues.ts";
import { RESERVED_FIELDS } from "../../src/corpus/schema.ts";
import { scratchDir } from "../cli/files.ts";
import { ARTICLE_COLUMNS } from "../../src/frames/articles.ts";

const GOOD = "---\noutlet: X\n---\nOne good sentence here.\n";

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await Deno.mkdir(`${dir}/${name}`.replace(/\/[^/]*$/, ""), { recursive: true });
    await Deno.writeTextFile(`${dir}/${name}`, text);
  }
}

const errors = (issues: { severity: string }[]) => issues.filter((i) => i.severity === "error");

Deno.test("an unreadable file or folder is a rejection; the rest loads", async () => {
  const dir = await scratchDir();
  await write(dir, { "a.txt": GOOD, "b.txt": GOOD, "sub/c.txt": GOOD, "locked/d.txt": GOOD });
  const { readFile, readDir } = corpusFs;
  // As root no mode makes a file unreadable: the file system's refusal is simulated.
  const denied = () =>
    Promise.reject(new Deno.errors.PermissionDenied("Permission denied (os error 13)"));
  corpusFs.readFile = (p) => (p.endsWith("/b.txt") ? denied() : readFile(p));
  corpusFs.readDir = (
    p,
  ) => (p.endsWith("/locked") ? { [Symbol.asyncIterator]: () => ({ next: denied }) } : readDir(p));
  try {
    const { articles, rejected } = await loadCorpus(dir);
    assert.deepEqual(articles.map((a) => a.id), ["a", "sub/c"]);
    assert.deepEqual(rejected.map((r) => [r.source, r.reasons]), [
      [`${dir}/b.txt`, [
        "cannot be read: permission denied by the file system (check the file's owner and mode)",
      ]],
      [`${dir}/locked`, [
        "folder cannot be read: permission denied by the file system (check the file's owner and mode); its files are not read",
      ]],
    ]);
  } finally {
    corpusFs.readFile = readFile;
    corpusFs.readDir = readDir;
  }
});

Deno.test("YAML aliases in front matter are refused in one line; other files load", async () => {
  const dir = await scratchDir();
  const bomb =
    "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nText.\n";
  await write(dir, { "bomb.md": bomb, "ok.txt": GOOD });
  const { articles, rejected } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ["ok"]);
  assert.deepEqual(rejected, [{
    source: `${dir}/bomb.md`,
    line: 1,
    id: undefined,
    reasons: ["front matter uses a YAML alias (*name), which is not read; write the value out"],
  }]);
});

Deno.test("control characters in id, outlet and text are removed with a warning, never kept", async () => {
  const dir = await scratchDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    JSON.stringify({ id: "a\u0000b", outlet: "Out\u0001let", text: "One.\fTwo\u0000 words." }) +
      "\n",
  );
  const { articles, issues } = await loadCorpus(path);
  assert.equal(articles.length, 1);
  assert.equal(articles[0].id, "ab");
  assert.equal(articles[0].outlet, "Outlet");
  assert.equal(articles[0].text, "One.\nTwo words.");
  assert.deepEqual(issues.map((i) => [i.field, i.message]), [
    ["id", "control characters (such as NUL or form feed) removed"],
    ["outlet", "control characters (such as NUL or form feed) removed"],
    ["text", "control characters (such as NUL or form feed) removed"],
  ]);
});

Deno.test("an impossible date rejects the field, not the article, naming the field", async () => {
  const dir = await scratchDir();
  const path = `${dir}/c.csv`;
  await Deno.writeTextFile(
    path,
    "id,date,text\na,2025-02-30,One.\nb,2024-02-29,Two.\nc,2025-13-01,Three.\n",
  );
  const { articles, rejected, issues } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => [a.id, a.published]), [
    ["a", null],
    ["b", "2024-02-29"],
    ["c", null],
  ]);
  assert.deepEqual(rejected, []);
  assert.deepEqual(
    issues.filter((i) => i.field === "date").map((
      i,
    ) => [i.severity, i.line, i.id, i.field, i.fieldOnly, i.message]),
    [
      [
        "error",
        2,
        "a",
        "date",
        true,
        '"2025-02-30" is not a real calendar date; the article is kept with no date',
      ],
      [
        "error",
        4,
        "c",
        "date",
        true,
        '"2025-13-01" is not a real calendar date; the article is kept with no date',
      ],
    ],
  );
  // A date with no year gets one reason, and the article still loads.
  await Deno.writeTextFile(path, "id,date,text\nd,March 3,One.\n");
  const noYear = await loadCorpus(path);
  assert.deepEqual(noYear.articles.map((a) => [a.id, a.published]), [["d", null]]);
  assert.deepEqual(noYear.issues.filter((i) => i.field === "date").map((i) => i.message), [
    '"March 3" is not a date the kit reads; write it as YYYY-MM-DD (such as 2024-03-05); ' +
    "the article is kept with no date",
  ]);
});

/** Makes a symbolic link (Deno.symlink needs unscoped write permission, which tests lack). */
async function symlink(target: string, path: string): Promise<void> {
  const { success } = await new Deno.Command("/usr/bin/python3", {
    args: ["-c", "import os, sys; os.symlink(sys.argv[1], sys.argv[2])", target, path],
  }).output();
  assert.ok(success, `symlink ${path}`);
}

Deno.test("symbolic links: followed inside the corpus, loops and links outside reported", async () => {
  const dir = await scratchDir();
  const outside = await scratchDir();
  await write(dir, { "real/a.txt": GOOD });
  await write(outside, { "x.txt": GOOD });
  const abs = await Deno.realPath(dir);
  await symlink(`${abs}/real/a.txt`, `${dir}/link.txt`);
  await Deno.mkdir(`${dir}/more`);
  await Deno.writeTextFile(`${dir}/more/b.txt`, GOOD);
  await symlink("../more", `${dir}/real/more_link`);
  await symlink("..", `${dir}/real/up`);
  await symlink(`${await Deno.realPath(outside)}/x.txt`, `${dir}/out.txt`);
  await symlink("nowhere.txt", `${dir}/dangling.txt`);
  const { articles, issues } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ["link", "more/b"]);
  const real = await Deno.realPath(outside);
  const lines = issues.map((i) => `${i.severity}: ${i.source.slice(dir.length + 1)}: ${i.message}`);
  assert.deepEqual(lines, [
    "error: dangling.txt: symbolic link to nothing (its target does not exist); not read",
    `error: out.txt: symbolic link leads outside the corpus folder (to ${real}/x.txt); not followed`,
    "warning: real/a.txt: the same file as " + `${dir}/link.txt (a symbolic link); read once`,
    "error: real/more_link: symbolic link loop: leads back to " +
    `${dir}/more, which is read already; not followed`,
    "error: real/up: symbolic link loop: leads back to " +
    `${dir}, which is read already; not followed`,
  ]);
});

Deno.test("CSV: a lone CR ends a row; an unclosed quote does not swallow the next good rows", async () => {
  const dir = await scratchDir();
  const path = `${dir}/c.csv`;
  await Deno.writeTextFile(
    path,
    'id,outlet,text\r1,X,One.\r2,Y,Two.\n3,X,"Never closed.\n4,Y,Four.\n5,X,"Quoted, fine."\n',
  );
  const { articles, rejected } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => [a.id, a.text]), [
    ["1", "One."],
    ["2", "Two."],
    ["4", "Four."],
    ["5", "Quoted, fine."],
  ]);
  assert.deepEqual(rejected.map((r) => [r.line, r.reasons]), [[
    2,
    [
      'a quoted field opened on this line is never closed (missing closing "); the lines after it are read as records of their own',
    ],
  ]]);
});

Deno.test("CSV: a repeated column is renamed, never dropped; reserved names are kept as field_<name>", async () => {
  const dir = await scratchDir();
  const path = `${dir}/c.csv`;
  await Deno.writeTextFile(
    path,
    "id,outlet,text,text,n_words,agency,byline,agencies,article_id,__proto__\na,X,First text.,Second text.,1,2,3,4,5,6\n",
  );
  const { articles, issues } = await loadCorpus(path);
  assert.equal(articles.length, 1);
  assert.equal(articles[0].text, "First text.");
  assert.deepEqual(articles[0].meta, {
    text_2: "Second text.",
    field_n_words: "1",
    field_agency: "2",
    field_byline: "3",
    field_agencies: "4",
    field_article_id: "5",
    field___proto__: "6",
  });
  assert.deepEqual(issues.map(formatIssue), [
    `${path}:1: warning: field "text": column 4 repeats the name "text"; it is read as "text_2"`,
    ...["n_words", "agency", "byline", "agencies", "article_id", "__proto__"].map((f) =>
      `${path}:2: warning [a]: field "${f}": is a name the kit uses itself; kept as "field_${f}"`
    ),
  ]);
});

Deno.test("every column of the articles frame but the core fields is a reserved field name", () => {
  const core = ["outlet", "title", "url"];
  for (const c of ARTICLE_COLUMNS) if (!core.includes(c)) assert.ok(RESERVED_FIELDS.has(c), c);
});

Deno.test("ids: longer than 512 characters rejected; numeric ids keep their source text", async () => {
  const dir = await scratchDir();
  const path = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    path,
    [
      `{"id": 12345678901234567891, "text": "Big."}`,
      `{"id": 12345678901234567892, "text": "Bigger."}`,
      `{"id": 1.50, "text": "Float."}`,
      JSON.stringify({ id: "x".repeat(513), text: "Long." }),
      JSON.stringify({ id: "y".repeat(512), text: "Just fits." }),
    ].join("\n") + "\n",
  );
  const { articles, rejected, issues } = await loadCorpus(path);
  assert.deepEqual(articles.map((a) => a.id), [
    "12345678901234567891",
    "12345678901234567892",
    "1.50",
    "y".repeat(512),
  ]);
  assert.deepEqual(rejected.map((r) => [r.line, r.reasons]), [
    [4, ['field "id": is longer than 512 characters']],
  ]);
  // Messages show a long id cut short, never the whole of it.
  const issue = issues.find((i) => i.line === 4)!;
  assert.equal(
    formatIssue(issue),
    `${path}:4: error [${"x".repeat(77)}…]: field "id": is longer than 512 characters`,
  );
  // Front matter: an integer id above 2^53 keeps its digits too.
  await Deno.writeTextFile(`${dir}/f.md`, "---\nid: 98765432109876543210\n---\nText.\n");
  const fm = await loadCorpus(`${dir}/f.md`);
  assert.equal(fm.articles[0].id, "98765432109876543210");
});

Deno.test("one file stem in two folders gives two ids (the relative path)", async () => {
  const dir = await scratchDir();
  await write(dir, { "a/story.txt": GOOD, "b/story.txt": GOOD, "story.txt": GOOD });
  const { articles, rejected } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ["a/story", "b/story", "story"]);
  assert.deepEqual(rejected, []);
});

Deno.test("a --manifest path that does not exist stops the load with one line", async () => {
  await assert.rejects(
    loadCorpus("seeds", { manifest: "no/such.json" }),
    (e: Error) =>
      e.name === "CorpusError" &&
      e.message ===
        "no/such.json: error: manifest does not exist (give an existing file, or --no-manifest)",
  );
  assert.equal(errors([]).length, 0);
});
