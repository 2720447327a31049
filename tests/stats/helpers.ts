/**
 * Small corpora for the statistics tests: texts in, an analysis out.
 * @module
 */

import pl from "nodejs-polars";
import type { Article } from "../../src/corpus/article.ts";
import { type Analysis, analyzeArticles } from "../../src/pipeline.ts";

/** Analyses plain texts as articles `a0`, `a1`, … with the given outlets (default "A", "B", …). */
export function analysisOf(
  texts: string[],
  outlets?: string[],
  meta?: Record<string, string>[],
): Analysis {
  const articles: Article[] = texts.map((text, i) => ({
    id: `a${i}`,
    text,
    outlet: outlets?.[i] ?? String.fromCharCode(65 + i),
    title: null,
    published: null,
    url: null,
    meta: meta?.[i] ?? {},
    source: "test",
  }));
  return analyzeArticles(articles);
}

/** The rows of a frame as plain objects (small frames only). */
export function rowsOf(df: pl.DataFrame): Record<string, unknown>[] {
  return df.toRecords() as Record<string, unknown>[];
}

/** `column` by `key` column (keys must be unique in the frame). */
export function lookup(df: pl.DataFrame, key: string, column: string): Map<string, unknown> {
  const keys = df.getColumn(key).toArray() as string[];
  const values = df.getColumn(column).toArray();
  return new Map(keys.map((k, i) => [k, values[i]]));
}
