/**
 * Figure consistency: the same quantity reported with different values or units across outlets.
 *
 * "The same quantity" is decided by the text around it, not by the number: two figures of the
 * same kind (money, percent, date…) in two sentences that the alignment pairs as paraphrase or
 * closer, and whose contexts share a content word (the stems of the
 * {@link FIGURE_CONTEXT_WORDS} = 3 words either side, stopwords left out), are reports of the
 * same quantity. The context test keeps apart two figures of one copied sentence that tell of
 * different events: in the seeds, 000:8 and 003:0 share a clause, but "on Tuesday" (one meeting)
 * and "on Monday" (another) are different days, not a disagreement. Within a
 * sentence pair, figures of one kind are first matched when equal (same value and unit, no
 * context needed); the rest are matched in order of appearance when their contexts agree, and
 * get a status. Two figures are only matched as one quantity when they are stated for the same
 * period ("$1.97 a share in the quarter" and "$6.30 a share for the year" are two quantities) and
 * measure the same thing (revenue is not profit; "a share" is not the whole), both unknown
 * counting as the same: a figure with a period or measure its counterpart lacks is left out,
 * since a wrong "differs" is worse than none. The statuses:
 * | status | rule | flagged |
 * | --- | --- | --- |
 * | same | equal value and unit (or, without values, equal text) | no |
 * | rounded | same unit, and the more precise value rounds to the other (3.8 → 4) | no |
 * | different_unit | units differ | yes |
 * | different_value | same unit, values differ beyond rounding | yes |
 * A figure with no figure of its kind in the aligned sentence is left out: that is coverage (a
 * detail one outlet dropped), not inconsistency.
 * @module
 */

import pl from "nodejs-polars";
import { bool, utf8 } from "../../frames/columns.ts";
import {
  type Alignment,
  type PairChunk,
  type PairSource,
  pairSource,
  PARAPHRASE,
} from "./align.ts";
import type { ItemColumns } from "./coverage.ts";
import { ReuseError } from "./errors.ts";

/** Figures as columns: row i is one figure found in sentence `sentenceId[i]`. */
export interface FigureColumns {
  articleId: readonly string[];
  sentenceId: readonly string[];
  kind: readonly string[];
  /** Numeric value, null where the extractor gives none. */
  value: readonly (number | null)[];
  unit: readonly (string | null)[];
  text: readonly string[];
  /**
   * Content stems around each figure (see {@link figureContexts}). Without it, every figure of
   * a kind in an aligned sentence is taken for the same quantity.
   */
  context?: readonly (readonly string[])[];
  /** The period each figure is stated for ("Q3", "year", "year_ago"; null when unsaid). */
  period?: readonly (string | null)[];
  /** What each figure measures ("revenue", "dead"; null when unsaid). */
  measure?: readonly (string | null)[];
  /** What a rate is per ("share", "year"; null for none). */
  per?: readonly (string | null)[];
}

/** Words either side of a figure whose stems make its context. */
export const FIGURE_CONTEXT_WORDS = 3;

/** Statuses of a matched figure pair (see the module notes). */
export type FigureStatus = "same" | "rounded" | "different_unit" | "different_value";

/** Matched figure pairs as columns; index k is one pair. */
export interface FigureChecks {
  sentenceA: string[];
  sentenceB: string[];
  /** Figure rows (into the {@link FigureColumns}) of each side. */
  figureA: number[];
  figureB: number[];
  status: FigureStatus[];
  /**
   * How each pair was found: "aligned" (its sentences are aligned; the default where absent)
   * or "measure" (articles of one story, the same measure: see `figure_measures.ts`).
   */
  basis?: string[];
}

/**
 * Takes figures out of an extraction frame: columns article_id, kind, value, unit, text, and
 * sentence_id, or else start (an offset into the cleaned text, placed in its sentence with
 * `sentences`). With start and end columns and the analysis `tokens`, each figure also gets its
 * context (see {@link figureContexts}).
 */
export function figuresFromFrame(
  frame: pl.DataFrame,
  sentences?: readonly { id: string; articleId: string; start: number; end: number }[],
  tokens?: TokenContext,
): FigureColumns {
  const has = (c: string) => frame.columns.includes(c);
  const missing = ["article_id", "kind", "value", "unit", "text"].filter((c) => !has(c));
  if (missing.length) {
    throw new ReuseError(`figures frame has no column ${missing.map((c) => `"${c}"`).join(", ")}`);
  }
  const col = (name: string): unknown[] => frame.getColumn(name).toArray();
  let sentenceId: string[];
  if (has("sentence_id")) {
    sentenceId = col("sentence_id").map((v) => String(v ?? ""));
  } else if (has("start") && sentences) {
    const byArticle = new Map<string, { id: string; start: number; end: number }[]>();
    for (const s of sentences) {
      const list = byArticle.get(s.articleId);
      if (list) list.push(s);
      else byArticle.set(s.articleId, [s]);
    }
    const articles = col("article_id");
    const starts = col("start");
    sentenceId = articles.map((a, i) => {
      const at = Number(starts[i]);
      const hit = byArticle.get(String(a))?.find((s) => at >= s.start && at < s.end);
      return hit ? hit.id : "";
    });
  } else {
    throw new ReuseError(
      "figures frame needs a sentence_id column, or a start column and the sentences",
    );
  }
  const spans = has("start") && has("end")
    ? { start: col("start").map(Number), end: col("end").map(Number) }
    : undefined;
  const optional = (c: string) =>
    has(c) ? col(c).map((v) => (v == null || v === "" ? null : String(v))) : undefined;
  return {
    articleId: col("article_id").map((v) => String(v ?? "")),
    context: tokens && spans ? figureContexts(sentenceId, spans, tokens) : undefined,
    period: optional("period"),
    measure: optional("measure"),
    per: optional("per"),
    sentenceId,
    kind: col("kind").map((v) => String(v ?? "")),
    value: col("value").map((
      v,
    ) => (v == null || v === "" || Number.isNaN(Number(v)) ? null : Number(v))),
    unit: col("unit").map((v) => (v == null ? null : String(v))),
    text: col("text").map((v) => String(v ?? "")),
  };
}

/** The token columns {@link figureContexts} reads (the foundation's `TokenColumns` is one). */
export interface TokenContext {
  readonly sentenceId: readonly string[];
  readonly stem: readonly string[];
  readonly isStop: ArrayLike<boolean | number>;
  readonly start: ArrayLike<number>;
  readonly end: ArrayLike<number>;
}

/**
 * The content stems of the {@link FIGURE_CONTEXT_WORDS} words before and after each figure
 * within its sentence (the figure's own words left out). Offsets are into the article's text.
 */
export function figureContexts(
  sentenceId: readonly string[],
  spans: { start: readonly number[]; end: readonly number[] },
  tokens: TokenContext,
  words: number = FIGURE_CONTEXT_WORDS,
): string[][] {
  const range = new Map<string, [number, number]>(); // sentence → its tokens [from, to)
  for (let k = 0; k < tokens.sentenceId.length; k++) {
    const r = range.get(tokens.sentenceId[k]);
    if (r) r[1] = k + 1;
    else range.set(tokens.sentenceId[k], [k, k + 1]);
  }
  return sentenceId.map((sid, i) => {
    const r = range.get(sid);
    if (!r) return [];
    const before: number[] = [];
    const after: number[] = [];
    for (let k = r[0]; k < r[1]; k++) {
      if (tokens.end[k] <= spans.start[i]) before.push(k);
      else if (tokens.start[k] >= spans.end[i] && after.length < words) after.push(k);
    }
    return [...before.slice(-words), ...after]
      .filter((k) => !tokens.isStop[k])
      .map((k) => tokens.stem[k]);
  });
}

/**
 * Figures as keyed items for the coverage diff: the key is kind, value and unit ("money
 * 240000000000 USD"), or kind and text where there is no value (dates); the label is the text.
 */
export function figureItems(figures: FigureColumns): ItemColumns {
  return {
    article: figures.articleId,
    item: figures.kind.map((kind, i) =>
      [kind, figures.value[i] ?? normalText(figures.text[i]), figures.unit[i] ?? ""].join(" ")
        .trim()
    ),
    label: figures.text,
  };
}

/** The status of two figures of one kind reported for the same quantity. */
export function compareFigures(
  valueA: number | null,
  unitA: string | null,
  textA: string,
  valueB: number | null,
  unitB: string | null,
  textB: string,
): FigureStatus {
  const ua = normalUnit(unitA);
  const ub = normalUnit(unitB);
  if (ua !== ub) return "different_unit";
  if (valueA === null || valueB === null) {
    return normalText(textA) === normalText(textB) ? "same" : "different_value";
  }
  if (valueA === valueB) return "same";
  const da = decimals(valueA);
  const db = decimals(valueB);
  const [fine, coarse, places] = da > db ? [valueA, valueB, db] : [valueB, valueA, da];
  if (da !== db && roundTo(fine, places) === coarse) return "rounded";
  return "different_value";
}

/** The status of figures `i` and `j` (rows of `figures`) taken for one quantity. */
export function figureStatus(figures: FigureColumns, i: number, j: number): FigureStatus {
  // A score's value is its larger side: "2-1" and "2-0" agree on it, not on the result.
  if (figures.kind[i] === "score" && tallyOf(figures.text[i]) !== tallyOf(figures.text[j])) {
    return "different_value";
  }
  return compareFigures(
    figures.value[i],
    figures.unit[i],
    figures.text[i],
    figures.value[j],
    figures.unit[j],
    figures.text[j],
  );
}

/**
 * Checks every figure reported in aligned sentences (class `loosest` or closer) against its
 * counterpart.
 *
 * @example
 * const checks = figureConsistency(alignment, figuresFromFrame(figures));
 * figureConsistencyFrame(checks, figures).filter(pl.col("flagged"));
 */
export function figureConsistency(
  alignment: Alignment | PairSource,
  figures: FigureColumns,
  loosest: number = PARAPHRASE,
): FigureChecks {
  const all = [...figureConsistencyChunks(alignment, figures, loosest)];
  if (all.length === 1) return all[0];
  const out = emptyChecks();
  for (const key of ["sentenceA", "sentenceB", "figureA", "figureB", "status"] as const) {
    (out[key] as unknown[]) = ([] as unknown[]).concat(...all.map((c) => c[key]));
  }
  return out;
}

const emptyChecks = (): FigureChecks => ({
  sentenceA: [],
  sentenceB: [],
  figureA: [],
  figureB: [],
  status: [],
});

/**
 * {@link figureConsistency} chunk of pairs by chunk (see `PairSource`): the checks of
 * consecutive chunks, one after the other, are the checks of the whole.
 */
export function* figureConsistencyChunks(
  alignment: Alignment | PairSource,
  figures: FigureColumns,
  loosest: number = PARAPHRASE,
): Generator<FigureChecks> {
  const n = figures.kind.length;
  if (
    [figures.articleId, figures.sentenceId, figures.value, figures.unit, figures.text].some((c) =>
      c.length !== n
    )
  ) {
    throw new ReuseError("figure columns differ in length");
  }
  const source = pairSource(alignment);
  const bySentence = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const list = bySentence.get(figures.sentenceId[i]);
    if (list) list.push(i);
    else bySentence.set(figures.sentenceId[i], [i]);
  }
  for (const chunk of source.chunks(false)) {
    yield checkChunk(source.features.sentenceIds, chunk, figures, bySentence, loosest);
  }
}

/** The figure checks of the pairs of one chunk. */
function checkChunk(
  sentenceIds: readonly string[],
  chunk: PairChunk,
  figures: FigureColumns,
  bySentence: Map<string, number[]>,
  loosest: number,
): FigureChecks {
  const out = emptyChecks();
  const status = (i: number, j: number) => figureStatus(figures, i, j);
  for (let k = 0; k < chunk.a.length; k++) {
    if (chunk.reuseClass[k] > loosest) continue;
    const sa = sentenceIds[chunk.a[k]];
    const sb = sentenceIds[chunk.b[k]];
    const figsA = bySentence.get(sa);
    const figsB = bySentence.get(sb);
    if (!figsA || !figsB) continue;
    for (const kind of new Set(figsA.map((i) => figures.kind[i]))) {
      const restA = figsA.filter((i) => figures.kind[i] === kind);
      const restB = figsB.filter((j) => figures.kind[j] === kind);
      // Equal figures pair first, so that one changed figure is not blamed on its neighbours.
      for (let x = 0; x < restA.length; x++) {
        // A figure with a stated period is never compared with one without, equal or not.
        const y = restB.findIndex((j) =>
          samePeriod(figures, restA[x], j) && status(restA[x], j) === "same"
        );
        if (y < 0) continue;
        push(out, sa, sb, restA[x], restB[y], "same");
        restA.splice(x--, 1);
        restB.splice(y, 1);
      }
      // The rest: each figure of a against the first figure of b whose context agrees.
      for (const i of restA) {
        const y = restB.findIndex((j) => sameContext(figures, i, j) && sameTerms(figures, i, j));
        if (y < 0) continue;
        push(out, sa, sb, i, restB[y], status(i, restB[y]));
        restB.splice(y, 1);
      }
    }
  }
  return out;
}

/**
 * Builds `figure_consistency`: sentence_a, sentence_b, kind, text_a, text_b, value_a, value_b,
 * unit_a, unit_b, measure_a, measure_b, basis ("aligned" or "measure"), status, flagged.
 */
export function figureConsistencyFrame(checks: FigureChecks, figures: FigureColumns): pl.DataFrame {
  // Every column but the status is a figure's: gathered natively from the figures as polars
  // columns (made once), so millions of checks cross into polars as row numbers, not strings.
  let lookup = figureSeries.get(figures);
  if (!lookup) {
    lookup = pl.DataFrame([
      utf8("sentence_id", figures.sentenceId as string[]),
      utf8("kind", figures.kind as string[]),
      utf8("text", figures.text as string[]),
      pl.Series("value", figures.value as (number | null)[]).cast(pl.Float64),
      utf8("unit", figures.unit as (string | null)[]),
      utf8("measure", (figures.measure ?? figures.kind.map(() => null)) as (string | null)[]),
    ]);
    figureSeries.set(figures, lookup);
  }
  const a = pl.Series("a", Int32Array.from(checks.figureA));
  const b = pl.Series("b", Int32Array.from(checks.figureB));
  const at = (column: string, rows: pl.Series, name: string) =>
    pl.col(column).gather(rows).alias(name);
  return lookup.select(
    at("sentence_id", a, "sentence_a"),
    at("sentence_id", b, "sentence_b"),
    at("kind", a, "kind"),
    at("text", a, "text_a"),
    at("text", b, "text_b"),
    at("value", a, "value_a"),
    at("value", b, "value_b"),
    at("unit", a, "unit_a"),
    at("unit", b, "unit_b"),
    at("measure", a, "measure_a"),
    at("measure", b, "measure_b"),
  ).withColumns(
    utf8("basis", checks.basis ?? checks.status.map(() => "aligned")),
    utf8("status", checks.status),
    bool("flagged", checks.status.map((s) => s === "different_unit" || s === "different_value")),
  );
}

/** The figures as polars columns, made once per set of figures (see {@link figureConsistencyFrame}). */
const figureSeries = new WeakMap<FigureColumns, pl.DataFrame>();

/** True when the two figures' contexts share a stem, or when there are no contexts to compare. */
function sameContext(figures: FigureColumns, i: number, j: number): boolean {
  if (!figures.context) return true;
  const b = figures.context[j];
  return figures.context[i].some((stem) => b.includes(stem));
}

/**
 * True when two figures are stated for the same period, measure the same thing and are per the
 * same unit (null on both sides is the same); columns that are not given do not count. A
 * figure whose measure is "period" (the "2024" of "$58 billion for 2024") is never matched
 * unless equal.
 */
function sameTerms(figures: FigureColumns, i: number, j: number): boolean {
  // A year or month that states an amount's period is compared through the amount.
  if (figures.measure?.[i] === "period" || figures.measure?.[j] === "period") return false;
  for (const column of [figures.period, figures.measure, figures.per]) {
    if (column && (column[i] ?? null) !== (column[j] ?? null)) return false;
  }
  return true;
}

/** True when two figures are stated for the same period (none on both sides is the same). */
function samePeriod(figures: FigureColumns, i: number, j: number): boolean {
  return !figures.period || (figures.period[i] ?? null) === (figures.period[j] ?? null);
}

function push(out: FigureChecks, sa: string, sb: string, i: number, j: number, s: FigureStatus) {
  out.sentenceA.push(sa);
  out.sentenceB.push(sb);
  out.figureA.push(i);
  out.figureB.push(j);
  out.status.push(s);
}

/** A score's sides, larger first ("1 – 2" and "2-1" are "2-1"): outlets write either order. */
function tallyOf(text: string): string {
  return (text.match(/\d+/g) ?? []).map(Number).sort((a, b) => b - a).join("-");
}

function normalUnit(unit: string | null): string {
  return (unit ?? "").trim().replace(/\s+/gu, " ").toLowerCase();
}

function normalText(text: string): string {
  return text.trim().replace(/\s+/gu, " ").toLowerCase();
}

/** Decimal places of a number as written by JavaScript (3.8 → 1, 240 → 0). */
function decimals(value: number): number {
  const s = String(value);
  const dot = s.indexOf(".");
  return dot < 0 || s.includes("e") ? 0 : s.length - dot - 1;
}

function roundTo(value: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}
