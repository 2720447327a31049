/**
 * Escaping article-derived text for Markdown that Jupyter renders (and nbconvert exports as
 * HTML): an outlet named `<img src=x onerror=…>` must show as those characters, never run.
 * @module
 */

const HTML: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Makes any text safe inside Markdown prose: HTML's special characters become entities, the
 * characters of Markdown syntax (emphasis, code, links, headings, tables) are backslash-escaped,
 * (an underscore only at a word's edge) and line breaks become spaces, so a value can never start a block of its own.
 *
 * @example
 * ```ts
 * import { escapeMarkdown } from "newsframe";
 *
 * // Article text inside Markdown (a notebook cell, a report), never read as markup.
 * const line = `Top speaker: ${escapeMarkdown("**Okafor** said <b>no</b>")}`;
 * ```
 */
export function escapeMarkdown(text: unknown): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\\`*[\]#|~!]/g, "\\$&")
    // An underscore inside a word (`002_ade`) is never emphasis in CommonMark: left as it is.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/[&<>"']/g, (c) => HTML[c]);
}
