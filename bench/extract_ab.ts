/**
 * Extraction with the entity model: this tree against another checkout of the kit (an earlier
 * commit, unpacked with `git archive`), in one process, alternating, so the noise of a shared
 * machine hits both alike; also this tree with `model: null` (lists and rules only). Checks that
 * both trees give the same entities, figures and quotes on the seeds and on the State of the
 * Union, then reports words per second of each side per run and the best.
 *
 *   git archive <commit> | tar -x -C /tmp/nf_base
 *   deno run --allow-read --allow-env --allow-ffi --allow-sys bench/extract_ab.ts /tmp/nf_base [runs]
 *
 * Every run starts from fresh sentence objects, so the per-sentence word cache is rebuilt; runs
 * alternate the order of the sides.
 * @module
 */

import { type Analysis, analyzeArticles, analyzeCorpus } from "../src/pipeline.ts";
import { sotuArticles } from "./sotu.ts";

const [other, runsArg = "3"] = Deno.args;
if (!other) throw new Error("usage: extract_ab.ts OTHER_TREE [runs]");

// deno-lint-ignore no-explicit-any
type Any = any;
const url = (root: string, p: string) => new URL(p, `file://${root.replace(/\/?$/, "/")}`).href;
const base = await import(url(other, "src/extract/extract.ts"));
const here = await import(url(new URL("..", import.meta.url).pathname, "src/extract/extract.ts"));

const seeds = await analyzeCorpus("seeds");
const corpora: [string, Analysis][] = [
  [
    "seeds x200",
    analyzeArticles(
      Array.from(
        { length: 200 },
        (_, k) => seeds.articles.map((a) => ({ ...a, id: `${a.id}-r${k}`, source: "seeds" })),
      ).flat(),
    ),
  ],
  ["State of the Union", analyzeArticles(sotuArticles())],
];

const fresh = (a: Analysis) => ({ ...a, sentences: a.sentences.map((s) => ({ ...s })) });
const sides: [string, (a: Analysis) => Any][] = [
  ["base (model)", (a) => base.extractCorpus(a)],
  ["this (model)", (a) => here.extractCorpus(a)],
  ["this (no model)", (a) => here.extractCorpus(a, { model: null })],
];

for (const [name, analysis] of corpora) {
  const x = base.extractCorpus(fresh(analysis));
  const y = here.extractCorpus(fresh(analysis));
  for (const k of ["entities", "figures", "quotes", "attributions", "agencies"]) {
    const same = JSON.stringify(x[k]) === JSON.stringify(y[k]);
    console.log(`${name}: ${k} ${x[k].length} vs ${y[k].length} ${same ? "identical" : "DIFFER"}`);
    if (!same) Deno.exitCode = 1;
  }
}

const runs = Number(runsArg);
for (const [name, analysis] of corpora) {
  const words = analysis.sentences.reduce((n, s) => n + s.nWords, 0);
  const best = new Map<string, number>();
  for (let run = 1; run <= runs; run++) {
    const line: string[] = [];
    // Each run reverses the order, so neither side always runs after the other's garbage.
    for (const [side, f] of run % 2 === 1 ? sides : [...sides].reverse()) {
      const a = fresh(analysis);
      const t0 = performance.now();
      f(a);
      const s = (performance.now() - t0) / 1000;
      best.set(side, Math.min(best.get(side) ?? Infinity, s));
      line.push(`${side} ${Math.round(words / s / 1000)}k`);
    }
    console.log(`${name} run ${run}: ${line.join(", ")} words/s`);
  }
  const b = best.get("base (model)")!, h = best.get("this (model)")!;
  console.log(
    `${name} best: ${
      [...best].map(([k, s]) => `${k} ${Math.round(words / s / 1000)}k`).join(", ")
    } words/s; this/base ${(b / h).toFixed(2)}x`,
  );
}
