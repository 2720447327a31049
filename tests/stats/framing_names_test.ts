import assert from "node:assert/strict";
import { newAnalysis } from "../../src/analysis.ts";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { allFrames, stagesOf } from "../../src/stages.ts";
import { findFraming } from "../../src/stats/framing.ts";
import { compileLexicon } from "../../src/stats/lexicon.ts";

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

Deno.test("framing: in a sports report attack and defence are play, elsewhere security", () => {
  const sport = article(
    "The striker scored twice before half-time. Their attack was blunt after the break and the " +
      "defence held. A hamstring injury ended his campaign. The plan worked, the manager said.",
  );
  const politics = article(
    "The attack on the base killed two soldiers. The defence ministry said a plan was ready. " +
      "A hamstring injury kept the senator from the campaign trail.",
  );
  // One cue of play is not enough: the minimum is two distinct cues.
  const oneCue = article("The striker spoke about the attack on the stadium's security.");
  const rows = (a: ReturnType<typeof article>) => findFraming(newAnalysis([a])).phrase;
  assert.deepEqual(rows(sport), []);
  const kept = findFraming(newAnalysis([politics]));
  assert.deepEqual(
    kept.phrase.map((p, i) => `${p}|${kept.frame[i]}`),
    [
      "attack|security_and_defense",
      "soldiers|security_and_defense",
      "defence|security_and_defense",
      "plan|policy_prescription_and_evaluation",
      "injury|health_and_safety",
      "campaign|political",
    ],
  );
  assert.deepEqual(rows(oneCue), ["attack", "security"]);
  // Both articles in one run: each article's context is its own.
  const both = findFraming(newAnalysis([sport, { ...politics, id: "b" }]));
  assert.deepEqual([...new Set(both.articleId)], ["b"]);
});

Deno.test("lexicon contexts: excludeIn must name a context of the lexicon", () => {
  const lexicon = (contexts: unknown) => ({
    name: "mine",
    contexts,
    dimensions: [{
      id: "conflict",
      label: "Conflict",
      frames: [{ id: "war", label: "War", patterns: ["war"], excludeIn: { sport: ["war"] } }],
    }],
  });
  assert.throws(
    () => compileLexicon(lexicon(undefined), "mine.json"),
    /dimensions\[0\]\.frames\[0\]\.excludeIn\.sport: context "sport" is not among the lexicon's contexts \(it has none\)/,
  );
  assert.throws(
    () => compileLexicon(lexicon({ sport: { cues: [] } }), "mine.json"),
    /contexts\.sport\.cues: /,
  );
  const ok = compileLexicon(lexicon({ sport: { cues: ["striker", "referee"] } }));
  assert.deepEqual(ok.contexts?.map((c) => [c.id, c.cues.length, c.minimum]), [["sport", 2, 2]]);
  const war = (text: string) => findFraming(newAnalysis([article(text)]), [ok]).phrase;
  assert.deepEqual(war("The war began. The striker spoke."), ["war"]);
  assert.deepEqual(war("A war of words. The striker and the referee argued."), []);
});

Deno.test("framing: an outlet naming itself is no frame; another organisation keeps its cue", () => {
  const ft = {
    ...textArticle("The Financial Times reported the deal. Financial markets rose."),
    outlet: "Financial Times",
  };
  const other = { ...ft, id: "other", outlet: "Reuters" };
  const analysis = newAnalysis([cleanArticle(ft), cleanArticle(other)]);
  const frames = allFrames(analysis, stagesOf(["extract", "measure"]));
  const entities = frames.entities.select("article_id", "text", "type").rows().map((r) =>
    r.join("|")
  );
  assert.ok(entities.includes(`${ft.id}|The Financial Times|ORG`), entities.join(", "));
  assert.deepEqual(frames.framing.select("article_id", "phrase").rows().map((r) => r.join("|")), [
    `${ft.id}|Financial`,
    `${ft.id}|markets`,
    "other|Financial",
    "other|Financial",
    "other|markets",
  ]);
});
