/**
 * Lexicon files in the formats researchers already have, read into the kit's lexicons:
 *
 * - the kit's own JSON (`.json`, see `lexicon.ts`);
 * - quanteda / YAML dictionaries (`.yml`, `.yaml`): nested keys, lists of entries at the leaves.
 *   Two levels (`key: [entries]`) give one dimension named after the file whose frames are the
 *   keys; three or more (`dimension: {frame: [entries]}`) give dimensions and frames, deeper
 *   keys joined to the frame's id with `_`;
 * - LIWC-style `.dic`: a header of `number<TAB>category` lines between two `%` lines, then one
 *   `entry<TAB>number…` line per entry; each category is a dimension with one frame, since
 *   LIWC's categories overlap (a word counts in each of its categories);
 * - Lexicoder `.lc3` / `.lcd`: `+category` lines, each followed by its entries, one a line; one
 *   dimension named after the file, so its categories compete and the longest entry wins ("not
 *   good" in negative over "good" in positive), as in Lexicoder.
 *
 * Within a dimension of the kit, frames compete for words (the longest match wins); YAML keys
 * under one dimension do too.
 *
 * Entries of those three formats are matched as their authors meant them: exactly (case aside),
 * `word*` as a prefix (the only wildcard they share with the kit), several words as a phrase. In
 * the kit's pattern language an entry `tax` becomes `=tax`, `tax*` stays `tax*`, `kind of`
 * becomes `=kind =of`. A `*` inside a word or a `?` has no equivalent and is an error.
 *
 * Every problem is a {@link LexiconError} naming the file and, for these line formats, the line.
 * @module
 */

import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { compileLexicon, type Lexicon, LexiconError } from "./lexicon.ts";
import { parsePattern, PatternError } from "./patterns.ts";

/** One problem of a lexicon file: where it is and what is wrong. */
interface Problem {
  line?: number;
  field?: string;
  message: string;
}

/** The formats {@link loadLexicon} reads, by file extension. */
export const LEXICON_FORMATS = ["json", "yaml", "yml", "dic", "lc3", "lcd"] as const;

/** A snake_case id made from a category name ("Positive Emotion" → "positive_emotion"). */
export function idOf(name: string): string {
  const id = name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(
    /^_+|_+$/g,
    "",
  );
  return /^[a-z]/.test(id) ? id : `c_${id || "category"}`;
}

/**
 * One dictionary entry as a kit pattern: each word exact (`=word`), a final `*` kept as the
 * prefix wildcard. Throws a message (no location) when the entry cannot be matched as written.
 *
 * @example
 * entryPattern("kind of"); // "=kind =of"
 * entryPattern("tax*"); // "tax*"
 */
export function entryPattern(entry: string): string {
  const words = entry.trim().split(/\s+/u).filter(Boolean);
  if (!words.length) throw new Error("empty entry");
  const out = words.map((w) => {
    if (w.includes("?")) throw new Error(`"${w}": the wildcard "?" is not supported`);
    const star = w.indexOf("*");
    if (star !== -1 && star !== w.length - 1) {
      throw new Error(`"${w}": "*" is supported only at the end of a word`);
    }
    if (w === "*") throw new Error(`"*" alone would match every word`);
    return star === -1 ? `=${w}` : w;
  });
  const pattern = out.join(" ");
  try {
    parsePattern(pattern);
  } catch (e) {
    if (e instanceof PatternError) {
      throw new Error(
        `"${entry}" cannot be matched: ${e.message.replace(/^pattern "[^"]*": /, "")}`,
      );
    }
    throw e;
  }
  return pattern;
}

/** The file's name without folder or extension, as an id. */
function nameOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return idOf(base.replace(/\.[^.]+$/, ""));
}

function fail(path: string, problems: Problem[]): never {
  throw new LexiconError(
    path,
    problems.map((p) => ({
      field: p.line !== undefined ? `line ${p.line}` : p.field,
      message: p.message,
      line: p.line,
    })),
  );
}

interface Category {
  label: string;
  entries: { text: string; line: number }[];
}

/** Builds and compiles the lexicon of `dimensions`, turning each entry into a pattern. */
function buildLexicon(
  path: string,
  description: string,
  dimensions: { label: string; frames: Category[] }[],
  problems: Problem[],
): Lexicon {
  const data = {
    name: nameOf(path),
    description,
    dimensions: dimensions.map((d) => {
      const frameIds = new Set<string>();
      return {
        id: idOf(d.label),
        label: d.label,
        frames: d.frames.map((f) => {
          let id = idOf(f.label);
          for (let k = 2; frameIds.has(id); k++) id = `${idOf(f.label)}_${k}`;
          frameIds.add(id);
          return {
            id,
            label: f.label,
            patterns: f.entries.flatMap(({ text, line }) => {
              try {
                return [entryPattern(text)];
              } catch (e) {
                problems.push({ line, message: (e as Error).message });
                return [];
              }
            }),
          };
        }),
      };
    }),
  };
  if (problems.length) fail(path, problems);
  if (!data.dimensions.length || data.dimensions.some((d) => !d.frames.length)) {
    fail(path, [{ message: "has no category" }]);
  }
  return compileLexicon(data, path);
}

/** Reads a quanteda / YAML dictionary (see the module doc). */
export function yamlLexicon(text: string, path: string): Lexicon {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  if (doc.errors.length) {
    const e = doc.errors[0];
    fail(path, [{ line: e.linePos?.[0].line, message: e.message.split("\n")[0] }]);
  }
  const problems: Problem[] = [];
  const root = doc.contents;
  if (!isMap(root)) {
    fail(path, [{ line: lineAt(root?.range?.[0]), message: "is not a mapping of categories" }]);
  }
  // Leaves: a list of entries at the end of a path of keys.
  const leaves: { keys: string[]; entries: Category["entries"] }[] = [];
  const walk = (node: unknown, keys: string[]) => {
    if (isSeq(node)) {
      const entries: Category["entries"] = [];
      for (const item of node.items) {
        if (isScalar(item) && (typeof item.value === "string" || typeof item.value === "number")) {
          entries.push({ text: String(item.value), line: lineAt(item.range?.[0]) ?? 0 });
        } else {
          problems.push({
            line: lineAt((item as { range?: number[] })?.range?.[0]),
            message: `an entry of "${keys.join(" > ")}" is not a word or phrase`,
          });
        }
      }
      leaves.push({ keys, entries });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        walk(pair.value, [...keys, key]);
      }
    } else if (isScalar(node) && typeof node.value === "string") {
      // One entry written without a list.
      leaves.push({ keys, entries: [{ text: node.value, line: lineAt(node.range?.[0]) ?? 0 }] });
    } else {
      problems.push({
        line: lineAt((node as { range?: number[] })?.range?.[0]),
        message: `"${keys.join(" > ")}" has neither entries nor sub-categories`,
      });
    }
  };
  walk(root, []);
  const twoLevels = leaves.every((l) => l.keys.length === 1);
  const dimensions = new Map<string, Category[]>();
  for (const leaf of leaves) {
    const [dim, ...rest] = twoLevels ? [nameOf(path), ...leaf.keys] : leaf.keys;
    const frame = rest.length ? rest.join("_") : dim;
    const list = dimensions.get(dim) ?? [];
    list.push({ label: frame, entries: leaf.entries });
    dimensions.set(dim, list);
  }
  return buildLexicon(
    path,
    `quanteda/YAML dictionary ${path}`,
    [...dimensions].map(([label, frames]) => ({ label, frames })),
    problems,
  );
}

/** Reads a LIWC-style `.dic` dictionary (see the module doc). */
export function liwcLexicon(text: string, path: string): Lexicon {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: Problem[] = [];
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  if (lines[i]?.trim() !== "%") {
    fail(path, [{ line: i + 1, message: 'expected "%" opening the category header' }]);
  }
  const categories = new Map<string, Category>();
  const order: Category[] = [];
  for (i++; i < lines.length && lines[i].trim() !== "%"; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (!m) {
      problems.push({ line: i + 1, message: `"${line}" is not "number<TAB>category"` });
      continue;
    }
    if (categories.has(m[1])) {
      problems.push({ line: i + 1, message: `category number ${m[1]} is given twice` });
      continue;
    }
    const category = { label: m[2].trim(), entries: [] };
    categories.set(m[1], category);
    order.push(category);
  }
  if (i >= lines.length) {
    const last = lines.findLastIndex((l) => l.trim() !== "") + 1;
    fail(path, [{ line: last, message: 'the category header has no closing "%"' }]);
  }
  for (i++; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const fields = line.split(/\t+/);
    // Entries may be separated from their numbers by spaces when they are one word.
    const [entry, ...ids] = fields.length > 1 ? fields : line.split(/\s+/);
    const numbers = ids.flatMap((f) => f.trim().split(/\s+/)).filter(Boolean);
    if (!numbers.length) {
      problems.push({ line: i + 1, message: `"${entry}" has no category number` });
      continue;
    }
    if (/[()<>]/.test(entry) || numbers.some((n) => /[()<>/]/.test(n))) {
      problems.push({
        line: i + 1,
        message: `"${line}": LIWC's conditional entries (with parentheses) are not supported`,
      });
      continue;
    }
    for (const n of numbers) {
      const category = categories.get(n);
      if (!category) {
        problems.push({ line: i + 1, message: `category number ${n} is not in the header` });
      } else category.entries.push({ text: entry, line: i + 1 });
    }
  }
  // LIWC's categories overlap by design (a word counts in each of its categories), so each is a
  // dimension of its own: within a dimension, the kit's frames compete for a word.
  return buildLexicon(
    path,
    `LIWC-style dictionary ${path}`,
    order.map((c) => ({ label: c.label, frames: [c] })),
    problems,
  );
}

/** Reads a Lexicoder `.lc3` / `.lcd` dictionary (see the module doc). */
export function lexicoderLexicon(text: string, path: string): Lexicon {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: Problem[] = [];
  const frames: Category[] = [];
  let current: Category | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith("+")) {
      const label = line.slice(1).trim();
      if (!label) {
        problems.push({ line: i + 1, message: 'a "+" line needs a category name' });
        return;
      }
      frames.push(current = { label, entries: [] });
      return;
    }
    if (!current) {
      problems.push({ line: i + 1, message: `"${line}" comes before any "+category" line` });
      return;
    }
    current.entries.push({ text: line, line: i + 1 });
  });
  return buildLexicon(
    path,
    `Lexicoder dictionary ${path}`,
    [{ label: nameOf(path), frames }],
    problems,
  );
}

/**
 * Reads, validates and compiles a lexicon file of any of {@link LEXICON_FORMATS} (by its
 * extension). Every failure (missing file, bad syntax, bad entry) is a {@link LexiconError}
 * naming the file and, where it can, the line.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, findFraming, framingFrame, lexiconsOf, loadLexicon } from "newsframe";
 *
 * const mine = await loadLexicon("data/lexicons/my_frames.yaml"); // .json, .yaml, .dic or .cat
 * const matches = findFraming(await analyzeCorpus("seeds"), lexiconsOf([mine]));
 * framingFrame(matches).head(5);
 * ```
 */
export async function loadLexicon(path: string): Promise<Lexicon> {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  if (!(LEXICON_FORMATS as readonly string[]).includes(ext)) {
    fail(path, [{
      message: `unknown lexicon format ".${ext}" (expected ${
        LEXICON_FORMATS.map((f) => `.${f}`).join(", ")
      })`,
    }]);
  }
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    fail(path, [{ message: `cannot be read: ${(e as Error).message.split("\n")[0]}` }]);
  }
  if (ext === "yaml" || ext === "yml") return yamlLexicon(text, path);
  if (ext === "dic") return liwcLexicon(text, path);
  if (ext === "lc3" || ext === "lcd") return lexicoderLexicon(text, path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(path, [{ message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  return compileLexicon(data, path);
}

/** Loads several lexicon files, in order. */
export function loadLexicons(paths: readonly string[]): Promise<Lexicon[]> {
  return Promise.all(paths.map((p) => loadLexicon(p)));
}

/**
 * One line for a person: `file:line: what is wrong` (or `file: field: what is wrong`), the first
 * problem, with a count of the others.
 */
export function lexiconErrorLine(e: LexiconError): string {
  const [first, ...rest] = e.problems;
  if (!first) return `${e.source}: invalid lexicon`;
  const where = first.line !== undefined
    ? `${e.source}:${first.line}`
    : first.field
    ? `${e.source}: ${first.field}`
    : e.source;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return `${where}: ${first.message}${more}`;
}
