/**
 * A chart: a name (its file name), a title, and either a Vega-Lite spec or an Observable Plot
 * figure built on demand. Building a chart is pure; rendering lives in `render.ts`, which does not
 * import this module (`chartToSVG` is here, so the two do not import each other). In Jupyter a
 * chart displays itself: Vega-Lite interactive where the front end can, SVG elsewhere.
 * @module
 */

/** @internal vega-lite documents its own types (deno doc links them there). */
import type { TopLevelSpec } from "vega-lite";
import { Buffer } from "node:buffer";
import { plotToSVG, svgToPNG, vegaLiteToSVG } from "./render.ts";

/**
 * The symbol the Deno Jupyter kernel calls to display an object (it may return a promise).
 * @internal the Deno Jupyter kernel's display protocol.
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/** A Vega-Lite chart. */
export interface VegaLiteChart {
  /** A Vega-Lite chart. */
  kind: "vega-lite";
  /** Its file name, without extension. */
  name: string;
  /** Its title. */
  title: string;
  /** The Vega-Lite spec, data inline. */
  spec: TopLevelSpec;
}

/** An Observable Plot chart: `plot(document)` builds the figure in any DOM (linkedom on a server). */
export interface PlotChart {
  /** An Observable Plot chart. */
  kind: "plot";
  /** Its file name, without extension. */
  name: string;
  /** Its title. */
  title: string;
  /** The data the figure shows (for tests and JSON export). */
  data: Record<string, unknown>[];
  /** Builds the figure in the given DOM. */
  plot: (document: Document) => Element;
}

/** Any chart of the kit. */
export type Chart = (VegaLiteChart | PlotChart) & {
  [JUPYTER_DISPLAY]: () => Promise<Record<string, unknown>>;
  /** The grouping, the comparison and the n's it rests on (see `caption.ts`). */
  caption?: string;
};

/** Makes a Vega-Lite chart that displays itself in Jupyter. */
export function vegaLiteChart(name: string, title: string, spec: TopLevelSpec): Chart {
  return {
    kind: "vega-lite",
    name,
    title,
    spec,
    async [JUPYTER_DISPLAY]() {
      const svg = await vegaLiteToSVG(spec);
      return {
        // Jupyter front ends render this MIME type with Vega-Lite 5: the spec says so.
        "application/vnd.vegalite.v5+json": {
          ...spec,
          $schema: "https://vega.github.io/schema/vega-lite/v5.json",
        },
        "image/svg+xml": svg,
        ...pngOutput(svg),
        "text/plain": title,
      };
    },
  };
}

/** Makes an Observable Plot chart that displays itself in Jupyter (as SVG). */
export function plotChart(
  name: string,
  title: string,
  data: Record<string, unknown>[],
  plot: (document: Document) => Element,
): Chart {
  const chart: PlotChart = { kind: "plot", name, title, data, plot };
  return {
    ...chart,
    async [JUPYTER_DISPLAY]() {
      const svg = await plotToSVG(chart);
      return { "image/svg+xml": svg, ...pngOutput(svg), "text/plain": title };
    },
  };
}

/**
 * The chart as a PNG output beside its SVG: exports that drop inline SVG (nbconvert 6.5's HTML,
 * which strips it to its text) and viewers without SVG still show the chart.
 */
function pngOutput(svg: string): { "image/png": string } {
  return { "image/png": Buffer.from(svgToPNG(svg, 1)).toString("base64") };
}

/**
 * SVG of any chart.
 *
 * @example
 * ```ts
 * import { chartToSVG, readFrame, topTermsChart } from "newsframe";
 *
 * const svg = await chartToSVG(topTermsChart(readFrame("data/out", "outlet_terms")));
 * await Deno.writeTextFile("top_terms.svg", svg);
 * ```
 */
export function chartToSVG(chart: Chart): Promise<string> {
  return chart.kind === "vega-lite" ? vegaLiteToSVG(chart.spec) : plotToSVG(chart);
}

/** The rows of a chart's data (inline Vega-Lite values, or a Plot chart's data). */
export function chartData(chart: Chart): Record<string, unknown>[] {
  if (chart.kind === "plot") return chart.data;
  const data = (chart.spec as { data?: { values?: unknown } }).data;
  return Array.isArray(data?.values) ? data.values as Record<string, unknown>[] : [];
}
