/**
 * Who is named and who speaks: entity mentions per outlet, quotes by speaker and by speaker type.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { chartRows } from "./_data.ts";
import { CHART_CONFIG, MEANING_COLORS, outletScale } from "./theme.ts";
import { nothingChart } from "./framing.ts";

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

/** What a stacked "top items by outlet" chart counts. */
interface TopByOutlet {
  name: string;
  title: string;
  subtitle: string;
  /** The item column ("entity", "speaker") and what one row counts ("mentions", "quotes"). */
  item: string;
  unit: string;
  /** Columns shown in the tooltip besides item, outlet and count. */
  extra: string[];
  n: number;
  outlets?: string[];
  /** What the chart says instead of drawing an empty axis when nothing is counted. */
  empty: string;
}

/**
 * Horizontal bars of the `n` items with the most rows, stacked by outlet: the shape shared by
 * "who is named" and "who speaks". `counts` has the item, outlet, the extra columns and `len`.
 */
function topByOutletChart(counts: pl.DataFrame, c: TopByOutlet): Chart {
  if (counts.height === 0) {
    return nothingChart(c.name, c.title, c.empty, c.subtitle.replace("the {n} ", ""));
  }
  const top = counts.groupBy(c.item).agg(pl.col("len").sum().alias("total"))
    .sort(["total", c.item], [true, false]).head(c.n);
  // Sorted: a group-by's row order varies from run to run, and the chart's data should not.
  const values = chartRows(
    counts.join(top, { on: c.item }).sort(["total", c.item, "outlet"], [true, false, false]),
    [
      c.item,
      ...c.extra,
      "outlet",
      "len",
      "total",
    ],
  );
  const outlets = c.outlets ?? values.map((v) => String(v.outlet));
  return vegaLiteChart(c.name, c.title, {
    $schema: SCHEMA,
    title: { text: c.title, subtitle: c.subtitle.replace("{n}", String(top.height)) },
    data: { values },
    width: 420,
    height: { step: 18 },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: {
        field: c.item,
        type: "nominal",
        sort: { field: "total", order: "descending" },
        title: null,
      },
      x: {
        field: "len",
        type: "quantitative",
        title: c.unit,
        stack: "zero",
        axis: { tickMinStep: 1, format: "d" },
      },
      color: { field: "outlet", type: "nominal", scale: outletScale(outlets) },
      tooltip: [
        { field: c.item, type: "nominal" },
        ...c.extra.map((field) => ({ field, type: "nominal" as const })),
        { field: "outlet", type: "nominal" },
        { field: "len", type: "quantitative", title: c.unit },
      ],
    },
    config: CHART_CONFIG,
  });
}

/**
 * Mentions of the most-named entities, stacked by outlet.
 *
 * @example
 * ```ts
 * import { entitiesChart, readFrame } from "newsframe";
 *
 * entitiesChart(readFrame("data/out", "entities"), { types: ["PERSON"] });
 * ```
 */
export function entitiesChart(entities: pl.DataFrame, options: VoiceChartOptions = {}): Chart {
  const types = options.types ?? ["PERSON", "ORG"];
  return topByOutletChart(
    entities.filter(pl.col("type").isIn(types)).groupBy(["entity", "type", "outlet"]).len(),
    {
      name: "entities",
      title: "Who is named: mentions per outlet",
      subtitle: "the {n} most-mentioned people, organisations and media, canonical names",
      item: "entity",
      unit: "mentions",
      extra: ["type"],
      n: options.n ?? 12,
      outlets: options.outlets,
      empty: "No person or organisation is named in these articles.",
    },
  );
}

/**
 * Quotes by speaker (direct and partial), stacked by outlet.
 *
 * @example
 * ```ts
 * import { quoteSpeakersChart, readFrame } from "newsframe";
 *
 * quoteSpeakersChart(readFrame("data/out", "quotes"));
 * ```
 */
export function quoteSpeakersChart(quotes: pl.DataFrame, options: VoiceChartOptions = {}): Chart {
  return topByOutletChart(
    quotes.filter(pl.col("kind").isIn(["direct", "partial"]))
      .withColumns(pl.col("speaker").fillNull("(unknown)"))
      .groupBy(["speaker", "outlet"]).len(),
    {
      name: "quote_speakers",
      title: "Who speaks: quotes by speaker and outlet",
      subtitle: "direct and partial quotes; speakers resolved to canonical names",
      item: "speaker",
      unit: "quotes",
      extra: [],
      n: options.n ?? 10,
      outlets: options.outlets,
      empty: "No direct or partial quote is found in these articles.",
    },
  );
}

/**
 * The share of each outlet's quotes by speaker type (person, organisation, document, unknown).
 *
 * @example
 * ```ts
 * import { quoteTypesChart, readFrame } from "newsframe";
 *
 * quoteTypesChart(readFrame("data/out", "quotes"));
 * ```
 */
export function quoteTypesChart(quotes: pl.DataFrame): Chart {
  const counts = quotes.withColumns(pl.col("speaker_type").fillNull("unknown"))
    .groupBy(["outlet", "speaker_type"]).len().sort(["outlet", "speaker_type"]);
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
