import assert from "node:assert/strict";
import { analyzeArticles } from "../../src/pipeline.ts";
import type { Article } from "../../src/corpus/article.ts";
import { groupTermCounts, mergeGroupTermCounts } from "../../src/stats/outlet_terms.ts";
import {
  countTerms,
  finishTerms,
  mergeTermTally,
  termLookup,
  termsFrame,
  termTally,
} from "../../src/stats/terms.ts";

const article = (id: string, outlet: string, text: string): Article => ({
  id,
  text,
  outlet,
  title: null,
  published: null,
  url: null,
  meta: {},
  source: "test",
});

// Three outlets; "Zeta" only in the first batch and "Alpha" only in the second, so merging must
// put the groups in sorted order and keep each group's terms in order of first appearance.
const FIRST = [
  article("a", "Zeta", "Sanctions hit trade. Sanctions hit oil."),
  article("b", "Mid", "Trade grew. Oil prices fell."),
];
const SECOND = [
  article("c", "Alpha", "Oil and gas. Sanctions again."),
  article("d", "Mid", "Gas prices rose. Trade grew again."),
];

Deno.test("group counts of two batches merge into the counts of both at once", () => {
  const options = { ngrams: [1, 2] };
  const whole = groupTermCounts(countTerms(analyzeArticles([...FIRST, ...SECOND]), options));
  const merged = mergeGroupTermCounts(
    groupTermCounts(countTerms(analyzeArticles(FIRST), options)),
    groupTermCounts(countTerms(analyzeArticles(SECOND), options)),
  );
  assert.deepEqual(merged.groups, ["Alpha", "Mid", "Zeta"]);
  assert.deepEqual(merged.words, whole.words);
  assert.deepEqual(merged.articles, [1, 2, 1]);
  assert.deepEqual(merged.totals, whole.totals);
  merged.counts.forEach((m, g) => assert.deepEqual([...m], [...whole.counts[g]], merged.groups[g]));
});

Deno.test("terms of a batch, finished with the corpus tally, are the corpus's terms", () => {
  // minCount 2 is corpus-wide: "grew" is once in each batch and must be kept in both.
  const options = { ngrams: [1, 2], minCount: 2 };
  const whole = termsFrame(countTerms(analyzeArticles([...FIRST, ...SECOND]), options));
  const counts = [FIRST, SECOND].map((b) => countTerms(analyzeArticles(b), options));
  const tally = mergeTermTally(termTally(counts[0]), termTally(counts[1]));
  assert.equal(tally.articles, 4);
  assert.equal(tally.df.get("grew"), 2);
  const corpus = termLookup(tally);
  const finished = counts.map((c) =>
    finishTerms(termsFrame(c, { minCount: 1 }).lazy(), corpus, 2).collectSync()
  );
  const joined = finished[0].vstack(finished[1]);
  assert.ok(joined.frameEqual(whole), `${joined}\n${whole}`);
  assert.ok(joined.getColumn("term").toArray().includes("grew"));
  assert.ok(!joined.getColumn("term").toArray().includes("fell"));
});
