import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import { keynessByGroup, keynessOfDocuments } from "../../src/stats/keyness.ts";
import type { DocumentTermCounts } from "../../src/stats/stratified.ts";
import { measureSettings } from "../../src/cli/measure_flags.ts";
import { UsageError } from "../../src/cli/args.ts";

/** Per-article counts of a few terms with small counts (many ties of z), in three groups. */
const docsArb = fc.array(
  fc.record({
    group: fc.constantFrom("A", "B", "C"),
    counts: fc.dictionary(fc.constantFrom("w1", "w2", "w3", "w4", "w5", "w6 w7"), fc.nat(4)),
  }),
  { minLength: 2, maxLength: 12 },
).map((articles): DocumentTermCounts => ({
  by: "outlet",
  group: articles.map((a) => a.group),
  stratum: articles.map(() => ""),
  counts: articles.map((a) => new Map(Object.entries(a.counts).filter(([, n]) => n > 0))),
}));

const rowsOf = (df: pl.DataFrame) => df.toRecords().map((r) => JSON.stringify(r));

Deno.test("property: keyness rows run by z descending (NaN last), equal z in order of first appearance", () => {
  fc.assert(
    fc.property(docsArb, (docs) => {
      const df = keynessOfDocuments(docs);
      const group = df.getColumn("group").toArray() as string[];
      const z = df.getColumn("z").toArray() as number[];
      const term = df.getColumn("term").toArray() as string[];
      // First appearance over the groups' merged counts, groups in sorted order.
      const first: string[] = [];
      for (const g of [...new Set(docs.group as string[])].sort()) {
        docs.counts.forEach((m, i) => {
          if (docs.group[i] === g) {
            for (const t of m.keys()) if (!first.includes(t)) first.push(t);
          }
        });
      }
      for (let i = 1; i < z.length; i++) {
        if (group[i] !== group[i - 1]) continue;
        // NaN (no terms of that order in the target) after every number.
        const [a, b] = [z[i - 1], z[i]];
        assert.ok(Number.isNaN(b) || a >= b, `z ${a} before ${b}`);
        if (a === b || (Number.isNaN(a) && Number.isNaN(b))) {
          assert.ok(
            first.indexOf(term[i - 1]) < first.indexOf(term[i]),
            `${term[i - 1]}, ${term[i]}`,
          );
        }
      }
    }),
    { numRuns: 300 },
  );
});

Deno.test("property: top N keeps exactly the first N rows of each comparison, q included", () => {
  fc.assert(
    fc.property(docsArb, fc.integer({ min: 1, max: 4 }), (docs, top) => {
      const all = keynessOfDocuments(docs);
      const kept = keynessOfDocuments(docs, { top });
      const expected: string[] = [];
      const seen = new Map<string, number>();
      const full = rowsOf(all);
      (all.getColumn("group").toArray() as string[]).forEach((g, i) => {
        const n = seen.get(g) ?? 0;
        if (n < top) expected.push(full[i]);
        seen.set(g, n + 1);
      });
      assert.deepEqual(rowsOf(kept), expected);
    }),
    { numRuns: 200 },
  );
});

Deno.test("top: counted by hand on two groups; a bad top is a readable error", () => {
  const counts = [
    new Map([["a", 5], ["b", 1], ["c", 2]]),
    new Map([["a", 1], ["b", 5], ["c", 2]]),
  ];
  const groupCounts = { by: "outlet", groups: ["X", "Y"], counts, sizes: [], words: [] };
  // deno-lint-ignore no-explicit-any
  const df = keynessByGroup(groupCounts as any, { top: 1 });
  assert.deepEqual(df.getColumn("group").toArray(), ["X", "Y"]);
  assert.deepEqual(df.getColumn("term").toArray(), ["a", "b"]);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => keynessByGroup(groupCounts as any, { top: 0 }), /top must be a whole/);
});

Deno.test("--keyness-top N: parsed into the keyness options; not a count is a usage error", async () => {
  assert.deepEqual((await measureSettings({ "keyness-top": "50" })).keyness, { top: 50 });
  assert.equal((await measureSettings({})).keyness, undefined);
  await assert.rejects(() => measureSettings({ "keyness-top": "ten" }), UsageError);
  await assert.rejects(() => measureSettings({ "keyness-top": "0" }), UsageError);
});
