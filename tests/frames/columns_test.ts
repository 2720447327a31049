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

Deno.test("a column of runs is the same with few runs (repeated) and many (gathered), nulls and empty runs too", () => {
  const few = runsUtf8("group", ["A", "", null as unknown as string, "B"], [2, 0, 2, 1]);
  assert.deepEqual(few.toArray(), ["A", "A", null, null, "B"]);
  assert.equal(few.name, "group");
  assert.ok(few.dtype.equals(pl.String));
  // 65 runs of one row and one of three: more than the 64 runs repeated one by one.
  const values = Array.from({ length: 66 }, (_, i) => `a${i}`);
  const counts = values.map((_, i) => (i === 65 ? 3 : 1));
  const many = runsUtf8("article_id", values, counts).toArray();
  assert.equal(many.length, 68);
  assert.deepEqual(many.slice(63), ["a63", "a64", "a65", "a65", "a65"]);
  const empty = runsUtf8("group", ["A"], [0]);
  assert.equal(empty.length, 0);
  assert.ok(empty.dtype.equals(pl.String));
});
