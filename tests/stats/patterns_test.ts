import assert from "node:assert/strict";
import fc from "fast-check";
import { kwic } from "../../src/stats/kwic.ts";
import {
  inflectionsOf,
  parsePattern,
  PatternError,
  PhraseMatcher,
  wordParts,
} from "../../src/stats/patterns.ts";
import { analysisOf } from "./helpers.ts";

/** The phrases a pattern matches in a text, as printed. */
function matches(text: string, pattern: string): string[] {
  return kwic(analysisOf([text]), pattern).getColumn("match").toArray() as string[];
}

Deno.test("patterns: inflections, hyphen or space, case, possessives", () => {
  assert.deepEqual(
    matches("The No Limits partnership. A no-limits deal. No limit.", "no-limit"),
    ["No Limits", "no-limits", "No limit"],
  );
  // A plural pattern is that word only: write the base form.
  assert.deepEqual(
    matches("The No Limits partnership. A no-limits deal. No limit.", "no-limits"),
    ["No Limits", "no-limits"],
  );
  assert.deepEqual(matches("Sanctions, a sanctioned firm, sanctioning.", "sanction"), [
    "Sanctions",
    "sanctioned",
    "sanctioning",
  ]);
  assert.deepEqual(
    matches("A full scale invasion and a full-scale invasion.", "full-scale invasion"),
    [
      "full scale invasion",
      "full-scale invasion",
    ],
  );
  assert.deepEqual(matches("Russia’s invasion began.", "russia's invasion"), ["Russia’s invasion"]);
});

Deno.test("patterns: a plain word is the word and its regular inflections, nothing else", () => {
  // The misfires of Porter-stem matching, found on real corpora: none of them matches now.
  const misses: [string, string][] = [
    ["political", "He was polite."],
    ["judicial", "A judicious choice."],
    ["constitution", "These constitute a majority."],
    ["relation", "Related matters."],
    ["availability", "Funds are available."],
    ["well-being", "It may well be so."],
    ["import", "An important import."],
    ["international", "An internal review."],
    ["invest", "The investigation and the investigators."],
  ];
  for (const [pattern, text] of misses) {
    const found = matches(text, pattern).map((m) => m.toLowerCase());
    const wrong =
      /polite|judicious|constitute|related|available|well be|important|internal|investigat/;
    assert.deepEqual(found.filter((m) => wrong.test(m)), [], pattern);
  }
  assert.deepEqual(matches("An important import.", "import"), ["import"]);
  assert.deepEqual(matches("Invest, invests, invested, investing, investors.", "invest"), [
    "Invest",
    "invests",
    "invested",
    "investing",
  ]);
  assert.deepEqual(
    matches("Plans were planned; planning. Supplies supplied. Taxes taxed.", "plan|supply|tax"),
    ["Plans", "planned", "planning", "Supplies", "supplied", "Taxes", "taxed"],
  );
  assert.deepEqual(matches("They invaded; invading; invades.", "invade"), [
    "invaded",
    "invading",
    "invades",
  ]);
  // ~word is the Porter stem, on request: it reaches "national" (and "nationals", "nations").
  assert.deepEqual(matches("The nations and national pride.", "~nation"), ["nations", "national"]);
  assert.deepEqual(matches("The nations and national pride.", "nation"), ["nations"]);
});

Deno.test("patterns: =exact, prefix*, * and a|b", () => {
  assert.deepEqual(matches("US and U.S. and us.", "=us"), ["US", "us"]);
  assert.deepEqual(matches("US and U.S. and us.", "u.s."), ["U.S."]);
  assert.deepEqual(matches("Trade is declining; a decline; declared.", "declin*"), [
    "declining",
    "decline",
  ]);
  assert.deepEqual(
    matches("The war in Ukraine. The war against Ukraine. War on Ukraine.", "war * ukraine"),
    ["war in Ukraine", "war against Ukraine", "War on Ukraine"],
  );
  assert.deepEqual(
    matches(
      "The war in Ukraine. The war against Ukraine. War on Ukraine.",
      "war against|on ukraine",
    ),
    ["war against Ukraine", "War on Ukraine"],
  );
  assert.deepEqual(matches("no-limits or unlimited ties", "no-limits|unlimited ties"), [
    "unlimited ties",
  ]);
});

Deno.test("patterns: never across sentences; longest match wins, no overlap", () => {
  assert.deepEqual(matches("He spoke of war. Ukraine replied.", "war ukraine"), []);
  const a = analysisOf(["A full-scale invasion, then another invasion."]);
  const matcher = new PhraseMatcher([
    { pattern: parsePattern("invasion"), entry: "invasion" },
    { pattern: parsePattern("full-scale invasion"), entry: "full_scale" },
  ]);
  const found: string[] = [];
  matcher.scanAll(wordParts(a.tokens), (m) => found.push(m.entry));
  assert.deepEqual(found, ["full_scale", "invasion"]);
});

Deno.test("patterns: bad patterns give a readable PatternError", () => {
  const cases: [string, RegExp][] = [
    ["", /pattern "": is empty/],
    ["   ", /is empty/],
    ["war||peace", /"war\|\|peace" has an empty alternative/],
    ["$240 billion", /"\$240" has characters that are never part of a word: "\$"/],
    ["=", /"=" has no word in it/],
    ["de*cline", /never part of a word: "\*"/],
    ["a, b", /never part of a word: ","/],
  ];
  for (const [source, message] of cases) {
    assert.throws(() => parsePattern(source), (e: unknown) => {
      assert.ok(e instanceof PatternError, String(e));
      assert.match(e.message, message);
      return true;
    });
  }
  assert.throws(() => kwic(analysisOf(["x"]), "a||b"), PatternError);
  assert.throws(() => kwic(analysisOf(["x"]), "a", { window: -1 }), /whole number of words/);
});

Deno.test("property: any string parses or fails with a PatternError, never anything else", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" })), (source) => {
      try {
        const p = parsePattern(source);
        assert.ok(p.slots.length > 0);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
      }
    }),
    { numRuns: 2000 },
  );
});

const word = fc.stringMatching(/^[a-z]{1,8}$/);
// Whole-word case changes only: an inner capital ("aaaAaa") is a scrape join that cleaning splits.
const recase = (w: string, mask: number) =>
  [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), w][mask & 3];

Deno.test("property: a pattern of words finds those words in any case, at their offsets", () => {
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 0, maxLength: 5 }),
      fc.array(word, { minLength: 1, maxLength: 4 }),
      fc.array(word, { minLength: 0, maxLength: 5 }),
      fc.nat(255),
      (before, phrase, after, mask) => {
        const shown = phrase.map((w, i) => recase(w, mask >> (2 * i)));
        const text = [...before, ...shown, ...after].join(" ") + ".";
        const a = analysisOf([text]);
        const rows = kwic(a, phrase.join(" "), { window: 2 }).toRecords();
        const at = [...before, ""].join(" ").length; // where the phrase starts
        const start = before.length ? at : 0;
        // Found at its offset, unless an earlier overlapping occurrence took the place.
        const hit = rows.find((r) => r.start === start);
        if (hit) assert.equal(hit.match, shown.join(" "));
        else assert.ok(rows.some((r) => (r.start as number) < start), JSON.stringify(rows));
        for (const r of rows) {
          assert.equal(a.articles[0].text.slice(r.start as number, r.end as number), r.match);
        }
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("property: on any text, KWIC matches slice back to the text and contexts are its words", () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(word, fc.constantFrom("no-limits", "U.S.", "war", "—", "“", ".", "\n\n")), {
        maxLength: 30,
      }),
      (pieces) => {
        const text = pieces.join(" ");
        if (!text.trim()) return;
        const a = analysisOf([text]);
        const article = a.articles[0];
        for (const pattern of ["*", "war", "no-limits", "* war"]) {
          for (const context of ["window", "sentence"] as const) {
            for (const r of kwic(a, pattern, { window: 3, context }).toRecords()) {
              assert.equal(article.text.slice(r.start as number, r.end as number), r.match);
              const squashed = article.text.replace(/\s+/gu, " ");
              assert.ok(squashed.includes(r.left as string), `left ${r.left}`);
              assert.ok(squashed.includes(r.right as string), `right ${r.right}`);
            }
          }
        }
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("property: a plain word matches itself and its inflections, and never a longer unrelated word", () => {
  const word = fc.stringMatching(/^[a-z]{3,9}$/);
  fc.assert(
    fc.property(word, fc.constantFrom("al", "ite", "ious", "ant", "ation", "ure"), (w, tail) => {
      const forms = inflectionsOf(w);
      const text = `${w} ${forms.join(" ")} ${w}${tail}.`;
      const found = matches(text, w).map((m) => m.toLowerCase());
      // Every listed form is found, and the derived word (w + a derivational ending) is not,
      // unless it happens to be one of the inflections.
      return found.length === forms.length + 1 && (forms.includes(`${w}${tail}`) ||
        !found.includes(`${w}${tail}`));
    }),
    { numRuns: 200 },
  );
});
