/**
 * Shared test fixtures: the seed corpus, analysed once per test module.
 * @module
 */

import { type Analysis, analyzeCorpus } from "../src/pipeline.ts";
import type { Article } from "../src/corpus/article.ts";

/** The five seed article ids, by their number. */
export const SEED = {
  reuters2025: "000_56b2ab6aca23b9fa",
  rewrite001: "001_0befff5196dada6f",
  globalNews2023: "002_ade13a7782b6fbaf",
  reutersHangzhou: "003_d88974a994f9ff56",
  rewrite004: "004_729f31e9fbf3083c",
} as const;

/** The seed story's names: an example user gazetteer, passed explicitly like a user's own. */
export const SEEDS_GAZETTEER_PATH = "data/entities/examples/seeds_gazetteer.json";

let cached: Promise<Analysis> | undefined;

/** The seed corpus, loaded, cleaned and segmented (cached per test module). */
export function seedAnalysis(): Promise<Analysis> {
  cached ??= analyzeCorpus("seeds");
  return cached;
}

/** A fresh temporary folder under data/out/tmp (the only place tests may write). */
export async function tempDir(): Promise<string> {
  await Deno.mkdir("data/out/tmp", { recursive: true });
  return await Deno.makeTempDir({ dir: "data/out/tmp" });
}

/** An article of `text` alone, as a loader would give it (outlet "X", no metadata). */
export function textArticle(text: string, title: string | null = null): Article {
  return {
    id: "t",
    text,
    outlet: "X",
    title,
    published: null,
    url: null,
    meta: {},
    source: "t.txt",
  };
}
