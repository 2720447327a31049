/**
 * Training the entity recogniser: a structured averaged perceptron (Collins 2002) over BILOU
 * tags with hashed features. Sentences are visited in an order shuffled with a fixed seed, so a
 * run is reproducible; the averaged weights of the epoch that scores best on held-out text are
 * kept.
 * @module
 */

import { MAX_FEATURES, type SentenceCase, sentenceFeatures } from "./_features.ts";
import {
  emissionScores,
  emptyModel,
  maskForbidden,
  N_TAGS,
  NER_TYPES,
  type NerModel,
  partOfTag,
  Scratch,
  typeOfTag,
  viterbi,
} from "./model.ts";

/** One training sentence. */
export interface TrainSentence {
  words: readonly string[];
  /** Gold BILOU tags, one per word. */
  gold: Uint8Array;
  /** False when the sentence's source does not mark NORP: a predicted NORP over gold O is not an error. */
  marksNorp: boolean;
  sentenceCase?: SentenceCase;
}

/** Options of {@link trainModel}. */
export interface TrainOptions {
  /** Most epochs (passes over the data). */
  epochs: number;
  /** log2 of the number of hashed feature buckets. */
  bucketBits: number;
  /** Seed of the shuffle. */
  seed?: number;
  /** Scores the averaged model after each epoch (higher is better); the best epoch is kept. */
  score?: (model: NerModel, epoch: number) => number;
  /** Stop after this many epochs without a better score. */
  patience?: number;
  /** Progress messages. */
  log?: (message: string) => void;
}

/** The trained model and how each epoch scored. */
export interface TrainResult {
  model: NerModel;
  bestEpoch: number;
  scores: number[];
}

/** A small seeded generator (mulberry32): the same seed gives the same shuffle everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NORP = NER_TYPES.indexOf("NORP");

/**
 * Where the sentence's source does not mark NORP, a predicted NORP name over words the gold
 * leaves O is taken as right: copy those predicted spans into the gold.
 */
function acceptUnmarkedNorp(gold: Uint8Array, predicted: Uint8Array, n: number): Uint8Array {
  let target = gold;
  for (let i = 0; i < n; i++) {
    if (typeOfTag(predicted[i]) !== NORP) continue;
    let j = i;
    while (j < n - 1 && partOfTag(predicted[j]) !== 3 && partOfTag(predicted[j]) !== 4) j++;
    let free = true;
    for (let k = i; k <= j; k++) if (gold[k] !== 0) free = false;
    if (free) {
      if (target === gold) target = gold.slice(0, n);
      for (let k = i; k <= j; k++) target[k] = predicted[k];
    }
    i = j;
  }
  return target;
}

/** Trains a model on `sentences` (see {@link TrainOptions}). */
export function trainModel(
  sentences: readonly TrainSentence[],
  options: TrainOptions,
): TrainResult {
  const { epochs, bucketBits } = options;
  const log = options.log ?? (() => {});
  const probe = emptyModel(bucketBits);
  const run: Run = {
    sentences,
    features: allFeatures(sentences, probe.words, (1 << bucketBits) - 1),
    order: Array.from(sentences.keys()),
    random: seededRandom(options.seed ?? 1),
    state: newPerceptron(probe.weights.length),
    scratch: new Scratch(),
    c: 1,
  };
  let best: NerModel | undefined;
  let bestScore = -Infinity, bestEpoch = 0, sinceBest = 0;
  const epochScores: number[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = performance.now();
    const { wrong, total } = trainEpoch(run);
    const model = averagedModel(run.state, bucketBits, probe.words, run.c);
    const score = options.score ? options.score(model, epoch) : epoch;
    epochScores.push(score);
    log(
      `epoch ${epoch}: ${(100 * wrong / Math.max(1, total)).toFixed(2)}% training words wrong, ` +
        `held-out score ${score.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    if (score > bestScore) {
      bestScore = score;
      bestEpoch = epoch;
      best = model;
      sinceBest = 0;
    } else if (++sinceBest >= (options.patience ?? Infinity)) break;
  }
  return { model: best!, bestEpoch, scores: epochScores };
}

/** What a training run carries from epoch to epoch. */
interface Run {
  sentences: readonly TrainSentence[];
  /** Features of every sentence, computed once. */
  features: Int32Array[];
  /** The visiting order, reshuffled each epoch. */
  order: number[];
  random: () => number;
  state: Perceptron;
  scratch: Scratch;
  /** The perceptron's clock: one tick per sentence visited. */
  c: number;
}

/** The weights at zero (forbidden transitions -Infinity), for `size` feature weights. */
function newPerceptron(size: number): Perceptron {
  const state: Perceptron = {
    w: new Float64Array(size),
    u: new Float64Array(size),
    tw: new Float64Array(N_TAGS * N_TAGS),
    tu: new Float64Array(N_TAGS * N_TAGS),
    sw: new Float64Array(N_TAGS),
    su: new Float64Array(N_TAGS),
    ew: new Float64Array(N_TAGS),
    eu: new Float64Array(N_TAGS),
  };
  maskForbidden(state.tw, state.sw, state.ew);
  return state;
}

/** The features of each sentence (filling the word table `words`). */
function allFeatures(
  sentences: readonly TrainSentence[],
  words: NerModel["words"],
  mask: number,
): Int32Array[] {
  return sentences.map((s) =>
    sentenceFeatures(
      words,
      s.words,
      mask,
      new Int32Array(s.words.length * MAX_FEATURES),
      s.sentenceCase,
    )
  );
}

/**
 * One pass over the sentences in a freshly shuffled order (Fisher-Yates), tagging each with the
 * current weights and updating them where it is wrong; returns words wrong and words seen.
 */
function trainEpoch(run: Run): { wrong: number; total: number } {
  const { sentences, features, order, random, state, scratch } = run;
  const { w, tw, sw, ew } = state;
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  let wrong = 0, total = 0, c = run.c;
  for (const index of order) {
    const s = sentences[index];
    const n = s.words.length;
    if (n === 0) continue;
    scratch.ensure(n);
    const f = features[index];
    emissionScores(w, f, n, scratch.scores);
    const predicted = viterbi(tw, sw, ew, scratch.scores, n, scratch);
    const gold = s.marksNorp ? s.gold : acceptUnmarkedNorp(s.gold, predicted, n);
    let same = true;
    for (let i = 0; i < n; i++) if (predicted[i] !== gold[i]) same = false;
    total += n;
    if (!same) wrong += perceptronUpdate(state, f, gold, predicted, n, c);
    c++;
  }
  run.c = c;
  return { wrong, total };
}

/**
 * The averaged perceptron's weights (w: feature x tag, tw: transitions, sw/ew: start and end)
 * and, for each, the running sums of (time x update) used for averaging: avg = w - u / c.
 */
interface Perceptron {
  w: Float64Array;
  u: Float64Array;
  tw: Float64Array;
  tu: Float64Array;
  sw: Float64Array;
  su: Float64Array;
  ew: Float64Array;
  eu: Float64Array;
}

/** The perceptron update at time `c` for a sentence tagged wrong; returns how many words were. */
function perceptronUpdate(
  state: Perceptron,
  f: Int32Array,
  gold: Uint8Array,
  predicted: Uint8Array,
  n: number,
  c: number,
): number {
  const { w, u, tw, tu, sw, su, ew, eu } = state;
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const g = gold[i], p = predicted[i];
    if (g !== p) {
      wrong++;
      const fb = i * MAX_FEATURES;
      for (let j = 0; j < MAX_FEATURES; j++) {
        const id = f[fb + j];
        if (id < 0) break;
        const base = id * N_TAGS;
        w[base + g] += 1;
        u[base + g] += c;
        w[base + p] -= 1;
        u[base + p] -= c;
      }
    }
    const gp = i > 0 ? gold[i - 1] : -1, pp = i > 0 ? predicted[i - 1] : -1;
    if (g !== p || gp !== pp) {
      if (i === 0) {
        sw[g] += 1, su[g] += c, sw[p] -= 1, su[p] -= c;
      } else {
        tw[gp * N_TAGS + g] += 1, tu[gp * N_TAGS + g] += c;
        tw[pp * N_TAGS + p] -= 1, tu[pp * N_TAGS + p] -= c;
      }
    }
  }
  const g = gold[n - 1], p = predicted[n - 1];
  if (g !== p) ew[g] += 1, eu[g] += c, ew[p] -= 1, eu[p] -= c;
  return wrong;
}

/** The averaged weights at time `c`, as a model (non-finite, forbidden entries keep the empty model's values). */
function averagedModel(
  state: Perceptron,
  bucketBits: number,
  words: NerModel["words"],
  c: number,
): NerModel {
  const { w, u, tw, tu, sw, su, ew, eu } = state;
  const model = emptyModel(bucketBits, {});
  model.words = words;
  for (let k = 0; k < w.length; k++) model.weights[k] = w[k] - u[k] / c;
  for (let k = 0; k < tw.length; k++) {
    if (Number.isFinite(tw[k])) model.transitions[k] = tw[k] - tu[k] / c;
  }
  for (let k = 0; k < N_TAGS; k++) {
    if (Number.isFinite(sw[k])) model.startWeights[k] = sw[k] - su[k] / c;
    if (Number.isFinite(ew[k])) model.endWeights[k] = ew[k] - eu[k] / c;
  }
  return model;
}

/**
 * Fits `p = 1 / (1 + exp(-(a x + b)))` to (x, outcome) pairs by Newton's method on the log
 * loss (Platt scaling). Returns [a, b].
 */
export function fitLogistic(x: readonly number[], y: readonly boolean[]): [number, number] {
  let a = 0, b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (let k = 0; k < x.length; k++) {
      const p = 1 / (1 + Math.exp(-(a * x[k] + b)));
      const e = p - (y[k] ? 1 : 0), v = p * (1 - p);
      ga += e * x[k];
      gb += e;
      haa += v * x[k] * x[k];
      hab += v * x[k];
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return [a, b];
}
