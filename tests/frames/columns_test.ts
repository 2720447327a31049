import assert from "node:assert/strict";
import fc from "fast-check";
import { utf8Coded, utf8CodedTogether } from "../../src/frames/columns.ts";

const same = (columns: [string, string[]][]) => {
  const together = utf8CodedTogether(columns);
  columns.forEach(([name, values], j) => {
    const alone = utf8Coded(name, values);
    assert.equal(together[j].name, name);
    assert.ok(together[j].seriesEqual(alone), name);
    assert.deepEqual(together[j].toArray(), values);
  });
};

Deno.test("columns coded together equal the columns coded one by one", () => {
  same([["k", ["a", "a", "b", "a", "c"]], ["v", ["x", "x", "y", "x", "z"]]]);
  // A dependent column that does not follow from the key: built one by one instead.
  same([["k", ["a", "a", "b", "a"]], ["v", ["x", "y", "y", "x"]]]);
  same([["k", []], ["v", []]]);
  same([["k", ["only"]]]);
});

Deno.test("columns coded together: any values, same result as one by one", () => {
  const value = fc.constantFrom("a", "b", "c", "", "ü");
  fc.assert(
    fc.property(fc.array(fc.tuple(value, value, value), { maxLength: 40 }), (rows) => {
      same([
        ["k", rows.map((r) => r[0])],
        ["v", rows.map((r) => r[1])],
        ["w", rows.map((r) => r[2])],
      ]);
      // Dependent columns that follow from the key by construction.
      same([["k", rows.map((r) => r[0])], ["upper", rows.map((r) => r[0].toUpperCase())]]);
    }),
    { numRuns: 60 },
  );
});
