/**
 * Every figure by article and kind, drawn as a table so it reads like one.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { articleLabel, chartRows } from "./_data.ts";
import { CHART_CONFIG, outletScale } from "./theme.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Options of {@link figuresChart}. */
export interface FiguresChartOptions {
  /** Figure kinds listed (default money, percent, quantity, count, score). */
  kinds?: string[];
  /** Every outlet of the corpus, so colours match across charts. */
  outlets?: string[];
}

/** Formats a figure's value and unit for reading: 240000000000 USD → "240,000,000,000 USD". */
function valueText(value: unknown, unit: unknown, per: unknown): string {
  if (value === null || value === undefined) return "";
  const v = Number(value).toLocaleString("en", { maximumFractionDigits: 3 });
  return `${v}${unit ? ` ${unit}` : ""}${per ? ` per ${per}` : ""}`;
}

/**
 * A table of figures: one row per figure as written, with article, outlet, kind, the value after
 * scale words and its normalised unit, and the change stated.
 *
 * @example
 * ```ts
 * import { figuresChart, readFrame } from "newsframe";
 *
 * figuresChart(readFrame("data/out", "figures"), { kinds: ["money", "percent"] });
 * ```
 */
export function figuresChart(figures: pl.DataFrame, options: FiguresChartOptions = {}): Chart {
  const kinds = options.kinds ?? ["money", "percent", "quantity", "count", "score"];
  const rows = chartRows(
    figures.filter(pl.col("kind").isIn(kinds)).sort(["article_id", "start"]),
    ["article_id", "outlet", "kind", "text", "value", "unit", "per", "change"]
      .concat(figures.columns.includes("raw_unit") ? ["raw_unit"] : []),
  );
  const columns = ["article", "outlet", "kind", "as written", "value", "change"];
  const values = rows.flatMap((r, i) => {
    const cells: Record<string, string> = {
      article: articleLabel(String(r.article_id)),
      outlet: String(r.outlet),
      kind: String(r.kind),
      "as written": String(r.text),
      // A score's value is its larger side (for comparing); the tally reads better.
      value: r.kind === "score" && r.raw_unit
        ? `${r.raw_unit} (${r.unit})`
        : valueText(r.value, r.unit, r.per),
      change: r.change ? String(r.change) : "",
    };
    return columns.map((column) => ({
      row: i,
      column,
      cell: cells[column],
      outlet: String(r.outlet),
    }));
  });
  const outlets = options.outlets ?? rows.map((r) => String(r.outlet));
  return vegaLiteChart("figures", "Every figure reported, by article", {
    $schema: SCHEMA,
    title: {
      text: "Every figure reported, by article",
      subtitle: `${rows.length} figures (${
        kinds.join(", ")
      }); value after scale words, normalised unit`,
    },
    data: { values },
    width: { step: 190 },
    height: { step: 20 },
    mark: { type: "text", align: "left", dx: -90, fontSize: 11, limit: 185 },
    encoding: {
      x: {
        field: "column",
        type: "nominal",
        sort: columns,
        title: null,
        axis: {
          orient: "top",
          labelAngle: 0,
          domain: false,
          ticks: false,
          labelAlign: "left",
          labelPadding: 6,
        },
      },
      y: { field: "row", type: "ordinal", axis: null },
      text: { field: "cell", type: "nominal" },
      // Dark text that reads on white; only the outlet's name takes the outlet's colour (a pale
      // one made whole rows unreadable).
      color: {
        condition: {
          test: "datum.column === 'outlet'",
          field: "outlet",
          type: "nominal",
          scale: outletScale(outlets),
          legend: null,
        },
        value: "#222222",
      },
      tooltip: [{ field: "cell", type: "nominal", title: "value" }],
    },
    config: { ...CHART_CONFIG, axis: { ...CHART_CONFIG.axis, grid: false } },
  });
}
