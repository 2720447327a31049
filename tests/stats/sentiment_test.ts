import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  mentionsByName,
  sentenceSentiment,
  sentimentByEntity,
  sentimentByGroup,
  sentimentFrame,
} from "../../src/stats/sentiment.ts";
import { SEED, seedAnalysis } from "../seeds.ts";
import { analysisOf, rowsOf } from "./helpers.ts";

const row = (df: pl.DataFrame, id: string) =>
  rowsOf(df.filter(pl.col("sentence_id").eq(pl.lit(id))))[0];

Deno.test("sentiment: natural's AFINN score, and its crude negation, sentence by sentence", () => {
  // AFINN: good +3, bad −3. After "not" every later word is flipped: −3 + 3 = 0.
  const df = sentimentFrame(
    sentenceSentiment(analysisOf(["This is not good and bad. A good day."])),
  );
  assert.deepEqual(rowsOf(df.select("n_words", "score", "afinn_sum", "n_hits", "negated")), [
    { n_words: 6, score: 0, afinn_sum: 0, n_hits: 2, negated: true },
    { n_words: 3, score: 1, afinn_sum: 3, n_hits: 1, negated: false },
  ]);
});

Deno.test("sentiment on the seeds: two 002 sentences checked word by word", async () => {
  const a = await seedAnalysis();
  const df = sentimentFrame(sentenceSentiment(a));
  assert.equal(df.height, a.sentences.length);
  // 002:5: respect +2, interests +1, willingness +2, increased +1, pressure −1, illegitimate −3.
  assert.deepEqual(row(df, `${SEED.globalNews2023}:5`), {
    article_id: SEED.globalNews2023,
    outlet: "Global News",
    sentence_id: `${SEED.globalNews2023}:5`,
    n_words: 39,
    score: 2 / 39,
    afinn_sum: 2,
    n_hits: 6,
    negated: false,
  });
  // 002:11: dear +2, friend +1, committed +1, then "no borders" flips the rest, so "attack" (−1)
  // counts +1: the attack on Ukraine raises the score. This is the crudeness the docs warn of.
  const smo = row(df, `${SEED.globalNews2023}:11`);
  assert.equal(smo.afinn_sum, 5);
  assert.equal(smo.n_hits, 4);
  assert.equal(smo.negated, true);
});

Deno.test("sentiment rolled up per outlet and per entity named in the sentence", () => {
  // a0 (X): "Xi praised the good deal." +3 +3 over 5 words; "Putin attacked." −1 over 2;
  // "Xi and Putin failed." −2 over 4. a1 (Y): "Xi, Xi and Xi are happy." +3 over 6.
  const a = analysisOf(
    ["Xi praised the good deal. Putin attacked. Xi and Putin failed.", "Xi, Xi and Xi are happy."],
    ["X", "Y"],
  );
  const s = sentenceSentiment(a);
  assert.deepEqual(s.afinnSum, [6, -1, -2, 3]);
  assert.deepEqual(rowsOf(sentimentByGroup(s, a.articles)), [
    {
      outlet: "X",
      sentences: 3,
      words: 11,
      afinn_sum: 3,
      mean_score: (6 / 5 + -1 / 2 + -2 / 4) / 3,
      per_100_words: (3 / 11) * 100,
      positive: 1,
      negative: 2,
      negated: 0,
    },
    {
      outlet: "Y",
      sentences: 1,
      words: 6,
      afinn_sum: 3,
      mean_score: 0.5,
      per_100_words: 50,
      positive: 1,
      negative: 0,
      negated: 0,
    },
  ]);
  const mentions = mentionsByName(a, {
    "Xi Jinping": ["xi", "xi jinping"],
    "Vladimir Putin": ["putin"],
  });
  assert.equal(mentions.length, 7); // a0: Xi, Putin, Xi, Putin; a1: Xi three times
  const byEntity = sentimentByEntity(s, a.articles, mentions);
  assert.deepEqual(
    rowsOf(byEntity.select("entity", "outlet", "sentences", "words", "afinn_sum", "mean_score")),
    [
      {
        entity: "Vladimir Putin",
        outlet: "X",
        sentences: 2,
        words: 6,
        afinn_sum: -3,
        mean_score: -0.5,
      },
      {
        entity: "Xi Jinping",
        outlet: "X",
        sentences: 2,
        words: 9,
        afinn_sum: 4,
        mean_score: (1.2 - 0.5) / 2,
      },
      // Three mentions in one sentence count that sentence once.
      { entity: "Xi Jinping", outlet: "Y", sentences: 1, words: 6, afinn_sum: 3, mean_score: 0.5 },
    ],
  );
  // An entities frame (sentence_id, entity) works as well as mention records.
  const frame = pl.DataFrame({
    sentence_id: mentions.map((m) => m.sentenceId),
    entity: mentions.map((m) => m.entity),
  });
  assert.deepEqual(rowsOf(sentimentByEntity(s, a.articles, frame)), rowsOf(byEntity));
});
