/**
 * Entities corrected by the words around them, on sentences of real market and sport news (not
 * the seeds): a company where only a company can be ("shares of Delta"), and a common word that
 * opens a sentence glued on the name after it ("Rival United Airlines").
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Article } from "../../src/corpus/article.ts";
import { extractCorpus } from "../../src/extract/extract.ts";
import { DEFAULT_CUES } from "../../src/extract/cues.ts";
import { type EntityMention, LEXICON_PLACES } from "../../src/extract/entities.ts";
import { trimOpeners } from "../../src/extract/entities/contexts.ts";
import { analyzeArticles } from "../../src/pipeline.ts";
import { articleOf, extractText } from "./helpers.ts";

/** "text|type" of every mention, with the shipped model and lists. */
const rows = (text: string) => extractText(text).entities.map((e) => `${e.text}|${e.type}`);

Deno.test("entities: shares of a name make it a company, not a place or a person", () => {
  assert.deepEqual(rows("Shares of Delta rose 3%."), ["Delta|ORG"]);
  assert.deepEqual(rows("Shares of Ford rose 3%."), ["Ford|ORG"]);
  // The article's other mentions of the name follow.
  assert.deepEqual(rows("Shares of Delta rose 3%. Delta said demand was strong."), [
    "Delta|ORG",
    "Delta|ORG",
  ]);
  // A country's shares are its market, and a place before "-based" is where the company is.
  assert.deepEqual(rows("Shares of Dallas-based Texas Instruments fell."), [
    "Dallas|GPE",
    "Texas Instruments|ORG",
  ]);
  assert.deepEqual(rows("China's shares fell on Monday."), ["China|GPE"]);
});

/** Articles of one corpus, with their own ids. */
function corpusOf(texts: Record<string, string>): EntityMention[] {
  const articles: Article[] = Object.entries(texts).map(([id, text]) => ({
    ...articleOf(text),
    id,
    outlet: id,
  }));
  return extractCorpus(analyzeArticles(articles)).entities;
}

Deno.test("entities: a common word opening a sentence is no part of the name after it", () => {
  // Reuters, CNBC and the FT on Delta's results (fresh2 business corpus), one paragraph each.
  const entities = corpusOf({
    reuters: "Rival United Airlines is scheduled to report results next week. Analysts at " +
      'JPMorgan said in a note that Delta\'s results "set a high bar" for the rest of the sector.',
    cnbc: "Shares of American Airlines and United Airlines also gained, rising 3.4% and 2.8%, " +
      "respectively.",
    ft: "Delta Air Lines reported a 3.1 per cent rise in third-quarter revenue to a record " +
      "$15.7bn, as well-off travellers paying for premium seats helped the US carrier " +
      "outperform rivals squeezed by weak demand for cheap domestic fares.",
  });
  const reuters = entities.filter((e) => e.articleId === "reuters");
  assert.deepEqual(reuters.map((e) => `${e.text}|${e.entity}|${e.type}|${e.start}`), [
    "United Airlines|United Airlines|ORG|6",
    "JPMorgan|JPMorgan Chase|ORG|76",
    "Delta|Delta|ORG|105",
  ]);
  // AP's "Chelsea: Hosts Manchester City on Sunday." after a colon, "the hosts" in the article.
  assert.deepEqual(
    corpusOf({
      ap:
        "Goalkeeper David Raya made four saves for the hosts. Manchester City beat Brighton.\n\n" +
        "Chelsea: Hosts Manchester City on Sunday.",
    }).filter((e) => e.text.includes("City")).map((e) => `${e.text}|${e.start}`),
    ["Manchester City|53", "Manchester City|100"],
  );
});

Deno.test("entities: an opening word written capitalised inside a sentence stays in the name", () => {
  // "North" is capitalised mid-sentence ("in North Korea"), so "North Korea" keeps it, even
  // with "north" in lower case and "Korea" named alone.
  const entities = corpusOf({
    a: "North Korea fired a missile on Monday. Officials in North Korea and Korea's south " +
      "agreed. It flew north.",
  });
  assert.ok(entities.some((e) => e.text === "North Korea" && e.start === 0));
});

/** A model mention of `text` at `start` of article "a". */
const mention = (text: string, start: number): EntityMention => ({
  articleId: "a",
  outlet: "a",
  sentenceId: "a:0",
  text,
  entity: text,
  type: "ORG",
  role: null,
  metonymy: false,
  media: false,
  source: "model",
  confidence: 0.9,
  start,
  end: start + text.length,
});

Deno.test("trimOpeners: a trimmed mention ends where it did and starts at its rest", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("Rival", "Budget", "Hosts"),
      fc.constantFrom("Acme Air", "Zeta Bank Group"),
      fc.constantFrom("\n\n", ". ", ': "'),
      (word, rest, opener) => {
        const head = `The ${word.toLowerCase()} spoke.${opener}`;
        const text = `${head}${word} ${rest} grew. Then ${rest} fell.`;
        const glued = mention(`${word} ${rest}`, head.length);
        const alone = mention(rest, text.lastIndexOf(rest));
        trimOpeners([glued, alone], new Map([["a", text]]), LEXICON_PLACES, DEFAULT_CUES);
        assert.equal(glued.text, rest);
        assert.equal(text.slice(glued.start, glued.end), rest);
        // Capitalised inside a sentence too: a name's word, kept.
        const named = `${head}${word} ${rest} grew. Then ${word} ${rest} and ${rest} fell.`;
        const kept = mention(`${word} ${rest}`, head.length);
        const other = mention(rest, named.lastIndexOf(rest));
        trimOpeners([kept, other], new Map([["a", named]]), LEXICON_PLACES, DEFAULT_CUES);
        assert.equal(kept.text, `${word} ${rest}`);
      },
    ),
  );
});

Deno.test("entities: a one-word person where only a place can be is a place; a storm's name alone is the storm", () => {
  // The BBC on Typhoon Kalmaegi (fresh2 weather corpus), four of its paragraphs.
  const text = [
    "At least 42 people have been killed after Typhoon Kalmaegi brought devastating floods to " +
    "the central Philippines, officials say.",
    "The Philippine weather agency, Pagasa, said some parts of Cebu received about 300mm of " +
    "rain in 24 hours, more than the average for the whole of November.",
    "The typhoon comes weeks after a magnitude 6.9 earthquake struck northern Cebu, killing 74 " +
    "people, and many families were still living in tents.",
    "Kalmaegi, known locally as Tino, is expected to reach Vietnam by the weekend.",
  ].join("\n\n");
  assert.deepEqual(rows(text).filter((r) => /Cebu|Kalmaegi/.test(r)), [
    "Typhoon Kalmaegi|EVENT",
    "Cebu|LOC",
    "Cebu|LOC",
    "Kalmaegi|EVENT",
  ]);
  // A person of the article with that surname keeps the one-word mentions people.
  assert.deepEqual(rows("Helen Jordan spoke on Monday. Jordan said parts of Jordan were safe."), [
    "Helen Jordan|PERSON",
    "Jordan|PERSON",
    "Jordan|PERSON",
  ]);
});
