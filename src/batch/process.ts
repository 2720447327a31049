/**
 * One batch of a large corpus, from loaded articles to files: clean, segment, run the stages,
 * write the per-article frames as this batch's parts, and return the tallies the corpus-level
 * frames are made from. The same function runs in a worker or in the main thread, so the results
 * cannot depend on which.
 * @module
 */

import type { TermOptions } from "../stats/terms.ts";
import type { Article } from "../corpus/article.ts";
import { cleanArticle } from "../corpus/clean.ts";
import { newAnalysis } from "../analysis.ts";
import type { FrameFormat } from "../frames/write.ts";
import { writePartition } from "../frames/partitions.ts";
import { runStages, stagesOf } from "../stages.ts";
import { inFrameOrder } from "../frame_stage.ts";
import { fieldGroup, firstDistinct, groupFields, groupsOf } from "../stats/groups.ts";
import type { MeasureSettings } from "../stages.ts";
import { type SummaryTally, summaryTally } from "../text/summary.ts";

/** Where and how a batched run writes, shared by every batch. */
export interface BatchConfig {
  /** The output folder. */
  out: string;
  formats: FrameFormat[];
  /** The steps to run (`corpus`, `measure`…; a stage that needs the whole corpus never runs on a batch). */
  stages: string[];
  /** The article field groups are compared by. */
  by: string;
  /** What the measure stage applies (lexicons, default lexicons, tone scorer). */
  measure?: MeasureSettings;
  /** The keyness stratum field, if any. */
  within?: string;
  /** Term options (a stopword set crosses to workers as a list). */
  terms?: Omit<TermOptions, "stopwords"> & { stopwords?: "remove" | "keep" | string[] };
  /** A user's gazetteer file, or "none" (see `--gazetteer`). */
  gazetteer?: string;
  /** A model file, or "none" (see `--model`). */
  model?: string;
}

/** What a batch reports back: small sums, never rows. */
export interface BatchReport {
  index: number;
  articles: number;
  words: number;
  /** Characters of raw text (for progress against the corpus size). */
  chars: number;
  /** The tally of each stage that has one, by stage name. */
  tallies: Record<string, unknown>;
  summary: SummaryTally;
  /** Rows written per frame. */
  rows: Record<string, number>;
  written: string[];
  /** Articles with a value for the grouping field, and the fields the batch's articles carry. */
  grouped: number;
  fields: string[];
  /** Up to two distinct values of the grouping field (enough to tell whether groups compare). */
  groups: string[];
}

/** The folder a frame's parts wait in until the corpus tally can finish them. */
export const STAGING = ".staging";

/** Processes batch `index` of a corpus and writes its parts under `config.out`. */
export async function processBatch(
  index: number,
  articles: readonly Article[],
  config: BatchConfig,
): Promise<BatchReport> {
  const cleaned = articles.map((a) => cleanArticle(a));
  const analysis = newAnalysis(cleaned);
  const by = fieldGroup(config.by);
  const stages = stagesOf(config.stages).filter((s) => !s.wholeCorpus);
  const { frames: built, tallies } = runStages(analysis, stages, {
    ...config.measure,
    by,
    within: config.within === undefined ? undefined : fieldGroup(config.within),
    terms: config.terms && {
      ...config.terms,
      stopwords: Array.isArray(config.terms.stopwords)
        ? new Set(config.terms.stopwords)
        : config.terms.stopwords,
    },
    partial: true,
    gazetteer: config.gazetteer,
    model: config.model,
  });
  const pending = new Set<string>(stages.flatMap((s) => s.finish?.frames ?? []));
  const rows: Record<string, number> = {};
  const written: string[] = [];
  for (const name of inFrameOrder(stages.flatMap((s) => s.perArticle))) {
    const frame = built[name];
    if (!frame) continue;
    rows[name] = frame.height;
    if (pending.has(name)) {
      await writePartition(frame, `${config.out}/${STAGING}`, name, index, ["parquet"]);
    } else {
      written.push(...await writePartition(frame, config.out, name, index, config.formats));
    }
  }
  const groups = groupsOf(cleaned, by);
  return {
    index,
    articles: cleaned.length,
    words: analysis.tokens.length,
    chars: articles.reduce((n, a) => n + a.text.length, 0),
    tallies,
    summary: summaryTally(cleaned, analysis.sentences),
    rows,
    written,
    grouped: groups.filter((g) => g !== null).length,
    fields: [...groupFields(cleaned)],
    groups: firstDistinct(groups, 2),
  };
}
