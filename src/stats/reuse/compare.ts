/**
 * Scoring two raw texts directly, without a corpus: the same tokens, stems, shingles and classes
 * as the alignment, for notebooks ("how close are these two paragraphs?") and for property tests.
 * @module
 */

import { forEachToken, formOf } from "../../text/tokens.ts";
import {
  classifyPair,
  DEFAULT_REUSE_OPTIONS,
  REUSE_CLASSES,
  type ReuseClass,
  type ReuseOptions,
} from "./align.ts";
import { buildFeatures, type ReuseInput } from "./features.ts";
import { containment, rowCosine } from "./similarity.ts";

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
  /** Null when the pair is below every rule. */
  class: ReuseClass | null;
}

/**
 * Compares two texts as the alignment compares two sentences. With only two texts to weigh
 * terms, a term in both weighs 1 and a term in one weighs 1 + ln 1.5.
 *
 * @example
 * compareTexts("Chinese state oil majors suspended purchases of seaborne Russian oil",
 *   "Chinese state oil majors have suspended purchases of seaborne Russian oil");
 * // { similarity: 1, containment: 0.75, class: "near-verbatim" }
 */
export function compareTexts(
  a: string,
  b: string,
  options: Partial<ReuseOptions> = {},
): TextComparison {
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options };
  const tokens = reuseTokensOf([["a", a], ["b", b]]);
  const f = buildFeatures({
    articles: [{ id: "a" }, { id: "b" }],
    sentences: [{ id: "a", articleId: "a" }, { id: "b", articleId: "b" }],
    tokens,
  }, opts.shingleSize);
  const similarity = rowCosine(f.sentenceTerms, 0, 1);
  const contained = containment(f.shingles, 0, 1);
  const code = classifyPair(
    similarity,
    contained,
    f.sentenceWords[0],
    f.sentenceWords[1],
    opts,
  );
  return { similarity, containment: contained, class: code < 0 ? null : REUSE_CLASSES[code] };
}
