/**
 * The default lexicons on the State of the Union addresses: hits per frame (the README table),
 * the most frequent phrases of each frame, and (with --update) the pinned vocabulary fixture
 * tests/fixtures/media_frames_vocabulary.json.
 *
 *   deno run --allow-read --allow-write=tests/fixtures --allow-ffi --allow-sys --allow-env bench/lexicon_precision.ts [--update]
 * @module
 */

import { analyzeArticles } from "../src/pipeline.ts";
import { DEFAULT_LEXICONS, findFraming } from "../src/stats/framing.ts";
import { MEDIA_FRAMES_LEXICON } from "../src/stats/lexicon.ts";
import { lexiconReach } from "../src/stats/lexicon_vocabulary.ts";
import { wordParts } from "../src/stats/patterns.ts";
import { sotuArticles } from "./sotu.ts";

const analysis = analyzeArticles(sotuArticles());
const matches = findFraming(analysis, DEFAULT_LEXICONS);
const byFrame = new Map<string, Map<string, number>>();
matches.frame.forEach((f, i) => {
  const m = byFrame.get(f) ?? new Map<string, number>();
  const p = matches.phrase[i].toLowerCase();
  m.set(p, (m.get(p) ?? 0) + 1);
  byFrame.set(f, m);
});
console.log(`${analysis.articles.length} addresses, ${matches.frame.length} hits`);
console.log("| frame | hits | top phrases |\n| --- | ---: | --- |");
for (const f of MEDIA_FRAMES_LEXICON.dimensions[0].frames) {
  const m = byFrame.get(f.id) ?? new Map();
  const n = [...m.values()].reduce((a, b) => a + b, 0);
  const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([p, c]) => `${p} ${c}`);
  console.log(`| ${f.label} | ${n.toLocaleString("en")} | ${top.join(", ")} |`);
}
if (Deno.args.includes("--update")) {
  const reach = lexiconReach(MEDIA_FRAMES_LEXICON, wordParts(analysis.tokens).lower);
  await Deno.writeTextFile(
    "tests/fixtures/media_frames_vocabulary.json",
    JSON.stringify(reach, null, 1) + "\n",
  );
  console.log("wrote tests/fixtures/media_frames_vocabulary.json");
}
