/**
 * The `articles` frame, written by this stage alone: one row per article with its metadata, its
 * counts, and, when the extract stage ran, the agencies it relies on. Batches may carry different
 * metadata fields, so the tally is the extra columns, and `finish` gives every batch's part all of
 * them, in the order the corpus in one piece has.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { articlesFrame, extraArticleColumns, withAgencies, withExtraColumns } from "./articles.ts";

/** One row per article (after extraction, whose `agencies` it lists per article). */
export const ARTICLES_STAGE = frameStage<string[]>({
  name: "articles",
  step: "corpus",
  perArticle: ["articles"],
  corpusLevel: [],
  reads: ["agencies"],
  batch: (a, built) => {
    const articles = articlesFrame(a.articles, a.sentences);
    return {
      frames: { articles: built.agencies ? withAgencies(articles, built.agencies) : articles },
      tally: extraArticleColumns(a.articles),
    };
  },
  merge: (into, from) => [...new Set([...into, ...from])].sort(),
  finish: {
    frames: ["articles"],
    with: (extra) => (_, frame) => withExtraColumns(frame, extra),
  },
});
