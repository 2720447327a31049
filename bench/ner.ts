/**
 * Speed of the entity recogniser: words per second of `tagWords` (one thread) on the State of
 * the Union corpus (1.8M words) and on news text (the seed articles repeated 200 times). Text is
 * split into sentences and words before the clock starts.
 *
 *   deno task bench:ner
 * @module
 */

import { splitIntoSentences } from "../src/extract/ner/data.ts";
import { loadNerModel, tagWords } from "../src/extract/ner/mod.ts";
import { sotuArticles } from "./sotu.ts";

const model = loadNerModel();

function measure(name: string, texts: readonly string[]): void {
  const sentences = texts.flatMap((t) => splitIntoSentences(t).map((s) => s.map((w) => w.text)));
  const words = sentences.reduce((n, s) => n + s.length, 0);
  for (const s of sentences.slice(0, 2000)) tagWords(model, s); // warm-up
  const t0 = performance.now();
  let names = 0;
  for (const s of sentences) names += tagWords(model, s).length;
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${name.padEnd(22)} ${String(words).padStart(9)} words  ${seconds.toFixed(2).padStart(6)} s  ${
      Math.round(words / seconds).toLocaleString("en").padStart(9)
    } words/s  (${names} names)`,
  );
}

const seeds: string[] = [];
for (const entry of Deno.readDirSync(new URL("../seeds/", import.meta.url))) {
  if (entry.name.endsWith(".txt")) {
    seeds.push(Deno.readTextFileSync(new URL(`../seeds/${entry.name}`, import.meta.url)));
  }
}
measure("news (seeds x200)", Array.from({ length: 200 }, () => seeds).flat());
measure("State of the Union", sotuArticles().map((a) => a.text));
