/**
 * Word charts: top terms per outlet, keyness as diverging bars, and a scattertext-style scatter
 * of two groups.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { topByGroup } from "../frames/top.ts";
import { type Chart, vegaLiteChart } from "./chart.ts";
import { chartRows } from "./_data.ts";
import { CHART_CONFIG, MEANING_COLORS, outletScale } from "./theme.ts";
import { REST } from "../stats/keyness.ts";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Options shared by the word charts. */
export interface TermChartOptions {
  /** The grouping column of the frame (default "outlet"). */
  by?: string;
  /** Terms per group (default 10 for top terms, 8 each way for keyness). */
  n?: number;
  /** Every outlet of the corpus, so colours match across charts (default: those in the data). */
  outlets?: string[];
}

/**
 * Small multiples: the most frequent words of each group, per 1,000 words (stopwords are already
 * out of `outlet_terms`).
 *
 * @example
 * ```ts
 * import { readFrame, topTermsChart } from "newsframe";
 *
 * topTermsChart(readFrame("data/out", "outlet_terms"), { n: 10 });
 * ```
 */
export function topTermsChart(outletTerms: pl.DataFrame, options: TermChartOptions = {}): Chart {
  const by = options.by ?? "outlet";
  const top = topByGroup(outletTerms.filter(pl.col("ngram").eq(1)), by, "per_1000", {
    n: options.n ?? 10,
    then: ["term"],
  });
  const values = chartRows(top, [by, "term", "n", "per_1000"], 2);
  const groups = options.outlets ?? (values.map((v) => String(v[by])));
  return vegaLiteChart("top_terms", "Most frequent words per outlet", {
    $schema: SCHEMA,
    title: {
      text: `Most frequent words per ${by}`,
      subtitle: "occurrences per 1,000 words; stopwords removed",
    },
    data: { values },
    facet: { field: by, type: "nominal", title: null },
    columns: 3,
    spec: {
      width: 180,
      height: { step: 15 },
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "term", type: "nominal", sort: "-x", title: null },
        x: { field: "per_1000", type: "quantitative", title: "per 1,000 words" },
        color: by === "outlet"
          ? { field: by, type: "nominal", scale: outletScale(groups), legend: null }
          : { value: "#4e79a7" },
        tooltip: [
          { field: by, type: "nominal" },
          { field: "term", type: "nominal" },
          { field: "n", type: "quantitative", title: "count" },
          { field: "per_1000", type: "quantitative", title: "per 1,000 words" },
        ],
      },
    },
    resolve: { scale: { y: "independent" } },
    config: CHART_CONFIG,
  });
}

/** What a keyness frame compares: "each outlet against the rest", or "A against B". */
export function keynessComparison(keyness: pl.DataFrame, by = "outlet", within?: string): string {
  const pairs = keyness.select("group", "reference").unique({ maintainOrder: true }).rows();
  const base = pairs.every(([, r]) => r === REST)
    ? `each ${by} against the rest`
    : pairs.map(([g, r]) => `${g} against ${r}`).join(", ");
  return within ? `${base}, within each ${within} (pooled)` : base;
}

/**
 * Diverging bars: for each group, the terms it over-uses most (z > 0) and under-uses most
 * (z < 0) against its reference, by the z of the log-odds ratio with an informative Dirichlet
 * prior. Only terms with q < 0.05 (document-level test, Benjamini–Hochberg) are coloured as
 * over- or under-used; the rest are grey, and the subtitle says when no term passes.
 *
 * @example
 * ```ts
 * import { keynessChart, readFrame } from "newsframe";
 *
 * keynessChart(readFrame("data/out", "keyness"), { n: 8 }); // in Jupyter, the chart displays itself
 * ```
 */
export function keynessChart(
  keyness: pl.DataFrame,
  options: TermChartOptions & { within?: string; numbers?: boolean } = {},
): Chart {
  const n = options.n ?? 8;
  const by = options.by ?? "outlet";
  const shown = options.numbers ? keyness : withoutNumbers(keyness);
  const withQ = shown.columns.includes("q") ? shown : shown.withColumns(
    pl.lit(NaN).alias("q"),
  );
  const over = topByGroup(withQ.filter(pl.col("z").gt(0)), "group", "z", { n, then: ["term"] });
  const under = topByGroup(withQ.filter(pl.col("z").lt(0)), "group", "z", {
    n,
    descending: false,
    then: ["term"],
  });
  const significant = pl.col("q").lt(0.05).and(pl.col("q").isNotNan());
  const values = chartRows(
    pl.concat([over, under]).withColumns(
      pl.when(significant.and(pl.col("z").gt(0))).then(pl.lit(KEY_USE[0]))
        .when(significant).then(pl.lit(KEY_USE[1]))
        .when(pl.col("z").gt(0)).then(pl.lit(KEY_USE[2]))
        .otherwise(pl.lit(KEY_USE[3])).alias("use"),
    ),
    ["group", "term", "n_target", "n_reference", "z", "g2", "q", "use"],
    3,
  );
  const passing = withQ.filter(significant).height;
  return vegaLiteChart("keyness", `Keyness: over- and under-used words per ${by}`, {
    $schema: SCHEMA,
    title: {
      text: `Keyness: the words each ${by} over- and under-uses`,
      subtitle: [
        "z of the log-odds ratio with an informative Dirichlet prior (effect size);",
        passing
          ? `coloured: q < 0.05 (articles as the unit, Benjamini–Hochberg): ${passing} of ${withQ.height} rows`
          : `no term passes q < 0.05 (articles as the unit, Benjamini–Hochberg): the bars are the largest z, not findings`,
        ...(options.numbers ? [] : ["terms with a number left out (see figures)"]),
      ],
    },
    data: { values },
    facet: { field: "group", type: "nominal", title: null },
    columns: 3,
    spec: {
      width: 200,
      height: { step: 14 },
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "term", type: "nominal", sort: "-x", title: null },
        x: { field: "z", type: "quantitative", title: "z (log-odds, Dirichlet prior)" },
        color: {
          field: "use",
          type: "nominal",
          scale: {
            domain: [...KEY_USE],
            range: [MEANING_COLORS.over, MEANING_COLORS.under, "#e3c6c6", "#c6d3e3"],
          },
          title: null,
        },
        tooltip: [
          { field: "term", type: "nominal" },
          { field: "z", type: "quantitative" },
          { field: "q", type: "quantitative", title: "q (document-level, BH)" },
          { field: "g2", type: "quantitative", title: "G²" },
          { field: "n_target", type: "quantitative", title: "count in group" },
          { field: "n_reference", type: "quantitative", title: "count in reference" },
        ],
      },
    },
    resolve: { scale: { y: "independent" } },
    config: CHART_CONFIG,
  });
}

/**
 * The rows whose term has no word that starts with a digit ("15", "1.7 billion", "74 people"):
 * which numbers an outlet reports is what `figures` compares, with their units and what they
 * measure, and a bare number leading an outlet's words hides the words. Frames keep them.
 */
export function withoutNumbers(terms: pl.DataFrame): pl.DataFrame {
  return terms.filter(pl.col("term").str.contains("(^|\\s)[0-9]").not());
}

/** The keyness chart's colour classes: significance first, then direction. */
const KEY_USE = [
  "over-used (q < 0.05)",
  "under-used (q < 0.05)",
  "more, not significant",
  "less, not significant",
] as const;

/** The two groups the scatter compares by default: the two with the most words. */
export function scatterPair(outletTerms: pl.DataFrame, by = "outlet"): { a: string; b: string } {
  const groups = groupsByWords(outletTerms, by);
  const a = groups[0];
  return { a, b: groups.find((g) => g !== a) ?? a };
}

/** The groups of `outlet_terms`, most words first. */
function groupsByWords(outletTerms: pl.DataFrame, by: string): string[] {
  const sizes = outletTerms.filter(pl.col("ngram").eq(1)).groupBy(by)
    .agg(pl.col("n").sum().alias("words")).sort(["words", by], [true, false]);
  return sizes.getColumn(by).toArray() as string[];
}

/** Options of {@link scatterChart}. */
export interface ScatterOptions extends TermChartOptions {
  /** The two groups (default: the two with the most words). */
  a?: string;
  /** The other group. */
  b?: string;
  /** Terms labelled on each side (default 8). */
  labels?: number;
}

/**
 * A scattertext-style scatter of two groups: each word at (rate in A, rate in B) per 1,000 words,
 * on square-root axes; the words most distinctive of each side (by keyness z) are labelled.
 *
 * @example
 * ```ts
 * import { readFrame, scatterChart } from "newsframe";
 *
 * const outletTerms = readFrame("data/out", "outlet_terms");
 * scatterChart(outletTerms, readFrame("data/out", "keyness"), { labels: 8 });
 * ```
 */
export function scatterChart(
  outletTerms: pl.DataFrame,
  keyness: pl.DataFrame,
  options: ScatterOptions = {},
): Chart {
  const by = options.by ?? "outlet";
  const unigrams = outletTerms.filter(pl.col("ngram").eq(1));
  const groups = groupsByWords(outletTerms, by);
  const a = options.a ?? groups[0];
  const b = options.b ?? groups.find((g) => g !== a) ?? a;
  const side = (g: string, suffix: string) =>
    unigrams.filter(pl.col(by).eq(pl.lit(g))).select(
      pl.col("term"),
      pl.col("per_1000").alias(`per_1000_${suffix}`),
      pl.col("n").alias(`n_${suffix}`),
    );
  // Sorted by term: a full join's row order varies from run to run, and the chart should not.
  const joined = side(a, "a").join(side(b, "b"), { on: "term", how: "full", coalesce: true })
    .withColumns(
      pl.col("per_1000_a").fillNull(0),
      pl.col("per_1000_b").fillNull(0),
      pl.col("n_a").fillNull(0),
      pl.col("n_b").fillNull(0),
    ).sort("term");
  // Label the most distinctive words of each side; of those used by one side only (they sit on
  // an axis, on top of each other) only the first three, so the labels stay readable.
  const k = options.labels ?? 8;
  const rate = new Map(
    (joined.select("term", "per_1000_a", "per_1000_b").rows() as [string, number, number][])
      .map(([t, x, y]) => [t, x > 0 && y > 0]),
  );
  const labelled = new Set<string>();
  for (const group of [a, b]) {
    const top = keyness.filter(
      pl.col("group").eq(pl.lit(group)).and(pl.col("ngram").eq(1)).and(pl.col("z").gt(0)),
    ).sort(["z", "term"], [true, false]).head(4 * k).getColumn("term").toArray() as string[];
    const both = top.filter((t) => rate.get(t)).slice(0, k);
    const oneSide = top.filter((t) => rate.get(t) === false).slice(0, 3);
    [...both, ...oneSide].forEach((t) => labelled.add(t));
  }
  // Keep a label only where it does not sit on one already kept (in the chart's sqrt space),
  // the most distinctive words first.
  const rows = chartRows(joined, ["term", "per_1000_a", "per_1000_b", "n_a", "n_b"], 2);
  const maxX = Math.sqrt(Math.max(1e-9, ...rows.map((r) => r.per_1000_a as number)));
  const maxY = Math.sqrt(Math.max(1e-9, ...rows.map((r) => r.per_1000_b as number)));
  const rowOf = new Map(rows.map((r) => [String(r.term), r]));
  const placed: [number, number][] = [];
  for (const term of [...labelled]) {
    const r = rowOf.get(term);
    if (!r) continue;
    const x = Math.sqrt(r.per_1000_a as number) / maxX;
    const y = Math.sqrt(r.per_1000_b as number) / maxY;
    if (placed.some(([px, py]) => Math.abs(px - x) < 0.14 && Math.abs(py - y) < 0.04)) {
      labelled.delete(term);
    } else placed.push([x, y]);
  }
  const values = rows.map((r) => ({
    ...r,
    side: (r.per_1000_a as number) > (r.per_1000_b as number)
      ? `more in ${a}`
      : (r.per_1000_a as number) < (r.per_1000_b as number)
      ? `more in ${b}`
      : "even",
    label: labelled.has(String(r.term)) ? r.term : null,
  }));
  const scale = outletScale(options.outlets ?? groups);
  const colorOf = (g: string) => scale.range[scale.domain.indexOf(g)] ?? "#4e79a7";
  return vegaLiteChart("scatter", `${a} against ${b}: word rates`, {
    $schema: SCHEMA,
    title: {
      text: `${a} against ${b}: which words each uses more`,
      subtitle: [
        "each dot a word, at its rate per 1,000 words in each (square-root axes);",
        "labels: the most distinctive words of each side by keyness z",
      ],
    },
    width: 520,
    height: 420,
    data: { values },
    layer: [
      {
        mark: { type: "circle", opacity: 0.55, tooltip: true },
        encoding: {
          x: {
            field: "per_1000_a",
            type: "quantitative",
            scale: { type: "sqrt" },
            title: `per 1,000 words in ${a}`,
          },
          y: {
            field: "per_1000_b",
            type: "quantitative",
            scale: { type: "sqrt" },
            title: `per 1,000 words in ${b}`,
          },
          color: {
            field: "side",
            type: "nominal",
            scale: {
              domain: [`more in ${a}`, `more in ${b}`, "even"],
              range: [colorOf(a), colorOf(b), "#999"],
            },
            title: null,
          },
          tooltip: [
            { field: "term", type: "nominal" },
            { field: "n_a", type: "quantitative", title: `count in ${a}` },
            { field: "n_b", type: "quantitative", title: `count in ${b}` },
          ],
        },
      },
      {
        transform: [{ filter: "datum.label != null" }],
        mark: { type: "text", align: "left", dx: 5, dy: -4, fontSize: 11 },
        encoding: {
          x: { field: "per_1000_a", type: "quantitative" },
          y: { field: "per_1000_b", type: "quantitative" },
          text: { field: "label" },
        },
      },
    ],
    config: CHART_CONFIG,
  });
}
