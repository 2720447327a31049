/**
 * Reuse for a corpus processed in batches: one corpus-level step reads the parts under an output
 * folder and builds the reuse frames (each batch also writes a small index of its sentences,
 * `reuse_index`, to the run's staging folder, which is read in place of `tokens`).
 *
 * - {@link reuseIndexFrame} (per batch): one row per sentence, its tokens' stems and stopword
 *   flags packed in two strings. It is all the alignment needs of the tokens, at a fraction of
 *   the `tokens` frame (one row per sentence instead of per token, no offsets or surface forms).
 * - {@link reuseFramesFromParts} (per corpus): reads `articles`, `sentences` and `reuse_index`
 *   (part by part, each turned into integer stem ids at once, so no string per token is held;
 *   without `reuse_index`, the `tokens` parts in its place),
 *   and `entities`, `figures`, `quotes` when they were written (with the `tokens` of the
 *   sentences that hold a figure, for the figures' contexts); returns `reuse_pairs`,
 *   `article_similarity`, `article_sources`, `coverage`, `figure_consistency`, `coverage_articles`,
 *   the same frames as the stage run on the whole corpus in memory.
 *
 * - {@link reusePiecesFromParts} (per corpus, what the merge runs): the same frames in pieces,
 *   with the aligned pairs spilled to a scratch folder as they are found.
 *
 * Memory of the corpus-level step: the features (a few typed arrays per token) and the stem
 * vocabulary while aligning, then the counts per article pair; not the analysis of the corpus,
 * and, in pieces, not the pairs (on disk as they are found), nor the sentence texts (on disk,
 * read back by range), nor the sentences' terms and shingles after the alignment.
 * @module
 */

import pl from "nodejs-polars";
import { fileExists as exists, PARTS_PER_COLLECTION } from "../../frames/partitions.ts";
import { int32, utf8 } from "../../frames/columns.ts";
import { ReuseError } from "./errors.ts";
import { Float64Buffer, Int32Buffer } from "./buffers.ts";
import { alignedChunks, alignSentences, DEFAULT_REUSE_OPTIONS } from "./align.ts";
import {
  buildFeaturesFromStems,
  normaliseLine,
  quotedShare,
  type ReuseFeatures,
  type StemInput,
} from "./features.ts";
import { type FigureColumns, figuresFromFrame } from "./figures.ts";
import {
  type AlignedCorpus,
  framesOfAlignment,
  type PieceOptions,
  type ReuseFrameOptions,
  reusePieces,
} from "./frames.ts";
import { CHUNK_PAIRS, PairFiles, TextStore } from "./store.ts";

/** Name of the per-batch frame {@link reuseIndexFrame} builds. */
export const REUSE_INDEX = "reuse_index";

/** Separates the stems of a sentence in `reuse_index.stems` (a control character no token has). */
export const STEM_SEPARATOR = "\u001f";

/** What {@link reuseIndexFrame} reads of an analysis (a batch's `Analysis` is one). */
export interface IndexInput {
  sentences: readonly { id: string; articleId: string }[];
  tokens: {
    readonly sentenceId: readonly string[];
    readonly stem: readonly string[];
    readonly isStop: ArrayLike<boolean | number>;
    readonly length: number;
  };
}

/**
 * The `reuse_index` rows of one batch: article_id, sentence_id, n_tokens, stems (the stems of
 * the sentence's tokens in order, joined by {@link STEM_SEPARATOR}), stops ("1" for a stopword,
 * "0" otherwise, one character per token). Rows in the order of the sentences.
 *
 * @example
 * await writePartition(reuseIndexFrame(batchAnalysis), out, REUSE_INDEX, k, ["parquet"]);
 */
export function reuseIndexFrame(input: IndexInput): pl.DataFrame {
  const { sentences, tokens } = input;
  const index = new Map<string, number>();
  sentences.forEach((s, i) => index.set(s.id, i));
  const stems: string[][] = sentences.map(() => []);
  const stops: string[][] = sentences.map(() => []);
  let last: string | undefined;
  let s = -1;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens.sentenceId[k] !== last) {
      last = tokens.sentenceId[k];
      const found = index.get(last);
      if (found === undefined) {
        throw new ReuseError(`token ${k} belongs to sentence "${last}", which is not loaded`);
      }
      s = found;
    }
    const stem = tokens.stem[k];
    if (stem.includes(STEM_SEPARATOR)) {
      throw new ReuseError(`token ${k} has a stem with the separator U+001F`);
    }
    stems[s].push(stem);
    stops[s].push(tokens.isStop[k] ? "1" : "0");
  }
  return pl.DataFrame([
    utf8("article_id", sentences.map((x) => x.articleId)),
    utf8("sentence_id", sentences.map((x) => x.id)),
    int32("n_tokens", stems.map((x) => x.length)),
    utf8("stems", stems.map((x) => x.join(STEM_SEPARATOR))),
    utf8("stops", stops.map((x) => x.join(""))),
  ]);
}

/**
 * The files of a frame written under `out`, whole (`<name>.parquet`) or in parts
 * (`<name>/batch=NNNNN/part.parquet`, or `<name>/shard=NNNNN/batch=NNNNN/…` from shards, in path
 * order); empty when it was not written.
 */
export function frameFiles(out: string, name: string): string[] {
  const whole = `${out}/${name}.parquet`;
  if (exists(whole)) return [whole];
  if (!exists(`${out}/${name}`)) return [];
  // Hive folders, one level per key: batch=NNNNN, or shard=NNNNN/batch=NNNNN; in path order.
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = [...Deno.readDirSync(dir)].filter((e) => e.isDirectory && e.name.includes("="));
    for (const e of entries.map((e) => e.name).sort()) {
      const sub = `${dir}/${e}`;
      if (exists(`${sub}/part.parquet`)) found.push(`${sub}/part.parquet`);
      walk(sub);
    }
  };
  walk(`${out}/${name}`);
  return found;
}

/** A frame written under `out` (whole or in parts), or undefined when there is none. */
function readWritten(out: string, name: string, columns?: string[]): pl.DataFrame | undefined {
  const files = frameFiles(out, name);
  if (!files.length) return undefined;
  const frames = files.map((f) => readColumns(f, columns));
  return frames.length === 1 ? frames[0] : pl.concat(frames, { how: "vertical" });
}

/**
 * One Parquet file, only `columns` when given (a `tokens` part has a dozen columns and the reuse
 * step needs three: reading the rest cost a third of its reading time), or a one-line error
 * naming the missing ones.
 */
function readColumns(file: string, columns?: string[]): pl.DataFrame {
  if (!columns) return pl.readParquet(file);
  const lazy = pl.scanParquet(file);
  const missing = columns.filter((c) => !lazy.columns.includes(c));
  if (missing.length) {
    throw new ReuseError(`${file}: no column ${missing.map((c) => `"${c}"`).join(", ")}`);
  }
  return lazy.select(...columns).collectSync();
}

const text = (df: pl.DataFrame, name: string): string[] =>
  df.getColumn(name).toArray().map((v: unknown) => (v == null ? "" : String(v)));

/**
 * Builds the reuse frames of a corpus from what its batches wrote under `out` (see the module
 * notes): `articles`, `sentences` and `reuse_index` (or else `tokens`) are required; `entities`, `figures` and
 * `quotes` are used when present (`figures` then needs `tokens`). Every pair and frame is held in
 * memory: {@link reusePiecesFromParts} is the same in bounded memory.
 *
 * @example
 * const frames = reuseFramesFromParts("data/out");
 * await writeFrames(frames, "data/out", ["parquet"]);
 */
export function reuseFramesFromParts(
  out: string,
  options: ReuseFrameOptions & { index?: string } = {},
): Record<string, pl.DataFrame> {
  const corpus = readCorpus(out, options);
  return framesOfAlignment(alignSentences(corpus.features, options.reuse), corpus, options);
}

/** Where {@link reusePiecesFromParts} works, and how big its pieces are. */
export interface PartsPieceOptions extends ReuseFrameOptions, PieceOptions {
  /**
   * A scratch folder for the aligned pairs and the sentence texts (made if missing; the caller
   * removes it once the pieces are made). Without it both are held in memory.
   */
  scratch?: string;
  /**
   * The folder the batches wrote their `reuse_index` parts under, when not `out` (a batched run
   * writes them to its staging folder: see the stage's `sliceIndex`).
   */
  index?: string;
  /** Told each phase as it ends ("features", "figures", "pairs"), for benchmarks. */
  log?: (phase: string) => void;
  /** Pairs per chunk spilled to `scratch` (default `CHUNK_PAIRS` of store.ts). */
  chunkPairs?: number;
  /**
   * Frees what is dead, called every few parts read: each part is a polars frame whose memory is
   * native, which V8 neither counts nor frees until it collects the frame (the merge passes its
   * full garbage collection; on 100,000 news-size articles the dead parts held gigabytes).
   */
  collect?: () => Promise<void>;
}

/**
 * {@link reuseFramesFromParts} in pieces (see `reusePieces` in frames.ts): the aligned pairs go
 * to `scratch` chunk by chunk as they are found, and each frame is made piece by piece from them
 * when its pieces are asked for; the rows of a frame's pieces, one after the other, are the
 * frame {@link reuseFramesFromParts} returns. What is held is the corpus's features (a few typed
 * arrays per token, the sentences' ones only until the pairs are written) and the counts per
 * article pair; not the pairs, not the sentence texts (both in `scratch`), and no frame whole.
 *
 * @example
 * const pieces = reusePiecesFromParts("data/out", { scratch: "data/out/.staging/reuse" });
 * for (const piece of pieces.reuse_pairs) console.log(piece.height);
 */
export async function reusePiecesFromParts(
  out: string,
  options: PartsPieceOptions = {},
): Promise<Record<string, Iterable<pl.DataFrame>>> {
  const steps = corpusFromParts(out, options);
  let corpus: PartsCorpus | undefined;
  for (let read = 1; !corpus; read++) {
    const step = steps.next();
    if (step.done) corpus = step.value;
    else if (options.collect && read % PARTS_PER_COLLECTION === 0) await options.collect();
  }
  await options.collect?.();
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options.reuse };
  const pairs = options.scratch
    ? PairFiles.write(
      options.scratch,
      corpus.features,
      opts,
      alignedChunks(corpus.features, opts, options.chunkPairs ?? CHUNK_PAIRS),
    )
    : alignSentences(corpus.features, opts);
  // Once the pairs are on disk, nothing reads the sentences' terms and shingles again (the
  // frames need ids, articles and the articles' terms): on 100,000 news-size articles they are
  // about a gigabyte, held through every later phase.
  if (options.scratch) releaseSentenceFeatures(corpus.features);
  options.log?.("pairs");
  const pieces = reusePieces(pairs, corpus, options, {
    pieceRows: options.pieceRows ?? CHUNK_PAIRS,
    maxLinks: options.maxLinks,
  });
  // The article cosines are computed by now (`reusePieces` makes the article counts first).
  if (options.scratch) corpus.features.articleTerms = EMPTY_ROWS;
  options.log?.("article counts and coverage");
  return pieces;
}

const EMPTY_ROWS = Object.freeze({
  start: new Int32Array(1),
  ids: new Int32Array(0),
  weights: new Float64Array(0),
});

/**
 * Empties what only the alignment reads of `features` (the sentences' terms and shingles, their
 * frequencies, the quotation shares): what is left is what the frames read.
 */
function releaseSentenceFeatures(features: ReuseFeatures): void {
  const noHashes = { start: new Int32Array(1), hashes: new Int32Array(0) };
  features.sentenceTerms = EMPTY_ROWS;
  features.sentenceDf = new Int32Array(0);
  features.shingles = noHashes;
  features.copyShingles = noHashes;
}

/** A corpus as read back from its parts: what the alignment and the frames need. */
interface PartsCorpus extends AlignedCorpus {
  features: ReuseFeatures;
}

/** A sentence as read from the `sentences` parts. */
interface PartSentence {
  id: string;
  articleId: string;
  start: number;
  end: number;
}

/** Runs {@link corpusFromParts} straight through. */
function readCorpus(out: string, options: ReuseFrameOptions & { index?: string }): PartsCorpus {
  const steps = corpusFromParts(out, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads the parts under `out` into the features and items reuse needs (see the module notes),
 * yielding after each part read: a caller that can wait then frees the dead parts' native
 * memory (see {@link PartsPieceOptions.collect}).
 */
function* corpusFromParts(
  out: string,
  options: ReuseFrameOptions & { log?: (phase: string) => void; scratch?: string; index?: string },
): Generator<void, PartsCorpus> {
  const articleFrame = readWritten(out, "articles", ["article_id", "published"]);
  if (!articleFrame) {
    throw new ReuseError(`${out}: no articles frame (neither articles.parquet nor parts)`);
  }
  const articleIds = text(articleFrame, "article_id");
  const published = articleFrame.getColumn("published").toArray().map((v: unknown) =>
    v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)
  );
  const articles = articleIds.map((id, i) => ({ id, published: published[i] }));
  const articleIndex = new Map<string, number>();
  articleIds.forEach((id, i) => articleIndex.set(id, i));
  const reuse = { ...DEFAULT_REUSE_OPTIONS, ...options.reuse };
  // Sentences part by part, straight into their objects: no frame of every sentence is held.
  // Their texts go to a store (a file in the scratch folder), once what the features need of
  // them is taken: the share in quotation marks and whether a line is on the boilerplate list.
  const sentenceFiles = frameFiles(out, "sentences");
  if (!sentenceFiles.length) {
    throw new ReuseError(`${out}: no sentences frame (neither sentences.parquet nor parts)`);
  }
  if (options.scratch) Deno.mkdirSync(options.scratch, { recursive: true });
  const texts = new TextStore(options.scratch && `${options.scratch}/sentences.txt`);
  const listed = new Set(reuse.boilerplate.map(normaliseLine));
  const quoteShare = new Float64Buffer(1 << 16);
  const onList = new Int32Buffer(1 << 16);
  const sentences: PartSentence[] = [];
  for (const file of sentenceFiles) {
    const part = readColumns(file, ["sentence_id", "article_id", "text", "start", "end"]);
    const ids = text(part, "sentence_id");
    const articleOf = text(part, "article_id");
    const partTexts = text(part, "text");
    const starts = part.getColumn("start").toArray() as number[];
    const ends = part.getColumn("end").toArray() as number[];
    for (let i = 0; i < ids.length; i++) {
      const a = articleIndex.get(articleOf[i]);
      sentences.push({
        id: ids[i],
        // The article's own id string where it is loaded: one string per article, not per sentence.
        articleId: a === undefined ? articleOf[i] : articleIds[a],
        start: Number(starts[i]),
        end: Number(ends[i]),
      });
      quoteShare.push(quotedShare(partTexts[i]));
      onList.push(listed.size > 0 && listed.has(normaliseLine(partTexts[i])) ? 1 : 0);
    }
    texts.append(partTexts);
    yield;
  }
  texts.close();
  options.log?.("sentences");
  const sentenceIds = sentences.map((x) => x.id);
  // The stem ids are not kept: the features are made of them.
  const features = buildFeaturesFromStems(
    {
      articles,
      sentences,
      ...(yield* stemsFromParts(
        out,
        sentenceIds,
        indexFiles(options.index ?? out, out, sentenceFiles),
      )),
      quoteShare: quoteShare.view().slice(),
      listed: Uint8Array.from(onList.view()),
    },
    reuse.shingleSize,
  );
  options.log?.("features");
  // Quote coverage searches article texts: the sentences joined by a space fold to the same
  // words. Read from the store per article when asked for, not held for the whole corpus.
  const nArticles = articleIds.length;
  const firstSentence = new Int32Array(nArticles + 1);
  for (const a of features.sentenceArticle) firstSentence[a + 1]++;
  for (let a = 0; a < nArticles; a++) firstSentence[a + 1] += firstSentence[a];
  const byArticle = new Int32Array(sentences.length);
  const fill = firstSentence.slice(0, nArticles);
  features.sentenceArticle.forEach((a, s) => (byArticle[fill[a]++] = s));
  const textOf = (a: number) => {
    const from = firstSentence[a];
    const to = firstSentence[a + 1];
    if (from === to) return "";
    // An article's sentences are ascending in `byArticle`, and mostly one run of the store.
    const first = byArticle[from];
    const last = byArticle[to - 1];
    if (last - first === to - from - 1) return texts.range(first, last + 1).join(" ");
    return Array.from(byArticle.subarray(from, to), (s) => texts.range(s, s + 1)[0]).join(" ");
  };
  const figures = yield* figuresFromParts(out, sentences);
  options.log?.("figures");
  return {
    features,
    sentences: texts,
    articles: textOf,
    entities: readWritten(out, "entities"),
    figures,
    quotes: readWritten(out, "quotes"),
  };
}

/**
 * The `reuse_index` parts under `root`, one per `sentences` part (the same slices, in order);
 * none unless every slice wrote one (a run whose batches wrote none, or only some).
 */
function indexFiles(root: string, out: string, sentenceFiles: readonly string[]): string[] {
  const files = frameFiles(root, REUSE_INDEX);
  const slice = (file: string, at: string) => file.slice(at.length);
  const same = files.length === sentenceFiles.length &&
    files.every((f, i) =>
      slice(f, `${root}/${REUSE_INDEX}`) === slice(sentenceFiles[i], `${out}/sentences`)
    );
  return same ? files : [];
}

/**
 * Stems → ids part by part, in the order of the sentences: from the `reuse_index` parts
 * (`indexFiles`), else from the `tokens` parts (a run whose batches wrote no index; slower to
 * read, the same ids).
 */
function* stemsFromParts(
  out: string,
  sentenceIds: readonly string[],
  indexFiles: readonly string[],
): Generator<void, Omit<StemInput, "articles" | "sentences" | "quoteShare" | "listed">> {
  const files = indexFiles.length ? indexFiles : frameFiles(out, "tokens");
  if (!files.length) {
    throw new ReuseError(`${out}: no ${REUSE_INDEX} frame and no tokens frame to build it from`);
  }
  const sentenceIndex = new Map<string, number>();
  sentenceIds.forEach((id, i) => sentenceIndex.set(id, i));
  const stemIds = new Map<string, number>();
  // Room for every token at once (the parts' row counts, or the index's token counts): grown by
  // doubling, the buffer and its copy of the exact length took three times the tokens' 277 MB
  // on 100,000 news-size articles.
  const nTokens = indexFiles.length
    ? files.reduce(
      (n, f) => n + Number(readColumns(f, ["n_tokens"]).getColumn("n_tokens").sum()),
      0,
    )
    : files.reduce(
      (n, f) =>
        n + Number(pl.scanParquet(f).select(pl.len()).collectSync().getColumn("len").get(0)),
      0,
    );
  const ordered = new Int32Buffer(Math.max(1, nTokens));
  const sentenceTokenStart = new Int32Array(sentenceIds.length + 1);
  let s = 0; // sentences whose tokens are all in `ordered`
  const intern = (stem: string, stop: boolean) => {
    let id = stemIds.get(stem);
    if (id === undefined) stemIds.set(stem, id = stemIds.size);
    ordered.push(stop ? ~id : id);
  };
  /**
   * Moves on to sentence `sid`: the next one (an index has a row per sentence), or a later one
   * (`tokens` has no rows for a sentence without tokens).
   */
  const reach = (sid: string, where: string, skip: boolean) => {
    const at = sentenceIndex.get(sid);
    if (at === undefined || at < s || (!skip && at !== s)) {
      throw new ReuseError(
        `${where}: sentence "${sid}" ${
          at === undefined
            ? "is not in the sentences frame"
            : `is not where the sentences frame has "${sentenceIds[s] ?? "(none)"}"`
        }`,
      );
    }
    while (s < at) sentenceTokenStart[++s] = ordered.length;
  };
  for (const file of files) {
    const part = readColumns(
      file,
      indexFiles.length ? ["sentence_id", "stems", "stops"] : ["sentence_id", "stem", "is_stop"],
    );
    const ids = text(part, "sentence_id");
    if (indexFiles.length) {
      const stems = text(part, "stems");
      const stops = text(part, "stops");
      for (let r = 0; r < ids.length; r++) {
        reach(ids[r], `${file} row ${r}`, false);
        const words = stems[r] === "" ? [] : stems[r].split(STEM_SEPARATOR);
        if (words.length !== stops[r].length) {
          throw new ReuseError(`${file} row ${r}: ${words.length} stems, ${stops[r].length} flags`);
        }
        words.forEach((stem, k) => intern(stem, stops[r].charCodeAt(k) === 49));
        sentenceTokenStart[++s] = ordered.length;
      }
    } else {
      const stems = text(part, "stem");
      const stops = part.getColumn("is_stop").toArray() as boolean[];
      let last: string | undefined;
      for (let k = 0; k < ids.length; k++) {
        if (ids[k] !== last) {
          if (last !== undefined) sentenceTokenStart[++s] = ordered.length;
          last = ids[k];
          reach(last, `${file} row ${k}`, true);
        }
        intern(stems[k], stops[k]);
      }
      if (last !== undefined) sentenceTokenStart[++s] = ordered.length;
    }
    yield;
  }
  while (s < sentenceIds.length) sentenceTokenStart[++s] = ordered.length;
  // A copy of the exact length only if the counts were wrong and the buffer grew.
  const view = ordered.view();
  return {
    ordered: view.length === Math.max(1, nTokens) ? view : view.slice(),
    sentenceTokenStart,
    nStems: stemIds.size,
  };
}

/**
 * The figures written under `out` with their contexts (from `tokens`), or undefined; part by
 * part when the figures and tokens parts are written by the same slices (a figure's sentence
 * and its tokens are then in the same slice), so only one part's tokens are held at a time.
 */
function* figuresFromParts(
  out: string,
  sentences: readonly { id: string; articleId: string; start: number; end: number }[],
): Generator<void, FigureColumns | undefined> {
  const figureFiles = frameFiles(out, "figures");
  if (!figureFiles.length) return undefined;
  const tokenFiles = frameFiles(out, "tokens");
  if (!tokenFiles.length) {
    throw new ReuseError(`${out}: figures need the tokens frame (for their contexts)`);
  }
  const slice = (file: string, name: string) => file.slice(`${out}/${name}`.length);
  const paired = figureFiles.length === tokenFiles.length &&
    figureFiles.every((f, i) => slice(f, "figures") === slice(tokenFiles[i], "tokens"));
  if (!paired) {
    const all = `${out}/tokens/**/*.parquet`;
    return figuresOf(
      readWritten(out, "figures")!,
      tokenFiles.length === 1 ? tokenFiles[0] : all,
      sentences,
    );
  }
  const parts: FigureColumns[] = [];
  for (let i = 0; i < figureFiles.length; i++) {
    parts.push(figuresOf(pl.readParquet(figureFiles[i]), tokenFiles[i], sentences));
    yield;
  }
  if (parts.length === 1) return parts[0];
  const join = <T>(pick: (f: FigureColumns) => readonly T[]) =>
    ([] as T[]).concat(...parts.map(pick));
  return {
    articleId: join((f) => f.articleId),
    sentenceId: join((f) => f.sentenceId),
    kind: join((f) => f.kind),
    value: join((f) => f.value),
    unit: join((f) => f.unit),
    text: join((f) => f.text),
    ...Object.fromEntries(
      (["period", "measure", "per"] as const).filter((c) => parts.every((f) => f[c]))
        .map((c) => [c, join((f) => f[c]!)]),
    ),
    context: parts.every((f) => f.context)
      ? join((f) => f.context as readonly (readonly string[])[])
      : undefined,
  };
}

/** The figures of `figureFrame` with their contexts from the tokens at `tokenPath`. */
function figuresOf(
  figureFrame: pl.DataFrame,
  tokenPath: string,
  sentences: readonly { id: string; articleId: string; start: number; end: number }[],
): FigureColumns {
  const where = figureFrame.columns.includes("sentence_id")
    ? figureFrame.getColumn("sentence_id")
    : undefined;
  let tokens = pl.scanParquet(tokenPath);
  if (where) {
    const wanted = pl.DataFrame([where.unique().alias("sentence_id")]).lazy();
    tokens = tokens.join(wanted, { on: "sentence_id", how: "semi" });
  }
  const t = tokens.select("sentence_id", "stem", "is_stop", "start", "end").collectSync();
  return figuresFromFrame(figureFrame, sentences, {
    sentenceId: text(t, "sentence_id"),
    stem: text(t, "stem"),
    isStop: t.getColumn("is_stop").toArray() as boolean[],
    start: (t.getColumn("start").toArray() as number[]).map(Number),
    end: (t.getColumn("end").toArray() as number[]).map(Number),
  });
}
