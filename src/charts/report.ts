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
import {
  articleGroups,
  type Finding,
  findings,
  type FindingTopic,
  frameGrouping,
} from "./findings.ts";
import { ARTICLE_COLUMNS } from "../frames/articles.ts";
import { kwic } from "../stats/kwic.ts";
import { topByGroup } from "../frames/top.ts";
import type { CleanArticle } from "../corpus/clean.ts";
import type { TokenColumns } from "../text/segment.ts";

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
  /** The page's title (default: the name of the corpus folder or file, never its whole path). */
  title?: string;
  /** What the corpus is: its path; only its last part is shown. */
  corpus?: string;
  /** The article field the frames were grouped by (default: as the frames were built). */
  by?: string;
  /** The stratum field (`--within`), named in the summary line. */
  within?: string;
  /** The articles and tokens, for the key terms in context (left out without them). */
  kwic?: { articles: readonly CleanArticle[]; tokens: TokenColumns };
  /** Rows per group in the entity, speaker and KWIC tables (default 8, 8 and 4 lines a term). */
  rowsPerGroup?: number;
}

/** The name of a corpus path for a title: its last part (a folder's or a file's name). */
export function corpusName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, "");
  const last = trimmed.split(/[\\/]/).pop();
  return last && last !== "." && last !== ".." ? last : "corpus";
}

/** `df` with the column `group` (the article's group); undefined without the grouping. */
function grouped(df: pl.DataFrame | undefined, groups: pl.DataFrame | undefined, column: string) {
  if (!df || !df.height || !groups) return undefined;
  // A column of the frame named like the grouping (a field called "type") gives way to the group.
  const own = df.select(...df.columns.filter((c) => c !== column || c === "article_id"));
  return own.join(groups.rename({ __group: column }), { on: "article_id", how: "inner" });
}

/** The column name a grouping shows under in the tables (grouped by id: `article`). */
const shownAs = (by: string) => (by === "id" ? "article" : by);

/** Who is named: the most mentioned entities of each group (media left out). */
export function namedTable(
  entities: pl.DataFrame | undefined,
  groups: pl.DataFrame | undefined,
  by: string,
  n = 8,
): pl.DataFrame | undefined {
  const col = shownAs(by);
  let mentions = entities;
  if (mentions?.columns.includes("media")) mentions = mentions.filter(pl.col("media").not());
  const g = grouped(mentions?.select("article_id", "entity", "type"), groups, col);
  if (!g) return undefined;
  const counts = g.groupBy([col, "entity", "type"]).agg(
    pl.len().alias("mentions"),
    pl.col("article_id").nUnique().alias("articles"),
  );
  return topByGroup(counts, col, "mentions", { n, then: ["entity", "type"] });
}

/** Who speaks: direct quotes per speaker and group, with the longest quote as an example. */
export function speakersTable(
  quotes: pl.DataFrame | undefined,
  groups: pl.DataFrame | undefined,
  by: string,
  n = 8,
): pl.DataFrame | undefined {
  const col = shownAs(by);
  const direct = quotes?.filter(
    pl.col("kind").eq(pl.lit("direct")).and(pl.col("speaker").isNotNull()),
  );
  const g = grouped(direct?.select("article_id", "speaker", "text"), groups, col);
  if (!g) return undefined;
  const counts = g.sort(pl.col("text").str.lengths(), true).groupBy([col, "speaker"]).agg(
    pl.len().alias("quotes"),
    pl.col("article_id").nUnique().alias("articles"),
    pl.col("text").first().alias("example"),
  );
  return topByGroup(counts, col, "quotes", { n, then: ["speaker"] });
}

/**
 * Figures per group: every money, percent and quantity figure, by group and article, with what it
 * is per ("$1.71 per share", "115mph": per hour), so a rate is not read as an amount.
 */
export function figuresTable(
  figures: pl.DataFrame | undefined,
  groups: pl.DataFrame | undefined,
  by: string,
): pl.DataFrame | undefined {
  const col = shownAs(by);
  const kept = figures?.filter(pl.col("kind").isIn(["money", "percent", "quantity"]));
  const g = grouped(
    kept?.select("article_id", "kind", "text", "value", "unit", "per"),
    groups,
    col,
  );
  return g?.sort([col, "kind", "article_id", "value"]).select(
    col,
    "article_id",
    "kind",
    "text",
    "value",
    "unit",
    "per",
  );
}

/**
 * Key terms in context: for each group, its `terms` most over-used terms (keyness z > 0, used at
 * least 3 times) and up to `lines` uses of each in the group's own articles.
 */
export function kwicTable(
  keyness: pl.DataFrame | undefined,
  source: ReportOptions["kwic"],
  groups: pl.DataFrame | undefined,
  by: string,
  options: { terms?: number; lines?: number } = {},
): pl.DataFrame | undefined {
  if (!keyness || !keyness.height || !source || !groups) return undefined;
  const col = shownAs(by);
  const top = topByGroup(
    keyness.filter(pl.col("z").gt(0).and(pl.col("n_target").gtEq(3))),
    "group",
    "z",
    { n: options.terms ?? 2, then: ["term"] },
  ).select("group", "term").rows() as [string, string][];
  const groupOf = new Map(groups.rows() as [string, string][]);
  const parts: pl.DataFrame[] = [];
  for (const [group, term] of top) {
    let lines: pl.DataFrame;
    try {
      lines = kwic(source, term, { window: 7 });
    } catch {
      continue; // a term the pattern syntax cannot say (a symbol): no lines rather than wrong ones
    }
    // No line (a term kwic's patterns do not find, e.g. "US" counted from "U.S."): nothing to show.
    if (!lines.height) continue;
    const ids = lines.getColumn("article_id").toArray() as string[];
    const mine = lines.filter(pl.Series(ids.map((id) => groupOf.get(id) === group)))
      .head(options.lines ?? 4);
    if (!mine.height) continue;
    parts.push(
      mine.select(
        pl.lit(group).alias(col),
        pl.lit(term).alias("term"),
        pl.col("article_id"),
        pl.col("left"),
        pl.col("match"),
        pl.col("right"),
      ),
    );
  }
  return parts.length ? pl.concat(parts) : undefined;
}

/** The articles table: the core columns, the lead, the likely source and every extra field. */
function articlesTable(frames: Readonly<Record<string, pl.DataFrame | undefined>>) {
  let table = frames.articles!;
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
  const core = new Set<string>([...ARTICLE_COLUMNS, "agencies", "lead", "likely_source"]);
  const extra = table.columns.filter((c) => !core.has(c));
  return htmlTable(table, [
    "article_id",
    "outlet",
    "published",
    "title",
    "lead",
    "n_sentences",
    "n_words",
    "agencies",
    "likely_source",
    ...extra,
  ]);
}

const TOPIC_NAMES: Record<FindingTopic, string> = {
  terms: "Words each group over-uses",
  entities: "Who is named",
  speakers: "Who speaks",
  figures: "Figures",
  framing: "Frames",
  tone: "Tone",
  reuse: "Who reused whom",
};

/** The findings as an HTML list per topic, every sentence escaped. */
export function findingsHtml(list: readonly Finding[]): string {
  if (!list.length) return `<p class="note">No finding: the corpus is too small to say.</p>`;
  const topics = [...new Set(list.map((f) => f.topic))];
  return topics.map((t) =>
    `<h3>${TOPIC_NAMES[t]}</h3>\n<ul class="findings">${
      list.filter((f) => f.topic === t).map((f) => `<li>${escapeHtml(f.text)}</li>`).join("\n")
    }</ul>`
  ).join("\n");
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
  options: ReportOptions = {},
): Promise<string> {
  const by = options.by ?? frameGrouping(frames);
  const col = shownAs(by);
  const title = options.title ?? (options.corpus ? corpusName(options.corpus) : "corpus");
  const groups = articleGroups(frames.articles, by);
  const rows = options.rowsPerGroup ?? 8;
  const sections: string[] = [];
  const section = (
    heading: string,
    note: string,
    table: pl.DataFrame | undefined,
    cols: string[],
  ) => {
    if (table && table.height) {
      sections.push(`<h2>${heading}</h2><p class="note">${note}</p>${htmlTable(table, cols)}`);
    }
  };
  sections.push(`<h2>Findings</h2>
<p class="note">Computed from the frames; a conclusion the evidence is too thin for is left out.
Counts are of the groups by <code>${escapeHtml(by)}</code>${
    options.within
      ? `; the over-used terms are compared within each <code>${
        escapeHtml(options.within)
      }</code>, the other findings over the whole corpus`
      : ""
  }.</p>
${findingsHtml(findings(frames, { by }))}`);
  const articles = frames.articles;
  if (articles) {
    sections.push(`<h2>Articles</h2><div class="scroll">${articlesTable(frames)}</div>`);
  }
  section(
    "Who is named",
    `The most mentioned entities of each ${
      escapeHtml(col)
    } (news media left out): mentions and the articles naming them.`,
    namedTable(frames.entities, groups, by, rows),
    [col, "entity", "type", "mentions", "articles"],
  );
  section(
    "Who speaks",
    `Direct quotes with a known speaker, per ${escapeHtml(col)}; the example is the longest.`,
    speakersTable(frames.quotes, groups, by, rows),
    [col, "speaker", "quotes", "articles", "example"],
  );
  section(
    `Figures per ${escapeHtml(col)}`,
    "Money, percentages and quantities, with the value after scale words and what a rate is per.",
    figuresTable(frames.figures, groups, by),
    [col, "article_id", "kind", "text", "value", "unit", "per"],
  );
  section(
    "Key terms in context",
    `The two most over-used terms of each ${
      escapeHtml(col)
    } (used at least three times), in its own articles.`,
    kwicTable(frames.keyness, options.kwic, groups, by),
    [col, "term", "article_id", "left", "match", "right"],
  );
  if (frames.cleaning && frames.cleaning.height) {
    // "pieces", not polars' default "len": a reader sees the header, not the code.
    const counts = frames.cleaning.groupBy(["article_id", "action", "kind"])
      .agg(pl.len().alias("pieces"))
      .sort(["article_id", "action", "kind"]);
    sections.push(
      `<h2>What cleaning took out</h2><p class="note">Boilerplate removed, structure separated, scrape joins repaired: the pieces of each kind per article (the <code>cleaning</code> frame has every piece).</p>${
        htmlTable(counts, ["article_id", "action", "kind", "pieces"])
      }`,
    );
  }
  for (const chart of charts) {
    sections.push(`<h2>${escapeHtml(chart.title)}</h2>\n${await chartFigure(chart)}`);
  }
  const n = articles?.height ?? 0;
  const words = articles ? Number(articles.getColumn("n_words").sum()) : 0;
  const within = options.within
    ? `, compared within each <code>${escapeHtml(options.within)}</code>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>newsframe report: ${escapeHtml(title)}</title>
${PAGE_STYLE}
<style>
ul.findings { line-height: 1.45; } h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
td { max-width: 36rem; }
div.scroll { overflow-x: auto; } div.scroll td { min-width: 6rem; }
div.scroll td:nth-child(4) { min-width: 14rem; } div.scroll td:nth-child(5) { min-width: 24rem; }
</style>
${await vegaScripts()}
</head><body>
<h1>newsframe report: ${escapeHtml(title)}</h1>
<p class="note">${n} articles, ${words} words, grouped by <code>${escapeHtml(by)}</code>${within}.
Charts are interactive (hover for details); every figure is also written as SVG, PNG and
Vega-Lite JSON by <code>newsframe charts</code>.</p>
${sections.join("\n")}
${EMBED_SCRIPT}
</body></html>
`;
}
