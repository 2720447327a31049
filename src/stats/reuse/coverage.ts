/**
 * Coverage diff: for each article, which of its sentences, entities, figures or quotes appear in
 * no other article, and which are shared (and with whom).
 *
 * Two ways an item counts as "the same" across articles:
 * - **Keyed items** (entities, figures, quotes from the extraction frames): the same key, after
 *   trimming, collapsing spaces and ignoring case ("Jane Smith" = "jane  smith"). The key is
 *   whatever column(s) the extractor gives: a canonical entity name, a figure's kind+value+unit.
 * - **Sentences**: a match of class paraphrase or closer in the alignment (topical matches are the
 *   same subject, not the same content).
 * - **Quotes** of two words or more: the same words (tokens, case and apostrophes folded) found
 *   anywhere in the text of another article that shares an aligned sentence with the quote's
 *   article, so a partial quote ("a fragile ceasefire") counts as shared with the
 *   article that quotes the whole sentence. One-word quotes ("external") match only other
 *   quotes: a single word in another text is not evidence of the same quote.
 *
 * Everything lands in one long `coverage` frame: article_id, kind, item, key, label, n,
 * shared_with, unique; and which articles have each item in a second long frame,
 * `coverage_articles` (kind, key, article_id). Both grow with the mentions and the aligned pairs:
 * no row lists the other articles (an entity in 2,800 of 5,000 articles would list 2,800 ids in
 * each of its 2,800 rows).
 * @module
 */

import pl from "nodejs-polars";
import { bool, int32, utf8 } from "../../frames/columns.ts";
import { type Alignment, idColumn, type PairSource, pairSource, PARAPHRASE } from "./align.ts";
import {
  type ArticlePairs,
  articlePairs,
  type LinkRange,
  neighboursOf,
  sentenceLinks,
} from "./links.ts";
import { forEachToken, lowerForm } from "../../text/tokens.ts";
import { ReuseError } from "./errors.ts";
import { Int32Buffer, sortedIndexOf } from "./buffers.ts";

/** Items as columns: row i is one mention of `item[i]` in article `article[i]`. */
export interface ItemColumns {
  article: readonly string[];
  item: readonly string[];
  /** What to show for the item (its surface text); defaults to the item key. */
  label?: readonly (string | null)[];
}

/**
 * Coverage rows as columns: one row per (article, item), with how many other articles have the
 * item, and where each item is found as (key, article) pairs. Both grow with the mentions and the
 * aligned pairs, never with (articles × articles): no row lists the other articles.
 */
export interface CoverageColumns {
  articleId: string[];
  kind: string[];
  item: string[];
  /** The comparison key of each row: {@link itemKey} of the item, the id for sentences. */
  key: string[];
  label: (string | null)[];
  /** Mentions of the item in this article. */
  n: number[];
  /** Number of other articles that have the item. */
  sharedWith: number[];
  /**
   * Where the items are found, one entry per (key, article): the articles that mention a keyed
   * item; a sentence's own article and the articles where it has a match; for quotes, the
   * articles that quote it and those whose text holds its words (see {@link quoteCoverage}).
   * In order of first mention, then of finding.
   */
  found: { key: string[]; articleId: string[] };
}

/**
 * Sentence texts in the alignment's order: a list, or a store that reads a range of them when
 * asked (`TextStore` of store.ts: the texts of a large corpus kept on disk).
 */
export type SentenceTexts =
  | readonly { text: string }[]
  | { readonly length: number; range(from: number, to: number): string[] };

/** The texts of sentences `from` .. `to` - 1. */
function textsOf(sentences: SentenceTexts, from: number, to: number): string[] {
  if ("range" in sentences) return sentences.range(from, to);
  return Array.from({ length: to - from }, (_, i) => sentences[from + i].text);
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
 * itemCoverage("entity", { article: ["002", "004"], item: ["Jane Smith", "Acme Corp"] });
 * // two rows, each with sharedWith 0: both unique to their article
 */
export function itemCoverage(kind: string, items: ItemColumns): CoverageColumns {
  const { article, item, label } = items;
  if (item.length !== article.length || (label && label.length !== article.length)) {
    throw new ReuseError(`coverage of ${kind}: item columns differ in length`);
  }
  const rowOf = new Map<string, number>(); // article + "\u0000" + key → row
  const articlesOf = new Map<string, number>(); // key → number of articles that mention it
  const out = emptyCoverage();
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
    out.articleId.push(article[i]);
    out.kind.push(kind);
    out.item.push(item[i].trim());
    out.key.push(key);
    out.label.push(label?.[i] ?? item[i].trim());
    out.n.push(1);
    articlesOf.set(key, (articlesOf.get(key) ?? 0) + 1);
  }
  out.sharedWith = out.key.map((key) => articlesOf.get(key)! - 1);
  // Keyed items are found where they are mentioned: the rows themselves, grouped by key.
  const order = Int32Array.from(out.key, (_, r) => r);
  const firstRow = new Map<string, number>();
  out.key.forEach((key, r) => firstRow.has(key) || firstRow.set(key, r));
  order.sort((x, y) => firstRow.get(out.key[x])! - firstRow.get(out.key[y])! || x - y);
  for (const r of order) {
    out.found.key.push(out.key[r]);
    out.found.articleId.push(out.articleId[r]);
  }
  return out;
}

function emptyCoverage(): CoverageColumns {
  return {
    articleId: [],
    kind: [],
    item: [],
    key: [],
    label: [],
    n: [],
    sharedWith: [],
    found: { key: [], articleId: [] },
  };
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

/** Folded words of a text as ids (new words get new ids), with " w1 w2 … " for whole-word search. */
function foldedWords(
  text: string,
  vocabulary: Map<string, number>,
): { ids: number[]; words: string } {
  const ids: number[] = [];
  let words = " ";
  forEachToken(text, (token) => {
    const word = lowerForm(token);
    let id = vocabulary.get(word);
    if (id === undefined) vocabulary.set(word, id = vocabulary.size);
    ids.push(id);
    words += `${word} `;
  });
  return { ids, words };
}

/**
 * Folded words of article texts as ids, the ids {@link foldedWords} gives (one vocabulary): each
 * surface form is folded once, not once per token, and the " w1 w2 … " string is made only for
 * the few texts a quote's word pairs all pass (folding every neighbour's text cost a quarter of
 * the reuse step on 10,000 articles).
 */
class ArticleFolds {
  #surface = new Map<string, number>();
  #lower: string[] = [];
  #vocabulary: Map<string, number>;

  constructor(vocabulary: Map<string, number>) {
    this.#vocabulary = vocabulary;
  }

  /** The word ids of a text, in order. */
  ids(text: string): Int32Array {
    const out = new Int32Buffer(256);
    forEachToken(text, (token) => {
      let id = this.#surface.get(token);
      if (id === undefined) {
        const word = lowerForm(token);
        id = this.#vocabulary.get(word);
        if (id === undefined) this.#vocabulary.set(word, id = this.#vocabulary.size);
        this.#surface.set(token, id);
        this.#lower[id] = word;
      }
      out.push(id);
    });
    return out.view().slice();
  }

  /** The " w1 w2 … " string of word ids, as {@link foldedWords} spells it. */
  words(ids: Int32Array): string {
    const words = Array.from(ids, (id) => this.#lower[id]);
    return words.length ? ` ${words.join(" ")} ` : " ";
  }
}

/** A word pair as one number (word ids stay far below 2^26 in any corpus that fits in memory). */
const pairKey = (x: number, y: number) => x * 67108864 + y;

/**
 * A word pair as a 32-bit hash: what an article's set of pairs holds (half the memory of the
 * exact key). A collision only lets a text through to the exact search, which decides.
 */
const pairHash = (key: number) => {
  const hi = Math.floor(key / 4294967296);
  let h = Math.imul((key >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
};

/** Slots of the table that counts, roughly, the articles holding each word pair. */
const PAIR_COUNT_SLOTS = 1 << 22;

/**
 * Coverage of quotes (see the module notes): keyed like other items, and a quote of `minWords`
 * words or more is also shared with each article, among those sharing an aligned sentence with
 * its own, whose text contains its words. Before any text search, the quote's word pairs are
 * looked up in the other article's sorted set of word pair hashes: a text without one of them
 * cannot hold the quote, and most neighbours fail on the first pairs tried (rarest first, by a
 * fixed-size table of counts: the order only saves time, the text search decides). `articles`
 * gives each article's text, as a list or by article index (texts are then made when needed).
 *
 * @example
 * quoteCoverage(alignment, itemsFromFrame(quotes, { item: "text" }), analysis.articles);
 */
export function quoteCoverage(
  alignment: Alignment | PairSource,
  quotes: ItemColumns,
  articles: readonly { id: string; text: string }[] | ((article: number) => string),
  minWords = 2,
  pairs?: ArticlePairs,
): CoverageColumns {
  const out = itemCoverage("quote", quotes);
  const source = pairSource(alignment);
  const f = source.features;
  const index = new Map(f.articleIds.map((id, i) => [id, i]));
  const neighbours = neighboursOf(pairs ?? articlePairs(source), f.articleIds.length);
  // Articles that mention each quote key (the keyed rows), to count text finds apart.
  const quotedIn = new Map<string, Set<number>>();
  out.key.forEach((key, r) => {
    const a = index.get(out.articleId[r]);
    if (a === undefined) return;
    let set = quotedIn.get(key);
    if (!set) quotedIn.set(key, set = new Set());
    set.add(a);
  });
  let textOf: (a: number) => string;
  if (typeof articles === "function") textOf = articles;
  else {
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    textOf = (a) => texts.get(f.articleIds[a]) ?? "";
  }
  const vocabulary = new Map<string, number>();
  const folds = new ArticleFolds(vocabulary);
  const pairCount = new Int32Array(PAIR_COUNT_SLOTS); // articles folded so far with the pair
  const slot = (hash: number) => hash & (PAIR_COUNT_SLOTS - 1);
  const folded = new Map<number, { pairs: Int32Array; words?: string }>();
  const foldedOf = (a: number) => {
    let w = folded.get(a);
    if (w === undefined) {
      const ids = folds.ids(textOf(a));
      const keys = new Int32Array(Math.max(0, ids.length - 1));
      for (let i = 1; i < ids.length; i++) keys[i - 1] = pairHash(pairKey(ids[i - 1], ids[i]));
      keys.sort();
      let n = 0;
      for (let i = 0; i < keys.length; i++) {
        if (i === 0 || keys[i] !== keys[i - 1]) {
          keys[n++] = keys[i];
          pairCount[slot(keys[i])]++;
        }
      }
      folded.set(a, w = { pairs: keys.slice(0, n) });
    }
    return w;
  };
  const foundExtra = new Set<string>(); // key + "\u0000" + article already in out.found
  for (let row = 0; row < out.key.length; row++) {
    const own = index.get(out.articleId[row]);
    if (own === undefined) continue;
    const quote = foldedWords(out.item[row], vocabulary);
    if (quote.ids.length < minWords) continue;
    const key = out.key[row];
    const mentioned = quotedIn.get(key)!;
    let hashes: number[] | undefined;
    for (let at = neighbours.start[own]; at < neighbours.start[own + 1]; at++) {
      const other = neighbours.other[at];
      if (mentioned.has(other)) continue;
      const text = foldedOf(other);
      // Rarest pairs first (by the articles folded so far): the likeliest to be missing.
      hashes ??= quote.ids.slice(1).map((id, i) => pairHash(pairKey(quote.ids[i], id)))
        .sort((x, y) => pairCount[slot(x)] - pairCount[slot(y)]);
      if (!hashes.every((h) => sortedIndexOf(text.pairs, h) >= 0)) continue;
      // The words as one string only for a text that passed the pair check (folded again).
      text.words ??= folds.words(folds.ids(textOf(other)));
      if (!text.words.includes(quote.words)) continue;
      out.sharedWith[row]++;
      const found = `${key}\u0000${other}`;
      if (foundExtra.has(found)) continue;
      foundExtra.add(found);
      out.found.key.push(key);
      out.found.articleId.push(f.articleIds[other]);
    }
  }
  return out;
}

/**
 * Coverage of sentences: a sentence is shared with every other article where it has a match of
 * class `loosest` or closer (paraphrase by default). `sentences` (same order as the alignment's)
 * gives the labels; without it the label is null.
 */
export function sentenceCoverage(
  alignment: Alignment | PairSource,
  sentences?: SentenceTexts,
  loosest: number = PARAPHRASE,
): CoverageColumns {
  const f = alignment.features;
  const n = f.sentenceIds.length;
  if (sentences && sentences.length !== n) {
    throw new ReuseError(
      `sentence coverage: ${sentences.length} sentence texts for ${n} sentences`,
    );
  }
  // Without a bound on links there is one range: every sentence.
  const [only] = sentenceCoverageRanges(alignment, sentences, loosest, Infinity);
  return only;
}

/**
 * {@link sentenceCoverage} range of sentences by range (see `sentenceLinks` in links.ts), each
 * with at most about `maxLinks` links: the rows of consecutive ranges, one after the other, are
 * the rows of the whole. With `found` false, `found` stays empty (for the `coverage` frame
 * alone; {@link sentenceArticlesRanges} makes the `coverage_articles` rows).
 */
export function* sentenceCoverageRanges(
  alignment: Alignment | PairSource,
  sentences?: SentenceTexts,
  loosest: number = PARAPHRASE,
  maxLinks?: number,
  found = true,
): Generator<CoverageColumns> {
  const source = pairSource(alignment);
  for (const range of sentenceLinks(source, (c) => c <= loosest, maxLinks)) {
    yield sentenceRange(source, range, sentences, found);
  }
}

/**
 * The `coverage_articles` rows of the sentences of each range of links (see
 * {@link sentenceCoverageRanges}), a frame per range: the rows {@link coverageArticlesFrame}
 * makes of the range's coverage, with the ids gathered natively from the sentence and article
 * numbers (tens of millions of rows at 100,000 news-size articles, no string per cell in
 * JavaScript).
 */
export function* sentenceArticlesRanges(
  alignment: Alignment | PairSource,
  loosest: number = PARAPHRASE,
  maxLinks?: number,
): Generator<pl.DataFrame> {
  const source = pairSource(alignment);
  const f = source.features;
  for (const range of sentenceLinks(source, (c) => c <= loosest, maxLinks)) {
    const { from, to } = range;
    const rows = to - from + range.sentence.length;
    const sentence = new Int32Array(rows);
    const article = new Int32Array(rows);
    let row = 0;
    let next = 0;
    for (let s = from; s < to; s++) {
      // The sentence's own article, then each article where it has a match.
      sentence[row] = s;
      article[row++] = f.sentenceArticle[s];
      for (; next < range.sentence.length && range.sentence[next] === s; next++) {
        sentence[row] = s;
        article[row++] = range.article[next];
      }
    }
    const kind = rows
      ? pl.Series("kind", ["sentence"], pl.Utf8).extendConstant("sentence", rows - 1)
      : utf8("kind", []);
    yield pl.DataFrame([
      kind,
      idColumn(f, "sentence", "key", sentence),
      idColumn(f, "article", "article_id", article),
    ]);
  }
}

/** The coverage rows of the sentences of one range of links. */
function sentenceRange(
  source: PairSource,
  range: LinkRange,
  sentences?: SentenceTexts,
  found = true,
): CoverageColumns {
  const f = source.features;
  const { from, to } = range;
  const n = to - from;
  const out = emptyCoverage();
  out.articleId = Array.from(f.sentenceArticle.subarray(from, to), (a) => f.articleIds[a]);
  out.kind = new Array(n).fill("sentence");
  out.item = f.sentenceIds.slice(from, to);
  out.key = out.item;
  out.label = sentences ? textsOf(sentences, from, to) : new Array(n).fill(null);
  out.n = new Array(n).fill(1);
  out.sharedWith = new Array(n).fill(0);
  let next = 0;
  for (let s = from; s < to; s++) {
    if (found) {
      out.found.key.push(f.sentenceIds[s]);
      out.found.articleId.push(out.articleId[s - from]);
    }
    for (; next < range.sentence.length && range.sentence[next] === s; next++) {
      out.sharedWith[s - from]++;
      if (!found) continue;
      out.found.key.push(f.sentenceIds[s]);
      out.found.articleId.push(f.articleIds[range.article[next]]);
    }
  }
  return out;
}

/**
 * Builds `coverage` from any number of parts: article_id, kind, item, key (what items are
 * compared by), label, n, shared_with (number of other articles), unique (shared with none).
 * Which articles those are is in {@link coverageArticlesFrame}.
 */
export function coverageFrame(...parts: CoverageColumns[]): pl.DataFrame {
  const all = <T>(pick: (c: CoverageColumns) => T[]): T[] => parts.flatMap(pick);
  const shared = all((c) => c.sharedWith);
  return pl.DataFrame([
    utf8("article_id", all((c) => c.articleId)),
    utf8("kind", all((c) => c.kind)),
    utf8("item", all((c) => c.item)),
    utf8("key", all((c) => c.key)),
    utf8("label", all((c) => c.label)),
    int32("n", all((c) => c.n)),
    int32("shared_with", shared),
    bool("unique", shared.map((s) => s === 0)),
  ]);
}

/**
 * Builds `coverage_articles`: kind, key, article_id, one row per article where an item is
 * found (see {@link CoverageColumns.found}). The articles a `coverage` row shares its item with
 * are this frame's rows of the same kind and key, less the row's own article (for quotes, those
 * of any article quoting it: a text find counts for the quoting articles it is aligned with).
 *
 * @example
 * coverage.join(coverageArticlesFrame(...parts), { on: ["kind", "key"] })
 *   .filter(pl.col("article_id").neq(pl.col("article_id_right")));
 */
export function coverageArticlesFrame(...parts: CoverageColumns[]): pl.DataFrame {
  return pl.DataFrame([
    utf8("kind", parts.flatMap((c) => new Array(c.found.key.length).fill(c.kind[0] ?? ""))),
    utf8("key", parts.flatMap((c) => c.found.key)),
    utf8("article_id", parts.flatMap((c) => c.found.articleId)),
  ]);
}
