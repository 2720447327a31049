/**
 * Compares two output folders of `deno task analyze` frame by frame: every Parquet frame (one
 * file, or written in batches) with polars' `frameEqual` (nulls equal), and every other file
 * byte for byte. Exits 1 on any difference.
 *
 *   deno run --allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname \
 *     --allow-env=LOG_TOKENS,LOG_STREAM bench/profile_compare.ts BEFORE_DIR AFTER_DIR
 * @module
 */

import pl from "nodejs-polars";
import { readFrame } from "../src/frames/partitions.ts";

const [before, after] = Deno.args;
if (!before || !after) throw new Error("usage: profile_compare.ts BEFORE_DIR AFTER_DIR");
let bad = 0;
const entries = [...Deno.readDirSync(before)];
const names = entries.filter((e) => e.isFile && !e.name.endsWith(".parquet")).map((e) => e.name);
const frames = [
  ...new Set(
    entries.filter((e) => e.name.endsWith(".parquet") || e.isDirectory).map((e) =>
      e.name.replace(/\.parquet$/, "")
    ),
  ),
];
const withoutBatch = (df: pl.DataFrame) => df.columns.includes("batch") ? df.drop("batch") : df;
for (const name of frames.sort()) {
  let fa: pl.DataFrame, fb: pl.DataFrame;
  try {
    fa = withoutBatch(readFrame(before, name));
    fb = withoutBatch(readFrame(after, name));
  } catch (e) {
    console.log(`MISSING ${name}: ${e}`);
    bad++;
    continue;
  }
  const same = fa.frameEqual(fb, true) && JSON.stringify(fa.schema) === JSON.stringify(fb.schema);
  if (!same) bad++;
  console.log(`${same ? "same" : "DIFFERENT"} frame ${name} (${fa.height} rows)`);
}
for (const name of names.sort()) {
  let a: Uint8Array, b: Uint8Array;
  try {
    a = Deno.readFileSync(`${before}/${name}`);
    b = Deno.readFileSync(`${after}/${name}`);
  } catch {
    console.log(`MISSING ${name}`);
    bad++;
    continue;
  }
  const same = a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same) bad++;
  console.log(`${same ? "same" : "DIFFERENT"} file ${name}`);
}
console.log(`${frames.length} frames, ${names.length} other files, ${bad} different`);
if (bad) Deno.exit(1);
