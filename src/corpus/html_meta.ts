/**
 * The metadata of a saved web page: headline, author, publication date, outlet and address, from
 * the page's meta tags, its JSON-LD and its `<time>` elements. Nothing in the page is run: JSON-LD
 * is read with `JSON.parse`, and a block that does not parse is passed over.
 * @module
 */

/** What a page says about its article; each field absent when the page does not say. */
export interface PageMetadata {
  title?: string;
  /** Every author named, joined with "; ". */
  author?: string;
  /** The date as the page writes it (read into a day by the schema, as for every format). */
  date?: string;
  outlet?: string;
  url?: string;
}

/** A JSON-LD node: an object with string keys. */
type LdNode = Record<string, unknown>;

/** The metadata of `document` (parsed from `html`, whose comments it also reads). */
export function pageMetadata(document: Document, html: string): PageMetadata {
  const metas = metaTags(document);
  const ld = jsonLdArticle(document);
  const url = pageUrl(document, metas, ld.article, html);
  const outlet = firstText(
    metas.get("og:site_name"),
    nameOf(ld.article?.publisher, ld.byId),
    url && hostOf(url),
  );
  return {
    title: firstText(
      metas.get("og:title"),
      textOf(ld.article?.headline),
      metas.get("twitter:title"),
      document.querySelector("article h1, main h1, h1")?.textContent,
      withoutSiteName(document.querySelector("title")?.textContent, [
        outlet,
        url && hostOf(url).split(".")[0],
      ]),
    ),
    author: authorsOf(ld.article?.author, ld.byId) ?? firstText(
      metas.get("author"),
      notUrl(metas.get("article:author")),
      metas.get("byl"),
      bylineOf(document),
    )?.replace(/^By\s+/i, ""),
    date: firstText(
      textOf(ld.article?.datePublished),
      ...DATE_METAS.map((name) => metas.get(name)),
      timeOf(document),
    ),
    outlet,
    url,
  };
}

/** Meta tags that hold the publication date, most specific first. */
const DATE_METAS = [
  "article:published_time",
  "og:published_time",
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "date",
];

/** `<meta>` contents by lower-case `property`, `name` or `itemprop`; the first of each name wins. */
function metaTags(document: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of document.querySelectorAll("meta[content]")) {
    const key = m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop");
    const content = m.getAttribute("content")?.trim();
    if (key && content && !out.has(key.toLowerCase())) out.set(key.toLowerCase(), content);
  }
  return out;
}

/** Schema.org types of a news or blog article. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

/**
 * The page's JSON-LD article node (the first whose `@type` is an article type, in `@graph`s and
 * lists too) and every node by `@id`, for authors and publishers given by reference.
 */
function jsonLdArticle(document: Document): { article?: LdNode; byId: Map<string, LdNode> } {
  const nodes: LdNode[] = [];
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collectNodes(JSON.parse(s.textContent ?? ""), nodes, 0);
    } catch {
      // A block that is not JSON says nothing we can use; the rest of the page still loads.
    }
  }
  const byId = new Map<string, LdNode>();
  for (const n of nodes) if (typeof n["@id"] === "string") byId.set(n["@id"], n);
  const article = nodes.find((n) => [n["@type"]].flat().some((t) => ARTICLE_TYPE.test(String(t))));
  return { article, byId };
}

/** The objects of a JSON-LD value, lists and `@graph` flattened (at most a few levels deep). */
function collectNodes(value: unknown, out: LdNode[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out, depth + 1);
    return;
  }
  const node = value as LdNode;
  out.push(node);
  if (node["@graph"]) collectNodes(node["@graph"], out, depth + 1);
}

/** JSON-LD authors (a name, a Person, a reference by `@id`, or a list of them), joined "; ". */
function authorsOf(value: unknown, byId: Map<string, LdNode>): string | undefined {
  const names = [value].flat().map((a) => nameOf(a, byId)).filter((n) => n !== undefined);
  return names.length ? [...new Set(names)].join("; ") : undefined;
}

/** The name of a JSON-LD value: a string, or an object's `name` (followed through `@id`). */
function nameOf(value: unknown, byId: Map<string, LdNode>): string | undefined {
  if (typeof value === "string") return notUrl(clean(value));
  if (value === null || typeof value !== "object") return undefined;
  const node = value as LdNode;
  const named = node.name ?? byId.get(String(node["@id"]))?.name;
  return textOf(named);
}

/** The text of a short byline element (`rel="author"`, `itemprop="author"`, class `byline` or `author`). */
function bylineOf(document: Document): string | undefined {
  const el = document.querySelector(
    '[itemprop~="author"], [rel~="author"], .byline, .author, .article-author',
  );
  const text = clean(el?.textContent);
  return text && text.length <= 100 ? text : undefined;
}

/** The `<time datetime>` that dates the article: one marked so, else the first in the article. */
function timeOf(document: Document): string | undefined {
  const time = document.querySelector(
    'time[itemprop="datePublished"][datetime], time[pubdate][datetime], article time[datetime], time[datetime]',
  );
  return clean(time?.getAttribute("datetime"));
}

/**
 * The article's address: the canonical link, `og:url`, the JSON-LD `url` or `mainEntityOfPage`,
 * else the address a browser notes when it saves a page (`<!-- saved from url=(0042)https://… -->`).
 * Only absolute http(s) addresses count.
 */
function pageUrl(
  document: Document,
  metas: Map<string, string>,
  article: LdNode | undefined,
  html: string,
): string | undefined {
  const main = article?.mainEntityOfPage;
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2000))?.[1];
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
    metas.get("og:url"),
    textOf(article?.url),
    typeof main === "object" && main !== null ? textOf((main as LdNode)["@id"]) : textOf(main),
    saved,
  ];
  return candidates.map(httpUrl).find((u) => u !== undefined);
}

/** `text` as an absolute http(s) URL, or undefined. */
function httpUrl(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A `<title>` without the site's name it ends with ("Storm hits coast – Valley Herald"): a last
 * part after `|`, a spaced dash, `·` or `•` whose letters hold, or are held in, the outlet's
 * or those of the host's first label ("valleyherald" of `valleyherald.example`).
 */
function withoutSiteName(
  title: string | null | undefined,
  sites: (string | undefined)[],
): string | undefined {
  const t = clean(title);
  const m = t && /\s*(?:\||\s[-–—]\s|·|•)\s*([^|·•]+)$/.exec(t);
  if (!t || !m || m.index === 0) return t;
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const suffix = letters(m[1]);
  const named = sites.some((s) => {
    const site = s ? letters(s) : "";
    return site.length >= 4 && suffix.length >= 3 &&
      (site.includes(suffix) || suffix.includes(site));
  });
  return named ? t.slice(0, m.index) : t;
}

/** The host of a URL without a leading `www.`: the outlet when the page names none. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** A JSON-LD value as text, when it is a string or a number. */
function textOf(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? clean(String(value)) : undefined;
}

/** A value that is not a URL (`article:author` often holds a profile page, not a name). */
function notUrl(text: string | undefined): string | undefined {
  return text && !/^https?:\/\//i.test(text) ? text : undefined;
}

/** Whitespace made single spaces; undefined for nothing. */
function clean(text: string | null | undefined): string | undefined {
  const t = text?.replace(/\s+/g, " ").trim();
  return t ? t : undefined;
}

/** The first of `values` with text in it, cleaned. */
function firstText(...values: (string | null | undefined)[]): string | undefined {
  for (const v of values) {
    const t = clean(v);
    if (t) return t;
  }
  return undefined;
}
