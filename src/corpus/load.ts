/**
 * Loading a corpus from a folder of text files, a JSON Lines file or a CSV file.
 * @module
 */

import type { Article, RecordResult } from "./article.ts";
import { CorpusError, type LoadIssue } from "./issues.ts";
import { applyManifestEntry, readManifest } from "./manifest.ts";
import { readCsv, readJsonl, readTextFile } from "./readers.ts";
import type { ManifestEntry } from "./schema.ts";

/** Options for {@link loadCorpus} and {@link streamCorpus}. */
export interface LoadOptions {
  /**
   * A manifest whose entries override the files' metadata. Defaults to `manifest.json` in a
   * corpus folder when one is there; `false` turns it off.
   */
  manifest?: string | false;
}

/** A record that did not load, with every reason. */
export interface Rejection {
  source: string;
  line?: number;
  id?: string;
  reasons: string[];
}

/** Articles that loaded, every issue met, and the records that were rejected. */
export interface LoadResult {
  articles: Article[];
  issues: LoadIssue[];
  rejected: Rejection[];
}

const TEXT_EXT = /\.(txt|md|markdown)$/i;
const JSONL_EXT = /\.(jsonl|ndjson)$/i;
const CSV_EXT = /\.csv$/i;

/**
 * Streams a corpus record by record. Duplicate ids are rejected (the first one wins) and
 * manifest entries are applied. Throws {@link CorpusError} only when nothing can be read at
 * all (a path that does not exist, an unknown file type).
 */
export async function* streamCorpus(
  path: string,
  options: LoadOptions = {},
): AsyncGenerator<RecordResult> {
  const info = await statOrThrow(path);
  const manifestPath = options.manifest === false
    ? null
    : options.manifest ?? (info.isDirectory ? await existing(`${path}/manifest.json`) : null);
  const entries = new Map<string, ManifestEntry>();
  if (manifestPath) {
    const { manifest, issues } = await readManifest(manifestPath);
    if (issues.length) yield { issues, corpusLevel: true };
    for (const e of manifest?.articles ?? []) entries.set(e.id, e);
  }
  const seen = new Map<string, string>();
  const used = new Set<string>();
  for await (const result of readAny(path, info)) {
    const a = result.article;
    if (!a) {
      yield result;
      continue;
    }
    const here = a.line === undefined ? a.source : `${a.source}:${a.line}`;
    const first = seen.get(a.id);
    if (first !== undefined) {
      yield {
        issues: [...result.issues, {
          severity: "error",
          source: a.source,
          line: a.line,
          id: a.id,
          field: "id",
          message: `duplicate id "${a.id}" (first seen at ${first}); this record is skipped`,
        }],
      };
      continue;
    }
    seen.set(a.id, here);
    const entry = entries.get(a.id);
    if (entry) used.add(a.id);
    // The manifest naming an outlet answers the file's missing one.
    const issues = entry?.outlet
      ? result.issues.filter((i) => !(i.field === "outlet" && i.severity === "warning"))
      : result.issues;
    yield { article: entry ? applyManifestEntry(a, entry) : a, issues };
  }
  const unused = [...entries.keys()].filter((id) => !used.has(id));
  if (unused.length && manifestPath) {
    yield {
      corpusLevel: true,
      issues: unused.map((id) => ({
        severity: "warning" as const,
        source: manifestPath,
        id,
        message: "manifest entry matches no article in the corpus",
      })),
    };
  }
}

/**
 * Loads a whole corpus: a folder of `.txt`/`.md` files (with an optional `manifest.json`), a
 * `.jsonl` file or a `.csv` file. Invalid records are reported and skipped; valid ones load.
 *
 * @example
 * const { articles, issues, rejected } = await loadCorpus("seeds");
 */
export async function loadCorpus(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const out: LoadResult = { articles: [], issues: [], rejected: [] };
  for await (const r of streamCorpus(path, options)) {
    const article = collectRecord(r, out);
    if (article) out.articles.push(article);
  }
  return out;
}

/**
 * Books one streamed record into `out` (its issues, and a rejection when it carries errors and
 * no article) and returns its article, if any: the one place that decides what counts as a
 * rejected record.
 */
export function collectRecord(
  r: RecordResult,
  out: { issues: LoadIssue[]; rejected: Rejection[] },
): Article | undefined {
  out.issues.push(...r.issues);
  if (r.article) return r.article;
  const errors = r.issues.filter((i) => i.severity === "error");
  if (errors.length && !r.corpusLevel) {
    const e = errors[0];
    out.rejected.push({
      source: e.source,
      line: e.line,
      id: e.id,
      reasons: errors.map((x) => (x.field ? `field "${x.field}": ${x.message}` : x.message)),
    });
  }
  return undefined;
}

/** The size in bytes of a corpus (a file, or the readable files of a folder), for progress. */
export async function corpusBytes(path: string): Promise<number> {
  const info = await statOrThrow(path);
  if (!info.isDirectory) return info.size;
  let total = 0;
  for (const f of await listTextFiles(path)) {
    if (!f.skipped) total += (await Deno.stat(f.path)).size;
  }
  return total;
}

async function* readAny(path: string, info: Deno.FileInfo): AsyncGenerator<RecordResult> {
  if (info.isDirectory) {
    for (const file of await listTextFiles(path)) {
      if (file.skipped) {
        yield {
          corpusLevel: true,
          issues: [{
            severity: "warning",
            source: file.path,
            message: "skipped: only .txt, .md, .jsonl and .csv files are read",
          }],
        };
        continue;
      }
      yield* readFileByType(file.path);
    }
    return;
  }
  yield* readFileByType(path);
}

async function* readFileByType(path: string): AsyncGenerator<RecordResult> {
  if (JSONL_EXT.test(path)) yield* readJsonl(path);
  else if (CSV_EXT.test(path)) yield* readCsv(path);
  else if (TEXT_EXT.test(path)) yield await readTextFile(path);
  else {
    throw new CorpusError({
      severity: "error",
      source: path,
      message: "unknown corpus type: give a folder, a .txt/.md file, a .jsonl file or a .csv file",
    });
  }
}

async function listTextFiles(dir: string): Promise<{ path: string; skipped: boolean }[]> {
  const out: { path: string; skipped: boolean }[] = [];
  const walk = async (d: string) => {
    const entries = [];
    for await (const e of Deno.readDir(d)) entries.push(e);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = `${d}/${e.name}`;
      if (e.isDirectory) await walk(p);
      else if (e.isFile) {
        if (d === dir && e.name === "manifest.json") continue;
        const known = TEXT_EXT.test(e.name) || JSONL_EXT.test(e.name) || CSV_EXT.test(e.name);
        out.push({ path: p, skipped: !known });
      }
    }
  };
  await walk(dir.replace(/\/+$/, ""));
  return out;
}

async function statOrThrow(path: string): Promise<Deno.FileInfo> {
  try {
    return await Deno.stat(path);
  } catch (e) {
    const message = e instanceof Deno.errors.NotFound
      ? "does not exist; give a folder of .txt/.md files, a .jsonl file or a .csv file"
      : e instanceof Deno.errors.PermissionDenied || (e as Error).name === "NotCapable"
      ? "cannot be read with the permissions given (--allow-read)"
      : (e as Error).message;
    throw new CorpusError({ severity: "error", source: path, message });
  }
}

async function existing(path: string): Promise<string | null> {
  try {
    return (await Deno.stat(path)).isFile ? path : null;
  } catch {
    return null;
  }
}
