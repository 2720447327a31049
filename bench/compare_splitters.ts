/**
 * Measures natural's SentenceTokenizer against the kit's splitter on the seed paragraphs, and
 * on a set of hard cases, to show why the kit does not rely on natural for sentences.
 *
 * Run: deno run --allow-read --allow-ffi --allow-sys --allow-env bench/compare_splitters.ts
 */

// natural is a benchmark peer only: inline, not in the import map, so `deno task install` leaves it out.
// deno-lint-ignore no-import-prefix
import SentenceTokenizer from "npm:natural@8.1.1/lib/natural/tokenizers/sentence_tokenizer.js";
import { splitSentences } from "../src/text/sentences.ts";
import { seedAnalysis } from "../tests/seeds.ts";

const HARD = [
  "U.S. President Donald Trump spoke. He left.",
  "Mr. Li met Dr. Wang on Jan. 5 in Beijing. They talked.",
  "Imports rose 3.8% in September. Exports fell.",
  "“We will win,” he said. “They will lose.”",
  "John F. Kennedy was president. He was shot.",
  "The U.N. Security Council met. The U.S. abstained.",
  "Beijing criticised the U.S. The ministry said so.",
  "George W. Bush met Gen. Smith. They spoke.",
  "He cited resolution No. 2 of the council. It passed.",
  "The attacks of Sept. 11 changed policy. Troops went in.",
  "“Why now?” Xi asked. Nobody answered.",
];

// natural needs its abbreviations listed (with the dot); give it the same ones the kit knows.
const data = JSON.parse(await Deno.readTextFile("data/abbreviations.json"));
const abbreviations = [...data.title, ...data.before_number, ...data.acronym].map((a: string) =>
  `${a.toLowerCase()}.`
);
const natural = new SentenceTokenizer(abbreviations);
const analysis = await seedAnalysis();
let paragraphs = 0;
let differ = 0;
for (const a of analysis.articles) {
  for (const p of a.paragraphs.filter((p) => p.kind === "body")) {
    const text = a.text.slice(p.start, p.end);
    const ours = splitSentences(text).map((s) => text.slice(s.start, s.end));
    const theirs = (natural.tokenize(text) as string[]).map((s) => s.trim());
    paragraphs++;
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      differ++;
      console.log(
        `${a.id}: ours ${ours.length}, natural ${theirs.length}\n  natural: ${
          JSON.stringify(theirs)
        }`,
      );
    }
  }
}
console.log(`\nseed body paragraphs: ${paragraphs}; natural differs on ${differ}`);
for (const h of HARD) {
  const ours = splitSentences(h).length;
  const theirs = (natural.tokenize(h) as string[]).length;
  console.log(`${ours === theirs ? "same" : "DIFF"}  ours ${ours} natural ${theirs}  ${h}`);
}
