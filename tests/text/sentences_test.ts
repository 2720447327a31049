import assert from "node:assert/strict";
import fc from "fast-check";
import { splitSentences } from "../../src/text/sentences.ts";
import { SEED, seedAnalysis } from "../seeds.ts";

const expected: { articles: Record<string, string[]> } = JSON.parse(
  await Deno.readTextFile("tests/fixtures/seed_sentences.json"),
);

Deno.test("sentence counts of the five seeds", async () => {
  const { sentences } = await seedAnalysis();
  const counts: Record<string, number> = {};
  for (const s of sentences) counts[s.articleId] = (counts[s.articleId] ?? 0) + 1;
  assert.deepEqual(counts, {
    [SEED.reuters2025]: 19,
    [SEED.rewrite001]: 16,
    [SEED.globalNews2023]: 19,
    [SEED.reutersHangzhou]: 18,
    [SEED.rewrite004]: 14,
  });
});

Deno.test("every sentence boundary of every seed, as checked by hand", async () => {
  const { sentences } = await seedAnalysis();
  for (const [id, texts] of Object.entries(expected.articles)) {
    assert.deepEqual(sentences.filter((s) => s.articleId === id).map((s) => s.text), texts, id);
  }
});

Deno.test("headline and subhead sentences of the seeds are typed", async () => {
  const { sentences } = await seedAnalysis();
  const kinds = (id: string) =>
    sentences.filter((s) => s.articleId === id).map((s) => s.kind[0]).join("");
  assert.equal(kinds(SEED.reuters2025), "bbbbbbbsbbbbbbsbbbb");
  assert.equal(kinds(SEED.rewrite001), "hbbbbbbbbbbbbbbb");
  assert.equal(kinds(SEED.reutersHangzhou), "bbbsbbbbbbbsbbbbbb");
  assert.equal(kinds(SEED.rewrite004), "hbbbbbbbbbbbbb");
});

Deno.test("sentence offsets slice the clean text back to the sentence", async () => {
  const { articles, sentences } = await seedAnalysis();
  const text = new Map(articles.map((a) => [a.id, a.text]));
  for (const s of sentences) assert.equal(text.get(s.articleId)!.slice(s.start, s.end), s.text);
});

const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

Deno.test("abbreviations, initials and decimals do not end sentences", () => {
  assert.deepEqual(split("U.S. President Donald Trump spoke. He left."), [
    "U.S. President Donald Trump spoke.",
    "He left.",
  ]);
  assert.deepEqual(split("Mr. Li met Dr. Wang on Jan. 5 in Beijing. They talked."), [
    "Mr. Li met Dr. Wang on Jan. 5 in Beijing.",
    "They talked.",
  ]);
  assert.deepEqual(split("George W. Bush met Gen. Smith. They spoke."), [
    "George W. Bush met Gen. Smith.",
    "They spoke.",
  ]);
  assert.deepEqual(split("Imports rose 3.8% in September. Exports fell 17.8%."), [
    "Imports rose 3.8% in September.",
    "Exports fell 17.8%.",
  ]);
  assert.deepEqual(split("The U.N. said so. It met in the U.S. on Friday."), [
    "The U.N. said so.",
    "It met in the U.S. on Friday.",
  ]);
});

Deno.test("an acronym ends a sentence when a sentence opener follows", () => {
  assert.deepEqual(split("Beijing criticised the U.S. The ministry said so."), [
    "Beijing criticised the U.S.",
    "The ministry said so.",
  ]);
});

Deno.test("closing quotes stay with their sentence; a quote's ? before its speech tag does not split", () => {
  assert.deepEqual(split("“We will win.” He left. “They will lose,” he said."), [
    "“We will win.”",
    "He left.",
    "“They will lose,” he said.",
  ]);
  assert.deepEqual(split("“Why now?” Xi asked. Nobody answered!"), [
    "“Why now?” Xi asked.",
    "Nobody answered!",
  ]);
  assert.deepEqual(split('He said "no." Then he left.'), ['He said "no."', "Then he left."]);
  assert.deepEqual(split("It was over… The end."), ["It was over…", "The end."]);
});

Deno.test("dashes and lower-case continuations do not split", () => {
  assert.deepEqual(
    split("Mishustin – the highest-ranking official – held talks. done. Next one."),
    [
      "Mishustin – the highest-ranking official – held talks. done.",
      "Next one.",
    ],
  );
});

Deno.test("property: spans are ordered, trimmed, non-empty and cover every non-space character", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(..."ab A.B?!” “\"' 3.1\n…–U.S.Mr."), maxLength: 200 }),
      (text) => {
        const spans = splitSentences(text);
        let last = 0;
        let covered = "";
        for (const s of spans) {
          assert.ok(s.start >= last && s.end > s.start && s.end <= text.length);
          const piece = text.slice(s.start, s.end);
          assert.equal(piece, piece.trim());
          assert.ok(text.slice(last, s.start).trim() === "", "nothing but space between sentences");
          covered += piece;
          last = s.end;
        }
        assert.equal(text.slice(last).trim(), "");
        assert.equal(covered.replace(/\s/g, ""), text.replace(/\s/g, ""));
      },
    ),
    { numRuns: 500 },
  );
});
