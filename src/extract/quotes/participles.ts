/**
 * The participle sieve: a speech participle after a comma or "while" shares the subject of its
 * sentence's main clause ("Smith attacked the plan, calling it “a betrayal”", "Okafor defended the
 * record whilst promising a “full review”"). The subject is the name or pronoun that opens the
 * sentence; when the sentence opens with anything else, the speaker stays empty (the participle
 * still marks the words as someone's).
 * @module
 */

import type { EntityMention } from "../entities.ts";
import type { Word } from "../words.ts";
import { resolvePronoun } from "./pronouns.ts";
import { firstWordFrom, mentionsWithin } from "./speakers.ts";
import { type Found, noSpeech } from "./types.ts";
import type { Context } from "./types.ts";

/** The speech of a participle whose subject is mention `m` (a person or an organisation). */
function participleSubject(m: EntityMention) {
  return {
    speaker: m.entity,
    speakerType: m.type === "PERSON" ? "person" as const : "organisation" as const,
    speakerRaw: m.text,
    role: m.role,
    sieve: "cue" as const,
    confidence: PARTICIPLE_CONFIDENCE,
    reason: null,
  };
}

/** Words a participle follows to share the main clause's subject. */
const JOINS = new Set([",", "while", "whilst"]);
/** Below a cue of the quote's own verb: the subject is a clause away. */
const PARTICIPLE_CONFIDENCE = 0.75;

/** The speech of the first speech participle in `[from, to)` outside quotes, else null. */
export function participleSpeech(ctx: Context, from: number, to: number): Found | null {
  for (let i = firstWordFrom(ctx.words, from) + 1; i < ctx.words.length; i++) {
    const w = ctx.words[i];
    if (w.start >= to) break;
    if (ctx.quoted[i] === 1 || !ctx.quoteCues.participleCues.has(ctx.lowers[i])) continue;
    if (JOINS.has(ctx.lowers[i - 1])) return mainSubject(ctx, from, w);
  }
  return null;
}

/**
 * A speech participle opening the sentence ("Warning that the NHS was under “enormous pressure,”
 * he urged ...", "Calling the vote “a farce,” Ortiz left"): the words before the comma that ends
 * its clause are the main clause's subject's. Its speech when the quote closing at `close` sits in
 * that clause, else null; the speaker is the pronoun or name right after the comma, else empty.
 */
export function openingParticipleSpeech(
  ctx: Context,
  from: number,
  to: number,
  close: number,
): Found | null {
  const a = firstWordFrom(ctx.words, from);
  const verb = ctx.words[a];
  if (!verb || ctx.quoted[a] === 1 || !ctx.quoteCues.participleCues.has(ctx.lowers[a])) {
    return null;
  }
  const comma = clauseComma(ctx, a + 1, to);
  if (comma < 0 || ctx.words[comma].start < close - 2) return null;
  const cue = { cue: verb.text, via: null, viaEntity: null, from: verb.start, to: verb.end, verb };
  let k = comma + 1;
  while (k < ctx.words.length && /^["“”‘’']+$/u.test(ctx.words[k].text)) k++;
  const subject = ctx.words[k];
  if (!subject || subject.start >= to) return null;
  if (/^(?:he|she)$/i.test(subject.text)) {
    return { ...resolvePronoun(ctx, subject.text.toLowerCase(), subject.start), ...cue };
  }
  const m = mentionsWithin(ctx, subject.start, to)[0];
  const named = m !== undefined && (m.type === "PERSON" || m.type === "ORG") &&
    m.start === subject.start;
  if (!named) return { ...noSpeech(`"${verb.text}": no name after its clause`), ...cue };
  return { ...participleSubject(m), ...cue };
}

/**
 * The word index of the comma ending a clause that opens at word `i`: the first comma outside
 * quotes, or the last word inside a quote that the comma ends (`“enormous pressure,” he`); -1
 * when the sentence (ending at offset `to`) has none.
 */
function clauseComma(ctx: Context, i: number, to: number): number {
  for (let k = i; k < ctx.words.length && ctx.words[k].start < to; k++) {
    if (ctx.lowers[k] !== ",") continue;
    if (ctx.quoted[k] === 0 || /^["”’']+$/u.test(ctx.words[k + 1]?.text ?? "")) return k;
  }
  return -1;
}

/**
 * "Walsh thanked the minister and said ...": a speech verb after "and" with no subject of its own
 * shares the subject opening the sentence. `found`'s speech when that does not apply.
 */
export function coordinatedSpeech(ctx: Context, from: number, found: Found | null): Found | null {
  if (!found?.verb || found.speaker) return found;
  const i = firstWordFrom(ctx.words, found.verb.start);
  if (ctx.lowers[i - 1] !== "and") return found;
  // No subject of its own: none written, or the clause before "and" taken for one.
  if (found.speakerRaw && !/\band$/i.test(found.speakerRaw)) return found;
  const main = mainSubject(ctx, from, found.verb);
  return main.speaker ? { ...found, ...main, from: found.from, to: found.to } : found;
}

/** The subject opening the sentence at `from`: a name after capitals and "the" only, or a pronoun. */
function mainSubject(ctx: Context, from: number, verb: Word): Found {
  const cue = { cue: verb.text, via: null, viaEntity: null, from: verb.start, to: verb.end, verb };
  const first = ctx.words[firstWordFrom(ctx.words, from)];
  if (first && /^(?:he|she)$/i.test(first.text)) {
    return { ...resolvePronoun(ctx, first.text.toLowerCase(), first.start), ...cue };
  }
  const m = mentionsWithin(ctx, from, verb.start).find((m) => !ctx.inQuote(m.start));
  // An adverbial set off by a comma may come first ("On Wednesday, Okafor ...").
  const lead = m ? ctx.text.slice(from, m.start).replace(/^[^,]*,/u, "").split(/\s+/) : [];
  const opens = m !== undefined && lead.length <= 3 &&
    lead.every((w) => w === "" || /^(?:\p{Lu}|the$|The$)/u.test(w)) &&
    !/^ ?['’]s\b/u.test(ctx.text.slice(m.end, m.end + 3));
  if (!m || !opens || (m.type !== "PERSON" && m.type !== "ORG")) {
    return { ...noSpeech(`"${verb.text}": no name opens the sentence`), ...cue };
  }
  if (otherClauseSubject(ctx, m.end, verb.start)) {
    return {
      ...noSpeech(`"${verb.text}": a clause with a subject of its own stands before it`),
      ...cue,
    };
  }
  return { ...participleSubject(m), ...cue };
}

/** Words that open a clause with a subject of its own ("sobbed as the judge handed down"). */
const SUBORDINATORS = new Set([
  "as",
  "when",
  "while",
  "whilst",
  "after",
  "before",
  "because",
  "since",
  "until",
  "whereas",
  "although",
  "though",
]);

/**
 * Whether a clause opened by a subordinator, with a person or organisation of its own, stands
 * between the main subject (ending at `from`) and the participle (at `to`): "Hallman sobbed as
 * Judge Schofield handed down the sentence, calling his crimes “breathtaking”" — either may be
 * calling, so neither is taken.
 */
function otherClauseSubject(ctx: Context, from: number, to: number): boolean {
  let opened = -1;
  for (let k = firstWordFrom(ctx.words, from); k < ctx.words.length; k++) {
    if (ctx.words[k].start >= to) break;
    if (ctx.quoted[k] !== 1 && SUBORDINATORS.has(ctx.lowers[k])) {
      opened = ctx.words[k].end;
      break;
    }
  }
  if (opened < 0) return false;
  return mentionsWithin(ctx, opened, to).some((m) =>
    (m.type === "PERSON" || m.type === "ORG") && !ctx.inQuote(m.start)
  );
}
