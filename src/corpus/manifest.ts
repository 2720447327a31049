/**
 * The corpus manifest: per-article metadata kept beside a folder of text files
 * (`manifest.json`), which overrides what the files say.
 * @module
 */

import type { Article } from "./article.ts";
import { decodeUtf8 } from "./decode.ts";
import type { LoadIssue } from "./issues.ts";
import { jsonSyntaxError } from "./readers.ts";
import { z } from "zod";
import {
  type Manifest,
  type ManifestEntry,
  ManifestEntrySchema,
  ManifestSchema,
  zodProblems,
} from "./schema.ts";

/** The manifest's outer shape; entries are checked one by one after it. */
const ManifestShapeSchema = ManifestSchema.extend({ articles: z.array(z.unknown()) });

/** Said of a problem with the manifest as a whole: none of its entries is used. */
const NOT_APPLIED = "the manifest is not applied";
/** Said of a problem in one entry: the other entries are still used. */
const ENTRY_NOT_APPLIED = "this entry is not applied (the others are)";

/** Reads and validates a manifest; problems come back as located issues, never thrown. */
export async function readManifest(
  path: string,
): Promise<{ manifest?: Manifest; issues: LoadIssue[] }> {
  const problem = (message: string, more: Partial<LoadIssue> = {}) => ({
    issues: [{
      severity: "error" as const,
      source: path,
      ...more,
      message: `${message}; ${NOT_APPLIED}`,
    }],
  });
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    return problem(`cannot read manifest: ${(e as Error).message}`);
  }
  const decoded = decodeUtf8(bytes);
  if ("failure" in decoded) {
    return problem("invalid UTF-8; save the manifest as UTF-8", { line: decoded.failure.line });
  }
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch (e) {
    const { message, line } = jsonSyntaxError(e);
    return problem(`not valid JSON: ${message}`, line === undefined ? {} : { line });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return problem('must be a JSON object { "articles": [ … ] }');
  }
  const top = ManifestShapeSchema.safeParse(data);
  if (!top.success) {
    return {
      issues: zodProblems(top.error, data).map((p) => ({
        severity: "error" as const,
        source: path,
        field: p.field,
        message: `${p.message}; ${NOT_APPLIED}`,
      })),
    };
  }
  return validEntries(path, top.data);
}

/**
 * Checks each entry on its own, so one bad entry costs only itself: its article keeps the file's
 * own metadata, and the problem names the entry (`articles[3].published`) and its id.
 */
function validEntries(
  path: string,
  shape: z.output<typeof ManifestShapeSchema>,
): { manifest: Manifest; issues: LoadIssue[] } {
  const articles: ManifestEntry[] = [];
  const issues: LoadIssue[] = [];
  shape.articles.forEach((raw, i) => {
    const parsed = ManifestEntrySchema.safeParse(raw);
    if (parsed.success) return void articles.push(parsed.data);
    const id = idOf(raw);
    for (const p of zodProblems(parsed.error, raw)) {
      issues.push({
        severity: "error",
        source: path,
        field: p.field ? `articles[${i}].${p.field}` : `articles[${i}]`,
        ...(id ? { id } : {}),
        message: `${p.message}; ${ENTRY_NOT_APPLIED}`,
      });
    }
  });
  return { manifest: { description: shape.description, articles }, issues };
}

function idOf(raw: unknown): string | undefined {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" && id.trim() ? id.trim() : undefined;
}

const ENTRY_FIELDS = new Set([
  "id",
  "outlet",
  "headline",
  "published",
  "url",
  "outlet_evidence",
  "date_evidence",
]);

/** Returns the article with the manifest entry's values in place of the file's. */
export function applyManifestEntry(article: Article, entry: ManifestEntry): Article {
  const meta = { ...article.meta };
  if (entry.outlet_evidence) {
    meta.outlet_evidence = entry.outlet_evidence.map((e) => e.kind).join("; ");
    meta.outlet_evidence_text = entry.outlet_evidence.map((e) => e.text).join("; ");
  }
  if (entry.date_evidence) meta.date_evidence = entry.date_evidence;
  for (const [key, value] of Object.entries(entry)) {
    if (!ENTRY_FIELDS.has(key) && value !== null && value !== undefined) meta[key] = String(value);
  }
  return {
    ...article,
    outlet: entry.outlet ?? article.outlet,
    title: entry.headline ?? article.title,
    published: entry.published ? entry.published.slice(0, 10) : article.published,
    url: entry.url ?? article.url,
    meta,
  };
}
