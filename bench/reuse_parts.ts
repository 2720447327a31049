/**
 * Benchmark (not a test) of reuse for a corpus processed in batches: runs
 * `reuseFramesFromParts` on the parts an `analyze` run wrote under OUT (its `reuse_index`, or
 * else its `tokens`, with `articles`, `sentences` and the extraction frames), times it and
 * writes the reuse frames to --write DIR (parquet), where `bench/profile_compare.ts` can compare
 * them with a one-piece run. Peak memory: run it under `/usr/bin/time -v`.
 *
 * Run: `deno task bench:reuse-parts --parts data/out --write /tmp/reuse_frames`
 * @module
 */

import { scriptError, scriptFlags } from "../src/cli/args.ts";
import { writeFrames } from "../src/frames/write.ts";
import { ReuseError } from "../src/stats/reuse/errors.ts";
import { reuseFramesFromParts } from "../src/stats/reuse/parts.ts";

const USAGE = `usage: deno task bench:reuse-parts --parts OUT [--write DIR]

  --parts OUT  the output folder of an analyze run (whole frames or batch parts)
  --write DIR  write the reuse frames there as parquet (default: not written)`;

const flags = scriptFlags(USAGE, Deno.args.filter((a) => a !== "--"), {
  parts: { type: "string" },
  write: { type: "string" },
});
const out = flags.parts;
if (!out) scriptError("bench:reuse-parts", "--parts OUT names the output folder to read");
const t0 = performance.now();
let frames;
try {
  frames = reuseFramesFromParts(out);
} catch (e) {
  if (e instanceof ReuseError) scriptError("bench:reuse-parts", e.message);
  throw e;
}
const seconds = (performance.now() - t0) / 1000;
for (const [name, df] of Object.entries(frames)) console.log(`${name}: ${df.height} rows`);
console.log(
  `reuse from parts: ${seconds.toFixed(1)} s, RSS now ${
    Math.round(Deno.memoryUsage().rss / 2 ** 20)
  } MB`,
);
if (flags.write) await writeFrames(frames, flags.write, ["parquet"]);
