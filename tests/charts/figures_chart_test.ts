import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { figuresChart } from "../../src/charts/figures.ts";

Deno.test("figures table: dark text, the outlet's colour only on its name", () => {
  const figures = pl.DataFrame({
    article_id: ["a", "b"],
    outlet: ["The Guardian", "Financial Times"],
    kind: ["count", "money"],
    text: ["42 people", "€7.8bn"],
    value: [42, 7.8e9],
    unit: ["people", "EUR"],
    per: [null, null],
    change: [null, null],
    start: [0, 0],
  });
  const spec = (figuresChart(figures) as unknown as {
    spec: { encoding: { color: { value: string; condition: { test: string; field: string } } } };
  }).spec;
  assert.equal(spec.encoding.color.value, "#222222");
  assert.deepEqual(
    [spec.encoding.color.condition.test, spec.encoding.color.condition.field],
    ["datum.column === 'outlet'", "outlet"],
  );
});
