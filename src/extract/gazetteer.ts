/**
 * Gazetteers: known entities and their aliases, matched exactly with a token trie. Two kinds:
 * the story-independent list shipped in `data/entities/general.json` (media, wire agencies and
 * institutions that any English story writes the same way), used by default; and a user's own
 * file (`--gazetteer FILE`), whose entries win over both the general list and the model. The
 * seed story's names are such a user file: `data/entities/examples/seeds_gazetteer.json`.
 * @module
 */

import { z } from "zod";
import general from "../../data/entities/general.json" with { type: "json" };
import { TokenTrie } from "./trie.ts";
import { extractionWords, wordKey } from "./words.ts";

/**
 * Entity types. The model gives PERSON, ORG, GPE, LOC and NORP; FAC, EVENT and PRODUCT come only
 * from a user's gazetteer. MEDIA is accepted in gazetteer files for older data and read as ORG
 * with `media: true`; no mention has type MEDIA.
 *
 * @example
 * ```ts
 * import { ENTITY_TYPES, type EntityType } from "newsframe";
 *
 * const isType = (s: string): s is EntityType => (ENTITY_TYPES as readonly string[]).includes(s);
 * isType("PERSON"); // true
 * ```
 */
export const ENTITY_TYPES = [
  "PERSON",
  "ORG",
  "GPE",
  "LOC",
  "NORP",
  "MEDIA",
  "FAC",
  "EVENT",
  "PRODUCT",
] as const;

/** One of {@link ENTITY_TYPES}. */
export type EntityType = (typeof ENTITY_TYPES)[number];

const EntrySchema = z.object({
  name: z.string().trim().min(1),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(z.string().trim().min(1)).optional(),
  /** A news outlet or agency (an ORG that reports). */
  media: z.boolean().optional(),
  government_of: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
}).strict();

/** The schema of a gazetteer file. */
export const GazetteerSchema = z.object({
  description: z.string().optional(),
  entities: z.array(EntrySchema),
}).strict();

/**
 * A gazetteer entry, as compiled: type MEDIA is ORG with `media: true`.
 * @internal the shape of a gazetteer file's entries is its schema, GazetteerSchema.
 */
export type GazetteerEntry = z.output<typeof EntrySchema>;

/** A gazetteer ready for matching. */
export interface Gazetteer {
  /** Every alias (and name), as token keys, to its entry. */
  trie: TokenTrie<GazetteerEntry>;
  /** Entries by canonical name. */
  byName: ReadonlyMap<string, GazetteerEntry>;
}

/** A gazetteer file that cannot be read or is not valid: its message is one line. */
export class GazetteerError extends Error {
  override name = "GazetteerError";
}

/** The token keys an alias is matched by. */
export function aliasKeys(alias: string): string[] {
  return extractionWords(alias).map((w) => wordKey(w.text));
}

/** The first problem of a failed parse, as `path: message` (plus how many more). */
function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  const path = issue.path.length ? issue.path.join(".") : "(top level)";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : "";
  return `${path}: ${issue.message}${more}`;
}

/**
 * Validates and compiles gazetteer data; entries of `data` come first, so they win over those of
 * `base` for the same alias. Throws a one-line {@link GazetteerError} naming `source` and the
 * first bad field.
 *
 * @example
 * const mine = compileGazetteer(
 *   { entities: [{ name: "Olaf Scholz", type: "PERSON", aliases: ["Scholz"] }] },
 *   "mine.json",
 *   GENERAL_GAZETTEER,
 * );
 */
export function compileGazetteer(data: unknown, source = "gazetteer", base?: Gazetteer): Gazetteer {
  const parsed = GazetteerSchema.safeParse(data);
  if (!parsed.success) throw new GazetteerError(`${source}: ${firstIssue(parsed.error)}`);
  const entries = parsed.data.entities.map((e) =>
    e.type === "MEDIA" ? { ...e, type: "ORG" as const, media: true } : e
  );
  const byName = new Map<string, GazetteerEntry>();
  const trie = new TokenTrie<GazetteerEntry>();
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    if (byName.has(entry.name)) problems.push(`entities.${i}: "${entry.name}" is listed twice`);
    byName.set(entry.name, entry);
  });
  entries.forEach((entry, i) => {
    for (const target of [entry.government_of, entry.country]) {
      if (target && !byName.has(target) && !base?.byName.has(target)) {
        problems.push(`entities.${i}: "${entry.name}" points to "${target}", which is not listed`);
      }
    }
    for (const alias of [entry.name, ...(entry.aliases ?? [])]) trie.add(aliasKeys(alias), entry);
  });
  if (problems.length) throw new GazetteerError(`${source}: ${problems.join("; ")}`);
  if (base) {
    for (const [name, entry] of base.byName) {
      if (byName.has(name)) continue;
      byName.set(name, entry);
      for (const alias of [name, ...(entry.aliases ?? [])]) trie.add(aliasKeys(alias), entry);
    }
  }
  return { trie, byName };
}

/** The general, story-independent gazetteer shipped in `data/entities/general.json`. */
export const GENERAL_GAZETTEER: Gazetteer = compileGazetteer(
  general,
  "data/entities/general.json",
);

/** A gazetteer with nothing in it (`--gazetteer none`). */
export const NO_GAZETTEER: Gazetteer = { trie: new TokenTrie(), byName: new Map() };

/** What the default run matches: the general list only. */
export const DEFAULT_GAZETTEER: Gazetteer = GENERAL_GAZETTEER;

/**
 * Reads a user's gazetteer file and adds it to the general list (its entries win): the
 * `--gazetteer FILE` option. `"none"` gives {@link NO_GAZETTEER}. Errors are one line naming the
 * file and the field.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, extractCorpus, loadGazetteerFile } from "newsframe";
 *
 * // Your story's names (schema: GazetteerSchema of newsframe/extract); "none" for no list.
 * const gazetteer = loadGazetteerFile("data/entities/examples/seeds_gazetteer.json");
 * extractCorpus(await analyzeCorpus("seeds"), { gazetteer });
 * ```
 */
export function loadGazetteerFile(path: string): Gazetteer {
  if (path === "none") return NO_GAZETTEER;
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.PermissionDenied || (e as Error).name === "NotCapable") throw e;
    throw new GazetteerError(`${path}: cannot read the gazetteer (${(e as Error).name})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new GazetteerError(`${path}: not valid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  return compileGazetteer(data, path, GENERAL_GAZETTEER);
}

const loaded = new Map<string, Gazetteer>();

/** {@link loadGazetteerFile}, read once per path (workers and batches share it). */
export function gazetteerFor(path: string | undefined): Gazetteer {
  if (path === undefined) return DEFAULT_GAZETTEER;
  let g = loaded.get(path);
  if (!g) loaded.set(path, g = loadGazetteerFile(path));
  return g;
}
