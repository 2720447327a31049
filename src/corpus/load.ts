/**
 * Loading a corpus from a folder of text files and saved web pages, a JSON Lines file or a CSV
 * file.
 * @module
 */

import type { Article, RecordResult } from "./article.ts";
import { CorpusError, type LoadIssue } from "./issues.ts";
import { applyManifestEntry, readManifest } from "./manifest.ts";
import { fileStem, readCsv, readJsonl, readTextFile } from "./readers.ts";
import { readHtmlFile } from "./html.ts";
import { corpusFs } from "./lines.ts";
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
  /** The file the record came from. */
  source: string;
  /** 1-based line of the record in a JSONL or CSV file. */
  line?: number;
  /** The record's id, when it has one. */
  id?: string;
  /** Every reason, one line each (field and problem). */
  reasons: string[];
}

/** Articles that loaded, every issue met, and the records that were rejected. */
export interface LoadResult {
  /** The articles that loaded, in source order. */
  articles: Article[];
  /** Every problem met, rejections and warnings alike. */
  issues: LoadIssue[];
  /** The records that did not load. */
  rejected: Rejection[];
}

const TEXT_EXT = /\.(txt|md|markdown)$/i;
const JSONL_EXT = /\.(jsonl|ndjson)$/i;
const CSV_EXT = /\.csv$/i;
const HTML_EXT = /\.html?$/i;

/** A file of a type the loader reads. */
function isCorpusFile(name: string): boolean {
  return TEXT_EXT.test(name) || HTML_EXT.test(name) || JSONL_EXT.test(name) || CSV_EXT.test(name);
}

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
  const manifest = await openManifest(path, info, options);
  if (manifest.issues.length) yield { issues: manifest.issues, corpusLevel: true };
  const seen = new Map<string, string>();
  const used = new Set<string>();
  for await (const result of readAny(path, info)) {
    yield admit(result, seen, used, manifest.entries);
  }
  const unused = [...manifest.entries.keys()].filter((id) => !used.has(id));
  const source = manifest.path;
  if (unused.length && source) {
    yield {
      corpusLevel: true,
      issues: unused.map((id) => ({
        severity: "warning" as const,
        source,
        id,
        message: "manifest entry matches no article in the corpus",
      })),
    };
  }
}

/** The manifest a corpus is read with: its path (if any), entries by id, and its problems. */
interface OpenManifest {
  path: string | null;
  entries: Map<string, ManifestEntry>;
  issues: LoadIssue[];
}

/**
 * Reads the manifest named in `options` (which must exist), else a corpus folder's own
 * `manifest.json` when it has one.
 */
async function openManifest(
  path: string,
  info: Deno.FileInfo,
  options: LoadOptions,
): Promise<OpenManifest> {
  const manifestPath = options.manifest === false
    ? null
    : options.manifest ?? (info.isDirectory ? await existing(`${path}/manifest.json`) : null);
  const entries = new Map<string, ManifestEntry>();
  if (typeof options.manifest === "string" && !await existing(options.manifest)) {
    const found = await Deno.stat(options.manifest).then(() => true, () => false);
    throw new CorpusError({
      severity: "error",
      source: options.manifest,
      message: found
        ? "manifest is not a file (give the manifest's .json file, or --no-manifest)"
        : "manifest does not exist (give an existing file, or --no-manifest)",
    });
  }
  if (!manifestPath) return { path: manifestPath, entries, issues: [] };
  const { manifest, issues } = await readManifest(manifestPath);
  for (const e of manifest?.articles ?? []) entries.set(e.id, e);
  return { path: manifestPath, entries, issues };
}

/**
 * One record as the corpus gives it: a duplicate id is rejected (the first one wins, `seen`
 * says where it was), and a manifest entry for its id overrides its metadata (noted in `used`).
 */
function admit(
  result: RecordResult,
  seen: Map<string, string>,
  used: Set<string>,
  entries: ReadonlyMap<string, ManifestEntry>,
): RecordResult {
  const a = result.article;
  if (!a) return result;
  const here = a.line === undefined ? a.source : `${a.source}:${a.line}`;
  const first = seen.get(a.id);
  if (first !== undefined) {
    return {
      issues: [...result.issues, {
        severity: "error",
        source: a.source,
        line: a.line,
        id: a.id,
        field: "id",
        message: `duplicate id "${a.id}" (first seen at ${first}); this record is skipped`,
      }],
    };
  }
  seen.set(a.id, here);
  const entry = entries.get(a.id);
  if (entry) used.add(a.id);
  // The manifest naming an outlet answers the file's missing one.
  const issues = entry?.outlet
    ? result.issues.filter((i) => !(i.field === "outlet" && i.severity === "warning"))
    : result.issues;
  return { article: entry ? applyManifestEntry(a, entry) : a, issues };
}

/**
 * Loads a whole corpus: a folder of `.txt`/`.md` files and saved web pages (`.html`/`.htm`, with
 * an optional `manifest.json`), a `.jsonl` file or a `.csv` file. Invalid records are reported and
 * skipped; valid ones load.
 *
 * @example
 * ```ts
 * import { formatIssue, loadCorpus } from "newsframe";
 *
 * const { articles, issues } = await loadCorpus("seeds");
 * for (const issue of issues) console.error(formatIssue(issue));
 * console.log(articles.length, "articles");
 * ```
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
    if (!f.skipped) total += await Deno.stat(f.path).then((i) => i.size, () => 0);
  }
  return total;
}

async function* readAny(path: string, info: Deno.FileInfo): AsyncGenerator<RecordResult> {
  if (info.isDirectory) {
    for (const file of await listTextFiles(path)) {
      if (file.problem) {
        yield { corpusLevel: file.problem.severity === "warning", issues: [file.problem] };
        continue;
      }
      if (file.skipped) {
        yield {
          corpusLevel: true,
          issues: [{
            severity: "warning",
            source: file.path,
            message: skippedMessage(file.path),
          }],
        };
        continue;
      }
      yield* readFileByType(file.path, file.id);
    }
    return;
  }
  yield* readFileByType(path);
}

/** Why a file of a corpus folder is not read; a web archive says how to save the page instead. */
function skippedMessage(path: string): string {
  const archive = /\.(mhtml|mht|webarchive)$/i.exec(path);
  return archive
    ? `skipped: a web archive (.${
      archive[1].toLowerCase()
    }) is not read; save the page as "Web page, HTML only" or "Web page, complete" (.html)`
    : "skipped: only .txt, .md, .html, .jsonl and .csv files are read";
}

/**
 * Reads one file by its extension. A file that cannot be read (permissions, a device error) is
 * one rejection; the rest of the corpus still loads.
 */
async function* readFileByType(path: string, id?: string): AsyncGenerator<RecordResult> {
  if (!isCorpusFile(path)) {
    throw new CorpusError({
      severity: "error",
      source: path,
      message:
        "unknown corpus type: give a folder, a .txt/.md/.html file, a .jsonl file or a .csv file",
    });
  }
  try {
    if (JSONL_EXT.test(path)) yield* readJsonl(path);
    else if (CSV_EXT.test(path)) yield* readCsv(path, id);
    else if (HTML_EXT.test(path)) yield await readHtmlFile(path, id ?? fileStem(path));
    else yield await readTextFile(path, id);
  } catch (e) {
    if (!isReadError(e)) throw e;
    yield { issues: [{ severity: "error", source: path, message: readErrorMessage(e) }] };
  }
}

/** Errors of the file system (permissions, I/O), as opposed to bugs. */
function isReadError(e: unknown): boolean {
  return e instanceof Deno.errors.PermissionDenied || e instanceof Deno.errors.NotFound ||
    e instanceof Deno.errors.IsADirectory || (e as Error)?.name === "NotCapable" ||
    (e instanceof Error && "code" in e && typeof (e as { code: unknown }).code === "string");
}

function readErrorMessage(e: unknown): string {
  const err = e as Error;
  if (err.name === "NotCapable") {
    return `cannot be read with the permissions given to Deno (--allow-read): ${
      err.message.split("\n")[0]
    }`;
  }
  if (err instanceof Deno.errors.PermissionDenied) {
    return "cannot be read: permission denied by the file system (check the file's owner and mode)";
  }
  return `cannot be read: ${err.message.split("\n")[0]}`;
}

/** A file of a corpus folder: its path, the id it gives by default, or why it is not read. */
interface CorpusFile {
  path: string;
  /** The relative path without extension (`sub/story`): distinct for one stem in two folders. */
  id: string;
  skipped: boolean;
  problem?: LoadIssue;
}

/**
 * Every file of a corpus folder, in name order. Symbolic links are followed when they stay inside
 * the folder (a loop or a second path to a folder already read is reported, not followed); a
 * link that leads outside, or nowhere, is a rejection. A folder that cannot be listed is a
 * rejection too; the rest is still listed.
 */
async function listTextFiles(dir: string): Promise<CorpusFile[]> {
  const root = dir.replace(/(.)\/+$/, "$1");
  const rootReal = await Deno.realPath(root);
  const listing: Listing = {
    root,
    rootReal,
    seenDirs: new Map([[rootReal, root]]),
    seenFiles: new Map(),
    files: [],
  };
  await walkFolder(listing, root, "");
  return listing.files;
}

/** A corpus folder being listed: what is found so far, and the real paths already read. */
interface Listing {
  root: string;
  /** The root's real path: a link whose target is not under it leads outside the corpus. */
  rootReal: string;
  /** Folders read, by real path, with the path they were read by. */
  seenDirs: Map<string, string>;
  /** Files listed, by real path, with the path they were listed by. */
  seenFiles: Map<string, string>;
  files: CorpusFile[];
}

/** Notes a path that is not read, and why (an error unless told). */
function notRead(
  listing: Listing,
  path: string,
  message: string,
  severity: "error" | "warning" = "error",
): void {
  listing.files.push({ path, id: "", skipped: true, problem: { severity, source: path, message } });
}

/** Lists folder `d` (`rel` from the root) in name order, hidden entries left out. */
async function walkFolder(listing: Listing, d: string, rel: string): Promise<void> {
  const entries: Deno.DirEntry[] = [];
  try {
    for await (const e of corpusFs.readDir(d)) entries.push(e);
  } catch (e) {
    if (!isReadError(e)) throw e;
    notRead(listing, d, `folder ${readErrorMessage(e)}; its files are not read`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const page = e.isDirectory ? savedPageOf(e.name, names) : null;
    if (page) {
      notRead(
        listing,
        `${d}/${e.name}`,
        `the files a browser saved with ${page} (images, scripts, styles); not read`,
        "warning",
      );
    } else await visitEntry(listing, d, rel, e);
  }
}

/**
 * The page a folder was saved with ("Save as… Web page, complete" writes `story.html` and
 * `story_files/`), or null: its files are the page's images, scripts and frames, not articles.
 */
function savedPageOf(folder: string, names: ReadonlySet<string>): string | null {
  if (!folder.endsWith("_files")) return null;
  const stem = folder.slice(0, -"_files".length);
  return [".html", ".htm"].map((ext) => stem + ext).find((n) => names.has(n)) ?? null;
}

/** One entry of a corpus folder: a folder is walked (once), a file listed (once), else noted. */
async function visitEntry(
  listing: Listing,
  d: string,
  rel: string,
  e: Deno.DirEntry,
): Promise<void> {
  const p = `${d}/${e.name}`;
  const kind = await resolveEntry(listing, p, e);
  if (!kind) return;
  if (kind.isDir) {
    const first = listing.seenDirs.get(kind.real);
    if (first !== undefined) {
      notRead(
        listing,
        p,
        `symbolic link loop: leads back to ${first}, which is read already; not followed`,
      );
      return;
    }
    listing.seenDirs.set(kind.real, p);
    await walkFolder(listing, p, `${rel}${e.name}/`);
  } else if (kind.isFile) {
    if (d === listing.root && e.name === "manifest.json") return;
    const first = listing.seenFiles.get(kind.real);
    if (first !== undefined) {
      notRead(listing, p, `the same file as ${first} (a symbolic link); read once`, "warning");
      return;
    }
    listing.seenFiles.set(kind.real, p);
    listing.files.push({
      path: p,
      id: `${rel}${fileStem(e.name)}`,
      skipped: !isCorpusFile(e.name),
    });
  } else {
    notRead(
      listing,
      p,
      "not a regular file or folder (a device, socket or pipe); not read",
      "warning",
    );
  }
}

/**
 * What an entry is once symbolic links are followed, with its real path; null (and noted) for a
 * link to nothing or one that leads outside the corpus folder.
 */
async function resolveEntry(
  listing: Listing,
  p: string,
  e: Deno.DirEntry,
): Promise<{ real: string; isDir: boolean; isFile: boolean } | null> {
  let isDir = e.isDirectory;
  let isFile = e.isFile;
  let real = "";
  if (e.isSymlink || isDir || isFile) {
    try {
      real = await Deno.realPath(p);
    } catch (err) {
      if (!isReadError(err)) throw err;
      notRead(listing, p, "symbolic link to nothing (its target does not exist); not read");
      return null;
    }
  }
  if (e.isSymlink) {
    if (real !== listing.rootReal && !real.startsWith(`${listing.rootReal}/`)) {
      notRead(
        listing,
        p,
        `symbolic link leads outside the corpus folder (to ${real}); not followed`,
      );
      return null;
    }
    const target = await Deno.stat(p);
    isDir = target.isDirectory;
    isFile = target.isFile;
  }
  return { real, isDir, isFile };
}

async function statOrThrow(path: string): Promise<Deno.FileInfo> {
  try {
    return await Deno.stat(path);
  } catch (e) {
    const message = e instanceof Deno.errors.NotFound
      ? "does not exist; give a folder of .txt/.md/.html files, a .jsonl file or a .csv file"
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
