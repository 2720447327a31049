/**
 * The numeric form of a corpus that every reuse measure reads: integer ids for stems, tf-idf rows
 * for sentences and articles, and word-shingle hashes for sentences. Built once, in a few linear
 * passes over the token columns; nothing per pair is ever allocated from it.
 *
 * Choices, on purpose:
 * - **Content terms** are the Porter stems of the non-stopword tokens (the foundation's `stem` and
 *   `is_stop` columns). Numbers are terms: "2022" and "240" tell texts apart.
 * - **Weights** are sublinear tf-idf, `(1 + ln tf) · (ln((1 + N) / (1 + df)) + 1)` (the smoothed idf
 *   of scikit-learn), L2-normalised per row. Sentence rows take N and df over sentences, article
 *   rows over articles, so "Canada" in a corpus about Canada weighs little at both levels.
 * - **Shingles** are runs of {@link DEFAULT_SHINGLE_SIZE} consecutive stems over *all* tokens,
 *   stopwords included (reuse shows in the function words too, as passim and churnalism detectors
 *   count it). A sentence shorter than that is one shingle. Each shingle is a 32-bit hash of its
 *   stem ids, kept sorted and unique per sentence: a false collision between two given sentences
 *   has odds of about 1 in 10 million, too rare to move a containment score.
 * @module
 */

import { Float64Buffer, Int32Buffer } from "./buffers.ts";
import { ReuseError } from "./errors.ts";

/** Words per shingle: 3, short enough to survive a changed word every few words. */
export const DEFAULT_SHINGLE_SIZE = 3;

/**
 * Words per copy shingle: 5. Near-verbatim and verbatim need runs this long in common; two
 * sentences sharing "a lot of people" (a 3-word run, half the shingles of a 6-word sentence) have
 * not copied each other.
 */
export const COPY_SHINGLE_SIZE = 5;

/** Sentences of at most this many words that recur in {@link BOILERPLATE_ARTICLES} articles. */
export const BOILERPLATE_MAX_WORDS = 8;
/** Distinct articles a short sentence must recur in to be boilerplate. */
export const BOILERPLATE_ARTICLES = 3;

/** What the reuse measures need of a corpus; an `Analysis` of the foundation is one. */
export interface ReuseInput {
  articles: readonly { id: string; published?: string | null }[];
  /** With `text`, sentences mostly in quotation marks are known (see {@link quotedShare}). */
  sentences: readonly { id: string; articleId: string; text?: string }[];
  tokens: {
    readonly sentenceId: readonly string[];
    readonly stem: readonly string[];
    readonly isStop: ArrayLike<boolean | number>;
    readonly length: number;
  };
}

/**
 * Sparse rows in compressed form (CSR): row r holds `ids[start[r] .. start[r+1])`, ascending and
 * unique, with the matching `weights`.
 */
export interface SparseRows {
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
}

/** Sorted unique 32-bit hashes per row: row r is `hashes[start[r] .. start[r+1])`. */
export interface HashSets {
  start: Int32Array;
  hashes: Int32Array;
}

/** The numeric form of a corpus (see the module notes). */
export interface ReuseFeatures {
  articleIds: string[];
  /** ISO publication date per article, null where unknown. */
  published: (string | null)[];
  sentenceIds: string[];
  /** Article index of each sentence. */
  sentenceArticle: Int32Array;
  /** Number of sentences of each article. */
  articleSentences: Int32Array;
  /** Number of word tokens of each sentence (stopwords included). */
  sentenceWords: Int32Array;
  /** Words per shingle the shingles were built with. */
  shingleSize: number;
  /** Word 5-shingles ({@link COPY_SHINGLE_SIZE}) per sentence: what copying is measured on. */
  copyShingles: HashSets;
  /** Share of each sentence's characters inside quotation marks (0 without sentence text). */
  quoteShare: Float64Array;
  /**
   * 1 where a sentence is boilerplate: at most {@link BOILERPLATE_MAX_WORDS} words, the same words
   * in {@link BOILERPLATE_ARTICLES} or more articles ("Getty.", "ABSTRACT.", "Read more at …"), or
   * on the caller's boilerplate list.
   */
  boilerplate: Uint8Array;
  /** Number of distinct stems (all tokens). */
  nStems: number;
  sentenceTerms: SparseRows;
  /** Sentences containing each stem as a content term. */
  sentenceDf: Int32Array;
  articleTerms: SparseRows;
  /** Articles containing each stem as a content term. */
  articleDf: Int32Array;
  shingles: HashSets;
}

/**
 * Builds the {@link ReuseFeatures} of a corpus.
 *
 * @example
 * const features = buildFeatures(await analyzeCorpus("seeds"));
 * features.sentenceIds.length; // 86
 */
export function buildFeatures(
  input: ReuseInput,
  shingleSize: number = DEFAULT_SHINGLE_SIZE,
  boilerplateList: readonly string[] = [],
): ReuseFeatures {
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new ReuseError(`shingle size must be a whole number ≥ 1, got ${shingleSize}`);
  }
  const { articles, sentences, tokens } = input;

  const articleIndex = new Map<string, number>();
  articles.forEach((a, i) => {
    if (articleIndex.has(a.id)) throw new ReuseError(`article id "${a.id}" appears twice`);
    articleIndex.set(a.id, i);
  });
  const nSentences = sentences.length;
  const sentenceIndex = new Map<string, number>();
  sentences.forEach((s, i) => {
    if (!articleIndex.has(s.articleId)) {
      throw new ReuseError(
        `sentence "${s.id}" names article "${s.articleId}", which is not loaded`,
      );
    }
    if (sentenceIndex.has(s.id)) throw new ReuseError(`sentence id "${s.id}" appears twice`);
    sentenceIndex.set(s.id, i);
  });

  // Tokens → (sentence, stem id, stop flag), then grouped by sentence with a stable counting sort
  // (the segmenter emits them grouped already; the sort makes that an assumption we do not need).
  const nTokens = tokens.length;
  if (tokens.stem.length !== nTokens || tokens.isStop.length !== nTokens) {
    throw new ReuseError("token columns differ in length (sentenceId, stem, isStop)");
  }
  const stemIds = new Map<string, number>();
  const tokenSentence = new Int32Array(nTokens);
  const tokenStem = new Int32Array(nTokens);
  const sentenceTokenStart = new Int32Array(nSentences + 1);
  let lastId: string | undefined;
  let lastSentence = -1;
  for (let k = 0; k < nTokens; k++) {
    const sid = tokens.sentenceId[k];
    if (sid !== lastId) {
      const s = sentenceIndex.get(sid);
      if (s === undefined) {
        throw new ReuseError(`token ${k} belongs to sentence "${sid}", which is not loaded`);
      }
      lastId = sid;
      lastSentence = s;
    }
    let id = stemIds.get(tokens.stem[k]);
    if (id === undefined) stemIds.set(tokens.stem[k], id = stemIds.size);
    tokenSentence[k] = lastSentence;
    // Stopwords are stored as ~id (negative), so one array carries the stem and the flag.
    tokenStem[k] = tokens.isStop[k] ? ~id : id;
    sentenceTokenStart[lastSentence + 1]++;
  }
  for (let s = 0; s < nSentences; s++) sentenceTokenStart[s + 1] += sentenceTokenStart[s];
  const ordered = new Int32Array(nTokens); // stem ids (negated with ~ for stopwords), by sentence
  const fill = sentenceTokenStart.slice(0, nSentences);
  for (let k = 0; k < nTokens; k++) ordered[fill[tokenSentence[k]]++] = tokenStem[k];

  return buildFeaturesFromStems(
    { articles, sentences, ordered, sentenceTokenStart, nStems: stemIds.size },
    shingleSize,
    boilerplateList,
  );
}

/**
 * A corpus's tokens as stem ids, grouped by sentence: what {@link buildFeatures} makes of the
 * token columns, and what a reader of `reuse_index` parts makes of their rows without holding a
 * string per token.
 */
export interface StemInput {
  articles: ReuseInput["articles"];
  sentences: ReuseInput["sentences"];
  /** Stem id of each token (`~id`, negative, for a stopword), sentence by sentence. */
  ordered: Int32Array;
  /** Sentence s has the tokens `ordered[sentenceTokenStart[s] .. sentenceTokenStart[s + 1])`. */
  sentenceTokenStart: Int32Array;
  /** Number of distinct stems; ids number them in order of first appearance. */
  nStems: number;
  /**
   * Each sentence's {@link quotedShare}, when it was taken as the texts were read (the
   * sentences then need no `text`); else from `sentences[s].text`.
   */
  quoteShare?: Float64Array;
  /** 1 where a sentence is on the caller's boilerplate list, taken likewise; else from the text. */
  listed?: Uint8Array;
}

/** Builds the {@link ReuseFeatures} of a corpus given as stem ids (see {@link StemInput}). */
export function buildFeaturesFromStems(
  input: StemInput,
  shingleSize: number = DEFAULT_SHINGLE_SIZE,
  boilerplateList: readonly string[] = [],
): ReuseFeatures {
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new ReuseError(`shingle size must be a whole number ≥ 1, got ${shingleSize}`);
  }
  const { articles, sentences, ordered, sentenceTokenStart, nStems } = input;
  const nArticles = articles.length;
  const nSentences = sentences.length;
  const nTokens = ordered.length;
  if (sentenceTokenStart.length !== nSentences + 1) {
    throw new ReuseError(
      `stem input: ${sentenceTokenStart.length - 1} sentence ranges for ${nSentences} sentences`,
    );
  }
  const articleIndex = new Map<string, number>();
  articles.forEach((a, i) => articleIndex.set(a.id, i));
  const sentenceArticle = new Int32Array(nSentences);
  const articleSentences = new Int32Array(nArticles);
  sentences.forEach((s, i) => {
    const a = articleIndex.get(s.articleId);
    if (a === undefined) {
      throw new ReuseError(
        `sentence "${s.id}" names article "${s.articleId}", which is not loaded`,
      );
    }
    sentenceArticle[i] = a;
    articleSentences[a]++;
  });
  let longest = 0;
  for (let s = 0; s < nSentences; s++) {
    longest = Math.max(longest, sentenceTokenStart[s + 1] - sentenceTokenStart[s]);
  }

  // Sentence rows: raw term frequencies first (weights filled below, once df is known). Built in
  // buffers with room for every content token, then copied to their exact length: the buffers
  // die with the function that fills them (on 100,000 news-size articles, a gigabyte between
  // these rows and the articles').
  let contentTokens = 0;
  for (let k = 0; k < nTokens; k++) if (ordered[k] >= 0) contentTokens++;
  const scratch = new Int32Array(Math.max(1, longest));
  const sentenceDf = new Int32Array(nStems);
  const sentenceTerms = (() => {
    const sTerms = new Int32Buffer(contentTokens + 1);
    const sTf = new Float64Buffer(contentTokens + 1);
    const sStart = new Int32Array(nSentences + 1);
    for (let s = 0; s < nSentences; s++) {
      let n = 0;
      for (let k = sentenceTokenStart[s]; k < sentenceTokenStart[s + 1]; k++) {
        if (ordered[k] >= 0) scratch[n++] = ordered[k];
      }
      appendCounts(scratch.subarray(0, n), sTerms, sTf, sentenceDf);
      sStart[s + 1] = sTerms.length;
    }
    return weigh(
      { start: sStart, ids: sTerms.view().slice(), weights: sTf.view().slice() },
      sentenceDf,
      nSentences,
    );
  })();

  // Article rows: the content terms of all of an article's sentences.
  const articleSentenceStart = new Int32Array(nArticles + 1);
  for (let a = 0; a < nArticles; a++) {
    articleSentenceStart[a + 1] = articleSentenceStart[a] + articleSentences[a];
  }
  const sentencesByArticle = new Int32Array(nSentences);
  const aFill = articleSentenceStart.slice(0, nArticles);
  for (let s = 0; s < nSentences; s++) sentencesByArticle[aFill[sentenceArticle[s]]++] = s;
  const articleDf = new Int32Array(nStems);
  const articleTerms = (() => {
    const aTerms = new Int32Buffer(contentTokens + 1);
    const aTf = new Float64Buffer(contentTokens + 1);
    const aStart = new Int32Array(nArticles + 1);
    let articleScratch = new Int32Array(1024);
    for (let a = 0; a < nArticles; a++) {
      let n = 0;
      for (let p = articleSentenceStart[a]; p < articleSentenceStart[a + 1]; p++) {
        const s = sentencesByArticle[p];
        for (let k = sentenceTokenStart[s]; k < sentenceTokenStart[s + 1]; k++) {
          if (ordered[k] < 0) continue;
          if (n === articleScratch.length) {
            const grown = new Int32Array(n * 2);
            grown.set(articleScratch);
            articleScratch = grown;
          }
          articleScratch[n++] = ordered[k];
        }
      }
      appendCounts(articleScratch.subarray(0, n), aTerms, aTf, articleDf);
      aStart[a + 1] = aTerms.length;
    }
    return weigh(
      { start: aStart, ids: aTerms.view().slice(), weights: aTf.view().slice() },
      articleDf,
      nArticles,
    );
  })();

  // Shingles over all tokens (stopwords included: ~id gives the stem id back).
  const shinglesOf = (size: number): HashSets => {
    const hashes = new Int32Buffer(nTokens + 1);
    const hStart = new Int32Array(nSentences + 1);
    for (let s = 0; s < nSentences; s++) {
      const from = sentenceTokenStart[s];
      const m = sentenceTokenStart[s + 1] - from;
      const runs = m === 0 ? 0 : Math.max(1, m - size + 1);
      const width = Math.min(m, size);
      for (let r = 0; r < runs; r++) {
        let h = 0x9747b28c;
        for (let w = 0; w < width; w++) {
          const t = ordered[from + r + w];
          h = mixHash(h, t < 0 ? ~t : t);
        }
        scratch[r] = finishHash(h, width);
      }
      const set = scratch.subarray(0, runs).sort();
      for (let r = 0; r < runs; r++) if (r === 0 || set[r] !== set[r - 1]) hashes.push(set[r]);
      hStart[s + 1] = hashes.length;
    }
    return { start: hStart, hashes: hashes.view().slice() };
  };

  // Boilerplate: short sentences whose words (stems, in order) recur in several articles.
  const listed = new Set(boilerplateList.map(normaliseLine));
  const keyArticles = new Map<string, Set<number>>();
  const keys: string[] = [];
  for (let s = 0; s < nSentences; s++) {
    const m = sentenceTokenStart[s + 1] - sentenceTokenStart[s];
    if (m === 0 || m > BOILERPLATE_MAX_WORDS) {
      keys.push("");
      continue;
    }
    const key = Array.from(
      ordered.subarray(sentenceTokenStart[s], sentenceTokenStart[s + 1]),
      (t) => (t < 0 ? ~t : t),
    ).join(",");
    keys.push(key);
    let set = keyArticles.get(key);
    if (!set) keyArticles.set(key, set = new Set());
    set.add(sentenceArticle[s]);
  }
  const onList = input.listed;
  const boilerplate = Uint8Array.from(
    keys,
    (key, s) =>
      (key && keyArticles.get(key)!.size >= BOILERPLATE_ARTICLES) ||
        (onList
          ? onList[s] === 1
          : listed.size > 0 && listed.has(normaliseLine(sentences[s].text ?? "")))
        ? 1
        : 0,
  );

  return {
    articleIds: articles.map((a) => a.id),
    published: articles.map((a) => a.published ?? null),
    sentenceIds: sentences.map((s) => s.id),
    sentenceArticle,
    articleSentences,
    sentenceWords: Int32Array.from(
      { length: nSentences },
      (_, s) => sentenceTokenStart[s + 1] - sentenceTokenStart[s],
    ),
    shingleSize,
    nStems,
    sentenceTerms,
    sentenceDf,
    articleTerms,
    articleDf,
    shingles: shinglesOf(shingleSize),
    copyShingles: shinglesOf(COPY_SHINGLE_SIZE),
    quoteShare: input.quoteShare ?? Float64Array.from(sentences, (x) => quotedShare(x.text ?? "")),
    boilerplate,
  };
}

/** Sorts `ids` in place and appends each distinct id with its count; bumps `df` once per id. */
function appendCounts(ids: Int32Array, out: Int32Buffer, tf: Float64Buffer, df: Int32Array): void {
  ids.sort();
  for (let i = 0; i < ids.length;) {
    let j = i + 1;
    while (j < ids.length && ids[j] === ids[i]) j++;
    out.push(ids[i]);
    tf.push(j - i);
    df[ids[i]]++;
    i = j;
  }
}

/** Turns raw counts into L2-normalised sublinear tf-idf weights, in place. */
function weigh(rows: SparseRows, df: Int32Array, nRows: number): SparseRows {
  const { start, ids, weights } = rows;
  for (let r = 0; r < nRows; r++) {
    let norm = 0;
    for (let p = start[r]; p < start[r + 1]; p++) {
      const w = (1 + Math.log(weights[p])) * (Math.log((1 + nRows) / (1 + df[ids[p]])) + 1);
      weights[p] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let p = start[r]; p < start[r + 1]; p++) weights[p] /= norm;
  }
  return rows;
}

/** One step of MurmurHash3 (32-bit) over an integer. */
function mixHash(h: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the whole hash. */
function finishHash(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A line as compared with the boilerplate list: lower case, letters and digits, one space. */
export function normaliseLine(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const OPENING = new Set(["\u201c", "\u00ab", "\u201e"]);
const CLOSING = new Set(["\u201d", "\u00bb"]);
const QUOTE_MARK = /["\u201c\u00ab\u201e\u201d\u00bb]/;

/**
 * Share of a sentence's non-space characters inside double quotation marks (the marks counted as
 * inside): 1 for a sentence that is all quotation, 0 for none. Curly and guillemet marks pair
 * opening with closing; a closing mark with no opening one means the quotation began in an
 * earlier sentence (everything before it is quoted), an opening one left open runs to the end.
 * Straight marks (") toggle.
 *
 * @example
 * quotedShare('\u201cWe will not back down,\u201d he said.'); // 20 / 27
 */
export function quotedShare(text: string): number {
  // Most sentences have no quotation mark at all: their share is 0 without a pass per character.
  if (!QUOTE_MARK.test(text)) return 0;
  const chars = [...text];
  const inside = new Uint8Array(chars.length);
  let open = -1;
  let closedAny = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (OPENING.has(c) || (c === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if (CLOSING.has(c) || c === '"') {
      const from = open >= 0 ? open : closedAny ? -1 : 0;
      if (from >= 0) inside.fill(1, from, i + 1);
      open = -1;
      closedAny = true;
    }
  }
  if (open >= 0) inside.fill(1, open);
  let total = 0;
  let quoted = 0;
  chars.forEach((c, i) => {
    if (/\s/u.test(c)) return;
    total++;
    quoted += inside[i];
  });
  return total ? quoted / total : 0;
}
