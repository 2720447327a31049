/**
 * The whole entity stage (lists, titles, model, rules, name resolution) on an annotated record
 * of the NER data, as character spans of the record's types, so `deno task eval:ner --stage`
 * scores what users get, not only the model. The record's own sentences and words are used (no
 * cleaning), so offsets stay the record's.
 * @module
 */

import type { CleanArticle } from "../../corpus/clean.ts";
import type { Sentence } from "../../text/segment.ts";
import type { CharSpan, NerDocument } from "../ner/data.ts";
import type { NerType } from "../ner/mod.ts";
import { type EntityOptions, extractEntities } from "../entities.ts";

/** The record's type of an entity type (LOC holds places and facilities), else null. */
const RECORD_TYPE: Record<string, NerType | undefined> = {
  PERSON: "PER",
  ORG: "ORG",
  GPE: "LOC",
  LOC: "LOC",
  FAC: "LOC",
  NORP: "NORP",
};

/** The record as one article of body sentences, at the record's own offsets. */
export function articleOfRecord(
  doc: NerDocument,
): { article: CleanArticle; sentences: Sentence[] } {
  const text = doc.record.text;
  const id = doc.record.id;
  const sentences = doc.sentences.filter((words) => words.length).map((words, index) => {
    const start = words[0].start;
    const end = words[words.length - 1].end;
    return {
      id: `${id}:${index}`,
      articleId: id,
      outlet: "eval",
      paragraph: 0,
      position: index,
      index,
      kind: "body" as const,
      text: text.slice(start, end),
      start,
      end,
      nWords: words.length,
    };
  });
  const article: CleanArticle = {
    id,
    outlet: "eval",
    title: null,
    published: null,
    url: null,
    meta: {},
    text,
    paragraphs: [],
    headline: null,
    dateline: null,
    datelinePlace: null,
    agency: null,
    byline: null,
    credit: null,
    structureLines: {},
    removed: [],
    repairs: [],
  };
  return { article, sentences };
}

/** The entity stage's mentions of one record as character spans of the record's types. */
export function entityStageSpans(doc: NerDocument, options: EntityOptions = {}): CharSpan[] {
  const { article, sentences } = articleOfRecord(doc);
  const out: CharSpan[] = [];
  for (const m of extractEntities(article, sentences, options)) {
    const type = RECORD_TYPE[m.type];
    if (type) out.push({ start: m.start, end: m.end, type });
  }
  return out;
}
