import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { alignSentences } from "../../../src/stats/reuse/align.ts";
import {
  coverageFrame,
  itemCoverage,
  itemKey,
  itemsFromFrame,
  quoteCoverage,
  sentenceCoverage,
} from "../../../src/stats/reuse/coverage.ts";
import { ReuseError } from "../../../src/stats/reuse/errors.ts";
import { SEED, seedAnalysis } from "../../seeds.ts";
import { sharedArticlesOf, short } from "./fixtures.ts";

Deno.test("seeds: sentences found in no other article, per article", async () => {
  const analysis = await seedAnalysis();
  const coverage = sentenceCoverage(alignSentences(analysis), analysis.sentences);
  const unique: Record<string, string[]> = {};
  coverage.item.forEach((id, i) => {
    if (coverage.sharedWith[i]) return;
    (unique[short(id).slice(0, 3)] ??= []).push(short(id).slice(4));
  });
  assert.deepEqual(unique, {
    "000": ["0", "1", "2", "3", "4", "5", "6", "7", "9"], // joint communique, UN, Trump: only here
    "001": ["0", "1", "3", "4", "5"],
    "002": Array.from({ length: 19 }, (_, i) => String(i)), // the 2023 visit: all its own
    "003": ["1", "2", "3", "4", "5", "6", "7", "10", "11", "12", "13", "15", "16", "17"],
    "004": ["0", "1", "2", "6", "8", "11", "13"],
  });
  // The record $240 billion trade in 2023 is told only by 004 (its sentence 8).
  const at = coverage.item.findIndex((id) => short(id) === "004:8");
  assert.match(String(coverage.label[at]), /record \$240 billion in 2023/);
  assert.equal(coverage.sharedWith[at], 0);
  assert.deepEqual(sharedArticlesOf(coverage, at), []);
  // The oil-purchase sentence of 003 is in every 2025 article.
  const oil = coverage.item.findIndex((id) => short(id) === "003:14");
  assert.deepEqual(
    sharedArticlesOf(coverage, oil).map(short),
    [
      "000",
      "001",
      "004",
    ].map((n) => short(analysis.articles.find((a) => a.id.startsWith(n))!.id)),
  );
});

Deno.test("keyed items: the same key after trimming and case, with whom it is shared", () => {
  assert.equal(itemKey("  Steve   TSANG "), "steve tsang");
  const entities = pl.DataFrame({
    article_id: ["002", "002", "000", "001", "004", "002", "003"],
    entity: [
      "Steve Tsang",
      "Vladimir Putin",
      "Vladimir Putin",
      "vladimir putin",
      "Rosneft",
      "Steve  Tsang",
      "Rosneft",
    ],
    type: ["PERSON", "PERSON", "PERSON", "PERSON", "ORG", "PERSON", "ORG"],
  });
  const c = itemCoverage("entity", itemsFromFrame(entities, { item: "entity" }));
  assert.deepEqual(
    c.item.map((item, i) =>
      `${c.articleId[i]} ${item} ×${c.n[i]} → ${sharedArticlesOf(c, i).join(",")}`
    ),
    [
      "002 Steve Tsang ×2 → ",
      "002 Vladimir Putin ×1 → 000,001",
      "000 Vladimir Putin ×1 → 002,001",
      "001 vladimir putin ×1 → 002,000",
      "004 Rosneft ×1 → 003",
      "003 Rosneft ×1 → 004",
    ],
  );
  const frame = coverageFrame(c);
  assert.deepEqual(frame.columns, [
    "article_id",
    "kind",
    "item",
    "key",
    "label",
    "n",
    "shared_with",
    "unique",
  ]);
  assert.deepEqual(frame.getColumn("shared_with").toArray(), [0, 2, 2, 2, 1, 1]);
  assert.deepEqual(frame.getColumn("unique").toArray(), [true, false, false, false, false, false]);
  assert.equal(String(frame.getColumn("n").dtype), "DataType(Int32)");
});

Deno.test("keyed items from several columns, with a label column", () => {
  const figures = pl.DataFrame({
    article_id: ["004", "003", "000"],
    kind: ["money", "quantity", "quantity"],
    value: [240e9, 50e9, 50e9],
    unit: ["USD", "cubic_metre", "cubic_metre"],
    text: ["$240 billion", "50 billion cubic metres", "50bn cubic metres"],
  });
  const items = itemsFromFrame(figures, { item: ["kind", "value", "unit"], label: "text" });
  assert.deepEqual(items.item, [
    "money | 240000000000 | USD",
    "quantity | 50000000000 | cubic_metre",
    "quantity | 50000000000 | cubic_metre",
  ]);
  const c = itemCoverage("figure", items);
  assert.deepEqual(c.sharedWith, [0, 1, 1]);
  assert.deepEqual(c.item.map((_, i) => sharedArticlesOf(c, i)), [[], ["000"], ["003"]]);
  assert.deepEqual(c.label, ["$240 billion", "50 billion cubic metres", "50bn cubic metres"]);
});

Deno.test("bad input: a missing column is named, with the columns there are", () => {
  const frame = pl.DataFrame({ article_id: ["a"], name: ["x"] });
  assert.throws(
    () => itemsFromFrame(frame, { item: "entity" }),
    new ReuseError('frame has no column "entity" (it has article_id, name)'),
  );
  assert.throws(
    () => itemCoverage("entity", { article: ["a", "b"], item: ["x"] }),
    new ReuseError("coverage of entity: item columns differ in length"),
  );
});

Deno.test("seeds: a partial quote is shared with the article that quotes the whole sentence", async () => {
  const analysis = await seedAnalysis();
  const alignment = alignSentences(analysis);
  const quotes = {
    article: [
      SEED.rewrite004,
      SEED.rewrite004,
      SEED.rewrite004,
      SEED.reuters2025,
      SEED.reutersHangzhou,
    ],
    item: [
      "turbulent external environment", // in 000:10's direct quote
      "respond appropriately to external challenges", // 001 says "appropriate response": not it
      "in all spheres", // in 001:14, unquoted there
      "turbulent", // one word: matched against other quotes only
      "external", // one word, no other quote "external"
    ],
  };
  const c = quoteCoverage(alignment, quotes, analysis.articles);
  assert.deepEqual(c.sharedWith, [1, 0, 1, 0, 0]);
  assert.deepEqual(c.item.map((_, i) => sharedArticlesOf(c, i).map(short)), [
    ["000"],
    [],
    ["001"],
    [],
    [],
  ]);
  // With one-word quotes searched too, "turbulent" is in 001 and 004, "external" in four.
  const loose = quoteCoverage(alignment, quotes, analysis.articles, 1);
  assert.deepEqual(loose.sharedWith.slice(3), [2, 3]);
  assert.deepEqual([3, 4].map((i) => sharedArticlesOf(loose, i).map(short)), [
    ["001", "004"],
    ["000", "001", "004"],
  ]);
});
