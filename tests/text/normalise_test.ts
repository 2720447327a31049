import assert from "node:assert/strict";
import fc from "fast-check";
import { countTerms } from "../../src/stats/terms.ts";
import { collocations } from "../../src/stats/collocations.ts";
import { ABBREVIATION_CLASHES, mostlyCapitals } from "../../src/text/normalise.ts";
import { TokenColumns } from "../../src/text/segment.ts";
import { analysisOf } from "../stats/helpers.ts";

/** Unigram counts of one text (one article), stopwords removed unless told. */
function unigrams(text: string, stopwords?: "keep" | ReadonlySet<string>): Map<string, number> {
  return countTerms(analysisOf([text]), { ngrams: [1], ...(stopwords ? { stopwords } : {}) })
    .counts[0];
}

Deno.test("abbreviations: US and U.S. are one term, apart from the pronoun us", () => {
  const counts = unigrams("The U.S. and the US agreed. Tell us more.");
  // the, and: stopwords; "us" is not in natural's list, so the pronoun stays a term of its own.
  assert.deepEqual([...counts], [["US", 2], ["agreed", 1], ["tell", 1], ["us", 1]]);
  const pairs = countTerms(analysisOf(["A U.S. carrier and a US carrier."]), { ngrams: [2] });
  assert.equal(pairs.counts[0].get("US carrier"), 2);
});

Deno.test("abbreviations: IT, WHO and AM are terms, not the stopwords it, who, am", () => {
  const counts = unigrams("IT spending rose, the WHO said. It rose at 9 a.m. on AM radio.");
  assert.deepEqual([...counts], [
    ["IT", 1],
    ["spending", 1],
    ["rose", 2],
    ["WHO", 1], // "9": a stopword of natural's list, as every single digit
    ["a.m.", 1], // lower-case dots stay as written: not counted with "PM" or "AM"
    ["AM", 1],
    ["radio", 1],
  ]);
});

Deno.test("abbreviations: dotted capitals count with the undotted form, lower case unless they clash", () => {
  const counts = unigrams("The U.K. and the UK differ. So do Washington D.C. and DC.");
  assert.equal(counts.get("uk"), 2);
  assert.equal(counts.get("dc"), 2);
  assert.equal(counts.get("u.k."), undefined);
  // NATO, Nato and nato are one term, as before.
  assert.equal(unigrams("NATO met. Nato spoke.").get("nato"), 2);
});

Deno.test("abbreviations: words in capitals for stress and all-capitals headlines stay words", () => {
  // AND, ALL: stress, removed as the stopwords they are; THEM has four letters.
  assert.deepEqual([...unigrams("High quality AND comprehensive, for ALL of THEM.")], [
    ["high", 1],
    ["quality", 1],
    ["comprehensive", 1],
  ]);
  // A sentence in capitals: US may be the pronoun, IT the word; counted as lower case.
  assert.deepEqual([...unigrams("LET US PRAY FOR IT NOW.")], [["let", 1], ["us", 1], ["pray", 1]]);
  // Two words in capitals, one lower-case: not a shouted sentence.
  assert.equal(unigrams("US and UK talks.").get("US"), 1);
  // A heading glued to the text (SOTU addresses): OF and IN stand in runs of capitals.
  const glued = unigrams("To make DEPARTMENT OF JUSTICE EXPEDITION IN LEGAL PROCEDURE The delays.");
  assert.equal(glued.get("OF"), undefined);
  assert.equal(glued.get("IN"), undefined);
  assert.equal(glued.get("department"), 1);
  // Two words in capitals side by side are no run, nor a list of short abbreviations.
  assert.equal(unigrams("The US, NATO and the EU met.").get("US"), 1);
  assert.equal(unigrams("Talks in the US, UK, EU and Japan.").get("US"), 1);
});

Deno.test("abbreviations: stopword sets and stems ask about the abbreviation's own term", () => {
  // A set with the pronoun removes the pronoun, not the country.
  const set = unigrams("The US told us.", new Set(["us", "the", "told"]));
  assert.deepEqual([...set], [["US", 1]]);
  // ISO-style sets that list "uk" remove the UK however it is written.
  assert.equal(unigrams("The U.K. and UK.", new Set(["uk"])).get("uk"), undefined);
  const stems = countTerms(analysisOf(["US carriers rose."]), { form: "stem", ngrams: [1] });
  assert.deepEqual([...stems.counts[0]], [["US", 1], ["carrier", 1], ["rose", 1]]);
  // Keeping every word keeps every token: 5 tokens, 5 counts.
  const kept = unigrams("WHO told us: the US will.", "keep");
  assert.deepEqual([...kept], [["WHO", 1], ["told", 1], ["us", 1], ["the", 1], ["US", 1], [
    "will",
    1,
  ]]);
});

Deno.test("abbreviations: collocations and counts agree without the surface-form numbers", () => {
  const texts = [
    "The U.S. carrier and the US carrier rose.",
    "A US carrier fell 15 per cent as US carrier stocks.",
  ];
  const a = analysisOf(texts);
  const pairs = collocations(a, { minCount: 2 });
  assert.equal(pairs.getColumn("bigram").toArray()[0], "US carrier");
  assert.equal(pairs.getColumn("n").toArray()[0], 4);
  // Columns filled by other code (no surface-form numbers): the same terms from the strings.
  const plain = Object.assign(new TokenColumns(), a.tokens, {
    tokenId: new Int32Array(0),
    lowerId: new Int32Array(0),
    stemId: new Int32Array(0),
  });
  const counts = countTerms({ articles: a.articles, tokens: plain }, { ngrams: [1, 2] });
  assert.deepEqual(counts.counts, countTerms(a, { ngrams: [1, 2] }).counts);
  assert.equal(counts.counts[1].get("US carrier"), 2);
  assert.equal(counts.counts[1].get("fell 15"), 1);
  assert.equal(counts.counts[1].get("cent"), undefined);
});

Deno.test("mostlyCapitals: more than three quarters of the words of 2+ letters, two at least", () => {
  const words = (s: string) => s.split(" ");
  const check = (s: string) => mostlyCapitals(words(s), 0, words(s).length);
  assert.equal(check("WHO WARNS OF NEW VIRUS"), true);
  assert.equal(check("A US FIRM"), true); // "A" has one letter: not counted
  assert.equal(check("US UK"), true);
  assert.equal(check("US and UK"), false); // 2 against 1: not more than 3 × 1
  assert.equal(check("NATO EU US and UK"), true); // 4 > 3 × 1
  assert.equal(check("NATO EU and US"), false); // 3 = 3 × 1
  assert.equal(check("US"), false); // one word alone is no headline
  assert.equal(check("BRICS TALKS 2024"), true); // "2024" has no letter
  assert.equal(check("G7 TALKS 2024"), false); // nor has "G7" two
  assert.equal(mostlyCapitals(words("the US UK FR ok"), 1, 4), true); // only rows 1-3
});

Deno.test("ABBREVIATION_CLASHES: two- and three-letter stopwords and pronouns, less stress words", () => {
  for (const w of ["us", "it", "who", "am", "is", "in", "or", "me", "on", "he", "its"]) {
    assert.ok(ABBREVIATION_CLASHES.has(w), w);
  }
  for (const w of ["and", "all", "the", "you", "so", "do", "a", "i", "them", "only", "nato"]) {
    assert.ok(!ABBREVIATION_CLASHES.has(w), w);
  }
});

// Sentences of ordinary words with abbreviations among them; four lower-case words open each,
// so no sentence is mostly capitals (at most 8 words follow).
const lowerWord = fc.constantFrom("carrier", "talks", "rose", "us", "it", "who", "the", "trade");
const abbreviation = fc.constantFrom("US", "U.S.", "UK", "U.K.", "IT", "WHO", "D.C.", "DC");
const sentence = fc.tuple(
  fc.array(lowerWord, { minLength: 4, maxLength: 4 }),
  fc.array(fc.oneof(lowerWord, abbreviation), { maxLength: 8 }),
).map(([head, rest]) => [...head, ...rest]);
const text = fc.array(sentence, { minLength: 1, maxLength: 4 });
const written = (sentences: string[][]) =>
  sentences.map((words) => words.join(" ").replace(/^./, (c) => c.toUpperCase()) + " now.")
    .join(" ");
const undotted = (word: string) => word.replaceAll(".", "");

Deno.test("property: a dotted abbreviation counts exactly as its undotted form", () => {
  fc.assert(
    fc.property(text, (sentences) => {
      const options = { ngrams: [1, 2] };
      const dotted = countTerms(analysisOf([written(sentences)]), options).counts[0];
      const plain = sentences.map((s) => s.map(undotted));
      assert.deepEqual(
        [...dotted].sort(),
        [...countTerms(analysisOf([written(plain)]), options).counts[0]].sort(),
      );
      // and US is counted once per US or U.S., never with the pronoun.
      const us = plain.flat().filter((w) => w === "US").length;
      assert.equal(dotted.get("US") ?? 0, us);
    }),
    { numRuns: 200 },
  );
});

Deno.test("property: a sentence in capitals counts as its lower-case self (no dots)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("us", "it", "who", "am", "trade", "or", "leave", "is"), {
        minLength: 2,
        maxLength: 10,
      }),
      (words) => {
        const lower = words.join(" ") + ".";
        const shout = lower.toUpperCase();
        const options = { ngrams: [1, 2], stopwords: "keep" as const };
        assert.deepEqual(
          [...countTerms(analysisOf([shout]), options).counts[0]],
          [...countTerms(analysisOf([lower]), options).counts[0]],
        );
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("property: with every word kept, each token is one unigram (none lost or doubled)", () => {
  fc.assert(
    fc.property(text, fc.string({ maxLength: 60 }), (sentences, noise) => {
      const a = analysisOf([`${written(sentences)} ${noise}`]);
      const counts = countTerms(a, { ngrams: [1], stopwords: "keep" });
      let sum = 0;
      for (const n of counts.counts[0].values()) sum += n;
      assert.equal(sum, a.tokens.length);
    }),
    { numRuns: 200 },
  );
});

Deno.test("sign words: per cent, percent and pct are no term under any spelling, as % is none", () => {
  const texts = [
    "Revenue rose 3.1 per cent, it said.",
    "Revenue rose 3.1 percent, it said.",
    "Revenue rose 3.1%, it said.",
    "Shares rose 2 pct; the fee per cent of a dollar is Per Cent Ltd's.",
  ];
  const counts = countTerms(analysisOf(texts), { ngrams: [1, 2] }).counts;
  // The three wordings of one fact count the same terms: no "cent", "percent" or "per cent".
  const expected = [["revenue", 1], ["rose", 1], ["3.1", 1], ["revenue rose", 1], ["rose 3.1", 1]];
  for (let k = 0; k < 3; k++) assert.deepEqual([...counts[k]], expected, texts[k]);
  // "per" alone stays; "Per Cent" capitalised inside a sentence is a name and stays.
  const last = counts[3];
  assert.equal(last.get("pct"), undefined);
  assert.equal(last.get("per"), 1);
  assert.equal(last.get("per cent"), 1);
  assert.equal(last.get("shares rose"), 1);
  assert.equal(last.get("rose 2"), undefined); // "2" is a stopword: the bigram breaks there
  // The sign's words are no break either: "15 per cent higher" pairs as "15% higher" does.
  const across = countTerms(analysisOf(["15 per cent higher.", "15% higher."]), { ngrams: [2] });
  assert.deepEqual(across.counts.map((m) => m.get("15 higher")), [1, 1]);
});

Deno.test("property: N%, N per cent, N percent and N pct count the same terms", () => {
  const word = fc.oneof(
    fc.constantFrom("revenue", "rose", "the", "per", "share", "cent", "fell", "us"),
    fc.integer({ min: 10, max: 999 }).map((n) => `${n}%`),
  );
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
      const texts = [" per cent", " percent", " pct", "%"].map((sign) =>
        "Note " + words.map((w) => w.replace("%", sign)).join(" ") + "."
      );
      const counts = countTerms(analysisOf(texts), { ngrams: [1, 2] }).counts;
      for (const m of counts) assert.deepEqual([...m].sort(), [...counts[3]].sort());
    }),
    { numRuns: 200 },
  );
});
