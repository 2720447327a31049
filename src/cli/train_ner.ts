/**
 * Trains the entity recogniser on `<data>/train.jsonl`, chooses the epoch on `<data>/dev.jsonl`
 * and writes `data/models/ner/ner.bin.gz`.
 *
 *   deno task train:ner [--data DIR] [--epochs N] [--bits B] [--out FILE]
 *
 * `--data` defaults to `../shared/ner` beside the repository.
 * @module
 */

import { scriptError, scriptFlags } from "./args.ts";
import {
  DEFAULT_NER_DATA,
  goldTags,
  type NerDocument,
  readSplits,
  sourcesMarkingNorp,
  toDocument,
} from "../extract/ner/data.ts";
import { predictDocument, prf, score, sum } from "../extract/ner/evaluate.ts";
import { encodeModel, NER_TYPES } from "../extract/ner/model.ts";
import { scoreWords } from "../extract/ner/mod.ts";
import { fitLogistic, seededRandom, trainModel, type TrainSentence } from "../extract/ner/train.ts";

const REPO = new URL("../../", import.meta.url);

const USAGE = `usage: deno task train:ner [--data DIR] [--epochs N] [--bits B] [--seed N]
                          [--augment F] [--skip SOURCES] [--out FILE]
  --data DIR       the annotated data (default: shared/ner beside the repository)
  --epochs N       passes over the training split (default 12; the best on dev is kept)
  --bits B         log2 of the feature table size, 10..22 (default 18)
  --seed N         shuffling seed (default 1)
  --augment F      share of training sentences put in capitals or headline case, [0, 1) (default 0.04)
  --skip SOURCES   comma list of sources left out (default wnut17)
  --out FILE       where the model goes (default data/models/ner/ner.bin.gz)`;

const usage: (message: string) => never = (message) => scriptError("train:ner", message);

const args = scriptFlags(USAGE, Deno.args, {
  data: { type: "string", default: DEFAULT_NER_DATA },
  epochs: { type: "string", default: "12" },
  bits: { type: "string", default: "18" },
  seed: { type: "string", default: "1" },
  augment: { type: "string", default: "0.04" },
  skip: { type: "string", default: "wnut17" },
  out: { type: "string", default: new URL("data/models/ner/ner.bin.gz", REPO).pathname },
}) as Record<string, string>;
const epochs = Number(args.epochs), bits = Number(args.bits), seed = Number(args.seed);
const augment = Number(args.augment);
if (!Number.isInteger(epochs) || epochs < 1) {
  usage(`--epochs must be a positive integer, got ${args.epochs}`);
}
if (!Number.isInteger(bits) || bits < 10 || bits > 22) {
  usage(`--bits must be 10..22, got ${args.bits}`);
}
if (!(augment >= 0 && augment < 1)) usage(`--augment must be in [0, 1), got ${args.augment}`);

const t0 = performance.now();
let train, dev;
try {
  ({ train, dev } = readSplits(args.data));
} catch (e) {
  usage((e as Error).message);
}
const skip = new Set(args.skip.split(",").filter((x) => x !== ""));
train = train.filter((r) => !skip.has(r.source));
const marksNorp = sourcesMarkingNorp(train);
const random = seededRandom(seed);
const sentences: TrainSentence[] = [];
for (const record of train) {
  const doc = toDocument(record);
  for (const words of doc.sentences) {
    const gold = goldTags(words, doc.gold);
    let texts = words.map((w) => w.text);
    let sentenceCase;
    // A few sentences in capitals or headline case, so the model sees such text.
    const roll = random();
    if (roll < augment / 2) {
      texts = texts.map((t) => t.toUpperCase());
      sentenceCase = { allCaps: true };
    } else if (roll < augment) {
      texts = texts.map((t) => (t.length > 3 ? t[0].toUpperCase() + t.slice(1) : t));
      sentenceCase = { headline: true };
    }
    sentences.push({ words: texts, gold, marksNorp: marksNorp.has(record.source), sentenceCase });
  }
}
const devDocs: NerDocument[] = dev.map(toDocument);
console.log(
  `${train.length} training records, ${sentences.length} sentences, ` +
    `${sentences.reduce((n, s) => n + s.words.length, 0)} words; ${devDocs.length} dev records; ` +
    `NORP marked by ${[...marksNorp].sort().join(", ")}`,
);
const result = trainModel(sentences, {
  epochs,
  bucketBits: bits,
  seed,
  patience: 3,
  log: console.log,
  score: (model) =>
    prf(sum(score(devDocs, (d) => predictDocument(model, d), marksNorp).get("all")!)).f1,
});
const model = result.model;
// Confidences: a logistic function of a name's margin, fitted on the dev names (right = exact
// span and type in the gold).
const margins: number[] = [], right: boolean[] = [];
for (const doc of devDocs) {
  const gold = new Set(doc.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
  const norp = marksNorp.has(doc.record.source);
  for (const words of doc.sentences) {
    for (const s of scoreWords(model, words.map((w) => w.text))) {
      const type = NER_TYPES[s.type];
      if (type === "NORP" && !norp) continue;
      margins.push(s.margin);
      right.push(gold.has(`${words[s.first].start}:${words[s.last].end}:${type}`));
    }
  }
}
model.confidence = fitLogistic(margins, right);
const seconds = (performance.now() - t0) / 1000;
model.meta = {
  trainedOn: "shared/ner train.jsonl (see ATTRIBUTION.md)",
  records: train.length,
  sentences: sentences.length,
  epochs: result.bestEpoch,
  devF1ByEpoch: result.scores.map((s) => Math.round(s * 10000) / 10000),
  seed,
  augment,
  skippedSources: [...skip],
  confidence: model.confidence,
  trainingSeconds: Math.round(seconds),
};
const bytes = encodeModel(model);
Deno.writeFileSync(args.out, bytes);
console.log(
  `best epoch ${result.bestEpoch} (dev PER/ORG/LOC F1 ${
    result.scores[result.bestEpoch - 1].toFixed(4)
  }); ` +
    `wrote ${args.out} (${(bytes.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(0)} s`,
);
