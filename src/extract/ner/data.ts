/**
 * Annotated text for training and evaluating the entity recogniser: JSON Lines records
 * (`{id, source, genre, text, entities: [{start, end, type}]}`, character offsets), split into
 * sentences and extraction tokens the way articles are, with gold BILOU tags.
 * @module
 */

import { z } from "zod";
import { splitSentences } from "../../text/sentences.ts";
import { extractionWords, type Word } from "../words.ts";
import { B, I, L, NER_TYPES, type NerType, tagOf, U } from "./model.ts";

const RecordSchema = z.object({
  id: z.string(),
  source: z.string().min(1),
  genre: z.string().min(1),
  text: z.string(),
  entities: z.array(z.object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    type: z.string().min(1),
  })),
});

/** One annotated document. */
export type NerRecord = z.output<typeof RecordSchema>;

/** A gold or predicted name as character offsets. */
export interface CharSpan {
  start: number;
  end: number;
  type: NerType;
}

/** A document split into sentences of words. */
export interface NerDocument {
  record: NerRecord;
  sentences: Word[][];
  /** Gold names of the types the model tags (MISC left out). */
  gold: CharSpan[];
}

/** The default folder of the annotated data: `shared/ner` beside the repository. */
export const DEFAULT_NER_DATA = new URL("../../../../shared/ner", import.meta.url).pathname;

/**
 * The train and dev splits of a data folder (`train.jsonl`, `dev.jsonl`); a folder that cannot
 * be read throws an Error of one line naming it.
 */
export function readSplits(dir: string): { train: NerRecord[]; dev: NerRecord[] } {
  try {
    return { train: readRecords(`${dir}/train.jsonl`), dev: readRecords(`${dir}/dev.jsonl`) };
  } catch (e) {
    throw new Error(`cannot read ${dir}: ${(e as Error).message.split("\n")[0]}`);
  }
}

/**
 * Reads a JSON Lines file of records. A bad line is reported (file, line, what is wrong) through
 * `warn` and skipped; the good records load.
 */
export function readRecords(
  file: string,
  warn: (message: string) => void = console.warn,
): NerRecord[] {
  const lines = Deno.readTextFileSync(file).split("\n");
  const out: NerRecord[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warn(`${file}:${k + 1}: not JSON`);
      continue;
    }
    const r = RecordSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      warn(`${file}:${k + 1}: ${issue.path.join(".") || "(record)"}: ${issue.message}`);
      continue;
    }
    out.push(r.data);
  }
  return out;
}

/** Sentences of a text as the kit segments a body: paragraphs at line breaks, then sentences. */
export function splitIntoSentences(text: string): Word[][] {
  const out: Word[][] = [];
  const para = /[^\n]+/g;
  for (let m = para.exec(text); m; m = para.exec(text)) {
    for (const span of splitSentences(m[0])) {
      const start = m.index + span.start;
      const words = extractionWords(text.slice(start, m.index + span.end), start);
      if (words.length > 0) out.push(words);
    }
  }
  return out;
}

/** A record as sentences, with its gold names of the tagged types. */
export function toDocument(record: NerRecord): NerDocument {
  const gold: CharSpan[] = [];
  for (const e of record.entities) {
    if ((NER_TYPES as readonly string[]).includes(e.type)) {
      gold.push({ start: e.start, end: e.end, type: e.type as NerType });
    }
  }
  gold.sort((a, b) => a.start - b.start);
  return { record, sentences: splitIntoSentences(record.text), gold };
}

/**
 * Gold BILOU tags of a sentence's words: a name's words are those inside its offsets (a name
 * that splits a word keeps only the words wholly inside).
 */
export function goldTags(words: readonly Word[], gold: readonly CharSpan[]): Uint8Array {
  const tags = new Uint8Array(words.length);
  if (words.length === 0) return tags;
  const from = words[0].start, to = words[words.length - 1].end;
  for (const g of gold) {
    if (g.end <= from || g.start >= to) continue;
    let a = -1, b = -1;
    for (let i = 0; i < words.length; i++) {
      if (words[i].start >= g.start && words[i].end <= g.end) {
        if (a < 0) a = i;
        b = i;
      }
    }
    if (a < 0) continue;
    const type = NER_TYPES.indexOf(g.type);
    if (a === b) tags[a] = tagOf(type, U);
    else {
      tags[a] = tagOf(type, B);
      for (let i = a + 1; i < b; i++) tags[i] = tagOf(type, I);
      tags[b] = tagOf(type, L);
    }
  }
  return tags;
}

/** Sources whose records mark NORP at all (elsewhere an unmarked NORP is no negative). */
export function sourcesMarkingNorp(records: readonly NerRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) if (r.entities.some((e) => e.type === "NORP")) out.add(r.source);
  return out;
}
