/**
 * Every chart of the kit from the frames `allFrames` builds, in reading order. A chart whose
 * frames are missing (a stage not run) or empty is left out.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import type pl from "nodejs-polars";
import type { Chart } from "./chart.ts";
import { framingCharts } from "./framing.ts";
import { figuresChart } from "./figures.ts";
import { alignmentChart, alignmentPair, similarityHeatmap } from "./reuse.ts";
import {
  captionOf,
  type CaptionParts,
  groupSizes,
  ownComparison,
  pluralField,
  withCaption,
} from "./caption.ts";
import { sentimentChart } from "./sentiment.ts";
import {
  keynessChart,
  keynessComparison,
  scatterChart,
  scatterPair,
  topTermsChart,
} from "./terms.ts";
import { entitiesChart, quoteSpeakersChart, quoteTypesChart } from "./voices.ts";

/**
 * The frames {@link allCharts} reads, so a run can hand it just those (`analyze --charts` reads
 * them back from the parts of a corpus in batches); a chart whose frames are absent is left out.
 */
export const CHART_FRAMES = [
  "articles",
  "outlet_terms",
  "keyness",
  "framing_summary",
  "framing",
  "entities",
  "quotes",
  "figures",
  "article_similarity",
  "reuse_pairs",
  "sentences",
  "sentiment",
] as const;

/** Options of {@link allCharts}. */
export interface CatalogOptions {
  /** The stratum field keyness was computed within (`--within`), for its caption. */
  within?: string;
}

/**
 * Builds every chart the frames allow, each outlet in one colour throughout. Every chart carries
 * a caption (see `caption.ts`): its grouping, its comparison, and the articles and words of each
 * group.
 *
 * @example
 * ```ts
 * import { allCharts, readFrame, writeCharts } from "newsframe";
 *
 * const names = ["articles", "outlet_terms", "keyness", "framing_summary", "quotes"];
 * const frames = Object.fromEntries(names.map((n) => [n, readFrame("data/out", n)]));
 * await writeCharts(allCharts(frames), "data/out/charts", ["svg", "html"]);
 * ```
 */
export function allCharts(
  frames: Readonly<Record<string, pl.DataFrame | undefined>>,
  options: CatalogOptions = {},
): Chart[] {
  const outlets = frames.articles
    ? (frames.articles.getColumn("outlet").unique().toArray() as string[])
    : undefined;
  const f = (name: string) => (frames[name] && frames[name]!.height > 0 ? frames[name] : undefined);
  // The grouping the measure stage used (`analyze --by`): the first column of outlet_terms.
  const by = frames.outlet_terms?.columns[0] ?? "outlet";
  const sizes = (grouping: string) => groupSizes(frames.articles, grouping);
  const only = (grouping: string, names: string[]) =>
    sizes(grouping).filter((g) => names.includes(g.name));
  // Grouped by id, the groups are articles: say "article".
  const named = (grouping: string) => (grouping === "id" ? "article" : grouping);
  const within = options.within;
  // Per-article charts are the same whatever the strata; per-group ones mix them (said so).
  const side = (grouping: string, stacked = false) => ({
    grouping: named(grouping),
    comparison: ownComparison(named(grouping), {
      stacked,
      within: grouping === "id" ? undefined : within,
    }),
    groups: sizes(grouping),
  });
  const captioned = (chart: Chart | undefined | false, parts: () => CaptionParts) =>
    chart ? withCaption(chart, captionOf(parts())) : undefined;
  const scatter = f("outlet_terms") && scatterPair(f("outlet_terms")!, by);
  const aligned = f("article_similarity") && alignmentPair(f("article_similarity")!);
  const alignCaption = aligned &&
    captionOf({
      grouping: "article",
      comparison: `article ${aligned.a} against article ${aligned.b}`,
      groups: only("id", [aligned.a, aligned.b]),
    });
  const charts: (Chart | undefined)[] = [
    captioned(
      f("outlet_terms") && topTermsChart(f("outlet_terms")!, { outlets, by }),
      () => side(by),
    ),
    captioned(
      f("keyness") && keynessChart(f("keyness")!, { outlets, by, within: options.within }),
      () => ({
        grouping: named(by),
        comparison: keynessComparison(f("keyness")!, named(by), options.within),
        groups: sizes(by),
      }),
    ),
    captioned(
      f("outlet_terms") && f("keyness") &&
        scatterChart(f("outlet_terms")!, f("keyness")!, { outlets, by }),
      () => ({
        grouping: named(by),
        comparison: scatter
          ? `${scatter.a} against ${scatter.b}${
            within ? `, over all their ${pluralField(within)} (not within each ${within})` : ""
          }`
          : "",
        groups: scatter ? only(by, [scatter.a, scatter.b]) : [],
      }),
    ),
    // Heatmaps caption themselves (sizes from framing_summary); naming charts compare articles.
    ...framingCharts({ framing: frames.framing, framing_summary: f("framing_summary") }, {
      outlets,
      by,
      within,
    }).map((chart) => chart.caption ? chart : captioned(chart, () => side("id"))),
    // Entities and speakers: one bar each, the outlets stacked in it; quote types: one bar per
    // outlet, its speaker types stacked (each outlet on its own).
    captioned(
      f("entities") && entitiesChart(f("entities")!, { outlets }),
      () => side("outlet", true),
    ),
    captioned(
      f("quotes") && quoteSpeakersChart(f("quotes")!, { outlets }),
      () => side("outlet", true),
    ),
    captioned(f("quotes") && quoteTypesChart(f("quotes")!), () => ({
      ...side("outlet"),
      comparison: `${side("outlet").comparison.replace(", side by side", "")}, one bar each`,
    })),
    captioned(f("figures") && figuresChart(f("figures")!, { outlets }), () => side("id")),
    captioned(f("article_similarity") && similarityHeatmap(f("article_similarity")!), () => ({
      grouping: "article",
      comparison: "each article (row) against each other (column)",
      groups: sizes("id"),
    })),
    aligned && f("reuse_pairs") && f("sentences") && withCaption(
      alignmentChart(f("article_similarity")!, f("reuse_pairs")!, f("sentences")!, undefined, {
        caption: alignCaption || undefined,
      }),
      alignCaption || "",
    ),
    // Tone captions itself: its sizes are those of the sentences scored.
    f("sentiment") && sentimentChart(f("sentiment")!, { outlets, within }),
  ];
  return charts.filter((c): c is Chart => c !== undefined);
}
