/**
 * The hand-checked gold annotations of the seeds (tests/fixtures/gold_seeds.json), placed at
 * offsets in the cleaned text, and precision/recall scoring against an extraction.
 * @module
 */

import gold from "../fixtures/gold_seeds.json" with { type: "json" };
import type { Analysis } from "../../src/pipeline.ts";
import type { Extraction } from "../../src/extract/extract.ts";

/** A gold entity mention at its offsets. */
export interface GoldEntity {
  article: string;
  start: number;
  end: number;
  text: string;
  type: string;
  entity: string;
  metonymy: boolean;
}

/** A gold figure at its offsets. */
export interface GoldFigure {
  article: string;
  start: number;
  end: number;
  text: string;
  kind: string;
  value: number | null;
  unit: string | null;
  per?: string | null;
  change?: string | null;
  approx?: boolean;
  year?: number | null;
}

/** A gold quote at its start offset. */
export interface GoldQuote {
  article: string;
  start: number;
  kind: string;
  speaker: string | null;
}

type GoldArticle = {
  entities: (string | number | boolean)[][];
  figures: { s: number; text: string; [k: string]: unknown }[];
  quotes: { s: number; starts: string; kind: string; speaker: string | null }[];
};

/** Offsets of `surface` in `text` at a word boundary, from `from` on, skipping `taken` spans. */
function locate(text: string, surface: string, from: number, taken: [number, number][]): number {
  for (let at = text.indexOf(surface, from); at >= 0; at = text.indexOf(surface, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + surface.length] ?? " ";
    const boundary = !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
    const free = taken.every(([s, e]) => at + surface.length <= s || at >= e);
    if (boundary && free) return at;
  }
  return -1;
}

/** The gold annotations, placed in the analysis' cleaned text. Throws when one cannot be placed. */
export function placeGold(analysis: Analysis): {
  entities: GoldEntity[];
  figures: GoldFigure[];
  quotes: GoldQuote[];
} {
  const entities: GoldEntity[] = [];
  const figures: GoldFigure[] = [];
  const quotes: GoldQuote[] = [];
  const sentenceOf = (article: string, n: number) => {
    const s = analysis.sentences.find((x) => x.id === `${article}:${n}`);
    if (!s) throw new Error(`gold: no sentence ${article}:${n}`);
    return s;
  };
  for (const [article, g] of Object.entries(gold.articles as Record<string, GoldArticle>)) {
    const text = analysis.articles.find((a) => a.id === article)!.text;
    // Longest surfaces first, so "Li Qiang" is placed before the bare "Li" of the same sentence.
    const bySentence = Map.groupBy(g.entities, (e) => e[0] as number);
    for (const [n, list] of bySentence) {
      const s = sentenceOf(article, n);
      const taken: [number, number][] = [];
      const order = list.map((e, i) => ({ e, i })).sort((a, b) =>
        String(b.e[1]).length - String(a.e[1]).length || a.i - b.i
      );
      const lastOf = new Map<string, number>();
      for (const { e } of order) {
        const surface = String(e[1]);
        const at = locate(text, surface, Math.max(s.start, lastOf.get(surface) ?? 0), taken);
        if (at < 0 || at >= s.end) throw new Error(`gold: "${surface}" not in ${s.id}`);
        taken.push([at, at + surface.length]);
        lastOf.set(surface, at + surface.length);
        entities.push({
          article,
          start: at,
          end: at + surface.length,
          text: surface,
          type: String(e[2]),
          entity: String(e[3]),
          metonymy: e[4] === true,
        });
      }
    }
    const lastFigure = new Map<string, number>();
    for (const f of g.figures) {
      const s = sentenceOf(article, f.s);
      const key = `${f.s}|${f.text}`;
      const at = locate(text, f.text, Math.max(s.start, lastFigure.get(key) ?? 0), []);
      if (at < 0 || at >= s.end) throw new Error(`gold: figure "${f.text}" not in ${s.id}`);
      lastFigure.set(key, at + f.text.length);
      const { s: _s, text: t, ...rest } = f;
      figures.push({ article, start: at, end: at + t.length, text: t, ...rest } as GoldFigure);
    }
    for (const q of g.quotes) {
      const s = sentenceOf(article, q.s);
      const at = text.indexOf(q.starts, s.start);
      if (at < 0 || at >= s.end) throw new Error(`gold: quote "${q.starts}" not in ${s.id}`);
      quotes.push({ article, start: at, kind: q.kind, speaker: q.speaker });
    }
  }
  return { entities, figures, quotes };
}

/** Precision, recall and F1 of one type. */
export interface Score {
  type: string;
  gold: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(type: string, gold: number, found: number, correct: number): Score {
  const precision = found ? correct / found : 1;
  const recall = gold ? correct / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { type, gold, found, correct, precision, recall, f1 };
}

/**
 * Entity scores per type: a found mention is correct when its offsets, type and canonical
 * entity all equal a gold mention's. The gold's MEDIA (written before media became a flag on
 * ORG) is scored as an ORG mention with `media: true`.
 */
export function scoreEntities(gold: GoldEntity[], x: Extraction): Score[] {
  const key = (a: string, s: number, e: number) => `${a}|${s}|${e}`;
  const goldAt = new Map(gold.map((g) => [key(g.article, g.start, g.end), g]));
  const typeOf = (m: Extraction["entities"][number]) => m.media ? "MEDIA" : m.type;
  const types = [...new Set([...gold.map((g) => g.type), ...x.entities.map(typeOf)])].sort();
  return types.map((type) => {
    const found = x.entities.filter((m) => typeOf(m) === type);
    const correct = found.filter((m) => {
      const g = goldAt.get(key(m.articleId, m.start, m.end));
      return g !== undefined && g.type === type && g.entity === m.entity;
    }).length;
    return score(type, gold.filter((g) => g.type === type).length, found.length, correct);
  });
}

/**
 * Figure scores per kind: a found figure is correct when its offsets, kind, value and unit equal
 * a gold figure's (and the year, per and change where the gold states them).
 */
export function scoreFigures(gold: GoldFigure[], x: Extraction): Score[] {
  const kinds = [...new Set([...gold.map((g) => g.kind), ...x.figures.map((f) => f.kind)])].sort();
  return kinds.map((kind) => {
    const found = x.figures.filter((f) => f.kind === kind);
    const correct = found.filter((f) =>
      gold.some((g) =>
        g.article === f.articleId && g.start === f.start && g.end === f.end && g.kind === f.kind &&
        g.value === f.value && g.unit === f.unit &&
        (g.year === undefined || g.year === f.year) && (g.per === undefined || g.per === f.per) &&
        (g.change === undefined || g.change === f.change) &&
        (g.approx === undefined || g.approx === f.approx)
      )
    ).length;
    return score(
      kind,
      gold.filter((g) =>
        g.kind === kind
      ).length,
      found.length,
      correct,
    );
  });
}

/** Quote kinds and speakers against the gold, by the quote's start. */
export function scoreQuotes(gold: GoldQuote[], x: Extraction): {
  found: number;
  kindCorrect: number;
  directSpeakers: number;
  directSpeakerCorrect: number;
  partialSpeakers: number;
  partialSpeakerCorrect: number;
  misses: string[];
} {
  let found = 0;
  let kindCorrect = 0;
  let directSpeakers = 0;
  let directSpeakerCorrect = 0;
  let partialSpeakers = 0;
  let partialSpeakerCorrect = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const q = x.quotes.find((q) => q.articleId === g.article && q.start === g.start);
    if (q) found++;
    if (q?.kind === g.kind) kindCorrect++;
    else misses.push(`${g.article}@${g.start}: kind ${q?.kind} (gold ${g.kind})`);
    if (g.kind === "direct") {
      directSpeakers++;
      if (q?.speaker === g.speaker) directSpeakerCorrect++;
      else misses.push(`${g.article}@${g.start}: speaker ${q?.speaker} (gold ${g.speaker})`);
    }
    if (g.kind === "partial") {
      partialSpeakers++;
      if (q?.speaker === g.speaker) partialSpeakerCorrect++;
      else {misses.push(
          `${g.article}@${g.start}: partial speaker ${q?.speaker} (gold ${g.speaker})`,
        );}
    }
  }
  return {
    found,
    kindCorrect,
    directSpeakers,
    directSpeakerCorrect,
    partialSpeakers,
    partialSpeakerCorrect,
    misses,
  };
}
