/**
 * Framing charts: a group × frame heatmap per lexicon, and, for each dimension a lexicon marks
 * `naming`, which of its phrases each article uses. Every chart says what it rests on (the
 * grouping, articles and words per group) and says so in words when nothing was found.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { articleLabel, chartRows } from "./_data.ts";
import { CHART_CONFIG, outletScale } from "./theme.ts";
import { captionOf, type GroupSize, ownComparison, withCaption } from "./caption.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Options of the framing charts. */
export interface FramingChartOptions {
  /** The lexicon shown (default: the first lexicon of the frame, the defaults coming first). */
  lexicon?: string;
  /** Every outlet of the corpus, so colours match across charts. */
  outlets?: string[];
  /** The grouping column of the summary (default "outlet"). */
  by?: string;
  /** The run's `--within` field: the heatmap's caption says it mixes the strata. */
  within?: string;
}

/** The longest group name the heatmap writes level above its 90-pixel columns. */
const HEATMAP_LABEL_CHARS = 13;

/** A chart that says, in words, that there is nothing to draw and why. */
export function nothingChart(
  name: string,
  title: string,
  message: string,
  subtitle: string,
): Chart {
  return vegaLiteChart(name, title, {
    $schema: SCHEMA,
    title: { text: title, subtitle: [subtitle] },
    data: { values: [{ message }] },
    width: 420,
    height: 40,
    mark: { type: "text", align: "left", x: 0, fontSize: 13, color: "#555" },
    encoding: { text: { field: "message", type: "nominal" } },
    config: CHART_CONFIG,
  });
}

/** The lexicons of a framing or framing_summary frame, in their order of appearance. */
export function lexiconsIn(frame: pl.DataFrame): string[] {
  return [...new Set(frame.getColumn("lexicon").toArray() as string[])];
}

/**
 * Heatmap of frames (rows, grouped by dimension) by group (columns): colour is matches per 1,000
 * words, the number in the cell the count of matches. Frames no group uses are left out; when
 * none is used, the chart says so.
 *
 * @example
 * ```ts
 * import { framingHeatmap, readFrame } from "newsframe";
 *
 * framingHeatmap(readFrame("data/out", "framing_summary"), { lexicon: "media_frames" });
 * ```
 */
export function framingHeatmap(summary: pl.DataFrame, options: FramingChartOptions = {}): Chart {
  const lexicon = options.lexicon ?? lexiconsIn(summary)[0] ?? "media_frames";
  const by = options.by ?? "outlet";
  const ofLexicon = summary.filter(pl.col("lexicon").eq(pl.lit(lexicon)));
  const name = options.lexicon && options.lexicon !== lexiconsIn(summary)[0]
    ? `framing_heatmap_${lexicon}`
    : "framing_heatmap";
  const title = `How each ${by} frames the story (lexicon ${lexicon})`;
  const sizes = summaryGroupSizes(ofLexicon, by);
  // Grouped by id, the groups are articles: say "article".
  const grouping = by === "id" ? "article" : by;
  const caption = captionOf({
    grouping,
    comparison: ownComparison(grouping, { within: options.within }),
    groups: sizes,
  });
  // The dimension names the row only when the lexicon has more than one.
  const oneDimension = ofLexicon.select("dimension").unique().height <= 1;
  const used = ofLexicon.filter(pl.col("n").sum().over("frame").gt(0))
    .withColumns(
      oneDimension
        ? pl.col("label").alias("frame_label")
        : pl.concatString([pl.col("dimension"), pl.col("label")], " · ").alias("frame_label"),
    );
  if (used.height === 0) {
    return withCaption(
      nothingChart(
        name,
        title,
        `No frame of lexicon ${lexicon} is found in these articles.`,
        `framing phrases of lexicon ${lexicon}`,
      ),
      caption,
    );
  }
  const values = chartRows(used, [
    by,
    "dimension",
    "frame",
    "frame_label",
    "n",
    "per_1000",
    "articles",
  ], 2);
  // A column is 90 px: a group name longer than about 13 characters would run into its
  // neighbour's ("Southern Cross Review" over "Thames Observer"), so long names are rotated.
  const longest = Math.max(...values.map((v) => String(v[by]).length));
  const xAxis = longest > HEATMAP_LABEL_CHARS
    ? { orient: "top" as const, labelAngle: -40, labelAlign: "left" as const, labelLimit: 0 }
    : { orient: "top" as const, labelAngle: 0 };
  // White numbers only on the darker half of the colour scale, whatever its range: a fixed
  // threshold (6 per 1,000) put white on pale orange when the darkest cell was at 30.
  const darkest = Math.max(...values.map((v) => Number(v.per_1000)));
  const chart = vegaLiteChart(name, title, {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: [
        "framing phrases per 1,000 words; the number is the count of matches; frames found nowhere are left out",
      ],
    },
    data: { values },
    width: { step: 90 },
    height: { step: 18 },
    encoding: {
      x: { field: by, type: "nominal", title: null, axis: xAxis },
      y: {
        field: "frame_label",
        type: "nominal",
        title: null,
        sort: { field: "dimension" },
        axis: { labelLimit: 0 },
      },
    },
    layer: [
      {
        mark: { type: "rect", tooltip: true },
        encoding: {
          color: {
            field: "per_1000",
            type: "quantitative",
            title: "per 1,000 words",
            scale: { scheme: "oranges" },
          },
          tooltip: [
            { field: by, type: "nominal" },
            { field: "frame_label", type: "nominal", title: "frame" },
            { field: "n", type: "quantitative", title: "matches" },
            { field: "articles", type: "quantitative" },
            { field: "per_1000", type: "quantitative", title: "per 1,000 words" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          text: { field: "n", type: "quantitative" },
          color: {
            condition: { test: `datum.per_1000 > ${darkest / 2}`, value: "white" },
            value: "black",
          },
        },
      },
    ],
    config: CHART_CONFIG,
  });
  return withCaption(chart, caption);
}

/** Articles and words per group, from a framing_summary (the same on every row of a group). */
function summaryGroupSizes(summary: pl.DataFrame, by: string): GroupSize[] {
  if (!summary.height) return [];
  const hasArticles = summary.columns.includes("group_articles");
  const per = summary.groupBy(by).agg(
    pl.col("words").first().alias("words"),
    (hasArticles ? pl.col("group_articles") : pl.col("articles")).max().alias("group_articles"),
  ).sort(by);
  const groups = per.getColumn(by).toArray() as string[];
  const words = per.getColumn("words").toArray() as number[];
  const articles = per.getColumn("group_articles").toArray() as number[];
  return groups.map((name, i) => ({
    name,
    articles: Number(articles[i]),
    words: Number(words[i]),
  }));
}

/** The dimensions marked `naming` in a framing or framing_summary frame: lexicon and dimension. */
export function namingDimensions(framing: pl.DataFrame): { lexicon: string; dimension: string }[] {
  if (!framing.columns.includes("naming") || !framing.height) return [];
  const named = framing.filter(pl.col("naming")).select("lexicon", "dimension").unique({
    maintainOrder: true,
  });
  const lexicons = named.getColumn("lexicon").toArray() as string[];
  const dimensions = named.getColumn("dimension").toArray() as string[];
  return lexicons.map((lexicon, i) => ({ lexicon, dimension: dimensions[i] }));
}

/**
 * Which phrases each article uses for dimension `dimension` of lexicon `lexicon` (a dimension
 * whose frames are competing names for one thing, such as how a war is named): each phrase an
 * article uses (as matched, lower case), sized by how often, coloured by outlet.
 *
 * @example
 * ```ts
 * import { namingChart, readFrame } from "newsframe";
 *
 * // A lexicon dimension marked `naming` (competing names for one thing).
 * namingChart(readFrame("data/out", "framing"), { lexicon: "my_frames", dimension: "naming" });
 * ```
 */
export function namingChart(
  framing: pl.DataFrame,
  options: FramingChartOptions & {
    dimension: string;
    /** Articles and words of the corpus's groups (from framing_summary), for the caption. */
    groups?: readonly GroupSize[];
  },
): Chart {
  const lexicon = options.lexicon ?? lexiconsIn(framing)[0] ?? "";
  const dimension = options.dimension;
  const what = dimension.replaceAll("_", " ");
  const name = `names_${dimension}`;
  const title = `Which phrases each article uses: ${what}`;
  const rowsOf = framing.filter(
    pl.col("lexicon").eq(pl.lit(lexicon)).and(pl.col("dimension").eq(pl.lit(dimension))),
  )
    .withColumns(pl.col("phrase").str.toLowerCase().alias("name"))
    .groupBy(["article_id", "outlet", "name"]).len();
  const using = rowsOf.select("article_id").unique().height;
  const articles = options.groups?.reduce((n, g) => n + g.articles, 0);
  const words = options.groups?.reduce((n, g) => n + g.words, 0);
  const subtitle = [
    `phrases of dimension "${dimension}" of lexicon ${lexicon}, as written; size: times used; ` +
    "colour: outlet",
    articles !== undefined && words !== undefined
      ? `${using} of ${articles.toLocaleString("en")} articles (${
        words.toLocaleString("en")
      } words) use one`
      : `${using} articles use one`,
  ];
  if (rowsOf.height === 0) {
    return nothingChart(name, title, `No article uses a phrase of ${what}.`, subtitle.join("; "));
  }
  const rows = chartRows(rowsOf.sort(["article_id", "name"]), [
    "article_id",
    "outlet",
    "name",
    "len",
  ]);
  const values = rows.map((r) => ({ ...r, article: articleLabel(String(r.article_id)) }));
  const outlets = options.outlets ?? rows.map((r) => String(r.outlet));
  return vegaLiteChart(name, title, {
    $schema: SCHEMA,
    title: { text: title, subtitle },
    data: { values },
    width: { step: 90 },
    height: { step: 22 },
    mark: { type: "circle", opacity: 0.85, tooltip: true },
    encoding: {
      x: {
        field: "article",
        type: "nominal",
        title: null,
        // Full ids, rotated so they do not run into each other.
        axis: { orient: "top", labelAngle: -40, labelAlign: "left" },
      },
      y: { field: "name", type: "nominal", title: null },
      size: {
        field: "len",
        type: "quantitative",
        title: "times",
        scale: { range: [60, 400] },
        legend: { tickMinStep: 1, format: "d" },
      },
      color: { field: "outlet", type: "nominal", scale: outletScale(outlets) },
      tooltip: [
        { field: "article_id", type: "nominal" },
        { field: "name", type: "nominal" },
        { field: "len", type: "quantitative", title: "times" },
      ],
    },
    config: CHART_CONFIG,
  });
}

/** Every framing chart a pair of framing frames allows: a heatmap per lexicon, a naming chart per naming dimension. */
export function framingCharts(
  frames: { framing?: pl.DataFrame; framing_summary?: pl.DataFrame },
  options: FramingChartOptions = {},
): Chart[] {
  const out: Chart[] = [];
  if (frames.framing_summary) {
    for (const lexicon of lexiconsIn(frames.framing_summary)) {
      out.push(framingHeatmap(frames.framing_summary, { ...options, lexicon }));
    }
  }
  if (frames.framing) {
    // The summary lists every dimension, matched or not: a naming dimension nothing matched gets
    // a chart that says so.
    const named = namingDimensions(frames.framing_summary ?? frames.framing);
    for (const { lexicon, dimension } of named) {
      const groups = frames.framing_summary
        ? summaryGroupSizes(
          frames.framing_summary.filter(pl.col("lexicon").eq(pl.lit(lexicon))),
          options.by ?? "outlet",
        )
        : undefined;
      out.push(namingChart(frames.framing, { ...options, lexicon, dimension, groups }));
    }
  }
  return out;
}
