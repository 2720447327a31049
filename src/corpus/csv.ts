/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, newlines inside quotes).
 * Records are yielded with the line they start on, so errors can point at them.
 * @module
 */

import type { NumberedLine } from "./lines.ts";

/** One CSV record, or why it could not be read. */
export type CsvRecord =
  | { line: number; fields: string[] }
  | { line: number; error: string };

/** Parses numbered lines into records; a record may span lines inside quotes. */
export async function* parseCsv(
  lines: AsyncIterable<NumberedLine>,
  delimiter = ",",
): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let startLine = 0;
  let broken: string | null = null;

  for await (const l of lines) {
    if ("error" in l) {
      // A record with an undecodable line is lost as a whole; report where it started.
      broken = l.error;
      if (!inQuotes) startLine = l.line;
      if (!inQuotes) {
        yield { line: startLine, error: broken };
        broken = null;
        fields = [];
        field = "";
      }
      continue;
    }
    const text = l.text;
    if (!inQuotes) {
      startLine = l.line;
      if (text.length === 0) continue; // blank lines between records
    } else {
      field += "\n";
    }
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          inQuotes = false;
          i++;
          continue;
        }
        field += c;
        i++;
        continue;
      }
      if (c === '"' && field.length === 0) {
        inQuotes = true;
      } else if (c === delimiter) {
        fields.push(field);
        field = "";
      } else {
        field += c;
      }
      i++;
    }
    if (!inQuotes) {
      fields.push(field);
      if (broken) yield { line: startLine, error: broken };
      else yield { line: startLine, fields };
      fields = [];
      field = "";
      broken = null;
    }
  }
  if (inQuotes) {
    yield { line: startLine, error: 'a quoted field is never closed (missing closing ")' };
  }
}
