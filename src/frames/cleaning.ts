/**
 * The `cleaning` frame: an audit of everything cleaning took out of, or changed in, each text.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { int32Nullable, utf8 } from "./columns.ts";

/**
 * Builds `cleaning`: article_id, outlet, action, kind, line, text, replacement.
 * - action "removed": boilerplate (kind video_caption, video_caption_title, ad_marker, tags,
 *   duplicate_headline, site_name, …);
 * - action "separated": structure taken out of the body into its own field (dateline, byline,
 *   credit_line, and date_line: a date printed alone or on the headline's line, read as `published`
 *   when the source has none);
 * - action "repaired": a scrape join split (kind split_join), with the replacement.
 * `line` is the 1-based line in the raw text (for the dateline, the line it opens).
 */
export function cleaningFrame(articles: CleanArticle[]): pl.DataFrame {
  const c = {
    article_id: [] as string[],
    outlet: [] as string[],
    action: [] as string[],
    kind: [] as string[],
    line: [] as (number | null)[],
    text: [] as string[],
    replacement: [] as (string | null)[],
  };
  const add = (
    a: CleanArticle,
    action: string,
    kind: string,
    line: number | null,
    text: string,
    replacement: string | null = null,
  ) => {
    c.article_id.push(a.id);
    c.outlet.push(a.outlet);
    c.action.push(action);
    c.kind.push(kind);
    c.line.push(line);
    c.text.push(text);
    c.replacement.push(replacement);
  };
  for (const a of articles) {
    for (const r of [...a.removed].sort((x, y) => x.line - y.line)) {
      // A date printed alone is not thrown away: it is the article's date, as the summary says.
      add(a, r.kind === "date_line" ? "separated" : "removed", r.kind, r.line, r.text);
    }
    const lines = a.structureLines;
    if (a.dateline) add(a, "separated", "dateline", lines.dateline ?? null, a.dateline);
    if (a.byline) add(a, "separated", "byline", lines.byline ?? null, a.byline);
    if (a.credit) add(a, "separated", "credit_line", lines.credit ?? null, a.credit.raw);
    for (const r of a.repairs) add(a, "repaired", r.kind, r.line, r.before, r.after);
  }
  return pl.DataFrame([
    utf8("article_id", c.article_id),
    utf8("outlet", c.outlet),
    utf8("action", c.action),
    utf8("kind", c.kind),
    int32Nullable("line", c.line),
    utf8("text", c.text),
    utf8("replacement", c.replacement),
  ]);
}
