/**
 * Scores the shipped entity recogniser and compromise (npm, pinned) on `<data>/dev.jsonl`:
 * P/R/F1 per type, and PER/ORG/LOC together by source and by genre, side by side. Exact
 * character spans.
 *
 *   deno task eval:ner [--data DIR] [--model FILE] [--no-consistency] [--stage]
 *
 * `--stage` also scores the whole entity stage (lists, titles, model, rules and name
 * resolution, src/extract/entities.ts) with the default lists and with `--gazetteer none`.
 * @module
 */

import { scriptError, scriptFlags } from "./args.ts";
// compromise is the evaluation's peer only: inline, not in the import map, so `deno task install`
// leaves it out.
// deno-lint-ignore no-import-prefix
import nlp from "npm:compromise@14.17.0";
import {
  type CharSpan,
  DEFAULT_NER_DATA,
  type NerDocument,
  readSplits,
  sourcesMarkingNorp,
  toDocument,
} from "../extract/ner/data.ts";
import {
  MAIN_TYPES,
  predictDocument,
  prf,
  score,
  sum,
  type TypeCounts,
} from "../extract/ner/evaluate.ts";
import { loadNerModel, NER_TYPES, NerModelError, type NerType } from "../extract/ner/mod.ts";

const USAGE = `usage: deno task eval:ner [--data DIR] [--model FILE] [--no-consistency]
                         [--no-compromise] [--stage]
  --data DIR         the annotated data (default: shared/ner beside the repository)
  --model FILE       the model to score (default data/models/ner/ner.bin.gz)
  --no-consistency   leave out the document pass
  --no-compromise    do not score compromise beside it
  --stage            also score the whole entity stage (lists, titles, model, rules)`;

const args = scriptFlags(USAGE, Deno.args, {
  data: { type: "string", default: DEFAULT_NER_DATA },
  model: { type: "string" },
  "no-consistency": { type: "boolean", default: false },
  "no-compromise": { type: "boolean", default: false },
  stage: { type: "boolean", default: false },
});

let model;
try {
  model = loadNerModel(args.model);
} catch (e) {
  if (e instanceof NerModelError) scriptError("eval:ner", e.message);
  throw e;
}
let train, dev;
try {
  ({ train, dev } = readSplits(args.data!));
} catch (e) {
  scriptError("eval:ner", (e as Error).message);
}
const marksNorp = sourcesMarkingNorp(train);
const docs: NerDocument[] = dev.map(toDocument);
const words = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.length, 0), 0);

let t0 = performance.now();
const ours = score(docs, (d) => predictDocument(model, d, !args["no-consistency"]), marksNorp);
const oursSeconds = (performance.now() - t0) / 1000;

/** Trailing punctuation and a possessive compromise keeps in its spans (gold spans leave them out). */
const TRAILING = /(?:['’]s|[.,;:!?'"”’)\]]+)$/u;
interface Term {
  text: string;
  offset: { start: number; length: number };
}
function compromiseSpans(doc: NerDocument): CharSpan[] {
  const text = doc.record.text;
  const d = nlp(text);
  const out: CharSpan[] = [];
  const add = (terms: Term[], type: NerType) => {
    for (const t of terms) {
      let start = t.offset.start, end = t.offset.start + t.offset.length;
      let s = text.slice(start, end);
      for (let m = TRAILING.exec(s); m && s.length > m[0].length; m = TRAILING.exec(s)) {
        end -= m[0].length;
        s = text.slice(start, end);
      }
      const lead = /^(?:the|The)\s+/.exec(s);
      if (lead && lead[0].length < s.length) start += lead[0].length;
      out.push({ start, end, type });
    }
  };
  add(d.people().json({ offset: true }) as Term[], "PER");
  add(d.organizations().json({ offset: true }) as Term[], "ORG");
  add(d.places().json({ offset: true }) as Term[], "LOC");
  return out;
}
let theirs: Map<string, TypeCounts> | undefined;
let theirSeconds = 0;
if (!args["no-compromise"]) {
  t0 = performance.now();
  theirs = score(docs, compromiseSpans, marksNorp);
  theirSeconds = (performance.now() - t0) / 1000;
}

const f = (x: number) => x.toFixed(3);
const cells = (c: { tp: number; fp: number; fn: number } | undefined) => {
  if (!c) return "– | – | –";
  const r = prf(c);
  return `${f(r.p)} | ${f(r.r)} | ${f(r.f1)}`;
};
console.log(
  `dev split: ${docs.length} records, ${words.toLocaleString("en")} words; model ${
    args.model ?? "data/models/ner/ner.bin.gz"
  }` +
    `${args["no-consistency"] ? " (no document pass)" : ""}; exact character spans\n`,
);
console.log("| type | gold | newsframe P | R | F1 | compromise 14.17.0 P | R | F1 |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
const all = ours.get("all")!;
for (const type of [...NER_TYPES, "PER+ORG+LOC"] as const) {
  const types = type === "PER+ORG+LOC" ? MAIN_TYPES : [type];
  const c = sum(all, types);
  const them = type === "NORP" ? undefined : theirs && sum(theirs.get("all")!, types);
  console.log(`| ${type} | ${c.tp + c.fn} | ${cells(c)} | ${cells(them)} |`);
}
console.log(
  "\nPER+ORG+LOC by source and genre (NORP is scored only where the source marks it, and not here):\n",
);
console.log("| group | records | gold | newsframe P | R | F1 | compromise P | R | F1 |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
const records = new Map<string, number>();
for (const d of docs) {
  for (
    const key of [
      `source:${d.record.source}`,
      `genre:${d.record.genre.startsWith("re3d") ? "government" : d.record.genre.split(":")[0]}`,
    ]
  ) {
    records.set(key, (records.get(key) ?? 0) + 1);
  }
}
const keys = [...ours.keys()].filter((k) => k !== "all").sort((a, b) =>
  a.startsWith("genre:news") ? -1 : b.startsWith("genre:news") ? 1 : a.localeCompare(b)
);
for (const key of keys) {
  const c = sum(ours.get(key)!);
  console.log(
    `| ${key.replace(":", " ")} | ${records.get(key) ?? 0} | ${c.tp + c.fn} | ${cells(c)} | ${
      cells(theirs && sum(theirs.get(key)!))
    } |`,
  );
}
console.log(
  `\nnewsframe: ${Math.round(words / oursSeconds).toLocaleString("en")} words/s including scoring` +
    (theirs
      ? `; compromise: ${Math.round(words / theirSeconds).toLocaleString("en")} words/s`
      : ""),
);

if (args.stage) {
  const { entityStageSpans } = await import("../extract/entities/stage_eval.ts");
  const { recogniserOf } = await import("../extract/entities.ts");
  const { NO_GAZETTEER } = await import("../extract/gazetteer.ts");
  const recogniser = recogniserOf(model);
  const runs = [
    ["default lists", score(docs, (d) => entityStageSpans(d, { model: recogniser }), marksNorp)],
    [
      "--gazetteer none",
      score(
        docs,
        (d) => entityStageSpans(d, { model: recogniser, gazetteer: NO_GAZETTEER }),
        marksNorp,
      ),
    ],
  ] as const;
  console.log("\nThe whole entity stage, exact character spans (PER / ORG / LOC / PER+ORG+LOC):\n");
  console.log(
    "| run | group | PER P | R | F1 | ORG P | R | F1 | LOC P | R | F1 | all P | R | F1 |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const [label, counts] of runs) {
    for (const key of ["genre:news", "all"]) {
      const c = counts.get(key);
      if (!c) continue;
      const per = (["PER", "ORG", "LOC"] as const).map((t) => cells(sum(c, [t])));
      console.log(`| ${label} | ${key} | ${per.join(" | ")} | ${cells(sum(c))} |`);
    }
  }
}
