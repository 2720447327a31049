import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import { tallyFrame, tallyOf } from "../../src/batch/tallies.ts";

/** Plain data as tallies hold it: maps (string keys, in order), sets, arrays, typed arrays. */
const tallyValue = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
  ),
  value: fc.oneof(
    { depthSize: "small" },
    tie("leaf"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.tuple(fc.string(), tie("value")), { maxLength: 4 }).map((kv) => new Map(kv)),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4, noNullPrototype: true }),
    fc.array(fc.integer(), { maxLength: 4 }).map((a) => Int32Array.from(a)),
    fc.array(fc.string(), { maxLength: 4 }).map((a) => new Set(a)),
  ),
}));

Deno.test("a tally written as a frame and read back is the same tally, in the same order", () => {
  fc.assert(
    fc.property(tallyValue.value, (value) => {
      assert.deepStrictEqual(tallyOf(tallyFrame(value)), value);
      // Map and object order survive (a merged tally's row order depends on it).
      if (value instanceof Map) {
        assert.deepEqual([...(tallyOf(tallyFrame(value)) as Map<string, unknown>).keys()], [
          ...value.keys(),
        ]);
      }
    }),
    { numRuns: 300 },
  );
});

Deno.test("a tally survives Parquet: the term tally of a batch", async () => {
  const tally = {
    minCount: 1,
    articles: 2,
    df: new Map([["budget", 2], ["tax cut", 1]]),
    total: new Map([["budget", 5], ["tax cut", 1]]),
  };
  const frame = tallyFrame(tally);
  assert.deepEqual(frame.getColumn("key").toArray(), [
    null,
    "minCount",
    "articles",
    "df",
    "budget",
    "tax cut",
    "total",
    "budget",
    "tax cut",
  ]);
  const path = await Deno.makeTempFile({ suffix: ".parquet" });
  frame.writeParquet(path);
  assert.deepStrictEqual(tallyOf(pl.readParquet(path)), tally);
  await Deno.remove(path);
});

Deno.test("a tally that is not plain data is refused with what was found", () => {
  assert.throws(() => tallyFrame({ when: new Date(0) }), /plain data; found \[object Date\]/);
  assert.throws(() => tallyFrame(new Map([[1, 2]])), /map keys are strings/);
});
