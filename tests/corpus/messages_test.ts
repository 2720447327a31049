// What a person reads about a malformed record, file or manifest: one line, located, saying what
// to write instead (never zod's bare "Invalid input", never a location that contradicts itself).
import assert from "node:assert/strict";
import { loadCorpus } from "../../src/corpus/load.ts";
import { formatIssue } from "../../src/corpus/issues.ts";
import { scratchDir } from "../cli/files.ts";

async function write(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${name}`, text);
  }
}

Deno.test("a JSONL field of the wrong shape says what it must be", async () => {
  const dir = await scratchDir();
  const rows = [
    { id: "a", outlet: ["X"], text: "One." },
    { id: "b", title: { x: 1 }, text: "Two." },
    { id: "c", date: { y: 2024 }, text: "Three." },
    { id: { n: 1 }, text: "Four." },
    { id: "e", url: "example.org", text: "Five." },
  ];
  await Deno.writeTextFile(`${dir}/c.jsonl`, rows.map((r) => JSON.stringify(r)).join("\n"));
  const { rejected } = await loadCorpus(`${dir}/c.jsonl`);
  assert.deepEqual(rejected.map((r) => [r.line, r.reasons]), [
    [1, ['field "outlet": must be text or a number']],
    [2, ['field "title": must be text or a number']],
    [3, ['field "date": must be a date written as text, such as 2024-03-05']],
    [4, ['field "id": must be text or a number']],
    [5, ['field "url": must be a URL such as https://…']],
  ]);
});

Deno.test("a JSONL line that is not JSON is located by its column, not by a second line number", async () => {
  const dir = await scratchDir();
  await Deno.writeTextFile(
    `${dir}/c.jsonl`,
    '{"id": "a", "text": "One."}\n{"id": "b" "text": "x"}\n',
  );
  const { rejected } = await loadCorpus(`${dir}/c.jsonl`);
  assert.equal(rejected.length, 1);
  assert.equal(rejected[0].line, 2);
  // V8 says "in JSON at position 11 (line 1 column 12)" of the one line it parsed: on line 2 of
  // the file, misleading.
  assert.equal(
    rejected[0].reasons[0],
    "not valid JSON (Expected ',' or '}' after property value at column 12); each line must be " +
      "one JSON object",
  );
});

Deno.test("front matter: a bad URL, a list, and a YAML error each say what to write, where", async () => {
  const dir = await scratchDir();
  await write(dir, {
    "url.md": "---\noutlet: X\nurl: example.org\n---\nBody.\n",
    "list.md": "---\n- a\n- b\n---\nBody.\n",
    "yaml.md": '---\noutlet: X\ntitle: "unclosed\n---\nBody.\n',
  });
  const { issues } = await loadCorpus(dir);
  assert.deepEqual(issues.map(formatIssue), [
    `${dir}/list.md:1: error: front matter must be "key: value" lines (it is a list)`,
    `${dir}/url.md:1: error: field "url": (front matter) must be a URL such as https://…`,
    // The YAML parser's "at line 2, column 17:" counts from the line after "---": the location
    // is the file's line 3, and the message says only the column.
    `${dir}/yaml.md:3: error: front matter is not valid YAML: Missing closing "quote (column 17)`,
  ]);
});

Deno.test("a Markdown file opening with a rule around a sentence is text, not front matter", async () => {
  const dir = await scratchDir();
  await write(dir, {
    "rule.md":
      "---\nThe mayor resigned on Monday, officials said.\n---\nThe council meets on Friday.\n",
    "meta.md": "---\noutlet: Daily\n---\nThe council meets on Friday.\n",
  });
  const { articles, issues } = await loadCorpus(dir);
  assert.deepEqual(issues.filter((i) => i.severity === "error"), []);
  const byId = new Map(articles.map((a) => [a.id, a]));
  assert.equal(
    byId.get("rule")?.text,
    "---\nThe mayor resigned on Monday, officials said.\n---\nThe council meets on Friday.\n",
  );
  assert.equal(byId.get("meta")?.outlet, "Daily");
  assert.equal(byId.get("meta")?.text, "The council meets on Friday.\n");
});

Deno.test("a manifest that cannot be used says so, with its line, and that it is not applied", async () => {
  const dir = await scratchDir();
  await write(dir, {
    "a.txt": "Body of a.\n",
    "list.json": "[1, 2]\n",
    "broken.json": '{\n  "articles": [\n    { "id": "a" "outlet": "X" }\n  ]\n}\n',
    "entry.json": '{ "articles": [{ "id": "a", "url": "example.org" }] }\n',
  });
  const messages = async (manifest: string) =>
    (await loadCorpus(`${dir}/a.txt`, { manifest: `${dir}/${manifest}` })).issues
      .filter((i) => i.severity === "error").map(formatIssue);
  assert.deepEqual(await messages("list.json"), [
    `${dir}/list.json: error: must be a JSON object { "articles": [ … ] }; the manifest is not applied`,
  ]);
  assert.deepEqual(await messages("broken.json"), [
    `${dir}/broken.json:3: error: not valid JSON: Expected ',' or '}' after property value at column 17; the manifest is not applied`,
  ]);
  assert.deepEqual(await messages("entry.json"), [
    `${dir}/entry.json: error [a]: field "articles[0].url": must be a URL such as https://…; this entry is not applied (the others are)`,
  ]);
});

Deno.test("a --manifest that is a folder is one line saying so, not that it does not exist", async () => {
  const dir = await scratchDir();
  await assert.rejects(
    loadCorpus("seeds", { manifest: dir }),
    (e: Error) =>
      e.name === "CorpusError" &&
      e.message ===
        `${dir}: error: manifest is not a file (give the manifest's .json file, or --no-manifest)`,
  );
});

Deno.test("a manifest with text after its JSON is located by line and column too", async () => {
  const dir = await scratchDir();
  await write(dir, {
    "a.txt": "Body of a.\n",
    "m.json": '{ "articles": [] }\n{ "articles": [] }\n',
  });
  const { issues } = await loadCorpus(`${dir}/a.txt`, { manifest: `${dir}/m.json` });
  assert.deepEqual(issues.filter((i) => i.severity === "error").map(formatIssue), [
    `${dir}/m.json:2: error: not valid JSON: Unexpected non-whitespace character after JSON at column 1; the manifest is not applied`,
  ]);
});
