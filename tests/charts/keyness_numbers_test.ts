import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { keynessChart, withoutNumbers } from "../../src/charts/terms.ts";
import { termFindings } from "../../src/charts/findings.ts";

const keyness = pl.DataFrame({
  group: ["FT", "FT", "FT", "FT", "FT"],
  term: ["15", "1.7 billion", "74 people", "g7", "tariff"],
  ngram: [1, 2, 2, 1, 1],
  n_target: [9, 8, 7, 6, 5],
  n_reference: [0, 0, 0, 0, 0],
  z: [3.1, 2.9, 2.5, 2.2, 2.0],
  g2: [10, 9, 8, 7, 6],
  q: [0.5, 0.5, 0.5, 0.5, 0.5],
});

Deno.test("keyness: terms with a number are left out of the chart and the findings, kept on request", () => {
  assert.deepEqual(withoutNumbers(keyness).getColumn("term").toArray(), ["g7", "tariff"]);
  const terms = (chart: ReturnType<typeof keynessChart>) =>
    (chart as unknown as { spec: { data: { values: { term: string }[] } } }).spec.data.values
      .map((v) => v.term);
  assert.deepEqual(terms(keynessChart(keyness, { by: "outlet" })), ["g7", "tariff"]);
  assert.deepEqual(terms(keynessChart(keyness, { numbers: true })), [
    "15",
    "1.7 billion",
    "74 people",
    "g7",
    "tariff",
  ]);
  const said = termFindings(keyness, []).map((f) => f.text);
  assert.match(said[1], /^FT \(.*\) over-uses most: “g7” \(6 against 0, z 2\.2\), “tariff”/);
});

Deno.test("report KWIC: a key term found nowhere as written gives no lines, not an error", async () => {
  const { kwicTable } = await import("../../src/charts/report.ts");
  const { analyzeArticles } = await import("../../src/pipeline.ts");
  const { textArticle } = await import("../seeds.ts");
  const analysis = analyzeArticles([
    {
      ...textArticle("The U.S. said tariffs would rise. Tariffs rose. Tariffs fell."),
      outlet: "FT",
    },
  ]);
  const groups = pl.DataFrame({ article_id: [analysis.articles[0].id], group: ["FT"] });
  const key = keyness.slice(3, 2).withColumns(pl.Series("n_target", [3, 3], pl.Int32));
  // "g7" is in no article: skipped; "tariff" has its three lines.
  const table = kwicTable(key, analysis, groups, "outlet")!;
  assert.deepEqual(table.getColumn("match").toArray(), ["tariffs", "Tariffs", "Tariffs"]);
});
