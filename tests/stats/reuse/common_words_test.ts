import assert from "node:assert/strict";
import { analyzeArticles } from "../../../src/pipeline.ts";
import { alignSentences, DEFAULT_REUSE_OPTIONS } from "../../../src/stats/reuse/align.ts";
import { forEachCandidate } from "../../../src/stats/reuse/candidates.ts";

const WORDS = [
  "market",
  "prices",
  "energy",
  "talks",
  "leaders",
  "trade",
  "growth",
  "policy",
  "region",
  "supply",
  "demand",
  "budget",
  "export",
  "import",
  "border",
  "summit",
];

Deno.test("a verbatim copy made only of common words is still found (shingle candidates)", () => {
  // 260 filler sentences use the 16 words in shifting orders, so every word is in far more
  // sentences than the index keeps (200); the copied sentence shares no indexed content term.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentence = () => {
    const words = [...WORDS].sort(() => next() - 0.5).slice(0, 14);
    return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const copied =
    "Trade summit leaders border prices demand energy supply budget policy export region growth talks market import.";
  const articles = Array.from({ length: 130 }, (_, i) => ({
    id: `a${String(i).padStart(3, "0")}`,
    text: `${sentence()} ${sentence()}${i === 10 || i === 90 ? ` ${copied}` : ""}`,
    outlet: i % 2 ? "X" : "Y",
    title: null,
    published: null,
    url: null,
    meta: {},
    source: "test",
  }));
  const analysis = analyzeArticles(articles);
  const alignment = alignSentences(analysis);
  const f = alignment.features;
  const ids = f.sentenceIds;
  // The content-term index alone never pairs them: every word is too common to be indexed.
  const [x, y] = [ids.indexOf("a010:2"), ids.indexOf("a090:2")];
  let byTerms = false;
  forEachCandidate(
    f.sentenceTerms,
    f.sentenceDf,
    f.sentenceArticle,
    DEFAULT_REUSE_OPTIONS,
    (a, b) => {
      if (a === x && b === y) byTerms = true;
    },
  );
  assert.equal(byTerms, false);
  const pairs = Array.from(
    alignment.a,
    (a, k) => [ids[a], ids[alignment.b[k]], alignment.reuseClass[k]],
  );
  assert.deepEqual(pairs.filter(([a, b]) => a === "a010:2" && b === "a090:2"), [[
    "a010:2",
    "a090:2",
    0,
  ]]);
  assert.equal(
    alignment.containment[pairs.findIndex(([a, b]) => a === "a010:2" && b === "a090:2")],
    1,
  );
});
