/**
 * The short, human summary `deno task analyze` prints.
 * @module
 */

import { formatIssue } from "../corpus/issues.ts";
import type { Analysis } from "../pipeline.ts";

/** Renders the summary: articles per outlet, sentences and words, cleaning, warnings, rejections. */
export function summarize(analysis: Analysis, maxIssues = 20): string {
  const byOutlet = new Map<string, { articles: number; sentences: number; words: number }>();
  for (const a of analysis.articles) {
    const row = byOutlet.get(a.outlet) ?? { articles: 0, sentences: 0, words: 0 };
    row.articles++;
    byOutlet.set(a.outlet, row);
  }
  for (const s of analysis.sentences) {
    const row = byOutlet.get(s.outlet)!;
    row.sentences++;
    row.words += s.nWords;
  }
  const rows = [...byOutlet.entries()].sort((a, b) =>
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
  const line = (o: string, r: { articles: number; sentences: number; words: number }) =>
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

  const count = (items: string[]) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
    return [...m.entries()].map(([k, n]) => `${k} ${n}`).join(", ");
  };
  const removed = analysis.articles.flatMap((a) => a.removed.map((r) => r.kind));
  const repairs = analysis.articles.flatMap((a) =>
    a.repairs.map((r) => `${r.before} → ${r.after}`)
  );
  const separated = analysis.articles.flatMap((a) =>
    [a.dateline && "dateline", a.byline && "byline", a.credit && "credit line"].filter(
      Boolean,
    ) as string[]
  );
  out.push("");
  out.push(
    `cleaning: removed ${removed.length} boilerplate paragraph(s)${
      removed.length ? ` (${count(removed)})` : ""
    }`,
  );
  out.push(`          separated ${separated.length ? count(separated) : "nothing"}`);
  out.push(
    `          repaired ${repairs.length} scrape join(s)${
      repairs.length ? `: ${repairs.slice(0, 5).join(", ")}` : ""
    }`,
  );

  const warnings = analysis.issues.filter((i) => i.severity === "warning");
  if (warnings.length) {
    out.push("", `warnings (${warnings.length}):`);
    for (const w of warnings.slice(0, maxIssues)) out.push(`  ${formatIssue(w)}`);
    if (warnings.length > maxIssues) out.push(`  … and ${warnings.length - maxIssues} more`);
  }
  const rejected = analysis.rejected;
  out.push("", `rejected: ${rejected.length} record(s)`);
  for (const r of rejected.slice(0, maxIssues)) {
    const where = r.line === undefined ? r.source : `${r.source}:${r.line}`;
    out.push(`  ${where}${r.id ? ` [${r.id}]` : ""}: ${r.reasons.join("; ")}`);
  }
  if (rejected.length > maxIssues) out.push(`  … and ${rejected.length - maxIssues} more`);
  const corpusErrors = analysis.issues.filter((i) =>
    i.severity === "error" && !rejected.some((r) => r.source === i.source && r.line === i.line)
  );
  for (const e of corpusErrors.slice(0, maxIssues)) out.push(`  ${formatIssue(e)}`);
  return out.join("\n");
}
