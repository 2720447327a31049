/**
 * Chart: every chart of the kit (Vega-Lite, or Observable Plot for the alignment), each a value
 * that displays itself in Jupyter, rendered headless to SVG and PNG, written as files or one
 * self-contained HTML report.
 *
 * Reached as `newsframe/charts`; the verbs most notebooks need are also in `newsframe`.
 *
 * @example
 * ```ts
 * import { chartToSVG, topTermsChart } from "newsframe/charts";
 * import { readFrame } from "newsframe/frames";
 *
 * const svg = await chartToSVG(topTermsChart(readFrame("data/out", "outlet_terms")));
 * console.log(svg.length);
 * ```
 * @module
 */

export {
  type Chart,
  chartData,
  chartToSVG,
  JUPYTER_DISPLAY,
  type PlotChart,
  plotChart,
  type VegaLiteChart,
  vegaLiteChart,
} from "./chart.ts";
export { allCharts, type CatalogOptions } from "./catalog.ts";
export {
  keynessChart,
  scatterChart,
  type ScatterOptions,
  type TermChartOptions,
  topTermsChart,
} from "./terms.ts";
export {
  captionLines,
  captionOf,
  type CaptionParts,
  type GroupSize,
  groupSizes,
  withCaption,
} from "./caption.ts";
export {
  type FramingChartOptions,
  framingCharts,
  framingHeatmap,
  namingChart,
  namingDimensions,
  nothingChart,
} from "./framing.ts";
export {
  entitiesChart,
  quoteSpeakersChart,
  quoteTypesChart,
  type VoiceChartOptions,
} from "./voices.ts";
export { figuresChart, type FiguresChartOptions } from "./figures.ts";
export { alignmentChart, similarityHeatmap } from "./reuse.ts";
export { sentimentChart } from "./sentiment.ts";
export { CHART_CONFIG, OUTLET_PALETTE, outletScale } from "./theme.ts";
export {
  escapeHtml,
  type PlotFigure,
  plotToSVG,
  scriptSafeJson,
  svgToPNG,
  vegaLiteToSVG,
} from "./render.ts";
export { type ChartFormat, chartPage, writeCharts } from "./export.ts";
export { htmlTable, type ReportOptions, reportPage } from "./report.ts";
