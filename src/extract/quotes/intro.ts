/**
 * The intro sieve: a direct quote after a colon whose sentence has no speech verb ("Adnan Amin,
 * head of the agency, is certain: “...”", "Sunak defended the record: “...”") is the words of
 * the one person that sentence names outside quotes.
 * @module
 */

import type { Sentence } from "../../text/segment.ts";
import { mentionsWithin } from "./speakers.ts";
import type { Context, Speech } from "./types.ts";

/** How sure the intro sieve is: below a cue, like the sentence-before sieve. */
const INTRO_CONFIDENCE = 0.7;

/** A preposition right before a name: "from", "with", "to", "about", "against" (not "by"). */
const OBJECT_BEFORE = /\b(?:from|with|to|about|against|of)\s+$/u;

/**
 * The one person named outside quotes in `[from, to)`, which must end with a colon, as its
 * subject; null when nobody or two people are named, or the one named is no subject.
 */
function onePerson(ctx: Context, from: number, to: number): Speech | null {
  if (!/:\s*$/.test(ctx.text.slice(from, to))) return null;
  let people = mentionsWithin(ctx, from, to).filter((m) =>
    m.type === "PERSON" && !ctx.inQuote(m.start)
  );
  // Beside another, a person after a preposition is an object ("Sunak defended ... a formal
  // update from Braverman"); alone, it may speak ("A message from Jane Ortiz:").
  if (new Set(people.map((m) => m.entity)).size > 1) {
    people = people.filter((m) =>
      !OBJECT_BEFORE.test(ctx.text.slice(Math.max(from, m.start - 12), m.start))
    );
  }
  const names = new Set(people.map((m) => m.entity));
  if (names.size !== 1) return null;
  const m = people[0];
  // The subject: it opens the sentence (three words at most before it) or a clause after a comma.
  const lead = ctx.text.slice(from, m.start);
  const words = lead.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words > 3 && !/,\s*$/.test(lead)) return null;
  return {
    speaker: m.entity,
    speakerType: "person",
    speakerRaw: m.text,
    role: m.role,
    cue: ":",
    via: null,
    viaEntity: null,
    sieve: "intro",
    confidence: INTRO_CONFIDENCE,
    reason: null,
  };
}

/**
 * The speaker a colon introduces: in the quote's own sentence before it, or, for a quote that
 * opens its paragraph, in the sentence that ends the paragraph before with a colon.
 */
export function introSpeaker(
  ctx: Context,
  sentence: Sentence,
  open: number,
  lead: string,
): Speech | null {
  if (lead !== "") return onePerson(ctx, sentence.start, open);
  const before = ctx.sentences.findLast((s) => s.end <= sentence.start);
  if (!before || before.paragraph !== sentence.paragraph - 1) return null;
  return onePerson(ctx, before.start, before.end);
}
