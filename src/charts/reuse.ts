/**
 * Reuse charts: how much of each article reappears in each other one, and which sentences of one
 * article reappear in another.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type Chart, plotChart, vegaLiteChart } from "./chart.ts";
import { articleLabel, chartRows } from "./_data.ts";
import { Plot } from "./render.ts";
import { CHART_CONFIG, MEANING_COLORS } from "./theme.ts";
import { captionLines } from "./caption.ts";
import { nothingChart } from "./framing.ts";

/** What the reuse charts say when no two articles share enough wording to be compared. */
const NO_PAIRS = "No two articles share enough wording to be compared: nothing reappears.";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const CLASS_COLORS = {
  verbatim: MEANING_COLORS.verbatim,
  "near-verbatim": MEANING_COLORS.nearVerbatim,
  paraphrase: MEANING_COLORS.paraphrase,
  topical: MEANING_COLORS.topical,
  shared_quotation: MEANING_COLORS.sharedQuotation,
} as const;

/**
 * Heatmap of `article_similarity`: row article A, column article B, colour the share of A's
 * sentences found in B (directional), the number the cosine of the two articles.
 *
 * @example
 * ```ts
 * import { readFrame, similarityHeatmap } from "newsframe";
 *
 * similarityHeatmap(readFrame("data/out", "article_similarity"));
 * ```
 */
export function similarityHeatmap(similarity: pl.DataFrame): Chart {
  if (similarity.height === 0) {
    return nothingChart(
      "similarity",
      "How much of each article reappears in another",
      NO_PAIRS,
      "article_similarity has no rows",
    );
  }
  const values = chartRows(similarity, [
    "article_a",
    "article_b",
    "cosine",
    "share_a_in_b",
    "found_a_in_b",
    "sentences_a",
    "likely_source",
  ], 3)
    .map((r) => ({
      ...r,
      a: articleLabel(String(r.article_a)),
      b: articleLabel(String(r.article_b)),
    }));
  return vegaLiteChart("similarity", "How much of each article reappears in another", {
    $schema: SCHEMA,
    title: {
      text: "How much of each article (row) reappears in another (column)",
      subtitle: [
        "colour: share of the row article's sentences found in the column article;",
        "number: cosine of the two texts; outlined: the row article's likely source",
      ],
    },
    data: { values },
    width: { step: 56 },
    height: { step: 40 },
    encoding: {
      x: {
        field: "b",
        type: "nominal",
        title: "found in",
        axis: { orient: "top", labelAngle: -40, labelAlign: "left" },
      },
      y: { field: "a", type: "nominal", title: "article" },
    },
    layer: [
      {
        mark: { type: "rect", tooltip: true },
        encoding: {
          color: {
            field: "share_a_in_b",
            type: "quantitative",
            title: "share of sentences",
            scale: { scheme: "blues", domain: [0, 1] },
            legend: { format: "%" },
          },
          stroke: { condition: { test: "datum.likely_source", value: "black" }, value: null },
          strokeWidth: { value: 2 },
          tooltip: [
            { field: "article_a", type: "nominal", title: "article" },
            { field: "article_b", type: "nominal", title: "found in" },
            { field: "found_a_in_b", type: "quantitative", title: "sentences found" },
            { field: "sentences_a", type: "quantitative", title: "sentences" },
            { field: "share_a_in_b", type: "quantitative", title: "share", format: ".0%" },
            { field: "cosine", type: "quantitative" },
            { field: "likely_source", type: "nominal", title: "likely source" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          text: { field: "cosine", type: "quantitative", format: ".2f" },
          color: {
            condition: { test: "datum.share_a_in_b > 0.45", value: "white" },
            value: "black",
          },
        },
      },
    ],
    config: CHART_CONFIG,
  });
}

/** The pair the alignment chart shows by default: where the most of one article reappears in
 * another. */
export function alignmentPair(similarity: pl.DataFrame): { a: string; b: string } {
  const best = similarity.sort(["share_a_in_b", "cosine"], [true, true]).head(1).rows()[0];
  return { a: String(best?.[0] ?? ""), b: String(best?.[1] ?? "") };
}

/** The sentence number of an id `<article>:<n>`. */
const sentenceNumber = (id: string) => Number(id.slice(id.lastIndexOf(":") + 1));

/**
 * Sentence alignment of two articles (default: the pair where the most of one reappears in the
 * other): the sentences of A on the left, of B on the right, a line for each pair of sentences
 * found in both, coloured by class. Drawn with Observable Plot.
 *
 * @example
 * ```ts
 * import { alignmentChart, readFrame } from "newsframe";
 *
 * const frame = (name: string) => readFrame("data/out", name);
 * // The closest pair of articles, unless a pair is given.
 * alignmentChart(frame("article_similarity"), frame("reuse_pairs"), frame("sentences"));
 * ```
 */
export function alignmentChart(
  similarity: pl.DataFrame,
  reusePairs: pl.DataFrame,
  sentences: pl.DataFrame,
  pair?: { a: string; b: string },
  options: { caption?: string } = {},
): Chart {
  if (!pair && similarity.height === 0) {
    return nothingChart("alignment", "Which sentences reappear where", NO_PAIRS, "no pair");
  }
  const { a, b } = pair ?? alignmentPair(similarity);
  const pairs = reusePairs.filter(
    pl.col("class").neq(pl.lit("topical")).and(
      pl.col("article_a").eq(pl.lit(a)).and(pl.col("article_b").eq(pl.lit(b)))
        .or(pl.col("article_a").eq(pl.lit(b)).and(pl.col("article_b").eq(pl.lit(a)))),
    ),
  );
  const links = chartRows(pairs, [
    "sentence_id_a",
    "sentence_id_b",
    "article_a",
    "similarity",
    "class",
  ], 3)
    .map((r) => {
      const flip = r.article_a !== a;
      return {
        ...r,
        y1: sentenceNumber(String(flip ? r.sentence_id_b : r.sentence_id_a)),
        y2: sentenceNumber(String(flip ? r.sentence_id_a : r.sentence_id_b)),
      };
    });
  const count = (id: string) => sentences.filter(pl.col("article_id").eq(pl.lit(id))).height;
  const dots = [
    ...Array.from({ length: count(a) }, (_, i) => ({ side: 0, n: i })),
    ...Array.from({ length: count(b) }, (_, i) => ({ side: 1, n: i })),
  ];
  const title = `Which sentences of ${articleLabel(a)} reappear in ${articleLabel(b)}`;
  const n = Math.max(count(a), count(b), 1);
  // Title and key are drawn inside the SVG (Plot's own title and legend are HTML around it, which
  // an SVG or PNG export would drop).
  const key = "red: verbatim, purple: near-verbatim, green: paraphrase, orange: the same quotation";
  return plotChart("alignment", title, links, (document) =>
    Plot.plot({
      document,
      width: 720,
      height: Math.max(260, 18 * n + 130),
      marginTop: 118,
      marginLeft: 150,
      marginRight: 150,
      style: { fontFamily: "DejaVu Sans, sans-serif", fontSize: "11px", background: "white" },
      x: {
        domain: [0, 1],
        ticks: [0, 1],
        tickFormat: (d: number) => (d === 0 ? articleLabel(a) : articleLabel(b)),
        label: null,
        axis: "top",
      },
      y: { axis: null, reverse: true, domain: [-0.5, n - 0.5] },
      color: { domain: Object.keys(CLASS_COLORS), range: Object.values(CLASS_COLORS) },
      marks: [
        Plot.text([title], {
          frameAnchor: "top-left",
          dx: -140,
          dy: -110,
          fontSize: 15,
          fontWeight: "bold",
        }),
        Plot.text([`dots: sentences, first at the top; lines: ${key}`], {
          frameAnchor: "top-left",
          dx: -140,
          dy: -90,
          fill: "#555",
        }),
        ...captionLines(options.caption ?? "", 110).map((line, i) =>
          Plot.text([line], { frameAnchor: "top-left", dx: -140, dy: -74 + 14 * i, fill: "#555" })
        ),
        Plot.link(links, {
          x1: 0,
          x2: 1,
          y1: "y1",
          y2: "y2",
          stroke: "class",
          strokeWidth: 2,
          strokeOpacity: 0.85,
        }),
        Plot.dot(dots, { x: "side", y: "n", r: 3.5, fill: "#444" }),
        Plot.text(dots.filter((d) => d.side === 0), {
          x: "side",
          y: "n",
          text: "n",
          dx: -14,
          fill: "#777",
          fontSize: 9,
        }),
        Plot.text(dots.filter((d) => d.side === 1), {
          x: "side",
          y: "n",
          text: "n",
          dx: 14,
          fill: "#777",
          fontSize: 9,
        }),
      ],
    }) as unknown as Element);
}
