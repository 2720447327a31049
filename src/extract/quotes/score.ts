/**
 * Scoring quotes and reported speech against hand-annotated gold (the format of
 * `tests/fixtures/quotes_gold/`): found (recall), precision, and speaker right / wrong / empty
 * among the found, direct and partial quotes apart from reported speech.
 *
 * Gold offsets point into a document's raw text; the kit cleans it first, so each gold item is
 * placed by finding its text in the cleaned text (the occurrence nearest the gold offset).
 * @module
 */

import { z } from "zod";
import type { Article } from "../../corpus/article.ts";
import { analyzeArticles } from "../../pipeline.ts";
import { extractCorpus } from "../extract.ts";
import { DEFAULT_TITLES } from "../cues.ts";
import { escapeRegExp } from "../../_strings.ts";
import { goldArticle, ratio } from "../_gold.ts";

const nullableString = z.string().nullable().optional();
const nullableInt = z.number().int().nonnegative().nullable().optional();

/** One gold document. */
export const GoldDocSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  licence: z.string(),
  genre: z.string().optional(),
  text: z.string().min(1),
});

/**
 * The gold's splits, in table order: tune on dev and test (test has been looked at); heldout is
 * the held-out measure, only ever reported as numbers.
 */
export const SPLITS = ["dev", "test", "heldout"] as const;
/** One of {@link SPLITS}. */
export type Split = typeof SPLITS[number];

/** One gold quotation or reported statement. */
export const GoldItemSchema = z.object({
  doc: z.string().min(1),
  split: z.enum(SPLITS),
  kind: z.enum(["direct", "partial", "reported", "title", "scare", "nickname", "term"]),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().min(1),
  speaker: nullableString,
  speaker_type: z.enum(["person", "organisation", "document"]).nullable().optional(),
  speaker_start: nullableInt,
  speaker_end: nullableInt,
  speaker_text: nullableString,
  cue: nullableString,
  cue_start: nullableInt,
  cue_end: nullableInt,
  via: nullableString,
  note: nullableString,
});

export type GoldDoc = z.infer<typeof GoldDocSchema>;
export type GoldItem = z.infer<typeof GoldItemSchema>;

/** Parses JSON Lines against a schema: good lines kept, one message per bad line (file:line: what). */
export function parseJsonLines<T>(
  text: string,
  schema: z.ZodType<T>,
  file: string,
): { rows: T[]; errors: string[] } {
  const rows: T[] = [];
  const errors: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) rows.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      errors.push(`${file}:${i + 1}: ${issue.path.join(".") || "record"}: ${issue.message}`);
    }
  });
  return { rows, errors };
}

/** Scores of one split and one group (direct+partial, or reported). */
export interface QuoteScore {
  split: Split;
  group: "direct+partial" | "reported";
  gold: number;
  /** Gold items matched by an extracted one. */
  found: number;
  /** Extracted items of the group, and how many match a gold item. */
  extracted: number;
  matched: number;
  /**
   * Among found gold items: the speaker right (for a gold item with no named speaker, right is
   * empty), wrong, or empty where the gold names one.
   */
  withSpeaker: number;
  right: number;
  wrong: number;
  empty: number;
  /** Gold items whose text was not found in the cleaned text. */
  unplaced: number;
}

/** One extracted span with its speaker, in the cleaned text. */
export interface Got {
  start: number;
  end: number;
  speaker: string | null;
  reason: string | null;
  /** The sieve that chose the speaker and how sure it is, shown with a wrong speaker. */
  sieve?: string | null;
  confidence?: number;
}

/**
 * Lower case, no diacritics, no titles or ranks, no punctuation: "Sen. Ron Wyden" and "Ron
 * Wyden", "Lt. Col. José Díaz" and "Jose Diaz" give the same words.
 */
function nameTokens(name: string): string[] {
  return name.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase()
    .replace(/[’']s\b/g, "").replace(/ization\b/g, "isation")
    .split(/[^\p{L}\p{N}]+/u).filter((t) => t && !TITLES.has(t));
}

/** "KCNA" for Korean Central News Agency: the initials of the words that are not "of", "and". */
function initials(tokens: string[]): string {
  return tokens.filter((t) => t !== "of" && t !== "and" && t !== "for").map((t) => t[0]).join("");
}

/**
 * Honorifics, titles and military ranks dropped before names are compared: the shipped title
 * abbreviations and single titles ("Sen.", "President", "Sgt.", "Captain") and the ranks below.
 */
const TITLES = new Set([
  "the",
  ...[...DEFAULT_TITLES.single].map((t) => t.toLowerCase()),
  ..."mr mrs ms dr sen rep gov president senator spc pfc pvt cpl sgt sfc lt col maj capt cpt gen brig adm cmdr ens staff first private specialist corporal sergeant lieutenant colonel major captain general brigadier admiral commander ensign"
    .split(" "),
]);

/**
 * A person's first and last word with middle names and initials gone: "mary j doyle" and
 * "mary doyle" both give "mary doyle". Single letters are initials.
 */
function firstLast(tokens: string[]): string {
  const t = tokens.filter((w) => w.length > 1);
  return t.length >= 2 ? `${t[0]} ${t[t.length - 1]}` : t.join(" ");
}

/**
 * True when an extracted speaker names the gold speaker. Both names lose case, diacritics,
 * honorifics, titles and ranks first ("Lt. Col.", "Spc.", "Sen."); then they match when the
 * words are the same, when first and last word are the same once initials and middle names are
 * gone ("Mary J. Doyle" and "Mary Doyle"), when the gold's full name follows role words the
 * entity stage kept in its canonical name ("NASA Administrator Charles Bolden" for Charles
 * Bolden), for an acronym of the other name ("KCNA", "UN" for United Nations), or when the extracted name is the gold
 * name's last word or words alone (a surname the text never completed: "Doyle", "García
 * Anaya"). "-ization" and "-isation" compare equal.
 */
export function sameSpeaker(gold: string, got: string): boolean {
  const g = nameTokens(gold);
  const x = nameTokens(got);
  if (g.length === 0 || x.length === 0) return false;
  if (g.join(" ") === x.join(" ")) return true;
  if (g.length >= 2 && x.length >= 2 && firstLast(g) === firstLast(x)) return true;
  // An acronym for a name spelt out, either way round ("KCNA", "UN" and "United Nations").
  if (x.length === 1 && /^\p{Lu}{2,}$/u.test(got.trim()) && initials(g) === x[0]) return true;
  if (g.length === 1 && /^\p{Lu}{2,}$/u.test(gold.trim()) && initials(x) === g[0]) return true;
  // Role words the entity stage kept before the full name ("NASA Administrator Charles Bolden").
  if (g.length >= 2 && x.length > g.length && x.slice(-g.length).join(" ") === g.join(" ")) {
    return true;
  }
  // A surname alone, of one word or more; never the whole of a one-word gold name's prefix.
  return x.length < g.length && g.slice(-x.length).join(" ") === x.join(" ");
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return o > 0 && o >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

/**
 * The unused extracted span that overlaps the gold span best (largest share of their union),
 * so a short gold quote inside a long extracted one does not take it from the gold quote it is;
 * -1 when none overlaps enough.
 */
function bestMatch(
  got: readonly Got[],
  at: { start: number; end: number },
  used: ReadonlySet<number>,
): number {
  let best = -1;
  let bestShare = 0;
  got.forEach((g, i) => {
    if (used.has(i) || !overlaps(g, at)) return;
    const inter = Math.min(g.end, at.end) - Math.max(g.start, at.start);
    const share = inter / (Math.max(g.end, at.end) - Math.min(g.start, at.start));
    if (share > bestShare) [best, bestShare] = [i, share];
  });
  return best;
}

/** Where a gold item's text occurs in the cleaned text. */
function occurrences(cleaned: string, text: string): number[] {
  const out: number[] = [];
  for (let i = cleaned.indexOf(text); i >= 0; i = cleaned.indexOf(text, i + 1)) out.push(i);
  return out;
}

/**
 * How far cleaning moved a document's text: the median shift of the gold items whose text
 * occurs once (cleaning drops a dateline or spaces, so raw offsets run ahead of cleaned ones).
 */
function cleaningShift(cleaned: string, items: readonly GoldItem[]): number {
  const shifts = items.map((item) => occurrences(cleaned, item.text))
    .map((at, k) => (at.length === 1 ? at[0] - items[k].start : null))
    .filter((d): d is number => d !== null).sort((a, b) => a - b);
  return shifts.length ? shifts[shifts.length >> 1] : 0;
}

/**
 * Where a gold item's text sits in the cleaned text: the occurrence nearest its raw offset moved
 * by the document's cleaning shift (a word quoted twice, "dangerous" and then "We face a
 * dangerous sentence", is placed at the right one).
 */
function place(
  cleaned: string,
  item: GoldItem,
  shift: number,
): { start: number; end: number } | null {
  const want = item.start + shift;
  let best = -1;
  for (const i of occurrences(cleaned, item.text)) {
    if (best < 0 || Math.abs(i - want) < Math.abs(best - want)) best = i;
  }
  if (best >= 0) return { start: best, end: best + item.text.length };
  return placeAcrossSpaces(cleaned, item.text, want);
}

/**
 * A gold text placed with any run of white space matching any other: cleaning makes each line a
 * paragraph (a blank line between) and runs of spaces one, so a quote over two lines of a record
 * written one sentence per line reads "…\n\n…" once cleaned. The occurrence nearest `want`.
 */
function placeAcrossSpaces(
  cleaned: string,
  text: string,
  want: number,
): { start: number; end: number } | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  const pattern = new RegExp(
    words.map(escapeRegExp).join("\\s+"),
    "gu",
  );
  let best: { start: number; end: number } | null = null;
  for (const m of cleaned.matchAll(pattern)) {
    const at = { start: m.index, end: m.index + m[0].length };
    if (!best || Math.abs(at.start - want) < Math.abs(best.start - want)) best = at;
  }
  return best;
}

function emptyScore(split: Split, group: QuoteScore["group"]): QuoteScore {
  return {
    split,
    group,
    gold: 0,
    found: 0,
    extracted: 0,
    matched: 0,
    withSpeaker: 0,
    right: 0,
    wrong: 0,
    empty: 0,
    unplaced: 0,
  };
}

/** Counts a found item's speaker as right, wrong or empty (with a miss line for the last two). */
function judgeSpeaker(item: GoldItem, got: Got, score: QuoteScore, misses: string[]): void {
  const speaker = got.speaker === null ? null : `${got.speaker} [${got.sieve} ${got.confidence}]`;
  const where = `${item.split} ${item.doc}`;
  // An unnamed source ("officials said") is right only when left empty.
  if (!item.speaker) {
    if (speaker === null) score.right++;
    else {
      score.wrong++;
      misses.push(`${where}: speaker ${speaker} (gold none): ${item.text.slice(0, 50)}`);
    }
    return;
  }
  if (speaker === null) {
    score.empty++;
    misses.push(
      `${where}: speaker empty (gold ${item.speaker}): ${got.reason}: ${item.text.slice(0, 50)}`,
    );
  } else if (sameSpeaker(item.speaker, got.speaker!)) score.right++;
  else {
    score.wrong++;
    misses.push(`${where}: speaker ${speaker} (gold ${item.speaker}): ${item.text.slice(0, 50)}`);
  }
}

/** Matches one document's gold items of a group against what was extracted, into `score`. */
function scoreGroup(
  cleaned: string,
  shift: number,
  gold: GoldItem[],
  got: readonly Got[],
  score: QuoteScore,
  misses: string[],
): void {
  const used = new Set<number>();
  const matchedGot = new Set<number>();
  for (const item of gold) {
    score.gold++;
    const at = place(cleaned, item, shift);
    if (!at) {
      score.unplaced++;
      misses.push(
        `${item.split} ${item.doc}: gold text not in the cleaned text: ${item.text.slice(0, 60)}`,
      );
      continue;
    }
    const k = bestMatch(got, at, used);
    if (k < 0) {
      misses.push(`${item.split} ${item.doc}: missed ${item.kind}: ${item.text.slice(0, 70)}`);
      continue;
    }
    used.add(k);
    matchedGot.add(k);
    score.found++;
    score.withSpeaker++;
    judgeSpeaker(item, got[k], score, misses);
  }
  score.extracted += got.length;
  score.matched += matchedGot.size;
  got.forEach((g, i) => {
    if (!matchedGot.has(i)) {
      misses.push(
        `${score.split} extra ${score.group}: ${cleaned.slice(g.start, g.end).slice(0, 70)}`,
      );
    }
  });
}

/**
 * Runs clean → segment → extract on every gold document and scores the gold items, by split and
 * group. A document's extracted items count against the split its gold items are in.
 */
export function scoreQuotes(
  docs: readonly GoldDoc[],
  items: readonly GoldItem[],
  run: (article: Article) => Extracted = extractOne,
): { scores: QuoteScore[]; misses: string[] } {
  const scores = new Map<string, QuoteScore>();
  const misses: string[] = [];
  const get = (split: Split, group: QuoteScore["group"]) => {
    const key = `${split}|${group}`;
    if (!scores.has(key)) scores.set(key, emptyScore(split, group));
    return scores.get(key)!;
  };
  for (const doc of docs) {
    // Quotes whose marks were lost in the source ("unmarked:" notes) cannot be found by marks.
    const mine = items.filter((i) => i.doc === doc.id && !i.note?.startsWith("unmarked:"));
    if (mine.length === 0) continue;
    const split = mine[0].split;
    const x = run(articleOf(doc));
    const cleaned = x.cleaned;
    const quotes = x.quotes.filter((q) => q.kind === "direct" || q.kind === "partial");
    const shift = cleaningShift(cleaned, mine);
    scoreGroup(
      cleaned,
      shift,
      mine.filter((i) => i.kind === "direct" || i.kind === "partial"),
      quotes,
      get(split, "direct+partial"),
      misses,
    );
    scoreGroup(
      cleaned,
      shift,
      mine.filter((i) => i.kind === "reported"),
      x.attributions,
      get(split, "reported"),
      misses,
    );
  }
  const order = SPLITS.flatMap((s) => [`${s}|direct+partial`, `${s}|reported`]);
  return { scores: order.filter((k) => scores.has(k)).map((k) => scores.get(k)!), misses };
}

/** What the scorer reads of one article's extraction: its cleaned text, quotes and attributions. */
export interface Extracted {
  cleaned: string;
  quotes: readonly (Got & { kind: string })[];
  attributions: readonly Got[];
}

/** This kit's clean → segment → extract on one article. */
function extractOne(article: Article): Extracted {
  const analysis = analyzeArticles([article]);
  const x = extractCorpus(analysis);
  return { cleaned: analysis.articles[0]?.text ?? "", ...x };
}

const articleOf = (doc: GoldDoc): Article => goldArticle(doc, "quotes_gold");

/** The scores as a Markdown table. */
export function scoreTable(scores: readonly QuoteScore[]): string {
  const head =
    "| split | group | gold | found (recall) | precision | speaker right | wrong | empty |\n" +
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |";
  const rows = scores.map((s) =>
    `| ${s.split} | ${s.group} | ${s.gold} | ${s.found} (${ratio(s.found, s.gold)}) | ${
      ratio(s.matched, s.extracted)
    } | ${s.right} (${ratio(s.right, s.withSpeaker)}) | ${s.wrong} (${
      ratio(s.wrong, s.withSpeaker)
    }) | ${s.empty} (${ratio(s.empty, s.withSpeaker)}) |`
  );
  return [head, ...rows].join("\n");
}
