/**
 * Writing frames to disk as Parquet and CSV.
 * @module
 */

import pl from "nodejs-polars";

/** Output formats for frames. */
export type FrameFormat = "parquet" | "csv";

/**
 * Makes a frame CSV-safe: list columns become "; "-joined strings (CSV has no nested values).
 */
export function flattenForCsv(df: pl.DataFrame): pl.DataFrame {
  const lists = listColumns(df);
  if (!lists.length) return df;
  return df.withColumns(...lists.map((name) => pl.col(name).lst.join("; ").alias(name)));
}

function listColumns(df: pl.DataFrame): string[] {
  return df.columns.filter((name) => String(df.getColumn(name).dtype).startsWith("DataType(List"));
}

/**
 * Writes each frame as `<dir>/<name>.<format>` and returns the paths written.
 *
 * @example
 * await writeFrames({ articles, sentences }, "data/out", ["parquet", "csv"]);
 */
export async function writeFrames(
  frames: Record<string, pl.DataFrame>,
  dir: string,
  formats: FrameFormat[],
): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, df] of Object.entries(frames)) {
    for (const format of formats) written.push(writeFrame(df, `${dir}/${name}.${format}`, format));
  }
  return written;
}

/** Writes one frame to `path` in `format` (lists flattened for CSV); returns the path. */
export function writeFrame(df: pl.DataFrame, path: string, format: FrameFormat): string {
  if (format === "parquet") df.writeParquet(path);
  else flattenForCsv(df).writeCSV(path);
  return path;
}

/**
 * Streams a lazy frame to `path` in `format`, rows in order, without holding the result in this
 * process's heap (a frame collected here lives until the garbage collector finalises it, which
 * a loop over many files outruns). As in {@link writeFrame}, lists become "; "-joined strings in
 * CSV.
 */
export function sinkFrame(lf: pl.LazyDataFrame, path: string, format: FrameFormat): string {
  const lists = format === "csv" ? listColumns(lf.head(0).collectSync()) : [];
  const flat = lists.length
    ? lf.withColumns(...lists.map((name) => pl.col(name).lst.join("; ").alias(name)))
    : lf;
  const sink = format === "parquet"
    ? flat.sinkParquet(path, { maintainOrder: true })
    : flat.sinkCSV(path, { maintainOrder: true });
  // Lazy sinks in nodejs-polars 0.25 return a plan that runs when collected.
  (sink as unknown as { collectSync?: () => unknown }).collectSync?.();
  return path;
}
