/**
 * Rendering charts: SVG headless (Vega's View with no renderer; Plot in a linkedom DOM), PNG
 * through resvg with real fonts, Vega-Lite JSON, and a standalone HTML page.
 * @module
 */

/** @internal vega-lite documents its own types (deno doc links them there). */
import type { TopLevelSpec } from "vega-lite";
import { Resvg } from "@resvg/resvg-js";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import * as vega from "vega";
import * as vl from "vega-lite";
import { CHART_FONT } from "./theme.ts";

/** Renders a Vega-Lite spec to SVG text, with no browser. */
export async function vegaLiteToSVG(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * What {@link plotToSVG} needs of an Observable Plot chart (a `PlotChart` of `chart.ts` is one):
 * declared here so rendering does not import the chart module that imports it.
 */
export interface PlotFigure {
  /** The chart's name, for the error message. */
  name: string;
  /** Builds the figure in the given DOM. */
  plot: (document: Document) => Element;
}

/** Renders an Observable Plot chart to SVG text in a server-side DOM. */
export function plotToSVG(chart: PlotFigure): Promise<string> {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const figure = chart.plot(document as unknown as Document);
  // With a title, Plot returns a <figure>; the SVG inside is the chart.
  const svg = figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector("svg");
  if (!svg) throw new Error(`chart ${chart.name}: Plot produced no <svg>`);
  if (!svg.getAttribute("xmlns")) svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return Promise.resolve(svg.outerHTML);
}

/**
 * Rasterises SVG to PNG at `scale`× with DejaVu Sans as the sans-serif font (without a sans font
 * resvg draws labels in a serif face, or none at all).
 */
export function svgToPNG(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: true,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return resvg.render().asPng();
}

/** Escapes text for HTML (article text is untrusted). */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Plot's own module, for builders that draw with it. */
export { Plot };

/** The font stack charts use, for HTML pages around them. */
export const PAGE_FONT = CHART_FONT;
