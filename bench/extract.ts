/**
 * Extraction speed in words per second: the seeds repeated, and the State of the Union corpus
 * (real text nobody here tuned for, 1.8M words). Cleaning and segmenting happen before the clock
 * starts; the clock covers entities, figures, quotes, attributions and agencies.
 *
 *   deno run --allow-read --allow-env bench/extract.ts
 * @module
 */

import { extractCorpus } from "../src/extract/extract.ts";
import { type Analysis, analyzeArticles, analyzeCorpus } from "../src/pipeline.ts";
import { sotuArticles } from "./sotu.ts";

function measure(name: string, analysis: Analysis): void {
  const words = analysis.sentences.reduce((n, s) => n + s.nWords, 0);
  extractCorpus({ articles: analysis.articles.slice(0, 3), sentences: analysis.sentences }); // warm-up
  const t0 = performance.now();
  const x = extractCorpus(analysis);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${name.padEnd(22)} ${String(words).padStart(9)} words  ${seconds.toFixed(2).padStart(6)} s  ${
      Math.round(words / seconds).toLocaleString("en").padStart(9)
    } words/s  (${x.entities.length} entities, ${x.figures.length} figures, ${x.quotes.length} quotes, ${x.attributions.length} attributions)`,
  );
}

const seeds = await analyzeCorpus("seeds");
const repeated = analyzeArticles(
  Array.from({ length: 200 }, (_, k) =>
    seeds.articles.map((a) => ({
      id: `${a.id}-r${k}`,
      text: a.text,
      outlet: a.outlet,
      title: a.title,
      published: a.published,
      url: a.url,
      meta: a.meta,
      source: "seeds",
    }))).flat(),
);
measure("seeds x200", repeated);
measure("State of the Union", analyzeArticles(sotuArticles()));
