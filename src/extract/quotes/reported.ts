/**
 * The content of reported speech: the clause a speech cue reports, not the cue. "Ortiz said (that)
 * CONTENT.", "X told reporters CONTENT.", "CONTENT, the ministry said.", "According to X,
 * CONTENT." and "CONTENT, according to X."; and the attributions they make, a second statement
 * after ", adding that" apart.
 * @module
 */

import type { CleanArticle } from "../../corpus/clean.ts";
import type { Sentence } from "../../text/segment.ts";
import { lowerCase, type Word } from "../words.ts";
import type { QuoteCues } from "./data.ts";
import { firstWordFrom } from "./speakers.ts";
import { type Attribution, type Context, type Found, speechFields } from "./types.ts";

/** Offsets of a content clause in the text. */
export interface Content {
  start: number;
  end: number;
}

/** First words of an adverbial opening a sentence before its cue ("In an interview, X said"). */
const ADVERBIAL_OPENERS = new Set([
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "asked",
  "speaking",
  "writing",
  "responding",
  "when",
  "while",
  "since",
  "later",
  "earlier",
  "under",
  "amid",
  "despite",
  "following",
  "facing",
  "citing",
  "without",
  "unlike",
  "according",
]);
/** After a second verb, a preposition opens no statement ("and warned against ..."). */
const PREPOSITIONS = new Set(["against", "for", "of", "about", "on", "to", "with", "in", "at"]);
/** Listeners that a noun follows ("told the court", "told his supporters"). */
const DETERMINERS = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "my"]);
/** A finite auxiliary or copula: after a noun, it makes the noun a subject ("the review is"). */
const AUXILIARY =
  /^(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|does|did|remains|remained)$/;
const END = /[\s.!?;:,"“”'’)\]]+$/u;
const TIME =
  /^\s*(?:on |last |this |late |early )?(?:today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|afternoon)\b,?(?:\s+that\b)?/u;
/**
 * A phrase of manner or time before "that": "in a statement that", "on Twitter that", "in an email
 * Monday that", "for months that", "over the weekend that".
 */
const HOW = /^\s*(?:in|on|at|during|via|through|to|for|over)\s+[^,;:"“”]{1,60}?\s+that\b/u;
/** A phrase of manner, not content, after a participle ("writing in a blog post ..."). */
const MANNER = /^(?:in|on|at|via|through|during|using|with)\b/u;
const START = /^[\s,;:"“”'‘(\[—–-]+/u;

/**
 * Trims marks and spaces at both ends of `[start, end)`; null when no letter is left. A mark that
 * opens or closes a quotation inside the clause stays with it (`said "the plan" is dead`).
 */
function trimmed(text: string, start: number, end: number): Content | null {
  const slice = text.slice(start, end);
  const lead = START.exec(slice)?.[0].length ?? 0;
  const tail = END.exec(slice.slice(lead))?.[0].length ?? 0;
  let s = start + lead;
  let e = end - tail;
  if (e <= s || !/\p{L}/u.test(text.slice(s, e))) return null;
  const open = text.slice(start, s).search(/["“](?=[^"“]*$)/u);
  if (open >= 0 && pairInside(text.slice(s, e), text[start + open])) s = start + open;
  const close = text.slice(e, end).search(/["”]/u);
  if (close >= 0 && pairInside(text.slice(s, e), text[e + close])) e += close + 1;
  return { start: s, end: e };
}

/** Whether `clause` holds the other mark of a quotation whose `mark` was trimmed off it. */
function pairInside(clause: string, mark: string): boolean {
  const count = (m: string) => clause.split(m).length - 1;
  if (mark === '"') return count('"') % 2 === 1;
  return mark === "“" ? count("”") > count("“") : count("“") > count("”");
}

/** After the cue: skip the listener of "told reporters" and a "that". */
function contentAfter(
  words: readonly Word[],
  i: number,
  verb: string,
  cues: QuoteCues,
): number {
  let k = i;
  if (cues.objectVerbs.has(lowerCase(verb))) {
    // The listener: a few words up to "that", or the listener words and one name.
    const that = thatAfterListener(words, k);
    if (that >= 0) return that + 1;
    // Determiners and pronouns, then at most one noun ("told reporters the vote ...").
    while (k < words.length && k - i < 4 && cues.listeners.has(lowerCase(words[k].text))) {
      k++;
      if (!DETERMINERS.has(lowerCase(words[k - 1].text))) break;
    }
    // After a determiner, its noun is the listener too ("told the court he had ..."), or its
    // name ("telling the Senate Finance Committee he was ...").
    if (k > i && DETERMINERS.has(lowerCase(words[k - 1].text)) && words[k]?.kind === "word") {
      k++;
      while (
        k < words.length && /^\p{Lu}/u.test(words[k].text) && /^\p{Lu}/u.test(words[k - 1].text)
      ) k++;
    }
    if (k === i && words[k] && /^\p{Lu}/u.test(words[k].text)) {
      while (k < words.length && /^\p{Lu}/u.test(words[k].text)) k++;
    }
    // "promised the review is coming", "promising a “formal update” ... is forthcoming": what
    // a verb or a quotation follows is the clause's subject, not a listener.
    const last = words[k - 1];
    if (k > i && (AUXILIARY.test(words[k]?.text ?? "") || DETERMINERS.has(lowerCase(last.text)))) {
      k = i;
    }
  }
  if (words[k]?.text === "that") k++;
  return k;
}

/**
 * The "that" after a listener of up to seven words, marks aside ("told CNBC's “Squawk Box
 * Europe” that"), before any clause mark; else -1.
 */
function thatAfterListener(words: readonly Word[], k: number): number {
  for (let j = k, n = 0; j < words.length && n <= 7; j++) {
    const t = words[j].text;
    if (t === "that") return j;
    if (t === "," || t === ";" || t === "." || t === ":") return -1;
    if (words[j].kind === "word") n++;
  }
  return -1;
}

/**
 * The reported clause of a cue `[cueFrom, cueTo)` with verb `verb` (null for "according to") in
 * `sentence`; null when the sentence holds nothing else.
 */
export function reportedContent(
  text: string,
  words: readonly Word[],
  sentence: Sentence,
  cue: { from: number; to: number; verb: Word | null },
  cues: QuoteCues,
): Content | null {
  const before = trimmed(text, sentence.start, cue.from);
  // The content follows the verb, even when the cue is a document named before it ("In a joint
  // statement published on Tuesday, the two sides vowed to ...").
  const start = contentStart(text, words, sentence, cue, cues);
  // "... is forthcoming: “The Home Secretary and I ...”": the quote a colon opens is direct
  // speech of its own, not part of the reported clause.
  const colonQuote = /:\s*["“]/u.exec(text.slice(start, sentence.end));
  const end = colonQuote ? start + colonQuote.index : sentence.end;
  const after = start < end ? trimmed(text, start, end) : null;
  // "Okafor tweeted using her account:" — before a colon ending the sentence, how it was said is
  // no content (what follows the colon is).
  const colon = /:\s*$/.test(text.slice(cue.to, sentence.end));
  if (colon && (!after || MANNER.test(text.slice(after.start, after.end)))) return null;
  // "The case on which the judge ruled was ...": the cue sat in a relative clause.
  if (cue.verb && PREPOSITIONAL_RELATIVE.test(text.slice(sentence.start, cue.from))) return null;
  // ", explaining, “...”", "writing in a blog post “...”": a participle reports what follows it.
  if (cue.verb && cues.participleCues.has(lowerCase(cue.verb.text))) {
    return after && !MANNER.test(text.slice(after.start, after.end)) ? after : null;
  }
  // "CONTENT, X told Y on Monday." — a cue after a comma and a clause of four words or more
  // closes the sentence: the content comes before it ("On Monday, X said ..." keeps what follows).
  const lead = text.slice(sentence.start, cue.from).replace(/\b(?:the|a|an)\s*$/i, "");
  const nBefore = lead.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const rest = text.slice(cue.to, sentence.end);
  const nAfter = rest.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const listenerOnly = cue.verb !== null && takesListener(cues, cue.verb) && !/\bthat\b/.test(rest);
  const commaAfter = /^\s*,/.test(rest);
  const thatFollows = /^\s*that\b/.test(rest);
  // "In an interview with Fox News, X said ...", "Asked whether ..., X said ...": an adverbial
  // before the cue, not what was said.
  const adverbial = ADVERBIAL_OPENERS.has(lowerCase(/^[\s"“]*(\p{L}+)/u.exec(lead)?.[1] ?? ""));
  // "..., the ministry then says it was not secret": a clause follows.
  const clauseAfter = /^\s*(?:it|he|she|they|we|I|there)\b/u.test(rest);
  // "..., who had told Montalvo he would ...": a relative clause's cue reports what follows it.
  const relative = /^(?:who|which)\b/iu.test(text.slice(cue.from, cue.to));
  if (
    before !== null && /,\s*$/.test(lead) && nBefore >= 4 && !thatFollows && !adverbial &&
    !clauseAfter && !relative && (nAfter <= 6 || listenerOnly || commaAfter)
  ) {
    return trimmed(text, sentence.start, sentence.start + lead.length);
  }
  // `"...," said Terry Smith, founder of Fundsmith, who has ...`: after an inverted tag and its
  // comma come the speaker's appositives, not what was said (the quote before it was).
  const inverted = cue.verb !== null && cue.verb.start === cue.from;
  if (inverted && commaAfter && !/,\s*$/.test(lead)) return null;
  if (after) return after;
  // "X said:" introduces what follows (a quote, or a statement in the next paragraph); the
  // words before the cue are its subject or an adverbial ("Speaking in Brussels, X said:").
  // "... record sales according to the company report." needs no comma.
  if (/^\s*:\s*$/.test(rest) || (cue.verb !== null && !/,\s*$/.test(lead))) return null;
  return before;
}

/** "on which", "about whom" before the cue's subject: the cue is inside a relative clause. */
const PREPOSITIONAL_RELATIVE = /\b(?:on|in|of|about|for|to|with|by|at) (?:which|whom)\b[^,;]*$/iu;

/** Where the content after the cue starts: past the listener, a "that", a time, a manner. */
function contentStart(
  text: string,
  words: readonly Word[],
  sentence: Sentence,
  cue: { from: number; to: number; verb: Word | null },
  cues: QuoteCues,
): number {
  const from = cue.verb && cue.verb.start >= cue.from ? Math.max(cue.to, cue.verb.end) : cue.to;
  let start = from;
  if (cue.verb && cue.verb.end <= from) {
    const k = contentAfter(words, firstWordFrom(words, from), cue.verb.text, cues);
    start = k < words.length ? Math.max(from, words[k].start) : sentence.end;
  }
  // A time after the verb is no content: "said on Friday (that) ...".
  const time = TIME.exec(text.slice(start, sentence.end));
  if (time) start += time[0].length;
  // Nor is how it was said: "said in a statement that ...", "told CNN in an interview that ...".
  const how = HOW.exec(text.slice(start, Math.min(sentence.end, start + 120)));
  if (how) start += how[0].length;
  return start;
}

/** True for a verb whose listener comes before the content ("told visiting ..."). */
function takesListener(cues: QuoteCues, verb: Word): boolean {
  return cues.objectVerbs.has(lowerCase(verb.text));
}

/**
 * The attributions of one speech: its reported clause, split in two when a participle opens a
 * second statement by the same speaker ("X said A, adding that B").
 */
export function attributionsOf(
  ctx: Context,
  article: CleanArticle,
  sentence: Sentence,
  found: Found,
): Attribution[] {
  // "I said ...", "we announced ...": the writer or a speech's own speaker in the first person
  // is the text speaking, not a source it reports; "you say ..." addresses the reader or the
  // one interviewed.
  if (firstPerson(found.speakerRaw)) return [];
  const content = reportedContent(ctx.text, ctx.words, sentence, found, ctx.quoteCues);
  if (!content || !reportsSomething(ctx, content) || placeOnly(ctx.text, content)) return [];
  const second = secondStatement(ctx, content);
  const of = (
    c: { start: number; end: number },
    cue: { from: number; to: number; cue: string },
  ) => ({
    articleId: article.id,
    outlet: article.outlet,
    sentenceId: sentence.id,
    text: ctx.text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    cueText: ctx.text.slice(cue.from, cue.to),
    cueStart: cue.from,
    cueEnd: cue.to,
    ...speechFields(found),
    cue: cue.cue,
  });
  const cue = { from: found.from, to: found.to, cue: found.cue ?? "" };
  if (!second) return [{ ...of(content, cue), cue: found.cue }];
  const first = trimmed(ctx.text, content.start, second.comma) ??
    { start: content.start, end: second.comma };
  const out = placeOnly(ctx.text, first) ? [] : [{ ...of(first, cue), cue: found.cue }];
  if (reportsSomething(ctx, second.content)) out.push(of(second.content, second.cue));
  return out;
}

/**
 * ", adding that B" or "and said B" inside a reported clause: where the first clause ends and
 * the second is.
 */
function secondStatement(ctx: Context, content: { start: number; end: number }) {
  const k0 = firstWordFrom(ctx.words, content.start);
  for (let k = k0 + 2; k < ctx.words.length && ctx.words[k].end <= content.end; k++) {
    if (ctx.quoted[k] === 1) continue;
    const participle = ctx.words[k - 1].text === "," &&
      ctx.quoteCues.secondStatementCues.has(ctx.lowers[k]);
    // "X called the plan a mistake and said it would fail": a second verb after "and".
    const joined = ctx.lowers[k - 1] === "and" && ctx.speechVerb[k] === 1 &&
      ctx.words[k].text === ctx.lowers[k] && !PREPOSITIONS.has(ctx.lowers[k + 1] ?? "");
    if (!participle && !joined) continue;
    const skip = ctx.lowers[k + 1] === "that" ? 2 : 1;
    const at = ctx.words[k + skip];
    if (!at || at.start >= content.end) return null;
    return {
      comma: ctx.words[k - 1].start,
      content: { start: at.start, end: content.end },
      cue: { from: ctx.words[k].start, to: ctx.words[k + skip - 1].end, cue: ctx.words[k].text },
    };
  }
  return null;
}

/**
 * A first- or second-person subject, alone or with auxiliaries and adverbs ("I", "We recently",
 * "I 'd", "I am", "You also"), never a clause naming someone else ("I met a man who").
 */
function firstPerson(raw: string | null): boolean {
  const words = raw?.split(/\s+/) ?? [];
  // "I was basically hauled in and told that ...": a clause of the first person's own.
  if (words.length === 0 || words.length > 8 || !FIRST_PERSON.has(lowerCase(words[0]))) {
    return false;
  }
  return words.slice(1).every((w) => /^['’]?\p{Ll}+$/u.test(w) && !RELATIVES.has(w));
}
const FIRST_PERSON = new Set(["i", "we", "you"]);
const RELATIVES = new Set(["who", "which", "that", "whom"]);

/**
 * A short phrase of place, time or manner where content should be (`tweeted to Mohamed`, `says
 * on "The Countdown"`, `observed at the opening`): the cue reports nothing here.
 */
function placeOnly(text: string, content: Content): boolean {
  const words = text.slice(content.start, content.end).split(/\s+/);
  // "declared in favour of annexation" is a position stated.
  if (/^(?:favou?r|support)$/iu.test(words[1] ?? "")) return false;
  return words.length <= 6 && PLACE_PREPOSITIONS.has(lowerCase(words[0]));
}
const PLACE_PREPOSITIONS = new Set([
  "to",
  "on",
  "at",
  "from",
  "in",
  "via",
  "during",
  "with",
  "after",
  "before",
]);

/**
 * Content worth an attribution: two words or more, not all inside quotation marks (a quoted
 * fragment is a partial quote of its own, not reported speech).
 */
function reportsSomething(ctx: Context, content: { start: number; end: number }): boolean {
  let n = 0;
  let quoted = 0;
  for (let i = firstWordFrom(ctx.words, content.start); i < ctx.words.length; i++) {
    if (ctx.words[i].end > content.end) break;
    if (ctx.words[i].kind === "punct") continue;
    n++;
    quoted += ctx.quoted[i];
  }
  return n >= 2 && quoted < n;
}
