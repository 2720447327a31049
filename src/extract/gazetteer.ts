/**
 * The gazetteer: known entities and their aliases, kept as data in
 * `data/entities/gazetteer.json`, validated here and compiled into a token trie.
 * @module
 */

import { z } from "zod";
import defaults from "../../data/entities/gazetteer.json" with { type: "json" };
import { TokenTrie } from "./trie.ts";
import { extractionWords, wordKey } from "./words.ts";

/** Entity types. */
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
  government_of: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
});

/** The schema of `data/entities/gazetteer.json`. */
export const GazetteerSchema = z.object({
  description: z.string().optional(),
  entities: z.array(EntrySchema).min(1),
});

/** A gazetteer entry. */
export type GazetteerEntry = z.output<typeof EntrySchema>;

/** A gazetteer ready for matching. */
export interface Gazetteer {
  /** Every alias (and name), as token keys, to its entry. */
  trie: TokenTrie<GazetteerEntry>;
  /** Entries by canonical name. */
  byName: ReadonlyMap<string, GazetteerEntry>;
}

/** The token keys an alias is matched by. */
export function aliasKeys(alias: string): string[] {
  return extractionWords(alias).map((w) => wordKey(w.text));
}

/**
 * Validates and compiles gazetteer data (for example a user's own file, or the default one with
 * entries added). Throws an error naming the bad entries.
 *
 * @example
 * const mine = compileGazetteer({
 *   entities: [...DEFAULT_GAZETTEER_DATA.entities, { name: "Olaf Scholz", type: "PERSON", aliases: ["Scholz"] }],
 * });
 */
export function compileGazetteer(data: unknown, source = "gazetteer"): Gazetteer {
  const parsed = GazetteerSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const byName = new Map<string, GazetteerEntry>();
  const trie = new TokenTrie<GazetteerEntry>();
  const problems: string[] = [];
  for (const entry of parsed.data.entities) {
    if (byName.has(entry.name)) problems.push(`"${entry.name}" is listed twice`);
    byName.set(entry.name, entry);
  }
  for (const entry of parsed.data.entities) {
    for (const target of [entry.government_of, entry.country]) {
      if (target && !byName.has(target)) {
        problems.push(`"${entry.name}" points to "${target}", which is not in the gazetteer`);
      }
    }
    for (const alias of [entry.name, ...(entry.aliases ?? [])]) trie.add(aliasKeys(alias), entry);
  }
  if (problems.length) throw new Error(`${source}: ${problems.join("; ")}`);
  return { trie, byName };
}

/** The gazetteer data shipped in `data/entities/gazetteer.json`. */
export const DEFAULT_GAZETTEER_DATA: z.input<typeof GazetteerSchema> = defaults as z.input<
  typeof GazetteerSchema
>;

/** The gazetteer shipped in `data/entities/gazetteer.json`. */
export const DEFAULT_GAZETTEER: Gazetteer = compileGazetteer(
  defaults,
  "data/entities/gazetteer.json",
);
