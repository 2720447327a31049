/**
 * Every chart of the kit from the frames `allFrames` builds, in reading order. A chart whose
 * frames are missing (a stage not run) or empty is left out.
 * @module
 */

import type pl from "nodejs-polars";
import type { Chart } from "./chart.ts";
import { framingCharts } from "./framing.ts";
import { figuresChart } from "./figures.ts";
import { alignmentChart, similarityHeatmap } from "./reuse.ts";
import { sentimentChart } from "./sentiment.ts";
import { keynessChart, scatterChart, topTermsChart } from "./terms.ts";
import { entitiesChart, quoteSpeakersChart, quoteTypesChart } from "./voices.ts";

/**
 * Builds every chart the frames allow, each outlet in one colour throughout.
 *
 * @example
 * const charts = allCharts(allFrames(await analyzeCorpus("seeds")));
 * await writeCharts(charts, "data/out/charts", ["svg", "png"]);
 */
export function allCharts(frames: Readonly<Record<string, pl.DataFrame | undefined>>): Chart[] {
  const outlets = frames.articles
    ? (frames.articles.getColumn("outlet").unique().toArray() as string[])
    : undefined;
  const f = (name: string) => (frames[name] && frames[name]!.height > 0 ? frames[name] : undefined);
  // The grouping the measure stage used (`analyze --by`): the first column of outlet_terms.
  const by = frames.outlet_terms?.columns[0] ?? "outlet";
  const charts: (Chart | undefined)[] = [
    f("outlet_terms") && topTermsChart(f("outlet_terms")!, { outlets, by }),
    f("keyness") && keynessChart(f("keyness")!, { outlets }),
    f("outlet_terms") && f("keyness") &&
    scatterChart(f("outlet_terms")!, f("keyness")!, { outlets, by }),
    ...framingCharts({ framing: frames.framing, framing_summary: f("framing_summary") }, {
      outlets,
      by,
    }),
    f("entities") && entitiesChart(f("entities")!, { outlets }),
    f("quotes") && quoteSpeakersChart(f("quotes")!, { outlets }),
    f("quotes") && quoteTypesChart(f("quotes")!),
    f("figures") && figuresChart(f("figures")!, { outlets }),
    f("article_similarity") && similarityHeatmap(f("article_similarity")!),
    f("article_similarity") && f("reuse_pairs") && f("sentences") &&
    alignmentChart(f("article_similarity")!, f("reuse_pairs")!, f("sentences")!),
    f("sentiment") && sentimentChart(f("sentiment")!, { outlets }),
  ];
  return charts.filter((c): c is Chart => c !== undefined);
}
