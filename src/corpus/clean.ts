/**
 * Cleaning: boilerplate out (kept for audit), structure separated (headline, dateline, byline,
 * subheads, credit line, body), scrape joins repaired (and recorded).
 * @module
 */

import type { Article } from "./article.ts";
import { type Credit, isCreditLine, parseCredit } from "./credit.ts";
import { type CleaningRules, DEFAULT_CLEANING_RULES } from "./rules.ts";
import { detectLanguage } from "./language.ts";
import { parseDate } from "./dates.ts";

/** What a paragraph of the cleaned text is. */
export type ParagraphKind = "headline" | "subhead" | "body";

/** A paragraph of the cleaned text; `start`/`end` are offsets into `CleanArticle.text`. */
export interface Paragraph {
  /** Position among the article's paragraphs, from 0. */
  index: number;
  /** Headline, subhead or body. */
  kind: ParagraphKind;
  /** Offset of the first character in `CleanArticle.text`. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** A piece of the raw text that cleaning removed, and why. */
export interface Removal {
  /** The cleaning rule that removed it (boilerplate, credit, dateline, …). */
  kind: string;
  /** The text removed, as it was. */
  text: string;
  /** 1-based line in the raw text. */
  line: number;
}

/** A repair made to the text, such as a missing space between two scraped words. */
export interface Repair {
  /** Two words run together by the scraper, split again. */
  kind: "split_join";
  /** The text before the repair. */
  before: string;
  /** The text after it. */
  after: string;
  /** 1-based line in the raw text. */
  line: number;
}

/** An article after cleaning: the text that the rest of the kit reads, and its structure. */
export interface CleanArticle {
  /** The article's id, as loaded. */
  id: string;
  /** The outlet that published it. */
  outlet: string;
  /** The article's title: from the source's metadata, else the headline found in the text. */
  title: string | null;
  /** ISO date (YYYY-MM-DD), or null when unknown. */
  published: string | null;
  /** The article's address, when the source gives one. */
  url: string | null;
  /**
   * ISO 639-1 code of the text's language (see {@link detectLanguage}); null when too short to
   * tell, undefined on an article built by hand.
   */
  language?: string | null;
  /** Every other field of the source, as strings (the `--by` and `--within` fields come from here). */
  meta: Record<string, string>;
  /** Headline, subheads and body paragraphs joined by blank lines. All offsets point here. */
  text: string;
  /** The paragraphs of `text`, in order. */
  paragraphs: Paragraph[];
  /** The headline found at the top of the text, or null. */
  headline: string | null;
  /** "NAIROBI (Reuters) -" as printed; removed from the first paragraph. */
  dateline: string | null;
  /** The place the dateline names ("NAIROBI"), as printed. */
  datelinePlace: string | null;
  /** The agency named in the dateline or byline ("Reuters"). */
  agency: string | null;
  /** A byline line such as "Reuters" or "By Jane Doe". */
  byline: string | null;
  /** The credit line ("Reporting by …; Editing by …"), parsed. */
  credit: Credit | null;
  /** The 1-based raw-file lines of the dateline, byline and credit line, where there are any. */
  structureLines: { dateline?: number; byline?: number; credit?: number };
  /** What cleaning removed, and why. */
  removed: Removal[];
  /** What cleaning repaired. */
  repairs: Repair[];
}

interface Para {
  text: string;
  line: number;
}

/**
 * Sentence punctuation at the end of a line, then any closing marks; tokenised corpora put a
 * space before each closer (`. "`, `? ''`), so a space may come before one; `'` closes too.
 */
const TERMINAL = /[.!?…:;](?: ?["'”’»)\]])*$/u;
/** The place of a dateline: a city in capitals ("NEW YORK", "ST. LOUIS"). */
const DATELINE_CITY = String.raw`[A-Z][A-Z.'’-]*(?:[ ,]+[A-Z][A-Z.'’-]*)*`;
/**
 * The state, province or country after the city, as AP and Reuters print it: up to three
 * capitalised words or abbreviations ("Texas", "Ill.", "N.Y.", "Saudi Arabia", "D.C.").
 */
const DATELINE_REGION = String.raw`(?:,\s*[A-Z][a-z]{0,11}\.?(?:\s?[A-Z][a-z]{0,11}\.?){0,2})?`;
/** The day after the place ("NAIROBI, Nov 4"). */
const DATELINE_DAY = String.raw`(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?`;
/**
 * After the agency: a dash, or straight into the story's first word, as scraped pages glue it
 * ("Atlanta (CNN)The Senate").
 */
const DATELINE_END = String.raw`(?:\s*[-–—]+\s*|(?=[A-Z“"‘]))`;
/** A day without a place, as Reuters prints it when the story has none ("Oct 9 (Reuters) -"). */
const DATELINE_DAY_ALONE = String
  .raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}`;
const DATELINE = new RegExp(
  String
    .raw`^(?:(${DATELINE_CITY}${DATELINE_REGION})${DATELINE_DAY}|${DATELINE_DAY_ALONE})?\s*\(([A-Z][\p{L}.&' -]{0,40})\)${DATELINE_END}`,
  "u",
);
/**
 * A city in title case before an agency's acronym ("Atlanta (CNN) —", "Hong Kong (AFP) -"), as
 * some outlets print it: only with an acronym, since "Sen. Jane Roe (D-Conn.) —" is no dateline.
 */
const TITLE_CASE_DATELINE = new RegExp(
  String
    .raw`^(\p{Lu}\p{Ll}[\p{L}.'’-]*(?:[ ,]+\p{Lu}[\p{L}.'’-]*){0,3})\s*\(([A-Z]{2,6})\)${DATELINE_END}`,
  "u",
);
const BARE_DATELINE = new RegExp(
  String
    .raw`^([A-Z]{2,}(?:[ ,.'’-]+[A-Z]{2,})*${DATELINE_REGION})${DATELINE_DAY}\s+[–—-]{1,2}\s+(?=[A-Z“"‘])`,
  "u",
);
const JOINED_WORDS = /\b([a-z]{3,})([A-Z][a-z]{2,})\b/g;
const JOINED_SENTENCES = /\b([a-z]{2,}[.!?])([A-Z][a-z]+)\b/g;
/** What each join pattern needs somewhere: text without it has nothing to repair (a quick scan). */
const MAY_JOIN_WORDS = /[a-z][A-Z]/;
const MAY_JOIN_SENTENCES = /[a-z][.!?][A-Z]/;
/** Runs of blanks, made one space. */
const BLANKS = /[ \t\u00a0\u2000-\u200a\u202f]+/g;
/** Blanks other than a single space: a line without them is left as it is by BLANKS. */
const ODD_BLANKS = /[\t\u00a0\u2000-\u200a\u202f]| {2}/;

/** "Published:", "Posted on", "Last updated" before a date line: a label, not part of the date. */
const DATE_LABEL = /^(?:((?:last\s+)?updated)|published|posted)(?:\s+on)?\s*:?\s*/i;

/** A time of day before the date ("5:00 AM EST Mar 3, 2024", "10:15 a.m. ET, Tue March 3"). */
const LEADING_TIME = /^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{1,5}\b)?\s*,?\s*/i;

/**
 * Removes the first paragraph of the top two that is only a date ("Friday, July 21, 2017",
 * "Published: 2024-03-05", "Published 5:00 AM EST Mar 3, 2024"), as scraped pages and wikis
 * print it above the story, and returns its day and line. Such a line would otherwise be taken
 * for the headline and counted as words. Only dates {@link parseDate} reads for sure count. An
 * "Updated …" line is removed too, as `update_line`, but its day is not the publication date.
 */
function takeDateLine(
  paras: Para[],
  rules: CleaningRules,
  removed: Removal[],
): { date: string; line: number } | null {
  let found: { date: string; line: number } | null = null;
  // The top two paragraphs that are neither stamps nor a byline, and the stamps among and right
  // after them ("Headline / By Jane Doe / Updated …").
  for (let i = 0, kept = 0; kept < 2 && i < paras.length - 1;) {
    const stamp = dateStampOf(paras[i].text);
    if (!stamp || (found && !stamp.updated)) {
      if (!isByline(paras[i].text, rules)) kept++;
      i++;
      continue;
    }
    const [p] = paras.splice(i, 1);
    removed.push({ kind: stamp.updated ? "update_line" : "date_line", text: p.text, line: p.line });
    if (!stamp.updated) found = { date: stamp.date, line: p.line };
  }
  return found;
}

/** The day of a paragraph that is only a date, with or without a label; null for any other. */
function dateStampOf(paragraph: string): { date: string; updated: boolean } | null {
  const text = paragraph.trim();
  if (text.length > 60 || !/\d/.test(text)) return null;
  const label = DATE_LABEL.exec(text);
  const reading = parseDate(text.slice(label?.[0].length ?? 0).replace(LEADING_TIME, ""));
  return "date" in reading ? { date: reading.date, updated: Boolean(label?.[1]) } : null;
}

/**
 * Cleans one article.
 *
 * @example
 * const clean = cleanArticle(article);
 * clean.removed;   // [{ kind: "ad_marker", text: "The story continues below the ad", line: 17 }, …]
 * clean.dateline;  // "NAIROBI (Reuters) -"
 */
export function cleanArticle(
  article: Article,
  rules: CleaningRules = DEFAULT_CLEANING_RULES,
): CleanArticle {
  const removed: Removal[] = [];
  const structureLines: CleanArticle["structureLines"] = {};
  const paras = dropBoilerplate(toParagraphs(article.text), rules, removed);
  const credit = takeCredit(paras, structureLines);
  // A paragraph that is only a date, at the top: the publication date as pages print it.
  const dateLine = takeDateLine(paras, rules, removed);
  const { headline, date: headlineDate } = takeHeadline(paras, article.outlet, rules, removed);
  const top = takeTopRepeatsAndByline(
    paras,
    [headline, article.title],
    rules,
    removed,
    structureLines,
  );
  const { dateline, datelinePlace, agency } = takeDateline(top.paras, structureLines);
  const repairs: Repair[] = [];
  const names = repeatedJoins(top.paras);
  const body = top.paras.map((p) => repairJoins(p, repairs, names));
  const { text, paragraphs } = assemble(headline, body);
  return {
    id: article.id,
    outlet: article.outlet,
    title: article.title ?? headline,
    published: article.published ?? dateLine?.date ?? headlineDate ?? null,
    url: article.url,
    language: detectLanguage(text),
    meta: article.meta,
    text,
    paragraphs,
    headline,
    dateline,
    datelinePlace,
    agency: agency ?? bylineAgency(top.byline, rules),
    byline: top.byline,
    credit,
    structureLines,
    removed,
    repairs,
  };
}

/**
 * Boilerplate out, recorded in `removed`: paragraphs a paragraph rule matches, anywhere (with
 * the title line after one whose rule says so, as a video caption's), then trailing ones (tag
 * lists, copyright), from the end.
 */
function dropBoilerplate(paras: Para[], rules: CleaningRules, removed: Removal[]): Para[] {
  const kept: Para[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const rule = rules.paragraph.find((r) => r.regex.test(p.text));
    if (!rule) {
      kept.push(p);
      continue;
    }
    removed.push({ kind: rule.kind, text: p.text, line: p.line });
    const next = paras[i + 1];
    if (rule.dropsNextTitle && next && looksLikeTitle(next.text)) {
      removed.push({ kind: `${rule.kind}_title`, text: next.text, line: next.line });
      i++;
    }
  }
  while (kept.length) {
    const last = kept[kept.length - 1];
    const rule = rules.trailing.find((r) => r.regex.test(last.text));
    if (!rule) break;
    removed.push({ kind: rule.kind, text: last.text, line: last.line });
    kept.pop();
  }
  return kept;
}

/** Takes the credit line ("Reporting by …"): the last paragraph, when it is one. */
function takeCredit(paras: Para[], lines: CleanArticle["structureLines"]): Credit | null {
  if (!paras.length || !isCreditLine(paras[paras.length - 1].text)) return null;
  const last = paras.pop()!;
  lines.credit = last.line;
  return parseCredit(last.text);
}

/**
 * Takes the headline: a first paragraph without sentence punctuation (and not a dateline). What a
 * scraped page title adds at its end is not part of it, and goes to `removed`: the site's name
 * (see {@link siteNameAt}), and a date after a separator or a label ("Storm hits coast | Updated
 * March 3, 2024 10:15 a.m. ET", "… – Published 3 March 2024"), which is the publication date
 * unless it is an "Updated" one.
 */
function takeHeadline(
  paras: Para[],
  outlet: string,
  rules: CleaningRules,
  removed: Removal[],
): { headline: string | null; date: string | null } {
  if (
    paras.length < 2 || !looksLikeTitle(paras[0].text) || startsWithDateline(paras[0].text) ||
    isByline(paras[0].text, rules)
  ) {
    return { headline: null, date: null };
  }
  const { text: first, line } = paras.shift()!;
  let headline = first;
  let date: string | null = null;
  // Both may be there, in either order ("… - March 3, 2024 | CNN Politics").
  for (let tries = 0; tries < 2; tries++) {
    const site = siteNameAt(headline, outlet);
    if (site) {
      removed.push({ kind: "site_name", text: site.text, line });
      headline = headline.slice(0, site.index).trim();
    }
    const dated = HEADLINE_DATE.exec(headline);
    const reading = dated && parseDate(dated[3]);
    if (dated && reading && "date" in reading) {
      removed.push({ kind: "date_line", text: `${dated[2] ?? ""}${dated[3]}`.trim(), line });
      if (!/^updated/i.test(dated[2] ?? "")) date = reading.date;
      headline = headline.slice(0, dated.index).trim();
    } else if (!site) break;
  }
  return { headline, date };
}

/**
 * The site's name a page title ends with ("… | Reuters", "… - BBC News", "… — The Daily Star"):
 * a last part of at most five words, after a separator, that holds the article's outlet. Left in,
 * it would be a word of every headline of that outlet and so its top key term.
 */
function siteNameAt(title: string, outlet: string): { text: string; index: number } | null {
  const key = squash(outlet);
  const m = SITE_SUFFIX.exec(title);
  if (!m || key.length < 2 || key === "unknown" || !squash(m[1]).includes(key)) return null;
  const text = m[1].trim();
  return text.split(/\s+/).length > 5 ? null : { text, index: m.index };
}

/** The last part of a title line after a separator: `|`, a spaced dash, `·` or `•`. */
const SITE_SUFFIX = /\s*(?:\||\s[-–—]\s|·|•)\s*([^|·•]+)$/;

/**
 * A date at the end of a headline line, after a separator (`|`, a dash, `·`, `•`) or a label
 * (Updated, Published, Posted): 1 the separator, 2 the label, 3 the date. A headline that only
 * ends with a date ("Election set for March 3, 2024") has neither and keeps it.
 */
const HEADLINE_DATE =
  /(?:\s*(\||\s[-–—]|·|•)\s*|\s+(?=(?:updated|published|posted)\b))((?:updated|published|posted)(?:\s+on)?\s*:?\s*)?(\S[^|·•–—]*)$/i;

/**
 * Among the top three paragraphs, drops a repeat of the headline or title (recorded in
 * `removed`) and takes the first byline ("Reuters", "By Jane Doe").
 */
function takeTopRepeatsAndByline(
  paras: Para[],
  titles: (string | null)[],
  rules: CleaningRules,
  removed: Removal[],
  lines: CleanArticle["structureLines"],
): { paras: Para[]; byline: string | null } {
  let byline: string | null = null;
  const kept = paras.filter((p, i) => {
    if (i < 3 && titles.some((t) => t !== null && squash(p.text) === squash(t))) {
      removed.push({ kind: "duplicate_headline", text: p.text, line: p.line });
      return false;
    }
    if (i < 3 && byline === null && isByline(p.text, rules)) {
      byline = p.text;
      lines.byline = p.line;
      return false;
    }
    return true;
  });
  return { paras: kept, byline };
}

/** What a dateline ("NAIROBI (Reuters) -") says. */
interface Dateline {
  dateline: string | null;
  datelinePlace: string | null;
  agency: string | null;
}

/** Takes the dateline off the start of the first body paragraph, when it has one. */
function takeDateline(paras: Para[], lines: CleanArticle["structureLines"]): Dateline {
  const none = { dateline: null, datelinePlace: null, agency: null };
  if (!paras.length) return none;
  const m = datelineAt(paras[0].text);
  if (!m || m[0].length >= paras[0].text.length) return none;
  lines.dateline = paras[0].line;
  paras[0] = { ...paras[0], text: paras[0].text.slice(m[0].length) };
  return {
    dateline: m[0].trim(),
    datelinePlace: m[1]?.trim() || null,
    agency: m[2]?.trim() || null,
  };
}

/** The agency a byline names ("Reuters", "By AFP"), when it is a known one. */
function bylineAgency(byline: string | null, rules: CleaningRules): string | null {
  if (!byline) return null;
  const b = byline.replace(/^By\s+/i, "");
  return rules.agencies.has(b.toLowerCase()) ? b : null;
}

/** Repairs scrape joins ("tariffsWashington", "said.The"), recording each in `repairs`. */
function repairJoins(p: Para, repairs: Repair[], names: ReadonlySet<string>): Para {
  const fix = (text: string, re: RegExp, may: RegExp) =>
    may.test(text)
      ? text.replace(re, (whole: string, a: string, b: string) => {
        if (names.has(whole)) return whole;
        repairs.push({ kind: "split_join", before: whole, after: `${a} ${b}`, line: p.line });
        return `${a} ${b}`;
      })
      : text;
  return {
    ...p,
    text: fix(fix(p.text, JOINED_WORDS, MAY_JOIN_WORDS), JOINED_SENTENCES, MAY_JOIN_SENTENCES),
  };
}

/**
 * camelCase words printed more than once in an article ("wikiHow", "iCloud"-like names): a scrape
 * that glues two words together does not glue the same two twice, a brand is written so each time.
 */
function repeatedJoins(paras: readonly Para[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const p of paras) {
    if (!MAY_JOIN_WORDS.test(p.text)) continue;
    for (const m of p.text.matchAll(JOINED_WORDS)) {
      if (seen.has(m[0])) repeated.add(m[0]);
      seen.add(m[0]);
    }
  }
  return repeated;
}

/** The clean text (headline, then paragraphs, blank-line separated) and each paragraph's offsets. */
function assemble(headline: string | null, paras: Para[]): {
  text: string;
  paragraphs: Paragraph[];
} {
  const pieces: { kind: ParagraphKind; text: string }[] = [];
  if (headline) pieces.push({ kind: "headline", text: headline });
  paras.forEach((p, i) => {
    pieces.push({ kind: i > 0 && isSubhead(p.text) ? "subhead" : "body", text: p.text });
  });
  const paragraphs: Paragraph[] = [];
  let text = "";
  pieces.forEach((piece, index) => {
    if (index > 0) text += "\n\n";
    paragraphs.push({
      index,
      kind: piece.kind,
      start: text.length,
      end: text.length + piece.text.length,
    });
    text += piece.text;
  });
  return { text, paragraphs };
}

/**
 * Non-blank lines, trimmed, with runs of spaces and tabs (and no-break spaces) made one space;
 * each line a paragraph, except in hard-wrapped text ({@link isHardWrapped}), where the lines
 * of a block between blank lines are one paragraph.
 */
function toParagraphs(raw: string): Para[] {
  const out: Para[] = [];
  const lines = raw.normalize("NFC").split("\n")
    .map((line) => (ODD_BLANKS.test(line) ? line.replace(BLANKS, " ") : line).trim());
  const wrapped = isHardWrapped(lines);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!text) continue;
    if (wrapped && i > 0 && lines[i - 1] && out.length && !LIST_ITEM.test(text)) {
      out[out.length - 1].text += ` ${text}`;
    } else out.push({ text, line: i + 1 });
  }
  return out;
}

/** A line that starts an item of a list or a table: "- ", "* ", "• ", "1. ", "2) ", "| ". */
const LIST_ITEM = /^(?:[-*•|]\s|\d{1,3}[.)]\s)/u;

/**
 * True for text wrapped at a fixed width (e-mail, wire feeds, archives such as LDC's): blocks
 * between blank lines, no line wider than {@link WRAP_WIDTH_MAX}, and of the lines that another
 * line of their block follows (three or more) either half stop short of a sentence's end at half
 * the width or more, or four in five fill 60% of the width and one goes on in lower case. One-sentence-per-line and one-paragraph-per-line
 * text ends nearly every line with its punctuation, and a block of list items is no wrap.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  if (!lines.some((l, i) => !l && i > 0 && lines[i - 1])) return false;
  // Wrapped text has a width no line passes; a paragraph on one line of a web page is longer.
  let longest = 0;
  for (const l of lines) longest = Math.max(longest, l.length);
  if (longest > WRAP_WIDTH_MAX) return false;
  let inBlock = 0;
  let open = 0;
  let filled = 0;
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line || !next || LIST_ITEM.test(line) || LIST_ITEM.test(next)) continue;
    inBlock++;
    if (line.length * 10 >= longest * 6) filled++;
    // A wrapped line fills the width; a short open line is a subhead or an item ("UK-France
    // relationship", "further joint action ...") over the next line.
    if (TERMINAL.test(line) || line.length * 2 < longest) continue;
    open++;
    if (/^\p{Ll}/u.test(next)) continued++;
  }
  if (inBlock < 3) return false;
  // Short sentences end many wrapped lines by chance: then lines that fill the width, and a line
  // going on in lower case on the next, tell a wrap as well.
  return open * 2 >= inBlock || (filled * 5 >= inBlock * 4 && continued >= 1);
}

/** The widest line of text wrapped at a fixed width (wire feeds wrap at 64 to 80). */
const WRAP_WIDTH_MAX = 110;

/** A title-like line: short, and not ended by sentence punctuation. */
function looksLikeTitle(text: string): boolean {
  return !TERMINAL.test(text) && text.split(" ").length <= 30;
}

/** A subhead: a short line with letters and no lower-case letter ("DECLINE IN TRADE", "‘NO LIMITS’"). */
function isSubhead(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && !/[.]$/.test(text) &&
    text.split(" ").length <= 15;
}

/** "By Jane Doe", "By Jane Doe and John Roe, Staff Writers", "By JANE DOE, Reuters". */
const BYLINE =
  /^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:(?:,\s*|\s+and\s+)\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})*(?:,\s*[\p{L} ]{2,40})?$/u;

function isByline(text: string, rules: CleaningRules): boolean {
  // A paragraph longer than every agency's name is none (and a speech printed as one paragraph
  // is not lower-cased whole to find that out).
  if (text.length <= longestName(rules.agencies) && rules.agencies.has(text.toLowerCase())) {
    return true;
  }
  return BYLINE.test(text);
}

const LONGEST = new WeakMap<ReadonlySet<string>, number>();

/** The length of the longest name in a set, computed once per set. */
function longestName(names: ReadonlySet<string>): number {
  let n = LONGEST.get(names);
  if (n === undefined) {
    n = 0;
    for (const name of names) n = Math.max(n, name.length);
    LONGEST.set(names, n);
  }
  return n;
}

/** The dateline opening `text`, by the first of its forms that matches, or null. */
function datelineAt(text: string): RegExpExecArray | null {
  return DATELINE.exec(text) ?? TITLE_CASE_DATELINE.exec(text) ?? BARE_DATELINE.exec(text);
}

function startsWithDateline(text: string): boolean {
  return datelineAt(text) !== null;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
