/**
 * Tone per outlet: the AFINN score of each sentence, as a box plot per outlet.
 * @module
 */

import type pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { chartRows } from "./data.ts";
import { CHART_CONFIG, outletScale } from "./theme.ts";

/** Box plots of sentence sentiment (AFINN, per word) for each outlet. */
export function sentimentChart(
  sentiment: pl.DataFrame,
  options: { outlets?: string[] } = {},
): Chart {
  const values = chartRows(
    sentiment,
    ["article_id", "outlet", "sentence_id", "score", "negated"],
    4,
  );
  const outlets = options.outlets ?? values.map((v) => String(v.outlet));
  return vegaLiteChart("sentiment", "Tone per outlet: AFINN score per sentence", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Tone per outlet: sentiment of each sentence",
      subtitle: "AFINN score per word (natural); crude: a negation flips every word after it",
    },
    data: { values },
    width: 420,
    height: { step: 34 },
    mark: { type: "boxplot", extent: 1.5 },
    encoding: {
      y: { field: "outlet", type: "nominal", title: null },
      x: { field: "score", type: "quantitative", title: "AFINN score per word" },
      color: { field: "outlet", type: "nominal", scale: outletScale(outlets), legend: null },
    },
    config: CHART_CONFIG,
  });
}
