/**
 * A document as the subject of a speech verb ("The report called it “…”", "The study also said
 * …"): it speaks for the organisation the article said wrote it, else the speaker stays empty
 * with the reason. Before, "called it" after a document read as naming (no speech at all) and
 * "The report said" gave "no named speaker".
 * @module
 */
import assert from "node:assert/strict";
import { extractText } from "./helpers.ts";

/** "kind|speaker|speaker_raw|reason" of every quote, then "speaker|cue text|reason" of every statement. */
function rows(text: string): { quotes: string[]; attributions: string[] } {
  const r = extractText(text);
  return {
    quotes: r.quotes.map((q) =>
      `${q.kind}|${q.speaker ?? ""}|${q.speakerRaw ?? ""}|${q.reason ?? ""}`
    ),
    attributions: r.attributions.map((a) =>
      `${a.speaker ?? ""}|${a.text}|${a.speakerType ?? ""}|${a.reason ?? ""}`
    ),
  };
}

Deno.test("documents: 'The report called it' with no author named is empty, with the reason", () => {
  const r = rows(
    "The Government Accountability Office released a review on Monday. " +
      'The report called it "a failure of leadership". The report said the agency had ignored warnings.',
  );
  const reason = "a document the article names no author of";
  assert.deepEqual(r.quotes, [`partial||The report|${reason}`]);
  assert.deepEqual(r.attributions, [
    `|it "a failure of leadership"|document|${reason}`,
    `|the agency had ignored warnings|document|${reason}`,
  ]);
});

Deno.test("documents: 'the study' speaks for the organisation it was 'by'", () => {
  const r = rows(
    "A study by Harvard University found that walking helps. " +
      'The study called the results "striking". The study also said older adults gained most.',
  );
  assert.deepEqual(r.quotes, ["partial|Harvard University|The study|"]);
  assert.deepEqual(r.attributions, [
    "Harvard University|walking helps|organisation|",
    'Harvard University|the results "striking"|organisation|',
    "Harvard University|older adults gained most|organisation|",
  ]);
});

Deno.test("documents: 'called' names a new thing after 'a', and a call's object is no judgment", () => {
  const r = rows('A report called "Fit for the Future" was published. The nurse called him.');
  assert.deepEqual(r.quotes, ["title|||a title, not a quote"]);
  assert.deepEqual(r.attributions, []);
  // "called them" before words of judgment speaks (the subject is no name here).
  assert.deepEqual(rows('The coach called them "cowards".').quotes, [
    "partial|||no named speaker",
  ]);
});
