/**
 * The self-contained HTML report: summary tables and every chart on one page that opens with no
 * network (Vega scripts inlined). Article text is untrusted: every cell is escaped, and chart
 * specs are embedded as script-safe JSON.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { Chart } from "./chart.ts";
import { chartFigure, EMBED_SCRIPT, PAGE_STYLE, vegaScripts } from "./export.ts";
import { escapeHtml } from "./render.ts";

/** An HTML table of `df` (only `columns`), every cell escaped; lists are joined with ", ". */
export function htmlTable(df: pl.DataFrame, columns: string[]): string {
  const present = columns.filter((c) => df.columns.includes(c));
  const head = present.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = (df.select(...present).rows() as unknown[][]).map((row) =>
    `<tr>${
      row.map((v) => {
        const text = v === null || v === undefined
          ? ""
          : Array.isArray(v)
          ? v.join(", ")
          : v instanceof Date
          ? v.toISOString().slice(0, 10)
          : typeof v === "number"
          ? (Number.isInteger(v) ? String(v) : v.toFixed(3))
          : String(v);
        return `<td${typeof v === "number" ? ' class="num"' : ""}>${escapeHtml(text)}</td>`;
      }).join("")
    }</tr>`
  ).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Options of {@link reportPage}. */
export interface ReportOptions {
  /** What the corpus is (shown in the title), e.g. its path. */
  corpus: string;
}

/**
 * Builds the report page from the frames `allFrames` returns and the charts `allCharts` builds.
 *
 * @example
 * ```ts
 * import { allCharts, readFrame, reportPage } from "newsframe";
 *
 * const frames = { articles: readFrame("data/out", "articles"), keyness: readFrame("data/out", "keyness") };
 * const html = await reportPage(frames, allCharts(frames), { corpus: "my corpus" });
 * await Deno.writeTextFile("report.html", html);
 * ```
 */
export async function reportPage(
  frames: Readonly<Record<string, pl.DataFrame | undefined>>,
  charts: Chart[],
  options: ReportOptions,
): Promise<string> {
  const sections: string[] = [];
  const articles = frames.articles;
  if (articles) {
    let table = articles;
    if (frames.sentences) {
      const lead = frames.sentences.filter(pl.col("kind").eq(pl.lit("body")))
        .groupBy("article_id").agg(pl.col("text").first().alias("lead"));
      table = table.join(lead, { on: "article_id", how: "left" });
    }
    if (frames.article_sources) {
      table = table.join(frames.article_sources.select("article_id", "likely_source"), {
        on: "article_id",
        how: "left",
      });
    }
    sections.push(
      `<h2>Articles</h2>${
        htmlTable(table, [
          "article_id",
          "outlet",
          "published",
          "title",
          "lead",
          "n_sentences",
          "n_words",
          "agencies",
          "likely_source",
        ])
      }`,
    );
  }
  if (frames.cleaning && frames.cleaning.height) {
    const counts = frames.cleaning.groupBy(["article_id", "action", "kind"]).len().sort([
      "article_id",
      "action",
      "kind",
    ]);
    sections.push(
      `<h2>What cleaning took out</h2><p class="note">Boilerplate removed, structure separated, scrape joins repaired (the <code>cleaning</code> frame has every piece).</p>${
        htmlTable(counts, ["article_id", "action", "kind", "len"])
      }`,
    );
  }
  for (const chart of charts) {
    sections.push(`<h2>${escapeHtml(chart.title)}</h2>\n${await chartFigure(chart)}`);
  }
  const n = articles?.height ?? 0;
  const words = articles ? Number(articles.getColumn("n_words").sum()) : 0;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>newsframe report: ${escapeHtml(options.corpus)}</title>
${PAGE_STYLE}
${await vegaScripts()}
</head><body>
<h1>newsframe report: ${escapeHtml(options.corpus)}</h1>
<p class="note">${n} articles, ${words} words. Charts are interactive (hover for details); every
figure is also written as SVG, PNG and Vega-Lite JSON by <code>deno task charts</code>.</p>
${sections.join("\n")}
${EMBED_SCRIPT}
</body></html>
`;
}
