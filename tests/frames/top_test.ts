import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { topByGroup } from "../../src/frames/top.ts";

const df = pl.DataFrame({
  g: ["a", "a", "a", "b", "b", "a"],
  v: [3, 1, 2, 5, 4, 3],
  t: ["x", "y", "z", "u", "w", "c"],
});

Deno.test("topByGroup keeps the n largest of each group, ties broken by the next columns", () => {
  assert.deepEqual(topByGroup(df, "g", "v", { n: 2, then: ["t"] }).rows(), [
    ["a", 3, "c"],
    ["a", 3, "x"],
    ["b", 5, "u"],
    ["b", 4, "w"],
  ]);
});

Deno.test("topByGroup ascending, and n larger than a group", () => {
  assert.deepEqual(topByGroup(df, "g", "v", { n: 3, descending: false, then: ["t"] }).rows(), [
    ["a", 1, "y"],
    ["a", 2, "z"],
    ["a", 3, "c"],
    ["b", 4, "w"],
    ["b", 5, "u"],
  ]);
});
