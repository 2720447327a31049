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
  const lists = df.columns.filter((name) =>
    String(df.getColumn(name).dtype).startsWith("DataType(List")
  );
  if (!lists.length) return df;
  return df.withColumns(...lists.map((name) => pl.col(name).lst.join("; ").alias(name)));
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
