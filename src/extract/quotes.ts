/**
 * Quotes and attributions: who is quoted, in their own words or reported, and through whom.
 *
 * A quote is a span between quotation marks. It is *direct* when it opens its sentence (or
 * follows a colon) and runs to at least four words; *partial* when a speaker is attributed
 * before it in its sentence, or when it runs to four words or more (someone's words, speaker
 * unknown); otherwise a *scare* quote (a label: “no-limits” partnership). Headlines and subheads
 * hold only scare quotes.
 *
 * The speaker of a direct quote comes from the speech tag after it (“...,” Xi said / says Steve
 * Tsang / CCTV quoted Li as saying), or before it (Li said: “...”). "He" and "she" are the
 * previous person quoted or reported, "it" the previous organisation or document; a paragraph
 * that is one quote with no tag continues the quote of the paragraph before. A document named in
 * the sentence ("in a joint communique") is the speaker. Relays ("according to state
 * broadcaster CCTV", "TASS reported Mishustin emphasized ...") are kept as `via`.
 *
 * Indirect speech ("Li said China wanted ...", "the Kremlin said", "Interfax reported") becomes
 * an attribution: one per sentence with a speech verb (or "according to") and no direct quote.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";
import type { Sentence } from "../text/segment.ts";
import { type Cues, DEFAULT_CUES } from "./cues.ts";
import type { EntityMention } from "./entities.ts";
import { extractionWords, lowerCase, quickHas, sentenceWords, type Word } from "./words.ts";

/** What a quote is. */
export type QuoteKind = "direct" | "partial" | "scare";

/** What a speaker is. */
export type SpeakerType = "person" | "organisation" | "document";

/** Who speaks, how, and through whom. */
export interface Speech {
  /** Canonical entity, or a document such as "joint communique"; null when unknown. */
  speaker: string | null;
  speakerType: SpeakerType | null;
  /** The speech cue: "said", "told", "quoted ... as saying", "according to". */
  cue: string | null;
  /** The relay as written: "according to state broadcaster CCTV", "Chinese national broadcaster CCTV". */
  via: string | null;
  /** The relay's canonical entity ("CCTV"), when it is a known one. */
  viaEntity: string | null;
}

/** One quotation. `text` is the quoted words without the marks; offsets are into the cleaned text. */
export interface Quote extends Speech {
  articleId: string;
  outlet: string;
  sentenceId: string;
  text: string;
  kind: QuoteKind;
  start: number;
  end: number;
}

/** One piece of indirect speech; `text` is the attribution as written ("Li said", "according to Chinese customs data"). */
export interface Attribution extends Speech {
  articleId: string;
  outlet: string;
  sentenceId: string;
  text: string;
  start: number;
  end: number;
}

/** What quote extraction reads (default: the shipped cues). */
export interface QuoteOptions {
  cues?: Cues;
}

interface Span {
  open: number;
  close: number;
  start: number;
  end: number;
}

interface Found extends Speech {
  from: number;
  to: number;
}

const NO_SPEECH: Speech = {
  speaker: null,
  speakerType: null,
  cue: null,
  via: null,
  viaEntity: null,
};
const CLAUSE_PUNCT = new Set([",", ";", ":", "(", ")", "–", "—", "“", "”", '"']);
const OPENERS = /[\s(\[—–-]/u;

/**
 * Finds the quotes and attributions of one article, given its sentences and entity mentions.
 *
 * @example
 * const { quotes } = extractQuotes(article, sentences, mentions);
 * quotes[0]; // { kind: "direct", speaker: "Xi Jinping", speakerType: "person", cue: "told",
 *            //   via: "according to state broadcaster CCTV", viaEntity: "CCTV", ... }
 */
export function extractQuotes(
  article: CleanArticle,
  sentences: readonly Sentence[],
  mentions: readonly EntityMention[],
  options: QuoteOptions = {},
): { quotes: Quote[]; attributions: Attribution[] } {
  const cues = options.cues ?? DEFAULT_CUES;
  const text = article.text;
  const spans = article.paragraphs.flatMap((p) =>
    quoteSpans(text, p.start, p.end).map((s) => ({ ...s, paragraph: p.index }))
  );
  const inQuote = (pos: number) => spans.some((s) => s.open <= pos && pos <= s.close);
  const sentenceAt = (pos: number) =>
    sentences.find((s) => s.start <= pos && pos < s.end) ??
      sentences.find((s) => pos < s.end) ?? sentences[sentences.length - 1];
  const quotes: Quote[] = [];
  const attributions: Attribution[] = [];
  const history: { speaker: string; type: SpeakerType; at: number }[] = [];
  let lastDirect = null as { speech: Speech; paragraph: number } | null;

  const words = [...sentences].sort((a, b) => a.start - b.start).flatMap(sentenceWords);
  const lowers = words.map((w) => lowerCase(w.text));
  // Per word, once: speech verbs of either kind, and whether it sits inside a quote.
  const isSpeechVerb = quickHas(cues.speechVerbs);
  const isDirectVerb = quickHas(cues.directSpeechVerbs);
  const speechVerb = new Uint8Array(words.length);
  const directVerb = new Uint8Array(words.length);
  const quoted = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const t = words[i].text;
    if (isSpeechVerb(t)) speechVerb[i] = 1;
    if (isDirectVerb(t)) directVerb[i] = 1;
    if (inQuote(words[i].start)) quoted[i] = 1;
  }
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) {
    sorted = mentions[i - 1].start <= mentions[i].start;
  }
  const context: Context = {
    words,
    lowers,
    speechVerb,
    directVerb,
    quoted,
    text,
    mentions,
    mentionsSorted: sorted,
    cues,
    history,
    inQuote,
  };
  for (const sentence of sentences) {
    const opened = spans.filter((s) => sentence.start <= s.open && s.open < sentence.end);
    const sentenceSpeech = sentence.kind === "body"
      ? attributionIn(context, sentence.start, sentence.end)
      : null;
    let directTagged = false;
    for (const span of opened) {
      const base = {
        articleId: article.id,
        outlet: article.outlet,
        sentenceId: sentence.id,
        text: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
      };
      if (span.end <= span.start) continue;
      const nWords = extractionWords(base.text).filter((w) => w.kind !== "punct").length;
      if (sentence.kind !== "body") {
        quotes.push({ ...base, kind: "scare", ...NO_SPEECH });
        continue;
      }
      const lead = text.slice(sentence.start, span.open).trim();
      const opensSentence = lead === "" || lead.endsWith(":");
      if (opensSentence && nWords >= 4) {
        const closing = sentenceAt(span.close);
        let speech: Speech | null = null;
        const found = (a: number, b: number) => {
          const f = attributionIn(context, a, b, { direct: true });
          return f ? speechFields(f) : null;
        };
        if (lead.endsWith(":")) speech = found(sentence.start, span.open);
        if (!speech && span.close + 1 < closing.end) speech = found(span.close + 1, closing.end);
        const wholeParagraph = span.open === paragraphStart(article, span.open) &&
          !/\p{L}/u.test(text.slice(span.close + 1, paragraphEnd(article, span.open)));
        if (
          !speech && wholeParagraph && lastDirect && lastDirect.paragraph === span.paragraph - 1
        ) {
          speech = { ...lastDirect.speech, cue: null };
        }
        speech ??= NO_SPEECH;
        directTagged ||= speech.cue !== null;
        quotes.push({ ...base, kind: "direct", ...speech });
        if (speech.speaker) remember(history, speech, span.open);
        lastDirect = { speech, paragraph: span.paragraph };
        continue;
      }
      const next =
        extractionWords(text.slice(span.close + 1, Math.min(sentence.end, span.close + 40)))[0];
      const isLabel = nWords <= 3 && next !== undefined && cues.labelNouns.has(next.text);
      // The speaker of a partial quote is the one whose speech verb comes last before it.
      const before = isLabel
        ? null
        : attributionIn(context, sentence.start, span.open, { last: true });
      // A longer quote with nobody to pin it on is still someone's words, not a label.
      if (!before?.speaker && !isLabel && nWords >= 4) {
        quotes.push({ ...base, kind: "partial", ...NO_SPEECH });
      } else if (before?.speaker) {
        const speech = speechFields(before);
        if (!speech.via && sentenceSpeech?.speaker === speech.speaker) {
          speech.via = sentenceSpeech.via;
          speech.viaEntity = sentenceSpeech.viaEntity;
        }
        quotes.push({ ...base, kind: "partial", ...speech });
      } else quotes.push({ ...base, kind: "scare", ...NO_SPEECH });
    }
    if (sentenceSpeech && !directTagged) {
      attributions.push({
        articleId: article.id,
        outlet: article.outlet,
        sentenceId: sentence.id,
        text: text.slice(sentenceSpeech.from, sentenceSpeech.to),
        start: sentenceSpeech.from,
        end: sentenceSpeech.to,
        speaker: sentenceSpeech.speaker,
        speakerType: sentenceSpeech.speakerType,
        cue: sentenceSpeech.cue,
        via: sentenceSpeech.via,
        viaEntity: sentenceSpeech.viaEntity,
      });
      if (sentenceSpeech.speaker) remember(history, sentenceSpeech, sentenceSpeech.from);
    }
  }
  return { quotes, attributions };
}

/** Only the speech fields of a finding (its offsets belong to the attribution, not the quote). */
function speechFields(f: Speech): Speech {
  return {
    speaker: f.speaker,
    speakerType: f.speakerType,
    cue: f.cue,
    via: f.via,
    viaEntity: f.viaEntity,
  };
}

function paragraphStart(article: CleanArticle, pos: number): number {
  return article.paragraphs.find((p) => p.start <= pos && pos <= p.end)?.start ?? -1;
}

function paragraphEnd(article: CleanArticle, pos: number): number {
  return article.paragraphs.find((p) => p.start <= pos && pos <= p.end)?.end ?? pos;
}

function remember(history: Context["history"], speech: Speech, at: number): void {
  history.push({ speaker: speech.speaker!, type: speech.speakerType!, at });
}

/**
 * Quotation spans of one paragraph: double quotes (curly or straight) and single curly quotes
 * outside them. A double quote left open runs to the paragraph's end (the news convention for
 * a quote continued in the next paragraph). The span's `start`/`end` exclude the marks and a
 * trailing comma.
 */
export function quoteSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let double = -1;
  let straight = false;
  let single = -1;
  const push = (open: number, close: number) => {
    let start = open + 1;
    let end = close;
    while (start < end && /\s/u.test(text[start])) start++;
    while (end > start && /[\s,;:]/u.test(text[end - 1])) end--;
    out.push({ open, close, start, end });
  };
  for (let i = from; i < to; i++) {
    // Only quotation marks change anything below: skip every other character by its code.
    const code = text.charCodeAt(i);
    if (
      code !== 0x22 && code !== 0x201c && code !== 0x201d && code !== 0x2018 && code !== 0x2019
    ) continue;
    const c = text[i];
    if (double >= 0) {
      if ((c === "”" && !straight) || (c === '"' && straight)) {
        push(double, i);
        double = -1;
      }
      continue;
    }
    if (c === "“" || (c === '"' && (i === from || OPENERS.test(text[i - 1])))) {
      double = i;
      straight = c === '"';
      single = -1;
      continue;
    }
    if (single < 0 && c === "‘" && (i === from || OPENERS.test(text[i - 1]))) {
      single = i;
      continue;
    }
    if (single >= 0 && c === "’" && !/\p{L}/u.test(text[i + 1] ?? "")) {
      push(single, i);
      single = -1;
    }
  }
  if (double >= 0 && to - double > 1) push(double, to);
  return out;
}

/** Index of the first word that starts at or after `from` (words in text order). */
function firstWordFrom(words: readonly Word[], from: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Context {
  /** Every word of the article's sentences, in text order. */
  words: readonly Word[];
  /** The words in lower case, computed once. */
  lowers: readonly string[];
  /** 1 for a word that is a speech verb, a direct-speech verb, inside a quote. */
  speechVerb: Uint8Array;
  directVerb: Uint8Array;
  quoted: Uint8Array;
  text: string;
  mentions: readonly EntityMention[];
  /** True when the mentions are in order of their start (the search below may then bisect). */
  mentionsSorted: boolean;
  cues: Cues;
  history: { speaker: string; type: SpeakerType; at: number }[];
  inQuote: (pos: number) => boolean;
}

/** The mentions with `from <= start` and `end <= to`, in their order. */
function mentionsWithin(ctx: Context, from: number, to: number): EntityMention[] {
  const { mentions } = ctx;
  if (!ctx.mentionsSorted) return mentions.filter((m) => m.start >= from && m.end <= to);
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  // A mention starting after `to` cannot end by it (a mention never ends before it starts).
  for (let i = lo; i < mentions.length && mentions[i].start <= to; i++) {
    if (mentions[i].end <= to) out.push(mentions[i]);
  }
  return out;
}

function speakerTypeOf(m: EntityMention): SpeakerType {
  return m.type === "PERSON" ? "person" : "organisation";
}

/**
 * The speech in `[from, to)` outside quotes: speaker, cue and relay, or null when there is none.
 * `direct`: the tag of a direct quote, where more verbs count ("declared"); `last`: the speech
 * verb nearest the end wins (for the quote that follows).
 */
function attributionIn(
  ctx: Context,
  from: number,
  to: number,
  opts: { direct?: boolean; last?: boolean } = {},
): Found | null {
  const { text, cues } = ctx;
  const words: Word[] = [];
  /** The lower-case text of each of `words`, and whether it is a speech verb here. */
  const lw: string[] = [];
  const verbs: boolean[] = [];
  const direct = opts.direct === true;
  for (let i = firstWordFrom(ctx.words, from); i < ctx.words.length; i++) {
    const w = ctx.words[i];
    if (w.end > to) break;
    if (ctx.quoted[i] === 0) {
      words.push(w);
      lw.push(ctx.lowers[i]);
      verbs.push(ctx.speechVerb[i] === 1 || (direct && ctx.directVerb[i] === 1));
    }
  }
  if (words.length === 0) return null;
  // The region's mentions, once; the lookups below narrow them further.
  const here = mentionsWithin(ctx, from, to).filter((m) =>
    m.type !== "NORP" && !ctx.inQuote(m.start)
  );
  const mentionsIn = (a: number, b: number) => here.filter((m) => m.start >= a && m.end <= b);

  // The relay "according to X".
  let via: string | null = null;
  let viaEntity: string | null = null;
  let according: { from: number; to: number; mention: EntityMention | undefined } | null = null;
  const a = lw.findIndex((l, i) => l === "according" && words[i + 1]?.text === "to");
  if (a >= 0) {
    let b = a + 2;
    while (
      b < words.length &&
      !(words[b].kind === "punct" && words[b].text !== "’s" && words[b].text !== "'s" &&
        words[b].text !== "-")
    ) b++;
    const end = words[b - 1].end;
    const inside = mentionsIn(words[a].start, end);
    const mention = inside.find((m) => m.media) ?? inside.find((m) => m.type !== "GPE") ??
      inside[0];
    according = { from: words[a].start, to: end, mention };
    via = text.slice(words[a].start, end);
    viaEntity = mention?.entity ?? null;
  }

  // A document: "in a joint communique", "in a statement".
  const docMatch = cues.documentPhrase.exec(lw.join(" "));
  if (docMatch) {
    const doc = docMatch[1];
    const verb = words.find((_, i) => verbs[i]);
    const docWord = words.find((_, i) => lw.slice(i, i + doc.split(" ").length).join(" ") === doc)!;
    const docEnd = docWord.start + doc.length;
    // The attribution reads "said in a joint communique" when verb and document are close.
    const close = verb && Math.abs(verb.start - docWord.start) <= 40;
    return {
      speaker: doc,
      speakerType: "document",
      cue: verb?.text ?? null,
      via,
      viaEntity,
      from: close ? Math.min(verb.start, docWord.start) : docWord.start,
      to: close ? Math.max(verb.end, docEnd) : docEnd,
    };
  }

  // "X quoted Y as saying".
  const q = words.findIndex((w) => w.text === "quoted");
  if (q >= 0) {
    const as = words.findIndex((w, i) =>
      i > q && w.text === "as" && words[i + 1]?.text === "saying"
    );
    if (as > q) {
      const who = best(mentionsIn(words[q].end, words[as].start));
      const clause = clauseStart(words, q);
      const relay = mentionsIn(words[clause].start, words[q].start);
      if (who) {
        return {
          ...speechOf(who),
          cue: "quoted ... as saying",
          via: text.slice(words[clause].start, words[q].start).trim() || via,
          viaEntity: (relay.find((m) => m.media) ?? relay[relay.length - 1])?.entity ??
            viaEntity,
          from: words[clause].start,
          to: words[as + 1].end,
        };
      }
    }
  }

  // A speech verb with its subject: "Xi said", "said Nikolai Patrushev", "he said".
  for (let j = 0; j < words.length; j++) {
    const v = opts.last ? words.length - 1 - j : j;
    if (!verbs[v]) continue;
    if (according && words[v].start >= according.from && words[v].end <= according.to) continue;
    const subject = subjectOf(ctx, words, v, mentionsIn);
    if (!subject) continue;
    let found: Found = { ...subject, cue: words[v].text, via, viaEntity };
    // "TASS reported Mishustin emphasized ...": the agency relays the second speaker.
    if (subject.mediaSubject) {
      for (let v2 = v + 1; v2 < Math.min(words.length, v + 12); v2++) {
        if (!cues.speechVerbs.has(words[v2].text)) continue;
        const second = best(mentionsIn(words[v].end, words[v2].start));
        if (!second) break;
        found = {
          ...speechOf(second),
          cue: words[v2].text,
          via: text.slice(words[clauseStart(words, v)].start, words[v].end),
          viaEntity: subject.speaker,
          from: second.start,
          to: words[v2].end,
        };
        break;
      }
    }
    return found;
  }
  if (according) {
    return {
      speaker: according.mention?.entity ?? null,
      speakerType: according.mention ? speechOf(according.mention).speakerType : null,
      cue: "according to",
      via: null,
      viaEntity: null,
      from: according.from,
      to: according.to,
    };
  }
  return null;
}

function speechOf(m: EntityMention): { speaker: string; speakerType: SpeakerType } {
  return { speaker: m.entity, speakerType: speakerTypeOf(m) };
}

/** The likeliest speaker among mentions: a person, else the last organisation or place. */
function best(mentions: EntityMention[]): EntityMention | undefined {
  return mentions.find((m) => m.type === "PERSON") ?? mentions[mentions.length - 1];
}

function clauseStart(words: Word[], v: number): number {
  let k = v;
  while (k > 0 && !CLAUSE_PUNCT.has(words[k - 1].text)) k--;
  return k;
}

function subjectOf(
  ctx: Context,
  words: Word[],
  v: number,
  mentionsIn: (a: number, b: number) => EntityMention[],
): (Omit<Found, "cue" | "via" | "viaEntity"> & { mediaSubject: boolean }) | null {
  const { text, cues } = ctx;
  const verb = words[v];
  const prev = words[v - 1];
  // A pronoun: the previous person ("he said"), or organisation or document ("it said").
  if (prev && cues.pronouns.has(prev.text[0].toUpperCase() + prev.text.slice(1))) {
    const p = prev.text.toLowerCase();
    const wanted = p === "he" || p === "she"
      ? ["person"]
      : p === "it"
      ? ["organisation", "document"]
      : null;
    if (wanted) {
      const last = [...ctx.history].reverse().find((h) =>
        h.at < verb.start && wanted.includes(h.type)
      );
      return {
        speaker: last?.speaker ?? null,
        speakerType: (last?.type ?? null) as SpeakerType | null,
        from: prev.start,
        to: verb.end,
        mediaSubject: false,
      };
    }
  }
  const clause = clauseStart(words, v);
  const before = mentionsIn(words[clause].start, verb.start).filter((m) =>
    // A country that owns the subject ("Russia’s TASS") is not the subject.
    !(m.type === "GPE" && /^['’]s/.test(text.slice(m.end, m.end + 2)) && !m.metonymy)
  );
  // "China’s premier praised": a title after the last name stands for a person with that title.
  const lastEnd = before.length ? before[before.length - 1].end : words[clause].start;
  const between = words.filter((w) => w.start >= lastEnd && w.end <= verb.start);
  const title = between.find((w) => cues.titles.has(w.text[0].toUpperCase() + w.text.slice(1)));
  // Only with a country before the title: "China’s premier", "the Chinese premier" (a bare
  // "the President" could be anyone).
  const owned = title !== undefined &&
    ctx.mentions.some((m) =>
      (m.type === "GPE" || m.type === "NORP") && m.end <= title.start && title.start - m.end <= 3
    );
  if (title && owned) {
    const titled = [...ctx.mentions].reverse().find((m) =>
      m.type === "PERSON" && m.role !== null && m.start < verb.start &&
      m.role.toLowerCase().split(/\s+/).includes(title.text.toLowerCase())
    );
    if (titled) {
      return { ...speechOf(titled), from: between[0].start, to: verb.end, mediaSubject: false };
    }
  }
  const m = before[before.length - 1];
  // The subject sits a few words before its verb ("TASS news agency said", "Xi Jinping has pledged").
  if (m && words.filter((w) => w.start >= m.end && w.end <= verb.start).length <= 6) {
    return { ...speechOf(m), from: m.start, to: verb.end, mediaSubject: m.media };
  }
  // Past an appositive: "Maria Lopez, an economist, said ...".
  if (clause === v && v >= 2 && words[v - 1].text === ",") {
    const c1 = clauseStart(words, v - 1);
    const appositive = mentionsIn(words[c1].start, words[v - 1].start);
    if (c1 >= 2 && words[c1 - 1].text === "," && v - c1 <= 9 && appositive.length === 0) {
      const owner = mentionsIn(words[clauseStart(words, c1 - 1)].start, words[c1 - 1].start).pop();
      if (owner && owner.end === words[c1 - 2].end) {
        return {
          ...speechOf(owner),
          from: owner.start,
          to: verb.end,
          mediaSubject: owner.media,
        };
      }
    }
  }
  // Inverted: ", said Russian Security Council Secretary Nikolai Patrushev".
  if (clause === v) {
    let end = v + 1;
    while (
      end < words.length && end - v <= 10 && !CLAUSE_PUNCT.has(words[end].text) &&
      words[end].text !== "."
    ) end++;
    const after = mentionsIn(verb.end, words[end - 1]?.end ?? verb.end);
    const m = best(after);
    if (m) return { ...speechOf(m), from: verb.start, to: m.end, mediaSubject: false };
  }
  return null;
}
