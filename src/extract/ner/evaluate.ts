/**
 * Scoring names against gold: precision, recall and F1 of exact character spans, per type and
 * per group of documents (source, genre).
 * @module
 */

import type { CharSpan, NerDocument } from "./data.ts";
import { NER_TYPES, type NerModel, type NerType } from "./model.ts";
import { makeConsistent, tagWords } from "./mod.ts";

/** True positives, false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Counts per type, for one group of documents. */
export type TypeCounts = Record<NerType, Counts>;

/** The types of the headline score. */
export const MAIN_TYPES: readonly NerType[] = ["PER", "ORG", "LOC"];

function zero(): TypeCounts {
  return Object.fromEntries(NER_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as TypeCounts;
}

/** Precision, recall and F1 of counts (0 when undefined). */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The counts of several types added up. */
export function sum(counts: TypeCounts, types: readonly NerType[] = MAIN_TYPES): Counts {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    out.tp += counts[t].tp;
    out.fp += counts[t].fp;
    out.fn += counts[t].fn;
  }
  return out;
}

/** The genre family of a record's genre ("twitter:g" → "twitter", "re3d:CENTCOM" → "government"). */
export function genreGroup(genre: string): string {
  if (genre.startsWith("re3d")) return "government";
  return genre.split(":")[0];
}

/**
 * Scores predictions: counts per group ("all", "source:<s>", "genre:<g>"). NORP is scored only
 * on sources that mark it (`marksNorp`); elsewhere a predicted NORP is neither right nor wrong.
 */
export function score(
  docs: readonly NerDocument[],
  predict: (doc: NerDocument) => CharSpan[],
  marksNorp: ReadonlySet<string>,
): Map<string, TypeCounts> {
  const groups = new Map<string, TypeCounts>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, g = zero());
    return g;
  };
  for (const doc of docs) {
    const norp = marksNorp.has(doc.record.source);
    const targets = [
      group("all"),
      group(`source:${doc.record.source}`),
      group(`genre:${genreGroup(doc.record.genre)}`),
    ];
    const gold = new Map<string, NerType>();
    for (const g of doc.gold) {
      if (norp || g.type !== "NORP") gold.set(`${g.start}:${g.end}`, g.type);
    }
    const predicted = new Map<string, NerType>();
    for (const p of predict(doc)) {
      if (norp || p.type !== "NORP") predicted.set(`${p.start}:${p.end}`, p.type);
    }
    for (const [key, type] of predicted) {
      const right = gold.get(key) === type;
      for (const t of targets) t[type][right ? "tp" : "fp"]++;
    }
    for (const [key, type] of gold) {
      if (predicted.get(key) !== type) { for (const t of targets) t[type].fn++; }
    }
  }
  return groups;
}

/** The model's names in a document as character spans (`consistency`: the document pass). */
export function predictDocument(model: NerModel, doc: NerDocument, consistency = true): CharSpan[] {
  const sentences = doc.sentences.map((s) => s.map((w) => w.text));
  let spans = sentences.map((words) => tagWords(model, words));
  if (consistency) spans = makeConsistent(sentences, spans);
  const out: CharSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const words = doc.sentences[k];
    for (const s of spans[k]) {
      out.push({ start: words[s.first].start, end: words[s.last].end, type: s.type });
    }
  }
  return out;
}
