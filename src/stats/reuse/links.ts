/**
 * What the article-level measures need of the aligned pairs, made from a {@link PairSource}
 * chunk by chunk, so memory follows sentences and article pairs, never sentence pairs:
 *
 * - {@link sentenceLinks}: the distinct (sentence, other article) links of the pairs of some
 *   classes, sentence range by sentence range (each range a pass over the chunks, with at most
 *   about `maxLinks` links held: on 100,000 news-size articles a sentence has some 40 matches, and
 *   the links of all sentences at once would not fit);
 * - {@link articlePairs}: the distinct article pairs sharing an aligned sentence, with the first
 *   pair that links them (so an article's neighbours come in the order the pairs are found).
 * @module
 */

import { Float64Buffer } from "./buffers.ts";
import type { PairSource } from "./align.ts";

/**
 * Links held at once by {@link sentenceLinks} unless told otherwise: 4.2M, 34 MB of keys, and
 * about ten times that once a range's coverage rows are made of them (16.8M took the reuse step
 * of 100,000 news-size articles from 4.2 to 6.5 GB while it made `coverage`).
 */
export const MAX_LINKS = 1 << 22;

/** The links of sentences `from` .. `to` - 1: `sentence[i]` has a match in `article[i]`. */
export interface LinkRange {
  from: number;
  to: number;
  /** Sorted by sentence, then article; distinct. */
  sentence: Int32Array;
  article: Int32Array;
}

/**
 * The distinct (sentence, other article) links of the pairs whose class passes `keep`, for
 * consecutive ranges of sentences that together cover every sentence (a range with no links
 * included), each range with at most about `maxLinks` links (a sentence's links are never split).
 *
 * @example
 * for (const r of sentenceLinks(pairSource(alignment), (c) => c <= PARAPHRASE)) console.log(r.to);
 */
export function* sentenceLinks(
  source: PairSource,
  keep: (reuseClass: number) => boolean,
  maxLinks = MAX_LINKS,
): Generator<LinkRange> {
  const f = source.features;
  const nSentences = f.sentenceIds.length;
  const nArticles = f.articleIds.length;
  const art = f.sentenceArticle;
  // Links per sentence (before duplicates are dropped): where the ranges end.
  const count = new Int32Array(nSentences);
  let total = 0;
  for (const chunk of source.chunks(false)) {
    for (let k = 0; k < chunk.a.length; k++) {
      if (!keep(chunk.reuseClass[k])) continue;
      count[chunk.a[k]]++;
      count[chunk.b[k]]++;
      total += 2;
    }
  }
  const ends: number[] = [];
  let held = 0;
  for (let s = 0; s < nSentences; s++) {
    if (held + count[s] > maxLinks && held > 0) {
      ends.push(s);
      held = 0;
    }
    held += count[s];
  }
  ends.push(nSentences);
  let from = 0;
  // One buffer of keys for every range (a range holds at most about `maxLinks`).
  const keys = new Float64Buffer(Math.max(16, Math.min(total, maxLinks)));
  for (const to of ends) {
    keys.length = 0;
    if (total) {
      for (const chunk of source.chunks(false)) {
        const { a, b, reuseClass } = chunk;
        for (let k = 0; k < a.length; k++) {
          if (!keep(reuseClass[k])) continue;
          const s = a[k];
          const t = b[k];
          if (s >= from && s < to) keys.push(s * nArticles + art[t]);
          if (t >= from && t < to) keys.push(t * nArticles + art[s]);
        }
      }
    }
    const sorted = keys.view().sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
    const sentence = new Int32Array(n);
    const article = new Int32Array(n);
    n = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) continue;
      const s = Math.floor(sorted[i] / nArticles);
      sentence[n] = s;
      article[n++] = sorted[i] - s * nArticles;
    }
    yield { from, to, sentence, article };
    from = to;
  }
}

/** Distinct article pairs: `keys[p]` = x * articles + y with x < y, ascending. */
export interface ArticlePairs {
  keys: Float64Array;
  /** Index of the first aligned pair (in the source's order) between the two articles. */
  first: Float64Array;
}

/** Keys collected before they are sorted and folded into the distinct pairs. */
const FOLD_KEYS = 1 << 22;

/**
 * The distinct article pairs that share an aligned sentence pair of any class (see
 * {@link ArticlePairs}), collected in batches of keys folded into the sorted list as they fill.
 *
 * @example
 * const pairs = articlePairs(pairSource(alignment)); // pairs.keys.length article pairs
 */
export function articlePairs(source: PairSource): ArticlePairs {
  const f = source.features;
  const nArticles = f.articleIds.length;
  let done: ArticlePairs = { keys: new Float64Array(0), first: new Float64Array(0) };
  const keys = new Float64Buffer();
  const first = new Float64Buffer();
  const fold = () => {
    done = mergePairs(done, distinctPairs(keys.view(), first.view()));
    keys.length = 0;
    first.length = 0;
  };
  let k0 = 0;
  let last = -1;
  for (const chunk of source.chunks(false)) {
    for (let k = 0; k < chunk.a.length; k++) {
      const x = f.sentenceArticle[chunk.a[k]];
      const y = f.sentenceArticle[chunk.b[k]];
      const key = Math.min(x, y) * nArticles + Math.max(x, y);
      // Pairs come by sentence b, so one article pair's rows mostly follow each other.
      if (key === last) continue;
      keys.push(last = key);
      first.push(k0 + k);
      if (keys.length >= FOLD_KEYS) fold();
    }
    k0 += chunk.a.length;
  }
  fold();
  return done;
}

/** The distinct keys of a batch, ascending, each with its smallest `first`. */
function distinctPairs(keys: Float64Array, first: Float64Array): ArticlePairs {
  const order = Int32Array.from({ length: keys.length }, (_, i) => i);
  order.sort((x, y) => keys[x] - keys[y] || first[x] - first[y]);
  const outKeys = new Float64Buffer(Math.max(16, keys.length));
  const outFirst = new Float64Buffer(Math.max(16, keys.length));
  for (let i = 0; i < order.length; i++) {
    const key = keys[order[i]];
    if (i > 0 && key === keys[order[i - 1]]) continue;
    outKeys.push(key);
    outFirst.push(first[order[i]]);
  }
  return { keys: outKeys.view().slice(), first: outFirst.view().slice() };
}

/** Two sorted lists of distinct pairs as one; a key in both keeps the earlier `first`. */
function mergePairs(x: ArticlePairs, y: ArticlePairs): ArticlePairs {
  if (!x.keys.length) return y;
  if (!y.keys.length) return x;
  const keys = new Float64Array(x.keys.length + y.keys.length);
  const first = new Float64Array(keys.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.keys.length || j < y.keys.length) {
    const a = i < x.keys.length ? x.keys[i] : Infinity;
    const b = j < y.keys.length ? y.keys[j] : Infinity;
    if (a < b) {
      keys[n] = a;
      first[n++] = x.first[i++];
    } else if (b < a) {
      keys[n] = b;
      first[n++] = y.first[j++];
    } else {
      keys[n] = a;
      first[n++] = Math.min(x.first[i++], y.first[j++]);
    }
  }
  return { keys: keys.slice(0, n), first: first.slice(0, n) };
}

/**
 * Each article's neighbours (the articles it shares an aligned pair with), in the order the
 * pairs first link them: article x's are `other[start[x] .. start[x + 1])`.
 */
export function neighboursOf(
  pairs: ArticlePairs,
  nArticles: number,
): { start: Int32Array; other: Int32Array } {
  const start = new Int32Array(nArticles + 1);
  const split = (key: number) => {
    const x = Math.floor(key / nArticles);
    return [x, key - x * nArticles];
  };
  for (const key of pairs.keys) {
    const [x, y] = split(key);
    start[x + 1]++;
    start[y + 1]++;
  }
  for (let a = 0; a < nArticles; a++) start[a + 1] += start[a];
  const other = new Int32Array(start[nArticles]);
  const when = new Float64Array(start[nArticles]);
  const fill = start.slice(0, nArticles);
  pairs.keys.forEach((key, p) => {
    const [x, y] = split(key);
    other[fill[x]] = y;
    when[fill[x]++] = pairs.first[p];
    other[fill[y]] = x;
    when[fill[y]++] = pairs.first[p];
  });
  for (let a = 0; a < nArticles; a++) {
    const from = start[a];
    const to = start[a + 1];
    if (to - from < 2) continue;
    const order = Array.from({ length: to - from }, (_, i) => from + i)
      .sort((i, j) => when[i] - when[j]);
    const sorted = order.map((i) => other[i]);
    other.set(sorted, from);
  }
  return { start, other };
}
