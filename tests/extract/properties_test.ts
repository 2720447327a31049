import assert from "node:assert/strict";
import fc from "fast-check";
import type { CleanArticle } from "../../src/corpus/clean.ts";
import { extractArticle, extractCorpus } from "../../src/extract/extract.ts";
import { extractionFrames } from "../../src/extract/frames.ts";
import { analyzeArticles } from "../../src/pipeline.ts";
import { segmentArticles } from "../../src/text/segment.ts";
import { articleOf } from "./helpers.ts";

/** Pieces of news text that reach every branch: names, titles, quotes, numbers, units. */
const PIECES = [
  "Li",
  "Xi",
  "He",
  "Lifeng",
  "Qiang",
  "Premier",
  "Vice",
  "President",
  "Chinese",
  "Russian",
  "Beijing",
  "Moscow",
  "’s",
  "'s",
  "in",
  "said",
  "told",
  "says",
  "he",
  "it",
  "according",
  "to",
  "quoted",
  "as",
  "saying",
  "Reuters",
  "TASS",
  "CCTV",
  "joint communique",
  "“",
  "”",
  "‘",
  "’",
  '"',
  "$",
  "US",
  "240",
  "billion",
  "3.8",
  "%",
  "percent",
  "50",
  "cubic metres",
  "(bcm)",
  "per",
  "year",
  "tens of thousands of",
  "troops",
  "two",
  "-day",
  "seven",
  "months",
  "February",
  "2022",
  "May",
  "Tuesday",
  "second",
  "down",
  "rise",
  ",",
  ".",
  ":",
  "–",
  "-",
  "(",
  ")",
  "\n\n",
  "\n",
  " ",
  "  ",
  "Steve Tsang",
  ", director of",
  "Ministry of",
  "Trade",
  "U.S.",
  "UN",
  "Security Council",
  "government",
  "foreign ministry",
  "the",
  "a",
  // Pieces of the compound, crowd, age and abbreviation rules.
  "-member",
  "crowd of",
  "a couple of",
  "times",
  "-year-old",
  "per cent",
  "Oct 9 (Reuters) -",
  "US",
  "WHO",
  "ÉCLAT",
  "ß",
  "👍🏽",
  "\u0301",
];

const newsLike = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(" "));
const anyText = fc.oneof(newsLike, fc.string({ unit: "binary", maxLength: 200 }), fc.string());

function checkOffsets(text: string, x: ReturnType<typeof extractCorpus>): void {
  for (const rows of [x.entities, x.figures, x.quotes, x.attributions]) {
    for (const r of rows) {
      assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, `${r.start}-${r.end}`);
      assert.equal(text.slice(r.start, r.end), r.text);
    }
  }
}

Deno.test("properties: any text, cleaned as a corpus article, yields frames; offsets slice back", () => {
  fc.assert(
    fc.property(anyText, (raw) => {
      const analysis = analyzeArticles([articleOf(raw)]);
      const x = extractCorpus(analysis);
      checkOffsets(analysis.articles[0].text, x);
      const frames = extractionFrames(x);
      assert.deepEqual(Object.keys(frames), [
        "entities",
        "figures",
        "quotes",
        "attributions",
        "agencies",
      ]);
      assert.equal(frames.entities.height, x.entities.length);
    }),
    { numRuns: 400 },
  );
});

Deno.test("properties: any text taken as it is (no cleaning) extracts without throwing", () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const paragraphs = [{ index: 0, kind: "body" as const, start: 0, end: text.length }];
      const article: CleanArticle = {
        ...articleOf(text),
        text,
        paragraphs,
        headline: null,
        dateline: null,
        datelinePlace: null,
        agency: null,
        byline: null,
        credit: null,
        structureLines: {},
        removed: [],
        repairs: [],
      };
      const { sentences } = segmentArticles([article]);
      checkOffsets(text, extractArticle(article, sentences));
    }),
    { numRuns: 400 },
  );
});

Deno.test("properties: an empty corpus gives empty frames with their columns", () => {
  const frames = extractionFrames(extractCorpus({ articles: [], sentences: [] }));
  assert.deepEqual(frames.figures.columns, [
    "article_id",
    "outlet",
    "sentence_id",
    "text",
    "kind",
    "value",
    "unit",
    "raw_unit",
    "per",
    "approx",
    "change",
    "year",
    "period",
    "measure",
    "start",
    "end",
  ]);
  assert.equal(frames.entities.height, 0);
});
