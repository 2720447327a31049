/**
 * Pronoun speakers ("she says", "it said") resolved to someone named before: the nearest
 * sentence back that holds a compatible person (gender from honorifics, roles and first names)
 * as a speaker or a subject; a person named only as an object ("... met Ortiz") is never taken.
 * Two people who fit equally leave the speaker empty.
 * @module
 */

import type { Sentence } from "../../text/segment.ts";
import type { Gender } from "./data.ts";
import { genderOf } from "./names.ts";
import { firstWordFrom, mentionsWithin } from "./speakers.ts";
import type { Context, Heard, Speech } from "./types.ts";

/** How far back a pronoun may reach: sentences, and paragraphs. */
const MAX_SENTENCES = 6;
const MAX_PARAGRAPHS = 2;
/** What joins two subjects: "and", "or", a comma, and the second one's title. */
const COORDINATED = /^\s*(?:,|,?\s*and|,?\s*or)\s+(?:\p{Lu}[\p{L}.]*\s+)*$/u;

/** "'s" after a name, attached or tokenised apart ("Hall 's"). */
const POSSESSIVE = /^ ?['’]s\b/u;

interface Candidate {
  name: string;
  at: number;
  gender: Gender | null;
  speaker: boolean;
  subject: boolean;
}

type Resolved = Omit<Speech, "cue" | "via" | "viaEntity">;

function sentenceIndexAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Persons in `[from, to)`: speakers heard there, and person mentions outside quotes. */
function candidatesIn(ctx: Context, s: Sentence, to: number): Candidate[] {
  const out: Candidate[] = [];
  for (const h of ctx.history) {
    if (h.type === "person" && h.at >= s.start && h.at < to) {
      out.push({ name: h.speaker, at: h.at, gender: h.gender, speaker: true, subject: true });
    }
  }
  let first = true;
  let subjectEnd = -1;
  for (const m of mentionsWithin(ctx, s.start, to)) {
    if (m.type !== "PERSON" || ctx.inQuote(m.start)) continue;
    // An owner is no one speaking: "Mr. Hall's letter ...".
    if (POSSESSIVE.test(ctx.text.slice(m.end, m.end + 4))) continue;
    // A subject opens its sentence (at most three words before it), or is joined to one by
    // "and" ("Governor Paul Reyes and Mayor Tom Bell spoke").
    const lead = ctx.text.slice(s.start, m.start).split(/\s+/).filter((w) => /\p{L}/u.test(w));
    const joined = subjectEnd >= 0 && COORDINATED.test(ctx.text.slice(subjectEnd, m.start));
    const subject = (first && lead.length <= 3) || joined;
    if (subject) subjectEnd = m.end;
    out.push({
      name: m.entity,
      at: m.start,
      gender: genderOf(m.entity, m.role ?? m.text, ctx.quoteCues),
      speaker: false,
      subject,
    });
    first = false;
  }
  return out;
}

function fits(c: Candidate, g: Gender | null): boolean {
  return g === null || c.gender === null || c.gender === g;
}

/** The one name among candidates, preferring those whose gender is known to match. */
function single(cands: Candidate[], g: Gender | null): string | null | "ambiguous" {
  if (cands.length === 0) return null;
  const matching = cands.filter((c) => g !== null && c.gender === g);
  const pool = matching.length ? matching : cands;
  const names = new Set(pool.map((c) => c.name));
  return names.size === 1 ? pool[0].name : "ambiguous";
}

/** Resolves "he"/"she"/"it" at `at` to a speaker, or leaves it empty with a reason. */
export function resolvePronoun(ctx: Context, pronoun: string, at: number): Resolved {
  if (pronoun === "it") return resolveIt(ctx, at);
  const g = ctx.quoteCues.pronounGender.get(pronoun);
  if (g === undefined) return empty(`pronoun "${pronoun}": not one person`);
  return resolveBack(ctx, g, at, `pronoun "${pronoun}"`);
}

/**
 * "the Spaniard said", "the 24-year-old said": a description that only a person named just
 * before can fit, resolved like a pronoun of either gender (`raw` names it in the reason).
 */
export function resolveDescription(ctx: Context, raw: string, at: number): Resolved {
  const r = resolveBack(ctx, null, at, `a description ("${raw}")`, true);
  return r.speaker ? { ...r, speakerRaw: raw, sieve: "description", confidence: 0.7 } : r;
}

/**
 * The person a pronoun or description of gender `g` at `at` stands for; `label` opens a reason.
 * `strict`: the sentence that decides names nobody else ("Sinner beat Alcaraz. ... the Spaniard
 * said" is the one beaten, not the subject).
 */
function resolveBack(
  ctx: Context,
  g: Gender | null,
  at: number,
  label: string,
  strict = false,
): Resolved {
  const here = sentenceIndexAt(ctx.sentences, at);
  const paragraph = ctx.sentences[here].paragraph;
  const objects: Candidate[] = [];
  // Sentences and paragraphs that are all quote do not count: a quote running over several
  // paragraphs, tagged only in its last one ("she said"), still reaches the name before it.
  let sentences = 0;
  let crossed = 0;
  let current = paragraph;
  let allQuote = false;
  for (let k = here; k >= 0; k--) {
    const s = ctx.sentences[k];
    if (s.paragraph !== current) {
      crossed += current - s.paragraph - (allQuote ? 1 : 0);
      current = s.paragraph;
      allQuote = true;
    }
    if (k === here || !quoteOnly(ctx, s)) {
      allQuote = false;
      sentences++;
    }
    if (crossed > MAX_PARAGRAPHS || sentences > MAX_SENTENCES) break;
    const cands = candidatesIn(ctx, s, k === here ? at : s.end).filter((c) => fits(c, g));
    const decides = cands.some((c) => c.speaker || c.subject);
    if (strict && decides && new Set(cands.map((c) => c.name)).size > 1) {
      return empty(`${label}: two people fit`);
    }
    for (const tier of [cands.filter((c) => c.speaker), cands.filter((c) => c.subject)]) {
      const one = single(tier, g);
      if (one === "ambiguous") return empty(`${label}: two people fit`);
      if (one) return person(one, g, objects.length ? 0.7 : 0.85);
    }
    objects.push(...cands);
  }
  // An object alone is a guess ("Police said Reyes ... “...,” she said", "Her book is about
  // Anne Clark. She found ..."): wrong is worse than empty.
  return empty(
    objects.length ? `${label}: only an object fits` : `${label}: nobody fits before`,
  );
}

/** True when every word of the sentence is inside a quotation (its marks too). */
function quoteOnly(ctx: Context, s: Sentence): boolean {
  const to = firstWordFrom(ctx.words, s.end);
  let i = firstWordFrom(ctx.words, s.start);
  if (i >= to) return false;
  for (; i < to; i++) if (ctx.quoted[i] === 0) return false;
  return true;
}

/** "it said": the last organisation or document heard in the paragraph or the one before. */
function resolveIt(ctx: Context, at: number): Resolved {
  const hereIndex = sentenceIndexAt(ctx.sentences, at);
  const here = ctx.sentences[hereIndex].paragraph;
  let last: Heard | undefined;
  for (const h of ctx.history) {
    if (h.at < at && h.type !== "person") last = h;
  }
  if (!last) return empty(`pronoun "it": no organisation heard before`);
  const thereIndex = sentenceIndexAt(ctx.sentences, last.at);
  const there = ctx.sentences[thereIndex].paragraph;
  // As far back as a person's pronoun reaches: in a long paragraph (a speech printed as one),
  // "it added $2 trillion" forty sentences after "the IMF is estimating" is not the IMF.
  if (here - there > MAX_PARAGRAPHS || hereIndex - thereIndex > MAX_SENTENCES) {
    return empty(`pronoun "it": no organisation heard nearby`);
  }
  // "... according to LSEG. Delta has leaned on ... The company said": another organisation
  // opened a sentence since; "it" may be either.
  if (otherSubjectSince(ctx, last, at)) {
    return empty(`pronoun "it": another organisation named since ${last.speaker}`);
  }
  return {
    speaker: last.speaker,
    speakerType: last.type,
    speakerRaw: null,
    role: null,
    sieve: "pronoun",
    confidence: 0.7,
    reason: null,
  };
}

/** True when an organisation other than `last` opens a sentence between it and `at`. */
function otherSubjectSince(ctx: Context, last: Heard, at: number): boolean {
  for (const m of mentionsWithin(ctx, last.at + 1, at)) {
    if (m.type !== "ORG" || m.entity === last.speaker || ctx.inQuote(m.start)) continue;
    const s = ctx.sentences[sentenceIndexAt(ctx.sentences, m.start)];
    const lead = ctx.text.slice(s.start, m.start).split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (lead.length <= 1) return true;
  }
  return false;
}

function person(name: string, _g: Gender | null, confidence: number): Resolved {
  return {
    speaker: name,
    speakerType: "person",
    speakerRaw: null,
    role: null,
    sieve: "pronoun",
    confidence,
    reason: null,
  };
}

function empty(reason: string): Resolved {
  return {
    speaker: null,
    speakerType: null,
    speakerRaw: null,
    role: null,
    sieve: null,
    confidence: 0,
    reason,
  };
}
