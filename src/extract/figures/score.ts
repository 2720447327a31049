/**
 * Scoring figures against hand-annotated gold (the format of `data/eval/figures/`): found
 * (recall), precision, and among the found whether kind, value, unit, period and measure are
 * right.
 *
 * Gold items name their text, and a longer context they are unique in where the text alone
 * occurs more than once; each is placed in the cleaned text by that text (the kit cleans a
 * document before extracting). Only amounts are gold: money, percentages, quantities, counts
 * and scores; dates, years, durations and ordinals are neither gold nor counted in precision.
 * @module
 */

import { z } from "zod";
import type { Article } from "../../corpus/article.ts";
import { escapeRegExp } from "../../_strings.ts";
import type { Figure } from "../figures.ts";
import { goldArticle, ratio } from "../_gold.ts";

/** The gold's splits, in table order: tune on dev; heldout is only ever reported as numbers. */
export const FIGURE_SPLITS = ["dev", "heldout"] as const;
/** One of {@link FIGURE_SPLITS}. */
export type FigureSplit = typeof FIGURE_SPLITS[number];

/** One gold document: the text as its source gives it, with its licence and split. */
export const FigureDocSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  licence: z.string().min(1),
  genre: z.string().optional(),
  split: z.enum(FIGURE_SPLITS),
  text: z.string().min(1),
});

/** The kinds a gold figure can have: the amounts. */
export const GOLD_KINDS = ["money", "percent", "quantity", "count", "score"] as const;

/** One gold figure. */
export const FigureGoldSchema = z.object({
  doc: z.string().min(1),
  /** The figure as written ("$ 50,000", "three points", "1 – 0"). */
  text: z.string().min(1),
  /** A longer text the figure's text is in, unique in the document (when the text is not). */
  context: z.string().min(1).optional(),
  kind: z.enum(GOLD_KINDS),
  value: z.number(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  measure: z.string().nullable(),
});

export type FigureDoc = z.infer<typeof FigureDocSchema>;
export type FigureGold = z.infer<typeof FigureGoldSchema>;

/** Scores of one split. */
export interface FigureScore {
  split: FigureSplit;
  gold: number;
  /** Gold figures matched by an extracted amount. */
  found: number;
  /** Extracted amounts, and how many match a gold figure. */
  extracted: number;
  matched: number;
  /** Among the found: kind, value, unit, period and measure right (an unsaid one right when empty). */
  kind: number;
  value: number;
  unit: number;
  period: number;
  measure: number;
  /** Gold figures whose text was not found in the cleaned text. */
  unplaced: number;
}

const AMOUNTS: ReadonlySet<string> = new Set(GOLD_KINDS);

/** Whether a figure is an amount, the only figures the gold holds. */
export function isAmount(f: Pick<Figure, "kind">): boolean {
  return AMOUNTS.has(f.kind);
}

/** A text as a pattern whose white space matches any white space, between word boundaries. */
function loosePattern(text: string): RegExp {
  const body = text.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu");
}

/**
 * Where a gold figure sits in the cleaned text: its text inside its context (the first
 * occurrence of the context), else the first occurrence of its text as whole words; null when
 * cleaning lost it.
 */
export function placeFigure(
  cleaned: string,
  item: Pick<FigureGold, "text" | "context">,
): { start: number; end: number } | null {
  let from = 0;
  let to = cleaned.length;
  if (item.context !== undefined) {
    const m = loosePattern(item.context).exec(cleaned);
    if (!m) return null;
    [from, to] = [m.index, m.index + m[0].length];
  }
  const m = loosePattern(item.text).exec(cleaned.slice(from, to));
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : null;
}

/** A unit compared: lower case, one trailing "s" off ("points" and "point"), none as "". */
export function sameUnit(gold: string | null, got: string | null): boolean {
  const norm = (u: string | null) => (u ?? "").trim().toLowerCase().replace(/s$/, "");
  return norm(gold) === norm(got);
}

/** Values compared to four significant places ("one in three" is 33.3333…). */
export function sameValue(gold: number, got: number | null): boolean {
  return got !== null && Math.abs(gold - got) <= 1e-4 * Math.max(1, Math.abs(gold));
}

/** The unused extracted figure that overlaps the gold span most; -1 when none overlaps. */
function bestMatch(
  got: readonly Figure[],
  at: { start: number; end: number },
  used: ReadonlySet<number>,
): number {
  let best = -1;
  let bestOverlap = 0;
  got.forEach((g, i) => {
    const overlap = Math.min(g.end, at.end) - Math.max(g.start, at.start);
    if (!used.has(i) && overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
  });
  return best;
}

function emptyScore(split: FigureSplit): FigureScore {
  return {
    split,
    gold: 0,
    found: 0,
    extracted: 0,
    matched: 0,
    kind: 0,
    value: 0,
    unit: 0,
    period: 0,
    measure: 0,
    unplaced: 0,
  };
}

/** Counts what a found figure has right, with one miss line per wrong field. */
function judge(item: FigureGold, got: Figure, score: FigureScore, misses: string[]): void {
  const where = `${item.doc}: ${JSON.stringify(item.text)}`;
  const check = (field: "kind" | "value" | "unit" | "period" | "measure", ok: boolean) => {
    if (ok) score[field]++;
    else {
      misses.push(
        `${where}: ${field} ${JSON.stringify(got[field])} (gold ${JSON.stringify(item[field])})`,
      );
    }
  };
  check("kind", got.kind === item.kind);
  check("value", sameValue(item.value, got.value));
  check("unit", sameUnit(item.unit, got.unit));
  check("period", (got.period ?? null) === item.period);
  check("measure", (got.measure ?? null) === item.measure);
}

/** Scores one document's gold figures against its extracted amounts, into `score`. */
function scoreDoc(
  cleaned: string,
  gold: readonly FigureGold[],
  got: readonly Figure[],
  score: FigureScore,
  misses: string[],
): void {
  const used = new Set<number>();
  for (const item of gold) {
    score.gold++;
    const at = placeFigure(cleaned, item);
    if (!at) {
      score.unplaced++;
      misses.push(`${item.doc}: gold text not in the cleaned text: ${item.text}`);
      continue;
    }
    const k = bestMatch(got, at, used);
    if (k < 0) {
      misses.push(`${item.doc}: missed ${item.kind}: ${JSON.stringify(item.text)}`);
      continue;
    }
    used.add(k);
    score.found++;
    judge(item, got[k], score, misses);
  }
  score.extracted += got.length;
  score.matched += used.size;
  got.forEach((g, i) => {
    if (!used.has(i)) misses.push(`${gold[0]?.doc}: extra ${g.kind}: ${JSON.stringify(g.text)}`);
  });
}

/** What the scorer reads of one article's extraction. */
export interface ExtractedFigures {
  cleaned: string;
  figures: readonly Figure[];
}

/**
 * Runs `run` (the kit's clean → segment → extract, given by the caller: the pipeline is a layer
 * above this one) on every gold document and scores its gold figures, by split. Misses are
 * listed per split (`misses.dev`, `misses.heldout`).
 */
export function scoreFigures(
  docs: readonly FigureDoc[],
  items: readonly FigureGold[],
  run: (article: Article) => ExtractedFigures,
): { scores: FigureScore[]; misses: Record<FigureSplit, string[]> } {
  const scores = new Map<FigureSplit, FigureScore>();
  const misses: Record<FigureSplit, string[]> = { dev: [], heldout: [] };
  for (const doc of docs) {
    const mine = items.filter((i) => i.doc === doc.id);
    const x = run(articleOf(doc));
    if (!scores.has(doc.split)) scores.set(doc.split, emptyScore(doc.split));
    const amounts = x.figures.filter(isAmount);
    scoreDoc(x.cleaned, mine, amounts, scores.get(doc.split)!, misses[doc.split]);
  }
  return { scores: FIGURE_SPLITS.filter((s) => scores.has(s)).map((s) => scores.get(s)!), misses };
}

const articleOf = (doc: FigureDoc): Article => goldArticle(doc, "figures_gold");

/** The scores as a Markdown table: kind to measure right as fractions of the found. */
export function figureScoreTable(scores: readonly FigureScore[]): string {
  const head =
    "| split | gold | found (recall) | precision | kind right | value right | unit right | period right | measure right |\n" +
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
  const of = (n: number, s: FigureScore) => `${n} (${ratio(n, s.found)})`;
  const rows = scores.map((s) =>
    `| ${s.split} | ${s.gold} | ${s.found} (${ratio(s.found, s.gold)}) | ${
      ratio(s.matched, s.extracted)
    } | ${of(s.kind, s)} | ${of(s.value, s)} | ${of(s.unit, s)} | ${of(s.period, s)} | ${
      of(s.measure, s)
    } |`
  );
  return [head, ...rows].join("\n");
}
