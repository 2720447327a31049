/**
 * Hand-built corpora for the reuse tests: articles given as lists of sentences, tokenised with the
 * foundation's tokenizer, stems and stopwords (no cleaning, so the text is exactly what is given).
 * @module
 */

import type { ReuseInput } from "../../../src/stats/reuse/features.ts";
import { reuseTokensOf } from "../../../src/stats/reuse/compare.ts";

/** One hand-built article: an id, an optional date, its sentences. */
export interface TinyArticle {
  id: string;
  published?: string | null;
  sentences: string[];
}

/** A {@link ReuseInput} whose sentence ids are `<article id>:<n>`, plus the sentence texts. */
export function tinyCorpus(
  articles: TinyArticle[],
): ReuseInput & { sentences: { id: string; articleId: string; text: string }[] } {
  const sentences: { id: string; articleId: string; text: string }[] = [];
  for (const a of articles) {
    a.sentences.forEach((text, n) => sentences.push({ id: `${a.id}:${n}`, articleId: a.id, text }));
  }
  const tokens = reuseTokensOf(sentences.map((s) => [s.id, s.text] as const));
  return {
    articles: articles.map((a) => ({ id: a.id, published: a.published ?? null })),
    sentences,
    tokens,
  };
}

/** Short ids for readable assertions: "000_56b2ab6aca23b9fa:18" → "000:18". */
export const short = (id: string): string => id.replace(/^(\d{3})_[0-9a-f]{16}/u, "$1");

/**
 * The other articles a coverage row's item is found in, read from the long `found` pairs (what
 * `coverage_articles` holds), in the order they were found.
 */
export function sharedArticlesOf(
  c: { key: string[]; articleId: string[]; found: { key: string[]; articleId: string[] } },
  row: number,
): string[] {
  return c.found.articleId.filter((a, i) =>
    c.found.key[i] === c.key[row] && a !== c.articleId[row]
  );
}
