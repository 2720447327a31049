import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { UsageError } from "../../src/cli/args.ts";
import { termFlags } from "../../src/cli/options.ts";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import { countTerms, HONORIFICS, ISO_STOPWORDS } from "../../src/stats/terms.ts";
import { tempDir } from "../seeds.ts";
import { analysisOf } from "./helpers.ts";

const TEXT = "Mr. Smith met Sen. Jones and Gov. Lee at St. Mary's church on Main St.";

Deno.test("honorifics: kept by default, dropped on request (no n-gram spans one)", () => {
  const analysis = analysisOf([TEXT]);
  const kept = countTerms(analysis).counts[0];
  assert.equal(kept.get("mr"), 1);
  assert.equal(kept.get("mr smith"), 1);
  const dropped = countTerms(analysis, { honorifics: "drop" }).counts[0];
  for (const t of ["mr", "sen", "gov", "mr smith", "sen jones"]) assert.ok(!dropped.has(t), t);
  assert.equal(dropped.get("smith"), 1);
  // "St" is a saint or a street, not a person's title: it stays.
  assert.equal(dropped.get("st"), kept.get("st"));
  assert.ok(HONORIFICS.has("mrs") && HONORIFICS.has("rep") && !HONORIFICS.has("st"));
});

Deno.test("stopwords-iso's English list is loaded, pinned at 1.1.0 (1,298 words)", () => {
  assert.equal(ISO_STOPWORDS.size, 1298);
  for (const w of ["the", "said", "mr"]) assert.ok(ISO_STOPWORDS.has(w), w);
  const analysis = analysisOf(["The minister said the new plan would work."]);
  const iso = countTerms(analysis, { stopwords: ISO_STOPWORDS, ngrams: [1] }).counts[0];
  // "work" is on the list too: a broad list, chosen on purpose with --stopwords iso.
  assert.deepEqual([...iso.keys()].sort(), ["minister", "plan"]);
  const natural = countTerms(analysis, { ngrams: [1] }).counts[0];
  assert.deepEqual([...natural.keys()].sort(), ["minister", "new", "plan", "work"]);
});

Deno.test("--stopwords and --honorifics flags: default, none, iso, a file, and mistakes", async () => {
  assert.deepEqual(termFlags(undefined, undefined), {});
  assert.deepEqual(termFlags("default", "drop"), { honorifics: "drop" });
  assert.deepEqual(termFlags("none"), { stopwords: "keep" });
  assert.equal(termFlags("iso").stopwords, ISO_STOPWORDS);
  const dir = await tempDir();
  const file = `${dir}/words.txt`;
  await Deno.writeTextFile(file, "# house list\nThe\n\n  said \n");
  assert.deepEqual(termFlags(file).stopwords, new Set(["the", "said"]));
  assert.throws(() => termFlags(`${dir}/missing.txt`), UsageError);
  assert.throws(() => termFlags("none", "sometimes"), /--honorifics takes keep or drop/);
});

Deno.test("analyze --stopwords none --within: terms keep 'the'; a missing --within field is a usage error", async () => {
  const dir = await tempDir();
  const corpus = `${dir}/c.jsonl`;
  await Deno.writeTextFile(
    corpus,
    [
      { id: "a", outlet: "X", event: "e1", text: "The farm bill passed the senate on Monday." },
      { id: "b", outlet: "Y", event: "e1", text: "The senate passed the farm bill after a vote." },
    ].map((r) => JSON.stringify(r)).join("\n"),
  );
  const lines: string[] = [];
  const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
  const out = `${dir}/out`;
  const args = ["--corpus", corpus, "--out", out, "--quiet", "--stages", "measure"];
  assert.equal(
    await analyzeCommand([...args, "--stopwords", "none", "--within", "event"], io),
    0,
    lines.join("\n"),
  );
  const terms = pl.readParquet(`${out}/terms.parquet`);
  assert.ok((terms.getColumn("term").toArray() as string[]).includes("the"));
  const keyness = pl.readParquet(`${out}/keyness.parquet`);
  assert.deepEqual(keyness.columns.slice(-2), ["p_doc", "q"]);
  lines.length = 0;
  assert.equal(await analyzeCommand([...args, "--within", "story"], io), 2);
  assert.match(lines[0], /^error: --within: no article has a value for the field "story"/);
});
