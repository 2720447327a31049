/**
 * Streams a file as numbered lines, decoding each strictly, so one bad line in a large
 * JSONL or CSV file is reported and skipped instead of stopping the whole read.
 * @module
 */

import { decodeUtf8Exact } from "./decode.ts";

/** One physical line: its text, or why it could not be decoded. */
export type NumberedLine =
  | { line: number; text: string }
  | { line: number; error: string };

/**
 * The file-system calls the corpus loaders make, in one place: tests replace them to simulate
 * what cannot be set up as root (a file or folder the user may not read).
 */
export const corpusFs = {
  open: (path: string): Promise<Deno.FsFile> => Deno.open(path, { read: true }),
  readFile: (path: string): Promise<Uint8Array> => Deno.readFile(path),
  readDir: (path: string): AsyncIterable<Deno.DirEntry> => Deno.readDir(path),
};

/**
 * Reads `path` chunk by chunk and yields its lines (without the newline; the CR of a CRLF is
 * dropped, a lone CR is kept for the reader to decide), 1-based.
 */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  using file = await corpusFs.open(path);
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  for await (const chunk of file.readable) {
    let buf: Uint8Array = carry.length ? concat(carry, chunk) : chunk;
    let from = 0;
    let nl = buf.indexOf(0x0a, from);
    while (nl !== -1) {
      yield decodeLine(buf.subarray(from, nl), line++);
      from = nl + 1;
      nl = buf.indexOf(0x0a, from);
    }
    buf = buf.subarray(from);
    carry = buf.slice();
  }
  if (carry.length) yield decodeLine(carry, line);
}

function decodeLine(bytes: Uint8Array, line: number): NumberedLine {
  const end = bytes.length && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const decoded = decodeUtf8Exact(bytes.subarray(0, end));
  if ("text" in decoded) return { line, text: decoded.text };
  return {
    line,
    error: `invalid UTF-8 at byte ${decoded.failure.byte} of the line; save the file as UTF-8`,
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
