/**
 * Where the time of the measure stages goes, in process, on a whole corpus: each stage's `batch`
 * (per-article frames and tally) and `summarize` (corpus-level frames), timed apart, wall and
 * CPU. One pass per process.
 *
 *   deno run --allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname \
 *     --allow-env=LOG_TOKENS,LOG_STREAM [--allow-write=data/out] bench/profile_measure.ts \
 *     [corpus.jsonl] [--write data/out/DIR]
 *
 * With `--write`, every frame is written there as Parquet (for bench/profile_compare.ts).
 * @module
 */

import process from "node:process";
import { cleanArticle } from "../src/corpus/clean.ts";
import { loadCorpus } from "../src/corpus/load.ts";
import { segmentArticles } from "../src/text/segment.ts";
import { stagesOf } from "../src/stages.ts";
import type { Frames, StageOptions } from "../src/frame_stage.ts";

const writeAt = Deno.args.indexOf("--write");
const writeDir = writeAt >= 0 ? Deno.args[writeAt + 1] : undefined;
const path = Deno.args.filter((_, i) => writeAt < 0 || (i !== writeAt && i !== writeAt + 1))[0] ??
  "data/out/bench/sotu_x1.jsonl";
const { articles } = await loadCorpus(path);
const lines: string[] = [];
const step = <T>(k: string, f: () => T): T => {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(c);
  lines.push(
    `${k.padEnd(28)} ${((performance.now() - t) / 1000).toFixed(2)} s (cpu ${
      ((used.user + used.system) / 1e6).toFixed(2)
    })`,
  );
  return out;
};
const cleaned = step("clean", () => articles.map((a) => cleanArticle(a)));
const seg = step("segment", () => segmentArticles(cleaned));
const analysis = { articles: cleaned, ...seg } as never;
const options: StageOptions = { cache: new Map() };
const frames: Frames = {};
const total = performance.now();
for (const stage of stagesOf(["measure"])) {
  const { frames: made, tally } = step(
    `${stage.name} batch`,
    () => stage.batch(analysis, frames, options),
  );
  Object.assign(frames, made);
  if (tally !== undefined && stage.summarize) {
    Object.assign(frames, step(`${stage.name} summarize`, () => stage.summarize!(tally, options)));
  }
}
lines.push(`measure total ${((performance.now() - total) / 1000).toFixed(2)} s`);
console.log(lines.join("\n"));
for (const [name, f] of Object.entries(frames)) console.log(name, f.height);
if (writeDir) {
  Deno.mkdirSync(writeDir, { recursive: true });
  for (const [name, f] of Object.entries(frames)) f.writeParquet(`${writeDir}/${name}.parquet`);
}
