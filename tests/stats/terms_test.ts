import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { groupTermCounts, groupTermsFrame } from "../../src/stats/outlet_terms.ts";
import { countTerms, ngramOrder, resolveTermOptions, termsFrame } from "../../src/stats/terms.ts";
import { SEED, seedAnalysis } from "../seeds.ts";
import { analysisOf, lookup, rowsOf } from "./helpers.ts";

const LN2 = Math.log(2);

// a0: "Western sanctions hit." / "Sanctions on oil."  a1: "Oil prices rose."
// "on" is a stopword; "hit", "oil", "prices", "rose" are not.
const small = () => analysisOf(["Western sanctions hit. Sanctions on oil.", "Oil prices rose."]);

Deno.test("terms: tf, df, idf and tf_idf by tidytext's convention, checked by hand", () => {
  const a = small();
  assert.equal(a.sentences.length, 3);
  const df = termsFrame(countTerms(a));
  const a0 = df.filter(pl.col("article_id").eq(pl.lit("a0")));
  // a0 keeps western, sanctions ×2, hit, oil: 5 unigrams; bigrams: western sanctions, sanctions hit.
  assert.deepEqual(rowsOf(a0.select("term", "ngram", "n", "df")), [
    // by n-gram order, n descending, then first appearance
    { term: "sanctions", ngram: 1, n: 2, df: 1 },
    { term: "western", ngram: 1, n: 1, df: 1 },
    { term: "hit", ngram: 1, n: 1, df: 1 },
    { term: "oil", ngram: 1, n: 1, df: 2 },
    { term: "western sanctions", ngram: 2, n: 1, df: 1 },
    { term: "sanctions hit", ngram: 2, n: 1, df: 1 },
  ]);
  const tf = lookup(a0, "term", "tf");
  const idf = lookup(a0, "term", "idf");
  const tfIdf = lookup(a0, "term", "tf_idf");
  assert.equal(tf.get("sanctions"), 2 / 5);
  assert.equal(idf.get("sanctions"), LN2);
  assert.equal(tfIdf.get("sanctions"), (2 / 5) * LN2);
  assert.equal(tf.get("western sanctions"), 1 / 2); // over the article's 2 bigrams
  assert.equal(idf.get("oil"), 0); // in both articles: ln(2/2)
  assert.equal(tfIdf.get("oil"), 0);
  assert.deepEqual(df.dtypes.map(String), [
    "DataType(String)",
    "DataType(String)",
    "DataType(String)",
    "DataType(Int32)",
    "DataType(Int32)",
    "DataType(Float64)",
    "DataType(Int32)",
    "DataType(Float64)",
    "DataType(Float64)",
  ]);
});

Deno.test("terms: n-grams cross neither a sentence boundary nor a removed stopword", () => {
  const counts = countTerms(small()).counts[0];
  assert.equal(counts.get("hit sanctions"), undefined); // sentence boundary
  assert.equal(counts.get("sanctions oil"), undefined); // "on" removed between them
  const kept = countTerms(small(), { stopwords: "keep", ngrams: [2, 3] }).counts[0];
  assert.equal(kept.get("sanctions on"), 1);
  assert.equal(kept.get("sanctions on oil"), 1);
  assert.equal(kept.get("hit sanctions"), undefined);
});

Deno.test("terms: stems, custom stopwords, minCount and option errors", () => {
  const stems = countTerms(small(), { form: "stem", ngrams: [1] }).counts[0];
  assert.equal(stems.get("sanction"), 2);
  assert.equal(stems.get("western"), 1);
  const custom = countTerms(small(), { stopwords: new Set(["oil"]), ngrams: [1] }).counts[0];
  assert.equal(custom.get("on"), 1);
  assert.equal(custom.get("oil"), undefined);
  const frequent = termsFrame(countTerms(small(), { ngrams: [1], minCount: 2 }));
  assert.deepEqual(frequent.getColumn("term").toArray(), ["sanctions", "oil", "oil"]);
  // minCount filters rows only: tf keeps the article's full denominator.
  assert.equal(frequent.getColumn("tf").get(0), 2 / 5);
  assert.throws(() => resolveTermOptions({ ngrams: [0] }), /ngrams must be whole numbers/);
  assert.throws(() => resolveTermOptions({ minCount: 0 }), /minCount must be 1 or more/);
  assert.equal(ngramOrder("no limits partnership"), 3);
});

Deno.test("terms on the seeds: unigram counts add up to the kept tokens of each article", async () => {
  const a = await seedAnalysis();
  const counts = countTerms(a, { ngrams: [1] });
  a.articles.forEach((article, i) => {
    let kept = 0;
    let words = 0;
    for (let t = 0; t < a.tokens.length; t++) {
      if (a.tokens.articleId[t] !== article.id) continue;
      words++;
      if (!a.tokens.isStop[t]) kept++;
    }
    let sum = 0;
    for (const n of counts.counts[i].values()) sum += n;
    assert.equal(sum, kept);
    assert.equal(counts.totals[0][i], kept);
    assert.equal(counts.words[i], words);
  });
  // 002 alone names Steve Tsang: df 1, idf ln 5.
  const terms = termsFrame(counts).filter(pl.col("term").eq(pl.lit("tsang")));
  assert.deepEqual(rowsOf(terms.select("article_id", "n", "df")), [
    { article_id: SEED.globalNews2023, n: 2, df: 1 },
  ]);
  assert.equal(terms.getColumn("idf").get(0), Math.log(5));
});

Deno.test("outlet_terms: counts and rates per 1,000 words by outlet or any field", () => {
  const a = analysisOf(
    ["Western sanctions hit. Sanctions on oil.", "Oil prices rose.", "Oil again."],
    ["X", "Y", "Y"],
    [{ party: "left" }, { party: "right" }, {}],
  );
  const byOutlet = groupTermsFrame(groupTermCounts(countTerms(a, { ngrams: [1] })));
  const y = byOutlet.filter(pl.col("outlet").eq(pl.lit("Y")));
  // Y has 5 words (oil prices rose oil again); "again" is a stopword, so 4 kept; "oil" twice.
  assert.deepEqual(rowsOf(y.head(1)), [
    { outlet: "Y", term: "oil", ngram: 1, n: 2, share: 2 / 4, per_1000: 400 },
  ]);
  // X: 6 words with the stopword "on"; 5 kept.
  const x = lookup(byOutlet.filter(pl.col("outlet").eq(pl.lit("X"))), "term", "per_1000");
  assert.equal(x.get("sanctions"), (2 / 6) * 1000);
  const byParty = groupTermCounts(countTerms(a, { ngrams: [1] }), "party");
  assert.deepEqual(byParty.groups, ["left", "right"]); // the article without a party is left out
  assert.deepEqual(byParty.articles, [1, 1]);
  assert.throws(
    () => groupTermCounts(countTerms(a), "partei"),
    /no article has a value for the field "partei"; fields available: .*party/,
  );
});
