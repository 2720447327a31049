import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import { documentCountsFrame, MergedDocumentCounts } from "../../src/batch/document_counts.ts";
import { tallyMerger, tallyPartFrame } from "../../src/batch/tallies.ts";
import { KEYNESS_STAGE } from "../../src/stats/keyness_stage.ts";
import { keynessOfDocuments } from "../../src/stats/keyness.ts";
import { type DocumentTermCounts, mergeDocumentTermCounts } from "../../src/stats/stratified.ts";

/** Two slices of per-article counts, by hand: an article without terms, one without a group. */
function slices(): [DocumentTermCounts, DocumentTermCounts] {
  return [
    {
      by: "outlet",
      within: "event",
      group: ["A", null, "B"],
      stratum: ["e1", "e1", "e2"],
      counts: [
        new Map([["trade", 2], ["deal", 1], ["trade deal", 1]]),
        new Map(),
        new Map([["deal", 3], ["talks", 1]]),
      ],
    },
    {
      by: "outlet",
      within: "event",
      group: ["B", "A"],
      stratum: ["e1", "e2"],
      counts: [new Map([["talks", 2], ["trade", 1]]), new Map([["oil", 4]])],
    },
  ];
}

Deno.test("per-article counts merged in columns read as the maps, in their order", () => {
  const [a, b] = slices();
  const merged = new MergedDocumentCounts();
  merged.add(documentCountsFrame(a));
  merged.add(documentCountsFrame(b));
  const docs = merged.counts();
  assert.equal(docs.by, "outlet");
  assert.equal(docs.within, "event");
  assert.deepEqual(docs.group, ["A", null, "B", "B", "A"]);
  assert.deepEqual(docs.stratum, ["e1", "e1", "e2", "e1", "e2"]);
  assert.deepEqual(docs.counts.map((m) => [...m]), [
    [["trade", 2], ["deal", 1], ["trade deal", 1]],
    [],
    [["deal", 3], ["talks", 1]],
    [["talks", 2], ["trade", 1]],
    [["oil", 4]],
  ]);
  const first = docs.counts[0];
  assert.equal(first.size, 3);
  assert.equal(first.get("deal"), 1);
  assert.equal(first.get("oil"), undefined);
  assert.equal(first.has("trade deal"), true);
  assert.deepEqual([...first.keys()], ["trade", "deal", "trade deal"]);
  assert.deepEqual([...first.values()], [2, 1, 1]);
});

Deno.test("keyness of counts merged in columns is the keyness of the merged maps", () => {
  const plain = slices();
  const expected = keynessOfDocuments(mergeDocumentTermCounts(plain[0], plain[1]));
  const merger = tallyMerger(KEYNESS_STAGE);
  for (const slice of slices()) merger.add(tallyPartFrame(KEYNESS_STAGE, slice));
  const got = keynessOfDocuments(merger.result() as DocumentTermCounts);
  assert.ok(expected.height > 0);
  assert.deepEqual(got.toRecords(), expected.toRecords());
});

Deno.test("per-article counts survive their frame for any terms and counts", () => {
  const article = fc.array(fc.tuple(fc.string(), fc.integer({ min: 1, max: 1e6 })), {
    maxLength: 5,
  }).map((kv) => new Map(kv));
  const docs = fc.array(fc.tuple(article, fc.option(fc.string())), { maxLength: 6 }).map(
    (rows): DocumentTermCounts => ({
      by: "outlet",
      group: rows.map(([, g]) => g),
      stratum: rows.map(() => ""),
      counts: rows.map(([m]) => m),
    }),
  );
  fc.assert(
    fc.property(docs, docs, (a, b) => {
      const merged = new MergedDocumentCounts();
      // Through Parquet, as a slice's part is written and read.
      for (const d of [a, b]) {
        const path = Deno.makeTempFileSync({ suffix: ".parquet" });
        documentCountsFrame(d).writeParquet(path);
        merged.add(pl.readParquet(path));
        Deno.removeSync(path);
      }
      const got = merged.counts();
      assert.deepEqual(got.group, [...a.group, ...b.group]);
      assert.deepEqual(
        got.counts.map((m) => [...m]),
        [...a.counts, ...b.counts].map((m) => [...m]),
      );
    }),
    { numRuns: 60 },
  );
});
