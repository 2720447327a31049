/**
 * The short, human summary `deno task analyze` prints.
 * @module
 */

import { formatIssue, type LoadIssue, shortId } from "../corpus/issues.ts";
import type { Rejection } from "../corpus/load.ts";
import { ENGLISH } from "../corpus/language.ts";
import { type OutletRow, type SummaryTally, summaryTally } from "../text/summary.ts";
import type { Analysis } from "../pipeline.ts";

/**
 * Renders the summary `analyze` prints: articles, sentences and words per outlet, cleaning,
 * warnings and rejections, from a summary tally and the loader's issues and rejections.
 */
export function renderSummary(
  tally: SummaryTally,
  issues: readonly LoadIssue[],
  rejected: readonly Rejection[],
  maxIssues = 20,
): string {
  return [
    ...outletTable(tally),
    "",
    ...cleaningLines(tally),
    ...languageLines(tally),
    ...spellingLines(tally),
    ...warningLines(issues, maxIssues),
    "",
    ...rejectionLines(issues, rejected, maxIssues),
  ].join("\n");
}

/** Articles, sentences and words per outlet (most articles first) and their total. */
function outletTable(tally: SummaryTally): string[] {
  const rows = [...tally.outlets.entries()].sort((a, b) =>
    b[1].articles - a[1].articles || (a[0] < b[0] ? -1 : 1)
  );
  const total = rows.reduce(
    (t, [, r]) => ({
      articles: t.articles + r.articles,
      sentences: t.sentences + r.sentences,
      words: t.words + r.words,
    }),
    { articles: 0, sentences: 0, words: 0 },
  );
  const width = Math.max(6, ...rows.map(([o]) => o.length));
  const line = (o: string, r: OutletRow) =>
    `  ${o.padEnd(width)}  ${String(r.articles).padStart(8)}  ${String(r.sentences).padStart(9)}  ${
      String(r.words).padStart(9)
    }`;
  return [
    `  ${"outlet".padEnd(width)}  ${"articles".padStart(8)}  ${"sentences".padStart(9)}  ${
      "words".padStart(9)
    }`,
    ...rows.map(([o, r]) => line(o, r)),
    line("total", total),
  ];
}

/** `k n, k n`: a count per kind. */
function countList(m: Map<string, number>): string {
  return [...m].map(([k, n]) => `${k} ${n}`).join(", ");
}

/** What cleaning removed, separated and repaired. */
function cleaningLines(tally: SummaryTally): string[] {
  const removed = [...tally.removed.values()].reduce((a, b) => a + b, 0);
  return [
    `cleaning: removed ${removed} boilerplate paragraph(s)${
      removed ? ` (${countList(tally.removed)})` : ""
    }`,
    `          separated ${tally.separated.size ? countList(tally.separated) : "nothing"}`,
    `          repaired ${tally.repairCount} scrape join(s)${
      tally.repairCount ? `: ${tally.repairs.join(", ")}` : ""
    }`,
  ];
}

/** Words of one variety an outlet needs before the summary says it writes that variety. */
const SPELLING_MIN_WORDS = 3;

/**
 * A line when some outlets spell the British way and others the American way ("colour" and
 * "color"): their key terms then differ by spelling, which `--spelling` counts as one.
 */
function spellingLines(tally: SummaryTally): string[] {
  const british: string[] = [];
  const american: string[] = [];
  for (const [outlet, t] of tally.spelling ?? []) {
    if (t.british >= SPELLING_MIN_WORDS && t.british >= 3 * t.american) british.push(outlet);
    if (t.american >= SPELLING_MIN_WORDS && t.american >= 3 * t.british) american.push(outlet);
  }
  if (!british.length || !american.length) return [];
  return [
    `spelling: British in ${british.sort().join(", ")}; American in ${american.sort().join(", ")}`,
    `          a word spelt both ways ("colour", "color") is two terms unless --spelling american`,
    `          or british counts it as one`,
  ];
}

/** A line on the articles not in English, when there are any. */
function languageLines(tally: SummaryTally): string[] {
  const foreign = [...tally.languages].filter(([l]) => l !== ENGLISH && l !== "unknown");
  const nForeign = foreign.reduce((n, [, k]) => n + k, 0);
  if (!nForeign) return [];
  return [
    `language: ${nForeign} article(s) not in English (${countList(new Map(foreign))}); the kit ` +
    "reads English (its extractors and lexicons are English): their terms, figures, quotes " +
    'and tone are not to be trusted; see the "language" column of articles',
  ];
}

/** The loader's warnings, the first `max` of them. */
function warningLines(issues: readonly LoadIssue[], max: number): string[] {
  const warnings = issues.filter((i) => i.severity === "warning");
  if (!warnings.length) return [];
  return [
    "",
    `warnings (${warnings.length}):`,
    ...warnings.slice(0, max).map((w) => `  ${formatIssue(w)}`),
    ...(warnings.length > max ? [`  … and ${warnings.length - max} more`] : []),
  ];
}

/**
 * The rejected records, then corpus-level errors no rejection stands for (a bad manifest), then
 * the rejected fields of articles that loaded; the first `max` of each.
 */
function rejectionLines(
  issues: readonly LoadIssue[],
  rejected: readonly Rejection[],
  max: number,
): string[] {
  const out = [`rejected: ${rejected.length} record(s)`];
  for (const r of rejected.slice(0, max)) {
    const where = r.line === undefined ? r.source : `${r.source}:${r.line}`;
    out.push(`  ${where}${r.id ? ` [${shortId(r.id)}]` : ""}: ${r.reasons.join("; ")}`);
  }
  if (rejected.length > max) out.push(`  … and ${rejected.length - max} more`);
  for (const e of corpusErrors(issues, rejected).slice(0, max)) out.push(`  ${formatIssue(e)}`);
  const fields = fieldRejections(issues);
  if (fields.length) {
    out.push(`rejected fields: ${fields.length} (the article loads without the field)`);
    for (const e of fields.slice(0, max)) out.push(`  ${formatIssue(e)}`);
    if (fields.length > max) out.push(`  … and ${fields.length - max} more`);
  }
  return out;
}

/**
 * The errors that rejected one field of an article that still loaded (a date the kit cannot
 * read, marked `fieldOnly`); `analyze` prints them on stderr as well as in the summary.
 */
export function fieldRejections(issues: readonly LoadIssue[]): LoadIssue[] {
  return issues.filter((i) => i.severity === "error" && i.fieldOnly === true);
}

/**
 * The errors about the corpus rather than one record or field (a manifest that cannot be used):
 * no rejected record stands for them.
 */
export function corpusErrors(
  issues: readonly LoadIssue[],
  rejected: readonly Rejection[],
): LoadIssue[] {
  return issues.filter((i) =>
    i.severity === "error" && i.fieldOnly !== true &&
    !rejected.some((r) => r.source === i.source && r.line === i.line)
  );
}

/**
 * The stderr lines of {@link corpusErrors}, one each (`manifest.json: error: …`): `analyze`
 * prints them with `--quiet` too, as a run goes on without what they are about.
 */
export function corpusErrorLines(
  issues: readonly LoadIssue[],
  rejected: readonly Rejection[],
): string[] {
  return corpusErrors(issues, rejected).map(formatIssue);
}

/** The summary of a corpus analysed in memory (what `report` and `charts` print). */
export function loadSummary(analysis: Analysis): string {
  return renderSummary(
    summaryTally(analysis.articles, analysis.sentences, analysis.tokens),
    analysis.issues,
    analysis.rejected,
  );
}

/** The one line `--quiet` still prints: how many records were rejected, and where they are listed. */
export function rejectedLine(count: number, file: string | null): string {
  return `rejected: ${count} record(s)${file ? `; every one is listed in ${file}` : ""}`;
}

/** The stderr lines of {@link fieldRejections}: `rejected field: file:line: error [id]: …`. */
export function fieldRejectionLines(issues: readonly LoadIssue[]): string[] {
  return fieldRejections(issues).map((i) => `rejected field: ${formatIssue(i)}`);
}
