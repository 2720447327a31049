import assert from "node:assert/strict";
import fc from "fast-check";
import { formOf, lowerForm, stemOf, STOPWORDS, tokenize } from "../../src/text/tokens.ts";
import { SEED, seedAnalysis } from "../seeds.ts";

Deno.test("hyphenated words stay whole, possessives lose their clitic, dashes separate", () => {
  assert.deepEqual(
    tokenize(
      "Russia’s “no-limits” U.S.–China year-on-year talks, Moscow's bid; countries’ G7 3.8% $1,000 don’t",
    ).map((t) => t.token),
    [
      "Russia",
      "no-limits",
      "U.S.",
      "China",
      "year-on-year",
      "talks",
      "Moscow",
      "bid",
      "countries",
      "G7",
      "3.8",
      "1,000",
      "don’t",
    ],
  );
});

Deno.test("lower form, Porter stem and the stopword flag", () => {
  assert.equal(lowerForm("Don’t"), "don't");
  assert.deepEqual(
    ["sanctions", "relations", "no-limits", "u.s.", "3.8", "cooperation"].map(stemOf),
    [
      "sanction",
      "relat",
      "no-limit",
      "u.s.",
      "3.8",
      "cooper",
    ],
  );
  assert.ok(STOPWORDS.has("the") && STOPWORDS.has("its") && STOPWORDS.has("said"));
  assert.ok(!STOPWORDS.has("sanctions") && !STOPWORDS.has("not"));
});

Deno.test("seed tokens: counts per article and offsets that slice back to the token", async () => {
  const { articles, tokens } = await seedAnalysis();
  const text = new Map(articles.map((a) => [a.id, a.text]));
  const perArticle: Record<string, number> = {};
  for (let i = 0; i < tokens.length; i++) {
    assert.equal(
      text.get(tokens.articleId[i])!.slice(tokens.start[i], tokens.end[i]),
      tokens.token[i],
    );
    perArticle[tokens.articleId[i]] = (perArticle[tokens.articleId[i]] ?? 0) + 1;
  }
  assert.deepEqual(perArticle, {
    [SEED.reuters2025]: 506,
    [SEED.rewrite001]: 362,
    [SEED.globalNews2023]: 585,
    [SEED.reutersHangzhou]: 438,
    [SEED.rewrite004]: 334,
  });
});

Deno.test("seed tokens of the first sentence of 000, with stems, stopwords and positions", async () => {
  const { tokens } = await seedAnalysis();
  const rows = [];
  for (let i = 0; i < 12; i++) {
    rows.push([
      tokens.sentenceId[i],
      tokens.position[i],
      tokens.token[i],
      tokens.stem[i],
      tokens.isStop[i] === 1,
    ]);
  }
  const sid = `${SEED.reuters2025}:0`;
  assert.deepEqual(rows, [
    [sid, 0, "China", "china", false],
    [sid, 1, "and", "and", true],
    [sid, 2, "Russia", "russia", false],
    [sid, 3, "pledged", "pledg", false],
    [sid, 4, "a", "a", true],
    [sid, 5, "joint", "joint", false],
    [sid, 6, "response", "respons", false],
    [sid, 7, "to", "to", true],
    [sid, 8, "unilateral", "unilater", false],
    [sid, 9, "sanctions", "sanction", false],
    [sid, 10, "during", "dure", true],
    [sid, 11, "a", "a", true],
  ]);
});

Deno.test("property: any string tokenizes without throwing, offsets slice back, spans ordered", () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 100 }),
      (a, b) => {
        for (const text of [a, b, `${a}’s ${b}-x`]) {
          let last = 0;
          for (const t of tokenize(text)) {
            assert.equal(text.slice(t.start, t.end), t.token);
            assert.ok(t.start >= last && t.end > t.start);
            last = t.end;
          }
        }
      },
    ),
    { numRuns: 500 },
  );
});

Deno.test("formOf: lower form, stem and stopword flag of a surface form, cached", () => {
  assert.deepEqual(formOf("Sanctions"), { lower: "sanctions", stem: "sanction", isStop: false });
  assert.deepEqual(formOf("Its"), { lower: "its", stem: "it", isStop: true });
  assert.equal(formOf("Don’t").lower, "don't");
  assert.equal(formOf("Sanctions"), formOf("Sanctions"), "the same record from the cache");
});
