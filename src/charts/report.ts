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

/**
 * A number as a person reads it: "1.52", "2.8" (no trailing zeros, at most three decimals),
 * "60,383" (thousands separated from five digits on, so a year stays "2024").
 */
export function readableNumber(v: number): string {
  return v.toLocaleString("en", { maximumFractionDigits: 3, useGrouping: "min2" });
}

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
          ? readableNumber(v)
          : typeof v === "bigint"
          ? readableNumber(Number(v))
          : String(v);
        const numeric = typeof v === "number" || typeof v === "bigint";
        return `<td${numeric ? ' class="num"' : ""}>${escapeHtml(text)}</td>`;
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

/** A figure's value for a reader: "15.7 billion", "45 million", "1.52", "60,383". */
export function figureValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "";
  for (const [size, word] of [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]] as const) {
    const scaled: number = v / size;
    // Said in the scale word only when that loses nothing ("31.6 million", not "1.234567 million").
    if (Math.abs(scaled) >= 1 && Number(scaled.toFixed(3)) * size === v) {
      return `${readableNumber(scaled)} ${word}`;
    }
  }
  return readableNumber(v);
}

/** Unit names of the figures frame as a person writes them ("degree_celsius": "°C"). */
const UNIT_WORDS: Record<string, string> = { degree_celsius: "°C", degree_fahrenheit: "°F" };

/** A unit, measure or period code for a reader: "°C", "share price". */
const readable = (code: unknown) =>
  code === null || code === undefined || code === ""
    ? null
    : UNIT_WORDS[String(code)] ?? String(code).replaceAll("_", " ");

/** The words around `start`–`end` of `text`: about `width` characters each side, cut at a space. */
export function figureContext(text: string, start: number, end: number, width = 45): string {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  // A cut inside a word moves to the word's edge, outward from the figure never past it.
  if (from > 0 && text[from - 1] !== " ") from = text.indexOf(" ", from) + 1 || from;
  if (from > start) from = start;
  if (to < text.length && text[to] !== " ") {
    const space = text.lastIndexOf(" ", to);
    if (space >= end) to = space;
  }
  return `${from > 0 ? "… " : ""}${text.slice(from, to).trim()}${to < text.length ? " …" : ""}`;
}

/**
 * Figures per group: every money, percent and quantity figure, by group and article, with what it
 * measures, its period and what it is per ("$1.71 per share", "115mph": per hour), the words
 * around it when `sentences` are given, and its value written for a reader ("15.7 billion").
 */
export function figuresTable(
  figures: pl.DataFrame | undefined,
  groups: pl.DataFrame | undefined,
  by: string,
  sentences?: pl.DataFrame,
): pl.DataFrame | undefined {
  const col = shownAs(by);
  const kept = figures?.filter(pl.col("kind").isIn(["money", "percent", "quantity"]));
  const optional = ["measure", "period", "sentence_id", "start", "end"].filter((c) =>
    kept?.columns.includes(c)
  );
  const g = grouped(
    kept?.select("article_id", "kind", "text", "value", "unit", "per", ...optional),
    groups,
    col,
  );
  if (!g) return undefined;
  const rows = records(g.sort([col, "kind", "article_id", "value"]));
  // Figure offsets are the article's; a sentence's own start turns them into the sentence's.
  const sentenceOf = new Map(
    sentences && optional.includes("sentence_id") && sentences.columns.includes("start")
      ? (sentences.select("sentence_id", "text", "start").rows() as [string, string, number][])
        .map(([id, text, start]) => [id, { text, start: Number(start) }])
      : [],
  );
  const column = (name: string, values: (string | null)[]) => pl.Series(name, values, pl.Utf8);
  return pl.DataFrame([
    column(col, rows.map((r) => String(r[col]))),
    column("article_id", rows.map((r) => String(r.article_id))),
    column("kind", rows.map((r) => String(r.kind))),
    column("text", rows.map((r) => String(r.text))),
    column("value", rows.map((r) => figureValue(r.value as number | null))),
    column("unit", rows.map((r) => readable(r.unit))),
    column("per", rows.map((r) => readable(r.per))),
    column("measure", rows.map((r) => readable(r.measure))),
    column("period", rows.map((r) => readable(r.period))),
    column(
      "context",
      rows.map((r) => {
        const sentence = sentenceOf.get(String(r.sentence_id));
        if (!sentence) return null;
        const at = Number(r.start) - sentence.start;
        return figureContext(sentence.text, at, at + Number(r.end) - Number(r.start));
      }),
    ),
  ]);
}

/** Rows of a small frame as objects. */
const records = (df: pl.DataFrame) => df.toRecords() as Record<string, unknown>[];

/**
 * Frames within each stratum (`framing_within`): for each group, the `n` frames farthest from
 * what the other groups of the same strata lead one to expect, either way (frames neither the
 * group nor its strata use left out), rates rounded to one decimal.
 */
export function framingWithinTable(
  frame: pl.DataFrame | undefined,
  by: string,
  n = 4,
): pl.DataFrame | undefined {
  if (!frame || !frame.height || !frame.columns.includes(by)) return undefined;
  const used = frame.filter(pl.col("n").gt(0).or(pl.col("expected_per_1000").gt(0)))
    .withColumns(pl.col("excess_per_1000").abs().alias("__far"));
  if (!used.height) return undefined;
  return topByGroup(used, by, "__far", { n, then: ["lexicon", "label"] }).select(
    pl.col(by).alias(shownAs(by)),
    pl.col("lexicon"),
    pl.col("label").alias("frame"),
    pl.col("strata"),
    pl.col("words"),
    pl.col("n").alias("matches"),
    pl.col("per_1000").round(1),
    pl.col("expected_per_1000").round(1),
    pl.col("excess_per_1000").round(1),
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
    // A term KWIC does not find as written (an abbreviation's term form): no lines.
    if (!lines.height) continue;
    const ids = lines.getColumn("article_id").toArray() as string[];
    const keep = pl.Series("keep", ids.map((id) => groupOf.get(id) === group), pl.Bool);
    const mine = lines.filter(keep)
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
    className?: string,
  ) => {
    if (table && table.height) {
      const html = htmlTable(table, cols);
      sections.push(
        `<h2>${heading}</h2><p class="note">${note}</p>${
          className ? `<div class="${className}">${html}</div>` : html
        }`,
      );
    }
  };
  sections.push(`<h2>Findings</h2>
<p class="note">Computed from the frames; a conclusion the evidence is too thin for is left out.
Counts are of the groups by <code>${escapeHtml(by)}</code>${
    options.within
      ? `; the over-used terms, the frames and the tone are compared within each <code>${
        escapeHtml(options.within)
      }</code> (each group against the others covering the same one), who is named, who speaks, the figures and the reuse over the whole corpus`
      : ""
  }.</p>
${findingsHtml(findings(frames, { by, within: options.within }))}`);
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
    "Money, percentages and quantities as written (text), their value after scale words, what a rate is per, what the figure measures and its period where the extractor read them, and the words around it.",
    figuresTable(frames.figures, groups, by, frames.sentences),
    [col, "article_id", "kind", "text", "value", "unit", "per", "measure", "period", "context"],
    "figures",
  );
  if (options.within) {
    const w = escapeHtml(options.within);
    section(
      `Frames within each ${w}`,
      `Each ${
        escapeHtml(col)
      }'s frame rate (per 1,000 words) in the ${w} values it shares with another, set against the rate the others give in those same ones (expected): excess above 0 is a frame it uses more than the others covering the same ${w}. The four frames farthest from expected, either way, per ${
        escapeHtml(col)
      } (the <code>framing_within</code> frame has every one).`,
      framingWithinTable(frames.framing_within, by),
      [
        col,
        "lexicon",
        "frame",
        "strata",
        "words",
        "matches",
        "per_1000",
        "expected_per_1000",
        "excess_per_1000",
      ],
    );
  }
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
<meta name="generator" content="newsframe report">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>newsframe report: ${escapeHtml(title)}</title>
${PAGE_STYLE}
<style>
ul.findings { line-height: 1.45; } h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
td { max-width: 36rem; }
div.scroll { overflow: auto; max-height: 80vh; border: 1px solid #e5e5e5; }
div.scroll table { margin: 0; } div.scroll thead th { position: sticky; top: 0; z-index: 1; }
div.scroll table { font-size: 0.8rem; } div.scroll th, div.scroll td { padding: 0.25rem 0.4rem; }
div.scroll td:nth-child(3) { white-space: nowrap; }
div.figures td:nth-child(5) { white-space: nowrap; text-align: right; }
div.figures td:nth-child(10) { min-width: 22rem; }
div.scroll td:nth-child(4) { min-width: 9rem; } div.scroll td:nth-child(5) { min-width: 15rem; }
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
