/**
 * The measure stages of this tree against another checkout of the kit (see bench/profile_ab.ts),
 * stage by stage, in one process, alternating, best of N runs in wall and CPU time. Each side
 * segments the corpus once; every run then counts terms afresh (a new stage cache).
 *
 *   deno run --allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname \
 *     --allow-env=LOG_TOKENS,LOG_STREAM bench/profile_measure_ab.ts OTHER_TREE [corpus.jsonl] [runs]
 * @module
 */

import process from "node:process";
import { loadCorpus } from "../src/corpus/load.ts";

const [other, path = "data/out/bench/sotu_x1.jsonl", runsArg = "3"] = Deno.args;
if (!other) throw new Error("usage: profile_measure_ab.ts OTHER_TREE [corpus.jsonl] [runs]");

// deno-lint-ignore no-explicit-any
type Any = any;
async function sideOf(root: string, raw: Any[]) {
  const url = (p: string) => new URL(p, `file://${root.replace(/\/?$/, "/")}`).href;
  const clean = await import(url("src/corpus/clean.ts"));
  const segment = await import(url("src/text/segment.ts"));
  const stages = await import(url("src/stages.ts"));
  const articles = raw.map((a) => clean.cleanArticle(a));
  return {
    analysis: { articles, ...segment.segmentArticles(articles) },
    stages: stages.stagesOf(["measure"]) as Any[],
  };
}

const { articles: raw } = await loadCorpus(path);
const sides: Record<string, Awaited<ReturnType<typeof sideOf>>> = {
  before: await sideOf(other, raw),
  after: await sideOf(new URL("..", import.meta.url).pathname, raw),
};
const best: Record<string, Record<string, [number, number]>> = { before: {}, after: {} };
const names: string[] = [];
const runs = Number(runsArg);
for (let run = 1; run <= runs; run++) {
  for (const [name, side] of Object.entries(sides)) {
    const options = { cache: new Map() };
    const frames: Record<string, unknown> = {};
    const line: string[] = [];
    const step = <T>(k: string, f: () => T): T => {
      const t = performance.now();
      const c = process.cpuUsage();
      const out = f();
      const used = process.cpuUsage(c);
      const wall = (performance.now() - t) / 1000;
      const cpu = (used.user + used.system) / 1e6;
      if (!names.includes(k)) names.push(k);
      const [bw, bc] = best[name][k] ?? [Infinity, Infinity];
      best[name][k] = [Math.min(bw, wall), Math.min(bc, cpu)];
      line.push(`${k} ${cpu.toFixed(2)}`);
      return out;
    };
    for (const stage of side.stages) {
      const { frames: made, tally } = step(
        stage.name,
        () => stage.batch(side.analysis, frames, options),
      );
      Object.assign(frames, made);
      if (tally !== undefined && stage.summarize) {
        Object.assign(frames, step(`${stage.name}+`, () => stage.summarize(tally, options)));
      }
    }
    console.log(`run ${run} ${name.padEnd(6)} cpu: ${line.join(", ")}`);
  }
}
let total = [0, 0, 0, 0];
for (const k of names) {
  const [bw, bc] = best.before[k];
  const [aw, ac] = best.after[k];
  total = [total[0] + bw, total[1] + bc, total[2] + aw, total[3] + ac];
  console.log(
    `best ${k.padEnd(16)} wall ${bw.toFixed(2)} -> ${aw.toFixed(2)} s, cpu ${bc.toFixed(2)} -> ${
      ac.toFixed(2)
    } s`,
  );
}
console.log(
  `best sum         wall ${total[0].toFixed(2)} -> ${total[2].toFixed(2)} s, cpu ${
    total[1].toFixed(2)
  } -> ${total[3].toFixed(2)} s`,
);
