/**
 * zod schemas for everything that enters the kit: article records (from text files, JSONL or
 * CSV), YAML front matter and the corpus manifest.
 * @module
 */

import { z } from "zod";
import { parseDate } from "./dates.ts";

/** Fields every input format shares. Anything else on a record is kept in `meta`. */
export const CORE_FIELDS = ["id", "text", "outlet", "title", "date", "url"] as const;

/**
 * Other names of core fields, read as the core field when a record has no field of that name: the
 * manifest's (`headline`, `published`) and those of common news exports and crawlers ("All the
 * News": `content`, `publication`; news-please: `maintext`, `source_domain`, `date_publish`; Media
 * Cloud: `media_name`, `publish_date`). Only names that mean the field and nothing else; the
 * first one a record has, in this order, is read.
 */
export const FIELD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  text: ["content", "maintext", "body", "article_text", "full_text"],
  outlet: ["publication", "media_name", "source_domain", "publisher", "outlet_name"],
  title: ["headline"],
  date: ["published", "publish_date", "date_publish", "published_at", "publication_date"],
};

/** The core field a record's field `key` is read as, given the record's field names. */
export function synonymOf(key: string, has: (name: string) => boolean): string | undefined {
  for (const [core, names] of Object.entries(FIELD_SYNONYMS)) {
    if (!names.includes(key) || has(core)) continue;
    return names.find(has) === key ? core : undefined;
  }
  return undefined;
}

/**
 * A date as a record carries it: text (read by {@link parseDate} when the article is built, so a
 * date the kit cannot read loses the date, not the article), a number (a year or a stamp, which
 * is not read either) or a YAML date.
 */
const recordDate = z.union([
  z.string(),
  z.number(),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z.null(),
], { error: "must be a date written as text, such as 2024-03-05" });

/** What a field that must be text (or a number) says when it is a list or an object. */
const TEXT_OR_NUMBER = "must be text or a number";
/** What a field that must be a URL says otherwise. */
const URL_PROBLEM = "must be a URL such as https://…";

/** A manifest date: any form {@link parseDate} reads, as an ISO day. */
const manifestDate = z.string().transform((s, ctx) => {
  const reading = parseDate(s);
  if ("date" in reading) return reading.date;
  ctx.addIssue({ code: "custom", message: reading.problem });
  return z.NEVER;
});

/** Ids longer than this are rejected (an id is repeated on every row of every frame). */
export const MAX_ID_LENGTH = 512;

/**
 * Field names a record may not use as they are, because the articles frame has a column of that
 * name (its values would be overwritten) or JavaScript objects treat them specially: a record's
 * field by one of these names is kept as `field_<name>`, with a warning.
 */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set([
  "article_id",
  "published",
  "language",
  "dateline",
  "reporters",
  "editors",
  "n_paragraphs",
  "n_sentences",
  "n_words",
  "agency",
  "agencies",
  "byline",
  "n_removed",
  "n_repaired",
  "__proto__",
  "constructor",
  "prototype",
]);

/**
 * Extra fields become string columns of the articles frame: scalars as they are, lists of
 * scalars joined with "; " (front matter `tags: [a, b]` is "a; b").
 */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const extraValue = z.union([
  scalar,
  z.array(scalar).transform((items) => items.filter((i) => i !== null).join("; ")),
], { error: "must be a string, number, true/false or a list of them" });

const optionalText = z
  .union([z.string(), z.number()], { error: TEXT_OR_NUMBER })
  .transform((v) => String(v).trim())
  .optional();

/** One article as it arrives from any source, before cleaning. */
export const ArticleRecordSchema = z
  .object({
    id: z
      .union([z.string(), z.number()], { error: TEXT_OR_NUMBER })
      .transform((v) => String(v).trim())
      .pipe(
        z.string().min(1, "is empty").max(
          MAX_ID_LENGTH,
          `is longer than ${MAX_ID_LENGTH} characters`,
        ),
      ),
    text: z.string().refine((s) => s.trim().length > 0, "is empty or whitespace only"),
    outlet: optionalText,
    title: optionalText,
    date: recordDate.optional(),
    url: z.union([z.url(URL_PROBLEM), z.literal(""), z.null()]).optional(),
  })
  .catchall(extraValue);

export type ArticleRecord = z.output<typeof ArticleRecordSchema>;

/** YAML front matter of a text file: the same optional fields, extras kept. */
export const FrontMatterSchema = z
  .object({
    id: z.union([z.string(), z.number()], { error: TEXT_OR_NUMBER }).transform(String).optional(),
    outlet: optionalText,
    title: optionalText,
    date: recordDate.optional(),
    url: z.union([z.url(URL_PROBLEM), z.null()]).optional(),
  })
  .catchall(extraValue);

/** How the outlet of an article was established. */
export const OutletEvidenceKind = z.enum([
  "dateline",
  "credit_line",
  "global_news_boilerplate",
  "byline",
  "front_matter",
  "unknown",
]);

/** One manifest entry: overrides what the file itself says. */
export const ManifestEntrySchema = z
  .object({
    id: z.string().trim().min(1),
    outlet: z.string().trim().min(1).optional(),
    headline: z.string().trim().min(1).nullable().optional(),
    published: manifestDate.nullable().optional(),
    url: z.url(URL_PROBLEM).nullable().optional(),
    outlet_evidence: z
      .array(z.object({ kind: OutletEvidenceKind, text: z.string() }))
      .min(1)
      .optional(),
    date_evidence: z.string().optional(),
  })
  .catchall(extraValue);

/** A manifest: `{ "articles": [ … ] }`, one entry per article id. */
export const ManifestSchema = z.object({
  description: z.string().optional(),
  articles: z.array(ManifestEntrySchema),
});

export type ManifestEntry = z.output<typeof ManifestEntrySchema>;
export type Manifest = z.output<typeof ManifestSchema>;

/**
 * Turns a zod error into located one-line messages, one per failing field. Paths become `field`
 * (top-level) or `a.b[2]`. A field absent from `input` reads "is missing"; one of the wrong type
 * keeps zod's message ("expected string, received number").
 */
export function zodProblems(
  error: z.ZodError,
  input?: unknown,
): { field?: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join("");
    const absent = issue.code === "invalid_type" && valueAt(input, issue.path) === undefined;
    return { field: path || undefined, message: absent ? "is missing" : issue.message };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
