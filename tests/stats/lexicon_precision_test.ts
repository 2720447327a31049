import assert from "node:assert/strict";
import { sotuArticles } from "../../bench/sotu.ts";
import { analyzeArticles } from "../../src/pipeline.ts";
import { DEFAULT_LEXICONS, findFraming } from "../../src/stats/framing.ts";
import { MEDIA_FRAMES_LEXICON } from "../../src/stats/lexicon.ts";
import { lexiconReach } from "../../src/stats/lexicon_vocabulary.ts";
import { wordParts } from "../../src/stats/patterns.ts";

const analysis = analyzeArticles(sotuArticles());

Deno.test("default lexicons on the State of the Union: none of the known misfires", () => {
  const m = findFraming(analysis, DEFAULT_LEXICONS);
  const phrases = m.phrase.map((p) => p.toLowerCase().replace(/\s+/g, " "));
  const bad = phrases.filter((p) =>
    /^investigat|^important|^importance/.test(p) ||
    ["related", "internal", "available", "constitute", "polite", "judicious", "well be"].includes(
      p,
    ) || p.includes("social security")
  );
  assert.deepEqual(bad, []);
  // The words around each misfire are still found where they are meant.
  for (const word of ["import", "relations with", "international", "availability", "well-being"]) {
    assert.ok(phrases.includes(word), word);
  }
  // "Social Security" is in the addresses (so the exclusion is tested), but not as security.
  const security = m.frame.filter((f) => f === "security_and_defense").length;
  assert.ok(security > 0);
  const text = analysis.articles.map((a) => a.text).join("\n");
  assert.ok((text.match(/Social Security/g) ?? []).length >= 60);
});

Deno.test("default lexicons: what each cue reaches in the State of the Union vocabulary is pinned", async () => {
  const pinned = JSON.parse(
    await Deno.readTextFile(new URL("../fixtures/media_frames_vocabulary.json", import.meta.url)),
  );
  const reach = lexiconReach(MEDIA_FRAMES_LEXICON, wordParts(analysis.tokens).lower);
  // A changed cue or a new word reached: review the words, then rerun
  // `deno run -A bench/lexicon_precision.ts --update` and commit the fixture.
  assert.deepEqual(reach, pinned);
});
