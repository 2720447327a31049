/**
 * Writing frames to disk as Parquet and CSV.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";

/** Output formats for frames. */
export type FrameFormat = "parquet" | "csv";

/**
 * Text cells a spreadsheet would run as a formula: those starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return. Every CSV the kit writes prefixes them with `'` (which spreadsheets show
 * as text); numeric columns are never touched, so `-3` in a number column stays a number.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets: `'` before a formula-like start (see {@link FORMULA_START}). */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: defused (see {@link defuseFormula}) and quoted when it needs to be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = defuseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Makes a frame CSV-safe: list columns become "; "-joined strings (CSV has no nested values), and
 * text cells that start like a formula get a `'` (see {@link FORMULA_START}).
 */
export function flattenForCsv(df: pl.DataFrame): pl.DataFrame {
  const exprs = csvExprs(df.columns, (name) => String(df.getColumn(name).dtype));
  return exprs.length ? df.withColumns(...exprs) : df;
}

/** The expressions that make these columns CSV-safe (lists joined, formulas defused). */
function csvExprs(columns: string[], dtypeOf: (name: string) => string): pl.Expr[] {
  const exprs: pl.Expr[] = [];
  for (const name of columns) {
    const dtype = dtypeOf(name);
    const text = dtype.startsWith("DataType(List")
      ? pl.col(name).lst.join("; ")
      : /^DataType\((String|Utf8|Categorical)/.test(dtype)
      ? pl.col(name).cast(pl.Utf8)
      : null;
    if (text) exprs.push(text.str.replace("^([=+\\-@\\t\\r])", "'$1").alias(name));
  }
  return exprs;
}

/**
 * Writes each frame as `<dir>/<name>.<format>` and returns the paths written.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, corpusFrames, writeFrames } from "newsframe";
 *
 * const { articles, sentences } = corpusFrames(await analyzeCorpus("seeds"));
 * const paths = await writeFrames({ articles, sentences }, "data/out", ["parquet", "csv"]);
 * ```
 */
export async function writeFrames(
  frames: Record<string, pl.DataFrame>,
  dir: string,
  formats: FrameFormat[],
): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const written: Promise<string>[] = [];
  for (const [name, df] of Object.entries(frames)) {
    for (const format of formats) {
      const path = `${dir}/${name}.${format}`;
      written.push(
        format === "parquet"
          ? writeParquetAsync(df, path)
          : Promise.resolve(writeFrame(df, path, format)),
      );
    }
  }
  return await Promise.all(written);
}

/**
 * Writes `df` as Parquet on polars' threads, so that the frames of a run are written side by
 * side (on two cores, in about half the time of one after another); the same values as
 * {@link writeFrame}'s, uncompressed as there. A frame the sink cannot take is written here.
 */
async function writeParquetAsync(df: pl.DataFrame, path: string): Promise<string> {
  const plan = df.lazy().sinkParquet(path, { compression: "uncompressed", maintainOrder: true });
  try {
    await (plan as unknown as { collect: () => Promise<unknown> }).collect();
  } catch {
    writeFrame(df, path, "parquet");
  }
  return path;
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
 * CSV, and formula-like text cells get a `'`.
 */
export function sinkFrame(lf: pl.LazyDataFrame, path: string, format: FrameFormat): string {
  // Lazy sinks in nodejs-polars 0.25 return a plan that runs when collected.
  (sinkPlan(lf, path, format) as unknown as { collectSync?: () => unknown }).collectSync?.();
  return path;
}

/**
 * {@link sinkFrame} on polars' threads: the promise settles when the file is written, and this
 * thread is free meanwhile (to compute other frames).
 */
export async function sinkFrameAsync(
  lf: pl.LazyDataFrame,
  path: string,
  format: FrameFormat,
): Promise<string> {
  await (sinkPlan(lf, path, format) as unknown as { collect?: () => Promise<unknown> }).collect?.();
  return path;
}

/** The lazy plan that writes `lf` to `path` (see {@link sinkFrame}). */
function sinkPlan(lf: pl.LazyDataFrame, path: string, format: FrameFormat): unknown {
  let flat = lf;
  if (format === "csv") {
    const empty = lf.head(0).collectSync();
    const exprs = csvExprs(empty.columns, (name) => String(empty.getColumn(name).dtype));
    if (exprs.length) flat = lf.withColumns(...exprs);
  }
  return format === "parquet"
    ? flat.sinkParquet(path, { maintainOrder: true })
    : flat.sinkCSV(path, { maintainOrder: true });
}
