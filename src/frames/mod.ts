/**
 * Frames: the corpus as nodejs-polars DataFrames (articles, sentences, tokens, cleaning), the top
 * rows per group, and reading and writing frames whole or in Hive-style parts.
 *
 * Reached as `newsframe/frames`; the verbs most notebooks need are also in `newsframe`.
 *
 * @example
 * ```ts
 * import { readFrame, topByGroup } from "newsframe/frames";
 *
 * const terms = readFrame("data/out", "outlet_terms");
 * console.log(topByGroup(terms, "outlet", "per_1000", { n: 5 }).toString());
 * ```
 * @module
 */

export { ARTICLE_COLUMNS, articlesFrame } from "./articles.ts";
export { cleaningFrame } from "./cleaning.ts";
export { sentencesFrame, tokensFrame } from "./sentences.ts";
export { flattenForCsv, type FrameFormat, writeFrames } from "./write.ts";
export { topByGroup, type TopOptions } from "./top.ts";
export { clearFrames, partitionDir, readFrame, writePartition } from "./partitions.ts";
