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
 * escapeMarkdown('<img src=x onerror="alert(1)">'); // '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 * escapeMarkdown("*bold* [link](x)");                // '\\*bold\\* \\[link\\](x)'
 */
export function escapeMarkdown(text: unknown): string {
  return String(text)
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\\`*[\]#|~!]/g, "\\$&")
    // An underscore inside a word (`002_ade`) is never emphasis in CommonMark: left as it is.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/[&<>"']/g, (c) => HTML[c]);
}
