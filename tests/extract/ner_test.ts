import assert from "node:assert/strict";
import fc from "fast-check";
import { gunzipSync, gzipSync } from "node:zlib";
import { goldTags, splitIntoSentences } from "../../src/extract/ner/data.ts";
import {
  firstNameGender,
  isCity,
  isCountry,
  isDemonym,
  isUsState,
  multiWordName,
} from "../../src/extract/ner/lexicons.ts";
import { allowed, decodeModel, encodeModel, N_TAGS, tagOf } from "../../src/extract/ner/model.ts";
import {
  loadNerModel,
  makeConsistent,
  type NerModel,
  NerModelError,
  type NerSpan,
  scoreWords,
  tagDocument,
  tagWords,
} from "../../src/extract/ner/mod.ts";
import { WordTable } from "../../src/extract/ner/_features.ts";
import { fitLogistic, trainModel, type TrainSentence } from "../../src/extract/ner/train.ts";
import { extractionWords } from "../../src/extract/words.ts";

const words = (text: string) => extractionWords(text).map((w) => w.text);

/** The names of a sentence as "words/TYPE". */
function names(model: NerModel, text: string): string[] {
  const w = words(text);
  return tagWords(model, w).map((s) => `${w.slice(s.first, s.last + 1).join(" ")}/${s.type}`);
}

Deno.test("the shipped model tags names in stories of several kinds (pinned)", () => {
  const model = loadNerModel();
  // US politics
  assert.deepEqual(names(model, "Sen. Mark Warner of Virginia said the vote would be close."), [
    "Mark Warner/PER",
    "Virginia/LOC",
  ]);
  assert.deepEqual(names(model, "Poland said on Friday it would expel two diplomats."), [
    "Poland/LOC",
  ]);
  assert.deepEqual(names(model, "McConnell told reporters the Senate would vote next week."), [
    "McConnell/PER",
    "Senate/ORG",
  ]);
  // Business
  assert.deepEqual(
    names(model, "Apple and Google face new rules from the European Commission."),
    ["Apple/ORG", "Google/ORG", "European Commission/ORG"],
  );
  assert.deepEqual(
    names(
      model,
      "Shares of Santa Fe Pacific Gold Corp rose after The New York Times reported the bid.",
    ),
    ["Santa Fe Pacific Gold Corp/ORG", "New York Times/ORG"],
  );
  // Sport
  assert.deepEqual(
    names(
      model,
      "Manchester United beat Arsenal 2-1 on Sunday, with Marcus Rashford scoring twice.",
    ),
    ["Manchester United/ORG", "Arsenal/ORG", "Marcus Rashford/PER"],
  );
  // Science
  assert.deepEqual(
    names(model, "Researchers at NASA and the University of Cambridge found ice near the pole."),
    ["NASA/ORG", "University of Cambridge/ORG"],
  );
});

Deno.test("confidences are between 0 and 1, higher for a clear name", () => {
  const model = loadNerModel();
  const spans = tagWords(model, words("Marcus Rashford scored twice."));
  assert.equal(spans.length, 1);
  assert.ok(spans[0].confidence > 0.5 && spans[0].confidence <= 1);
});

Deno.test("the shipped model is read once and shared", () => {
  assert.equal(loadNerModel(), loadNerModel());
});

Deno.test("a missing or corrupt model file gives a one-line NerModelError naming the file", () => {
  const missing = "data/out/ner_test_missing.bin.gz";
  assert.throws(() => loadNerModel(missing), (e: unknown) => {
    assert.ok(e instanceof NerModelError);
    assert.equal(e.message, `${missing}: model file not found`);
    return true;
  });
  Deno.mkdirSync("data/out", { recursive: true });
  const corrupt = "data/out/ner_test_corrupt.bin.gz";
  Deno.writeTextFileSync(corrupt, "not a model");
  assert.throws(() => loadNerModel(corrupt), (e: unknown) => {
    assert.ok(e instanceof NerModelError);
    assert.equal(e.message, `${corrupt}: not a gzip file (corrupt or truncated model)`);
    return true;
  });
  // Gzip, but not a model.
  Deno.writeFileSync(corrupt, gzipSync(new Uint8Array([123, 125, 10, 0, 0])));
  assert.throws(() => loadNerModel(corrupt), (e: unknown) => {
    assert.ok(e instanceof NerModelError);
    assert.equal(e.message, `${corrupt}: not a newsframe entity model (format undefined)`);
    return true;
  });
  // The shipped model with its last bytes cut off.
  const good = Deno.readFileSync(new URL("../../data/models/ner/ner.bin.gz", import.meta.url));
  const body = new Uint8Array(gunzipSync(good));
  Deno.writeFileSync(corrupt, gzipSync(body.subarray(0, body.length - 8), { level: 1 }));
  assert.throws(() => loadNerModel(corrupt), (e: unknown) => {
    assert.ok(e instanceof NerModelError);
    assert.match(
      e.message,
      /^data\/out\/ner_test_corrupt\.bin\.gz: model is \d+ bytes, expected \d+$/,
    );
    return true;
  });
  Deno.removeSync(corrupt);
});

Deno.test("a model survives encoding and decoding with the same tags", () => {
  const model = loadNerModel();
  const again = decodeModel(encodeModel(model), "round trip");
  const text = "Gov. Jay Nixon met Chinese officials in Washington and Ferguson, Missouri.";
  assert.deepEqual(names(again, text), names(model, text));
});

Deno.test("cached scores per word give the very margins of adding feature by feature", () => {
  const model = loadNerModel();
  assert.ok(model.wordScores);
  // The same weights without the per-word cache (and with a fresh word table).
  const plain: NerModel = { ...model, words: new WordTable(), wordScores: undefined };
  let compared = 0;
  for (const entry of Deno.readDirSync(new URL("../../seeds/", import.meta.url))) {
    if (!entry.name.endsWith(".txt")) continue;
    const text = Deno.readTextFileSync(new URL(`../../seeds/${entry.name}`, import.meta.url));
    for (const sentence of splitIntoSentences(text)) {
      const w = sentence.map((x) => x.text);
      // Long sentences too: a position's features are cut at 64 in the same place.
      const long = [...w, ...w, ...w];
      for (const context of [undefined, { headline: true }, { allCaps: true }]) {
        for (const ws of [w, long]) {
          const cased = context?.allCaps ? ws.map((x) => x.toUpperCase()) : ws;
          assert.deepEqual(scoreWords(model, cased, context), scoreWords(plain, cased, context));
          compared++;
        }
      }
    }
  }
  assert.ok(compared > 500, `${compared} sentences compared`);
});

Deno.test("BILOU transitions: a name opened by B must be closed by L of its type", () => {
  const PER = 0, ORG = 1;
  assert.equal(allowed(-1, tagOf(PER, 1)), true); // start -> B-PER
  assert.equal(allowed(-1, tagOf(PER, 2)), false); // start -> I-PER
  assert.equal(allowed(tagOf(PER, 1), tagOf(PER, 3)), true); // B-PER -> L-PER
  assert.equal(allowed(tagOf(PER, 1), tagOf(ORG, 3)), false); // B-PER -> L-ORG
  assert.equal(allowed(tagOf(PER, 1), 0), false); // B-PER -> O
  assert.equal(allowed(tagOf(PER, 4), tagOf(ORG, 4)), true); // U-PER -> U-ORG
  assert.equal(allowed(tagOf(PER, 2), -1), false); // I-PER -> end
  assert.equal(N_TAGS, 17);
});

Deno.test("gold tags: a name's words get B, I, L (or U); text is split into sentences", () => {
  const text = "Mark Warner of Virginia spoke. The New York Times listened.";
  const sentences = splitIntoSentences(text);
  assert.deepEqual(sentences.map((s) => s.map((w) => w.text)), [
    ["Mark", "Warner", "of", "Virginia", "spoke", "."],
    ["The", "New", "York", "Times", "listened", "."],
  ]);
  const gold = [
    { start: 0, end: 11, type: "PER" as const },
    { start: 15, end: 23, type: "LOC" as const },
    { start: 35, end: 49, type: "ORG" as const },
  ];
  assert.deepEqual([...goldTags(sentences[0], gold)], [1, 3, 0, 12, 0, 0]);
  assert.deepEqual([...goldTags(sentences[1], gold)], [0, 5, 6, 7, 0, 0]);
});

Deno.test("a tiny training run learns its sentences and is reproducible", () => {
  const t = (text: string, tags: number[]): TrainSentence => ({
    words: words(text),
    gold: new Uint8Array(tags),
    marksNorp: true,
  });
  // PER = 1..4, ORG = 5..8, LOC = 9..12 (B, I, L, U).
  const data = [
    t("Anna Berg visited Oslo .", [1, 3, 0, 12, 0]),
    t("Acme Corp hired Anna Berg .", [5, 7, 0, 1, 3, 0]),
    t("Oslo welcomed Acme Corp .", [12, 0, 5, 7, 0]),
    t("the weather was cold .", [0, 0, 0, 0, 0]),
  ];
  const run = () => trainModel(data, { epochs: 4, bucketBits: 12, seed: 7 });
  const a = run(), b = run();
  assert.deepEqual(a.scores, [1, 2, 3, 4]); // no score function: the epoch number
  assert.equal(a.bestEpoch, 4);
  const spans = tagWords(a.model, words("Anna Berg visited Oslo ."));
  assert.deepEqual(spans.map((s) => [s.first, s.last, s.type]), [[0, 1, "PER"], [3, 3, "LOC"]]);
  assert.deepEqual(b.model.weights, a.model.weights);
});

Deno.test("Platt scaling recovers a known rate", () => {
  // All margins 0, three of four right: the intercept is logit(0.75) = ln 3.
  const [, b] = fitLogistic([0, 0, 0, 0], [true, true, true, false]);
  assert.ok(Math.abs(b - Math.log(3)) < 1e-6);
});

Deno.test("document pass: the same name gets one type, untagged mentions are tagged", () => {
  const sentences = [words("Mark Warner spoke ."), words("Warner left ."), words("Warner rose .")];
  const spans: NerSpan[][] = [
    [{ first: 0, last: 1, type: "PER", confidence: 0.9 }],
    [{ first: 0, last: 0, type: "ORG", confidence: 0.3 }],
    [],
  ];
  const out = makeConsistent(sentences, spans);
  assert.deepEqual(out.map((s) => s.map((x) => `${x.first}-${x.last}/${x.type}`)), [
    ["0-1/PER"],
    ["0-0/PER"],
    ["0-0/PER"],
  ]);
});

Deno.test("gazetteers from the data packages", () => {
  assert.equal(isCountry("Poland"), true);
  assert.equal(isCountry("Warsaw"), false);
  assert.equal(isCity("Chicago"), true);
  assert.equal(isCity("Warsaw"), true);
  assert.equal(isUsState("Virginia"), true);
  assert.equal(isUsState("Ontario"), false);
  assert.equal(isDemonym("American"), true);
  assert.equal(isDemonym("Americans"), true);
  assert.equal(isDemonym("Barbudan"), true);
  assert.equal(firstNameGender("Mark"), "male");
  assert.equal(firstNameGender("Mary"), "female");
  assert.equal(firstNameGender("mark"), null);
  assert.deepEqual(multiWordName(["in", "New", "York", "City"], 1), { bits: 4, length: 3 });
});

/** Word-like pieces: names, function words, punctuation, odd strings. */
const PIECE = fc.oneof(
  fc.constantFrom(
    "Sen.",
    "Mark",
    "Warner",
    "of",
    "Virginia",
    "said",
    "New",
    "York",
    "Corp",
    "the",
    ".",
    ",",
    "’s",
    "-",
    "U.S.",
    "NASA",
    "Poland",
    "Chinese",
    "2024",
    "“",
  ),
  fc.string({ minLength: 1, maxLength: 8 }),
);

/** Checks the spans of one sentence of `n` words. */
function checkSpans(spans: readonly NerSpan[], n: number): void {
  let end = -1;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.first) && Number.isInteger(s.last));
    assert.ok(s.first > end, "spans are sorted and do not overlap");
    assert.ok(s.first <= s.last && s.last < n, "spans are in range");
    assert.ok(["PER", "ORG", "LOC", "NORP"].includes(s.type));
    assert.ok(s.confidence >= 0 && s.confidence <= 1);
    end = s.last;
  }
}

Deno.test("property: any words give sorted, non-overlapping, in-range spans", () => {
  const model = loadNerModel();
  fc.assert(
    fc.property(fc.array(PIECE, { maxLength: 40 }), fc.boolean(), (w, caps) => {
      const input = caps ? w.map((x) => x.toUpperCase()) : w;
      checkSpans(tagWords(model, input, { allCaps: caps }), input.length);
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.array(fc.array(PIECE, { maxLength: 15 }), { maxLength: 5 }), (doc) => {
      const out = tagDocument(model, doc);
      assert.equal(out.length, doc.length);
      out.forEach((spans, k) => checkSpans(spans, doc[k].length));
    }),
    { numRuns: 150 },
  );
});
