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
  const out: string[] = [];
  out.push(
    `  ${"outlet".padEnd(width)}  ${"articles".padStart(8)}  ${"sentences".padStart(9)}  ${
      "words".padStart(9)
    }`,
  );
  for (const [o, r] of rows) out.push(line(o, r));
  out.push(line("total", total));

  const list = (m: Map<string, number>) => [...m].map(([k, n]) => `${k} ${n}`).join(", ");
  const removed = [...tally.removed.values()].reduce((a, b) => a + b, 0);
  out.push("");
  out.push(
    `cleaning: removed ${removed} boilerplate paragraph(s)${
      removed ? ` (${list(tally.removed)})` : ""
    }`,
  );
  out.push(`          separated ${tally.separated.size ? list(tally.separated) : "nothing"}`);
  out.push(
    `          repaired ${tally.repairCount} scrape join(s)${
      tally.repairCount ? `: ${tally.repairs.join(", ")}` : ""
    }`,
  );

  const foreign = [...tally.languages].filter(([l]) => l !== ENGLISH && l !== "unknown");
  const nForeign = foreign.reduce((n, [, k]) => n + k, 0);
  if (nForeign) {
    out.push(
      `language: ${nForeign} article(s) not in English (${list(new Map(foreign))}); the kit ` +
        "reads English (its extractors and lexicons are English): their terms, figures, quotes " +
        'and tone are not to be trusted; see the "language" column of articles',
    );
  }

  const warnings = issues.filter((i) => i.severity === "warning");
  if (warnings.length) {
    out.push("", `warnings (${warnings.length}):`);
    for (const w of warnings.slice(0, maxIssues)) out.push(`  ${formatIssue(w)}`);
    if (warnings.length > maxIssues) out.push(`  … and ${warnings.length - maxIssues} more`);
  }
  out.push("", `rejected: ${rejected.length} record(s)`);
  for (const r of rejected.slice(0, maxIssues)) {
    const where = r.line === undefined ? r.source : `${r.source}:${r.line}`;
    out.push(`  ${where}${r.id ? ` [${shortId(r.id)}]` : ""}: ${r.reasons.join("; ")}`);
  }
  if (rejected.length > maxIssues) out.push(`  … and ${rejected.length - maxIssues} more`);
  const fields = fieldRejections(issues);
  const corpusErrors = issues.filter((i) =>
    i.severity === "error" && !fields.includes(i) &&
    !rejected.some((r) => r.source === i.source && r.line === i.line)
  );
  for (const e of corpusErrors.slice(0, maxIssues)) out.push(`  ${formatIssue(e)}`);
  if (fields.length) {
    out.push(`rejected fields: ${fields.length} (the article loads without the field)`);
    for (const e of fields.slice(0, maxIssues)) out.push(`  ${formatIssue(e)}`);
    if (fields.length > maxIssues) out.push(`  … and ${fields.length - maxIssues} more`);
  }
  return out.join("\n");
}

/**
 * The errors that rejected one field of an article that still loaded (a date the kit cannot
 * read, marked `fieldOnly`); `analyze` prints them on stderr as well as in the summary.
 */
export function fieldRejections(issues: readonly LoadIssue[]): LoadIssue[] {
  return issues.filter((i) => i.severity === "error" && i.fieldOnly === true);
}

/** The summary of a corpus analysed in memory (what `report` and `charts` print). */
export function loadSummary(analysis: Analysis): string {
  return renderSummary(
    summaryTally(analysis.articles, analysis.sentences),
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
