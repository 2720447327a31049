/**
 * The article record every loader produces, and the one validation path they share.
 * @module
 */

import {
  ArticleRecordSchema,
  CORE_FIELDS,
  FIELD_SYNONYMS,
  RESERVED_FIELDS,
  synonymOf,
  zodProblems,
} from "./schema.ts";
import type { LoadIssue } from "./issues.ts";
import { editDistance } from "../text/nearest.ts";
import { parseDate } from "./dates.ts";

/** The outlet given to an article whose source names none. */
export const UNKNOWN_OUTLET = "unknown";

/** An article as loaded: validated, not yet cleaned. */
export interface Article {
  /** File stem, or the `id` field of a JSONL/CSV row. */
  id: string;
  /** Raw text (UTF-8, `\n` line endings, no BOM). */
  text: string;
  /** The outlet that published it (`unknown` when the source names none). */
  outlet: string;
  /** The title from the source's metadata (`title` or `headline`), or null. */
  title: string | null;
  /** ISO date (YYYY-MM-DD), or null when unknown. */
  published: string | null;
  /** The article's address, when the source gives one. */
  url: string | null;
  /** Every other field of the source, as strings (front matter, extra JSONL/CSV columns, manifest). */
  meta: Record<string, string>;
  /** Where it came from: file path and, for JSONL/CSV, the line of the record. */
  source: string;
  /** 1-based line of the record in a JSONL or CSV file. */
  line?: number;
}

/** What a loader yields for one record: the article when it is valid, and any issues. */
export interface RecordResult {
  article?: Article;
  issues: LoadIssue[];
  /** True for issues about the corpus as a whole (a manifest, a skipped file), not a record. */
  corpusLevel?: boolean;
}

/**
 * Validates one raw record (an object from JSON, CSV or front matter plus body) and turns it
 * into an {@link Article}. Invalid records give located errors and no article; a missing outlet
 * gives a warning and the outlet "unknown".
 */
export function recordToArticle(
  input: Record<string, unknown>,
  where: { source: string; line?: number },
): RecordResult {
  const { raw, issues: fieldIssues } = safeFields(input, where);
  const parsed = ArticleRecordSchema.safeParse(raw);
  const id = typeof raw.id === "string" || typeof raw.id === "number" ? String(raw.id) : undefined;
  if (!parsed.success) {
    return {
      issues: zodProblems(parsed.error, raw).map((p) => ({
        severity: "error" as const,
        ...where,
        id,
        field: p.field,
        message: p.message,
      })),
    };
  }
  const r = parsed.data;
  const issues: LoadIssue[] = fieldIssues.map((i) => ({ ...i, id: r.id }));
  let outlet = r.outlet ?? "";
  if (!outlet) {
    issues.push({
      severity: "warning",
      ...where,
      id: r.id,
      field: "outlet",
      message: `is missing; using "${UNKNOWN_OUTLET}"`,
    });
    outlet = UNKNOWN_OUTLET;
  }
  const published = readDate(r.date, { ...where, id: r.id }, issues);
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(r)) {
    if ((CORE_FIELDS as readonly string[]).includes(key) || value === null) continue;
    meta[key] = String(value);
  }
  return {
    article: {
      id: r.id,
      text: r.text,
      outlet,
      title: r.title || null,
      published,
      url: r.url || null,
      meta,
      ...where,
    },
    issues,
  };
}

/**
 * The ISO day of a record's date, or null. A date the kit cannot read (ambiguous as
 * `03/05/2024`, or not a date) rejects the field, not the article: the article loads with no
 * date, and an error issue (listed in rejections.csv and on stderr) says what to write instead.
 */
function readDate(
  value: string | number | null | undefined,
  where: { source: string; line?: number; id: string },
  issues: LoadIssue[],
): string | null {
  if (value === null || value === undefined || value === "") return null;
  const reading = parseDate(String(value));
  if ("date" in reading) return reading.date;
  issues.push({
    severity: "error",
    ...where,
    field: "date",
    fieldOnly: true,
    message: `${reading.problem}; the article is kept with no date`,
  });
  return null;
}

/** C0 and C1 control characters but tab and newline: never valid in text a person reads. */
// deno-lint-ignore no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * The record with its fields made safe to carry through: control characters removed (a form
 * feed, vertical tab or carriage return in the text becomes a line break; in a name they become a space), and
 * reserved field names renamed `field_<name>` (see {@link RESERVED_FIELDS}). Each change is a
 * warning. The result is built with own data properties only, so `__proto__` cannot set a
 * prototype.
 */
function safeFields(
  input: Record<string, unknown>,
  where: { source: string; line?: number },
): { raw: Record<string, unknown>; issues: LoadIssue[] } {
  const issues: LoadIssue[] = [];
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(input)) {
    let name = key;
    const synonym = synonymOf(key, (k) => Object.hasOwn(input, k));
    if (synonym) {
      // The manifest's names (headline, published) and common exports' (content, publication…).
      name = synonym;
    } else if (RESERVED_FIELDS.has(key) && !(CORE_FIELDS as readonly string[]).includes(key)) {
      name = `field_${key}`;
      issues.push({
        severity: "warning",
        ...where,
        field: key,
        message: `is a name the kit uses itself; kept as "${name}"`,
      });
    }
    const meant = name === key ? lookalike(key) : undefined;
    if (meant && !Object.hasOwn(input, meant)) {
      issues.push({
        severity: "warning",
        ...where,
        field: key,
        message: `is kept as a column of its own; did you mean "${meant}"?`,
      });
    }
    entries.push([name, cleanValue(value, name, where, issues)]);
  }
  return { raw: Object.fromEntries(entries), issues };
}

const KNOWN_FIELDS = [...CORE_FIELDS, ...Object.values(FIELD_SYNONYMS).flat()];

/**
 * The core field a field name looks like a slip for ("Outlet", "titel", "dat"): the same but for
 * case, or one edit away for names of four letters or more.
 */
function lookalike(key: string): string | undefined {
  if ((KNOWN_FIELDS as string[]).includes(key)) return undefined;
  const lower = key.toLowerCase();
  return KNOWN_FIELDS.find((k) =>
    k === lower || (lower.length >= 4 && editDistance(lower, k) === 1)
  );
}

function cleanValue(
  value: unknown,
  field: string,
  where: { source: string; line?: number },
  issues: LoadIssue[],
): unknown {
  if (Array.isArray(value)) return value.map((v) => cleanValue(v, field, where, issues));
  if (typeof value !== "string") return value;
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(value)) return value;
  issues.push({
    severity: "warning",
    ...where,
    field,
    message: "control characters (such as NUL or form feed) removed",
  });
  const breaks = field === "text" ? "\n" : " ";
  return value.replace(/[\f\v\r]/g, breaks).replace(CONTROL, "").replace(
    field === "text" ? /(?!)/ : /\s+/g,
    " ",
  );
}
