/**
 * The entity recogniser's word table and the shared fast paths it is built on: the interner
 * that starts over when full (src/_strings.ts) and the growth rule of work arrays
 * (src/_buffers.ts). Starting over must never change a word's features or the model's scores.
 */
import assert from "node:assert/strict";
import { Interner } from "../../src/_strings.ts";
import { withRoom } from "../../src/_buffers.ts";
import { WordTable } from "../../src/extract/ner/_features.ts";
import { splitIntoSentences } from "../../src/extract/ner/data.ts";
import { WordScores } from "../../src/extract/ner/model.ts";
import { loadNerModel, scoreWords } from "../../src/extract/ner/mod.ts";

Deno.test("an interner with a limit starts over before a batch that could pass it", () => {
  const words = new Interner(3);
  words.reserve(2);
  assert.deepEqual([words.id("a"), words.id("b"), words.id("a")], [0, 1, 0]);
  words.reserve(1); // 2 + 1 fit
  assert.equal(words.generation, 0);
  assert.equal(words.id("c"), 2);
  // Never inside a batch: past the limit until the next reserve.
  assert.equal(words.id("d"), 3);
  assert.equal(words.generation, 0);
  words.reserve(1);
  assert.equal(words.generation, 1);
  assert.deepEqual(words.strings, []);
  assert.deepEqual([words.id("d"), words.id("a")], [0, 1]);
  // Without a limit it never forgets.
  const all = new Interner();
  for (let k = 0; k < 1000; k++) all.reserve(1), all.id(String(k));
  assert.deepEqual([all.id("0"), all.id("999"), all.generation], [0, 999, 0]);
});

Deno.test("a word table that starts over gives each word the same row again", () => {
  const table = new WordTable(3);
  const fresh = new WordTable();
  const rowOf = (t: WordTable, word: string) => {
    const r = t.row(word);
    return Array.from(t.rows.subarray(r, r + 14));
  };
  table.reserve(3);
  const before = ["Paris", "said", "NATO"].map((w) => rowOf(table, w));
  assert.deepEqual([table.size, table.generation, table.row("Paris")], [3, 0, 0]);
  table.reserve(2); // full: starts over
  assert.deepEqual([table.size, table.generation], [0, 1]);
  assert.equal(table.row("2024"), 0); // "2024" takes row 0
  const after = ["Paris", "said"].map((w) => rowOf(table, w));
  assert.deepEqual(after, before.slice(0, 2));
  assert.deepEqual(["Paris", "said", "NATO"].map((w) => rowOf(fresh, w)), before);
  assert.notDeepEqual(rowOf(fresh, "paris"), before[0]);
});

Deno.test("a word table numbers short and long words alike, each distinct word once", () => {
  const table = new WordTable();
  // Short words go by their packed characters: one, two, three and four characters, a
  // non-ASCII one, the empty string, and words of five that go by the string.
  const words = [
    "a",
    "A",
    ",",
    "~",
    " ",
    "aa",
    "a,",
    "the",
    "The",
    "1999",
    "~~~~",
    "é",
    "",
    "abcde",
  ];
  table.reserve(words.length * 2);
  const rows = words.map((w) => table.row(w));
  assert.equal(new Set(rows).size, words.length);
  // Fresh strings of the same words (not the same string objects) find the same rows.
  assert.deepEqual(words.map((w) => table.row([...w].join(""))), rows);
  assert.equal(table.size, words.length);
  assert.deepEqual(rows, words.map((_, i) => i * 14));
});

Deno.test("a model whose word table keeps starting over scores every sentence the same", () => {
  const model = loadNerModel();
  const small = { ...model, words: new WordTable(7), wordScores: new WordScores() };
  let compared = 0;
  for (const entry of Deno.readDirSync(new URL("../../seeds/", import.meta.url))) {
    if (!entry.name.endsWith(".txt")) continue;
    const text = Deno.readTextFileSync(new URL(`../../seeds/${entry.name}`, import.meta.url));
    for (const sentence of splitIntoSentences(text)) {
      const words = sentence.map((w) => w.text);
      assert.deepEqual(scoreWords(small, words), scoreWords(model, words));
      compared++;
    }
  }
  assert.ok(compared > 50, `${compared} sentences`);
  // Most sentences are longer than 7 words: the table started over before nearly each one.
  assert.ok(small.words.generation > 90, `${small.words.generation} restarts`);
});

Deno.test("withRoom grows a typed array to at least twice its length, keeping its values", () => {
  const a = Int32Array.from([5, 6, 7]);
  assert.equal(withRoom(a, 3), a);
  const b = withRoom(a, 4);
  assert.ok(b instanceof Int32Array);
  assert.deepEqual(Array.from(b), [5, 6, 7, 0, 0, 0]);
  const c = withRoom(new Float64Array([1.5]), 10);
  assert.ok(c instanceof Float64Array);
  assert.deepEqual(Array.from(c.subarray(0, 2)), [1.5, 0]);
  assert.equal(c.length, 10);
  // Work arrays: not copied.
  assert.deepEqual(Array.from(withRoom(Uint8Array.from([9, 9]), 3, false)), [0, 0, 0, 0]);
});
