/**
 * Quotation spans, and the quotation marks that are no quote: titles of works ("Meet the
 * Press"), nicknames (Dwayne "The Rock" Johnson) and terms (the so-called "grey zone").
 * @module
 */

import { isCapitalised, lowerCase, type Word } from "../words.ts";
import type { QuoteCues } from "./data.ts";
import type { Sentence } from "../../text/segment.ts";

/**
 * A quotation: marks at `open` and `close` (the first character of a two-character mark such as
 * `''`); `start`/`end` exclude the marks and trailing commas. `runOn`: the span has no opening
 * mark of its own and goes on with the quote left open at the end of the paragraph before.
 */
export interface Span {
  open: number;
  close: number;
  start: number;
  end: number;
  runOn?: boolean;
}

/** What quotation marks that are no quote hold. */
export type MarkedKind = "title" | "nickname" | "term";

const OPENERS = /[\s(\[—–-]/u;
/** Short words a title keeps in lower case ("Meet the Press", "Of Mice and Men"). */
const TITLE_SMALL = new Set([
  "a",
  "an",
  "the",
  "of",
  "and",
  "or",
  "in",
  "on",
  "at",
  "to",
  "for",
  "with",
  "by",
  "from",
  "vs",
  "nor",
  "but",
]);

/**
 * Quotation spans of one paragraph: double quotes (curly or straight) and single quotes (curly,
 * or straight as British news prints them) outside them; a double quote inside a single one that
 * closes after it is part of it (British nesting: `'He told me "never again",' she said`). A double quote left open runs to the
 * paragraph's end (the news convention for a quote continued in the next paragraph), and so does
 * a single one that opens the paragraph.
 */
export function quoteSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let double = -1;
  let straight = false;
  let single = -1;
  const push = (open: number, close: number) => out.push(spanOf(text, open, close));
  for (let i = from; i < to; i++) {
    // Only quotation marks change anything below: skip every other character by its code.
    const code = text.charCodeAt(i);
    if (
      code !== 0x22 && code !== 0x27 && code !== 0x201c && code !== 0x201d && code !== 0x2018 &&
      code !== 0x2019 && code !== 0x60
    ) continue;
    const c = text[i];
    const pair = isPairedMark(text, i);
    if (double >= 0) {
      // Either closing mark closes: web text mixes curly and straight ones (“...," he said), and
      // tokenised text closes with two single marks (" We had to act . '').
      if (c === "”" || pair || (c === '"' && (straight || closesMixed(text, i, to)))) {
        push(double, i);
        double = -1;
        if (pair) i++;
      }
      continue;
    }
    if (
      c === "“" || (c === '"' && (i === from || OPENERS.test(text[i - 1]))) ||
      (pair && c !== "’" && (i === from || OPENERS.test(text[i - 1]))) ||
      misplacedOpening(text, i, to)
    ) {
      // British style nests double marks in single ones (`'He told me "never again",' she said`):
      // the inner quote is part of the outer one when the single quote closes after it.
      const inner = single >= 0 ? nestedDoubleEnd(text, from, single, i, to) : -1;
      if (inner > 0) {
        i = inner;
        continue;
      }
      double = i;
      straight = c === '"' || pair;
      single = -1;
      if (pair) i++;
      continue;
    }
    if (single < 0) {
      if (opensSingle(text, i, from)) single = i;
      continue;
    }
    if (closesSingle(text, single, i, to)) {
      push(single, i);
      single = -1;
    }
  }
  if (double >= 0 && to - double > 1) push(double, to);
  // A single quote that opens its paragraph and stays open goes on in the next paragraph.
  else if (single === from && text[from] === "'" && to - single > 1) push(single, to);
  return out;
}

/**
 * Where a double quote opened at `i` inside the single quote opened at `open` ends (its closing
 * mark's last character), when that single quote closes after it in the paragraph `[from, to)`,
 * short of wrapping the whole paragraph; else -1.
 */
function nestedDoubleEnd(
  text: string,
  from: number,
  open: number,
  i: number,
  to: number,
): number {
  const closer = text[i] === "“" ? /[”"]/gu : /["”]/gu;
  closer.lastIndex = i + markWidth(text, i);
  const m = closer.exec(text);
  if (!m || m.index >= to) return -1;
  for (let k = m.index + 1; k < to; k++) {
    if (text[k] === "'" || text[k] === "’") {
      // A whole paragraph wrapped in single marks is a record's quoting, not a quote
      // (`'I just took " ... " and got : ...'`): the double quote stays the quote.
      if (closesSingle(text, open, k, to)) return k === to - 1 && open === from ? -1 : m.index;
    } else if (text[k] === '"' || text[k] === "“" || text[k] === "”") return -1;
  }
  return -1;
}

/** The span between the marks at `open` and `close`, its words trimmed of spaces and trailing commas. */
function spanOf(text: string, open: number, close: number): Span {
  let start = open + markWidth(text, open);
  let end = close;
  // Invisible marks (a left-to-right mark after the opening mark) are no part of the words.
  while (start < end && /[\s\p{Cf}]/u.test(text[start])) start++;
  while (end > start && /[\s,;:\p{Cf}]/u.test(text[end - 1])) end--;
  return { open, close, start, end };
}

/** Single marks that make a double one when two are typed together (`` `` ``, `''`, `’’`). */
const HALF_MARKS = /['‘’`]/u;

/**
 * Two single marks standing for a double one, as tokenised corpora write them (`` `` ... '' ``,
 * `‘’ ... ’’`): never an elision (`rock 'n' roll` has a letter between).
 */
function isPairedMark(text: string, i: number): boolean {
  return HALF_MARKS.test(text[i]) && HALF_MARKS.test(text[i + 1] ?? "") &&
    !HALF_MARKS.test(text[i + 2] ?? "") && !(i > 0 && HALF_MARKS.test(text[i - 1]));
}

/** How many characters the quotation mark at `i` takes: 2 for a paired mark, else 1. */
function markWidth(text: string, i: number): number {
  return isPairedMark(text, i) ? 2 : 1;
}

/** The offset just past the closing mark at `close` (`'' he said` is past both marks). */
export function pastMark(text: string, close: number): number {
  return close + markWidth(text, close);
}

/** Letters after an apostrophe that elide a word ("'s", "n't", "'em", "'90s"), never a quote. */
const ELISION = /^(?:s|t|d|m|re|ve|ll|em|tis|twas|n|til|cause|\d\ds?)(?![\p{L}\p{N}])/iu;

/**
 * An opening single quote: curly after a space or bracket, or straight (or a backtick, as
 * tokenised text opens one) there when a word follows (`'We will fight this,'`, tokenised
 * ` ' under ...`) that is no elision (`rock 'n' roll`, ` 's`, `` `s ``).
 */
function opensSingle(text: string, i: number, from: number): boolean {
  const c = text[i];
  if (c !== "‘" && c !== "'" && c !== "`") return false;
  if (i !== from && !OPENERS.test(text[i - 1])) return false;
  if (c === "‘") return true;
  const rest = text.slice(i + 1, i + 8);
  // Tokenised text may set an elision apart too (`I ' m`, `I ' d say`).
  return /^ ?[\p{L}\p{N}]/u.test(rest) && !ELISION.test(rest.replace(/^ /, ""));
}

/**
 * A closing single quote for the one opened at `open`: curly when no letter follows; straight
 * when no letter follows and a word or a space precedes (`'unfair'.`, tokenised `... years ' .`).
 * A plural possessive (`the players' union`) closes only when no other closing mark follows.
 */
function closesSingle(text: string, open: number, i: number, to: number): boolean {
  const c = text[i];
  if (/[\p{L}\p{N}]/u.test(text[i + 1] ?? "")) return false;
  const curly = text[open] === "‘";
  // A backtick opens as tokenised text prints it (`` ` honesty comes hard ... ' ``).
  if (curly ? c !== "’" : c !== "'" && !(text[open] === "`" && c === "’")) return false;
  if (!curly && /\s/u.test(text[i - 1]) && !/\s/u.test(text[open + 1])) return false;
  // `‘... the Smiths’ house ...’`: a plural possessive, curly or straight.
  if (/s$/u.test(text[i - 1]) && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3))) {
    return !(curly ? /’(?![\p{L}\p{N}])/u : /'(?![\p{L}\p{N}])/u).test(text.slice(i + 1, to));
  }
  return true;
}

/**
 * A straight mark inside a curly quote closes it when no letter follows and either the quote's
 * own punctuation precedes it (`“We will not give up," he said.`) or no curly closing mark
 * follows in the paragraph.
 */
function closesMixed(text: string, i: number, to: number): boolean {
  if (/[\p{L}\p{N}]/u.test(text[i + 1] ?? "")) return false;
  return /[,.!?…]/u.test(text[i - 1] ?? "") || !text.slice(i + 1, to).includes("”");
}

/**
 * A straight quote mark typed against the comma or colon before it, with no quote open: the
 * opening of a quote that starts after a space with a capital or a bracket (`Wilkins said,"
 * [the painter] liked ..."`, `communities," For example ..."`), when a straight mark closes it later
 * in the paragraph.
 */
function misplacedOpening(text: string, i: number, to: number): boolean {
  if (text[i] !== '"' || !/[,:]/.test(text[i - 1] ?? "")) return false;
  // `said:"We will ...`: typed with no space at all, a capital right after the mark.
  if (!/^(?: [\p{Lu}\[]|\p{Lu})/u.test(text.slice(i + 1, i + 3))) return false;
  const next = text.indexOf('"', i + 1);
  return next > i && next < to;
}

/** A paragraph's place in the text, as `articleSpans` reads it. */
interface Stretch {
  index: number;
  start: number;
  end: number;
}

/**
 * The quotation spans of an article's paragraphs, in order, each with its paragraph's index. A
 * quote left open at a paragraph's end goes on where the writer never opened it again, as
 * one-sentence-per-line and tokenised text prints it (`" No one can contradict me .` /
 * `They 're inseparable , " he says .`): the next paragraph, when it does not open with a
 * quotation mark and holds an odd number of double marks, is quote up to its first mark
 * (`runOn`); a paragraph with no mark between the two is quote throughout.
 */
export function articleSpans(
  text: string,
  paragraphs: readonly Stretch[],
  tagVerbs: ReadonlySet<string>,
): (Span & { paragraph: number })[] {
  const out: (Span & { paragraph: number })[] = [];
  let open = false;
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    let from = p.start;
    const add = (s: Span) => out.push({ ...s, paragraph: p.index });
    if (open && !opensAt(text, p.start)) {
      const marks = doubleMarks(text, p.start, p.end);
      if (marks.length % 2 === 1 && closesRunOn(text, p.start, marks[0], p.end, tagVerbs)) {
        add(runOnSpan(text, p.start, marks[0]));
        from = pastMark(text, marks[0]);
      } else if (marks.length === 0 && closesLater(text, paragraphs, k + 1)) {
        add(runOnSpan(text, p.start, p.end));
        continue;
      }
    }
    const spans = from < p.end ? quoteSpans(text, from, p.end) : [];
    spans.forEach(add);
    const last = spans[spans.length - 1];
    open = last !== undefined && last.close === p.end && isDouble(text, last.open);
  }
  return out;
}

/**
 * True when the mark at `i`, the first of a paragraph that goes on with an open quote, closes
 * that quote: no letter right after it (`"The Museum ...` opens), no colon or tag verb before it
 * (`He said , " This ...` opens), and after it the paragraph's end, punctuation, a lower-case
 * word (`, " he says .`) or a name with a tag verb (`, " Muni told IPS .`).
 */
function closesRunOn(
  text: string,
  from: number,
  i: number,
  to: number,
  tagVerbs: ReadonlySet<string>,
): boolean {
  if (text[i] === "`" || text[i] === "‘" || text[i] === "“") return false;
  const after = text.slice(pastMark(text, i), to);
  if (/^[\p{L}\p{N}]/u.test(after)) return false;
  const before = text.slice(from, i).replace(/[\s,]+$/u, "");
  const isTag = (w: string) => tagVerbs.has(w.toLowerCase());
  if (before.endsWith(":") || isTag(/\p{L}+$/u.exec(before)?.[0] ?? "")) return false;
  if (/^\s*(?:$|[.,;:!?)\]]|\p{Ll})/u.test(after)) return true;
  return after.split(/\s+/).slice(0, 7).some(isTag);
}

/** A span with no opening mark from `start` to the mark at `close` (or the paragraph's end). */
function runOnSpan(text: string, start: number, close: number): Span {
  let end = close;
  while (end > start && /[\s,;:\p{Cf}]/u.test(text[end - 1])) end--;
  return { open: start, close, start, end, runOn: true };
}

/** True when a double quotation mark (or a paired one) opens the paragraph at `at`. */
function opensAt(text: string, at: number): boolean {
  return text[at] === '"' || text[at] === "“" || isPairedMark(text, at);
}

/** True for a double quotation mark at `i`: `"`, `“`, `”` or two single ones. */
function isDouble(text: string, i: number): boolean {
  return text[i] === '"' || text[i] === "“" || text[i] === "”" || isPairedMark(text, i);
}

/** Offsets of the double quotation marks in `[from, to)`, a paired mark counted once. */
function doubleMarks(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x201c || code === 0x201d) out.push(i);
    else if ((code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x60)) {
      if (isPairedMark(text, i)) out.push(i++);
    }
  }
  return out;
}

/**
 * How many lines on a quote left open may close it: one sentence per line, a spokesman's five
 * sentences are five lines, the mark only on the last.
 */
const RUN_ON_REACH = 6;

/**
 * True when one of the next {@link RUN_ON_REACH} paragraphs, after paragraphs with no mark,
 * closes a quote it never opened: a middle line of a quote running on over several lines.
 */
function closesLater(text: string, paragraphs: readonly Stretch[], k: number): boolean {
  for (let j = k; j < paragraphs.length && j < k + RUN_ON_REACH; j++) {
    const p = paragraphs[j];
    if (opensAt(text, p.start)) return false;
    const n = doubleMarks(text, p.start, p.end).length;
    if (n > 0) return n % 2 === 1;
  }
  return false;
}

/**
 * True when quote `b` resumes quote `a` after an aside: a dash, a comma or a bracket right after
 * `a`, at most a dozen words with no sentence end between, and `b` going on in lower case
 * (`"The situation" — he paused — "is very serious."`, `"It was," she said, "a mistake."`).
 */
export function resumes(text: string, a: Span, b: Span): boolean {
  const between = text.slice(pastMark(text, a.close), b.open);
  if (!/^\s*[,—–(-]/u.test(between) && !/[,—–-]\s*$/u.test(text.slice(a.start, a.close))) {
    return false;
  }
  if (/[.!?]["”’']?\s+\p{Lu}/u.test(between) || /\n/.test(between)) return false;
  const words = between.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words <= 12 && /^\p{Ll}/u.test(text[b.start] ?? "");
}

/** True when every word is capitalised but the short ones a title keeps small. */
export function isTitleCase(words: readonly Word[]): boolean {
  let capitalised = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind !== "word") continue;
    if (isCapitalised(w.text) || /^\p{Lu}+$/u.test(w.text)) capitalised++;
    else if (i === 0 || !TITLE_SMALL.has(w.text)) return false;
  }
  return capitalised > 0;
}

/**
 * What a span holds when it is no quote, else null. `inside`: its words; `before`: the words of
 * its sentence before the opening mark; `after`: the first word after the closing mark.
 * A title: title case after a title noun or "on"/"in" ("the book “...”", "said on “Meet the
 * Press”"), or title case of two or more words inside a sentence. A nickname: one to three
 * words between a first name and a surname, or after "nicknamed"/"dubbed". A term: after "the
 * term", "the word", "so-called".
 */
export function markedKind(
  inside: readonly Word[],
  before: readonly Word[],
  after: Word | undefined,
  cues: QuoteCues,
): MarkedKind | null {
  const n = inside.filter((w) => w.kind === "word").length;
  if (n === 0) return null;
  const prev = before.length ? lowerCase(before[before.length - 1].text) : "";
  const prev2 = before.length > 1 ? lowerCase(before[before.length - 2].text) : "";
  if (n <= 3) {
    const nameBefore = before.length > 1 && isCapitalised(before[before.length - 1].text);
    if (nameBefore && after && isCapitalised(after.text)) return "nickname";
    if (cues.nicknameCues.has(prev) || (prev === "as" && cues.nicknameCues.has(prev2))) {
      return "nickname";
    }
  }
  // "so-called" is three tokens here: so, -, called.
  const hyphenated = before.slice(-3).map((w) => lowerCase(w.text)).join("");
  if (n <= 4 && [prev, prev2, hyphenated].some((w) => cues.termCues.has(w))) return "term";
  if (!isTitleCase(inside)) return null;
  if (cues.titleNouns.has(prev) || cues.titleNouns.has(prev2)) return "title";
  // `said, "Thank You."`, `shouted "Happy New Year!"`, `wrote on Twitter: "Great Job"`: said.
  const say = cues.titleSaidVerbs;
  if (say.has(prev) || (prev === "," && say.has(prev2))) return null;
  const said = (w: Word) => say.has(lowerCase(w.text)) || cues.writingVerbs.has(lowerCase(w.text));
  // "The title of a book asked: "..."" names a work still.
  const titled = before.some((w) => w.text.length > 2 && cues.titleNouns.has(lowerCase(w.text)));
  if (prev === ":" && !titled && before.slice(-6, -1).some(said)) return null;
  return n >= 2 && n <= 10 && before.some((w) => w.kind === "word") ? "title" : null;
}

/** A nickname of initials closing a sentence: `Col. John “J.D.”` (the surname is cut off). */
const INITIALS_END = /["“](?:\p{Lu}\.){1,3}["”]$/u;

/**
 * Sentences with the ones cut after a nickname of initials joined again (`said Col. John “J.D.”
 * Harris, spokesman for ...` is one sentence), numbered in order so that `index` still tells
 * neighbours.
 */
export function joinNameSplits(text: string, sentences: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (
      last !== undefined && last.paragraph === s.paragraph && INITIALS_END.test(last.text) &&
      /^\p{Lu}\p{Ll}/u.test(s.text)
    ) {
      out[out.length - 1] = {
        ...last,
        end: s.end,
        text: text.slice(last.start, s.end),
        nWords: last.nWords + s.nWords,
      };
    } else {
      // The same object when nothing before it was joined: the words of a sentence are cached per
      // object (`sentenceWords`), and a copy would tokenise every sentence again.
      out.push(s.index === out.length ? s : { ...s, index: out.length });
    }
  }
  return out;
}
