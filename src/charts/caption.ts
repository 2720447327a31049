/**
 * The caption every chart carries: what the groups are, what is compared with what, and how many
 * articles and words each group rests on. A chart without them invites readings the data cannot
 * carry (eight "over-used" bars on one article each).
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { Chart } from "./chart.ts";

/** A group's size: its articles and words. */
export interface GroupSize {
  /** The group's value ("Reuters", a party, an article id). */
  name: string;
  /** Its number of articles. */
  articles: number;
  /** Its number of words. */
  words: number;
}

/** What a caption states. */
export interface CaptionParts {
  /** The grouping field ("outlet", "party", "article"). */
  grouping: string;
  /** What is compared: "each outlet against the rest", "Fox against NYT", … */
  comparison: string;
  /** The groups shown, with their sizes. */
  groups: readonly GroupSize[];
}

const num = (n: number) => n.toLocaleString("en");
const plural = (n: number, one: string) => `${num(n)} ${one}${n === 1 ? "" : "s"}`;

/**
 * The caption line: "by outlet · each outlet against the rest · n: A 2 articles, 1,204 words;
 * B …". More than six groups are summarised as ranges, so the line stays one line.
 *
 * @example
 * captionOf({ grouping: "outlet", comparison: "Fox against NYT",
 *   groups: [{ name: "Fox", articles: 2, words: 900 }, { name: "NYT", articles: 1, words: 700 }] });
 * // "by outlet · Fox against NYT · n: Fox 2 articles, 900 words; NYT 1 article, 700 words"
 */
export function captionOf(parts: CaptionParts): string {
  const { groups } = parts;
  let sizes: string;
  if (!groups.length) sizes = "no group";
  else if (groups.length <= 6) {
    sizes = groups.map((g) =>
      `${g.name} ${plural(g.articles, "article")}, ${plural(g.words, "word")}`
    )
      .join("; ");
  } else {
    const range = (values: number[], unit: string) => {
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      return lo === hi ? plural(lo, unit) : `${num(lo)}–${num(hi)} ${unit}s`;
    };
    const articles = groups.reduce((s, g) => s + g.articles, 0);
    const words = groups.reduce((s, g) => s + g.words, 0);
    sizes = `${groups.length} groups of ${range(groups.map((g) => g.articles), "article")} and ${
      range(groups.map((g) => g.words), "word")
    } (${plural(articles, "article")}, ${plural(words, "word")} in all)`;
  }
  return `by ${parts.grouping} · ${parts.comparison} · n: ${sizes}`;
}

/** A field's name in the plural, for a caption ("story": "stories", "event": "events"). */
export function pluralField(field: string): string {
  if (/[^aeiou]y$/.test(field)) return `${field.slice(0, -1)}ies`;
  return /(?:s|x|z|ch|sh)$/.test(field) ? `${field}es` : `${field}s`;
}

/**
 * What a chart of each group on its own compares: "each outlet on its own, side by side", or for
 * bars the groups are stacked in (`stacked`), "outlets stacked in each bar". With `within` (the
 * run's `--within` field), it says the chart mixes the strata: the chart shows the groups over
 * all their articles, not within each story as the run's findings compare them.
 *
 * @example
 * ownComparison("outlet", { within: "story" });
 * // "each outlet over all its stories (not within each story)"
 */
export function ownComparison(
  grouping: string,
  options: { stacked?: boolean; within?: string } = {},
): string {
  const { stacked, within } = options;
  if (!within) {
    return stacked
      ? `${pluralField(grouping)} stacked in each bar`
      : `each ${grouping} on its own, side by side`;
  }
  const mixed = `(not within each ${within})`;
  return stacked
    ? `${pluralField(grouping)} stacked in each bar, over all their ${pluralField(within)} ${mixed}`
    : `each ${grouping} over all its ${pluralField(within)} ${mixed}`;
}

/** The `articles` column a grouping field reads ("id" is `article_id`). */
const groupColumn = (by: string) => (by === "id" ? "article_id" : by);

/**
 * Articles and words of each group of the `articles` frame (sorted by name; groups with no value
 * left out). Empty when the frame lacks the field.
 */
export function groupSizes(articles: pl.DataFrame | undefined, by: string): GroupSize[] {
  if (!articles) return [];
  let key: pl.Expr;
  if (by === "year" && !articles.columns.includes("year")) {
    key = pl.col("published").cast(pl.Utf8).str.slice(0, 4).alias("year");
  } else if (articles.columns.includes(groupColumn(by))) {
    key = pl.col(groupColumn(by)).cast(pl.Utf8).alias(by);
  } else return [];
  const sizes = articles.select(key, pl.col("n_words")).filter(pl.col(by).isNotNull())
    .groupBy(by).agg(pl.len().alias("articles"), pl.col("n_words").sum().alias("words"))
    .sort(by);
  const names = sizes.getColumn(by).toArray() as string[];
  const a = sizes.getColumn("articles").toArray() as number[];
  const w = sizes.getColumn("words").toArray() as number[];
  return names.map((name, i) => ({ name, articles: Number(a[i]), words: Number(w[i]) }));
}

/**
 * A caption cut into lines of at most about `width` characters for a subtitle: the grouping and
 * comparison, then the n's, broken between groups.
 */
export function captionLines(caption: string, width = 90): string[] {
  const cut = caption.indexOf(" · n: ");
  if (cut < 0 || caption.length <= width) return [caption];
  const lines = [caption.slice(0, cut)];
  let line = "n:";
  for (const part of caption.slice(cut + 6).split("; ")) {
    if (line !== "n:" && line.length + part.length + 2 > width) {
      lines.push(line + ";");
      line = "";
    }
    line += (line ? (line === "n:" ? " " : "; ") : "") + part;
  }
  lines.push(line);
  return lines;
}

/**
 * The chart with `caption` (in {@link captionLines}) as the last lines of its subtitle (Vega-Lite) and in `chart.caption`
 * (every chart; a Plot chart draws it itself).
 */
export function withCaption(chart: Chart, caption: string): Chart {
  if (chart.kind === "vega-lite") {
    const spec = chart.spec as { title?: string | { text: string; subtitle?: string | string[] } };
    const title = typeof spec.title === "string" ? { text: spec.title } : spec.title ?? {
      text: chart.title,
    };
    const subtitle = title.subtitle === undefined
      ? []
      : Array.isArray(title.subtitle)
      ? title.subtitle
      : [title.subtitle];
    const lines = captionLines(caption);
    if (!subtitle.includes(lines[0])) spec.title = { ...title, subtitle: [...subtitle, ...lines] };
  }
  chart.caption = caption;
  return chart;
}
