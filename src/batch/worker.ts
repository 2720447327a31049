/**
 * The worker a batched run starts per core: it receives batches of loaded articles, processes
 * each with {@link processBatch} (writing the batch's parts itself) and posts back the report.
 * @module
 */

import type { Article } from "../corpus/article.ts";
import { type BatchConfig, processBatch } from "./process.ts";

/** A batch to process. */
export interface BatchRequest {
  index: number;
  articles: Article[];
  config: BatchConfig;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<BatchRequest>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = async (e) => {
  const { index, articles, config } = e.data;
  try {
    scope.postMessage({ index, report: await processBatch(index, articles, config) });
  } catch (error) {
    const err = error as Error;
    scope.postMessage({ index, error: { name: err.name, message: err.message, stack: err.stack } });
  }
};
