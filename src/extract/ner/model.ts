/**
 * The entity recogniser's model: a linear-chain model over BILOU tags with hashed feature
 * weights and tag-transition weights, Viterbi decoding, and the binary file format
 * (gzip of a JSON header, int16 weights and float32 transitions).
 * @module
 */

import { gunzipSync, gzipSync } from "node:zlib";
import { withRoom } from "../../_buffers.ts";
import {
  localFeatures,
  MAX_FEATURES,
  type SentenceCase,
  sentenceFeatures,
  WORD_FIELDS,
  WordTable,
} from "./_features.ts";

/** Entity types the model tags. */
export const NER_TYPES = ["PER", "ORG", "LOC", "NORP"] as const;

/** One of {@link NER_TYPES}. */
export type NerType = (typeof NER_TYPES)[number];

/** Number of tags: O, then B, I, L, U of each type. */
export const N_TAGS = 1 + 4 * NER_TYPES.length;

/** Tag parts. */
export const B = 1, I = 2, L = 3, U = 4;

/** The tag of `part` (B, I, L, U) of type index `type`. */
export function tagOf(type: number, part: number): number {
  return 1 + 4 * type + part - 1;
}
/** Type index of a tag (-1 for O). */
export function typeOfTag(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}
/** Part of a tag: B, I, L or U (0 for O). */
export function partOfTag(tag: number): number {
  return tag === 0 ? 0 : ((tag - 1) & 3) + 1;
}

/** Whether tag `b` may follow tag `a` under BILOU (a = -1: sentence start; b = -1: end). */
export function allowed(a: number, b: number): boolean {
  const pa = a < 0 ? -1 : partOfTag(a), pb = b < 0 ? -1 : partOfTag(b);
  const open = pa === B || pa === I;
  if (b < 0) return !open;
  if (open) return (pb === I || pb === L) && typeOfTag(a) === typeOfTag(b);
  return pb !== I && pb !== L;
}

/**
 * The tags that close a name or are outside one (O, and L and U of each type): under BILOU they
 * are the tags that may precede O, B and U, in increasing order; I and L follow only B or I of
 * their type. {@link viterbi} is written out for this (checked here against {@link allowed}).
 */
const CLOSED = [0, 3, 4, 7, 8, 11, 12, 15, 16];
for (let t = 0; t < N_TAGS; t++) {
  const part = partOfTag(t);
  const before: number[] = [];
  for (let s = 0; s < N_TAGS; s++) if (allowed(s, t)) before.push(s);
  const expected = part === I || part === L ? [t - part + B, t - part + I] : CLOSED;
  if (before.join() !== expected.join()) throw new Error(`BILOU predecessors of tag ${t} changed`);
}

/** A loaded model (treat as opaque). */
export interface NerModel {
  /** Format version of the file. */
  version: number;
  /** log2 of the number of hashed feature buckets. */
  bucketBits: number;
  /** Feature weights: bucket b, tag t at `b * N_TAGS + t`. */
  weights: Float32Array;
  /** Transition weights: from a to b at `a * N_TAGS + b` (-Infinity where BILOU forbids). */
  transitions: Float32Array;
  /** Weights of the first tag (forbidden ones -Infinity). */
  startWeights: Float32Array;
  /** Weights of the last tag (forbidden ones -Infinity). */
  endWeights: Float32Array;
  /**
   * Slope and intercept of the logistic function that turns a name's score margin into a
   * confidence (fitted on held-out text at training time: Platt scaling).
   */
  confidence: [number, number];
  /** Where the model came from: data, epochs, scores. */
  meta: Record<string, unknown>;
  /** Word properties cached between calls. */
  words: WordTable;
  /**
   * Scores of each word's own features, cached per word (only on models read from a file: their
   * weights are int16 steps of one scale, so sums of them are exact in any order).
   */
  wordScores?: WordScores;
}

/**
 * The summed weights of each word's own features ({@link localFeatures}), per row of the word
 * table and per case (normal, caseless), computed the first time a word is seen. Exact: a
 * model's weights are float32 roundings of q × scale with |q| < 2^15, so each is an integer
 * multiple of one power of two below 2^39 of them, and any sum of 64 such is exact in a double;
 * starting a position's sums from these gives the very scores of adding feature by feature.
 */
export class WordScores {
  /** 2 × N_TAGS per row: normal case, then caseless. */
  scores = new Float64Array(1024 * 2 * N_TAGS);
  /** Per row and case: 1 once computed. */
  ready = new Uint8Array(1024 * 2);
  #generation = -1;
  #ids = new Int32Array(MAX_FEATURES);

  /** The offset in {@link scores} of the word at row offset `r`, computed if new. */
  offset(model: NerModel, r: number, caseless: boolean): number {
    const table = model.words;
    if (table.generation !== this.#generation) {
      this.ready.fill(0);
      this.#generation = table.generation;
    }
    const k = (r / WORD_FIELDS) * 2 + (caseless ? 1 : 0);
    if (k >= this.ready.length) {
      this.ready = withRoom(this.ready, k + 1);
      this.scores = withRoom(this.scores, this.ready.length * N_TAGS);
    }
    const at = k * N_TAGS;
    if (this.ready[k] === 1) return at;
    const mask = (1 << model.bucketBits) - 1;
    const count = localFeatures(table.rows, r, caseless, mask, this.#ids, 0);
    const { weights } = model;
    for (let t = 0; t < N_TAGS; t++) {
      let sum = 0;
      for (let j = 0; j < count; j++) sum += weights[this.#ids[j] * N_TAGS + t];
      this.scores[at + t] = sum;
    }
    this.ready[k] = 1;
    return at;
  }
}

/** A model with zero weights (the trainer's starting point). */
export function emptyModel(bucketBits: number, meta: Record<string, unknown> = {}): NerModel {
  const transitions = new Float32Array(N_TAGS * N_TAGS);
  const startWeights = new Float32Array(N_TAGS);
  const endWeights = new Float32Array(N_TAGS);
  maskForbidden(transitions, startWeights, endWeights);
  return {
    version: FORMAT_VERSION,
    bucketBits,
    weights: new Float32Array((1 << bucketBits) * N_TAGS),
    transitions,
    startWeights,
    endWeights,
    confidence: [1, 0],
    meta,
    words: new WordTable(),
  };
}

/** Sets the transitions BILOU forbids to -Infinity. */
export function maskForbidden(
  transitions: Float32Array | Float64Array,
  start: Float32Array | Float64Array,
  end: Float32Array | Float64Array,
): void {
  for (let a = 0; a < N_TAGS; a++) {
    if (!allowed(-1, a)) start[a] = -Infinity;
    if (!allowed(a, -1)) end[a] = -Infinity;
    for (let b = 0; b < N_TAGS; b++) if (!allowed(a, b)) transitions[a * N_TAGS + b] = -Infinity;
  }
}

/** Reusable buffers for one sentence (grown when a longer sentence comes). */
export class Scratch {
  features = new Int32Array(64 * MAX_FEATURES);
  scores = new Float32Array(64 * N_TAGS);
  best = new Float32Array(64 * N_TAGS);
  back = new Uint8Array(64 * N_TAGS);
  tags = new Uint8Array(64);
  /** Per position: the word's row offset in the word table, then its offset in WordScores. */
  words = new Int32Array(64);

  /** Room for a sentence of `n` words (the arrays are rewritten for each sentence: not copied). */
  ensure(n: number): void {
    if (n <= this.tags.length) return;
    this.tags = withRoom(this.tags, n, false);
    const size = this.tags.length;
    this.words = withRoom(this.words, size, false);
    this.features = withRoom(this.features, size * MAX_FEATURES, false);
    this.scores = withRoom(this.scores, size * N_TAGS, false);
    this.best = withRoom(this.best, size * N_TAGS, false);
    this.back = withRoom(this.back, size * N_TAGS, false);
  }
}

/**
 * Adds the weights of each position's features into `scores` (n rows of N_TAGS). The hot loop
 * of tagging: the sums are kept in locals (written out, not looped), which runs about twice as
 * fast as adding into the row in memory; a position's 17 sums are made in two passes over its
 * features (tags 0-8, then 9-16), each sum adding the same weights in the same order as one pass
 * would. With `start`, position i's sums start from `start[startAt[i] ..]` instead of 0 (the
 * scores of its word's own features).
 */
export function emissionScores(
  weights: Float32Array | Float64Array,
  features: Int32Array,
  n: number,
  scores: Float32Array,
  start?: Float64Array,
  startAt?: Int32Array,
): void {
  if (N_TAGS !== 17) throw new Error("emissionScores is written out for 17 tags");
  const from = start && startAt ? start : ZERO_SCORES;
  for (let i = 0; i < n; i++) {
    const a = start && startAt ? startAt[i] : 0;
    const fb = i * MAX_FEATURES, row = i * 17;
    emissionsLow(weights, features, fb, scores, row, from, a);
    emissionsHigh(weights, features, fb, scores, row, from, a);
  }
}

/** Sums starting at 0, for positions without cached word scores. */
const ZERO_SCORES = new Float64Array(17);

/** {@link emissionScores} of tags 0-8 at one position (features from `fb`, sums from `a`). */
function emissionsLow(
  weights: Float32Array | Float64Array,
  features: Int32Array,
  fb: number,
  scores: Float32Array,
  row: number,
  start: Float64Array,
  a: number,
): void {
  let s0 = start[a + 0];
  let s1 = start[a + 1];
  let s2 = start[a + 2];
  let s3 = start[a + 3];
  let s4 = start[a + 4];
  let s5 = start[a + 5];
  let s6 = start[a + 6];
  let s7 = start[a + 7];
  let s8 = start[a + 8];
  for (let j = 0; j < MAX_FEATURES; j++) {
    const f = features[fb + j];
    if (f < 0) break;
    const w = f * 17;
    s0 += weights[w + 0];
    s1 += weights[w + 1];
    s2 += weights[w + 2];
    s3 += weights[w + 3];
    s4 += weights[w + 4];
    s5 += weights[w + 5];
    s6 += weights[w + 6];
    s7 += weights[w + 7];
    s8 += weights[w + 8];
  }
  scores[row + 0] = s0;
  scores[row + 1] = s1;
  scores[row + 2] = s2;
  scores[row + 3] = s3;
  scores[row + 4] = s4;
  scores[row + 5] = s5;
  scores[row + 6] = s6;
  scores[row + 7] = s7;
  scores[row + 8] = s8;
}

/** {@link emissionScores} of tags 9-16 at one position (features from `fb`, sums from `a`). */
function emissionsHigh(
  weights: Float32Array | Float64Array,
  features: Int32Array,
  fb: number,
  scores: Float32Array,
  row: number,
  start: Float64Array,
  a: number,
): void {
  let s9 = start[a + 9];
  let s10 = start[a + 10];
  let s11 = start[a + 11];
  let s12 = start[a + 12];
  let s13 = start[a + 13];
  let s14 = start[a + 14];
  let s15 = start[a + 15];
  let s16 = start[a + 16];
  for (let j = 0; j < MAX_FEATURES; j++) {
    const f = features[fb + j];
    if (f < 0) break;
    const w = f * 17;
    s9 += weights[w + 9];
    s10 += weights[w + 10];
    s11 += weights[w + 11];
    s12 += weights[w + 12];
    s13 += weights[w + 13];
    s14 += weights[w + 14];
    s15 += weights[w + 15];
    s16 += weights[w + 16];
  }
  scores[row + 9] = s9;
  scores[row + 10] = s10;
  scores[row + 11] = s11;
  scores[row + 12] = s12;
  scores[row + 13] = s13;
  scores[row + 14] = s14;
  scores[row + 15] = s15;
  scores[row + 16] = s16;
}

/** The best tag sequence under `scores` and the transition weights, into `scratch.tags`. */
export function viterbi(
  transitions: Float32Array | Float64Array,
  startWeights: Float32Array | Float64Array,
  endWeights: Float32Array | Float64Array,
  scores: Float32Array,
  n: number,
  scratch: Scratch,
): Uint8Array {
  if (N_TAGS !== 17) throw new Error("viterbi is written out for 17 tags");
  const { best, back, tags } = scratch;
  if (n === 0) return tags;
  for (let t = 0; t < N_TAGS; t++) best[t] = scores[t] + startWeights[t];
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * 17, row = i * 17;
    for (let t = 0; t < 17; t++) {
      const part = t === 0 ? 0 : ((t - 1) & 3) + 1;
      if (part === I || part === L) {
        fromInside(transitions, best, back, scores, prev, row, t, t - part + B);
      } else fromClosed(transitions, best, back, scores, prev, row, t);
    }
  }
  const last = (n - 1) * N_TAGS;
  let top = -Infinity, arg = 0;
  for (let t = 0; t < N_TAGS; t++) {
    const v = best[last + t] + endWeights[t];
    if (v > top) {
      top = v;
      arg = t;
    }
  }
  tags[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * N_TAGS + tags[i]];
  return tags;
}

/**
 * Viterbi step into an inside or last tag `t` at row `row`: its only predecessors are the
 * begin (`b`) and inside (`b + 1`) tags of its type. Ties go to the first predecessor.
 */
function fromInside(
  transitions: Float32Array | Float64Array,
  best: Float32Array,
  back: Uint8Array,
  scores: Float32Array,
  prev: number,
  row: number,
  t: number,
  b: number,
): void {
  let top = -Infinity, arg = 0;
  let v = best[prev + b] + transitions[b * 17 + t];
  if (v > top) {
    top = v;
    arg = b;
  }
  v = best[prev + b + 1] + transitions[(b + 1) * 17 + t];
  if (v > top) {
    top = v;
    arg = b + 1;
  }
  best[row + t] = top + scores[row + t];
  back[row + t] = arg;
}

/**
 * Viterbi step into O, a begin or a unit tag `t` at row `row`: its predecessors are the
 * closing tags (O, L and U of each type), tried in increasing order so ties go to the first.
 */
function fromClosed(
  transitions: Float32Array | Float64Array,
  best: Float32Array,
  back: Uint8Array,
  scores: Float32Array,
  prev: number,
  row: number,
  t: number,
): void {
  let top = -Infinity, arg = 0;
  for (let k = 0; k < CLOSING.length; k++) {
    const c = CLOSING[k];
    const v = best[prev + c] + transitions[c * 17 + t];
    if (v > top) {
      top = v;
      arg = c;
    }
  }
  best[row + t] = top + scores[row + t];
  back[row + t] = arg;
}

/** The closing tags: O, then L and U of each of the four types. */
const CLOSING = new Uint8Array([0, 3, 4, 7, 8, 11, 12, 15, 16]);

/** Features, scores and best tags of one sentence, in `scratch` (tags in `scratch.tags`). */
export function decodeSentence(
  model: NerModel,
  words: readonly string[],
  scratch: Scratch,
  sentenceCase?: SentenceCase,
): Uint8Array {
  const n = words.length;
  scratch.ensure(n);
  const mask = (1 << model.bucketBits) - 1;
  const cached = model.wordScores;
  if (cached) {
    const caseless = sentenceCase?.allCaps === true || sentenceCase?.headline === true;
    const at = scratch.words;
    sentenceFeatures(model.words, words, mask, scratch.features, sentenceCase, at);
    for (let i = 0; i < n; i++) at[i] = cached.offset(model, at[i], caseless);
    emissionScores(model.weights, scratch.features, n, scratch.scores, cached.scores, at);
  } else {
    sentenceFeatures(model.words, words, mask, scratch.features, sentenceCase);
    emissionScores(model.weights, scratch.features, n, scratch.scores);
  }
  return viterbi(
    model.transitions,
    model.startWeights,
    model.endWeights,
    scratch.scores,
    n,
    scratch,
  );
}

// ---------------------------------------------------------------------------------------------
// File format

const MAGIC = "NFNER";
/** Version of the file format and of the feature templates (a model of another is refused). */
export const FORMAT_VERSION = 3;

/** Thrown when a model file is missing or unreadable; the message is one line. */
export class NerModelError extends Error {
  override name = "NerModelError";
}

/** The model as a gzip file: header line (JSON), int16 weights, float32 transitions. */
export function encodeModel(model: NerModel): Uint8Array {
  let top = 0;
  for (const w of model.weights) if (Math.abs(w) > top) top = Math.abs(w);
  const scale = top > 0 ? top / 32767 : 1;
  const quantised = new Int16Array(model.weights.length);
  for (let k = 0; k < quantised.length; k++) quantised[k] = Math.round(model.weights[k] / scale);
  const dense = new Float32Array(N_TAGS * N_TAGS + 2 * N_TAGS);
  dense.set(model.transitions, 0);
  dense.set(model.startWeights, N_TAGS * N_TAGS);
  dense.set(model.endWeights, N_TAGS * N_TAGS + N_TAGS);
  const header = JSON.stringify({
    format: MAGIC,
    version: model.version,
    types: NER_TYPES,
    tags: N_TAGS,
    bucketBits: model.bucketBits,
    weightScale: scale,
    confidence: model.confidence,
    meta: model.meta,
  }) + "\n";
  const head = new TextEncoder().encode(header);
  const body = new Uint8Array(head.length + quantised.byteLength + dense.byteLength);
  body.set(head, 0);
  body.set(new Uint8Array(quantised.buffer), head.length);
  body.set(new Uint8Array(dense.buffer), head.length + quantised.byteLength);
  return gzipSync(body, { level: 9 });
}

/** Reads a model from the bytes of its file; `file` names it in errors. */
export function decodeModel(bytes: Uint8Array, file: string): NerModel {
  const fail = (what: string): never => {
    throw new NerModelError(`${file}: ${what}`);
  };
  let body: Uint8Array;
  try {
    body = gunzipSync(bytes);
  } catch {
    return fail("not a gzip file (corrupt or truncated model)");
  }
  const newline = body.indexOf(10);
  if (newline < 0 || newline > 1 << 20) fail("no model header");
  const header = checkedHeader(body.subarray(0, newline), fail);
  const bits = header.bucketBits as number;
  const scale = header.weightScale as number;
  const nWeights = (1 << bits) * N_TAGS;
  const nDense = N_TAGS * N_TAGS + 2 * N_TAGS;
  const expected = newline + 1 + nWeights * 2 + nDense * 4;
  if (body.length !== expected) fail(`model is ${body.length} bytes, expected ${expected}`);
  const start = newline + 1;
  // Copies (a Buffer's slice is a view, and may be misaligned for 16- and 32-bit arrays).
  const raw = new Uint8Array(body.subarray(start, start + nWeights * 2));
  const quantised = new Int16Array(raw.buffer, raw.byteOffset, nWeights);
  const weights = new Float32Array(nWeights);
  for (let k = 0; k < nWeights; k++) weights[k] = quantised[k] * scale;
  const denseBytes = new Uint8Array(body.subarray(start + nWeights * 2));
  const dense = new Float32Array(denseBytes.buffer, denseBytes.byteOffset, nDense);
  const platt = header.confidence;
  if (
    !Array.isArray(platt) || platt.length !== 2 || !platt.every((x) => typeof x === "number")
  ) fail("bad confidence (two numbers expected)");
  return {
    version: FORMAT_VERSION,
    bucketBits: bits,
    weights,
    transitions: dense.slice(0, N_TAGS * N_TAGS),
    startWeights: dense.slice(N_TAGS * N_TAGS, N_TAGS * N_TAGS + N_TAGS),
    endWeights: dense.slice(N_TAGS * N_TAGS + N_TAGS),
    confidence: platt as [number, number],
    meta: (header.meta ?? {}) as Record<string, unknown>,
    words: new WordTable(),
    wordScores: new WordScores(),
  };
}

/** The model's header line, parsed and checked (format, version, types, bucketBits, scale). */
function checkedHeader(
  line: Uint8Array,
  fail: (what: string) => never,
): Record<string, unknown> {
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(line));
  } catch {
    return fail("model header is not JSON");
  }
  if (header.format !== MAGIC) {
    fail(`not a newsframe entity model (format ${String(header.format)})`);
  }
  if (header.version !== FORMAT_VERSION) {
    fail(`model format version ${String(header.version)}, this code reads ${FORMAT_VERSION}`);
  }
  if (JSON.stringify(header.types) !== JSON.stringify(NER_TYPES) || header.tags !== N_TAGS) {
    fail(`model types ${JSON.stringify(header.types)} differ from ${NER_TYPES.join(",")}`);
  }
  const bits = header.bucketBits;
  if (typeof bits !== "number" || !Number.isInteger(bits) || bits < 4 || bits > 24) {
    fail(`bad bucketBits ${String(bits)}`);
  }
  const scale = header.weightScale;
  if (typeof scale !== "number" || !(scale > 0)) fail("bad weightScale");
  return header;
}
