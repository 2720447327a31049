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

Deno.test("sentiment: natural's AFINN score (tone afinn), and its crude negation", () => {
  // AFINN: good +3, bad −3. After "not" every later word is flipped: −3 + 3 = 0.
  const df = sentimentFrame(
    sentenceSentiment(analysisOf(["This is not good and bad. A good day."]), { tone: "afinn" }),
  );
  assert.deepEqual(rowsOf(df.select("tone", "n_words", "score", "sum", "n_hits", "negated")), [
    { tone: "afinn", n_words: 6, score: 0, sum: 0, n_hits: 2, negated: true },
    { tone: "afinn", n_words: 3, score: 1, sum: 3, n_hits: 1, negated: false },
  ]);
  // "didn't" is no negation to AFINN: "He didn't win the vote" scores win +4 over 5 words.
  const didnt = sentenceSentiment(analysisOf(["He didn't win the vote."]), { tone: "afinn" });
  assert.deepEqual([didnt.score[0], didnt.negated[0]], [4 / 5, false]);
});

Deno.test("sentiment: VADER by default, negation within three words", () => {
  const s = sentenceSentiment(
    analysisOf(["He didn't win the vote. This is not good and bad. The deal is good!"]),
  );
  assert.equal(s.tone, "vader");
  // win +2.8 × −0.74 → −0.4717. "not" reaches three words: good +1.9 → −1.406 and bad −2.5 →
  // +1.85, sum 0.444 → 0.1139 (the npm port agrees). good +1.9 and one "!" (+0.292) → 0.4926.
  assert.deepEqual(s.score.map((x) => Math.round(x * 1e4) / 1e4), [-0.4717, 0.1139, 0.4926]);
  assert.deepEqual(s.negated, [true, true, false]);
  assert.deepEqual(s.nHits, [1, 2, 1]);
});

Deno.test("sentiment on the seeds: two 002 sentences checked word by word", async () => {
  const a = await seedAnalysis();
  const df = sentimentFrame(sentenceSentiment(a, { tone: "afinn" }));
  assert.equal(df.height, a.sentences.length);
  // 002:5: respect +2, interests +1, willingness +2, increased +1, pressure −1, illegitimate −3.
  assert.deepEqual(row(df, `${SEED.globalNews2023}:5`), {
    article_id: SEED.globalNews2023,
    outlet: "Global News",
    sentence_id: `${SEED.globalNews2023}:5`,
    tone: "afinn",
    n_words: 39,
    score: 2 / 39,
    sum: 2,
    n_hits: 6,
    negated: false,
  });
  // 002:11: dear +2, friend +1, committed +1, then "no borders" flips the rest, so "attack" (−1)
  // counts +1: the attack on Ukraine raises the score. This is the crudeness the docs warn of.
  const smo = row(df, `${SEED.globalNews2023}:11`);
  assert.equal(smo.sum, 5);
  assert.equal(smo.n_hits, 4);
  assert.equal(smo.negated, true);
  // VADER keeps the negation to the three words after "no": "attack" stays negative there.
  const vader = row(sentimentFrame(sentenceSentiment(a)), `${SEED.globalNews2023}:11`);
  assert.equal(vader.tone, "vader");
});

Deno.test("sentiment rolled up per outlet and per entity named in the sentence", () => {
  // a0 (X): "Xi praised the good deal." +3 +3 over 5 words; "Putin attacked." −1 over 2;
  // "Xi and Putin failed." −2 over 4. a1 (Y): "Xi, Xi and Xi are happy." +3 over 6.
  const a = analysisOf(
    ["Xi praised the good deal. Putin attacked. Xi and Putin failed.", "Xi, Xi and Xi are happy."],
    ["X", "Y"],
  );
  const s = sentenceSentiment(a, { tone: "afinn" });
  assert.deepEqual(s.sum, [6, -1, -2, 3]);
  assert.deepEqual(rowsOf(sentimentByGroup(s, a.articles)), [
    {
      outlet: "X",
      sentences: 3,
      articles: 1,
      words: 11,
      sum: 3,
      mean_score: (6 / 5 + -1 / 2 + -2 / 4) / 3,
      per_100_words: (3 / 11) * 100,
      positive: 1,
      negative: 2,
      negated: 0,
    },
    {
      outlet: "Y",
      sentences: 1,
      articles: 1,
      words: 6,
      sum: 3,
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
    rowsOf(byEntity.select("entity", "outlet", "sentences", "words", "sum", "mean_score")),
    [
      {
        entity: "Vladimir Putin",
        outlet: "X",
        sentences: 2,
        words: 6,
        sum: -3,
        mean_score: -0.5,
      },
      {
        entity: "Xi Jinping",
        outlet: "X",
        sentences: 2,
        words: 9,
        sum: 4,
        mean_score: (1.2 - 0.5) / 2,
      },
      // Three mentions in one sentence count that sentence once.
      { entity: "Xi Jinping", outlet: "Y", sentences: 1, words: 6, sum: 3, mean_score: 0.5 },
    ],
  );
  // An entities frame (sentence_id, entity) works as well as mention records.
  const frame = pl.DataFrame({
    sentence_id: mentions.map((m) => m.sentenceId),
    entity: mentions.map((m) => m.entity),
  });
  assert.deepEqual(rowsOf(sentimentByEntity(s, a.articles, frame)), rowsOf(byEntity));
});
