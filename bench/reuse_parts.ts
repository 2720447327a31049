/**
 * Benchmark (not a test) of reuse for a corpus processed in batches: runs reuse on the parts an
 * `analyze` run wrote under OUT (the `reuse_index` its batches staged in OUT/.staging, as the
 * merge reads it, or else its `tokens`, with `articles`,
 * `sentences` and the extraction frames), times it and writes the reuse frames to --write DIR
 * (parquet), where `bench/profile_compare.ts` can compare them with a one-piece run. By default
 * as the merge runs it (`reusePiecesFromParts`: pairs spilled to a scratch folder, frames
 * written piece by piece); `--whole` holds every pair and frame in memory
 * (`reuseFramesFromParts`). Peak memory: run it under `/usr/bin/time -v`.
 *
 * Run: `deno task bench:reuse-parts --parts data/out --write /tmp/reuse_frames`
 * @module
 */

import { scriptError, scriptFlags } from "../src/cli/args.ts";
import { writeFrames } from "../src/frames/write.ts";
import { clearFrames } from "../src/frames/partitions.ts";
import { CorpusWriter } from "../src/batch/merge.ts";
import { collectGarbage, logMemory } from "../src/batch/collect.ts";
import { ReuseError } from "../src/stats/reuse/errors.ts";
import { reuseFramesFromParts, reusePiecesFromParts } from "../src/stats/reuse/parts.ts";

const USAGE = `usage: deno task bench:reuse-parts --parts OUT [--write DIR] [--whole]

  --parts OUT  the output folder of an analyze run (whole frames or batch parts)
  --write DIR  write the reuse frames there as parquet (default: not written; the pieces are
               still made, and the pairs spilled to DIR or to OUT/.staging/reuse)
  --whole      every pair and frame in memory, as before the pieces (for comparison)
  --small      small chunks, ranges and pieces (100,000 pairs, 200,000 links, 100,000 rows), to
               check that many pieces give the frames one piece gives`;

const flags = scriptFlags(USAGE, Deno.args.filter((a) => a !== "--"), {
  parts: { type: "string" },
  write: { type: "string" },
  whole: { type: "boolean" },
  small: { type: "boolean" },
});
const out = flags.parts;
if (!out) scriptError("bench:reuse-parts", "--parts OUT names the output folder to read");
const rss = () => `${Math.round(Deno.memoryUsage().rss / 2 ** 20)} MB`;
const t0 = performance.now();
const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
try {
  if (flags.whole) {
    const frames = reuseFramesFromParts(out);
    for (const [name, df] of Object.entries(frames)) console.log(`${name}: ${df.height} rows`);
    console.log(`reuse from parts, whole: ${seconds()} s, RSS now ${rss()}`);
    if (flags.write) await writeFrames(frames, flags.write, ["parquet"]);
  } else {
    const dir = flags.write ?? out;
    const scratch = `${dir}/.staging/reuse`;
    const pieces = await reusePiecesFromParts(
      out,
      {
        scratch,
        // Where the merge reads the batches' reuse_index (a shard run's parts keep it there).
        index: `${out}/.staging`,
        collect: collectGarbage,
        log: (phase) => {
          console.log(`${phase}: ${seconds()} s, RSS now ${rss()}`);
          logMemory(`reuse: ${phase}`);
        },
        ...(flags.small ? { chunkPairs: 100_000, maxLinks: 200_000, pieceRows: 100_000 } : {}),
      },
    );
    console.log(`features and pairs: ${seconds()} s, RSS now ${rss()}`);
    const writer = new CorpusWriter(dir, ["parquet"]);
    for (const [name, frames] of Object.entries(pieces)) {
      if (flags.write) await writer.writePieces(name, frames);
      else writer.rows[name] = [...frames].reduce((n, f) => n + f.height, 0);
      console.log(`${name}: ${writer.rows[name]} rows (${seconds()} s, RSS now ${rss()})`);
    }
    await clearFrames(dir, [".staging"]);
    console.log(`reuse from parts, in pieces: ${seconds()} s, RSS now ${rss()}`);
  }
} catch (e) {
  if (e instanceof ReuseError) scriptError("bench:reuse-parts", e.message);
  throw e;
}
