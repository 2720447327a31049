/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, newlines inside quotes).
 * Records are yielded with the line they start on, so errors can point at them.
 *
 * Two departures from a plain RFC reader, so a bad row never takes good ones with it:
 * - a lone carriage return outside quotes ends the record (old Mac line endings), where a plain
 *   reader would run two rows together; inside quotes it is kept as data;
 * - a record that starts with a quote that never closes at its line end is suspect: when it
 *   reaches the end of the file still open, or comes out with another number of fields than the
 *   header (the first record), only its first line is reported as an error and the lines after it
 *   are read again as records of their own.
 * @module
 */

import type { NumberedLine } from "./lines.ts";

/** One CSV record, or why it could not be read. */
export type CsvRecord =
  | { line: number; fields: string[] }
  | { line: number; error: string };

/** Parses numbered lines into records; a record may span lines inside quotes. */
export async function* parseCsv(
  lines: AsyncIterable<NumberedLine> | Iterable<NumberedLine>,
  delimiter = ",",
): AsyncGenerator<CsvRecord> {
  let width: number | null = null;
  // Lines of the record being read, kept while it spans lines so they can be read again.
  let pending: NumberedLine[] = [];
  const state = fresh();
  for await (const l of lines) {
    if ("error" in l) {
      // A record with an undecodable line is lost as a whole; report where it started.
      if (!state.inQuotes) {
        yield { line: l.line, error: l.error };
        continue;
      }
      state.broken ??= l.error;
      pending.push(l);
      continue;
    }
    if (!state.inQuotes && l.text.length === 0) continue; // blank lines between records
    if (!state.inQuotes) state.startLine = l.line;
    pending.push(l);
    for (const { rec, malformed } of feed(state, l.text, delimiter)) {
      const spans = pending.length > 1;
      const suspect = malformed ||
        (width !== null && "fields" in rec && rec.fields.length !== width);
      if ("fields" in rec && spans && suspect) {
        // A quote opened on the first line and closed somewhere later: read the rest again.
        yield* recover(pending, width, delimiter);
      } else {
        if (width === null && "fields" in rec) width = rec.fields.length;
        yield rec;
      }
      pending = [];
    }
    // A record left open on this line starts here (the ones before it on the line are done).
    if (!state.inQuotes) pending = [];
    else if (!pending.length) pending = [l];
  }
  if (state.inQuotes) yield* recover(pending, width, delimiter);
}

/** Reports the first line of a record whose quote never closed, then reads the rest again. */
async function* recover(
  pending: NumberedLine[],
  width: number | null,
  delimiter: string,
): AsyncGenerator<CsvRecord> {
  yield {
    line: pending[0].line,
    error: width === null
      ? 'a quoted field is never closed (missing closing ")'
      : `a quoted field opened on this line is never closed (missing closing "); the lines after it are read as records of their own`,
  };
  // The header's width still applies to the records read again.
  const rest = pending.slice(1);
  const header: NumberedLine[] = width === null
    ? []
    : [{ line: 0, text: Array.from({ length: width }, () => "h").join(delimiter) }];
  let first = true;
  for await (const rec of parseCsv([...header, ...rest], delimiter)) {
    if (first && header.length) {
      first = false;
      continue;
    }
    yield rec;
  }
}

interface ParseState {
  fields: string[];
  field: string;
  inQuotes: boolean;
  startLine: number;
  broken: string | null;
  /** A quoted field closed on this field: only a delimiter or the line end may follow. */
  closed: boolean;
  /** Text followed a closing quote (`"a"b`): the quote was most likely never meant to close. */
  malformed: boolean;
}

function fresh(): ParseState {
  return {
    fields: [],
    field: "",
    inQuotes: false,
    startLine: 0,
    broken: null,
    closed: false,
    malformed: false,
  };
}

/** Feeds one physical line; yields every record it completes. */
function* feed(
  s: ParseState,
  text: string,
  delimiter: string,
): Generator<{ rec: CsvRecord; malformed: boolean }> {
  if (s.inQuotes) s.field += "\n";
  const done = () => {
    s.fields.push(s.field);
    const rec: CsvRecord = s.broken
      ? { line: s.startLine, error: s.broken }
      : { line: s.startLine, fields: s.fields };
    const malformed = s.malformed;
    s.fields = [];
    s.field = "";
    s.broken = null;
    s.closed = s.malformed = false;
    return { rec, malformed };
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (s.inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          s.field += '"';
          i += 2;
          continue;
        }
        s.inQuotes = false;
        s.closed = true;
        i++;
        continue;
      }
      s.field += c;
      i++;
      continue;
    }
    if (c === '"' && s.field.length === 0) {
      s.inQuotes = true;
    } else if (c === delimiter) {
      s.fields.push(s.field);
      s.field = "";
      s.closed = false;
    } else if (c === "\r") {
      // A lone CR (the CR of CRLF is gone already): a line ending, never part of a field.
      yield done();
    } else {
      if (s.closed) s.malformed = true;
      s.field += c;
    }
    i++;
  }
  if (!s.inQuotes) {
    // A lone CR just before the line end already closed the record.
    if (text.endsWith("\r") && s.fields.length === 0 && s.field === "") return;
    yield done();
  }
}
