/**
 * The extractors' evaluations (`eval:ner --stage` and `eval:quotes`) run on another tree's
 * extractor, scored by this tree's scorers: the before-and-after of a change to `src/extract`,
 * on text it was not tuned on.
 *
 *   git archive <commit> | tar -x -C /tmp/other
 *   deno run --allow-read --allow-ffi --allow-sys --allow-env bench/eval_other.ts /tmp/other [--data ../shared/ner]
 *
 * The other tree must have `src/pipeline.ts` (analyzeArticles) and `src/extract/extract.ts`
 * (extractCorpus). Its MEDIA type is scored as ORG; GPE and FAC as LOC.
 * @module
 */

import { parseArgs } from "node:util";
import type { CleanArticle } from "../src/corpus/clean.ts";
import type { Article } from "../src/corpus/article.ts";
import type { Sentence } from "../src/text/segment.ts";
import { type CharSpan, readRecords, toDocument } from "../src/extract/ner/data.ts";
import { prf, score, sum } from "../src/extract/ner/evaluate.ts";
import { articleOfRecord } from "../src/extract/entities/stage_eval.ts";
import {
  GoldDocSchema,
  GoldItemSchema,
  parseJsonLines,
  scoreQuotes,
  scoreTable,
} from "../src/extract/quotes/score.ts";

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: { data: { type: "string", default: "../shared/ner" } },
});
const other = positionals[0];
if (!other) {
  console.error("usage: bench/eval_other.ts OTHER_TREE [--data DIR]");
  Deno.exit(2);
}
const root = new URL(`file://${await Deno.realPath(other)}/`);
const { analyzeArticles } = await import(new URL("src/pipeline.ts", root).href);
const { extractCorpus } = await import(new URL("src/extract/extract.ts", root).href);
const { extractEntities } = await import(new URL("src/extract/entities.ts", root).href);

type Mention = { type: string; start: number; end: number };
const RECORD_TYPE: Record<string, string> = {
  PERSON: "PER",
  ORG: "ORG",
  MEDIA: "ORG",
  GPE: "LOC",
  LOC: "LOC",
  FAC: "LOC",
  NORP: "NORP",
};

const dev = readRecords(`${values.data}/dev.jsonl`);
const docs = dev.map(toDocument);
const marksNorp = new Set<string>(); // NORP not scored here, as in eval:ner --stage
const scores = score(docs, (doc) => {
  const { article, sentences } = articleOfRecord(doc) as {
    article: CleanArticle;
    sentences: Sentence[];
  };
  const out: CharSpan[] = [];
  for (const m of extractEntities(article, sentences) as Mention[]) {
    const type = RECORD_TYPE[m.type];
    if (type) out.push({ start: m.start, end: m.end, type: type as CharSpan["type"] });
  }
  return out;
}, marksNorp);
console.log(`entity stage of ${other} on ${values.data}/dev.jsonl (exact character spans)\n`);
console.log("| group | PER F1 | ORG F1 | LOC F1 | PER+ORG+LOC P | R | F1 |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const key of ["genre:news", "all"]) {
  const c = scores.get(key);
  if (!c) continue;
  const f = (t: "PER" | "ORG" | "LOC") => prf(c[t]).f1.toFixed(3);
  const all = prf(sum(c));
  console.log(
    `| ${key} | ${f("PER")} | ${f("ORG")} | ${f("LOC")} | ${all.p.toFixed(3)} | ${
      all.r.toFixed(3)
    } | ${all.f1.toFixed(3)} |`,
  );
}

const gold = "tests/fixtures/quotes_gold";
const goldDocs = parseJsonLines(await Deno.readTextFile(`${gold}/docs.jsonl`), GoldDocSchema, "");
const items = parseJsonLines(await Deno.readTextFile(`${gold}/quotes.jsonl`), GoldItemSchema, "");
const { scores: quoteScores } = scoreQuotes(goldDocs.rows, items.rows, (article: Article) => {
  const analysis = analyzeArticles([article]);
  const x = extractCorpus(analysis);
  return {
    cleaned: analysis.articles[0]?.text ?? "",
    quotes: x.quotes,
    attributions: x.attributions,
  };
});
console.log(`\nquotes of ${other} on ${gold}\n`);
console.log(scoreTable(quoteScores));
