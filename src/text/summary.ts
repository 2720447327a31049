/**
 * What the summary of a run reports about the articles, as sums (articles, sentences and words
 * per outlet; what cleaning removed, separated and repaired), so the batches of a corpus add up.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence, TokenColumns } from "./segment.ts";
import { type SpellingTally, spellingTally } from "./spelling.ts";

/** Articles, sentences and words of one outlet. */
export interface OutletRow {
  articles: number;
  sentences: number;
  words: number;
}

/**
 * What the summary reports of the articles, as sums: batches of a corpus add up
 * ({@link mergeSummaryTally}).
 */
export interface SummaryTally {
  outlets: Map<string, OutletRow>;
  /** Boilerplate paragraphs removed, by kind. */
  removed: Map<string, number>;
  /** Structure separated (dateline, byline, credit line), by kind. */
  separated: Map<string, number>;
  /** The first few scrape joins repaired ("before → after"), and how many there were. */
  repairs: string[];
  repairCount: number;
  /** Articles by detected language (ISO 639-1 code; "unknown" when too short to tell). */
  languages: Map<string, number>;
  /** Words spelt only the British or only the American way, by outlet (see `spellingTally`). */
  spelling: Map<string, SpellingTally>;
}

const REPAIRS_SHOWN = 5;

/** The summary tally of some cleaned articles, their sentences and (when given) their tokens. */
export function summaryTally(
  articles: readonly CleanArticle[],
  sentences: readonly Sentence[],
  tokens?: TokenColumns,
): SummaryTally {
  const outlets = new Map<string, OutletRow>();
  const tally: SummaryTally = {
    outlets,
    removed: new Map(),
    separated: new Map(),
    repairs: [],
    repairCount: 0,
    languages: new Map(),
    spelling: tokens ? spellingTally(tokens) : new Map(),
  };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const a of articles) {
    const row = outlets.get(a.outlet) ?? { articles: 0, sentences: 0, words: 0 };
    row.articles++;
    outlets.set(a.outlet, row);
    // A date line is structure (it becomes the article's date), not boilerplate.
    for (const r of a.removed) {
      if (r.kind === "date_line") bump(tally.separated, "date line");
      else bump(tally.removed, r.kind);
    }
    if (a.dateline) bump(tally.separated, "dateline");
    if (a.byline) bump(tally.separated, "byline");
    if (a.credit) bump(tally.separated, "credit line");
    bump(tally.languages, a.language ?? "unknown");
    for (const r of a.repairs) {
      if (tally.repairs.length < REPAIRS_SHOWN) tally.repairs.push(`${r.before} → ${r.after}`);
      tally.repairCount++;
    }
  }
  for (const s of sentences) {
    const row = outlets.get(s.outlet)!;
    row.sentences++;
    row.words += s.nWords;
  }
  return tally;
}

/** Adds `from` (a later batch) to `into`, in place. */
export function mergeSummaryTally(into: SummaryTally, from: SummaryTally): SummaryTally {
  for (const [outlet, r] of from.outlets) {
    const row = into.outlets.get(outlet) ?? { articles: 0, sentences: 0, words: 0 };
    row.articles += r.articles;
    row.sentences += r.sentences;
    row.words += r.words;
    into.outlets.set(outlet, row);
  }
  for (const [k, n] of from.removed) into.removed.set(k, (into.removed.get(k) ?? 0) + n);
  for (const [k, n] of from.separated) into.separated.set(k, (into.separated.get(k) ?? 0) + n);
  for (const [k, n] of from.languages) into.languages.set(k, (into.languages.get(k) ?? 0) + n);
  // Tallies written before the spelling count have none.
  into.spelling ??= new Map();
  for (const [outlet, t] of from.spelling ?? []) {
    const row = into.spelling.get(outlet) ?? { british: 0, american: 0 };
    row.british += t.british;
    row.american += t.american;
    into.spelling.set(outlet, row);
  }
  into.repairs.push(...from.repairs.slice(0, REPAIRS_SHOWN - into.repairs.length));
  into.repairCount += from.repairCount;
  return into;
}
