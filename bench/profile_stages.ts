/**
 * Where the time of the foundation and extraction stages goes, in process: clean, segment, each
 * corpus frame, and each extractor. One pass per process (the caches of the kit would flatter a
 * second pass), so run it several times to see the noise.
 *
 *   deno run --allow-read --allow-ffi --allow-sys=cpus,osRelease,networkInterfaces,hostname \
 *     --allow-env=LOG_TOKENS,LOG_STREAM [--allow-write=data/out] bench/profile_stages.ts \
 *     [corpus.jsonl] [--write data/out/DIR]
 *
 * With `--write`, every frame built is written there as Parquet (for bench/profile_compare.ts).
 * @module
 */

import type pl from "nodejs-polars";
import { cleanArticle } from "../src/corpus/clean.ts";
import { loadCorpus } from "../src/corpus/load.ts";
import { articlesFrame, withAgencies } from "../src/frames/articles.ts";
import { cleaningFrame } from "../src/frames/cleaning.ts";
import { sentencesFrame, tokensFrame } from "../src/frames/sentences.ts";
import { segmentArticles } from "../src/text/segment.ts";
import type { Sentence } from "../src/text/segment.ts";
import { articleAgencies } from "../src/extract/agencies.ts";
import { extractEntities } from "../src/extract/entities.ts";
import { emptyExtraction } from "../src/extract/extract.ts";
import { extractFigures } from "../src/extract/figures.ts";
import { extractionFrames } from "../src/extract/frames.ts";
import { extractQuotes } from "../src/extract/quotes.ts";

const writeAt = Deno.args.indexOf("--write");
const writeDir = writeAt >= 0 ? Deno.args[writeAt + 1] : undefined;
const path = Deno.args.filter((_, i) => writeAt < 0 || (i !== writeAt && i !== writeAt + 1))[0] ??
  "data/out/bench/sotu_x1.jsonl";
const times = new Map<string, number>();
const time = <T>(name: string, f: () => T): T => {
  const t0 = performance.now();
  const out = f();
  times.set(name, (times.get(name) ?? 0) + performance.now() - t0);
  return out;
};

const { articles } = await loadCorpus(path);
const t0 = performance.now();
const cleaned = time("clean", () => articles.map((a) => cleanArticle(a)));
const seg = time("segment", () => segmentArticles(cleaned));
const segmentTotal = performance.now() - t0;

const t1 = performance.now();
const frames: Record<string, pl.DataFrame> = {};
frames.articles = time("frame articles", () => articlesFrame(cleaned, seg.sentences));
frames.sentences = time("frame sentences", () => sentencesFrame(seg.sentences));
frames.tokens = time("frame tokens", () => tokensFrame(seg.tokens));
frames.cleaning = time("frame cleaning", () => cleaningFrame(cleaned));
const corpusTotal = performance.now() - t1;

// The extraction stage, as extractCorpus and the stage run it, timed extractor by extractor.
const t2 = performance.now();
const byArticle = time("extract: group sentences", () => {
  const m = new Map<string, Sentence[]>();
  for (const s of seg.sentences) {
    let list = m.get(s.articleId);
    if (!list) m.set(s.articleId, list = []);
    list.push(s);
  }
  return m;
});
const x = emptyExtraction();
for (const article of cleaned) {
  const sentences = byArticle.get(article.id) ?? [];
  const entities = time("extract: entities", () => extractEntities(article, sentences));
  const figures = time("extract: figures", () => extractFigures(article.text, sentences, entities));
  const { quotes, attributions } = time(
    "extract: quotes",
    () => extractQuotes(article, sentences, entities),
  );
  time("extract: collect", () => {
    x.entities.push(...entities);
    x.figures.push(...figures);
    x.quotes.push(...quotes);
    x.attributions.push(...attributions);
  });
  x.agencies.push(
    ...time("extract: agencies", () => articleAgencies(article, entities, quotes, attributions)),
  );
}
const xf = time("extract: frames", () => extractionFrames(x));
const withAgency = time("extract: withAgencies", () => withAgencies(frames.articles, xf.agencies));
const extractTotal = performance.now() - t2;
if (writeDir) {
  Deno.mkdirSync(writeDir, { recursive: true });
  for (const [name, df] of Object.entries({ ...frames, ...xf, articles: withAgency })) {
    df.writeParquet(`${writeDir}/${name}.parquet`);
  }
}

const s = (ms: number) => (ms / 1000).toFixed(3).padStart(7);
console.log(`words ${seg.tokens.length}, sentences ${seg.sentences.length}`);
for (const [name, ms] of times) console.log(`  ${name.padEnd(28)} ${s(ms)} s`);
console.log(`clean + sentences + tokens     ${s(segmentTotal)} s`);
console.log(`frames: corpus                 ${s(corpusTotal)} s`);
console.log(`frames: extract                ${s(extractTotal)} s`);
console.log(
  `rows: entities ${x.entities.length}, figures ${x.figures.length}, quotes ${x.quotes.length}, ` +
    `attributions ${x.attributions.length}, agencies ${x.agencies.length}`,
);
