/**
 * The `reuse` stage: shared sentences, article similarity and sources, coverage and figure
 * consistency. It compares every article with every other, so it needs the whole corpus at once:
 * in one piece the frames come from `reuse/frames.ts`; in batches or shards, at merge time, from
 * the parts the slices wrote (`reuse/parts.ts`), in pieces.
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { logMemory } from "../batch/collect.ts";
import { reuseFrames, reuseStageFrames } from "./reuse/frames.ts";
import { REUSE_INDEX, reuseIndexFrame, reusePiecesFromParts } from "./reuse/parts.ts";

/** Reuse and coverage across articles. */
export const REUSE_STAGE = frameStage({
  name: "reuse",
  step: "reuse",
  perArticle: [],
  corpusLevel: [
    "reuse_pairs",
    "article_similarity",
    "article_sources",
    "coverage",
    "figure_consistency",
    "coverage_articles",
  ],
  wholeCorpus: true,
  // The extraction frames, when that stage ran; otherwise the stage extracts for itself.
  batch: (a, built) => ({
    frames: built.entities
      ? reuseFrames(a, { entities: built.entities, figures: built.figures, quotes: built.quotes })
      : reuseStageFrames(a),
  }),
  // Pairs spilled to the scratch folder (tens of millions at 100,000 news-size articles).
  fromParts: (out, { scratch, pieceRows, collect, index }) =>
    reusePiecesFromParts(out, {
      scratch,
      pieceRows,
      collect,
      index,
      log: (phase) => logMemory(`reuse: ${phase}`),
    }),
  // Each batch's sentences as stems: the merge reads them instead of every token back.
  sliceIndex: { frames: [REUSE_INDEX], of: (a) => ({ [REUSE_INDEX]: reuseIndexFrame(a) }) },
});
