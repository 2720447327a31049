/**
 * Figures of one story compared by what they measure, where no aligned sentences pair them.
 *
 * The alignment compares figures only inside sentences it pairs as paraphrase or closer (see
 * `figures.ts`). Outlets often report the same quantity in sentences that share little else:
 * "at least 42 people were killed" against "The death toll rose to 46", or shares "up 4.2% in
 * premarket trading" against "rose more than 5%". Such figures are the same quantity when:
 * - their articles are reports of one story: the cosine of their terms is at least
 *   {@link STORY_COSINE}, they name at least {@link SHARED_NAMES} people, organisations or places
 *   in common (when the entities are known) and, where both are dated, they were published at most {@link STORY_DAYS} days apart
 *   (a number that changed between two addresses a year apart is no disagreement);
 * - they are of one kind (money, percent, quantity or count), measure the same thing (the
 *   extractor's `measure`: "dead", "displaced", "share_price"; a figure without one is never
 *   compared this way), for the same period and rate, in the same unit (money in two currencies
 *   is a conversion, not a disagreement).
 *
 * Per pair of articles and such a key, one row: an agreeing pair of figures when there is one
 * (`same` or `rounded`), else the two closest values (`different_value`), provided the larger is
 * at most {@link MAX_RATIO} times the smaller (42 dead against 46 is one toll reported twice; 42
 * against the 6,300 of an earlier storm is another quantity). A key already compared through
 * aligned sentences is left to them.
 * @module
 */

import type pl from "nodejs-polars";
import type { ArticleSimilarity } from "./articles.ts";
import type { PairSource } from "./align.ts";
import { type FigureChecks, type FigureColumns, figureStatus } from "./figures.ts";

/** Term cosine from which two articles are taken for reports of one story. */
export const STORY_COSINE = 0.2;

/** Days apart beyond which two dated articles report different moments. */
export const STORY_DAYS = 2;

/** Names (people, organisations, places) two articles of one story have in common, at least. */
export const SHARED_NAMES = 2;

/** The largest ratio of two values reported as one quantity that differs. */
export const MAX_RATIO = 2;

/** Kinds compared by measure (dates, times, scores and ordinals are not quantities of a story). */
const MEASURED_KINDS = new Set(["money", "percent", "quantity", "count"]);

const DAY_MS = 86_400_000;

/** Entity types whose names tell a story's articles apart (not groups such as "Democrats"). */
const NAME_TYPES = new Set(["PERSON", "ORG", "GPE", "LOC", "FAC"]);

/**
 * The checks of figures compared by measure between articles of one story (see the module
 * notes), with `basis` "measure"; `done` holds the article pairs and keys compared through
 * aligned sentences (see {@link addAlignedKeys}).
 */
export function figureMeasureChecks(
  source: PairSource,
  similarity: ArticleSimilarity,
  figures: FigureColumns,
  done: ReadonlySet<string> = new Set(),
  entities?: pl.DataFrame,
): FigureChecks {
  const out: FigureChecks = {
    sentenceA: [],
    sentenceB: [],
    figureA: [],
    figureB: [],
    status: [],
    basis: [],
  };
  if (!figures.measure) return out;
  const f = source.features;
  const keyed = keyedFigures(figures, new Map(f.articleIds.map((id, i) => [id, i])));
  if (keyed.size === 0) return out;
  // Names only of the articles with a measured figure (a fraction of a large corpus).
  const names = entities &&
    namesByArticle(entities, new Set([...keyed.keys()].map((k) => f.articleIds[k])));
  const time = f.published.map((p) => (p ? Date.parse(p) : NaN));
  for (let r = 0; r < similarity.articleA.length; r++) {
    const a = similarity.articleA[r], b = similarity.articleB[r];
    if (a > b || similarity.cosine[r] < STORY_COSINE) continue;
    if (Math.abs(time[a] - time[b]) > STORY_DAYS * DAY_MS) continue; // NaN (undated) passes
    const byKeyA = keyed.get(a), byKeyB = keyed.get(b);
    if (!byKeyA || !byKeyB) continue;
    if (names && !shareName(names.get(f.articleIds[a]), names.get(f.articleIds[b]))) continue;
    for (const [key, rowsA] of byKeyA) {
      const rowsB = byKeyB.get(key);
      if (!rowsB || done.has(`${f.articleIds[a]}\t${f.articleIds[b]}\t${key}`)) continue;
      const pair = bestPair(figures, rowsA, rowsB);
      if (!pair) continue;
      const [i, j, status] = pair;
      out.sentenceA.push(figures.sentenceId[i]);
      out.sentenceB.push(figures.sentenceId[j]);
      out.figureA.push(i);
      out.figureB.push(j);
      out.status.push(status);
      out.basis!.push("measure");
    }
  }
  return out;
}

/** What makes two figures one quantity here: kind, measure, period and rate (not the unit). */
function keyOf(figures: FigureColumns, i: number): string | null {
  const measure = figures.measure?.[i];
  if (!measure || !MEASURED_KINDS.has(figures.kind[i]) || figures.value[i] === null) return null;
  return [figures.kind[i], measure, figures.period?.[i] ?? "", figures.per?.[i] ?? ""].join("\t");
}

/** Per article (index), the rows of its measured figures by key. */
function keyedFigures(
  figures: FigureColumns,
  articleIndex: Map<string, number>,
): Map<number, Map<string, number[]>> {
  const out = new Map<number, Map<string, number[]>>();
  for (let i = 0; i < figures.kind.length; i++) {
    const key = keyOf(figures, i);
    const article = articleIndex.get(figures.articleId[i]);
    if (key === null || article === undefined) continue;
    let byKey = out.get(article);
    if (!byKey) out.set(article, byKey = new Map());
    const rows = byKey.get(key);
    if (rows) rows.push(i);
    else byKey.set(key, [i]);
  }
  return out;
}

/**
 * Adds to `done` the article pairs (by id, both orders) and keys that `aligned` compared
 * through aligned sentences, so that {@link figureMeasureChecks} leaves them alone.
 */
export function addAlignedKeys(done: Set<string>, aligned: FigureChecks, figures: FigureColumns) {
  for (let k = 0; k < aligned.figureA.length; k++) {
    const i = aligned.figureA[k], j = aligned.figureB[k];
    const key = keyOf(figures, i);
    if (key === null) continue;
    done.add(`${figures.articleId[i]}\t${figures.articleId[j]}\t${key}`);
    done.add(`${figures.articleId[j]}\t${figures.articleId[i]}\t${key}`);
  }
  return done;
}

/**
 * The pair of figures a row reports: the first agreeing pair (same, then rounded) in text
 * order, else the two closest values (by ratio), as a disagreement; null when every pair is in
 * two units (a conversion, not a disagreement).
 */
function bestPair(
  figures: FigureColumns,
  rowsA: number[],
  rowsB: number[],
): [number, number, FigureChecks["status"][number]] | null {
  let best: [number, number, FigureChecks["status"][number]] | null = null;
  let bestDistance = Infinity;
  for (const status of ["same", "rounded"] as const) {
    for (const i of rowsA) {
      for (const j of rowsB) {
        if (figureStatus(figures, i, j) === status) return [i, j, status];
      }
    }
  }
  for (const i of rowsA) {
    for (const j of rowsB) {
      if (figureStatus(figures, i, j) !== "different_value") continue;
      const x = Math.abs(figures.value[i]!), y = Math.abs(figures.value[j]!);
      if (Math.max(x, y) > MAX_RATIO * Math.min(x, y)) continue;
      const distance = Math.abs(Math.log(x + 1e-9) - Math.log(y + 1e-9));
      if (distance < bestDistance) [best, bestDistance] = [[i, j, "different_value"], distance];
    }
  }
  return best;
}

/** Whether two articles' sets of names have {@link SHARED_NAMES} in common. */
function shareName(a?: ReadonlySet<string>, b?: ReadonlySet<string>): boolean {
  if (!a || !b) return false;
  let shared = 0;
  for (const name of a) if (b.has(name) && ++shared >= SHARED_NAMES) return true;
  return false;
}

/**
 * The people, organisations and places each article names (entity keys by article id), from an
 * `entities` frame with columns article_id, entity and type; only of `only`'s articles if given.
 */
export function namesByArticle(
  entities: pl.DataFrame,
  only?: ReadonlySet<string>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!["article_id", "entity", "type"].every((c) => entities.columns.includes(c))) return out;
  const ids = entities.getColumn("article_id").toArray() as string[];
  const keys = entities.getColumn("entity").toArray() as string[];
  const types = entities.getColumn("type").toArray() as string[];
  for (let i = 0; i < ids.length; i++) {
    if (!NAME_TYPES.has(types[i]) || (only && !only.has(ids[i]))) continue;
    let set = out.get(ids[i]);
    if (!set) out.set(ids[i], set = new Set());
    set.add(keys[i]);
  }
  return out;
}
