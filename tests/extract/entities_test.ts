import assert from "node:assert/strict";
import { DEFAULT_CUES } from "../../src/extract/cues.ts";
import { extractCorpus } from "../../src/extract/extract.ts";
import {
  compileGazetteer,
  type GazetteerEntry,
  GENERAL_GAZETTEER,
  loadGazetteerFile,
} from "../../src/extract/gazetteer.ts";
import { shortForm } from "../../src/extract/entities.ts";
import { TokenTrie } from "../../src/extract/trie.ts";
import { extractionWords } from "../../src/extract/words.ts";
import { SEED, seedAnalysis, SEEDS_GAZETTEER_PATH } from "../seeds.ts";
import { extractText } from "./helpers.ts";

const analysis = await seedAnalysis();
// The seed story's names are a user's list (an example file), passed explicitly.
const seedsGazetteer = loadGazetteerFile(SEEDS_GAZETTEER_PATH);
const { entities } = extractCorpus(analysis, { gazetteer: seedsGazetteer });
const of = (article: string) => entities.filter((e) => e.articleId === article);
const row = (e: (typeof entities)[number]) =>
  [e.sentenceId.split(":")[1], e.text, e.entity, e.type, e.role, e.metonymy].join("|");

Deno.test("entities: 'Xi', 'Xi Jinping' and 'Chinese President Xi Jinping' are one entity, across the corpus", () => {
  const xi = entities.filter((e) => e.entity === "Xi Jinping");
  assert.deepEqual([...new Set(xi.map((e) => e.text))].sort(), ["Xi", "Xi Jinping"]);
  assert.equal(xi.length, 21);
  assert.deepEqual(
    [...new Set(xi.map((e) => e.role).filter((r) => r))].sort(),
    ["Chinese President", "President"],
  );
  // Zelenskiy (002) is the gazetteer's Zelenskyy; U.S. is the United States.
  assert.deepEqual(
    of(SEED.globalNews2023).filter((e) => e.text === "Volodymyr Zelenskiy").map(row),
    [
      "17|Volodymyr Zelenskiy|Volodymyr Zelenskyy|PERSON|President|false",
    ],
  );
  assert.deepEqual(
    [
      ...new Set(
        entities.filter((e) => e.entity === "United States" && !e.metonymy).map((e) => e.text),
      ),
    ]
      .sort(),
    ["U.S.", "United States"],
  );
});

Deno.test("entities: bare 'Li' in 002 is Li Qiang (named before, the premier), 'Li Hui' stays Li Hui", () => {
  const li = of(SEED.globalNews2023).filter((e) => e.text.startsWith("Li"));
  assert.deepEqual(li.map(row), [
    "1|Li Qiang|Li Qiang|PERSON|Chinese Premier|false",
    "4|Li|Li Qiang|PERSON||false",
    "13|Li|Li Qiang|PERSON||false",
    "17|Li Hui|Li Hui|PERSON|China’s Special Representative for Eurasian Affairs|false",
    "18|Li Hui|Li Hui|PERSON||false",
  ]);
});

Deno.test("entities: a bare short form goes to the person whose title the sentence repeats", () => {
  const x = extractText(
    "Premier Li Qiang met Special Envoy Li Hui in Beijing.\n\nLi Hui then left for Kyiv.\n\nThe premier said Li would travel again.\n\nThe envoy, Li said, was ready.",
  );
  const bare = x.entities.filter((e) => e.text === "Li");
  // Nearest before is Li Hui both times; the first sentence repeats "premier", the second "envoy".
  assert.deepEqual(bare.map((e) => e.entity), ["Li Qiang", "Li Hui"]);
});

Deno.test("entities: 'He' is a name after a title only; elsewhere a pronoun", () => {
  const rewrite = of(SEED.reutersHangzhou).filter((e) => e.text.startsWith("He"));
  assert.deepEqual(rewrite.map(row), ["17|He Lifeng|He Lifeng|PERSON|Chinese Vice Premier|false"]);
  // 000 s12 opens with the pronoun "He highlighted ...".
  assert.equal(of(SEED.reuters2025).filter((e) => e.sentenceId.endsWith(":12")).length, 0);
});

Deno.test("entities: names found by cues have roles; credit-line names are not mentions", () => {
  const found = entities.filter((e) =>
    ["Steve Tsang", "Chen Wenqing", "Anton Alikhanov", "Dmitry Chernyshenko"].includes(e.text)
  );
  assert.deepEqual(found.map((e) => `${e.text}|${e.role}`), [
    "Steve Tsang|director of The School of Oriental and African Studies (SOAS) China Institute in London",
    "Chen Wenqing|member of the Chinese Communist Party’s Politburo",
    "Anton Alikhanov|Russian Industry and Trade Minister",
    "Dmitry Chernyshenko|Russian Deputy Prime Minister",
  ]);
  for (
    const reporter of ["Lidia Kelly", "Ethan Wang", "Ryan Woo", "Kate Mayberry", "Michael Perry"]
  ) {
    assert.ok(!entities.some((e) => e.text.includes(reporter.split(" ")[1])), reporter);
  }
  // Removed boilerplate (002's video captions) names Trudeau and Zelenskyy: no mention of Trudeau.
  assert.ok(!entities.some((e) => e.entity === "Justin Trudeau"));
});

Deno.test("entities: capitals as governments are metonymy, capitals as places are not", () => {
  const caps = of(SEED.reuters2025).filter((e) => ["Beijing", "Moscow"].includes(e.text));
  assert.deepEqual(
    caps.map((e) => `${e.sentenceId.split(":")[1]}|${e.text}|${e.entity}|${e.metonymy}`),
    [
      "0|Beijing|China|true",
      "0|Moscow|Russia|true",
      "1|Beijing|China|true",
      "1|Moscow|Russia|true",
      "4|Moscow|Russia|true",
      "4|Moscow|Russia|true",
      "5|Beijing|China|true",
      "8|Beijing|Beijing|false",
      "18|Moscow|Russia|true",
    ],
  );
  // "at Beijing’s Great Hall of the People" is a place.
  const hall = of(SEED.rewrite001).find((e) =>
    e.sentenceId.endsWith(":2") && e.text === "Beijing"
  )!;
  assert.equal(hall.metonymy, false);
});

Deno.test("entities: institutions of a country, NORP, media, PRODUCT and ALL-CAPS subheads", () => {
  const pick = (text: string) => entities.filter((e) => e.text === text).map((e) => e.entity);
  assert.deepEqual(pick("China’s foreign ministry"), ["Foreign Ministry of China"]);
  assert.deepEqual(pick("Russian government"), ["Government of Russia", "Government of Russia"]);
  assert.deepEqual(pick("Chinese customs"), ["Customs of China"]);
  assert.deepEqual(pick("Power of Siberia 2"), ["Power of Siberia 2"]);
  assert.equal(entities.filter((e) => e.type === "NORP" && e.entity === "Chinese").length, 15);
  assert.deepEqual(
    [...new Set(entities.filter((e) => e.media).map((e) => `${e.entity}|${e.type}`))].sort(),
    ["CCTV|ORG", "Interfax|ORG", "Reuters|ORG", "TASS|ORG"],
  );
  // The subhead "RUSSIA WANTS TO STEM A RECENT SLOWDOWN IN TRADE WITH CHINA": two places, no more.
  assert.deepEqual(of(SEED.reuters2025).filter((e) => e.sentenceId.endsWith(":7")).map(row), [
    "7|RUSSIA|Russia|GPE||false",
    "7|CHINA|China|GPE||false",
  ]);
  // The headline's capitalised words ("Vow Stronger Economic Tie") are not names.
  assert.deepEqual(
    of(SEED.rewrite001).filter((e) => e.sentenceId.endsWith(":0")).map((e) => e.text),
    [
      "China",
      "Russia",
    ],
  );
});

Deno.test("entities: sentence-initial capitals and unknown capitalised runs without cues are not tagged", () => {
  const x = extractText(
    "Deepening Ties matter. Analysts expect Big Changes soon, said Maria Lopez, an economist at Acme Capital Group.",
  );
  assert.deepEqual(x.entities.map((e) => `${e.text}|${e.type}|${e.entity}|${e.role}`), [
    "Maria Lopez|PERSON|Maria Lopez|economist at Acme Capital Group",
    "Acme Capital Group|ORG|Acme Capital Group|null",
  ]);
});

Deno.test("gazetteer: users extend it; bad data is a readable error, not a stack trace", () => {
  const extended = compileGazetteer(
    { entities: [{ name: "Olaf Scholz", type: "PERSON", aliases: ["Scholz"] }] },
    "mine.json",
    GENERAL_GAZETTEER,
  );
  const x = extractCorpus(
    { articles: analysis.articles.slice(0, 1), sentences: analysis.sentences.slice(0, 1) },
    { gazetteer: extended },
  );
  assert.ok(x.entities.length > 0);
  assert.equal(extended.byName.get("Olaf Scholz")?.type, "PERSON");
  assert.throws(
    () => compileGazetteer({ entities: [{ name: "X", type: "ALIEN" }] }, "my.json"),
    (e: Error) => e.message.startsWith("my.json: entities.0.type: ") && !e.message.includes("\n"),
  );
  assert.throws(
    () =>
      compileGazetteer({ entities: [{ name: "Paris", type: "GPE", government_of: "Frankia" }] }),
    /entities.0: "Paris" points to "Frankia", which is not listed/,
  );
  assert.throws(
    () => compileGazetteer({ entities: [{ name: "A", type: "ORG" }, { name: "A", type: "ORG" }] }),
    /"A" is listed twice/,
  );
});

Deno.test("trie and words: longest match; possessives and hyphens are their own tokens", () => {
  const trie = new TokenTrie<string>();
  trie.add(["Power", "of", "Siberia"], "P1");
  trie.add(["Power", "of", "Siberia", "2"], "P2");
  const keys = ["Power", "of", "Siberia", "2", "pipeline"];
  assert.deepEqual(trie.longest(0, keys.length, (i) => keys[i]), { value: "P2", length: 4 });
  assert.equal(trie.longest(1, keys.length, (i) => keys[i]), null);
  assert.equal(trie.size, 2);
  assert.deepEqual(extractionWords("Beijing’s U.S.–China pro-Putin").map((w) => w.text), [
    "Beijing",
    "’s",
    "U.S.",
    "–",
    "China",
    "pro",
    "-",
    "Putin",
  ]);
  assert.equal(shortForm("Li Qiang", DEFAULT_CUES), "Li");
  assert.equal(shortForm("Steve Tsang", DEFAULT_CUES), "Tsang");
  const entry: GazetteerEntry | undefined = seedsGazetteer.byName.get("Moscow");
  assert.equal(entry?.government_of, "Russia");
});

Deno.test("entities: function words open no name; a title before 'of' is not part of an organisation", () => {
  const x = extractText(
    "When Ryan Smith said it, we listened. As Kathy Jones says, work pays. " +
      "He met the President of the Iraqi Governing Council, said Sheriff Danny Oliver.",
  );
  assert.deepEqual(x.entities.map((e) => `${e.text}|${e.type}|${e.entity}|${e.role}`), [
    "Ryan Smith|PERSON|Ryan Smith|null",
    "Kathy Jones|PERSON|Kathy Jones|null",
    "Iraqi Governing Council|ORG|Iraqi Governing Council|null",
    "Danny Oliver|PERSON|Danny Oliver|Sheriff",
  ]);
});
