/**
 * Every rejection on record: `rejections.csv`, written into every output folder, holds one row
 * per error the loader met (a record can have several), so nothing is dropped without a word
 * even when the summary on screen lists only the first few.
 * @module
 */

import { csvCell } from "../frames/write.ts";
import type { LoadIssue } from "./issues.ts";

/** The file name of the rejections table. */
export const REJECTIONS_FILE = "rejections.csv";

/**
 * The rejections table as CSV text: `file,line,field,id,message`, one row per error (rejected
 * records and corpus-level errors such as a bad manifest), in the order they were met. Text cells
 * that start like a spreadsheet formula get a `'`.
 *
 * @example
 * rejectionsCsv([{ severity: "error", source: "a.csv", line: 3, field: "date", message: "…" }]);
 * // 'file,line,field,id,message\na.csv,3,date,,…\n'
 */
export function rejectionsCsv(issues: readonly LoadIssue[]): string {
  const rows = ["file,line,field,id,message"];
  for (const i of issues) {
    if (i.severity !== "error") continue;
    rows.push(
      [i.source, i.line ?? null, i.field ?? null, i.id ?? null, i.message].map(csvCell).join(","),
    );
  }
  return rows.join("\n") + "\n";
}

/** Writes {@link rejectionsCsv} to `<dir>/rejections.csv`; returns the path. */
export async function writeRejections(dir: string, issues: readonly LoadIssue[]): Promise<string> {
  const path = `${dir}/${REJECTIONS_FILE}`;
  await Deno.writeTextFile(path, rejectionsCsv(issues));
  return path;
}
