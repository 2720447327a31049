/**
 * Strict text decoding: UTF-8 only, byte-order mark dropped, line endings made `\n`.
 * @module
 */

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Where decoding failed: the byte offset and the 1-based line of the first bad byte. */
export interface DecodeFailure {
  byte: number;
  line: number;
}

/** Decodes UTF-8 strictly. Returns the text (BOM removed, CRLF and CR as LF) or the failure point. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { failure: DecodeFailure } {
  const decoded = decodeUtf8Exact(bytes);
  return "text" in decoded ? { text: normalizeNewlines(decoded.text) } : decoded;
}

/**
 * Decodes UTF-8 strictly with the line endings as they are (a BOM is still dropped): for one
 * line of a JSONL or CSV file, whose reader decides what a lone CR means.
 */
export function decodeUtf8Exact(bytes: Uint8Array): { text: string } | { failure: DecodeFailure } {
  try {
    const text = strictUtf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { failure: firstInvalidUtf8(bytes) };
  }
}

/** Turns CRLF and lone CR into LF and drops a leading BOM. */
export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes("\r") ? noBom.replace(/\r\n?/g, "\n") : noBom;
}

/** Finds the first byte that breaks UTF-8 (overlongs, surrogates and truncation included). */
export function firstInvalidUtf8(bytes: Uint8Array): DecodeFailure {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return { byte: i, line };
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { byte: i, line };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { byte: i, line };
    i += need + 1;
  }
  return { byte: bytes.length, line };
}
