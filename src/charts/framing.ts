/**
 * Framing charts: an outlet × frame heatmap, and the names each article uses for the war.
 * @module
 */

import pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { chartRows, shortId } from "./data.ts";
import { CHART_CONFIG, outletScale } from "./theme.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Options of the framing charts. */
export interface FramingChartOptions {
  /** The lexicon shown (default "russia_china", the story lexicon). */
  lexicon?: string;
  /** Every outlet of the corpus, so colours match across charts. */
  outlets?: string[];
  /** The grouping column of the summary (default "outlet"). */
  by?: string;
}

/**
 * Heatmap of frames (rows, grouped by dimension) by outlet (columns): colour is matches per 1,000
 * words, the number in the cell the count of matches. Frames no outlet uses are left out.
 */
export function framingHeatmap(summary: pl.DataFrame, options: FramingChartOptions = {}): Chart {
  const lexicon = options.lexicon ?? "russia_china";
  const by = options.by ?? "outlet";
  const used = summary.filter(pl.col("lexicon").eq(pl.lit(lexicon)))
    .filter(pl.col("n").sum().over("frame").gt(0))
    .withColumns(
      pl.concatString([pl.col("dimension"), pl.col("label")], " · ").alias("frame_label"),
    );
  const values = chartRows(used, [
    by,
    "dimension",
    "frame",
    "frame_label",
    "n",
    "per_1000",
    "articles",
  ], 2);
  return vegaLiteChart("framing_heatmap", "How each outlet frames the story", {
    $schema: SCHEMA,
    title: {
      text: `How each ${by} frames the story`,
      subtitle:
        `framing phrases per 1,000 words (lexicon ${lexicon}); the number is the count of matches`,
    },
    data: { values },
    width: { step: 90 },
    height: { step: 18 },
    encoding: {
      x: { field: by, type: "nominal", title: null, axis: { orient: "top", labelAngle: 0 } },
      y: {
        field: "frame_label",
        type: "nominal",
        title: null,
        sort: { field: "dimension" },
        axis: { labelLimit: 360 },
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
          color: { condition: { test: "datum.per_1000 > 6", value: "white" }, value: "black" },
        },
      },
    ],
    config: CHART_CONFIG,
  });
}

/**
 * The names for the war, article by article: each name an article uses (as matched, lower case),
 * sized by how often, coloured by outlet.
 */
export function warNamesChart(framing: pl.DataFrame, options: FramingChartOptions = {}): Chart {
  const war = framing.filter(pl.col("dimension").eq(pl.lit("war_naming")))
    .withColumns(pl.col("phrase").str.toLowerCase().alias("name"))
    .groupBy(["article_id", "outlet", "name"]).len();
  const rows = chartRows(war.sort(["article_id", "name"]), ["article_id", "outlet", "name", "len"]);
  const values = rows.map((r) => ({
    ...r,
    article: shortId(String(r.article_id)),
  }));
  const outlets = options.outlets ?? rows.map((r) => String(r.outlet));
  return vegaLiteChart("war_names", "What each article calls the war", {
    $schema: SCHEMA,
    title: {
      text: "What each article calls the war",
      subtitle: "war-naming phrases of the framing lexicon, as written; size: times used",
    },
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
