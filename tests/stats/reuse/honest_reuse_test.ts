import assert from "node:assert/strict";
import fc from "fast-check";
import { alignSentences, REUSE_CLASSES } from "../../../src/stats/reuse/align.ts";
import {
  articleSimilarity,
  articleSimilarityFrame,
  articleSourcesFrame,
} from "../../../src/stats/reuse/articles.ts";
import { compareTexts } from "../../../src/stats/reuse/compare.ts";
import { quotedShare } from "../../../src/stats/reuse/features.ts";
import { tinyCorpus } from "./fixtures.ts";

/** Aligned pairs as "a ~ b class". */
function pairs(alignment: ReturnType<typeof alignSentences>): string[] {
  const { features: f, a, b, reuseClass } = alignment;
  return Array.from(
    a,
    (s, k) => `${f.sentenceIds[s]} ~ ${f.sentenceIds[b[k]]} ${REUSE_CLASSES[reuseClass[k]]}`,
  );
}

Deno.test("'(h/t Mediaite.)' is no rewrite of 'Read the rest of the story at Mediaite.'", () => {
  const c = compareTexts("(h/t Mediaite.)", "Read the rest of the story at Mediaite.");
  assert.ok(c.class === null || c.class === "topical", String(c.class));
});

Deno.test("'He employs a lot of people.' is not near-verbatim with a sentence sharing 'a lot of people'", () => {
  const c = compareTexts(
    "He employs a lot of people.",
    "It's why a lot of people don't want to go into government.",
  );
  // Two of the four 3-shingles of the short sentence are shared ("a lot of", "lot of people"):
  // 3-shingle containment 0.5, the old near-verbatim line. No 5-word run is shared.
  assert.equal(c.containment, 0.5);
  assert.equal(c.copyContainment, 0);
  assert.notEqual(c.class, "near-verbatim");
  assert.notEqual(c.class, "verbatim");
  // A real near-copy (one word changed in 13) still is near-verbatim on 5-shingles.
  assert.equal(
    compareTexts(
      "Farmers in the northern valley harvested a record crop of winter wheat this year.",
      "Farmers in the northern valley harvested a record crop of spring wheat this year.",
    ).class,
    "near-verbatim",
  );
});

const STORIES = [
  [
    "The city council approved a new budget for road repairs after a long debate on Monday.",
    "Residents had complained for years about potholes on the main avenues of the old town.",
    "The mayor said work would begin in the spring and last until the end of the summer.",
  ],
  [
    "A regional airline announced new routes to three northern cities starting next month.",
    "Ticket prices will start low to attract travellers who now drive the long distances.",
    "Analysts expect the routes to be profitable within two years if demand keeps growing.",
  ],
  [
    "Scientists at the university published a study on the migration of coastal birds.",
    "The birds now leave their winter grounds nearly two weeks earlier than a decade ago.",
    "Warmer springs along the coast are the most likely explanation, the authors wrote.",
  ],
];

Deno.test("boilerplate lines ('ABSTRACT.', 'Getty.', a repeated 'Read more' line) are never aligned", () => {
  const corpus = tinyCorpus(
    STORIES.map((sentences, i) => ({
      id: `s${i}`,
      sentences: [
        "ABSTRACT.",
        ...sentences,
        "Getty.",
        "Read more stories like this at Example News.",
      ],
    })),
  );
  const alignment = alignSentences(corpus);
  const f = alignment.features;
  // Short lines in all three articles are boilerplate; the story sentences are not.
  assert.deepEqual(
    f.sentenceIds.filter((_, s) => f.boilerplate[s]),
    ["s0:0", "s0:4", "s0:5", "s1:0", "s1:4", "s1:5", "s2:0", "s2:4", "s2:5"],
  );
  assert.deepEqual(pairs(alignment), []);
  // The same line in only two articles is not boilerplate by repetition (it is copied text)…
  const two = tinyCorpus(
    STORIES.slice(0, 2).map((sentences, i) => ({
      id: `s${i}`,
      sentences: [...sentences, "Getty Images photographers covered the whole event."],
    })),
  );
  assert.deepEqual(pairs(alignSentences(two)), ["s0:3 ~ s1:3 verbatim"]);
  // …unless the caller lists it.
  assert.deepEqual(
    pairs(
      alignSentences(two, { boilerplate: ["Getty Images photographers covered the whole event"] }),
    ),
    [],
  );
});

Deno.test("a 1–2-sentence brief found whole in a longer article has no likely source; 3 sentences do", () => {
  const long = {
    id: "long",
    published: "2024-03-01",
    sentences: [...STORIES[0], ...STORIES[1]],
  };
  const brief = { id: "brief", published: "2024-03-02", sentences: STORIES[0].slice(0, 2) };
  const alignment = alignSentences(tinyCorpus([long, brief]));
  const sim = articleSimilarity(alignment);
  // The brief is wholly found (2/2) in the earlier article: a share of 1 on two sentences.
  const rows = articleSimilarityFrame(alignment, sim).toRecords();
  const briefRow = rows.find((r) => r.article_a === "brief")!;
  assert.deepEqual([briefRow.found_a_in_b, briefRow.share_a_in_b], [2, 1]);
  assert.deepEqual(Array.from(sim.source), [-1, -1]);
  // Three sentences found: now the source, with its evidence stated.
  const three = { ...brief, sentences: STORIES[0] };
  const a3 = alignSentences(tinyCorpus([long, three]));
  const sources = articleSourcesFrame(a3, articleSimilarity(a3)).toRecords();
  assert.deepEqual(sources[1], {
    article_id: "brief",
    published: "2024-03-02",
    likely_source: "long",
    source_share: 1,
    source_sentences: 3,
    source_published: "2024-03-01",
    source_rule: "earlier",
  });
});

Deno.test("outlets quoting the same newsmaker the same day share quotations, not copy", () => {
  const quotes = [
    "“We will rebuild every bridge that the flood took from this valley,” the governor said.",
    "“No family will be left without a roof before the winter comes,” she said.",
    "“The state will pay for the repairs, and we will not wait for federal money,” she added.",
    "“I have seen the damage with my own eyes and it is worse than anyone feared,” she said.",
  ];
  const corpus = tinyCorpus([
    {
      id: "a",
      published: "2024-06-10",
      sentences: ["The governor toured the flooded towns on Monday.", ...quotes],
    },
    {
      id: "b",
      published: "2024-06-10",
      sentences: [...quotes, "Rain is expected to return later this week across the region."],
    },
  ]);
  const alignment = alignSentences(corpus);
  assert.deepEqual(
    pairs(alignment),
    quotes.map((_, i) => `a:${i + 1} ~ b:${i} shared_quotation`),
  );
  const sim = articleSimilarity(alignment);
  const rows = articleSimilarityFrame(alignment, sim).toRecords();
  assert.deepEqual(
    rows.map((r) => [r.article_a, r.found_a_in_b, r.quotes_a_in_b, r.likely_source]),
    [["a", 0, 4, false], ["b", 0, 4, false]],
  );
  assert.deepEqual(Array.from(sim.source), [-1, -1]);
});

Deno.test("quotedShare: all, none, part, and a quotation that began in an earlier sentence", () => {
  assert.equal(quotedShare("“We will not back down.”"), 1);
  assert.equal(quotedShare("He said nothing."), 0);
  assert.equal(quotedShare("“We will not back down,” he said."), 20 / 27);
  // Closing mark only: the sentence continues a quotation opened before it.
  assert.equal(quotedShare("and we will win.” He left."), 14 / 21);
  assert.equal(quotedShare('He called it "a disgrace" twice.'), 11 / 27);
});

Deno.test("property: quotedShare is the share of non-space characters inside the marks", () => {
  const plain = fc.string({ minLength: 1, maxLength: 40 }).filter((s) =>
    !/["\u201c\u201d\u00ab\u00bb\u201e]/u.test(s) && /\S/u.test(s)
  );
  const visible = (s: string) => [...s].filter((c) => !/\s/u.test(c)).length;
  fc.assert(
    fc.property(plain, plain, (outside, inside) => {
      const text = `${outside} \u201c${inside}\u201d`;
      const share = quotedShare(text);
      assert.ok(share >= 0 && share <= 1);
      assert.equal(share, (visible(inside) + 2) / visible(text));
      assert.equal(quotedShare(outside), 0);
    }),
    { numRuns: 300 },
  );
});
