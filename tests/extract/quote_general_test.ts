/**
 * Speakers on sentences of real news outside the seeds (business, wire and court stories),
 * checked by hand: contracted "be" before a progressive speech verb, an unnamed source set off by
 * a relative clause, and a relative clause that is no role.
 */
import assert from "node:assert/strict";
import { extractText } from "./helpers.ts";

const attributions = (text: string) =>
  extractText(text).attributions.map((a) =>
    [a.speaker, a.cue, a.role, a.reason, a.speakerRaw, a.text].join("|")
  );
const quotes = (text: string) =>
  extractText(text).quotes.map((q) => [q.kind, q.speaker, q.role, q.reason, q.text].join("|"));

Deno.test("a contracted 'is' before a progressive speech verb is stepped over, like 'is'", () => {
  // Nobody before "She": the statement is kept, its speaker empty with the pronoun's reason.
  const reason = 'pronoun "she": nobody fits before';
  assert.deepEqual(attributions("She's telling reporters that the plan will fail."), [
    `|telling||${reason}|She|the plan will fail`,
  ]);
  assert.deepEqual(
    attributions("She's telling reporters that the plan will fail."),
    attributions("She is telling reporters that the plan will fail."),
  );
  assert.deepEqual(
    attributions(
      "Mary Barra met the union on Monday. She's telling reporters that the plan will fail.",
    ),
    ["Mary Barra|telling|||She|the plan will fail"],
  );
  // "They're", "I’m": one word with the pronoun; the pronoun still resolves (here to nobody).
  assert.deepEqual(
    attributions("They're saying that the plan will fail.").map((a) => a.split("|")[3]),
    ['pronoun "they": not one person'],
  );
  // Without a "that" after the verb, talk written with contractions reports nothing.
  assert.deepEqual(attributions("Well, if they're arguing, for example, no, it was a spark."), []);
});

Deno.test("a possessive before an -ing word is no speaker", () => {
  assert.deepEqual(attributions("The mayor's telling remark surprised everyone."), []);
  assert.deepEqual(
    attributions("The mayor's saying that no one listened was a mistake, aides said."),
    ["|said||no named speaker|aides|The mayor's saying that no one listened was a mistake"],
  );
});

Deno.test("an unnamed source before a relative clause: speaker empty, reason 'no named speaker'", () => {
  assert.deepEqual(
    attributions(
      "One official, who spoke on condition of anonymity, told Reuters that the talks had stalled.",
    ),
    ["|told||no named speaker|One official|the talks had stalled"],
  );
  assert.deepEqual(
    quotes('One official, who spoke on condition of anonymity, said: "The talks are dead."'),
    ["direct|||no named speaker|The talks are dead."],
  );
  // A named subject before the relative clause still speaks.
  assert.deepEqual(
    attributions("The Times, which first reported the story, said the deal was close."),
    ["Times|said|||Times|the deal was close"],
  );
});

Deno.test("a relative clause after a name is not the speaker's role", () => {
  const text = "Fernando Fernandez, who became chief executive last year, said the acquisition " +
    "was 'a clear statement of where we see the future'.";
  assert.deepEqual(quotes(text), [
    "partial|Fernando Fernandez|||a clear statement of where we see the future",
  ]);
  assert.deepEqual(attributions(text).map((a) => a.split("|").slice(0, 3).join("|")), [
    "Fernando Fernandez|said|",
  ]);
  // An appositive that is a role stays one.
  assert.deepEqual(
    attributions("Maria Lopez, an economist at the bank, said rates would fall.").map((a) =>
      a.split("|").slice(0, 3).join("|")
    ),
    ["Maria Lopez|said|an economist at the bank"],
  );
});
