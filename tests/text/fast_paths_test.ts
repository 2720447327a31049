import assert from "node:assert/strict";
import fc from "fast-check";
import { formOf, LOWER_IDS, STEM_IDS, tokenize } from "../../src/text/tokens.ts";
import {
  SURFACE_FORMS,
  surfaceFormOf,
  surfaceFormOfToken,
  withoutPossessive,
  wordTokenPattern,
} from "../../src/text/_token_forms.ts";
import type { CleanArticle } from "../../src/corpus/clean.ts";
import { segmentArticles, surfaceFormCodes, TokenColumns } from "../../src/text/segment.ts";
import { tokensFrame } from "../../src/frames/sentences.ts";
import { seedAnalysis } from "../seeds.ts";

const sameForm = (token: string) => {
  const fast = surfaceFormOfToken(token);
  const slow = formOf(token);
  assert.equal(fast.token, token);
  assert.deepEqual(
    { lower: fast.lower, stem: fast.stem, isStop: fast.isStop },
    { lower: slow.lower, stem: slow.stem, isStop: slow.isStop },
    token,
  );
};

Deno.test("the packed lookup of short tokens gives the form of the token itself", () => {
  for (const t of ["the", "The", "THE", "a", "A", "Z", "z", "0", "9", "2022", "G7", "a1b2c"]) {
    sameForm(t);
  }
  for (const t of ["abcdef", "don't", "Russia", "U.S.", "naïve", "no-limits", "1,000", "3.8"]) {
    sameForm(t);
  }
  // Tokens differing in case or one character never share a form.
  assert.notEqual(surfaceFormOfToken("Us").token, surfaceFormOfToken("US").token);
  assert.notEqual(surfaceFormOfToken("ab").token, surfaceFormOfToken("ba").token);
  assert.equal(surfaceFormOfToken("war"), surfaceFormOf("war"));
});

Deno.test("short tokens of letters and digits: the packed lookup agrees with formOf", () => {
  const chars = "abcxyzABCXYZ0189".split("");
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 7 }), (cs) => {
      sameForm(cs.join(""));
    }),
  );
});

Deno.test("the inlined token loop of segmentArticles reads the tokens tokenize reads", async () => {
  const analysis = await seedAnalysis();
  const again = segmentArticles(analysis.articles);
  for (const s of again.sentences.slice(0, 200)) {
    const fromSentence = tokenize(s.text).map((t) => [t.token, s.start + t.start, s.start + t.end]);
    const rows: [string, number, number][] = [];
    for (let i = 0; i < again.tokens.length; i++) {
      if (again.tokens.sentenceId[i] === s.id) {
        rows.push([again.tokens.token[i], again.tokens.start[i], again.tokens.end[i]]);
      }
    }
    assert.deepEqual(rows, fromSentence, s.id);
  }
});

Deno.test("withoutPossessive takes off the clitic exactly where the pattern matches", () => {
  const re = wordTokenPattern();
  for (
    const text of ["Russia’s", "Moscow's", "countries’", "it's", "ITS", "Xi’S", "’s", "a's", "bus"]
  ) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const expected = m[0].length > 2 && /['’]s$/iu.test(m[0]) ? m[0].slice(0, -2) : m[0];
    assert.equal(withoutPossessive(m[0]), expected, text);
  }
});

Deno.test("the token loop of segmentArticles reads any text as tokenize does", () => {
  const alphabet = [
    "a",
    "Z",
    "s",
    "S",
    "ſ",
    "é",
    "ß",
    "’",
    "'",
    ".",
    "-",
    "‐",
    "‑",
    "–",
    "1",
    "9",
    ",",
    " ",
    "\n",
    "𝐀",
    "😀",
    "\u0301",
    "²",
    "½",
    "“",
    "\ud800",
    "\udc00",
    "Ⅻ",
    "中",
    "%",
    "$",
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (cs) => {
      const text = cs.join("");
      const article = {
        id: "t",
        outlet: "o",
        text,
        paragraphs: [{ index: 0, kind: "headline" as const, start: 0, end: text.length }],
      } as unknown as CleanArticle;
      const { tokens } = segmentArticles([article]);
      const got = tokens.token.map((t, i) => [t, tokens.start[i], tokens.end[i]]);
      assert.deepEqual(
        got,
        tokenize(text).map((t) => [t.token, t.start, t.end]),
        JSON.stringify(text),
      );
      // The interned numbers of each token's lower form and stem name those very strings.
      assert.deepEqual(Array.from(tokens.lowerId, (id) => LOWER_IDS.strings[id]), tokens.lower);
      assert.deepEqual(Array.from(tokens.stemId, (id) => STEM_IDS.strings[id]), tokens.stem);
    }),
    { numRuns: 2000 },
  );
});

Deno.test("the tokens frame coded from segmenting's form numbers equals the one coded from strings", async () => {
  const analysis = await seedAnalysis();
  const segmented = segmentArticles(analysis.articles);
  const { tokens } = segmented;
  const forms = surfaceFormCodes(tokens);
  assert.ok(forms, "segmenting numbers every form");
  assert.equal(forms.codes.length, tokens.length);
  for (const i of [0, 1, 100, tokens.length - 1]) {
    assert.equal(forms.token[forms.codes[i]], tokens.token[i]);
    assert.equal(forms.stem[forms.codes[i]], tokens.stem[i]);
  }
  // Without the numbers (columns filled by other code) the frame is coded from the strings.
  const plain = Object.assign(new TokenColumns(), tokens, { tokenId: new Int32Array(0) });
  assert.equal(surfaceFormCodes(plain), undefined);
  assert.ok(tokensFrame(tokens).frameEqual(tokensFrame(plain), true));
  // A number that names another form is caught, not trusted.
  const wrong = Object.assign(new TokenColumns(), tokens, { tokenId: tokens.tokenId.slice() });
  const other = tokens.token.findIndex((t) => t !== tokens.token[5]);
  wrong.tokenId[5] = tokens.tokenId[other];
  assert.notEqual(SURFACE_FORMS[wrong.tokenId[5]].token, wrong.token[5]);
  assert.equal(surfaceFormCodes(wrong), undefined);
});
