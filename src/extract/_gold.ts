/**
 * What the extractors' scorers share (quotes/score.ts, figures/score.ts): a gold document as an
 * article, and a fraction as the tables print it. Private to `src/extract/`.
 * @module
 */

import type { Article } from "../corpus/article.ts";

/** A gold document as an article of outlet `doc.source`; `label` names the gold set. */
export function goldArticle(
  doc: { id: string; text: string; source: string },
  label: string,
): Article {
  return {
    id: doc.id,
    text: doc.text,
    outlet: doc.source,
    title: null,
    published: null,
    url: null,
    meta: {},
    source: label,
  };
}

/** `a / b` with two decimals, or "–" when `b` is 0. */
export const ratio = (a: number, b: number): string => (b === 0 ? "–" : (a / b).toFixed(2));
