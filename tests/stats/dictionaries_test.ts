import assert from "node:assert/strict";
import fc from "fast-check";
import pl from "nodejs-polars";
import {
  entryPattern,
  lexicoderLexicon,
  lexiconErrorLine,
  liwcLexicon,
  loadLexicon,
  yamlLexicon,
} from "../../src/stats/dictionaries.ts";
import { findFraming, framingFrame } from "../../src/stats/framing.ts";
import { LexiconError } from "../../src/stats/lexicon.ts";
import { analysisOf, rowsOf } from "./helpers.ts";

const fixture = (name: string) => new URL(`../fixtures/lexicons/${name}`, import.meta.url).pathname;

/** What a lexicon finds in a text: frame and phrase, in text order. */
async function found(file: string, text: string): Promise<string[]> {
  const lexicon = await loadLexicon(fixture(file));
  const df = framingFrame(findFraming(analysisOf([text]), [lexicon]));
  return rowsOf(df.select("dimension", "frame", "phrase")).map((r) =>
    `${r.dimension}/${r.frame}: ${r.phrase}`
  );
}

Deno.test("dictionary entries become kit patterns: exact words, a final * as prefix", () => {
  assert.equal(entryPattern("tax"), "=tax");
  assert.equal(entryPattern("tax*"), "tax*");
  assert.equal(entryPattern("kind  of"), "=kind =of");
  assert.equal(entryPattern("don't"), "=don't");
  assert.throws(() => entryPattern("w*rse"), /"\*" is supported only at the end of a word/);
  assert.throws(() => entryPattern("colo?r"), /"\?" is not supported/);
  assert.throws(() => entryPattern("*"), /would match every word/);
  assert.throws(() => entryPattern(":-)"), /cannot be matched/);
});

Deno.test("quanteda/YAML: nested keys are dimensions and frames; two levels, one dimension", async () => {
  const policy = await loadLexicon(fixture("policy.yml"));
  assert.equal(policy.name, "policy");
  assert.deepEqual(policy.dimensions.map((d) => [d.id, d.frames.map((f) => f.id)]), [
    ["economy", ["growth", "decline"]],
    ["security", ["threat"]],
  ]);
  assert.deepEqual(
    await found(
      "policy.yml",
      "Growth and a booming economy, not growths. The economic recovery ended in recession. Threats and terrorism.",
    ),
    [
      "economy/growth: Growth",
      "economy/growth: booming",
      "economy/growth: economic recovery",
      "economy/decline: recession",
      "security/threat: Threats",
      "security/threat: terrorism",
    ],
  );
  const flat = await loadLexicon(fixture("flat.yaml"));
  assert.deepEqual(flat.dimensions.map((d) => [d.id, d.frames.map((f) => f.id)]), [
    ["flat", ["positive", "negative"]],
  ]);
  assert.deepEqual(await found("flat.yaml", "Greatly good, kind of bad."), [
    "flat/positive: Greatly",
    "flat/positive: good",
    "flat/negative: kind of bad",
  ]);
});

Deno.test("LIWC .dic: categories by number, an entry counted in each of its categories", async () => {
  const liwc = await loadLexicon(fixture("tone.dic"));
  assert.deepEqual(liwc.dimensions.map((d) => [d.id, d.frames.map((f) => f.id)]), [
    ["posemo", ["posemo"]],
    ["negemo", ["negemo"]],
    ["certain", ["certain"]],
  ]);
  assert.deepEqual(await found("tone.dic", "Absolutely terrible, always good."), [
    "posemo/posemo: Absolutely",
    "certain/certain: Absolutely",
    "negemo/negemo: terrible",
    "certain/certain: always",
    "posemo/posemo: good",
  ]);
});

Deno.test("Lexicoder .lc3 and .lcd: +category lines, then entries", async () => {
  for (const file of ["lsd.lc3", "lsd.lcd"]) {
    const lsd = await loadLexicon(fixture(file));
    assert.deepEqual(lsd.dimensions[0].frames.map((f) => [f.id, f.patterns.map((p) => p.source)]), [
      ["negative", ["=bad", "terribl*", "=not =good"]],
      ["positive", ["=good", "great*"]],
    ]);
    // "not good" is the longer match, so it wins over "good" within the dimension.
    assert.deepEqual(await found(file, "Not good, but great."), [
      "lsd/negative: Not good",
      "lsd/positive: great",
    ]);
  }
});

Deno.test("bad dictionary files: one line with the file and the line", () => {
  const line = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof LexiconError, String(e));
      return lexiconErrorLine(e);
    }
    assert.fail("no error");
  };
  assert.equal(
    line(() => liwcLexicon("1\tpos\n%\n", "x.dic")),
    'x.dic:1: expected "%" opening the category header',
  );
  assert.equal(
    line(() => liwcLexicon("%\n1\tpos\n", "x.dic")),
    'x.dic:2: the category header has no closing "%"',
  );
  assert.equal(
    line(() => liwcLexicon("%\n1\tpos\n%\ngood\t1\nlike\t(02 134)1\nnice\n", "x.dic")),
    'x.dic:5: "like\t(02 134)1": LIWC\'s conditional entries (with parentheses) are not supported (and 1 more problem)',
  );
  assert.equal(
    line(() => lexicoderLexicon("bad\n+negative\nworse\n", "x.lc3")),
    'x.lc3:1: "bad" comes before any "+category" line',
  );
  assert.equal(
    line(() => yamlLexicon("pos:\n  - good\n  - [a, b]\n", "x.yml")),
    'x.yml:3: an entry of "pos" is not a word or phrase',
  );
  assert.match(line(() => yamlLexicon("pos: [good\n", "x.yml")), /^x\.yml:\d+: /);
  assert.equal(
    line(() => yamlLexicon("- good\n", "x.yml")),
    "x.yml:1: is not a mapping of categories",
  );
  assert.equal(line(() => lexicoderLexicon("", "x.lc3")), "x.lc3: has no category");
});

Deno.test("property: any text read as .dic, .lc3 or YAML gives a lexicon or a LexiconError, nothing else", () => {
  const readers = [liwcLexicon, lexicoderLexicon, yamlLexicon];
  const lines = fc.array(
    fc.oneof(
      fc.constantFrom("%", "+pos", "1\tpos", "good\t1", "bad*", "- x", "a:", "  - y", "w*rse", ""),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 12 },
  );
  fc.assert(
    fc.property(lines, fc.nat(2), (ls, r) => {
      try {
        const lexicon = readers[r](ls.join("\n"), "p.dic");
        return lexicon.dimensions.length > 0;
      } catch (e) {
        return e instanceof LexiconError && !lexiconErrorLine(e).includes("\n");
      }
    }),
    { numRuns: 500 },
  );
});

Deno.test("an imported lexicon gives the same framing frame columns as a JSON one", async () => {
  const lexicon = await loadLexicon(fixture("lsd.lc3"));
  const df = framingFrame(findFraming(analysisOf(["Good."]), [lexicon]));
  assert.deepEqual(df.columns, [
    "lexicon",
    "article_id",
    "outlet",
    "sentence_id",
    "dimension",
    "frame",
    "naming",
    "phrase",
    "start",
    "end",
  ]);
  assert.equal(df.filter(pl.col("naming")).height, 0);
});
