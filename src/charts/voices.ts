/**
 * Who is named and who speaks: entity mentions per outlet, quotes by speaker and by speaker type.
 * @module
 */

import pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { chartRows } from "./data.ts";
import { CHART_CONFIG, MEANING_COLORS, outletScale } from "./theme.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Options of the voice charts. */
export interface VoiceChartOptions {
  /** Entities or speakers shown (default 12 / 10). */
  n?: number;
  /** Entity types counted (default people, organisations and media). */
  types?: string[];
  /** Every outlet of the corpus, so colours match across charts. */
  outlets?: string[];
}

/** Mentions of the most-named entities, stacked by outlet. */
export function entitiesChart(entities: pl.DataFrame, options: VoiceChartOptions = {}): Chart {
  const types = options.types ?? ["PERSON", "ORG", "MEDIA"];
  const counts = entities.filter(pl.col("type").isIn(types)).groupBy(["entity", "type", "outlet"])
    .len();
  const top = counts.groupBy("entity").agg(pl.col("len").sum().alias("total"))
    .sort(["total", "entity"], [true, false]).head(options.n ?? 12);
  const values = chartRows(counts.join(top, { on: "entity" }), [
    "entity",
    "type",
    "outlet",
    "len",
    "total",
  ]);
  const outlets = options.outlets ?? values.map((v) => String(v.outlet));
  return vegaLiteChart("entities", "Who is named: mentions per outlet", {
    $schema: SCHEMA,
    title: {
      text: "Who is named: mentions per outlet",
      subtitle: `the ${top.height} most-mentioned people, organisations and media, canonical names`,
    },
    data: { values },
    width: 420,
    height: { step: 18 },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: {
        field: "entity",
        type: "nominal",
        sort: { field: "total", order: "descending" },
        title: null,
      },
      x: { field: "len", type: "quantitative", title: "mentions", stack: "zero" },
      color: { field: "outlet", type: "nominal", scale: outletScale(outlets) },
      tooltip: [
        { field: "entity", type: "nominal" },
        { field: "type", type: "nominal" },
        { field: "outlet", type: "nominal" },
        { field: "len", type: "quantitative", title: "mentions" },
      ],
    },
    config: CHART_CONFIG,
  });
}

/** Quotes by speaker (direct and partial), stacked by outlet. */
export function quoteSpeakersChart(quotes: pl.DataFrame, options: VoiceChartOptions = {}): Chart {
  const counts = quotes.filter(pl.col("kind").isIn(["direct", "partial"]))
    .withColumns(pl.col("speaker").fillNull("(unknown)"))
    .groupBy(["speaker", "outlet"]).len();
  const top = counts.groupBy("speaker").agg(pl.col("len").sum().alias("total"))
    .sort(["total", "speaker"], [true, false]).head(options.n ?? 10);
  const values = chartRows(counts.join(top, { on: "speaker" }), [
    "speaker",
    "outlet",
    "len",
    "total",
  ]);
  const outlets = options.outlets ?? values.map((v) => String(v.outlet));
  return vegaLiteChart("quote_speakers", "Who speaks: quotes by speaker", {
    $schema: SCHEMA,
    title: {
      text: "Who speaks: quotes by speaker and outlet",
      subtitle: "direct and partial quotes; speakers resolved to canonical names",
    },
    data: { values },
    width: 420,
    height: { step: 18 },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: {
        field: "speaker",
        type: "nominal",
        sort: { field: "total", order: "descending" },
        title: null,
      },
      x: {
        field: "len",
        type: "quantitative",
        title: "quotes",
        stack: "zero",
        axis: { tickMinStep: 1, format: "d" },
      },
      color: { field: "outlet", type: "nominal", scale: outletScale(outlets) },
      tooltip: [
        { field: "speaker", type: "nominal" },
        { field: "outlet", type: "nominal" },
        { field: "len", type: "quantitative", title: "quotes" },
      ],
    },
    config: CHART_CONFIG,
  });
}

/** The share of each outlet's quotes by speaker type (person, organisation, document, unknown). */
export function quoteTypesChart(quotes: pl.DataFrame): Chart {
  const counts = quotes.withColumns(pl.col("speaker_type").fillNull("unknown"))
    .groupBy(["outlet", "speaker_type"]).len();
  const values = chartRows(counts, ["outlet", "speaker_type", "len"]);
  return vegaLiteChart("quote_types", "Whose voice: quote share by speaker type", {
    $schema: SCHEMA,
    title: {
      text: "Whose voice: share of quotes by speaker type",
      subtitle: "all quotes (direct, partial, scare) of each outlet",
    },
    data: { values },
    width: 420,
    height: { step: 26 },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "outlet", type: "nominal", title: null },
      x: {
        field: "len",
        type: "quantitative",
        stack: "normalize",
        title: "share of quotes",
        axis: { format: "%" },
      },
      color: {
        field: "speaker_type",
        type: "nominal",
        title: "speaker type",
        scale: {
          domain: ["person", "organisation", "document", "unknown"],
          range: [
            MEANING_COLORS.person,
            MEANING_COLORS.organisation,
            MEANING_COLORS.document,
            MEANING_COLORS.unknown,
          ],
        },
      },
      tooltip: [
        { field: "outlet", type: "nominal" },
        { field: "speaker_type", type: "nominal" },
        { field: "len", type: "quantitative", title: "quotes" },
      ],
    },
    config: CHART_CONFIG,
  });
}
