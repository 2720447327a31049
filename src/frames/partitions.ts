/**
 * Frames written in parts: a corpus processed in batches writes each per-article frame as one
 * file per batch, in Hive-style folders (`tokens/batch=00003/part.parquet`), which Polars, DuckDB
 * and Spark read as one table:
 *
 * ```
 * pl.scanParquet("data/out/tokens/**\/*.parquet")                        // nodejs-polars
 * SELECT * FROM read_parquet('data/out/tokens/*\/*.parquet', hive_partitioning = true) -- DuckDB
 * ```
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type FrameFormat, writeFrame } from "./write.ts";

/** The folder of one batch of a partitioned frame. */
export function partitionDir(out: string, name: string, batch: number): string {
  return `${out}/${name}/batch=${String(batch).padStart(5, "0")}`;
}

/** Writes one batch of a frame as `<out>/<name>/batch=NNNNN/part.<format>`; returns the paths. */
export async function writePartition(
  frame: pl.DataFrame,
  out: string,
  name: string,
  batch: number,
  formats: readonly FrameFormat[],
): Promise<string[]> {
  const dir = partitionDir(out, name, batch);
  await Deno.mkdir(dir, { recursive: true });
  return formats.map((format) => writeFrame(frame, `${dir}/part.${format}`, format));
}

/**
 * Removes what an earlier run wrote under these frame names: `<name>.parquet`, `<name>.csv` and
 * a `<name>/` folder of parts, so a new run never mixes with the files of an older one (a
 * leftover part would be read as rows of the new table).
 */
export async function clearFrames(out: string, names: Iterable<string>): Promise<void> {
  for (const name of names) {
    for (const path of [`${out}/${name}.parquet`, `${out}/${name}.csv`, `${out}/${name}`]) {
      try {
        await Deno.remove(path, { recursive: true });
      } catch (e) {
        if (!(e instanceof Deno.errors.NotFound)) throw e;
      }
    }
  }
}

/**
 * Reads a frame that `analyze` wrote, whole or in parts: `<out>/<name>.parquet`, else every
 * `<out>/<name>/batch=*\/part.parquet` in batch order.
 *
 * @example
 * ```ts
 * import { readFrame } from "newsframe";
 *
 * // One file or every batch part, in batch order (see `deno task analyze --batch-words`).
 * const tokens = readFrame("data/out", "tokens");
 * console.log(tokens.height);
 * ```
 */
export function readFrame(out: string, name: string): pl.DataFrame {
  try {
    Deno.statSync(`${out}/${name}.parquet`);
    return pl.readParquet(`${out}/${name}.parquet`);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return pl.scanParquet(`${out}/${name}/**/*.parquet`).collectSync();
}

/** Whether a file or folder exists (false only when it is not found; other errors throw). */
export function fileExists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

/**
 * Parts read between two garbage collections by the steps that read parts one by one (the
 * merge's tallies, reuse from parts; see `batch/collect.ts`): often enough that dead parts never
 * pile up, rarely enough that the collections cost little.
 */
export const PARTS_PER_COLLECTION = 16;
