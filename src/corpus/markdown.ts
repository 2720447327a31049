/**
 * Markdown to the article's words: what a `.md` file from a scraper or a notes app marks up
 * (headings, links, emphasis, images, quotes, code) is markup, not text. Left in, "# " opened the
 * headline, "(https://…)" became words of every article and "**" split names. Line for line: a
 * removed line stays as a blank one, so line numbers in messages still point into the file.
 * @module
 */

/** "# Headline", "### Subhead ###": the heading's words. */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
/** "> quoted", "> > nested": a block quote's marks. */
const BLOCK_QUOTE = /^ {0,3}(?:>[ \t]?)+/u;
/** "[1]: https://… "Title"": a reference link's definition. */
const LINK_DEFINITION =
  /^ {0,3}\[[^\]]+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/u;
/** "```js", "~~~": a fence opening or closing a block of code. */
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/u;

/** `![alt](url)`: an image, which is no text of the article. */
const IMAGE = /!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)/gu;
/** `[words](url "title")`: a link's words. */
const INLINE_LINK =
  /(?<!\\)\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)/gu;
/** `[words][ref]`, `[words][]`: a reference link's words. */
const REFERENCE_LINK = /(?<!\\)\[([^\]\n]+)\]\[[^\]\n]*\]/gu;
/** `<https://…>`: an autolink, only an address. */
const AUTOLINK = /<(?:https?|ftp|mailto):[^>\s]*>/gu;
/** `<!-- … -->` on one line. */
const COMMENT = /<!--.*?-->/gu;
/** `**strong**`, `__strong__`: the words inside. */
const STRONG = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu;
/** `*emphasis*`: the words inside, when the stars hug them ("5 * 3" keeps its star). */
const EMPHASIS_STAR = /(?<![\p{L}\p{N}*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![\p{L}\p{N}*])/gu;
/** `_emphasis_`, not inside a word ("snake_case_name" keeps its underscores). */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_\n]*?[^\s_\\])_(?![\p{L}\p{N}_])/gu;
/** `` `code` ``: the code's characters. */
const INLINE_CODE = /`([^`\n]+)`/gu;
/** `\*`, `\_`, `\[`: an escaped punctuation mark is that mark. */
const ESCAPE = /\\([\\`*_{}\[\]()#+\-.!>|~])/gu;

/** One line's inline markup out: images, links, emphasis, code, comments, escapes. */
function inline(line: string): string {
  return line.replace(IMAGE, "")
    .replace(INLINE_LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(AUTOLINK, "")
    .replace(COMMENT, "")
    .replace(STRONG, "$2")
    .replace(EMPHASIS_STAR, "$1")
    .replace(EMPHASIS_UNDERSCORE, "$1")
    .replace(INLINE_CODE, "$1")
    .replace(ESCAPE, "$1");
}

/**
 * The text of a Markdown document, line for line: headings and block quotes lose their marks,
 * links keep their words, images, reference definitions and fenced code become blank lines,
 * emphasis and inline code lose their marks. Lists, tables and rules are left to cleaning.
 *
 * @example
 * ```ts
 * import { markdownToText } from "./markdown.ts";
 * markdownToText("# Storm hits coast\n\nThe **storm** hit [Galveston](https://example.com).");
 * // "Storm hits coast\n\nThe storm hit Galveston."
 * ```
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.split("\n");
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      fenced = !fenced;
      lines[i] = "";
      continue;
    }
    if (fenced || LINK_DEFINITION.test(line)) {
      lines[i] = "";
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    const body = heading ? heading[1] : line.replace(BLOCK_QUOTE, "");
    lines[i] = /[[*_`<!\\]/u.test(body) ? inline(body) : body;
  }
  return lines.join("\n");
}
