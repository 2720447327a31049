/**
 * `deno task bench`: how fast the kit is on real text, against the peers, in one run.
 *
 * Corpus: the State of the Union addresses (outlet = party), 1×, and repeated for scaling.
 * Measured, on the same texts in the same invocation:
 * - term statistics (tokens → per-article terms with tf-idf, per-group counts, keyness for every
 *   group) against scikit-learn's TfidfVectorizer (unigrams; unigrams + bigrams) and natural's TfIdf;
 *   and TfidfVectorizer(1,2) as a whole process (Python's start, imports, reading the JSONL), what
 *   the default command's time is compared with;
 * - the stages of the pipeline in process (load, clean + segment, each frame stage, writing);
 * - the whole `analyze` command as a user runs it (start-up and writing included), per scale, and
 *   at 1× also the default command (every stage; one batch, in memory, below 12 MB) and the
 *   batched run (reuse from the parts of the batches), with their peak memory; at each scale above 1× also on a corpus whose vocabulary grows with
 *   its size (copies perturbed, see bench/sotu.ts), since plain repetition hides the cost of a
 *   growing vocabulary;
 * - news-size articles (default 10,000, about 6.9M words) with every stage, reuse included, in
 *   one piece against the same run without reuse; and the default batched run followed by reuse
 *   from its parts (`reuseFramesFromParts`, bench/reuse_parts.ts), each with its peak memory.
 * Results: a table on stdout and `data/out/bench/bench.json`. Timings are never asserted in tests.
 * @module
 */

// natural is a benchmark peer only: inline, not in the import map, so `deno task install` leaves it out.
// deno-lint-ignore no-import-prefix
import TfIdf from "npm:natural@8.1.1/lib/natural/tfidf/tfidf.js";
import { loadCorpus } from "../src/corpus/load.ts";
import { writeFrames } from "../src/frames/write.ts";
import { analyzeArticles } from "../src/pipeline.ts";
import { extractCorpus } from "../src/extract/extract.ts";
import { stageFrames, STAGES } from "../src/stages.ts";
import { keynessByGroup } from "../src/stats/keyness.ts";
import { groupTermCounts } from "../src/stats/outlet_terms.ts";
import { countTerms, termsFrame } from "../src/stats/terms.ts";
import { listOption, scriptFlags } from "../src/cli/args.ts";
import { taskPermissions } from "../tests/tasks.ts";
import {
  countWords,
  GROW_SHARE,
  newsArticles,
  writeArticlesJsonl,
  writeSotuJsonl,
} from "./sotu.ts";

const OUT = "data/out/bench";
const SKLEARN_WHOLE_LABEL =
  "scikit-learn TfidfVectorizer(1,2), whole process (start, import, read)";
/** The peer as a whole process: what the default command's time is compared with. */
const SKLEARN_WHOLE = `import json, sys
from sklearn.feature_extraction.text import TfidfVectorizer
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
TfidfVectorizer(ngram_range=(1, 2), stop_words="english").fit_transform(texts)`;
const ANALYZE_PERMISSIONS = taskPermissions("analyze");

interface Row {
  stage: string;
  scale: number;
  words: number;
  seconds: number;
  words_per_second: number;
  peak_rss_mb: number | null;
  note?: string;
}

const USAGE = `usage: deno task bench [--scales LIST] [--peers LIST] [--install-peers]
                       [--natural-docs N] [--news N]

  --scales LIST      how many times the SOTU corpus is repeated, per run (default 1,10,50);
                     above 1, also with a growing vocabulary (${
  GROW_SHARE * 100
}% of words per copy)
  --news N           news-size articles for the reuse runs (default 10000; 0 skips them)
  --peers LIST       sklearn, natural or none: the peers measured in the same run
                     (default sklearn,natural)
  --install-peers    apt-get install the scikit-learn peer when missing
  --natural-docs N   documents natural's TfIdf lists terms for, timed and extrapolated to all
                     (default 20; listing all is quadratic)

Writes the tables to the console and data/out/bench/bench.json.`;

const flags = scriptFlags(USAGE, Deno.args, {
  scales: { type: "string", default: "1,10,50" },
  peers: { type: "string", default: "sklearn,natural" },
  "install-peers": { type: "boolean", default: false },
  "natural-docs": { type: "string", default: "20" },
  news: { type: "string", default: "10000" },
});
const scales = flags.scales!.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
const peers = listOption("--peers", flags.peers, ["sklearn", "natural", "none"], [
  "sklearn",
  "natural",
]);
const newsCount = Number(flags.news);
if (!Number.isInteger(newsCount) || newsCount < 0) {
  console.error(`error: --news takes a whole number ≥ 0 (got "${flags.news}")`);
  Deno.exit(2);
}
if (!scales.length) {
  console.error(`error: --scales takes a comma list of whole numbers ≥ 1 (got "${flags.scales}")`);
  Deno.exit(2);
}
await Deno.mkdir(OUT, { recursive: true });

const rows: Row[] = [];
const peerRows: Row[] = [];
const seconds = (t0: number) => (performance.now() - t0) / 1000;
// Deno cannot read /proc/self/status without --allow-all, so in process the RSS after a stage is
// reported; the command's true peak comes from /usr/bin/time.
const rssMb = () => Math.round(Deno.memoryUsage().rss / 2 ** 20);
const add = (
  list: Row[],
  stage: string,
  scale: number,
  words: number,
  s: number,
  rss: number | null,
  note?: string,
) => {
  list.push({
    stage,
    scale,
    words,
    seconds: s,
    words_per_second: Math.round(words / s),
    peak_rss_mb: rss,
    note,
  });
  console.error(`  ${stage} ×${scale}: ${s.toFixed(2)} s${note ? ` (${note})` : ""}`);
};

// 1. The corpus on disk, as a user would give it.
const corpora = new Map<number, string>();
for (const scale of [...new Set([1, ...scales])]) {
  const path = `${OUT}/sotu_x${scale}.jsonl`;
  const n = await writeSotuJsonl(path, scale);
  corpora.set(scale, path);
  console.error(`corpus ×${scale}: ${n} articles → ${path}`);
}
const growing = new Map<number, string>();
for (const scale of scales.filter((x) => x > 1)) {
  const path = `${OUT}/sotu_grow_x${scale}.jsonl`;
  const n = await writeSotuJsonl(path, scale, { growVocabulary: GROW_SHARE });
  growing.set(scale, path);
  console.error(`corpus ×${scale}, growing vocabulary: ${n} articles → ${path}`);
}

// 2. The pipeline in process at 1×, stage by stage.
console.error("stages, in process:");
let t0 = performance.now();
const loaded = await loadCorpus(corpora.get(1)!);
const loadSeconds = seconds(t0);
t0 = performance.now();
const analysis = analyzeArticles(loaded.articles);
const segmentSeconds = seconds(t0);
const words = analysis.tokens.length;
add(rows, "load (JSONL)", 1, words, loadSeconds, null);
add(rows, "clean + sentences + tokens", 1, words, segmentSeconds, rssMb());
const frames: Record<string, import("nodejs-polars").DataFrame> = {};
for (const stage of STAGES) {
  t0 = performance.now();
  Object.assign(frames, stageFrames(stage, analysis, frames));
  add(rows, `frames: ${stage.name}`, 1, words, seconds(t0), rssMb());
}
// Extraction alone, side by side: lists and rules only (`--model none`), then with the entity
// model (fresh sentence objects each, so neither reuses the other's per-sentence word cache).
const extractions = [
  ["extract: rules only (--model none)", null],
  ["extract: with the model", undefined],
] as const;
for (const [stage, model] of extractions) {
  const fresh = { ...analysis, sentences: analysis.sentences.map((s) => ({ ...s })) };
  t0 = performance.now();
  extractCorpus(fresh, { model });
  add(rows, stage, 1, words, seconds(t0), rssMb());
}
t0 = performance.now();
await writeFrames(frames, `${OUT}/inprocess`, ["parquet"]);
add(rows, "write parquet", 1, words, seconds(t0), rssMb());

// 3. Term statistics against the peers, same texts.
console.error("term statistics and peers:");
t0 = performance.now();
const counts = countTerms(analysis, { ngrams: [1] });
termsFrame(counts);
keynessByGroup(groupTermCounts(counts, "outlet"));
add(peerRows, "newsframe terms + tf-idf + keyness, unigrams", 1, words, seconds(t0), null);
t0 = performance.now();
const counts2 = countTerms(analysis, { ngrams: [1, 2] });
termsFrame(counts2);
keynessByGroup(groupTermCounts(counts2, "outlet"));
add(
  peerRows,
  "newsframe terms + tf-idf + keyness, unigrams + bigrams",
  1,
  words,
  seconds(t0),
  null,
);

if (peers.includes("sklearn")) {
  const python = "/usr/bin/python3";
  let ok = await hasSklearn(python);
  if (!ok && flags["install-peers"]) {
    console.error("installing python3-sklearn (apt-get)…");
    await new Deno.Command("apt-get", { args: ["install", "-y", "-qq", "python3-sklearn"] })
      .output();
    ok = await hasSklearn(python);
  }
  if (ok) {
    const { stdout } = await new Deno.Command(python, {
      args: ["bench/peers/sklearn_tfidf.py", corpora.get(1)!],
      stdout: "piped",
    }).output();
    const r = JSON.parse(new TextDecoder().decode(stdout));
    add(peerRows, "scikit-learn TfidfVectorizer, unigrams", 1, words, r.unigrams.seconds, null);
    add(
      peerRows,
      "scikit-learn TfidfVectorizer, unigrams + bigrams",
      1,
      words,
      r.unigrams_bigrams.seconds,
      null,
    );
    // The whole process, as the `analyze` command is timed: Python's start, the imports, reading
    // the JSONL and TfidfVectorizer(1,2), under /usr/bin/time.
    const whole = await timedCommand(python, ["-c", SKLEARN_WHOLE, corpora.get(1)!]);
    if (typeof whole === "string") notRun(SKLEARN_WHOLE_LABEL, 1, whole, peerRows);
    else add(peerRows, SKLEARN_WHOLE_LABEL, 1, words, whole.seconds, whole.rssMb);
  } else {
    console.error(
      "peer skipped: scikit-learn is not installed (apt-get install -y python3-sklearn, or --install-peers)",
    );
  }
}
if (peers.includes("natural")) {
  // natural's TfIdf recomputes idf by rescanning every document for every term, so listing the
  // terms of all documents is quadratic; it is timed on the first documents and extrapolated.
  const docs = Number(flags["natural-docs"]);
  const texts = loaded.articles.map((a) => a.text);
  t0 = performance.now();
  const tfidf = new TfIdf();
  for (const t of texts) tfidf.addDocument(t);
  const addSeconds = seconds(t0);
  t0 = performance.now();
  for (let i = 0; i < docs; i++) tfidf.listTerms(i);
  const perDoc = seconds(t0) / docs;
  add(
    peerRows,
    "natural TfIdf, unigrams",
    1,
    words,
    addSeconds + perDoc * texts.length,
    null,
    `addDocument ${
      addSeconds.toFixed(1)
    } s + listTerms extrapolated from ${docs} of ${texts.length} documents`,
  );
}

// 4. The whole command, as a user runs it, per scale. The pipeline target of issue 8 leaves
// reuse apart. A corpus under 12 MB (1×) runs in one batch, in memory, by default; from 12 MB on
// (10×, 50×) in batches of 250,000 words on a worker per core. At 1× the batched run is also
// measured (two workers and one, with and without reuse), to show what batching costs there.
console.error("analyze command, end to end:");
const PIPELINE = "corpus,extract,measure";
const BATCHED = ["--batch-words", "250000"];
const DEFAULT_LABEL = "analyze (default: every stage; one batch below 12 MB)";
const variants: { label: string; args: string[]; scales: "all" | number[] }[] = [
  { label: `analyze --stages ${PIPELINE}`, args: ["--stages", PIPELINE], scales: "all" },
  {
    label: `analyze --stages ${PIPELINE} --batch-words 250000 (batches, a worker per core)`,
    args: ["--stages", PIPELINE, ...BATCHED],
    scales: [1],
  },
  {
    label: `analyze --stages ${PIPELINE} --batch-words 250000 --workers 1`,
    args: ["--stages", PIPELINE, ...BATCHED, "--workers", "1"],
    scales: [1, 10],
  },
  { label: DEFAULT_LABEL, args: [], scales: [1] },
  {
    label: "analyze, every stage, one batch, --workers 2 (extraction and reuse on a second thread)",
    args: ["--workers", "2"],
    scales: [1],
  },
  {
    label: "analyze, every stage, --batch-words 250000 (reuse from the batches' parts)",
    args: BATCHED,
    scales: [1],
  },
];
/** Runs `deno run ARGS` under /usr/bin/time: its wall time and peak RSS (MB), or the error. */
function timed(args: string[]): Promise<{ seconds: number; rssMb: number } | string> {
  return timedCommand(Deno.execPath(), ["run", ...args]);
}

/** Runs a command under /usr/bin/time: its wall time and peak RSS (MB), or the error. */
async function timedCommand(
  command: string,
  args: string[],
): Promise<{ seconds: number; rssMb: number } | string> {
  const { stderr, code } = await new Deno.Command("/usr/bin/time", {
    args: ["-f", "BENCH %e %M", command, ...args],
    stdout: "null",
    stderr: "piped",
    env: { DOTENV_CONFIG_QUIET: "true", NO_COLOR: "1" },
  }).output();
  const err = new TextDecoder().decode(stderr);
  const m = /BENCH ([\d.]+) (\d+)/.exec(err);
  if (code !== 0 || !m) return `failed:\n${err.slice(-2000)}`;
  return { seconds: Number(m[1]), rssMb: Math.round(Number(m[2]) / 1024) };
}

/** `analyze` on a corpus, as a user runs it. */
const analyzeArgs = (corpus: string, out: string, args: string[]) => [
  ...ANALYZE_PERMISSIONS,
  "src/cli/analyze.ts",
  "--corpus",
  corpus,
  "--out",
  out,
  "--format",
  "parquet",
  ...args,
  "--quiet",
];

for (const scale of [...new Set([1, ...scales])].sort((a, b) => a - b)) {
  for (const variant of variants) {
    if (variant.scales !== "all" && !variant.scales.includes(scale)) continue;
    const out = `${OUT}/analyze_x${scale}`;
    const run = await timed(analyzeArgs(corpora.get(scale)!, out, variant.args));
    if (typeof run === "string") {
      notRun(variant.label, scale, run);
      continue;
    }
    add(rows, variant.label, scale, words * scale, run.seconds, run.rssMb);
    // The frames of a large scale take gigabytes of disk; they are not kept.
    if (scale > 1) await Deno.remove(out, { recursive: true });
  }
  const grown = growing.get(scale);
  if (grown) {
    const label = `${variants[0].label}, growing vocabulary`;
    const out = `${OUT}/analyze_grow_x${scale}`;
    const run = await timed(analyzeArgs(grown, out, variants[0].args));
    if (typeof run === "string") notRun(label, scale, run);
    else add(rows, label, scale, words * scale, run.seconds, run.rssMb);
    await Deno.remove(out, { recursive: true }).catch(() => {});
  }
}

// 5. News-size articles with reuse: in one piece with and without reuse, and in batches with
// reuse from the parts (the batch driver writes the parts; reuse reads them afterwards).
const newsRows: Row[] = [];
if (newsCount > 0) {
  console.error(`news-size articles (${newsCount}), reuse on and off:`);
  const articles = newsArticles(newsCount);
  const newsWords = countWords(articles);
  const corpus = `${OUT}/news_${newsCount}.jsonl`;
  await writeArticlesJsonl(corpus, articles);
  const out = `${OUT}/analyze_news`;
  const runs: [string, string[]][] = [
    ["every stage, reuse included, one piece (--batch-words 0)", ["--batch-words", "0"]],
    [`--stages ${PIPELINE}, no reuse, one piece (--batch-words 0)`, [
      "--stages",
      PIPELINE,
      "--batch-words",
      "0",
    ]],
  ];
  for (const [label, args] of runs) {
    const run = await timed(analyzeArgs(corpus, out, args));
    if (typeof run === "string") notRun(label, newsCount, run, newsRows, newsWords);
    else add(newsRows, label, newsCount, newsWords, run.seconds, run.rssMb);
    await Deno.remove(out, { recursive: true }).catch(() => {});
  }
  // Batched: the default run writes parts (reuse is not run in batches), then reuse from them.
  const label = "default batches, then reuse from the parts (bench/reuse_parts.ts)";
  const batched = await timed(analyzeArgs(corpus, out, []));
  const fromParts = typeof batched === "string" ? batched : await timed([
    "--allow-read",
    "--allow-write=data/out",
    "--allow-ffi",
    "--allow-sys=cpus,osRelease,networkInterfaces,hostname",
    "--allow-env=LOG_TOKENS,LOG_STREAM",
    "bench/reuse_parts.ts",
    "--parts",
    out,
  ]);
  if (typeof batched === "string" || typeof fromParts === "string") {
    notRun(
      label,
      newsCount,
      String(typeof batched === "string" ? batched : fromParts),
      newsRows,
      newsWords,
    );
  } else {
    add(
      newsRows,
      label,
      newsCount,
      newsWords,
      batched.seconds + fromParts.seconds,
      Math.max(batched.rssMb, fromParts.rssMb),
      `analyze ${batched.seconds.toFixed(1)} s, ${batched.rssMb} MB; reuse ${
        fromParts.seconds.toFixed(1)
      } s, ${fromParts.rssMb} MB`,
    );
  }
  await Deno.remove(out, { recursive: true }).catch(() => {});
}

/** A row for a command run that was skipped or failed, and why. */
function notRun(
  stage: string,
  scale: number,
  note: string,
  list: Row[] = rows,
  wordCount = words * scale,
) {
  list.push({
    stage,
    scale,
    words: wordCount,
    seconds: NaN,
    words_per_second: 0,
    peak_rss_mb: null,
    note,
  });
  console.error(`  ${stage} ×${scale}: ${note}`);
}

// 6. Report.
const machine = {
  cpus: navigator.hardwareConcurrency,
  deno: Deno.version.deno,
};
const fmt = (r: Row) =>
  Number.isFinite(r.seconds)
    ? `| ${r.stage} | ×${r.scale} | ${r.words.toLocaleString("en")} | ${r.seconds.toFixed(2)} | ${
      r.words_per_second.toLocaleString("en")
    } | ${r.peak_rss_mb ?? ""} |`
    : `| ${r.stage} | ×${r.scale} | ${r.words.toLocaleString("en")} | ${r.note} | | |`;
const header =
  "| stage | scale | words | seconds | words/s | RSS MB (peak for the command) |\n| --- | --- | --- | --- | --- | --- |";
console.log(`machine: ${machine.cpus} cores, deno ${machine.deno}\n`);
console.log(`${header}\n${rows.map(fmt).join("\n")}\n`);
const ours = peerRows.find((r) =>
  r.stage.endsWith("unigrams + bigrams") && r.stage.startsWith("newsframe")
)!;
console.log(
  "| term statistics | scale | words | seconds | words/s | RSS MB | time ÷ newsframe (uni+bi) |\n" +
    "| --- | --- | --- | --- | --- | --- | --- |\n" +
    peerRows.map((r) => `${fmt(r)} ${(r.seconds / ours.seconds).toFixed(2)} |`).join("\n"),
);
if (newsRows.length) {
  console.log(
    `\n| news-size articles | articles | words | seconds | words/s | peak RSS MB |\n` +
      "| --- | --- | --- | --- | --- | --- |\n" +
      newsRows.map((r) => fmt(r).replace(`| ×${r.scale} |`, `| ${r.scale} |`)).join("\n"),
  );
  const [withReuse, without] = newsRows;
  if (withReuse && without && Number.isFinite(withReuse.seconds + without.seconds)) {
    console.log(
      `reuse costs ${(withReuse.seconds / without.seconds).toFixed(2)}× the time of the run ` +
        `without it, ${withReuse.peak_rss_mb} MB against ${without.peak_rss_mb} MB at peak`,
    );
  }
}
const sklearnWhole = peerRows.find((r) => r.stage === SKLEARN_WHOLE_LABEL && r.seconds > 0);
for (const label of [variants[0].label, DEFAULT_LABEL]) {
  const run = rows.find((r) => r.stage === label && r.scale === 1 && r.words_per_second > 0);
  if (run && sklearnWhole) {
    console.log(
      `\n${label}, ×1: ${run.words_per_second.toLocaleString("en")} words/s, ` +
        `${(run.seconds / sklearnWhole.seconds).toFixed(2)}× the time of ${SKLEARN_WHOLE_LABEL} ` +
        `(${sklearnWhole.seconds.toFixed(2)} s)`,
    );
  }
}
for (const scale of scales.filter((x) => x > 1)) {
  const find = (label: string) =>
    rows.find((r) => r.stage === label && r.scale === scale && r.words_per_second > 0);
  const repeated = find(variants[0].label);
  const grown = find(`${variants[0].label}, growing vocabulary`);
  if (repeated && grown) {
    console.log(
      `growing vocabulary ×${scale}: ${
        (100 * grown.words_per_second / repeated.words_per_second).toFixed(0)
      }% of the repeated corpus's words/s`,
    );
  }
}
const e2e = rows.filter((r) => r.stage === variants[0].label && r.words_per_second > 0);
if (e2e.length > 1) {
  const first = e2e[0].words_per_second;
  console.log(
    `\nlinearity: words/s at ×${e2e.at(-1)!.scale} is ${
      (100 * e2e.at(-1)!.words_per_second / first).toFixed(0)
    }% of ×${e2e[0].scale}`,
  );
}
await Deno.writeTextFile(
  `${OUT}/bench.json`,
  JSON.stringify(
    { machine, date: new Date().toISOString(), stages: rows, terms: peerRows, news: newsRows },
    null,
    2,
  ),
);
console.log(`\nwrote ${OUT}/bench.json`);

async function hasSklearn(python: string): Promise<boolean> {
  try {
    const { code } = await new Deno.Command(python, {
      args: ["-c", "import sklearn"],
      stderr: "null",
    }).output();
    return code === 0;
  } catch {
    return false;
  }
}
