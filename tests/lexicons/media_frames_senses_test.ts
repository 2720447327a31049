/**
 * The default lexicon (Media Frames) on the words of general news that are not the frame's
 * sense: sport ("injury time", "defending champion"), business ("securities", "fair value",
 * "price war", "marketing campaign"), health ("heart attack", "cardiac arrest"), science ("cell
 * culture"), family ("son-in-law"). Each sentence below was checked by hand: the `wrong` ones hold
 * no frame of the lexicon's sense, the `right` ones hold exactly the frame named.
 */
import assert from "node:assert/strict";
import { analyzeArticles } from "../../src/pipeline.ts";
import { DEFAULT_LEXICONS, findFraming } from "../../src/stats/framing.ts";
import { textArticle } from "../seeds.ts";

/** The frames the default lexicon finds in one sentence, as `frame: phrase`. */
function framesOf(sentence: string): string[] {
  const m = findFraming(analyzeArticles([textArticle(sentence)]), DEFAULT_LEXICONS);
  return m.frame.map((f, i) => `${f}: ${m.phrase[i].toLowerCase()}`);
}

const WRONG: [string, string][] = [
  ["Kane scored again in injury time.", "health_and_safety"],
  ["The defending champion lost in the first round.", "security_and_defense"],
  ["She will defend her title in Paris next month.", "security_and_defense"],
  ["His title defence ended in the semi-finals.", "security_and_defense"],
  ["Belgium started the game with attacking style and scored twice.", "security_and_defense"],
  ["The club signed an attacking midfielder from Porto.", "security_and_defense"],
  ["He died of a heart attack at his home.", "security_and_defense"],
  ["She suffered a panic attack before the exam.", "security_and_defense"],
  ["He went into cardiac arrest on the pitch.", "crime_and_punishment"],
  ["The Securities and Exchange Commission fined the bank.", "security_and_defense"],
  ["Its mortgage-backed securities lost value.", "security_and_defense"],
  ["A price war between the airlines cut fares.", "security_and_defense"],
  ["The Salvation Army opened a shelter.", "security_and_defense"],
  ["The bank marked the loans at fair value.", "fairness_and_equality"],
  ["He won the science fair with a clock.", "fairness_and_equality"],
  ["The trade fair drew 40,000 visitors.", "fairness_and_equality"],
  ["The company launched a marketing campaign for the phone.", "political"],
  ["Guests arrived for the birthday party.", "political"],
  ["Her son-in-law runs the shop.", "legality_constitutionality_jurisprudence"],
  [
    "The team has won 12 straight games on its home court.",
    "legality_constitutionality_jurisprudence",
  ],
  ["Nadal has never lost on a clay court there.", "legality_constitutionality_jurisprudence"],
  ["The governor has been courting donors for months.", "legality_constitutionality_jurisprudence"],
  ["Researchers grew the virus in a cell culture.", "cultural_identity"],
  ["He was the victim of identity theft.", "cultural_identity"],
];

const RIGHT: [string, string][] = [
  ["Troops launched an attack on the town.", "security_and_defense: attack"],
  ["The Pentagon sought more money for defense.", "security_and_defense: defense"],
  ["Officials stepped up security at the border.", "security_and_defense: security"],
  ["The army was sent to defend the city.", "security_and_defense: defend"],
  ["Police arrest two men after the robbery.", "crime_and_punishment: arrest"],
  ["The injury forced him to retire.", "health_and_safety: injury"],
  ["Critics said the tax was not fair to workers.", "fairness_and_equality: fair"],
  ["The supreme court struck down the law.", "legality_constitutionality_jurisprudence: court"],
  ["The party lost the election.", "political: party"],
  ["The campaign spent heavily on ads.", "political: campaign"],
  ["The war in the region entered its third year.", "security_and_defense: war"],
  ["The museum celebrates the city's culture.", "cultural_identity: culture"],
];

Deno.test("default lexicon: no frame from the other senses of its cue words in general news", () => {
  for (const [sentence, frame] of WRONG) {
    const found = framesOf(sentence).filter((f) => f.startsWith(`${frame}:`));
    assert.deepEqual(found, [], sentence);
  }
});

Deno.test("default lexicon: the frame's own sense of the same words is still found", () => {
  for (const [sentence, frame] of RIGHT) {
    assert.ok(framesOf(sentence).includes(frame), `${sentence} → ${framesOf(sentence)}`);
  }
});
