/**
 * Readers for the three corpus formats. Each yields one {@link RecordResult} per record, so a
 * caller can stream thousands of articles without holding the files in memory.
 * @module
 */

import { parse as parseYaml, YAMLError } from "yaml";
import { type RecordResult, recordToArticle } from "./article.ts";
import { parseCsv } from "./csv.ts";
import { decodeUtf8 } from "./decode.ts";
import type { LoadIssue } from "./issues.ts";
import { readLines } from "./lines.ts";
import { FrontMatterSchema, zodProblems } from "./schema.ts";

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
export async function* readJsonl(path: string): AsyncGenerator<RecordResult> {
  for await (const l of readLines(path)) {
    const where = { source: path, line: l.line };
    if ("error" in l) {
      yield { issues: [{ severity: "error", ...where, message: l.error }] };
      continue;
    }
    if (l.text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(l.text);
    } catch (e) {
      yield {
        issues: [{
          severity: "error",
          ...where,
          message: `not valid JSON (${(e as Error).message}); each line must be one JSON object`,
        }],
      };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield {
        issues: [{ severity: "error", ...where, message: "each line must be a JSON object" }],
      };
      continue;
    }
    yield recordToArticle(value as Record<string, unknown>, where);
  }
}

/** Reads CSV with a header row; `text` is required, `id` is generated (`<file>-<line>`) if absent. */
export async function* readCsv(path: string): AsyncGenerator<RecordResult> {
  let header: string[] | null = null;
  const stem = fileStem(path);
  for await (const rec of parseCsv(readLines(path))) {
    const where = { source: path, line: rec.line };
    if ("error" in rec) {
      yield { issues: [{ severity: "error", ...where, message: rec.error }] };
      continue;
    }
    if (header === null) {
      header = rec.fields.map((h) => h.trim().toLowerCase());
      const missing = ["text"].filter((c) => !header!.includes(c));
      if (missing.length) {
        yield {
          issues: [{
            severity: "error",
            ...where,
            field: "text",
            message: `missing column "text" (header has: ${
              header.join(", ") || "nothing"
            }); no rows of this file can be loaded`,
          }],
        };
        return;
      }
      if (!header.includes("id")) {
        yield {
          issues: [{
            severity: "warning",
            ...where,
            field: "id",
            message: `no "id" column; ids are "${stem}-<line>"`,
          }],
        };
      }
      continue;
    }
    if (rec.fields.length !== header.length) {
      yield {
        issues: [{
          severity: "error",
          ...where,
          message: `has ${rec.fields.length} fields, the header has ${header.length}`,
        }],
      };
      continue;
    }
    const raw: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if (h) raw[h] = rec.fields[i];
    });
    if (!("id" in raw)) raw.id = `${stem}-${rec.line}`;
    for (const k of ["outlet", "title", "date", "url"]) if (raw[k] === "") delete raw[k];
    yield recordToArticle(raw, where);
  }
}

/** Reads one `.txt` or `.md` file: optional YAML front matter, then the article text. */
export async function readTextFile(path: string): Promise<RecordResult> {
  const where = { source: path };
  const decoded = decodeUtf8(await Deno.readFile(path));
  if ("failure" in decoded) {
    return {
      issues: [{
        severity: "error",
        source: path,
        line: decoded.failure.line,
        message: `invalid UTF-8 at byte ${decoded.failure.byte}; save the file as UTF-8`,
      }],
    };
  }
  const { text, frontMatter, issues } = splitFrontMatter(decoded.text, path);
  if (issues.some((i) => i.severity === "error")) return { issues };
  const record: Record<string, unknown> = {
    ...frontMatter,
    id: frontMatter.id ?? fileStem(path),
    text,
  };
  const result = recordToArticle(record, where);
  return { article: result.article, issues: [...issues, ...result.issues] };
}

/** Splits `---` YAML front matter from the body and validates it. */
export function splitFrontMatter(
  text: string,
  source: string,
): { text: string; frontMatter: Record<string, unknown>; issues: LoadIssue[] } {
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) {
    // "---" then "key: value" with no closing line: front matter left open, not body text.
    if (/^---[ \t]*\n[\w-]+:/.test(text)) {
      return {
        text,
        frontMatter: {},
        issues: [{
          severity: "error",
          source,
          line: 1,
          message: "front matter opened on line 1 is never closed; end it with a line '---'",
        }],
      };
    }
    return { text, frontMatter: {}, issues: [] };
  }
  const body = text.slice(m[0].length);
  let data: unknown;
  try {
    data = parseYaml(m[1]);
  } catch (e) {
    if (!(e instanceof YAMLError)) throw e;
    const pos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const msg = ((e as Error).message ?? String(e)).split("\n")[0];
    return {
      text: body,
      frontMatter: {},
      issues: [{
        severity: "error",
        source,
        line: pos === undefined ? 1 : pos + 1,
        message: `front matter is not valid YAML: ${msg}`,
      }],
    };
  }
  if (data === null || data === undefined) return { text: body, frontMatter: {}, issues: [] };
  const parsed = FrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    return {
      text: body,
      frontMatter: {},
      issues: zodProblems(parsed.error, data).map((p) => ({
        severity: "error" as const,
        source,
        line: 1,
        field: p.field,
        message: p.field ? `(front matter) ${p.message}` : `front matter ${p.message}`,
      })),
    };
  }
  return { text: body, frontMatter: parsed.data as Record<string, unknown>, issues: [] };
}

/** The file name without folder and extension: `seeds/000_x.txt` → `000_x`. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
