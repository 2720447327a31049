/**
 * The foundation, extraction and measure stages of this tree against another checkout of the kit
 * (an earlier commit, unpacked with `git archive`), in one process, alternating, so that the
 * noise of a shared machine hits both alike. Reports each run and the best of each side, in wall
 * time and in CPU time.
 *
 *   git archive <commit> | tar -x -C /tmp/nf_before
 *   deno run --allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname \
 *     --allow-env=LOG_TOKENS,LOG_STREAM bench/profile_ab.ts /tmp/nf_before [corpus.jsonl] [runs] \
 *     [--no-extract]
 *
 * Every run starts from fresh sentence objects, so the extractors' per-sentence word cache is
 * rebuilt each time; the caches per surface form stay warm after the first run on both sides.
 * @module
 */

import process from "node:process";
import { loadCorpus } from "../src/corpus/load.ts";

// --no-extract leaves the extractors out (their time is not in question, and they are slow).
const noExtract = Deno.args.includes("--no-extract");
const [other, path = "data/out/bench/sotu_x1.jsonl", runsArg = "3"] = Deno.args.filter((a) =>
  a !== "--no-extract"
);
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
  const stages = await import(url("src/stages.ts"));
  const measureStages = stages.stagesOf(["measure"]);
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
    // The measure stage as a batch runs it (per-article frames and the tally), then the
    // corpus-level frames from the tally (keyness, outlet_terms...: the serial tail of a run).
    measureBatch: (a: Any) =>
      stages.runStages(a, measureStages, { partial: true }, { given: {} }) as {
        tallies: Record<string, unknown>;
      },
    measureCorpus: (tallies: Any) => stages.summarizeTallies(measureStages, tallies),
  };
}

const sides = {
  before: await stagesOf(other),
  after: await stagesOf(new URL("..", import.meta.url).pathname),
};
const { articles: raw } = await loadCorpus(path);
// Wall time and CPU time of the process (all threads, polars' included) per stage: on a shared
// machine the CPU time is the steadier of the two.
const best: Record<string, Record<string, number>> = { before: {}, after: {} };
const cpuBest: Record<string, Record<string, number>> = { before: {}, after: {} };
const STEPS = ["segment", "corpus", "extract", "measure", "tail"] as const;
const runs = Number(runsArg);
for (let run = 1; run <= runs; run++) {
  for (const [name, side] of Object.entries(sides)) {
    const wall: Record<string, number> = {};
    const cpu: Record<string, number> = {};
    const step = <T>(k: string, f: () => T): T => {
      const t = performance.now();
      const c = process.cpuUsage();
      const out = f();
      const used = process.cpuUsage(c);
      wall[k] = (performance.now() - t) / 1000;
      cpu[k] = (used.user + used.system) / 1e6;
      return out;
    };
    const a = step("segment", () => side.segment(raw));
    const built = step("corpus", () => side.corpus(a));
    const fresh = { ...a, sentences: a.sentences.map((s: Any) => ({ ...s })) };
    step("extract", () => noExtract ? undefined : side.extract(fresh, built));
    const { tallies } = step("measure", () => side.measureBatch(a));
    step("tail", () => side.measureCorpus(tallies));
    for (const k of STEPS) {
      best[name][k] = Math.min(best[name][k] ?? Infinity, wall[k]);
      cpuBest[name][k] = Math.min(cpuBest[name][k] ?? Infinity, cpu[k]);
    }
    console.log(
      `run ${run} ${name.padEnd(6)} ` +
        STEPS.map((k) => `${k} ${wall[k].toFixed(2)} s (cpu ${cpu[k].toFixed(2)})`).join(", "),
    );
  }
}
for (const k of STEPS) {
  const [b, a] = [best.before[k], best.after[k]];
  const [cb, ca] = [cpuBest.before[k], cpuBest.after[k]];
  console.log(
    `best ${k.padEnd(8)} wall before ${b.toFixed(2)} s, after ${a.toFixed(2)} s (${
      Math.round((1 - a / b) * 100)
    }% less); cpu before ${cb.toFixed(2)} s, after ${ca.toFixed(2)} s (${
      Math.round((1 - ca / cb) * 100)
    }% less)`,
  );
}
