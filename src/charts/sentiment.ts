/**
 * Tone per group: the sentiment score of each sentence (VADER's compound by default, or AFINN),
 * as a box plot per outlet, captioned with what it rests on.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { chartRows } from "./_data.ts";
import { nothingChart } from "./framing.ts";
import { captionOf, ownComparison, withCaption } from "./caption.ts";
import { CHART_CONFIG, outletScale } from "./theme.ts";

const AXIS: Record<string, string> = {
  vader: "VADER compound score per sentence (−1 to +1)",
  afinn: "AFINN score per word (natural)",
};
const NOTE: Record<string, string> = {
  vader: "VADER (Hutto & Gilbert 2014): negation reaches three words; boosters, but, caps",
  afinn: "AFINN (natural); crude: a negation flips every later word of the sentence",
};

/**
 * Box plots of sentence sentiment for each outlet (the `sentiment` frame's `score`).
 *
 * @example
 * ```ts
 * import { readFrame, sentimentChart } from "newsframe";
 *
 * sentimentChart(readFrame("data/out", "sentiment"));
 * ```
 */
export function sentimentChart(
  sentiment: pl.DataFrame,
  options: { outlets?: string[]; within?: string } = {},
): Chart {
  const tone = sentiment.columns.includes("tone") && sentiment.height
    ? String(sentiment.getColumn("tone").get(0))
    : "afinn";
  const per = sentiment.groupBy("outlet").agg(
    pl.col("article_id").nUnique().alias("articles"),
    pl.col("n_words").sum().alias("words"),
    pl.col("n_hits").sum().alias("hits"),
  ).sort("outlet");
  const groups = (per.getColumn("outlet").toArray() as string[]).map((name, i) => ({
    name,
    articles: Number(per.getColumn("articles").get(i)),
    words: Number(per.getColumn("words").get(i)),
  }));
  const caption = captionOf({
    grouping: "outlet",
    comparison: ownComparison("outlet", { within: options.within }),
    groups,
  });
  const title = "Tone per outlet: sentiment of each sentence";
  const hits = (per.getColumn("hits").toArray() as number[]).reduce((a, b) => a + Number(b), 0);
  if (!hits) {
    return withCaption(
      nothingChart(
        "sentiment",
        title,
        `No sentence has a word of the ${tone.toUpperCase()} lexicon: no tone to show.`,
        NOTE[tone] ?? tone,
      ),
      caption,
    );
  }
  const values = chartRows(
    sentiment,
    ["article_id", "outlet", "sentence_id", "score", "negated"],
    4,
  );
  const outlets = options.outlets ?? values.map((v) => String(v.outlet));
  const chart = vegaLiteChart("sentiment", title, {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: [NOTE[tone] ?? tone] },
    data: { values },
    width: 420,
    height: { step: 34 },
    mark: { type: "boxplot", extent: 1.5 },
    encoding: {
      y: { field: "outlet", type: "nominal", title: null },
      x: { field: "score", type: "quantitative", title: AXIS[tone] ?? "score" },
      color: { field: "outlet", type: "nominal", scale: outletScale(outlets), legend: null },
    },
    config: CHART_CONFIG,
  });
  return withCaption(chart, caption);
}
