/**
 * The three foundation and extraction stages of this tree against another checkout of the kit
 * (an earlier commit, unpacked with `git archive`), in one process, alternating, so that the
 * noise of a shared machine hits both alike. Reports each run and the best of each side.
 *
 *   git archive <commit> | tar -x -C /tmp/nf_before
 *   deno run --allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname \
 *     --allow-env=LOG_TOKENS,LOG_STREAM bench/profile_ab.ts /tmp/nf_before [corpus.jsonl] [runs]
 *
 * Every run starts from fresh sentence objects, so the extractors' per-sentence word cache is
 * rebuilt each time; the caches per surface form stay warm after the first run on both sides.
 * @module
 */

import { loadCorpus } from "../src/corpus/load.ts";

const [other, path = "data/out/bench/sotu_x1.jsonl", runsArg = "3"] = Deno.args;
if (!other) throw new Error("usage: profile_ab.ts OTHER_TREE [corpus.jsonl] [runs]");

// deno-lint-ignore no-explicit-any
type Any = any;
async function stagesOf(root: string) {
  const url = (p: string) => new URL(p, `file://${root.replace(/\/?$/, "/")}`).href;
  const clean = await import(url("src/corpus/clean.ts"));
  const segment = await import(url("src/text/segment.ts"));
  const articles = await import(url("src/frames/articles.ts"));
  const sentences = await import(url("src/frames/sentences.ts"));
  const cleaning = await import(url("src/frames/cleaning.ts"));
  const extract = await import(url("src/extract/extract.ts"));
  const frames = await import(url("src/extract/frames.ts"));
  return {
    segment: (raw: Any[]) => {
      const cleaned = raw.map((a) => clean.cleanArticle(a));
      return { articles: cleaned, ...segment.segmentArticles(cleaned) };
    },
    corpus: (a: Any) => ({
      articles: articles.articlesFrame(a.articles, a.sentences),
      sentences: sentences.sentencesFrame(a.sentences),
      tokens: sentences.tokensFrame(a.tokens),
      cleaning: cleaning.cleaningFrame(a.articles),
    }),
    extract: (a: Any, built: Any) => {
      const x = frames.extractionFrames(extract.extractCorpus(a));
      return { ...x, articles: articles.withAgencies(built.articles, x.agencies) };
    },
  };
}

const sides = {
  before: await stagesOf(other),
  after: await stagesOf(new URL("..", import.meta.url).pathname),
};
const { articles: raw } = await loadCorpus(path);
const best: Record<string, Record<string, number>> = { before: {}, after: {} };
const runs = Number(runsArg);
for (let run = 1; run <= runs; run++) {
  for (const [name, side] of Object.entries(sides)) {
    let t = performance.now();
    const a = side.segment(raw);
    const segment = (performance.now() - t) / 1000;
    t = performance.now();
    const built = side.corpus(a);
    const corpus = (performance.now() - t) / 1000;
    const fresh = { ...a, sentences: a.sentences.map((s: Any) => ({ ...s })) };
    t = performance.now();
    side.extract(fresh, built);
    const extract = (performance.now() - t) / 1000;
    const times = { segment, corpus, extract };
    for (const [k, v] of Object.entries(times)) {
      best[name][k] = Math.min(best[name][k] ?? Infinity, v);
    }
    console.log(
      `run ${run} ${name.padEnd(6)} clean+segment ${segment.toFixed(2)} s, ` +
        `corpus frames ${corpus.toFixed(2)} s, extract ${extract.toFixed(2)} s`,
    );
  }
}
for (const k of ["segment", "corpus", "extract"]) {
  const b = best.before[k];
  const a = best.after[k];
  console.log(
    `best ${k.padEnd(8)} before ${b.toFixed(2)} s, after ${a.toFixed(2)} s (${
      Math.round((1 - a / b) * 100)
    }% less)`,
  );
}
