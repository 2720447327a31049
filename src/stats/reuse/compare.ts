/**
 * Scoring two raw texts directly, without a corpus: the same tokens, stems, shingles and classes
 * as the alignment, for notebooks ("how close are these two paragraphs?") and for property tests.
 * @module
 */

import { forEachToken, formOf } from "../../text/tokens.ts";
import {
  DEFAULT_REUSE_OPTIONS,
  REUSE_CLASSES,
  type ReuseClass,
  type ReuseOptions,
  scorePair,
} from "./align.ts";
import { buildFeatures, type ReuseInput } from "./features.ts";

/**
 * The token columns reuse reads (sentence id, stem, stopword flag) of raw sentences given as
 * `[id, text]`, tokenised as the foundation tokenises (no cleaning).
 */
export function reuseTokensOf(
  sentences: Iterable<readonly [id: string, text: string]>,
): ReuseInput["tokens"] {
  const sentenceId: string[] = [];
  const stem: string[] = [];
  const isStop: boolean[] = [];
  for (const [id, text] of sentences) {
    forEachToken(text, (token) => {
      const form = formOf(token);
      sentenceId.push(id);
      stem.push(form.stem);
      isStop.push(form.isStop);
    });
  }
  return { sentenceId, stem, isStop, length: sentenceId.length };
}

/** The scores and class of two texts. */
export interface TextComparison {
  /** Cosine of content-stem tf-idf vectors (idf over the two texts). */
  similarity: number;
  /** Share of the shorter text's word shingles found in the other. */
  containment: number;
  /** The same with word 5-shingles (what decides copying). */
  copyContainment: number;
  /** Null when the pair is below every rule. */
  class: ReuseClass | null;
}

/**
 * Compares two texts as the alignment compares two sentences. With only two texts to weigh
 * terms, a term in both weighs 1 and a term in one weighs 1 + ln 1.5.
 *
 * @example
 * ```ts
 * import { compareTexts } from "newsframe";
 *
 * const c = compareTexts(
 *   "The council approved the budget on Monday after a long debate.",
 *   "After a long debate, the council approved the budget on Monday.",
 * );
 * console.log(c.similarity, c.class);
 * ```
 */
export function compareTexts(
  a: string,
  b: string,
  options: Partial<ReuseOptions> = {},
): TextComparison {
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options };
  const tokens = reuseTokensOf([["a", a], ["b", b]]);
  const f = buildFeatures(
    {
      articles: [{ id: "a" }, { id: "b" }],
      sentences: [{ id: "a", articleId: "a", text: a }, { id: "b", articleId: "b", text: b }],
      tokens,
    },
    opts.shingleSize,
    opts.boilerplate,
  );
  const score = scorePair(f, 0, 1, opts);
  return {
    similarity: score.similarity,
    containment: score.containment,
    copyContainment: score.copyContainment,
    class: score.reuseClass < 0 ? null : REUSE_CLASSES[score.reuseClass],
  };
}
