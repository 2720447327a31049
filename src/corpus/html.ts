/**
 * Saved web pages (`.html`, `.htm`) as corpus input: the article's text is found with Mozilla's
 * Readability (Firefox's Reader View) on a linkedom DOM, its metadata read from the page's tags
 * (see {@link pageMetadata}), and the record handed to the same schema as every other format.
 *
 * The page is untrusted: nothing in it runs (linkedom builds a DOM, it runs no script and loads
 * nothing), and scripts, styles, hidden elements, navigation, share widgets, comments and
 * related-article lists are taken out before Readability looks for the article. Both libraries
 * are imported the first time a page is met, so a corpus without one does not load them.
 * @module
 */

import { type RecordResult, recordToArticle } from "./article.ts";
import { decodeUtf8 } from "./decode.ts";
import { pageMetadata } from "./html_meta.ts";
import type { LoadIssue } from "./issues.ts";
import { corpusFs } from "./lines.ts";

/** A page whose readable text has fewer words than this holds no article (an index, an error page). */
export const MIN_ARTICLE_WORDS = 40;

/** Above this share of the readable text in links, a page is a list of links, not an article. */
const MAX_LINK_SHARE = 0.5;

/**
 * The deepest nesting of elements read. Saved news pages nest a few dozen deep; Readability's time
 * grows with the square of the depth on linkedom (1.8 s at 400, 19 s at 1,000 measured here), and
 * linkedom itself overflows the stack near 3,000.
 */
export const MAX_DEPTH = 256;

/** What a page gives: the record's fields, or why it holds no article. */
export type PageReading = { fields: Record<string, string> } | { problem: string };

interface HtmlLibs {
  parseHTML: (html: string) => Document;
  readability: (document: Document) => { content: Node; title: string; byline: string } | null;
}

let libs: Promise<HtmlLibs> | undefined;

/** linkedom and Readability, imported once, when the first page is read. */
function htmlLibs(): Promise<HtmlLibs> {
  libs ??= Promise.all([import("linkedom"), import("@mozilla/readability")]).then(
    ([linkedom, { Readability }]) => ({
      parseHTML: (html) => linkedom.parseHTML(html).document as unknown as Document,
      readability: (document) => {
        // The serializer hands back the content's node itself: no second parse of its HTML.
        const r = new Readability<Node>(document, { serializer: (n) => n }).parse();
        return r?.content
          ? { content: r.content, title: r.title ?? "", byline: r.byline ?? "" }
          : null;
      },
    }),
  );
  return libs;
}

/**
 * Reads one saved web page as an article (id `defaultId`), or a one-line rejection naming the
 * file when it cannot be decoded or holds no article.
 */
export async function readHtmlFile(path: string, defaultId: string): Promise<RecordResult> {
  const reject = (message: string, line?: number): RecordResult => {
    const issue: LoadIssue = { severity: "error", source: path, line, id: defaultId, message };
    return { issues: [issue] };
  };
  const decoded = decodeHtml(await corpusFs.readFile(path));
  if ("problem" in decoded) return reject(decoded.problem, decoded.line);
  let page: PageReading;
  try {
    page = await readPage(decoded.text);
  } catch (e) {
    // A page the parser or Readability chokes on is bad input, not a bug of the caller's.
    return reject(
      `cannot be read as a web page: ${String((e as Error)?.message ?? e).split("\n")[0]}`,
    );
  }
  if ("problem" in page) return reject(page.problem);
  return recordToArticle({ ...page.fields, id: defaultId }, { source: path });
}

/**
 * The article of a page's HTML: `text` (its paragraphs, one per line, a blank line between them),
 * and `title`, `author`, `date`, `outlet`, `url` where the page gives them; or the problem.
 */
export async function readPage(html: string): Promise<PageReading> {
  if (!html.trim()) return { problem: "is empty" };
  const { parseHTML, readability } = await htmlLibs();
  // linkedom puts text outside <body> where Readability does not look: a fragment gets one.
  const document = parseHTML(/<body[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`);
  if (!document.documentElement || !document.body) return { problem: "is not an HTML page" };
  const depth = nestingDepth(document.documentElement);
  if (depth > MAX_DEPTH) {
    return {
      problem:
        `has elements nested ${depth} deep (at most ${MAX_DEPTH} are read); not a page as a browser saves it`,
    };
  }
  // Before Readability, which rewrites the document, and before the noise goes (the JSON-LD is
  // in a script).
  const meta = pageMetadata(document, html);
  removeNoise(document);
  const found = readability(document);
  if (!found) return { problem: "holds no article (Reader View finds no article text in it)" };
  const { paragraphs, linkChars } = blockTexts(found.content);
  const text = paragraphs.join("\n\n");
  const problem = notAnArticle(text, linkChars);
  if (problem) return { problem };
  const fields: Record<string, string> = { text };
  const author = meta.author ?? (found.byline.replace(/^By\s+/i, "").trim() || undefined);
  const title = meta.title ?? (found.title.trim() || undefined);
  for (const [k, v] of Object.entries({ ...meta, title, author })) if (v) fields[k] = v;
  return { fields };
}

/** Why a page's readable text is no article (too short, mostly links), or null. */
function notAnArticle(text: string, linkChars: number): string | null {
  const words = text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
  if (words < MIN_ARTICLE_WORDS) {
    return `holds no article: its readable text is ${words} word(s), fewer than ${MIN_ARTICLE_WORDS} (an index, search or error page?)`;
  }
  const share = linkChars / text.replace(/\s+/g, "").length;
  if (share > MAX_LINK_SHARE) {
    return `holds no article: ${
      Math.round(share * 100)
    }% of its readable text is links (an index or list page?)`;
  }
  return null;
}

/** Elements that are never article text, wherever they are. */
const NEVER_TEXT = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "button",
  "input",
  "select",
  "textarea",
  "[hidden]",
  '[aria-hidden="true"]',
  "amp-sidebar",
  "amp-ad",
  "amp-analytics",
  "amp-consent",
].join(", ");

/**
 * Page furniture by its element or role: taken out unless it holds the article (a page of
 * ASP.NET WebForms wraps the whole body in one `<form>`).
 */
const FURNITURE = [
  "form",
  "nav",
  "aside",
  "footer",
  "header",
  "dialog",
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="banner"]',
  '[role="search"]',
].join(", ");

/** Words of a class or id that mark page furniture: share bars, comments, related lists, banners. */
const NOISE_WORDS = new Set([
  "ad",
  "ads",
  "advert",
  "advertisement",
  "banner",
  "breadcrumb",
  "breadcrumbs",
  "comment",
  "comments",
  "consent",
  "cookie",
  "cookies",
  "gdpr",
  "masthead",
  "menu",
  "modal",
  "newsletter",
  "outbrain",
  "paywall",
  "popular",
  "popup",
  "promo",
  "recirc",
  "recommended",
  "related",
  "respond",
  "share",
  "sharedaddy",
  "sharing",
  "sidebar",
  "signup",
  "social",
  "sponsored",
  "subscribe",
  "taboola",
  "tags",
  "trending",
]);

/** Class names of text hidden from sight (kept for screen readers): "Opens in a new window". */
const HIDDEN_CLASSES = /^(?:sr-only|visually-?hidden|screen-reader-text|hidden|is-hidden|d-none)$/i;

/** Words of a class or id that mark a byline or author box: the author is metadata, not text. */
const BYLINE_WORDS = new Set(["byline", "author", "authors", "contributor", "contributors"]);

/**
 * Takes out what is never article text: the elements of {@link NEVER_TEXT} and those hidden by an
 * inline style, then page furniture: the elements of {@link FURNITURE} (a `<header>` inside the
 * article stays) and those whose class or id names furniture. Furniture that holds the article
 * itself (`article`, `main`, `articleBody`, or most of the page's text outside links) stays whatever
 * it is called ("story-body has-comments"), and Readability judges it.
 */
function removeNoise(document: Document): void {
  for (const el of document.querySelectorAll(NEVER_TEXT)) el.remove();
  for (const el of document.querySelectorAll("[style]")) {
    const style = el.getAttribute("style") ?? "";
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) el.remove();
  }
  const pageProse = proseChars(document.body);
  for (const el of document.querySelectorAll(FURNITURE)) {
    const articleHeader = el.tagName.toLowerCase() === "header" && el.closest("article");
    if (!articleHeader && !holdsArticle(el, pageProse)) el.remove();
  }
  for (const el of document.querySelectorAll("[class], [id]")) {
    if (isFurniture(el) && !holdsArticle(el, pageProse)) el.remove();
  }
}

/** The non-blank characters under `el` outside links: its prose, where a menu has next to none. */
function proseChars(el: Element): number {
  const chars = (node: Element) => (node.textContent ?? "").replace(/\s+/g, "").length;
  let n = chars(el);
  for (const a of el.querySelectorAll("a")) n -= chars(a);
  return n;
}

/** An element that is, or holds, the article: its element, or more than half the page's prose. */
function holdsArticle(el: Element, pageProse: number): boolean {
  if (/^(?:html|body|main|article)$/i.test(el.tagName)) return true;
  if (el.querySelector('article, main, [itemprop~="articleBody"]')) return true;
  return pageProse > 0 && proseChars(el) > pageProse / 2;
}

/** An element whose class or id names page furniture, a byline box or hidden text. */
function isFurniture(el: Element): boolean {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/)
    .filter(Boolean);
  const words = names.flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/));
  return names.some((n) => HIDDEN_CLASSES.test(n)) ||
    words.some((w) => NOISE_WORDS.has(w)) ||
    // A byline box is short; a long element with "author" in its class is the article's wrapper.
    (words.some((w) => BYLINE_WORDS.has(w)) && (el.textContent ?? "").length <= 200);
}

/** How deep elements nest under `root` (the root is 1), walked without recursion. */
function nestingDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return deepest;
}

/** Elements that end a paragraph of text. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "BLOCKQUOTE",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TR",
  "UL",
]);

/** Elements whose text is not the article's, should any be left: captions and code. */
const SKIPPED = new Set(["FIGURE", "FIGCAPTION", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);

/**
 * The paragraphs of Readability's content, in order, each with its blanks made single spaces: a
 * block element or a `<br>` ends one. Also the number of non-blank characters inside links.
 * The walk keeps its own stack, so a page nested thousands of elements deep cannot overflow it.
 */
function blockTexts(root: Node): { paragraphs: string[]; linkChars: number } {
  const paragraphs: string[] = [];
  let buffer = "";
  let linkChars = 0;
  const flush = () => {
    const t = buffer.replace(/\s+/g, " ").trim();
    if (t) paragraphs.push(t);
    buffer = "";
  };
  const stack: { node: Node; exit: boolean; inLink: boolean }[] = [{
    node: root,
    exit: false,
    inLink: false,
  }];
  while (stack.length) {
    const { node, exit, inLink } = stack.pop()!;
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? "";
      if (inLink) linkChars += (node.nodeValue ?? "").replace(/\s+/g, "").length;
      continue;
    }
    if (node.nodeType !== 1 && node !== root) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (SKIPPED.has(tag)) continue;
    if (tag === "BR" || BLOCKS.has(tag)) flush();
    else if (tag === "TD" || tag === "TH") buffer += " ";
    if (exit) continue;
    stack.push({ node, exit: true, inLink });
    const children = [...node.childNodes];
    const link = inLink || tag === "A";
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], exit: false, inLink: link });
    }
  }
  flush();
  return { paragraphs, linkChars };
}

/**
 * The page's text: UTF-8 (strictly, as every input) unless a `<meta charset>` in its head names
 * another encoding the platform knows, as a page a browser saved may.
 */
function decodeHtml(bytes: Uint8Array): { text: string } | { problem: string; line: number } {
  const charset = declaredCharset(bytes);
  const utf8 = charset === null || /^utf-?8$/i.test(charset) ||
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  if (utf8) {
    const decoded = decodeUtf8(bytes);
    if ("text" in decoded) return decoded;
    return {
      problem: `invalid UTF-8 at byte ${decoded.failure.byte}; save the page as UTF-8`,
      line: decoded.failure.line,
    };
  }
  try {
    return { text: new TextDecoder(charset).decode(bytes) };
  } catch {
    return {
      problem: `declares the encoding "${charset}", which is not known; save the page as UTF-8`,
      line: 1,
    };
  }
}

/** The encoding a page's `<meta charset>` or `http-equiv` content type names, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}
