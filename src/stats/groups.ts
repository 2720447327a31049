/**
 * Grouping articles by any of their fields: the outlet by default, or the id, the date, the year,
 * or any extra field a corpus carries (a JSONL `party` column lands in `CleanArticle.meta`).
 * Every per-group statistic of the kit (outlet_terms, keyness, framing summaries, sentiment
 * roll-ups) resolves its grouping here, so they all agree on what a group is.
 * @module
 */

import type { CleanArticle } from "../corpus/clean.ts";

/**
 * How articles are grouped: a field name or a function. Field names are `outlet`, `id`,
 * `published` (the ISO date), `year` (its first four digits), `title`, `url`, `agency`, or any key
 * of `meta`. A function returns the group of an article, or null to leave the article out.
 */
export type GroupBy =
  | string
  | ((article: CleanArticle) => string | null)
  | NamedGroupBy;

/** A grouping with its column name: what {@link fieldGroup} makes. */
export interface NamedGroupBy {
  /** The grouping column's name in frames and charts. */
  name: string;
  /** An article's group (null: left out). */
  of: (article: CleanArticle) => string | null;
}

/** The name a grouping gets as a column: the field itself, or "group" for a function. */
export function groupColumnName(by: GroupBy): string {
  return typeof by === "string" ? by : typeof by === "function" ? "group" : by.name;
}

const CORE: Record<string, (a: CleanArticle) => string | null> = {
  outlet: (a) => a.outlet,
  id: (a) => a.id,
  published: (a) => a.published,
  year: (a) => (a.published ? a.published.slice(0, 4) : null),
  title: (a) => a.title,
  url: (a) => a.url,
  agency: (a) => a.agency,
};

/**
 * A field grouping that, unlike the field name itself, does not throw when no article has the
 * field: a batch of a larger corpus may hold none of a sparse field's values, and whether the
 * field exists at all is a question for the whole corpus.
 */
export function fieldGroup(field: string): NamedGroupBy {
  const core = CORE[field];
  return {
    name: field,
    of: (a) => {
      const v = core ? core(a) : a.meta[field];
      return v === undefined || v === null || v === "" ? null : v;
    },
  };
}

/** The fields articles can be grouped by: the core fields and every `meta` key they carry. */
export function groupFields(articles: readonly { meta: Record<string, string> }[]): Set<string> {
  return new Set([...Object.keys(CORE), ...articles.flatMap((a) => Object.keys(a.meta))]);
}

/** A grouping field that no article has (almost always a misspelt field name). */
export class GroupFieldError extends Error {
  override name = "GroupFieldError";
}

/** The error for a grouping field that no article has. */
export function missingFieldError(field: string, fields: Iterable<string>): GroupFieldError {
  return new GroupFieldError(
    `no article has a value for the field "${field}"; fields available: ${[...fields].join(", ")}`,
  );
}

/**
 * The group of each article (null where the article has no value for the field), in the order
 * of `articles`. Throws a readable error when no article has the field at all, since that is
 * almost always a misspelt field name.
 *
 * @example
 * groupsOf(analysis.articles, "party"); // ["Democratic", "Republican", null, …]
 */
export function groupsOf(articles: readonly CleanArticle[], by: GroupBy): (string | null)[] {
  if (typeof by === "function") return articles.map(by);
  if (typeof by === "object") return articles.map(by.of);
  const values = articles.map(fieldGroup(by).of);
  if (articles.length && values.every((v) => v === null)) {
    throw missingFieldError(by, groupFields(articles));
  }
  return values;
}

/** Up to `n` distinct non-null values, in order of appearance. */
export function firstDistinct(values: Iterable<string | null>, n: number): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (out.size >= n) break;
    if (v !== null) out.add(v);
  }
  return [...out];
}
