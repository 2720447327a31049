/**
 * The `articles` frame: one row per article.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { bylinePeople } from "../corpus/credit.ts";
import type { Sentence } from "../text/segment.ts";
import { date, int32, utf8, utf8List } from "./columns.ts";

/** The core columns of `articles`, in order. Extra metadata fields follow as Utf8 columns. */
export const ARTICLE_COLUMNS = [
  "article_id",
  "outlet",
  "title",
  "published",
  "language",
  "dateline",
  "reporters",
  "editors",
  "n_paragraphs",
  "n_sentences",
  "n_words",
  "agency",
  "byline",
  "url",
  "n_removed",
  "n_repaired",
] as const;

/**
 * Builds `articles`. `n_paragraphs` counts body paragraphs (not the headline or subheads);
 * `n_sentences` counts every sentence, headline and subheads included; `n_words` counts word
 * tokens. Metadata fields beyond the core ones (front matter, extra JSONL/CSV columns, manifest
 * evidence) become extra Utf8 columns, null where an article lacks them.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, articlesFrame } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * articlesFrame(analysis.articles, analysis.sentences).select("article_id", "outlet", "n_words");
 * ```
 */
export function articlesFrame(articles: CleanArticle[], sentences: Sentence[]): pl.DataFrame {
  const nSentences = new Map<string, number>();
  const nWords = new Map<string, number>();
  for (const s of sentences) {
    nSentences.set(s.articleId, (nSentences.get(s.articleId) ?? 0) + 1);
    nWords.set(s.articleId, (nWords.get(s.articleId) ?? 0) + s.nWords);
  }
  const extra = extraArticleColumns(articles);
  const col = <T>(f: (a: CleanArticle) => T) => articles.map(f);
  return pl.DataFrame([
    utf8("article_id", col((a) => a.id)),
    utf8("outlet", col((a) => a.outlet)),
    utf8("title", col((a) => a.title)),
    date("published", col((a) => a.published)),
    utf8("language", col((a) => a.language ?? null)),
    utf8("dateline", col((a) => a.dateline)),
    utf8List("reporters", col(reportersOf)),
    utf8List("editors", col((a) => a.credit?.editors ?? [])),
    int32("n_paragraphs", col((a) => a.paragraphs.filter((p) => p.kind === "body").length)),
    int32("n_sentences", col((a) => nSentences.get(a.id) ?? 0)),
    int32("n_words", col((a) => nWords.get(a.id) ?? 0)),
    utf8("agency", col((a) => a.agency)),
    utf8("byline", col((a) => a.byline)),
    utf8("url", col((a) => a.url)),
    int32("n_removed", col((a) => a.removed.length)),
    int32("n_repaired", col((a) => a.repairs.length)),
    ...extra.map((k) => utf8(k, col((a) => a.meta[k] ?? null))),
  ]);
}

/**
 * Who reported an article: the credit line's reporters, else the people its byline names, else
 * those of its `author` field ("By A and B" in a page's byline lands in one of the two, a wire's
 * "Reporting by" in the credit line), so one column answers whatever the format.
 */
function reportersOf(a: CleanArticle): string[] {
  if (a.credit?.reporters.length) return a.credit.reporters;
  const fromByline = bylinePeople(a.byline);
  if (fromByline.length) return fromByline;
  const author = a.meta.author;
  return typeof author === "string" ? bylinePeople(author) : [];
}

/** The extra (metadata) columns of `articles` for these articles: every field beyond the core
 * ones that any of them carries, sorted. */
export function extraArticleColumns(articles: readonly CleanArticle[]): string[] {
  const core = new Set<string>(ARTICLE_COLUMNS);
  return [...new Set(articles.flatMap((a) => Object.keys(a.meta)))]
    .filter((k) => !core.has(k))
    .sort();
}

/**
 * A batch's `articles` with the extra columns of the whole corpus (`extra`, sorted): the ones its
 * articles lack are added as nulls, so every part has the columns, in the order, that the corpus
 * in one piece has.
 */
export function withExtraColumns(
  articles: pl.LazyDataFrame,
  extra: readonly string[],
): pl.LazyDataFrame {
  const present = new Set(articles.columns);
  const isExtra = new Set(extra);
  return articles.select(
    ...articles.columns.filter((c) => !isExtra.has(c)).map((c) => pl.col(c)),
    ...extra.map((c) => present.has(c) ? pl.col(c) : pl.lit(null).cast(pl.Utf8).alias(c)),
  );
}

/**
 * Adds `agencies` (List(Utf8)) to `articles`: the agencies each article relies on (in its
 * dateline, relayed as "according to", or reported from), most used first, from the `agencies`
 * frame of the extraction stage. Placed after `agency`; empty for an article with none.
 */
export function withAgencies(articles: pl.DataFrame, agencies: pl.DataFrame): pl.DataFrame {
  const byArticle = new Map<string, string[]>();
  const rows = agencies.sort(["n_mentions", "agency"], [true, false]).select(
    "article_id",
    "agency",
  );
  for (const [id, agency] of rows.rows() as [string, string][]) {
    const list = byArticle.get(id) ?? [];
    list.push(agency);
    byArticle.set(id, list);
  }
  const ids = articles.getColumn("article_id").toArray() as string[];
  const order = articles.columns.filter((c) => c !== "agencies");
  order.splice(order.indexOf("agency") + 1, 0, "agencies");
  return articles
    .withColumns(utf8List("agencies", ids.map((id) => byArticle.get(id) ?? [])))
    .select(...order);
}
