/**
 * Coverage diff: for each article, which of its sentences, entities, figures or quotes appear in
 * no other article, and which are shared (and with whom).
 *
 * Two ways an item counts as "the same" across articles:
 * - **Keyed items** (entities, figures, quotes from the extraction frames): the same key, after
 *   trimming, collapsing spaces and ignoring case ("Steve Tsang" = "steve  tsang"). The key is
 *   whatever column(s) the extractor gives: a canonical entity name, a figure's kind+value+unit.
 * - **Sentences**: a match of class paraphrase or closer in the alignment (topical matches are the
 *   same subject, not the same content).
 * - **Quotes** of two words or more: the same words (tokens, case and apostrophes folded) found
 *   anywhere in the text of another article that shares an aligned sentence with the quote's
 *   article, so a partial quote ("turbulent external environment") counts as shared with the
 *   article that quotes the whole sentence. One-word quotes ("external") match only other
 *   quotes: a single word in another text is not evidence of the same quote.
 *
 * Everything lands in one long `coverage` frame: article_id, kind, item, label, n, shared_with,
 * shared_articles, unique.
 * @module
 */

import pl from "nodejs-polars";
import { bool, int32, utf8, utf8List } from "../../frames/columns.ts";
import { type Alignment, PARAPHRASE } from "./align.ts";
import { forEachToken, lowerForm } from "../../text/tokens.ts";
import { ReuseError } from "./errors.ts";

/** Items as columns: row i is one mention of `item[i]` in article `article[i]`. */
export interface ItemColumns {
  article: readonly string[];
  item: readonly string[];
  /** What to show for the item (its surface text); defaults to the item key. */
  label?: readonly (string | null)[];
}

/** Coverage rows as columns: one row per (article, item). */
export interface CoverageColumns {
  articleId: string[];
  kind: string[];
  item: string[];
  label: (string | null)[];
  /** Mentions of the item in this article. */
  n: number[];
  /** Other articles that have the item, in corpus order. */
  sharedArticles: string[][];
}

/** The comparison key of an item: trimmed, spaces collapsed, lower case. */
export function itemKey(item: string): string {
  return item.trim().replace(/\s+/gu, " ").toLowerCase();
}

/**
 * Coverage of keyed items: one row per distinct (article, item key), with the other articles
 * that mention the same key.
 *
 * @example
 * itemCoverage("entity", { article: ["002", "004"], item: ["Steve Tsang", "Rosneft"] });
 * // two rows, each with sharedArticles []: both unique to their article
 */
export function itemCoverage(kind: string, items: ItemColumns): CoverageColumns {
  const { article, item, label } = items;
  if (item.length !== article.length || (label && label.length !== article.length)) {
    throw new ReuseError(`coverage of ${kind}: item columns differ in length`);
  }
  const rowOf = new Map<string, number>(); // article + "\u0000" + key → row
  const articlesOf = new Map<string, string[]>(); // key → articles, in order of first mention
  const out: CoverageColumns = {
    articleId: [],
    kind: [],
    item: [],
    label: [],
    n: [],
    sharedArticles: [],
  };
  const keys: string[] = [];
  for (let i = 0; i < item.length; i++) {
    if (typeof item[i] !== "string" || typeof article[i] !== "string") {
      throw new ReuseError(`coverage of ${kind}: row ${i} has no article or no item`);
    }
    const key = itemKey(item[i]);
    if (!key) continue;
    const rowKey = `${article[i]}\u0000${key}`;
    const row = rowOf.get(rowKey);
    if (row !== undefined) {
      out.n[row]++;
      continue;
    }
    rowOf.set(rowKey, out.n.length);
    keys.push(key);
    out.articleId.push(article[i]);
    out.kind.push(kind);
    out.item.push(item[i].trim());
    out.label.push(label?.[i] ?? item[i].trim());
    out.n.push(1);
    const list = articlesOf.get(key);
    if (list) list.push(article[i]);
    else articlesOf.set(key, [article[i]]);
  }
  out.sharedArticles = keys.map((key, row) =>
    articlesOf.get(key)!.filter((a) => a !== out.articleId[row])
  );
  return out;
}

/**
 * Takes keyed items out of an extraction frame.
 *
 * @example
 * itemsFromFrame(entities, { item: "entity" });                      // article_id by default
 * itemsFromFrame(figures, { item: ["kind", "value", "unit"], label: "text" });
 */
export function itemsFromFrame(
  frame: pl.DataFrame,
  columns: { article?: string; item: string | string[]; label?: string },
): ItemColumns {
  const articleColumn = columns.article ?? "article_id";
  const itemColumns = typeof columns.item === "string" ? [columns.item] : columns.item;
  const needed = [articleColumn, ...itemColumns, ...(columns.label ? [columns.label] : [])];
  const missing = needed.filter((c) => !frame.columns.includes(c));
  if (missing.length) {
    throw new ReuseError(
      `frame has no column ${missing.map((c) => `"${c}"`).join(", ")} (it has ${
        frame.columns.join(", ")
      })`,
    );
  }
  const text = (name: string) =>
    frame.getColumn(name).toArray().map((v: unknown) => (v == null ? "" : String(v)));
  const parts = itemColumns.map(text);
  return {
    article: text(articleColumn),
    item: parts[0].map((_, i) => parts.map((p) => p[i]).join(" | ")),
    label: columns.label ? text(columns.label) : undefined,
  };
}

/** Words of a text, folded, as " w1 w2 … " (spaces at both ends, for whole-word search). */
function wordString(text: string): { words: string; n: number } {
  let words = " ";
  let n = 0;
  forEachToken(text, (token) => {
    words += `${lowerForm(token)} `;
    n++;
  });
  return { words, n };
}

/**
 * Coverage of quotes (see the module notes): keyed like other items, and a quote of `minWords`
 * words or more is also shared with each article, among those sharing an aligned sentence with
 * its own, whose text contains its words.
 *
 * @example
 * quoteCoverage(alignment, itemsFromFrame(quotes, { item: "text" }), analysis.articles);
 */
export function quoteCoverage(
  alignment: Alignment,
  quotes: ItemColumns,
  articles: readonly { id: string; text: string }[],
  minWords = 2,
): CoverageColumns {
  const out = itemCoverage("quote", quotes);
  const f = alignment.features;
  const index = new Map(f.articleIds.map((id, i) => [id, i]));
  const neighbours = f.articleIds.map(() => new Set<number>());
  for (let k = 0; k < alignment.a.length; k++) {
    const x = f.sentenceArticle[alignment.a[k]];
    const y = f.sentenceArticle[alignment.b[k]];
    neighbours[x].add(y);
    neighbours[y].add(x);
  }
  const textOf = new Map(articles.map((a) => [a.id, a.text]));
  const words = new Map<number, string>();
  const wordsOf = (a: number) => {
    let w = words.get(a);
    if (w === undefined) words.set(a, w = wordString(textOf.get(f.articleIds[a]) ?? "").words);
    return w;
  };
  const order = (id: string) => index.get(id) ?? Number.MAX_SAFE_INTEGER;
  out.sharedArticles = out.sharedArticles.map((shared, row) => {
    const own = index.get(out.articleId[row]);
    const quote = wordString(out.item[row]);
    if (own === undefined || quote.n < minWords) return shared;
    const found = new Set(shared);
    for (const other of neighbours[own]) {
      if (wordsOf(other).includes(quote.words)) found.add(f.articleIds[other]);
    }
    return [...found].sort((x, y) => order(x) - order(y));
  });
  return out;
}

/**
 * Coverage of sentences: a sentence is shared with every other article where it has a match of
 * class `loosest` or closer (paraphrase by default). `sentences` (same order as the alignment's)
 * gives the labels; without it the label is null.
 */
export function sentenceCoverage(
  alignment: Alignment,
  sentences?: readonly { text: string }[],
  loosest: number = PARAPHRASE,
): CoverageColumns {
  const f = alignment.features;
  const n = f.sentenceIds.length;
  if (sentences && sentences.length !== n) {
    throw new ReuseError(
      `sentence coverage: ${sentences.length} sentence texts for ${n} sentences`,
    );
  }
  const others: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < alignment.a.length; k++) {
    if (alignment.reuseClass[k] > loosest) continue;
    const s = alignment.a[k];
    const t = alignment.b[k];
    others[s].push(f.sentenceArticle[t]);
    others[t].push(f.sentenceArticle[s]);
  }
  return {
    articleId: Array.from(f.sentenceArticle, (a) => f.articleIds[a]),
    kind: new Array(n).fill("sentence"),
    item: f.sentenceIds.slice(),
    label: sentences ? sentences.map((s) => s.text) : new Array(n).fill(null),
    n: new Array(n).fill(1),
    sharedArticles: others.map((list) =>
      [...new Set(list)].sort((x, y) => x - y).map((a) => f.articleIds[a])
    ),
  };
}

/**
 * Builds `coverage` from any number of parts: article_id, kind, item, label, n, shared_with
 * (number of other articles), shared_articles, unique (shared with none).
 */
export function coverageFrame(...parts: CoverageColumns[]): pl.DataFrame {
  const all = <T>(pick: (c: CoverageColumns) => T[]): T[] => parts.flatMap(pick);
  const shared = all((c) => c.sharedArticles);
  return pl.DataFrame([
    utf8("article_id", all((c) => c.articleId)),
    utf8("kind", all((c) => c.kind)),
    utf8("item", all((c) => c.item)),
    utf8("label", all((c) => c.label)),
    int32("n", all((c) => c.n)),
    int32("shared_with", shared.map((s) => s.length)),
    utf8List("shared_articles", shared),
    bool("unique", shared.map((s) => s.length === 0)),
  ]);
}
