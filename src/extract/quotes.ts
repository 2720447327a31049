/**
 * Quotes and attributions: who is quoted, in their own words or reported, and through whom.
 *
 * A span between quotation marks is first told apart from marks that hold no quote: the title
 * of a work ("Meet the Press"), a nickname or a term ({@link markedKind}); these never get a
 * speaker. A quote is *direct* when it opens its sentence (or follows a colon) and runs to at
 * least four words; *partial* when a speaker is attributed in its sentence, or when it runs to
 * four words or more (someone's words, speaker unknown); otherwise a *scare* quote (a label:
 * “special” relationship). Headlines and subheads hold only scare quotes.
 *
 * Speakers come from ordered sieves (after Muzny et al. 2017): the cue in the quote's own
 * sentence ("...," Kaine said / says Jane Ortiz / Okafor said: "..."), the name grown to the whole
 * name with its role apart ("said spokesman Josh Schwerin"); a pronoun resolved to the nearest
 * compatible person before it (see `quotes/pronouns.ts`); then a quote that continues the same
 * speaker's quote (in the same paragraph after its tag, or a paragraph of quote after a
 * paragraph that was that speaker's quote). Each speaker carries its sieve and a confidence;
 * when no sieve is sure the speaker stays empty with a reason. Relays ("according to state
 * broadcaster NHK", "AFP reported Macron emphasized ...") are kept as `via`.
 *
 * Indirect speech ("Okafor said Canada wanted ...", "the ministry said", "according to X, ...") becomes
 * an attribution: one per sentence with a speech cue and no direct quote; its `text` is the
 * reported clause, the cue as written is `cueText`.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence } from "../text/segment.ts";
import { type Cues, DEFAULT_CUES } from "./cues.ts";
import type { EntityMention } from "./entities.ts";
import { extractionWords, lowerCase, quickHas, sentenceWords, type Word } from "./words.ts";
import { DEFAULT_QUOTE_CUES, type QuoteCues } from "./quotes/data.ts";
import {
  articleSpans,
  joinNameSplits,
  markedKind,
  pastMark,
  quoteSpans,
  resumes,
  type Span,
} from "./quotes/spans.ts";
import {
  attributionIn,
  firstWordFrom,
  knownSurname,
  PASSIVE,
  PROGRESSIVE_BE,
  sentenceAt,
  signedName,
  speakerGender,
} from "./quotes/speakers.ts";
import { attributionsOf } from "./quotes/reported.ts";
import { fullName, fullOrganisation } from "./quotes/complete.ts";
import { introSpeaker } from "./quotes/intro.ts";
import {
  coordinatedSpeech,
  openingParticipleSpeech,
  participleSpeech,
} from "./quotes/participles.ts";
import {
  type Attribution,
  type Context,
  type Found,
  noSpeech,
  type SpeakerType,
  type Speech,
  speechFields,
} from "./quotes/types.ts";

export { quoteSpans } from "./quotes/spans.ts";
export type { Attribution, Sieve, SpeakerType, Speech } from "./quotes/types.ts";

/** What a quotation is: someone's words (direct, partial), a label (scare), or no quote at all. */
export type QuoteKind = "direct" | "partial" | "scare" | "title" | "nickname" | "term";

/** One quotation. `text` is the quoted words without the marks; offsets are into the cleaned text. */
export interface Quote extends Speech {
  /** The article's id. */
  articleId: string;
  /** The article's outlet. */
  outlet: string;
  /** The sentence where the quote opens. */
  sentenceId: string;
  /** The quoted words, without the quotation marks. */
  text: string;
  /** What the quotation is. */
  kind: QuoteKind;
  /** Offset of the quoted words in the cleaned text. */
  start: number;
  /** Offset just past them. */
  end: number;
}

/** What quote extraction reads (defaults: the shipped cues). */
export interface QuoteOptions {
  cues?: Cues;
  quoteCues?: QuoteCues;
}

type Placed = Span & { paragraph: number };

/** What one article's pass carries from quote to quote. */
interface State {
  article: CleanArticle;
  spans: Placed[];
  quotes: Quote[];
  /** The index in `spans` of each quote. */
  quoteSpan: number[];
  attributions: Attribution[];
  /** The first span not yet past (spans and sentences are both visited in text order). */
  nextSpan: number;
  /** The last sentence of reported speech: its speech, and where it is. */
  lastReported: { speech: Speech; index: number; paragraph: number; colon: boolean } | null;
  /** The last direct quote: its speech, paragraph and closing mark. */
  lastDirect: { speech: Speech; paragraph: number; close: number } | null;
}

/**
 * Finds the quotes and attributions of one article, given its sentences and entity mentions.
 *
 * @example
 * const { quotes } = extractQuotes(article, sentences, mentions);
 * quotes[0]; // { kind: "direct", speaker: "Fumio Kishida", speakerType: "person", cue: "told",
 *            //   via: "according to state broadcaster NHK", viaEntity: "NHK", sieve: "cue", ... }
 */
export function extractQuotes(
  article: CleanArticle,
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  options: QuoteOptions = {},
): { quotes: Quote[]; attributions: Attribution[] } {
  const quoteCues = options.quoteCues ?? DEFAULT_QUOTE_CUES;
  const spans = articleSpans(article.text, article.paragraphs, quoteCues.runOnTagVerbs);
  const ctx = contextOf(article, sentences, mentions, spans, options);
  const state: State = {
    article,
    spans,
    quotes: [],
    quoteSpan: [],
    attributions: [],
    nextSpan: 0,
    lastDirect: null,
    lastReported: null,
  };
  for (const sentence of ctx.sentences) sentenceSpeech(ctx, state, sentence);
  openQuoteSpeakers(state);
  state.quotes = state.quotes.flatMap((q) => [q, ...nestedQuotes(article.text, q)]);
  const person = fullName(mentions);
  const organisation = fullOrganisation(mentions);
  for (const s of [...state.quotes, ...state.attributions]) {
    if (s.speakerType === "person" && s.speaker) s.speaker = person(s.speaker);
    if (s.speakerType === "organisation" && s.speaker) s.speaker = organisation(s.speaker);
  }
  return { quotes: state.quotes, attributions: state.attributions };
}

/**
 * A quote over several paragraphs as news prints it: each paragraph opens with a mark, only the
 * last one closes, and the tag may come only there (`"We had no power.` / `"Nurses carried
 * patients," she said.`). A direct quote left open at its paragraph's end with no cue and no
 * speaker takes the speaker of the direct quote opening the next paragraph; walked backwards, so
 * a whole chain does.
 */
function openQuoteSpeakers(state: State): void {
  for (let q = state.quotes.length - 2; q >= 0; q--) {
    const quote = state.quotes[q];
    const next = state.quotes[q + 1];
    if (quote.speaker || quote.cue || quote.kind !== "direct") continue;
    if (!next.speaker || next.kind !== "direct") continue;
    const a = state.spans[state.quoteSpan[q]];
    const b = state.spans[state.quoteSpan[q + 1]];
    if (b.paragraph !== a.paragraph + 1 || b.open !== paragraphOf(state, b.paragraph)?.start) {
      continue;
    }
    if (a.close !== paragraphOf(state, a.paragraph)?.end) continue;
    state.quotes[q] = {
      ...quote,
      ...speechFields(next),
      cue: null,
      sieve: "continuation",
      confidence: 0.8,
    };
  }
}

/**
 * The quotes someone's quote holds that are clauses of their own (`"... and she said, 'Are you
 * sure about this?'"`): direct, and never the outer speaker's words, so the speaker stays empty.
 * Shorter marked words inside a quote are labels, left out.
 */
function nestedQuotes(text: string, outer: Quote): Quote[] {
  if (outer.kind !== "direct" && outer.kind !== "partial") return [];
  const out: Quote[] = [];
  for (const span of quoteSpans(text, outer.start, outer.end)) {
    const inner = text.slice(span.start, span.end);
    const nWords = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (span.close >= outer.end || !/^\p{Lu}/u.test(inner) || nWords < 4) continue;
    out.push({
      ...outer,
      ...noSpeech("a quote inside a quotation: not the outer speaker's words"),
      kind: "direct",
      text: inner,
      start: span.start,
      end: span.end,
    });
  }
  return out;
}

function contextOf(
  article: CleanArticle,
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  spans: readonly Span[],
  options: QuoteOptions,
): Context {
  const cues = options.cues ?? DEFAULT_CUES;
  const inQuote = insideOf(spans);
  const ordered = joinNameSplits(article.text, [...sentences].sort((a, b) => a.start - b.start));
  const words = ordered.flatMap(sentenceWords);
  const lowers = words.map((w) => lowerCase(w.text));
  // Per word, once: speech verbs of either kind, and whether it sits inside a quote.
  const isSpeechVerb = quickHas(cues.speechVerbs);
  const isDirectVerb = quickHas(cues.directSpeechVerbs);
  const quoteCues = options.quoteCues ?? DEFAULT_QUOTE_CUES;
  const isReportingVerb = quickHas(quoteCues.reportingVerbs);
  const speechVerb = new Uint8Array(words.length);
  const directVerb = new Uint8Array(words.length);
  const quoted = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const t = words[i].text;
    // Reporting verbs in lower case only: "the United States" reports nothing.
    if (
      (isSpeechVerb(t) || (t === lowers[i] && isReportingVerb(t))) &&
      !nonSpeechUse(words, lowers, i, quoteCues)
    ) speechVerb[i] = 1;
    else if (lowers[i + 1] === "that" && quoteCues.thatVerbs.has(lowers[i])) speechVerb[i] = 1;
    else if (continuesQuote(lowers, i)) speechVerb[i] = 1;
    else if (issuesDocument(lowers, i, quoteCues, cues)) speechVerb[i] = 1;
    else if (progressiveSpeech(lowers, i, cues, quoteCues)) speechVerb[i] = 1;
    else if (t === lowers[i] && labelsAsQuoted(lowers, i, quoteCues)) speechVerb[i] = 1;
    if (isDirectVerb(t)) directVerb[i] = 1;
    else if (quoteCues.tagVerbs.has(lowers[i]) && afterQuoteTag(article.text, words[i].start)) {
      directVerb[i] = 1;
    }
    if (spans.length && inQuote(words[i].start)) quoted[i] = 1;
  }
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) {
    sorted = mentions[i - 1].start <= mentions[i].start;
  }
  return {
    words,
    lowers,
    speechVerb,
    directVerb,
    quoted,
    text: article.text,
    sentences: ordered,
    mentions,
    mentionsSorted: sorted,
    cues,
    quoteCues,
    history: [],
    inQuote,
  };
}

/** True right after a quote closed by a comma or a mark: `"...," read the headline`. */
function afterQuoteTag(text: string, at: number): boolean {
  return /[,!?]\s*["”’']{1,2}\s*$/.test(text.slice(Math.max(0, at - 7), at));
}

/** Object pronouns after which "called" is a telephone call ("Paul called me back"). */
const CALLED_PRONOUNS = new Set(["me", "us", "him", "her", "them", "you"]);
/** What may follow a telephone call's object ("called me back", "called us today"). */
const AFTER_CALL = new Set([
  "back",
  "up",
  "to",
  "at",
  "on",
  "from",
  "about",
  "and",
  "today",
  "yesterday",
  "last",
  "this",
  ",",
  ".",
]);
/** Words before "called" that keep it a speech verb: subjects, auxiliaries, adverbs' company. */
const CALLED_SUBJECTS = new Set([
  "he",
  "she",
  "they",
  "it",
  "we",
  "i",
  "you",
  "who",
  "which",
  "that",
  "has",
  "have",
  "had",
  "was",
  "were",
  "is",
  "be",
  "been",
  "also",
  "then",
  "now",
  "just",
  "once",
  "again",
  "later",
  "today",
  "yesterday",
  "even",
  "still",
  "already",
  "and",
  "but",
  "or",
  "-",
]);
/** Determiners that make the noun before "called" a thing being named ("his company called X"). */
const NAMING_DETERMINERS = new Set(["a", "an", "his", "her", "its", "their", "my", "our", "your"]);

/**
 * A speech verb used for something else: "all told" (in all), "called" as a telephone call
 * ("Paul called me back", "called to let me know") or naming a thing ("a device called X",
 * "his company called Acme"), not a speaker calling something a name.
 */
function nonSpeechUse(
  words: readonly Word[],
  lowers: readonly string[],
  i: number,
  q: QuoteCues,
): boolean {
  const w = lowers[i];
  if (TELLS.has(w) && tellsAStory(lowers, i)) return true;
  // "conceded a penalty", "concedes an own goal": a thing given up, no clause reported.
  if (CONCEDES.has(w)) return lowers[i + 1] === "a" || lowers[i + 1] === "an";
  if (w === "told") return lowers[i - 1] === "all";
  // "That said, ...", "Having said that, ...": a turn of the writer's own argument.
  if (w === "said") {
    return (words[i - 1]?.text === "That" && lowers[i + 1] === ",") ||
      (lowers[i - 1] === "having" && lowers[i + 1] === "that");
  }
  if (WROTE.has(w)) return !writesWords(words, lowers, i);
  // "Wikinews observed the crowd ...": seeing; "observed that ..." and a quote's tag speak.
  if (w === "observed" || w === "observes") {
    return lowers[i + 1] !== "that" && !markJustBefore(lowers, i);
  }
  if (w !== "called") return false;
  const next = lowers[i + 1] ?? ".";
  // "called for an inquiry", "called on them to leave": a demand, spoken.
  if (next === "for" || next === "on" || next === "upon") return false;
  if (next === "to" || next === "back" || next === "up") return true;
  if (CALLED_PRONOUNS.has(next) && AFTER_CALL.has(lowers[i + 2] ?? ".")) return true;
  // "The report called it “a failure”", "the coach called them cowards": a judgment of a thing
  // or people already named, never the naming of a new one.
  if ((next === "it" || CALLED_PRONOUNS.has(next)) && !AFTER_CALL.has(lowers[i + 2] ?? ".")) {
    return false;
  }
  if (namesAThing(words, lowers, i)) return true;
  const prev = words[i - 1]?.text ?? "";
  // A name, a plural ("critics called"), an adverb or an auxiliary before it: someone speaks.
  if (!/^\p{Ll}+$/u.test(prev) || /(?:ly|s)$/u.test(prev) || CALLED_SUBJECTS.has(prev)) {
    return false;
  }
  // "the ministry called the report biased" speaks; "his company called Acme" names.
  // So does "the study called the results striking": a finding, as an organisation would.
  const speaks = q.orgNouns.has(prev) || q.findingNouns.has(prev);
  return !speaks || NAMING_DETERMINERS.has(lowers[i - 2] ?? "");
}

/** Words that open a new clause or verb phrase: "met a lawyer and called Smith ...". */
const CONJUNCTIONS = new Set(["and", "or", "but", "then", "who", "which", "that"]);
const TELLS = new Set(["told", "tell", "tells", "telling"]);
const CONCEDES = new Set(["conceded", "concede", "concedes", "conceding"]);
const STORY = new Set(["story", "tale", "stories", "tales"]);
const STORY_DETERMINERS = new Set(["the", "a", "an", "its", "their", "this", "that", "another"]);

/**
 * "The statistics told the story of a season", "the figures tell a story": a story told, not a
 * statement; what follows ("of ...") is no reported clause.
 */
function tellsAStory(lowers: readonly string[], i: number): boolean {
  const k = STORY_DETERMINERS.has(lowers[i + 1] ?? "") ? i + 2 : i + 1;
  if (STORY.has(lowers[k] ?? "")) return true;
  // "told a different story", "tell the same story": one word between.
  return STORY_DETERMINERS.has(lowers[i + 1] ?? "") && STORY.has(lowers[k + 1] ?? "");
}

/**
 * "attend a unique Pilot Training Program called Euro-NATO ...", "joined a group called Youth
 * First": an indefinite noun phrase after another word (an object, not the sentence's subject),
 * then "called" and a name, names the thing. "A spokesman called Smith's claims false", which
 * opens its sentence, still speaks.
 */
function namesAThing(words: readonly Word[], lowers: readonly string[], i: number): boolean {
  if (!/^\p{Lu}/u.test(words[i + 1]?.text ?? "")) return false;
  for (let k = i - 1; k >= 1 && k >= i - 6; k--) {
    if (words[k].kind === "punct" || CONJUNCTIONS.has(lowers[k])) return false;
    if (lowers[k] === "a" || lowers[k] === "an") return words[k - 1].kind === "word";
  }
  return false;
}

const WROTE = new Set(["wrote", "writes", "write", "written"]);
/** What follows "wrote" when words are reported: a clause, a manner, a mark, or a tag's end. */
const WROTE_NEXT = new Set([
  "that",
  "in",
  "on",
  "to",
  "he",
  "she",
  "it",
  "they",
  "we",
  "i",
  "there",
  ",",
  ":",
  ".",
  ";",
]);

/**
 * "wrote that ...", "wrote in a blog post ...", `"...," she wrote`, "writes Minister X,": words
 * written; "wrote his second symphony", "wrote for a magazine", "wrote a large number of papers":
 * works, not speech.
 */
function writesWords(words: readonly Word[], lowers: readonly string[], i: number): boolean {
  const next = lowers[i + 1] ?? ".";
  if (WROTE_NEXT.has(next) || isMark(next)) return true;
  // "writes Minister Conger, "..."": the writer named after the verb.
  if (/^\p{Lu}/u.test(words[i + 1]?.text ?? "") && /^\p{Ll}/u.test(words[i].text)) return true;
  for (let k = i + 2; k < i + 9 && k < lowers.length; k++) {
    if (lowers[k] === "that") return true;
    if (/^[.!?;]$/.test(lowers[k])) return false;
  }
  return false;
}

/**
 * "continued" introducing or tagging a quote (`She continued: "..."`, `"...," he continued`): a
 * speech verb there only; "the fighting continued" says nothing.
 */
function continuesQuote(lowers: readonly string[], i: number): boolean {
  if (lowers[i] !== "continued" && lowers[i] !== "continues") return false;
  const next = lowers[i + 1] ?? "";
  if (next === ":" || (next === "," && isMark(lowers[i + 2] ?? ""))) return true;
  // A quote closed by a full stop ends its sentence: "… target.' Gains continued above …".
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    if (isMark(lowers[k])) return lowers[k - 1] !== ".";
  }
  return false;
}

/** Forms of "be" before a progressive or a passive ("was telling", "had been saying"). */
const BE = new Set([...PROGRESSIVE_BE, "'s", "’s"]);
/** Adverbs that may stand between "be" and the verb ("was also telling", "is now saying"). */
const BE_ADVERBS = new Set(["also", "still", "now", "already", "again", "always", "even", "just"]);

/** The -ing form of a speech verb's past: "said" → "saying", "argued" → "arguing". */
function ingOf(past: string): string | null {
  const irregular: Record<string, string> = {
    said: "saying",
    told: "telling",
    wrote: "writing",
    spoke: "speaking",
  };
  if (irregular[past]) return irregular[past];
  if (past.endsWith("ied")) return `${past.slice(0, -3)}ying`;
  // The past already doubles the consonant and drops the e: "admitted" → "admitting".
  return past.endsWith("ed") ? `${past.slice(0, -2)}ing` : null;
}

const PROGRESSIVES = new WeakMap<QuoteCues, WeakMap<Cues, ReadonlySet<string>>>();

/** The -ing forms of every speech and reporting verb, and the listed participles (computed once). */
function progressiveForms(cues: Cues, q: QuoteCues): ReadonlySet<string> {
  let byCues = PROGRESSIVES.get(q);
  if (!byCues) PROGRESSIVES.set(q, byCues = new WeakMap());
  let forms = byCues.get(cues);
  if (!forms) {
    const all = new Set<string>([...q.participleCues, ...q.secondStatementCues]);
    for (const v of [...cues.speechVerbs, ...q.reportingVerbs]) {
      const ing = ingOf(v.toLowerCase());
      if (ing) all.add(ing);
    }
    byCues.set(cues, forms = all);
  }
  return forms;
}

/**
 * A speech verb in the progressive ("Smith was telling reporters that ...", "has been saying for
 * months that ...", "had been telling the committee he was “forced”"): its -ing form right
 * after a form of "be", or one adverb after it.
 */
function progressiveSpeech(
  lowers: readonly string[],
  i: number,
  cues: Cues,
  q: QuoteCues,
): boolean {
  if (!lowers[i].endsWith("ing") || !progressiveForms(cues, q).has(lowers[i])) return false;
  // "who the terrorists are talking to, what they are saying": a question's clause, no statement.
  if (lowers[i - 3] === "what" || lowers[i - 4] === "what") return false;
  const prev = lowers[i - 1] ?? "";
  const be = (w: string) => BE.has(w) || (CONTRACTED_BE.test(w) && thatSoon(lowers, i));
  return be(prev) || ((BE_ADVERBS.has(prev) || /ly$/u.test(prev)) && be(lowers[i - 2] ?? ""));
}

/** A pronoun with "'re" or "'m" in one word ("they're", "I’m"). */
const CONTRACTED_BE = /^\p{L}+['’](?:re|m)$/u;

/**
 * True when "that" follows the verb `i` within four words ("they're telling reporters that"):
 * only then is a contracted "be" before it taken to report speech, since talk written with
 * contractions ("if they're arguing, for example, no ...", a transcript) rarely reports any.
 */
function thatSoon(lowers: readonly string[], i: number): boolean {
  for (let k = i + 1; k <= i + 4 && k < lowers.length; k++) if (lowers[k] === "that") return true;
  return false;
}

/** Words between "as" and the quotation mark ("as a “thief”", "as being “unfair”"). */
const AS_FILLERS = new Set(["a", "an", "the", "being", "simply", "merely"]);

/**
 * A verb of naming or judging that reports someone's words: with "as" before a quotation within
 * the next ten words ("dismisses Chalabi as a “thief”", "referring to the president simply as
 * “Lee.”"), or passive right before one ("were labeled ‘degenerate’ by the Nazis"). "known as",
 * "served as" are no such verbs, and neither is a noun ("the attack as").
 */
function labelsAsQuoted(lowers: readonly string[], i: number, q: QuoteCues): boolean {
  if (!q.labellingVerbs.has(lowers[i]) || NOUN_BEFORE.has(lowers[i - 1])) return false;
  if (BE.has(lowers[i - 1]) && isMark(lowers[i + 1] ?? "")) return true;
  for (let k = i + 1; k < lowers.length && k - i <= 10; k++) {
    const w = lowers[k];
    if (/^[.!?;:]$/u.test(w) || isMark(w)) return false;
    if (w !== "as") continue;
    let m = k + 1;
    while (AS_FILLERS.has(lowers[m]) && m - k < 3) m++;
    return isMark(lowers[m] ?? "");
  }
  return false;
}

/** True for a quotation mark as a word of its own. */
const isMark = (w: string) => /^["“”‘’']+$/u.test(w);

/** True when a quotation mark is among the four words before word `i` (a quote's tag follows). */
function markJustBefore(lowers: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) if (isMark(lowers[k])) return true;
  return false;
}

/** "issued a statement", "released a joint statement": a speaker who speaks through a document. */
function issuesDocument(lowers: readonly string[], i: number, q: QuoteCues, cues: Cues): boolean {
  if (!q.statementVerbs.has(lowers[i]) || !DETERMINERS.has(lowers[i + 1])) return false;
  return cues.documents.includes(lowers[i + 2]) ||
    cues.documents.includes(`${lowers[i + 2]} ${lowers[i + 3]}`);
}
const DETERMINERS = new Set(["a", "an", "the", "its", "his", "her", "their"]);

/** A test for "inside a quotation" that bisects the spans (in text order, never nested). */
function insideOf(spans: readonly Span[]): (pos: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.open - b.open);
  return (pos) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].open <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && pos <= sorted[found].close;
  };
}

function remember(ctx: Context, speech: Speech, at: number): void {
  if (!speech.speaker || !speech.speakerType) return;
  ctx.history.push({
    speaker: speech.speaker,
    type: speech.speakerType as SpeakerType,
    at,
    gender: speakerGender(ctx, speech),
  });
}

/** The quotes opened in one sentence, then its indirect speech when no direct quote is tagged. */
function sentenceSpeech(ctx: Context, state: State, sentence: Sentence): void {
  const found = sentence.kind === "body"
    ? coordinatedSpeech(ctx, sentence.start, attributionIn(ctx, sentence.start, sentence.end)) ??
      participleSpeech(ctx, sentence.start, sentence.end)
    : null;
  let directTagged = false;
  // Spans are in text order and sentences are visited in text order: start where the last left off.
  while (state.nextSpan < state.spans.length && state.spans[state.nextSpan].open < sentence.start) {
    state.nextSpan++;
  }
  for (let k = state.nextSpan; k < state.spans.length; k++) {
    const span = state.spans[k];
    if (span.open >= sentence.end) break;
    if (span.end <= span.start) continue;
    const quote = quoteOf(ctx, state, sentence, k, found);
    state.quotes.push(quote);
    state.quoteSpan.push(k);
    if (quote.kind === "direct") {
      // A colon that introduces a quote (the intro sieve) is no tag: the sentence's own reported
      // speech stands ("Sunak defended the record whilst promising a ... is forthcoming: “...”").
      directTagged ||= quote.cue !== null && quote.sieve !== "intro";
      state.lastDirect = {
        speech: speechFields(quote),
        paragraph: span.paragraph,
        close: span.close,
      };
    }
    if (quote.kind === "direct" || quote.kind === "partial") remember(ctx, quote, span.open);
  }
  // A sentence whose quote is tagged may still report more after the tag: `"...," he said on
  // "Meet the Press." He added that ...` (one sentence when the period sits inside the marks).
  const speech = directTagged ? speechAfterTag(ctx, state, sentence) : found;
  if (speech) {
    const found = speech;
    // "X issued a statement on ...": the statement's words follow; the sentence reports nothing.
    const issued = found.cue !== null && ctx.quoteCues.statementVerbs.has(lowerCase(found.cue));
    if (!issued) state.attributions.push(...attributionsOf(ctx, state.article, sentence, found));
    remember(ctx, found, found.from);
    state.lastReported = {
      speech: speechFields(found),
      index: sentence.index,
      paragraph: sentence.paragraph,
      // "Rathbun stated," ends a paragraph only to introduce the quote that follows.
      colon: /[:,]\s*$/.test(sentence.text),
    };
  }
}

function quoteOf(
  ctx: Context,
  state: State,
  sentence: Sentence,
  k: number,
  found: Found | null,
): Quote {
  const { text } = ctx;
  const span = state.spans[k];
  const base = {
    articleId: state.article.id,
    outlet: state.article.outlet,
    sentenceId: sentence.id,
    text: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  };
  const inside = extractionWords(base.text, span.start);
  const heading = sentence.kind !== "body" && !quoteParagraph(state, span);
  if (sentence.kind === "subhead" && heading) {
    return { ...base, kind: "scare", ...noSpeech("not body text") };
  }
  const from = firstWordFrom(ctx.words, sentence.start);
  const to = firstWordFrom(ctx.words, span.open);
  const before = ctx.words.slice(from, to);
  const next = ctx.words[firstWordFrom(ctx.words, pastMark(text, span.close))];
  const after = next && next.end <= sentence.end ? next : undefined;
  const nWords = inside.filter((w) => w.kind !== "punct").length;
  // A short phrase before a label noun is a label (the “special” relationship, the “America First” policy).
  if (nWords <= 3 && after !== undefined && ctx.cues.labelNouns.has(after.text)) {
    return { ...base, kind: "scare", ...noSpeech("a label") };
  }
  const marked = markedKind(inside, before, after, ctx.quoteCues) ??
    (citedTitle(state, span) ? "title" : null);
  if (marked) return { ...base, kind: marked, ...noSpeech(`a ${marked}, not a quote`) };
  // A headline's quotation marks hold someone's words ("North Korea puts military in
  // 'quasi-state of war'"), whose speaker the body names: partial, speaker left empty.
  if (heading) return { ...base, kind: "partial", ...noSpeech(HEADLINE_QUOTE) };
  const lead = text.slice(sentence.start, span.open).trim();
  const whole = wholeClause(text, span);
  // `"The situation" — he paused — "is very serious."`: the first piece of an interrupted quote.
  const interrupted = resumedAfter(state, k + 1);
  if ((lead === "" || lead.endsWith(":")) && (nWords >= 4 || whole || interrupted)) {
    return { ...base, kind: "direct", ...directSpeech(ctx, state, k, sentence, lead) };
  }
  const set = setOffAfterVerb(ctx, sentence, span, lead, [from, to], nWords, whole);
  if (set) return { ...base, kind: "direct", ...set };
  const partial = partialSpeech(ctx, sentence, span, found, nWords);
  // The rest of an interrupted quote, however short, is the first piece's speaker's.
  const prev = state.quotes[state.quotes.length - 1];
  if (partial.kind === "scare" && prev?.kind === "direct" && resumedAfter(state, k)) {
    return { ...base, kind: "direct", ...speechFields(prev) };
  }
  return { ...base, ...partial };
}

/** The article's paragraph with this index (paragraphs are numbered by their place). */
function paragraphOf(state: State, index: number): CleanArticle["paragraphs"][number] | undefined {
  const p = state.article.paragraphs[index];
  return p?.index === index ? p : state.article.paragraphs.find((p) => p.index === index);
}

/** After a cited article's title: a dash, its outlet, and a date ending with the year. */
const CITATION = /^\s*[-–—]+\s*[^"“”\n]{1,80}?\b(?:1[89]|20)\d\d\.?\s*$/u;

/**
 * The title of an article in a list of sources (`"Document found on street" — CBC.ca, August
 * 15, 2008`): the quote closes its paragraph's text but for a dash, an outlet and a date.
 */
function citedTitle(state: State, span: Placed): boolean {
  const p = paragraphOf(state, span.paragraph);
  if (!p || span.close >= p.end) return false;
  return CITATION.test(state.article.text.slice(pastMark(state.article.text, span.close), p.end));
}

/**
 * A first paragraph taken for a headline that is one quoted sentence or more, its period inside
 * the marks (`" But architecture can build a bridge ... . "` in tokenised text): a quote.
 */
function quoteParagraph(state: State, span: Placed): boolean {
  const p = paragraphOf(state, span.paragraph);
  const text = state.article.text;
  return p !== undefined && span.open === p.start && span.close >= p.end - 1 &&
    /[.!?…]\s*$/u.test(text.slice(span.start, span.close)) &&
    text.slice(span.start, span.end).split(/\s+/).length >= 6;
}

/** True when span `k` goes on with the quote of the span before it in its paragraph. */
function resumedAfter(state: State, k: number): boolean {
  const prev = state.spans[k - 1];
  const span = state.spans[k];
  return prev !== undefined && span !== undefined && prev.paragraph === span.paragraph &&
    resumes(state.article.text, prev, span);
}

/**
 * `X said, "..."` or `X said "All those ..."`: a whole sentence set off after the speech verb is
 * direct too; its speech, else null. `[from, to)`: the word indexes before the quote.
 */
function setOffAfterVerb(
  ctx: Context,
  sentence: Sentence,
  span: Span,
  lead: string,
  [from, to]: [number, number],
  nWords: number,
  whole: boolean,
): Speech | null {
  const capital = /^\p{Lu}/u.test(ctx.text[span.start] ?? "");
  const verbBefore = to > from &&
    ((lead.endsWith(",") && capital && verbWithin(ctx, Math.max(from, to - 7), to - 1)) ||
      (ctx.speechVerb[to - 1] === 1 && capital) ||
      (lead.endsWith(",") && ctx.speechVerb[to - 2] === 1));
  const short = whole && !ctx.text.slice(span.start, span.close).endsWith(",");
  if (!verbBefore || (nWords < 4 && !short)) return null;
  const who = attributionIn(ctx, sentence.start, span.open, { direct: true, last: true });
  return who?.speaker || who?.reason ? speechFields(who) : null;
}

const HEADLINE_QUOTE = "a headline's quote: its speaker is named in the body";

/**
 * A quote that is a clause of its own, however short: a capital first and a closing mark after
 * its own punctuation (`"Really, tremendous."`, `"He's right," she said`).
 */
function wholeClause(text: string, span: Span): boolean {
  return /^\p{Lu}/u.test(text[span.start] ?? "") &&
    /[.!?…,]$/u.test(text.slice(span.start, span.close).trimEnd());
}

/** The sieves of a direct quote, in order. */
function directSpeech(
  ctx: Context,
  state: State,
  k: number,
  sentence: Sentence,
  lead: string,
): Speech {
  const span = state.spans[k];
  let speech: Speech | null = lead.endsWith(":")
    ? withTag(ctx, sentence, span.open) ?? tagIn(ctx, sentence.start, span.open)
    : null;
  if (!speech?.speaker) {
    speech = closingTag(ctx, span, sentenceAt(ctx, span.close) ?? sentence) ?? speech;
  }
  // A quote running on into the next paragraphs is tagged where it closes (`" No one ... .` /
  // `They 're inseparable , " he says .`).
  if (!speech?.speaker && !speech?.cue) speech = runOnTag(ctx, state, k) ?? speech;
  // A tag with its own subject decides, even empty: `"...," she told reporters` is never the
  // last speaker when "she" fits nobody.
  if (speech?.speaker || (speech?.cue && speech.speakerRaw)) return speech;
  return dashSpeaker(ctx, state, span) ?? continued(ctx, state, span) ?? speech ??
    previousSpeaker(state, sentence) ?? introSpeaker(ctx, sentence, span.open, lead) ??
    noSpeech("no speech cue in the sentence");
}

/** Participles of speech after "with X" beyond the participle cues ("with Boswell stating:"). */
const WITH_VERBS = new Set([
  "stating",
  "adding",
  "commenting",
  "replying",
  "responding",
  "remarking",
]);

/**
 * "It quoted critics ..., with Boswell stating: "..."": the one named in "with X saying:" right
 * before the quote speaks it, not the subject of the sentence; null when no such tag is there.
 */
function withTag(ctx: Context, sentence: Sentence, open: number): Speech | null {
  const colon = firstWordFrom(ctx.words, open) - 1;
  const v = colon - 1;
  const verb = ctx.lowers[v] ?? "";
  if (ctx.words[colon]?.text !== ":") return null;
  if (!ctx.quoteCues.participleCues.has(verb) && !WITH_VERBS.has(verb)) return null;
  for (let k = v - 2; k >= 0 && k >= v - 6; k--) {
    if (ctx.words[k].start < sentence.start || ctx.words[k].kind === "punct") return null;
    if (ctx.lowers[k] !== "with") continue;
    const at = ctx.words[k + 1].start;
    const who = signedName(ctx, at, ctx.words[v].start);
    if (!who?.speaker) return null;
    // "with Boswell stating" after "campaigner Caitlin Boswell": the full name.
    const full = who.speaker.includes(" ") ? null : knownSurname(ctx, who.speaker, at);
    return { ...who, speaker: full ?? who.speaker, cue: ctx.words[v].text, sieve: "cue" };
  }
  return null;
}

/** The speech of a quote tag in `[a, b)`, or null. */
function tagIn(ctx: Context, a: number, b: number): Speech | null {
  const f = attributionIn(ctx, a, b, { direct: true });
  return f ? speechFields(f) : null;
}

/** The tag after a quote's closing mark, in `closing`, the sentence where the quote closes. */
function closingTag(ctx: Context, span: Span, closing: Sentence): Speech | null {
  const past = pastMark(ctx.text, span.close);
  return past < closing.end ? tagIn(ctx, past, closing.end) : null;
}

/**
 * The tag of a quote left open at its paragraph's end: the tag after the run-on pieces that
 * carry it on (next paragraph, and the one after), where the last of them closes.
 */
function runOnTag(ctx: Context, state: State, k: number): Speech | null {
  let j = k;
  while (
    state.spans[j + 1]?.runOn && state.spans[j + 1].paragraph === state.spans[j].paragraph + 1
  ) j++;
  if (j === k) return null;
  const last = state.spans[j];
  const closing = sentenceAt(ctx, last.close);
  return closing ? closingTag(ctx, last, closing) : null;
}

/**
 * A quote signed after a dash at the end of its paragraph, the convention of pull quotes and
 * epigraphs (`"..." - Jane Ortiz`, `"..." — Jane Ortiz, a historian`).
 */
function dashSpeaker(ctx: Context, state: State, span: Placed): Speech | null {
  const paragraph = paragraphOf(state, span.paragraph);
  if (!paragraph) return null;
  const past = pastMark(ctx.text, span.close);
  const dash = /^\s*[-–—]+\s*/.exec(ctx.text.slice(past, paragraph.end));
  if (!dash) return null;
  const who = signedName(ctx, past + dash[0].length, paragraph.end);
  return who ? { ...who, cue: "—", sieve: "cue" } : null;
}

/**
 * A quote with no cue that opens the sentence right after a sentence of reported speech in the
 * same paragraph ("Heald noted the findings show .... “An air-quality cleanup would ...”").
 */
function previousSpeaker(state: State, sentence: Sentence): Speech | null {
  const last = state.lastReported;
  if (!last?.speech.speaker || last.index !== sentence.index - 1) return null;
  // Across a paragraph break only after a colon or a comma: "Obama tweeted using his
  // account:\n\n“...”", "Rathbun stated,\n\n“...”".
  if (last.paragraph !== sentence.paragraph && !last.colon) return null;
  return { ...last.speech, cue: null, sieve: "previous", confidence: 0.7 };
}

/**
 * The continuation sieve: a quote right after the same speaker's tagged quote in its paragraph
 * (`"A," he said. "B."`), or a paragraph that is all quote after a paragraph whose last quote
 * was that speaker's.
 */
function continued(ctx: Context, state: State, span: Placed): Speech | null {
  const last = state.lastDirect;
  if (!last?.speech.speaker) return null;
  const { text } = ctx;
  if (last.paragraph === span.paragraph) {
    const between = text.slice(pastMark(text, last.close), span.open);
    const nWords = between.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    // Only the last quote's tag stands between them: "A," X said to the crowd. "B."
    if (nWords <= (last.speech.cue ? 25 : 8) && !/["“”]/.test(between)) {
      return { ...last.speech, cue: null, sieve: "continuation", confidence: 0.9 };
    }
    return null;
  }
  const paragraph = paragraphOf(state, span.paragraph);
  const whole = paragraph !== undefined && span.open === paragraph.start &&
    !/\p{L}/u.test(text.slice(pastMark(text, span.close), paragraph.end));
  // A photo caption between them does not break the quote ("... Image: NASA.").
  const previous = state.article.paragraphs.findLast((p) =>
    p.index < span.paragraph && !isCaption(text.slice(p.start, p.end))
  );
  // The previous paragraph must end with that quote (or its tag), not with someone else's words.
  const endsWithIt = previous !== undefined && last.paragraph === previous.index &&
    text.slice(pastMark(text, last.close), previous.end).split(/\s+/).filter((w) =>
        /\p{L}/u.test(w)
      )
        .length <= 8;
  if (whole && endsWithIt) {
    return { ...last.speech, cue: null, sieve: "continuation", confidence: 0.8 };
  }
  return null;
}

/** A photo caption: a paragraph signed "Image: ...", "Photo: ...", "(AP Photo/...)". */
const CAPTION =
  /(?:^|\s)(?:Image|Photo|Photograph|Photo credit|Credit)\s*:\s*[^.:]{1,80}\.?\s*$|\((?:AP|Reuters|AFP|Getty)\b[^()]{0,60}\)\s*$/u;

/** True for a photo caption, which a quote running on over paragraphs skips. */
function isCaption(paragraph: string): boolean {
  return paragraph.length < 400 && CAPTION.test(paragraph);
}

/** A quote inside a sentence: partial with its speaker, or a label (scare quote). */
function partialSpeech(
  ctx: Context,
  sentence: Sentence,
  span: Placed,
  found: Found | null,
  nWords: number,
): { kind: QuoteKind } & Speech {
  // The speaker of a partial quote is the one whose speech verb comes last before it, else the
  // tag right after it (“a moment of historic cowardice,” Wyden said).
  const before = attributionIn(ctx, sentence.start, span.open, { last: true }) ??
    participleSpeech(ctx, sentence.start, span.open) ??
    openingParticipleSpeech(ctx, sentence.start, sentence.end, span.close);
  const past = pastMark(ctx.text, span.close);
  // `"...," X said`, `"..." , X said` (tokenised), `"..." according to X`.
  const tagged = /,\s*$/.test(ctx.text.slice(span.start, span.close)) ||
    /^ ?,/.test(ctx.text.slice(past, past + 2)) ||
    tagRightAfter(ctx, past);
  // A quote running past its sentence is tagged in the sentence where it closes.
  const end = sentenceAt(ctx, span.close)?.end ?? sentence.end;
  const tail = before?.speaker ? -1 : finalTag(ctx, past, end, tagged);
  const who = before?.speaker
    ? before
    : (tagged || tail >= 0) && past < end
    ? attributionIn(ctx, Math.max(tail, past), end, { direct: true })
    : null;
  if (who?.speaker) {
    const speech = speechFields(who);
    if (!speech.via && found?.speaker === speech.speaker) {
      speech.via = found.via;
      speech.viaEntity = found.viaEntity;
    }
    return { kind: "partial", ...speech };
  }
  // Someone's words even when nobody is named: "A police spokesman told ... an “altercation”".
  if (nWords >= 4 || before?.cue) {
    return {
      kind: "partial",
      ...(before ? speechFields(before) : noSpeech("no speech cue in the sentence")),
    };
  }
  // "X was “deeply saddened,” her office said.": the sentence is someone's report.
  if (tail >= 0) {
    return { kind: "partial", ...(who ? speechFields(who) : noSpeech(NO_TAG_NAME)) };
  }
  // "was described by The Guardian as “...”": the agent of a passive speech verb speaks.
  const agent = passiveAgent(ctx, sentence);
  if (agent) return { kind: "partial", ...agent };
  // "The president has repeatedly called the investigation a “witch hunt”": a speech verb
  // before the words, its subject no name.
  if (speechVerbBefore(ctx, sentence.start, span.open)) {
    return { kind: "partial", ...noSpeech("no named speaker") };
  }
  if (ownSentence(ctx, sentence, span, nWords)) {
    return { kind: "partial", ...noSpeech("no speech cue in the sentence") };
  }
  return { kind: "scare", ...noSpeech("a short phrase with nobody speaking") };
}

/**
 * An exclamation or a question of its own is said by someone (chant “Yes we can!”), and so is a
 * sentence of its own set off by a comma (`And then she goes, "No way."`; not the last of a list
 * of quoted names, `"A Lie", "The Story."`).
 */
function ownSentence(ctx: Context, sentence: Sentence, span: Span, nWords: number): boolean {
  const words = ctx.text.slice(span.start, span.end);
  if (!/^\p{Lu}/u.test(words)) return false;
  if (/[!?]$/u.test(words)) return true;
  return /[.…]$/u.test(words) && nWords >= 2 &&
    /(?<!["”’'\s]\s*),\s*$/u.test(ctx.text.slice(sentence.start, span.open));
}

/**
 * True when a tag follows the closing mark with no comma between, as tokenised text and
 * encyclopaedic prose write it (`" environmentally sound " according to a 2006 interview with
 * X`, `" Wait " said Bush`): "according to", or a tag verb right after the mark.
 */
function tagRightAfter(ctx: Context, past: number): boolean {
  const i = firstWordFrom(ctx.words, past);
  const next = ctx.lowers[i];
  if (next === "according") return ctx.lowers[i + 1] === "to";
  return ctx.directVerb[i] === 1 && ctx.quoted[i] === 0 && /^\p{Ll}/u.test(ctx.words[i].text);
}

const NO_TAG_NAME = "the tag ending the sentence names nobody";

/** Words opening a relative clause or a passive, after which a speech verb is no tag. */
const NOT_TAG = new Set(["which", "who", "that", "where", "when", ...PASSIVE]);

/**
 * The offset where a tag ending the sentence after a quote starts (`... by the news, her office
 * said.`, `"dead," a spokesman said.`, `..., according to the ministry.`): the last comma outside
 * quotes in `[from, end)` (or `from` itself when the quote ends with its comma: `tagged`), then
 * at most eight words, one of them a speech verb that no relative pronoun or passive auxiliary
 * comes before ("which is added to the treaty" is no tag); else -1.
 */
function finalTag(ctx: Context, from: number, end: number, tagged: boolean): number {
  const first = firstWordFrom(ctx.words, from);
  let comma = tagged ? first - 1 : -1;
  let i = first;
  for (; i < ctx.words.length && ctx.words[i].start < end; i++) {
    if (ctx.lowers[i] === "," && ctx.quoted[i] === 0) comma = i;
  }
  if (comma < 0 || i - comma - 1 > 8) return -1;
  for (let k = comma + 1; k < i; k++) {
    if (NOT_TAG.has(ctx.lowers[k])) return -1;
    if (ctx.speechVerb[k] === 1 && ctx.quoted[k] === 0) {
      return comma < first ? from : ctx.words[comma].start;
    }
  }
  return -1;
}

/**
 * The agent of a passive speech verb in the sentence ("was described by The Guardian as", "was
 * hailed as “...” by the Times"): the organisation or person named right after "by"; null when
 * there is no passive speech verb with "by".
 */
function passiveAgent(ctx: Context, sentence: Sentence): Speech | null {
  const a = firstWordFrom(ctx.words, sentence.start);
  for (let i = a + 1; i < ctx.words.length && ctx.words[i].start < sentence.end; i++) {
    if (ctx.speechVerb[i] !== 1 || ctx.quoted[i] === 1 || !PASSIVE.has(ctx.lowers[i - 1])) {
      continue;
    }
    for (let k = i + 1; k < ctx.words.length && k - i < 16; k++) {
      if (ctx.words[k].start >= sentence.end) break;
      if (ctx.lowers[k] !== "by" || ctx.quoted[k] === 1) continue;
      const next = ctx.words[k + 1];
      const m = next &&
        ctx.mentions.find((x) =>
          (x.start === next.start || x.start === ctx.words[k + 2]?.start) &&
          (x.type === "ORG" || x.type === "PERSON")
        );
      if (!m) return noSpeech(`"${ctx.words[i].text} by": the agent is no name`);
      return {
        ...noSpeech(null),
        speaker: m.entity,
        speakerType: m.type === "PERSON" ? "person" : "organisation",
        speakerRaw: m.text,
        role: m.role,
        cue: ctx.words[i].text,
        sieve: "cue",
        confidence: 0.7,
      };
    }
    return null;
  }
  return null;
}

/** Words before which a speech word is a noun ("the claims", "amid reports of"). */
const NOUN_BEFORE = new Set(["the", "a", "an", "his", "her", "their", "its", "of", "such", "amid"]);

/** True when a speech verb, used as a verb, stands between `from` and the mark at `open`. */
function speechVerbBefore(ctx: Context, from: number, open: number): boolean {
  const a = firstWordFrom(ctx.words, from);
  const b = firstWordFrom(ctx.words, open);
  for (let i = a; i < b; i++) {
    if (ctx.speechVerb[i] === 1 && ctx.quoted[i] === 0 && !NOUN_BEFORE.has(ctx.lowers[i - 1])) {
      return ctx.lowers[i + 1] !== "by";
    }
  }
  return false;
}

/** True when a speech verb is among the words `[from, to)` ("told the Huffington Post, “...”"). */
function verbWithin(ctx: Context, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ctx.speechVerb[i] === 1 && ctx.quoted[i] === 0) return true;
  return false;
}

/** The last speech after a sentence's last quote, when a second speech verb follows its tag. */
function speechAfterTag(ctx: Context, state: State, sentence: Sentence): Found | null {
  let last: Quote | null = null;
  for (const q of state.quotes) {
    if (q.sentenceId === sentence.id && (!last || q.end > last.end)) last = q;
  }
  if (!last) return null;
  const close = last.end;
  let verbs = 0;
  for (let i = firstWordFrom(ctx.words, close); i < ctx.words.length; i++) {
    if (ctx.words[i].start >= sentence.end) break;
    if (ctx.quoted[i] === 0) verbs += ctx.speechVerb[i];
  }
  // After a title closing the tag ("... on “Meet the Press.” He added"), a new sentence starts.
  const afterMark = last.kind !== "direct" && last.kind !== "partial" &&
    /^[\s.!?”"’]*\p{Lu}/u.test(ctx.text.slice(close, sentence.end));
  return verbs >= 2 || (verbs === 1 && afterMark)
    ? attributionIn(ctx, close + 1, sentence.end, { last: true })
    : null;
}
