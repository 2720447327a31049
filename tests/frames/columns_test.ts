import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import { codedUtf8, runsUtf8, utf8Coded, utf8CodedTogether } from "../../src/frames/columns.ts";

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

Deno.test("a coded column is its distinct values taken at the codes, nulls and no rows too", () => {
  assert.deepEqual(
    codedUtf8("outlet", ["Reuters", "TASS"], Int32Array.of(1, 0, 0, 1)).toArray(),
    ["TASS", "Reuters", "Reuters", "TASS"],
  );
  const withNull = runsUtf8("outlet", ["A", null as unknown as string, "B"], [2, 1, 0]);
  assert.deepEqual(withNull.toArray(), ["A", "A", null]);
  assert.ok(withNull.dtype.equals(pl.String));
  const empty = codedUtf8("term", [], new Int32Array(0));
  assert.equal(empty.length, 0);
  assert.ok(empty.dtype.equals(pl.String));
});
