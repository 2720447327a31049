import assert from "node:assert/strict";
import fc from "fast-check";
import { extractCorpus } from "../../src/extract/extract.ts";
import { quoteSpans } from "../../src/extract/quotes.ts";
import { loadGazetteerFile } from "../../src/extract/gazetteer.ts";
import { SEED, seedAnalysis, SEEDS_GAZETTEER_PATH } from "../seeds.ts";
import { extractText } from "./helpers.ts";

const analysis = await seedAnalysis();
const x = extractCorpus(analysis, { gazetteer: loadGazetteerFile(SEEDS_GAZETTEER_PATH) });
const line = (
  q: { sentenceId: string; speaker: string | null; cue: string | null; via: string | null },
) => `${q.sentenceId.split(":")[1]}|${q.speaker}|${q.cue}|${q.via}`;

Deno.test("quotes: direct quotes of 002 — 'he said' and a cue-less continuation paragraph are Mishustin's", () => {
  const direct = x.quotes.filter((q) => q.articleId === SEED.globalNews2023 && q.kind === "direct");
  assert.deepEqual(direct.map(line), [
    "4|Mikhail Mishustin|told|null",
    "5|Mikhail Mishustin|said|null",
    "6|Mikhail Mishustin|null|null",
    "9|Steve Tsang|says|null",
    "10|Steve Tsang|said|null",
    "13|Li Qiang|told|null",
  ]);
  assert.equal(
    direct[2].text,
    "As our Chinese friends say, unity makes it possible to move mountains.",
  );
});

Deno.test("quotes: relays and documents — CCTV, 'quoted ... as saying', the joint communique and 'it said'", () => {
  const of = (article: string) =>
    x.quotes.filter((q) => q.articleId === article && q.kind === "direct").map((q) =>
      `${line(q)}|${q.speakerType}|${q.viaEntity}`
    );
  assert.deepEqual(of(SEED.reuters2025), [
    "1|joint communique|said|null|document|null",
    "2|joint communique|said|null|document|null",
    "10|Xi Jinping|told|according to state broadcaster CCTV|person|CCTV",
    "11|Xi Jinping|said|null|person|null",
  ]);
  assert.deepEqual(of(SEED.reutersHangzhou), [
    "2|Li Qiang|quoted ... as saying|Chinese national broadcaster CCTV|person|CCTV",
  ]);
});

Deno.test("quotes: partial and scare quotes", () => {
  const kinds = (article: string) =>
    x.quotes.filter((q) => q.articleId === article).map((q) => `${q.kind}|${q.text}|${q.speaker}`);
  assert.deepEqual(kinds(SEED.reutersHangzhou), [
    "partial|good neighbours and good partners who trust each other|Li Qiang",
    "direct|China is willing to strengthen the alignment of development strategies with Russia and expand cooperation in various fields|Li Qiang",
    "scare|NO LIMITS|null",
    "partial|new vigor|Li Qiang",
    "partial|vitality|Li Qiang",
    "partial|very great|Kremlin",
    "scare|no limits|null",
    "partial|external|Anton Alikhanov",
    "partial|market saturation|Anton Alikhanov",
  ]);
  assert.equal(x.quotes.length, 36);
  assert.equal(x.quotes.filter((q) => q.kind === "direct").length, 11);
});

Deno.test("attributions: indirect speech with its speaker, cue and relay; text is the reported clause", () => {
  const rows = x.attributions.filter((a) => a.articleId === SEED.reutersHangzhou).map((a) =>
    `${a.sentenceId.split(":")[1]}|${a.cueText}|${a.speaker}|${a.speakerType}|${a.cue}`
  );
  assert.deepEqual(rows, [
    "0|Premier Li Qiang told|Li Qiang|person|told",
    "1|Li described|Li Qiang|person|described",
    "4|TASS news agency said|TASS|organisation|said",
    "6|when China’s premier praised|Li Qiang|person|praised",
    "7|Kremlin said|Kremlin|organisation|said",
    "13|Trade Minister Anton Alikhanov attributed|Anton Alikhanov|person|attributed",
    "14|Reuters reported|Reuters|organisation|reported",
    "15|according to Chinese customs data|Customs of China|organisation|according to",
    "17|Russian government said|Government of Russia|organisation|said",
  ]);
  const content = (n: number) =>
    x.attributions.find((a) => a.sentenceId === `${SEED.reutersHangzhou}:${n}`)!.text;
  // "CONTENT, Premier Li Qiang told visiting ...": the clause before the cue.
  assert.equal(
    content(0),
    "China wants to strengthen cooperation with Russia and defend shared security interests",
  );
  // "The Kremlin said on Friday it attaches ...": the time is no content.
  assert.match(content(7), /^it attaches “very great” importance/);
  assert.match(content(15), /^China’s September yuan-denominated exports/);
  // "Russian state news agency TASS reported Mishustin emphasized ...": Mishustin, via TASS.
  const tass = x.attributions.find((a) =>
    a.articleId === SEED.rewrite001 && a.sentenceId.endsWith(":9")
  )!;
  assert.deepEqual([tass.speaker, tass.cue, tass.via, tass.viaEntity], [
    "Mikhail Mishustin",
    "emphasized",
    "Russian state news agency TASS reported",
    "TASS",
  ]);
  // "..., said Russian Security Council Secretary Nikolai Patrushev": the inverted tag.
  const patrushev = x.attributions.find((a) => a.speaker === "Nikolai Patrushev")!;
  assert.equal(patrushev.cueText, "said Russian Security Council Secretary Nikolai Patrushev");
  // "He highlighted ..." (000) is Xi, the previous person quoted.
  const he = x.attributions.find((a) =>
    a.articleId === SEED.reuters2025 && a.cueText === "He highlighted"
  )!;
  assert.equal(he.speaker, "Xi Jinping");
  for (const a of x.attributions) {
    const text = analysis.articles.find((art) => art.id === a.articleId)!.text;
    assert.equal(text.slice(a.start, a.end), a.text);
  }
});

Deno.test("agencies: the dateline agency and the media each article cites", () => {
  const rows = x.agencies.map((a) =>
    `${
      a.articleId.slice(0, 3)
    }|${a.agency}|${a.inDateline}|${a.inByline}|${a.nMentions}|${a.nRelayed}|${a.nReported}`
  );
  assert.deepEqual(rows, [
    "000|Reuters|true|false|1|0|1",
    "000|CCTV|false|false|1|1|0",
    "000|TASS|false|false|1|1|0",
    "001|CCTV|false|false|1|1|0",
    "001|TASS|false|false|1|1|0",
    "001|Reuters|false|false|1|0|1",
    "002|Interfax|false|false|1|0|1",
    "003|Reuters|true|false|1|0|1",
    "003|CCTV|false|false|1|1|0",
    "003|TASS|false|false|1|0|1",
    "004|Reuters|false|true|1|0|1",
    "004|CCTV|false|false|1|1|0",
    "004|TASS|false|false|1|1|0",
  ]);
});

Deno.test("quotes: a speaker before a colon, straight quotes, a quote left open to the paragraph's end", () => {
  const t = extractText(
    'Premier Li Qiang said: "We will open wider to the world."\n\nMaria Lopez, an economist, said the plan was late. “The numbers do not add up at all,” she said.\n\n“And the next paragraph goes on without a close',
  );
  assert.deepEqual(t.quotes.map((q) => `${q.kind}|${q.speaker}|${q.cue}|${q.text}`), [
    "direct|Li Qiang|said|We will open wider to the world.",
    "direct|Maria Lopez|said|The numbers do not add up at all",
    "direct|Maria Lopez|null|And the next paragraph goes on without a close",
  ]);
  for (const q of t.quotes) assert.equal(t.cleaned.slice(q.start, q.end), q.text);
  // Apostrophes are not closing quotes: ‘Russia’s’ stays inside the single-quoted span.
  const s = "He called it ‘Russia’s war’ today.";
  assert.deepEqual(quoteSpans(s, 0, s.length).map((q) => s.slice(q.start, q.end)), [
    "Russia’s war",
  ]);
});

Deno.test("quotes: a bare title is nobody in particular; long unattributed fragments are partial", () => {
  const t = extractText(
    "President Xi Jinping arrived. Later the President asked for calm and warned against “the hatred and violence of tyrants” today.",
  );
  // "the President asked for calm": reported, by nobody named.
  assert.deepEqual(t.attributions.map((a) => `${a.speakerRaw}|${a.speaker}|${a.reason}`), [
    "Later the President|null|no named speaker",
  ]);
  assert.deepEqual(t.quotes.map((q) => `${q.kind}|${q.speaker}|${q.text}`), [
    "partial|null|the hatred and violence of tyrants",
  ]);
});

const speakers = (text: string) =>
  extractText(text).quotes.map((q) =>
    `${q.kind}|${q.speaker}|${q.sieve}|${q.role}|${q.reason}|${q.text}`
  );

Deno.test("quotes: 'says psychologist X' then 'she says' is X, not a woman named later in passing", () => {
  assert.deepEqual(
    speakers(
      "Rest is a skill, says psychologist Nancy Molitor, who once worked with Fran Sherman's clinic.\n\n" +
        "“The idea is to rest before you are exhausted,” she says.",
    ),
    ["direct|Nancy Molitor|pronoun|null|null|The idea is to rest before you are exhausted"],
  );
});

Deno.test("quotes: 'he said on “Meet the Press.”' is the senator, and the show is a title", () => {
  assert.deepEqual(
    speakers(
      "Senator Tim Kaine said Donald Trump's budget had failed.\n\n" +
        '"Less spending on walls would help everyone," he said on "Meet the Press."',
    ),
    [
      "direct|Tim Kaine|pronoun|null|null|Less spending on walls would help everyone",
      "title|null|null|null|a title, not a quote|Meet the Press.",
    ],
  );
});

Deno.test("quotes: 'said spokesman Josh Schwerin' keeps Josh, with the role apart, when a Dan Schwerin is known", () => {
  assert.deepEqual(
    speakers(
      "Dan Schwerin wrote the speech.\n\n" +
        "“We have not seen the letter,” said campaign spokesman Josh Schwerin.",
    ),
    ["direct|Josh Schwerin|cue|campaign spokesman|null|We have not seen the letter"],
  );
});

Deno.test("quotes: 'he said' after two men goes to the subject of the sentence before, not to its object", () => {
  assert.deepEqual(
    speakers(
      "Mayor Linda Carver opened the rally. Governor Paul Reyes later thanked Tom Bell for the stage.\n\n" +
        '"It\'s just words, folks," he said.',
    ),
    ["direct|Paul Reyes|pronoun|null|null|It's just words, folks"],
  );
  // Two men named as subjects of one sentence: nobody is sure, so the speaker stays empty.
  assert.deepEqual(
    speakers(
      'Governor Paul Reyes and Mayor Tom Bell spoke.\n\n"It\'s just words, folks, nothing more," he said.',
    ),
    ['direct|null|null|null|pronoun "he": two people fit|It\'s just words, folks, nothing more'],
  );
});

Deno.test("quotes: a partial quote's speaker is grown to the whole name with the title as role", () => {
  const t = extractText(
    'Sen. Ron Wyden called the vote "a moment of historic cowardice" on Tuesday.',
  );
  assert.deepEqual(t.quotes.map((q) => `${q.kind}|${q.speaker}|${q.role}`), [
    "partial|Ron Wyden|Sen.",
  ]);
});

Deno.test("quotes: nicknames and terms are no quotes; a paragraph of quote continues only the same speaker", () => {
  assert.deepEqual(
    speakers(
      'Fans call Dwayne "The Rock" Johnson a star. Critics call it the so-called "grey zone" again.',
    ).map((l) => l.split("|")[0]),
    ["nickname", "term"],
  );
  // The paragraph before ends with someone else's words: the cue-less quote stays empty.
  assert.deepEqual(
    speakers(
      "“We will win this,” said Maria Lopez. Her rival Ann Gold disagreed with the forecast.\n\n" +
        "“The numbers are on our side and always were.”",
    ).map((l) => l.split("|").slice(0, 3).join("|")),
    ["direct|Maria Lopez|cue", "direct|null|null"],
  );
});

Deno.test("attributions: the reported clause is the text, the cue apart; organisations speak", () => {
  const t = extractText(
    "The regulator said on Monday that the merger would be reviewed. " +
      "Prices will keep rising, Jane Porter, an economist at the bank, told reporters. " +
      "Stocks fell sharply, according to the exchange.",
  );
  assert.deepEqual(
    t.attributions.map((a) => `${a.cueText}|${a.speaker}|${a.speakerType}|${a.reason}|${a.text}`),
    [
      "The regulator said|null|organisation|unnamed organisation|the merger would be reviewed",
      "Jane Porter, an economist at the bank, told|Jane Porter|person|null|Prices will keep rising",
      "according to the exchange|null|null|according to: no named source|Stocks fell sharply",
    ],
  );
});

/** Pieces of quoted and reported news text: names, roles, verbs, pronouns, marks. */
const QUOTE_PIECES = [
  "Nancy Molitor",
  "Paul Reyes",
  "Sen.",
  "spokesman",
  "the ministry",
  "the Deseret News",
  "said",
  "says",
  "told reporters",
  "warned that",
  "found that",
  "according to",
  "he",
  "she",
  "it",
  "which",
  "on",
  "Meet the Press",
  "prices rose",
  ",",
  ".",
  ":",
  '"',
  "“",
  "”",
  "\n\n",
];

Deno.test("properties: attributions keep content apart from the cue; no speaker without a sieve; marks with no quote have no speaker", () => {
  const text = fc.array(fc.constantFrom(...QUOTE_PIECES), { maxLength: 40 }).map((p) =>
    p.join(" ")
  );
  fc.assert(
    fc.property(text, (raw) => {
      const x = extractText(raw);
      for (const a of x.attributions) {
        assert.equal(x.cleaned.slice(a.cueStart, a.cueEnd), a.cueText);
        assert.ok(
          a.end <= a.cueStart || a.start >= a.cueEnd,
          `content ${a.text} | cue ${a.cueText}`,
        );
        assert.match(a.text, /\p{L}/u);
      }
      for (const q of [...x.quotes, ...x.attributions]) {
        if (q.speaker) assert.ok(q.confidence > 0 && q.sieve !== null, `${q.speaker}`);
        else assert.equal(q.confidence, 0);
      }
      for (const q of x.quotes) {
        if (q.kind !== "direct" && q.kind !== "partial") assert.equal(q.speaker, null);
      }
    }),
    { numRuns: 300 },
  );
});
