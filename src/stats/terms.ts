/**
 * Term counts per article and the `terms` frame (tf, df, idf, tf-idf).
 *
 * Conventions, on purpose:
 * - A term is a token's lower-case form (or its Porter stem), or an n-gram of them joined by one
 *   space; abbreviations are counted in the form `abbreviationTerms` gives them ("U.S." and "US"
 *   are "US", apart from the pronoun "us"), and the words for % are no term. Tokens never contain spaces, so a term's n-gram order is its number of spaces plus one.
 * - N-grams never cross a sentence boundary, and never span a removed stopword: with stopwords
 *   removed, "vote against the bill" yields no bigram "vote bill" (a removed stopword breaks the
 *   chain as a sentence end does). This is tidytext's "bigrams, then drop those with a stopword".
 * - tf = n / (number of terms of the same n-gram order counted in the article), so unigram tf is
 *   over the tokens kept (after stopword removal); idf = ln(N / df) with N the number of articles
 *   in the analysis (articles without any term included); tf_idf = tf × idf. This is tidytext's
 *   `bind_tf_idf` convention (natural log, no smoothing, no normalisation), not scikit-learn's
 *   (which adds one to df and N and L2-normalises rows).
 * - `minCount` keeps a term only when its count over the whole corpus reaches it. It filters
 *   rows; it changes no tf, df or idf of the terms kept.
 *
 * Everything is counted in one pass over the token columns with one Map per article; nothing
 * rescans the corpus per term.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import type { TokenColumns } from "../text/segment.ts";
import { LOWER_IDS, STEM_IDS, stemOf } from "../text/tokens.ts";
import { isNameToken, isSpelling, type Spelling, spellingVariants } from "../text/spelling.ts";
import { abbreviationTerms } from "../text/normalise.ts";
import { Float64Buffer, Int32Buffer } from "../_buffers.ts";
import { codedUtf8, runsUtf8, stableOrderBy } from "../frames/columns.ts";
import { addCounts } from "./tally.ts";
import { DEFAULT_ABBREVIATIONS } from "../text/abbreviations.ts";
import isoStopwords from "stopwords-iso" with { type: "json" };

/**
 * The English list of stopwords-iso 1.1.0 (MIT; npm `stopwords-iso`, pinned in deno.json): 1,298
 * words, far more than `natural`'s list, "said", "new" and "year" among them, so it reads as a
 * list of function and reporting words, not content.
 */
export const ISO_STOPWORDS: ReadonlySet<string> = new Set(
  (isoStopwords as Record<string, string[]>).en.map((w) => w.toLowerCase()),
);

/**
 * Honorifics: the titles the sentence splitter knows never end a sentence (`title` in
 * data/abbreviations.json: Mr, Mrs, Ms, Sen, Rep, Gov, Dr, Gen, …), lower case, without the
 * abbreviations there that are not a person's title (St, Mt, Ft, vs, v, cf, approx, ca). News
 * house style puts them before every surname, so they top the term lists of the outlets that use
 * them: `honorifics: "drop"` leaves them out of terms.
 */
export const HONORIFICS: ReadonlySet<string> = new Set(
  [...DEFAULT_ABBREVIATIONS.title].map((t) => t.toLowerCase())
    .filter((t) => !["st", "mt", "ft", "vs", "v", "cf", "approx", "ca"].includes(t)),
);

/** How tokens become terms. */
export interface TermOptions {
  /** `lower` (the default): lower-case surface form; `stem`: Porter stem. */
  form?: "lower" | "stem";
  /**
   * `remove` (the default) drops the stopwords of `natural` (the tokens' `isStop` flag), `keep`
   * keeps every token; a set removes exactly the lower-case words in it.
   */
  stopwords?: "remove" | "keep" | ReadonlySet<string>;
  /** N-gram orders to count, e.g. `[1]` or `[1, 2]` (the default) or `[1, 2, 3]`. */
  ngrams?: readonly number[];
  /**
   * `keep` (the default) counts honorifics ("mr", "sen", "gov") as terms; `drop` leaves out the
   * {@link HONORIFICS} the way a removed stopword is left out (no n-gram spans one).
   */
  honorifics?: "keep" | "drop";
  /** Keep a term only when it occurs at least this often in the whole corpus (default 1). */
  minCount?: number;
  /**
   * `as-written` (the default) counts every spelling apart; `american` or `british` counts the
   * British and American spellings of a word as one term in that variety ("colour" and "color";
   * see `spellingVariants`). Capitalised words inside a sentence are names and stay as written
   * ("Labour", "Ministry of Defence"). Under every spelling, the words outlets write for % by
   * house style ("per cent", "percent", "pct") are no term, as the sign itself is none.
   */
  spelling?: Spelling;
}

/** {@link TermOptions} with every default filled in. */
export interface ResolvedTermOptions {
  form: "lower" | "stem";
  stopwords: "remove" | "keep" | ReadonlySet<string>;
  ngrams: number[];
  minCount: number;
  honorifics: "keep" | "drop";
  spelling: Spelling;
}

/** Fills in the defaults of {@link TermOptions} and checks them. */
export function resolveTermOptions(options: TermOptions = {}): ResolvedTermOptions {
  const ngrams = [...new Set(options.ngrams ?? [1, 2])].sort((a, b) => a - b);
  if (!ngrams.length || ngrams.some((n) => !Number.isInteger(n) || n < 1 || n > 5)) {
    throw new Error(`ngrams must be whole numbers from 1 to 5, got [${options.ngrams}]`);
  }
  const minCount = options.minCount ?? 1;
  if (!Number.isFinite(minCount) || minCount < 1) {
    throw new Error(`minCount must be 1 or more, got ${minCount}`);
  }
  const spelling = options.spelling ?? "as-written";
  if (!isSpelling(spelling)) {
    throw new Error(`spelling must be as-written, american or british, got ${spelling}`);
  }
  return {
    form: options.form ?? "lower",
    stopwords: options.stopwords ?? "remove",
    ngrams,
    minCount,
    honorifics: options.honorifics ?? "keep",
    spelling,
  };
}

/** The n-gram order of a term (its number of words). */
export function ngramOrder(term: string): number {
  let n = 1;
  for (let i = term.indexOf(" "); i !== -1; i = term.indexOf(" ", i + 1)) n++;
  return n;
}

/** Term counts of every article of an analysis, as {@link countTerms} returns them. */
export interface ArticleTermCounts {
  /** The term options the counts were made with, defaults filled in. */
  options: ResolvedTermOptions;
  /** The articles, in analysis order; index i of every array below is article i. */
  articles: readonly CleanArticle[];
  /** Term → count, per article. */
  counts: Map<string, number>[];
  /** `totals[k][i]`: terms of order `options.ngrams[k]` counted in article i (tf's denominator). */
  totals: number[][];
  /** Word tokens of each article, stopwords included (the base of rates per 1,000 words). */
  words: number[];
}

/**
 * Counts the terms of every article in one pass over the token columns.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, countTerms } from "newsframe";
 *
 * const counts = countTerms(await analyzeCorpus("seeds"), { ngrams: [1, 2] });
 * counts.counts[0].get("trade deal"); // times the first article uses the bigram
 * ```
 */
export function countTerms(
  analysis: { articles: readonly CleanArticle[]; tokens: TokenColumns },
  options: TermOptions = {},
): ArticleTermCounts {
  const opts = resolveTermOptions(options);
  const { articles, tokens } = analysis;
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  const counts = articles.map(() => new Map<string, number>());
  const totals = opts.ngrams.map(() => new Array<number>(articles.length).fill(0));
  const words = new Array<number>(articles.length).fill(0);
  const { ids, forms, abbreviations } = abbreviatedIds(
    respelledIds(formIds(tokens, opts.form), tokens, opts),
    tokens,
    opts.form,
  );
  const firstAbbreviation = forms.length - abbreviations.length;
  const stop = opts.stopwords;
  const dropTitles = opts.honorifics === "drop";
  const maxN = opts.ngrams[opts.ngrams.length - 1];
  // N-grams are counted under numeric keys (id, id·V + id, …) while those stay exact integers:
  // no string is built per token, only one per distinct term of an article when it is flushed.
  const base = forms.length + 1;
  const numeric = opts.ngrams.map((n) => Math.pow(base, n) < Number.MAX_SAFE_INTEGER);
  const local = opts.ngrams.map(() => new Map<number | string, number>());
  const flush = (article: number) => {
    const map = counts[article];
    local.forEach((m, k) => {
      const n = opts.ngrams[k];
      for (const [key, c] of m) {
        let term: string;
        if (typeof key === "string") term = key;
        else {
          let rest = key;
          term = forms[rest % base];
          for (let j = 1; j < n; j++) {
            rest = Math.floor(rest / base);
            term = forms[rest % base] + " " + term;
          }
        }
        map.set(term, (map.get(term) ?? 0) + c);
      }
      m.clear();
    });
  };
  // The ids of the last kept tokens of the current sentence, newest last: the n-gram window.
  const window: number[] = [];
  let articleId = "";
  let sentenceId = "";
  let article = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.articleId[i] !== articleId) {
      if (article >= 0) flush(article);
      articleId = tokens.articleId[i];
      const found = indexOf.get(articleId);
      if (found === undefined) {
        throw new Error(`token ${i} belongs to article "${articleId}", which is not in articles`);
      }
      article = found;
    }
    if (tokens.sentenceId[i] !== sentenceId) {
      sentenceId = tokens.sentenceId[i];
      window.length = 0;
    }
    words[article]++;
    // A word for the % sign under a chosen spelling: neither a term nor a break.
    if (ids[i] < 0) continue;
    // An abbreviation's term ("US", "uk") is what a stopword set or the honorifics are asked
    // about; under the default list it is never a stopword (the point of its own form).
    const abbreviation = ids[i] >= firstAbbreviation;
    const lower = abbreviation ? abbreviations[ids[i] - firstAbbreviation] : tokens.lower[i];
    const removed = (stop === "remove"
      ? tokens.isStop[i] && !abbreviation
      : stop === "keep"
      ? false
      : stop.has(lower)) || (dropTitles && HONORIFICS.has(lower));
    if (removed) {
      window.length = 0;
      continue;
    }
    window.push(ids[i]);
    if (window.length > maxN) {
      window.shift();
    }
    const last = window.length - 1;
    for (let k = 0; k < opts.ngrams.length; k++) {
      const n = opts.ngrams[k];
      if (window.length < n) {
        break;
      }
      let key: number | string;
      if (numeric[k]) {
        key = 0;
        for (let j = last - n + 1; j <= last; j++) {
          key = key * base + window[j];
        }
      } else {
        key = forms[window[last - n + 1]];
        for (let j = last - n + 2; j <= last; j++) {
          key += " " + forms[window[j]];
        }
      }
      const m = local[k];
      m.set(key, (m.get(key) ?? 0) + 1);
      totals[k][article]++;
    }
  }
  if (article >= 0) flush(article);
  return { options: opts, articles, counts, totals, words };
}

const formIdCache = new WeakMap<
  TokenColumns,
  Map<"lower" | "stem", { length: number; ids: Int32Array; forms: string[] }>
>();

/**
 * Each token's form (lower or stem) as a small integer, and the forms by id: computed once per
 * token columns and cached, so repeated counts (other n-grams, stems) do not hash every token
 * string again.
 */
function formIds(
  tokens: TokenColumns,
  form: "lower" | "stem",
): { ids: Int32Array; forms: string[] } {
  let byForm = formIdCache.get(tokens);
  if (!byForm) formIdCache.set(tokens, byForm = new Map());
  const cached = byForm.get(form);
  if (cached && cached.length === tokens.length) return cached;
  const numbered = form === "stem" ? tokens.stemId : tokens.lowerId;
  if (numbered.length === tokens.length) {
    // Segmenting numbered the forms already: the process-wide numbers serve as they are.
    const out = {
      length: tokens.length,
      ids: Int32Array.from(numbered),
      forms: (form === "stem" ? STEM_IDS : LOWER_IDS).strings,
    };
    byForm.set(form, out);
    return out;
  }
  const source = form === "stem" ? tokens.stem : tokens.lower;
  const index = new Map<string, number>();
  const forms: string[] = [];
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < source.length; i++) {
    let id = index.get(source[i]);
    if (id === undefined) {
      id = forms.length;
      index.set(source[i], id);
      forms.push(source[i]);
    }
    ids[i] = id;
  }
  const out = { length: tokens.length, ids, forms };
  byForm.set(form, out);
  return out;
}

/**
 * The form ids with the words for the % sign at -1 (`withoutSignWords`), then, under a chosen
 * spelling, each British or American spelling respelt into it: a respelt word gets the id of its
 * new form (appended to a copy of `forms`; a form that is there already under another id merges
 * with it when the counts become strings). Capitalised words inside a sentence (names) stay as
 * written.
 */
function respelledIds(
  base: { ids: Int32Array; forms: string[] },
  tokens: TokenColumns,
  options: ResolvedTermOptions,
): { ids: Int32Array; forms: string[] } {
  const unsigned = withoutSignWords(base, tokens);
  if (options.spelling === "as-written") return unsigned;
  const { words } = spellingVariants(options.spelling);
  const ids = unsigned.ids === base.ids ? base.ids.slice() : unsigned.ids;
  const forms = base.forms.slice();
  const added = new Map<string, number>();
  const idOf = (word: string) => {
    const form = options.form === "stem" ? stemOf(word) : word;
    let id = added.get(form);
    if (id === undefined) added.set(form, id = forms.push(form) - 1);
    return id;
  };
  for (let i = 0; i < tokens.length; i++) {
    // "" is a word for the sign: already -1, or a name that stays.
    const word = words.get(tokens.lower[i]);
    if (word && ids[i] >= 0 && !isNameToken(tokens, i)) ids[i] = idOf(word);
  }
  return { ids, forms };
}

/**
 * The form ids with the words for the % sign ("per cent", "percent", "pct") at -1 (no term, no
 * break): under every spelling, as the sign itself is no term, so an outlet that writes "per
 * cent" does not "over-use" "cent" against one that prints "%". The words are found by their
 * lower-form numbers (a flag per number, one read per token); capitalised inside a sentence
 * they are a name and stay.
 */
function withoutSignWords(
  base: { ids: Int32Array; forms: string[] },
  tokens: TokenColumns,
): { ids: Int32Array; forms: string[] } {
  const { words, phrases } = spellingVariants("american");
  const signs = [...words].filter(([, to]) => to === "").map(([w]) => w);
  const numbered = tokens.lowerId.length === tokens.length;
  const present = [...signs, ...phrases.keys()].some((w) => LOWER_IDS.ids.has(w));
  if (numbered && !present) return base;
  const flags = new Uint8Array(numbered ? LOWER_IDS.strings.length : 0);
  for (const w of signs) if (LOWER_IDS.ids.has(w)) flags[LOWER_IDS.ids.get(w)!] = SIGN;
  for (const w of phrases.keys()) if (LOWER_IDS.ids.has(w)) flags[LOWER_IDS.ids.get(w)!] = FIRST;
  let ids = base.ids;
  for (let i = 0; i < tokens.length; i++) {
    const flag = numbered
      ? flags[tokens.lowerId[i]]
      : words.get(tokens.lower[i]) === ""
      ? SIGN
      : phrases.has(tokens.lower[i])
      ? FIRST
      : 0;
    if (flag === 0 || isNameToken(tokens, i)) continue;
    const second = flag === FIRST && tokens.sentenceId[i + 1] === tokens.sentenceId[i] &&
      phrases.get(tokens.lower[i])!.has(tokens.lower[i + 1]) && !isNameToken(tokens, i + 1);
    if (flag === FIRST && !second) continue;
    if (ids === base.ids) ids = base.ids.slice();
    ids[i] = -1;
    if (second) ids[++i] = -1;
  }
  return { ids, forms: base.forms };
}

const SIGN = 1;
const FIRST = 2;

/**
 * The form ids with each abbreviation given its term (`abbreviationTerms`: "U.S." and "US" →
 * "US", "U.K." → "uk"): new ids appended to a copy of `forms`, one per distinct term, and
 * `abbreviations` the lower-case-or-capitals term of each of them (the last
 * `abbreviations.length` forms). Without abbreviations, the input as it is.
 */
function abbreviatedIds(
  base: { ids: Int32Array; forms: string[] },
  tokens: TokenColumns,
  form: "lower" | "stem",
): { ids: Int32Array; forms: string[]; abbreviations: string[] } {
  const { index, terms } = abbreviationTerms(tokens);
  const abbreviations: string[] = [];
  if (index.length === 0) return { ...base, abbreviations };
  const ids = base.ids.slice();
  const forms = base.forms.slice();
  const added = new Map<string, number>();
  for (let k = 0; k < index.length; k++) {
    const term = terms[k];
    let id = added.get(term);
    if (id === undefined) {
      added.set(term, id = forms.push(form === "stem" ? stemOf(term) : term) - 1);
      abbreviations.push(term);
    }
    ids[index[k]] = id;
  }
  return { ids, forms, abbreviations };
}

/** Corpus-wide count and document frequency of every term. */
export function corpusTermStats(
  counts: ArticleTermCounts,
): { total: Map<string, number>; df: Map<string, number> } {
  const total = new Map<string, number>();
  const df = new Map<string, number>();
  for (const map of counts.counts) {
    for (const [term, n] of map) {
      total.set(term, (total.get(term) ?? 0) + n);
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return { total, df };
}

/**
 * The corpus vocabulary with a code per term: document frequency, total count and n-gram order
 * by code. Frames store codes and turn them into strings once (see `coded.ts`).
 */
export interface Vocabulary {
  terms: string[];
  index: Map<string, number>;
  /** The code of each entry of count map i, in the map's order (saves a lookup per entry). */
  codes: Int32Array[];
  df: Int32Array;
  total: Float64Array;
  order: Int32Array;
}

const vocabularies = new WeakMap<readonly ReadonlyMap<string, number>[], Vocabulary>();

/**
 * Codes every term of the counts (first seen, first coded) with its df, total and order. Cached
 * per counts array, so the frames built from one count share it.
 */
export function vocabularyOf(counts: readonly ReadonlyMap<string, number>[]): Vocabulary {
  const cached = vocabularies.get(counts);
  if (cached) return cached;
  const vocab = buildVocabulary(counts);
  vocabularies.set(counts, vocab);
  return vocab;
}

/**
 * Gives {@link vocabularyOf} the vocabulary of `counts`, made another way (from codes): it must be
 * exactly what `vocabularyOf` would make of them.
 */
export function cacheVocabulary(
  counts: readonly ReadonlyMap<string, number>[],
  vocab: Vocabulary,
): void {
  vocabularies.set(counts, vocab);
}

/** The vocabulary {@link vocabularyOf} made of these counts already, if any. */
export function cachedVocabulary(
  counts: readonly ReadonlyMap<string, number>[],
): Vocabulary | undefined {
  return vocabularies.get(counts);
}

function buildVocabulary(counts: readonly ReadonlyMap<string, number>[]): Vocabulary {
  const terms: string[] = [];
  const index = new Map<string, number>();
  const df: number[] = [];
  const total: number[] = [];
  const codes = counts.map((map) => {
    const out = new Int32Array(map.size);
    let r = 0;
    for (const [term, n] of map) {
      let code = index.get(term);
      if (code === undefined) {
        code = terms.length;
        index.set(term, code);
        terms.push(term);
        df.push(0);
        total.push(0);
      }
      df[code]++;
      total[code] += n;
      out[r++] = code;
    }
    return out;
  });
  return {
    terms,
    index,
    codes,
    df: Int32Array.from(df),
    total: Float64Array.from(total),
    order: Int32Array.from(terms, ngramOrder),
  };
}

/**
 * The terms of one count map that reach `minCount` in the corpus, as vocabulary codes with their
 * counts, in the order every term frame uses: n-gram order, then count descending, then first
 * appearance.
 */
export function orderedTermCodes(
  map: ReadonlyMap<string, number>,
  vocab: Vocabulary,
  minCount: number,
  mapCodes?: Int32Array,
): { codes: Int32Array; counts: Int32Array } {
  const codes: number[] = [];
  const counts: number[] = [];
  const keys: number[] = [];
  let r = 0;
  for (const [t, c] of map) {
    const code = mapCodes ? mapCodes[r++] : vocab.index.get(t)!;
    if (vocab.total[code] < minCount) continue;
    codes.push(code);
    counts.push(c);
    keys.push(vocab.order[code] * 1e10 - c);
  }
  const order = stableOrderBy(keys);
  return {
    codes: Int32Array.from(order, (r) => codes[r]),
    counts: Int32Array.from(order, (r) => counts[r]),
  };
}

/**
 * The `terms` frame: one row per article and term, with article_id, outlet, term, ngram, n,
 * tf, df, idf and tf_idf (see the module notes for the convention). Rows are ordered by article,
 * then n-gram order, then n descending, then first appearance in the article.
 *
 * `options.minCount` overrides the counts' own (a batch of a larger corpus keeps every term and
 * leaves the filter to {@link finishTerms}).
 *
 * @example
 * ```ts
 * import { analyzeCorpus, countTerms, termsFrame } from "newsframe";
 *
 * const terms = termsFrame(countTerms(await analyzeCorpus("seeds")), { minCount: 2 });
 * terms.sort("tf_idf", true).head(10);
 * ```
 */
export function termsFrame(
  counts: ArticleTermCounts,
  options: { minCount?: number } = {},
): pl.DataFrame {
  const vocab = vocabularyOf(counts.counts);
  const nArticles = counts.articles.length;
  const minCount = options.minCount ?? counts.options.minCount;
  const orderIndex = new Map(counts.options.ngrams.map((n, k) => [n, k]));
  const idfOf = Float64Array.from(vocab.df, (d) => Math.log(nArticles / d));
  const rowsPerArticle: number[] = [];
  // Sized for every term of every article up front: doubling from small buffers would copy
  // each column about twice over and leave as much again of fresh memory as garbage.
  const rows = totalSize(counts.counts);
  const term = new Int32Buffer(rows);
  const ngram = new Int32Buffer(rows);
  const n = new Int32Buffer(rows);
  const tf = new Float64Buffer(rows);
  const df = new Int32Buffer(rows);
  const idf = new Float64Buffer(rows);
  const tfIdf = new Float64Buffer(rows);
  counts.counts.forEach((map, i) => {
    const totals = counts.options.ngrams.map((_, k) => counts.totals[k][i]);
    const { codes, counts: ns } = orderedTermCodes(map, vocab, minCount, vocab.codes[i]);
    for (let r = 0; r < codes.length; r++) {
      const code = codes[r];
      const c = ns[r];
      const termTf = c / totals[orderIndex.get(vocab.order[code])!];
      term.push(code);
      ngram.push(vocab.order[code]);
      n.push(c);
      tf.push(termTf);
      df.push(vocab.df[code]);
      idf.push(idfOf[code]);
      tfIdf.push(termTf * idfOf[code]);
    }
    rowsPerArticle.push(codes.length);
  });
  return pl.DataFrame([
    runsUtf8("article_id", counts.articles.map((a) => a.id), rowsPerArticle),
    runsUtf8("outlet", counts.articles.map((a) => a.outlet), rowsPerArticle),
    codedUtf8("term", vocab.terms, term.view()),
    pl.Series("ngram", ngram.view()),
    pl.Series("n", n.view()),
    pl.Series("tf", tf.view()),
    pl.Series("df", df.view()),
    pl.Series("idf", idf.view()),
    pl.Series("tf_idf", tfIdf.view()),
  ]);
}

/** Entries of all the maps together: the rows of a frame with one row per entry at most. */
export function totalSize(maps: readonly ReadonlyMap<unknown, unknown>[]): number {
  let rows = 0;
  for (const map of maps) rows += map.size;
  return rows;
}

/**
 * What the `terms` frame needs from the whole corpus: the number of articles, and each term's
 * document frequency and total count. Tallies of batches add up ({@link mergeTermTally}).
 */
export interface TermTally {
  /** The corpus-wide minimum count of a kept term (the term options' `minCount`). */
  minCount: number;
  articles: number;
  df: Map<string, number>;
  total: Map<string, number>;
}

/** The term tally of some counted articles. */
export function termTally(counts: ArticleTermCounts): TermTally {
  // From the vocabulary the term frames already built (cached), not another pass over articles.
  const vocab = vocabularyOf(counts.counts);
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  vocab.terms.forEach((term, code) => {
    df.set(term, vocab.df[code]);
    total.set(term, vocab.total[code]);
  });
  return { minCount: counts.options.minCount, articles: counts.articles.length, df, total };
}

/** Adds `from` to `into` (terms new to `into` go at its end, in `from`'s order). */
export function mergeTermTally(into: TermTally, from: TermTally): TermTally {
  into.articles += from.articles;
  addCounts(into.df, from.df);
  addCounts(into.total, from.total);
  return into;
}

/**
 * The df, idf and total of every term of a tally, as a frame to join on `term` (made once per
 * run, not once per batch).
 */
export function termLookup(tally: TermTally): pl.DataFrame {
  const size = tally.df.size;
  const terms = new Array<string>(size);
  const df = new Int32Array(size);
  const idf = new Float64Array(size);
  const total = new Float64Array(size);
  let i = 0;
  for (const [term, d] of tally.df) {
    terms[i] = term;
    df[i] = d;
    idf[i] = Math.log(tally.articles / d);
    total[i++] = tally.total.get(term)!;
  }
  return pl.DataFrame([
    pl.Series("term", terms, pl.Utf8),
    pl.Series("df", df),
    pl.Series("idf", idf),
    pl.Series("total", total),
  ]);
}

/**
 * A batch's `terms` (made by {@link termsFrame} with `minCount: 1`) made corpus-wide: df, idf
 * and tf_idf from the whole corpus's tally ({@link termLookup}), and the corpus-wide `minCount`
 * applied. Lazy, so a batch's frame can stream from its file to the final one; rows keep their
 * order, so a corpus in batches gets the frame the corpus in one piece gets.
 *
 * @example
 * finishTerms(pl.scanParquet("staged/terms.parquet"), termLookup(tally), 1)
 *   .sinkParquet("terms.parquet", { maintainOrder: true });
 */
export function finishTerms(
  batch: pl.LazyDataFrame,
  corpus: pl.DataFrame,
  minCount = 1,
): pl.LazyDataFrame {
  const joined = batch.withRowIndex("row_in_batch")
    .drop("df", "idf", "tf_idf")
    .join(corpus.lazy(), { on: "term", how: "left" });
  return (minCount > 1 ? joined.filter(pl.col("total").gtEq(minCount)) : joined)
    .sort("row_in_batch")
    .withColumns(pl.col("tf").mul(pl.col("idf")).alias("tf_idf"))
    .select(...TERMS_COLUMNS);
}

/** The columns of the `terms` frame, in order. */
export const TERMS_COLUMNS = [
  "article_id",
  "outlet",
  "term",
  "ngram",
  "n",
  "tf",
  "df",
  "idf",
  "tf_idf",
];
