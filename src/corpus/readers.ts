/**
 * Readers for the three corpus formats. Each yields one {@link RecordResult} per record, so a
 * caller can stream thousands of articles without holding the files in memory.
 * @module
 */

import { markdownToText } from "./markdown.ts";
import { parse as parseYaml, YAMLError } from "yaml";
import { type RecordResult, recordToArticle } from "./article.ts";
import { parseCsv } from "./csv.ts";
import { decodeUtf8 } from "./decode.ts";
import type { LoadIssue } from "./issues.ts";
import { corpusFs, readLines } from "./lines.ts";
import { FIELD_SYNONYMS, FrontMatterSchema, synonymOf, zodProblems } from "./schema.ts";

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
          message: `not valid JSON (${
            jsonSyntaxError(e).message
          }); each line must be one JSON object`,
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
    const record = value as Record<string, unknown>;
    if (typeof record.id === "number") record.id = numberText(l.text, record.id);
    yield recordToArticle(record, where);
  }
}

/**
 * A `JSON.parse` error as one line, located by the line and column it gives: V8's "in JSON at
 * position 11 (line 1 column 12)" becomes "at column 12" ("after JSON at position …" keeps its
 * "after JSON"), with `line` apart (the line within the text parsed). Other messages are kept as
 * they are.
 */
export function jsonSyntaxError(e: unknown): { message: string; line?: number } {
  const first = String((e as Error)?.message ?? e).split("\n")[0];
  const m = /(?: in JSON)? at position \d+ \(line (\d+) column (\d+)\)$/.exec(first);
  if (!m) return { message: first };
  return { message: `${first.slice(0, m.index)} at column ${m[2]}`, line: Number(m[1]) };
}

/**
 * The source text of a numeric id (`"id": 12345678901234567891` is not a float's 1.2345…e19):
 * taken from the line when it holds one numeric `"id"` whose value is that number.
 */
function numberText(line: string, value: number): string {
  const found = [...line.matchAll(/"id"\s*:\s*(-?\d[\d.eE+-]*)/g)];
  return found.length === 1 && Number(found[0][1]) === value ? found[0][1] : String(value);
}

/** Reads CSV with a header row; `text` is required, `id` is generated (`<file>-<line>`) if absent. */
export async function* readCsv(path: string, stem = fileStem(path)): AsyncGenerator<RecordResult> {
  let header: string[] | null = null;
  for await (const rec of parseCsv(readLines(path))) {
    const where = { source: path, line: rec.line };
    if ("error" in rec) {
      yield { issues: [{ severity: "error", ...where, message: rec.error }] };
      continue;
    }
    if (header === null) {
      header = yield* readHeader(rec.fields, where, stem);
      // Without a text column no row can load: one error for the file, not one per row.
      if (header === null) return;
      continue;
    }
    yield rowToArticle(rec.fields, header, where, stem);
  }
}

/** "a, b or c". */
function orList(names: readonly string[]): string {
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/**
 * The column names of a CSV header row (trimmed, lower-case, repeats renamed), with a warning
 * for each rename, each column read as a core field (`content` as `text`) and a missing `id`;
 * null, after one error, when there is no `text` column or one of its other names.
 */
function* readHeader(
  fields: readonly string[],
  where: { source: string; line: number },
  stem: string,
): Generator<RecordResult, string[] | null> {
  const header = fields.map((h) => h.trim().toLowerCase());
  for (const [i, name] of renameDuplicates(header)) {
    yield {
      corpusLevel: true,
      issues: [{
        severity: "warning",
        ...where,
        field: header[i],
        message: `column ${i + 1} repeats the name "${header[i]}"; it is read as "${name}"`,
      }],
    };
    header[i] = name;
  }
  const has = (name: string) => header.includes(name);
  for (const name of header) {
    const core = synonymOf(name, has);
    // The manifest's own names (headline, published) are documented, not a guess: no warning.
    if (!core || name === "headline" || name === "published") continue;
    yield {
      corpusLevel: true,
      issues: [{
        severity: "warning",
        ...where,
        field: name,
        message: `is read as "${core}" (the file has no "${core}" column)`,
      }],
    };
  }
  if (!has("text") && !FIELD_SYNONYMS.text.some(has)) {
    yield {
      issues: [{
        severity: "error",
        ...where,
        field: "text",
        message: `missing column "text" (header has: ${
          header.join(", ") || "nothing"
        }); no rows of this file can be loaded (a column named ${
          orList(["text", ...FIELD_SYNONYMS.text])
        } is read as the text)`,
      }],
    };
    return null;
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
  return header;
}

/** One CSV row as an article, by the header's names; a row of the wrong width is an error. */
function rowToArticle(
  fields: readonly string[],
  header: readonly string[],
  where: { source: string; line: number },
  stem: string,
): RecordResult {
  if (fields.length !== header.length) {
    return {
      issues: [{
        severity: "error",
        ...where,
        message: `has ${fields.length} fields, the header has ${header.length}`,
      }],
    };
  }
  // Own data properties only: a column named __proto__ must not set a prototype.
  const raw: Record<string, unknown> = Object.fromEntries(
    header.flatMap((h, i) => (h ? [[h, fields[i]]] : [])),
  );
  if (!("id" in raw)) raw.id = `${stem}-${where.line}`;
  for (const k of ["outlet", "title", "date", "url"]) if (raw[k] === "") delete raw[k];
  return recordToArticle(raw, where);
}

/**
 * Duplicate column names: every repeat after the first gets `_2`, `_3`… (the first keeps the
 * name, so `text` is the first `text` column). Returns the renames by column index.
 */
function renameDuplicates(header: readonly string[]): [number, string][] {
  const taken = new Set(header);
  const seen = new Set<string>();
  const renames: [number, string][] = [];
  header.forEach((name, i) => {
    if (!name) return;
    if (!seen.has(name)) {
      seen.add(name);
      return;
    }
    let k = 2;
    while (taken.has(`${name}_${k}`)) k++;
    taken.add(`${name}_${k}`);
    renames.push([i, `${name}_${k}`]);
  });
  return renames;
}

/**
 * Reads one `.txt` or `.md` file: optional YAML front matter, then the article text (a `.md`
 * file's Markdown markup taken out: {@link markdownToText}). The id is the front matter's, else
 * `defaultId` (the file stem unless told).
 */
const MARKDOWN_EXT = /\.(?:md|markdown)$/i;

export async function readTextFile(
  path: string,
  defaultId = fileStem(path),
): Promise<RecordResult> {
  const where = { source: path };
  const decoded = decodeUtf8(await corpusFs.readFile(path));
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
    id: frontMatter.id ?? defaultId,
    // A Markdown file's markup is no text of the article ("# ", "**", "[…](https://…)").
    text: MARKDOWN_EXT.test(path) ? markdownToText(text) : text,
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
  if (!m) return { text, frontMatter: {}, issues: unclosedFrontMatter(text, source) };
  if (isProse(m[1])) return { text, frontMatter: {}, issues: [] };
  const body = text.slice(m[0].length);
  const yaml = readYaml(m[1], source);
  if ("issue" in yaml) return { text: body, frontMatter: {}, issues: [yaml.issue] };
  return { text: body, ...checkFrontMatter(yaml.data, source) };
}

/**
 * A block between two `---` lines whose first line is a sentence, not `key: value`, a list item or
 * a comment: Markdown's horizontal rules around text, which is the article's, not front matter.
 */
function isProse(block: string): boolean {
  const first = block.split("\n").find((line) => line.trim() !== "")?.trim();
  if (first === undefined) return false;
  return !/^(?:["']?[\w-]+["']?[ \t]*:(?:[ \t]|$)|-[ \t]|-$|#|\{|\[)/.test(first);
}

/** "---" then "key: value" with no closing line: front matter left open, not body text. */
function unclosedFrontMatter(text: string, source: string): LoadIssue[] {
  if (!/^---[ \t]*\n[\w-]+:/.test(text)) return [];
  return [{
    severity: "error",
    source,
    line: 1,
    message: "front matter opened on line 1 is never closed; end it with a line '---'",
  }];
}

/** Parses front matter YAML, or says (located in the file) why it cannot be read. */
function readYaml(yaml: string, source: string): { data: unknown } | { issue: LoadIssue } {
  try {
    // No aliases (`*a`): a few lines of them expand without bound. Integers as BigInt, so an id
    // above 2^53 keeps its digits.
    return { data: exactIntegers(parseYaml(yaml, { maxAliasCount: 0, intAsBigInt: true })) };
  } catch (e) {
    if (e instanceof ReferenceError || /alias/i.test(String((e as Error).message))) {
      return {
        issue: {
          severity: "error",
          source,
          line: 1,
          message: "front matter uses a YAML alias (*name), which is not read; write the value out",
        },
      };
    }
    if (!(e instanceof YAMLError)) throw e;
    const pos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    // The parser's own "at line 2, column 17:" counts from the line after "---": the issue's
    // line is the file's, so the message keeps only the column.
    const msg = ((e as Error).message ?? String(e)).split("\n")[0]
      .replace(/ at line \d+, column (\d+):?$/, " (column $1)");
    return {
      issue: {
        severity: "error",
        source,
        line: pos === undefined ? 1 : pos + 1,
        message: `front matter is not valid YAML: ${msg}`,
      },
    };
  }
}

/** Front matter checked against its schema: the fields, or one located error per bad field. */
function checkFrontMatter(
  data: unknown,
  source: string,
): { frontMatter: Record<string, unknown>; issues: LoadIssue[] } {
  if (data === null || data === undefined) return { frontMatter: {}, issues: [] };
  if (typeof data !== "object" || Array.isArray(data) || data instanceof Date) {
    const it = Array.isArray(data) ? "a list" : typeof data === "string" ? "text" : "a value";
    return {
      frontMatter: {},
      issues: [{
        severity: "error",
        source,
        line: 1,
        message: `front matter must be "key: value" lines (it is ${it})`,
      }],
    };
  }
  const parsed = FrontMatterSchema.safeParse(data);
  if (parsed.success) return { frontMatter: parsed.data as Record<string, unknown>, issues: [] };
  return {
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

/**
 * Front matter values with BigInt integers made plain: the top-level `id` keeps its digits as
 * text, any other integer becomes a number.
 */
function exactIntegers(data: unknown): unknown {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return plain(data);
  return Object.fromEntries(
    Object.entries(data).map((
      [k, v],
    ) => [k, k === "id" && typeof v === "bigint" ? String(v) : plain(v)]),
  );
}

function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** The file name without folder and extension: `seeds/000_x.txt` → `000_x`. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
