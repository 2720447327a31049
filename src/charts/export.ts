/**
 * Writing charts to disk (SVG, PNG, Vega-Lite JSON, standalone HTML) and the HTML pieces the
 * report shares: the Vega scripts inlined from node_modules, so pages open with no network.
 * @module
 */

import { type Chart, chartData, chartToSVG } from "./chart.ts";
import { escapeHtml, PAGE_FONT, scriptSafeJson, svgToPNG } from "./render.ts";

/** Chart export formats. */
export type ChartFormat = "svg" | "png" | "json" | "html";

/** The browser builds of vega, vega-lite and vega-embed, read from node_modules. */
export async function vegaScripts(): Promise<string> {
  const files = [
    "node_modules/vega/build/vega.min.js",
    "node_modules/vega-lite/build/vega-lite.min.js",
    "node_modules/vega-embed/build/vega-embed.min.js",
  ];
  const root = new URL("../../", import.meta.url);
  const parts = await Promise.all(files.map((f) => Deno.readTextFile(new URL(f, root))));
  // "</script" inside inlined code would end the element early.
  return parts.map((code) => `<script>${code.replaceAll("</script", "<\\/script")}</script>`).join(
    "\n",
  );
}

/**
 * The HTML of one chart for a page: a Vega-Lite chart as a container that vega-embed fills (its
 * spec in a JSON script element), a Plot chart as inline SVG.
 */
export async function chartFigure(chart: Chart): Promise<string> {
  const id = `chart-${chart.name}`;
  if (chart.kind === "plot") {
    return `<figure class="chart" id="${id}" data-kind="plot">${await chartToSVG(chart)}</figure>`;
  }
  return `<figure class="chart" id="${id}" data-kind="vega-lite"><div class="vega"></div>` +
    `<script type="application/json" class="spec">${scriptSafeJson(chart.spec)}</script></figure>`;
}

/**
 * The script that renders every Vega-Lite figure of a page with vega-embed (tooltips on) and
 * sets `window.__chartsRendered` to the number rendered, `window.__chartErrors` to failures.
 */
export const EMBED_SCRIPT = `<script>
(async () => {
  const figures = [...document.querySelectorAll('figure.chart[data-kind="vega-lite"]')];
  window.__chartErrors = [];
  let rendered = document.querySelectorAll('figure.chart[data-kind="plot"]').length;
  for (const figure of figures) {
    try {
      const spec = JSON.parse(figure.querySelector("script.spec").textContent);
      await vegaEmbed(figure.querySelector(".vega"), spec, { renderer: "svg", actions: { export: true, source: false, compiled: false, editor: false } });
      rendered++;
    } catch (e) {
      window.__chartErrors.push(figure.id + ": " + e.message);
      console.error(figure.id, e);
    }
  }
  window.__chartsRendered = rendered;
})();
</script>`;

/** The page style shared by chart pages and the report. */
export const PAGE_STYLE = `<style>
body { font-family: ${PAGE_FONT}; margin: 2rem auto; max-width: 1200px; color: #222; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1.5rem 0; overflow-x: auto; }
p.note { color: #555; font-size: 0.9rem; }
</style>`;

/** A standalone HTML page for one chart (scripts inlined; opens with no network). */
export async function chartPage(chart: Chart): Promise<string> {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(chart.title)}</title>
${PAGE_STYLE}
${chart.kind === "vega-lite" ? await vegaScripts() : ""}
</head><body>
${await chartFigure(chart)}
${chart.kind === "vega-lite" ? EMBED_SCRIPT : ""}
</body></html>
`;
}

/**
 * Writes each chart as `<dir>/<name>.<format>` and returns the paths. JSON is the Vega-Lite spec
 * (for a Plot chart, its data).
 *
 * @example
 * ```ts
 * import { allCharts, readFrame, writeCharts } from "newsframe";
 *
 * const charts = allCharts({ outlet_terms: readFrame("data/out", "outlet_terms") });
 * const written = await writeCharts(charts, "data/out/charts", ["svg", "png", "json", "html"]);
 * ```
 */
export async function writeCharts(
  charts: Chart[],
  dir: string,
  formats: ChartFormat[],
): Promise<string[]> {
  await Deno.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const chart of charts) {
    const svg = formats.includes("svg") || formats.includes("png") ? await chartToSVG(chart) : "";
    for (const format of formats) {
      const path = `${dir}/${chart.name}.${format}`;
      if (format === "svg") await Deno.writeTextFile(path, svg);
      else if (format === "png") await Deno.writeFile(path, svgToPNG(svg));
      else if (format === "json") {
        const json = chart.kind === "vega-lite"
          ? chart.spec
          : { title: chart.title, data: chartData(chart) };
        await Deno.writeTextFile(path, JSON.stringify(json, null, 1));
      } else await Deno.writeTextFile(path, await chartPage(chart));
      written.push(path);
    }
  }
  return written;
}
