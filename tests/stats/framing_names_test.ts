import assert from "node:assert/strict";
import { newAnalysis } from "../../src/analysis.ts";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { allFrames, stagesOf } from "../../src/stages.ts";

import { textArticle } from "../seeds.ts";

const article = (text: string) => cleanArticle(textArticle(text));

Deno.test("framing: a cue word inside a person's or a place's name is no frame; an organisation's is", () => {
  const analysis = newAnalysis([
    article(
      "Nathan Law won the seat on Sunday. The new law passed a week later. Critics gathered at " +
        "Constitution Hall in Washington. The Homeland Security Department said it was ready.",
    ),
  ]);
  const frames = allFrames(analysis, stagesOf(["extract", "measure"]));
  const entities = frames.entities.select("text", "type").rows().map((r) => r.join("|"));
  assert.ok(entities.includes("Nathan Law|PERSON"), entities.join(", "));
  assert.ok(entities.includes("Constitution Hall|LOC"), entities.join(", "));
  assert.deepEqual(frames.framing.select("phrase", "frame").rows().map((r) => r.join("|")), [
    "law|legality_constitutionality_jurisprudence",
    "Security|security_and_defense",
  ]);
});
