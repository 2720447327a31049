/**
 * Test helpers: extraction over a text written in a test, cleaned and segmented like a corpus.
 * @module
 */

import type { Article } from "../../src/corpus/article.ts";
import { extractCorpus, type Extraction, type ExtractOptions } from "../../src/extract/extract.ts";
import { analyzeArticles } from "../../src/pipeline.ts";

/** An article with this text (id "t", outlet "Test"). */
export function articleOf(text: string): Article {
  return {
    id: "t",
    text,
    outlet: "Test",
    title: null,
    published: null,
    url: null,
    meta: {},
    source: "test",
  };
}

/** Cleans, segments and extracts one text. */
export function extractText(
  text: string,
  options: ExtractOptions = {},
): Extraction & { cleaned: string } {
  const analysis = analyzeArticles([articleOf(text)]);
  return { ...extractCorpus(analysis, options), cleaned: analysis.articles[0]?.text ?? "" };
}
