/**
 * Framing: where each frame of a lexicon is used, sentence by sentence, and how often each group
 * (outlet by default) uses it per 1,000 words.
 *
 * Within one dimension of a lexicon, matches do not overlap and the longest wins, so "undocumented
 * immigrant" counts as `undocumented_immigrant` and not also as `immigrant`; different dimensions
 * may match the same words ("border security operation" is immigration naming and, through
 * "security", security). A match that overlaps one of its frame's exclusions is dropped ("Social Security"
 * is not security).
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { bool, float64, int32, utf8 } from "../frames/columns.ts";
import type { Sentence, TokenColumns } from "../text/segment.ts";
import { type GroupBy, groupColumnName, groupsOf } from "./groups.ts";
import { type Lexicon, MEDIA_FRAMES_LEXICON } from "./lexicon.ts";
import { addCounts } from "./tally.ts";
import { type PhraseMatch, PhraseMatcher, type PhrasePattern, wordParts } from "./patterns.ts";

/**
 * The lexicons `deno task analyze` applies unless told otherwise: the Media Frames Corpus
 * policy frames, which hold on any story. Story lexicons are added with `--lexicon FILE`.
 */
export const DEFAULT_LEXICONS: readonly Lexicon[] = [MEDIA_FRAMES_LEXICON];

/**
 * The lexicons of a run: the defaults (unless `noDefaults`) followed by the user's, with a
 * lexicon name given twice kept once (the user's wins).
 *
 * @example
 * ```ts
 * import { lexiconsOf, loadLexicon } from "newsframe";
 *
 * const mine = await loadLexicon("data/lexicons/my_frames.yaml");
 * lexiconsOf([mine]); // the defaults and yours
 * lexiconsOf([mine], true); // yours only
 * ```
 */
export function lexiconsOf(user: readonly Lexicon[] = [], noDefaults = false): Lexicon[] {
  const all = [...(noDefaults ? [] : DEFAULT_LEXICONS), ...user];
  const byName = new Map(all.map((l) => [l.name, l]));
  return [...byName.values()];
}

/** Every frame match, as columns (row i of every array is match i). */
export interface FramingMatches {
  /** The lexicon's name. */
  lexicon: string[];
  /** The article's id. */
  articleId: string[];
  /** The article's outlet. */
  outlet: string[];
  /** The sentence of the match. */
  sentenceId: string[];
  /** The dimension's id. */
  dimension: string[];
  /** The frame's id. */
  frame: string[];
  /** The dimension is marked `naming` (its frames are competing names for one thing). */
  naming: boolean[];
  /** The words matched, as printed in the cleaned text. */
  phrase: string[];
  /** Offset of the match in the cleaned text. */
  start: number[];
  /** Offset just past it. */
  end: number[];
}

interface FrameRef {
  lexicon: string;
  dimension: string;
  frame: string;
  naming: boolean;
}

/**
 * Finds every frame of `lexicons` in the analysis, in text order (matches starting at the same
 * word in lexicon and dimension order).
 *
 * @example
 * ```ts
 * import { analyzeCorpus, findFraming } from "newsframe";
 *
 * const matches = findFraming(await analyzeCorpus("seeds")); // the Media Frames lexicon
 * console.log(matches.frame.length, "matches");
 * ```
 */
export function findFraming(
  analysis: { articles: readonly CleanArticle[]; tokens: TokenColumns },
  lexicons: readonly Lexicon[] = DEFAULT_LEXICONS,
): FramingMatches {
  const { tokens } = analysis;
  const textOf = new Map(analysis.articles.map((a) => [a.id, a.text]));
  const parts = wordParts(tokens);
  const out: FramingMatches = {
    lexicon: [],
    articleId: [],
    outlet: [],
    sentenceId: [],
    dimension: [],
    frame: [],
    naming: [],
    phrase: [],
    start: [],
    end: [],
  };
  const { entries, contexts } = matcherEntries(lexicons);
  const matcher = new PhraseMatcher<Entry>(entries);
  // Matches of one sentence are held until its exclusions are all known (an exclusion may start
  // after the match it cancels); matches of one article until its contexts are known.
  let held: PhraseMatch<Entry>[] = [];
  let heldSentence = -1;
  let pending: Pending[] = [];
  let pendingArticle = "";
  const cuesSeen = contexts.map(() => new Set<number>());
  const overlaps = (spans: PhraseMatch<Entry>[], m: PhraseMatch<Entry>, exclusion: number) =>
    spans.some((x) =>
      (x.entry as { exclusion: number }).exclusion === exclusion && x.start < m.end &&
      m.start < x.end
    );
  const flush = () => {
    const spans = held.filter((m) => "exclusion" in m.entry);
    for (const m of held) {
      const entry = m.entry;
      if ("context" in entry) cuesSeen[entry.context].add(entry.cue);
      if (!("frame" in entry)) continue;
      if (entry.exclude.some((x) => overlaps(spans, m, x))) continue;
      const unless = entry.excludeIn.filter(([, x]) => overlaps(spans, m, x)).map(([c]) => c);
      pending.push({
        frame: entry.frame,
        start: m.start,
        end: m.end,
        sentence: heldSentence,
        unless,
      });
    }
    held = [];
  };
  const record = (entry: FrameRef, start: number, end: number, s: number) => {
    const t = parts.sentenceFirstToken[s];
    const articleId = tokens.articleId[t];
    const startOffset = parts.start[start];
    const endOffset = parts.end[end - 1];
    out.lexicon.push(entry.lexicon);
    out.articleId.push(articleId);
    out.outlet.push(tokens.outlet[t]);
    out.sentenceId.push(tokens.sentenceId[t]);
    out.dimension.push(entry.dimension);
    out.frame.push(entry.frame);
    out.naming.push(entry.naming);
    out.phrase.push(textOf.get(articleId)?.slice(startOffset, endOffset) ?? "");
    out.start.push(startOffset);
    out.end.push(endOffset);
  };
  const settle = () => {
    const holds = contexts.map((c, k) => cuesSeen[k].size >= c.minimum);
    for (const p of pending) {
      if (!p.unless.some((k) => holds[k])) record(p.frame, p.start, p.end, p.sentence);
    }
    pending = [];
    for (const seen of cuesSeen) seen.clear();
  };
  matcher.scanAll(parts, (match, s) => {
    if (s !== heldSentence) {
      flush();
      const article = tokens.articleId[parts.sentenceFirstToken[s]];
      if (article !== pendingArticle) {
        settle();
        pendingArticle = article;
      }
      heldSentence = s;
    }
    held.push(match);
  });
  flush();
  settle();
  return out;
}

/** A frame match, held until its article's contexts are known. */
interface Pending {
  frame: FrameRef;
  start: number;
  end: number;
  sentence: number;
  /** Contexts in which an `excludeIn` phrase cancels it. */
  unless: number[];
}

/** What the one matcher of {@link findFraming} finds: a cue, an exclusion or a context's cue. */
type Entry =
  | { frame: FrameRef; exclude: number[]; excludeIn: [context: number, exclusion: number][] }
  | { exclusion: number }
  | { context: number; cue: number };

/**
 * One matcher for every dimension of every lexicon: one group per dimension, one group per
 * distinct exclusion phrase (exclusions may overlap each other and any frame) and one group per
 * context (whose cues are counted per article).
 */
function matcherEntries(lexicons: readonly Lexicon[]) {
  const entries: { pattern: PhrasePattern; entry: Entry; group: number }[] = [];
  const exclusionIds = new Map<string, number>();
  const exclusions: PhrasePattern[] = [];
  const exclusionId = (p: PhrasePattern) => {
    let id = exclusionIds.get(p.source);
    if (id === undefined) {
      exclusionIds.set(p.source, id = exclusions.length);
      exclusions.push(p);
    }
    return id;
  };
  const contexts: { minimum: number }[] = [];
  let group = 0;
  for (const lexicon of lexicons) {
    const contextIndex = new Map<string, number>();
    for (const c of lexicon.contexts ?? []) {
      contextIndex.set(c.id, contexts.length);
      c.cues.forEach((pattern, cue) =>
        entries.push({ pattern, entry: { context: contexts.length, cue }, group })
      );
      contexts.push({ minimum: c.minimum });
      group++;
    }
    for (const d of lexicon.dimensions) {
      for (const f of d.frames) {
        const exclude = f.exclude.map(exclusionId);
        const excludeIn = Object.entries(f.excludeIn ?? {}).flatMap(([c, patterns]) =>
          patterns.map((p) => [contextIndex.get(c)!, exclusionId(p)] as [number, number])
        );
        const frame = { lexicon: lexicon.name, dimension: d.id, frame: f.id, naming: d.naming };
        for (const pattern of f.patterns) {
          entries.push({ pattern, entry: { frame, exclude, excludeIn }, group });
        }
      }
      group++;
    }
  }
  exclusions.forEach((pattern, id) =>
    entries.push({ pattern, entry: { exclusion: id }, group: group + id })
  );
  return { entries, contexts };
}

/**
 * The `framing` frame: lexicon, article_id, outlet, sentence_id, dimension, frame, naming (the
 * dimension is marked `naming`), phrase (as matched), start, end (offsets into the article's
 * cleaned text).
 *
 * @example
 * ```ts
 * import { analyzeCorpus, findFraming, framingFrame } from "newsframe";
 *
 * framingFrame(findFraming(await analyzeCorpus("seeds"))).head(5); // one row per match
 * ```
 */
export function framingFrame(matches: FramingMatches): pl.DataFrame {
  return pl.DataFrame([
    utf8("lexicon", matches.lexicon),
    utf8("article_id", matches.articleId),
    utf8("outlet", matches.outlet),
    utf8("sentence_id", matches.sentenceId),
    utf8("dimension", matches.dimension),
    utf8("frame", matches.frame),
    bool("naming", matches.naming),
    utf8("phrase", matches.phrase),
    int32("start", matches.start),
    int32("end", matches.end),
  ]);
}

/**
 * The `framing_summary` frame: one row per lexicon, group, dimension and frame (zeros
 * included, so groups compare), with naming (the dimension is marked `naming`), label, n (matches), articles (articles of the group with at
 * least one match), words (word tokens of the group, stopwords included), group_articles
 * (articles of the group), per_1000 (n per 1,000 words) and share (n over all matches of the same dimension in the group; null when the group
 * has none).
 *
 * @example
 * ```ts
 * import { analyzeCorpus, findFraming, framingSummary } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * framingSummary(analysis, findFraming(analysis)); // per outlet and frame: articles, matches
 * ```
 */
export function framingSummary(
  analysis: { articles: readonly CleanArticle[]; sentences: readonly Sentence[] },
  matches: FramingMatches,
  lexicons: readonly Lexicon[] = DEFAULT_LEXICONS,
  by: GroupBy = "outlet",
): pl.DataFrame {
  return framingSummaryFrame(framingTally(analysis, matches, by), lexicons, by);
}

/**
 * What `framing_summary` counts, per group: words, and per lexicon, dimension, frame and group
 * the matches and the articles with a match. Keys are tab-joined. Tallies of disjoint sets of
 * articles (batches) add up ({@link mergeFramingTally}).
 */
export interface FramingTally {
  /** Word tokens per group. */
  words: Map<string, number>;
  /** Articles per group. */
  groupArticles: Map<string, number>;
  /** lexicon, dimension, frame, group → matches. */
  n: Map<string, number>;
  /** lexicon, dimension, frame, group → articles with at least one match. */
  articles: Map<string, number>;
  /** lexicon, dimension, group → matches of any frame of the dimension. */
  dimensionTotals: Map<string, number>;
}

/** The framing tally of some articles. */
export function framingTally(
  analysis: { articles: readonly CleanArticle[]; sentences: readonly Sentence[] },
  matches: FramingMatches,
  by: GroupBy = "outlet",
): FramingTally {
  const groupOfArticle = new Map<string, string | null>();
  const groupOf = groupsOf(analysis.articles, by);
  analysis.articles.forEach((a, i) => groupOfArticle.set(a.id, groupOf[i]));
  const words = new Map<string, number>();
  const groupArticles = new Map<string, number>();
  for (const g of groupOf) {
    if (g === null) continue;
    if (!words.has(g)) words.set(g, 0);
    groupArticles.set(g, (groupArticles.get(g) ?? 0) + 1);
  }
  for (const s of analysis.sentences) {
    const g = groupOfArticle.get(s.articleId);
    if (g != null) words.set(g, words.get(g)! + s.nWords);
  }
  const n = new Map<string, number>();
  const articleSets = new Map<string, Set<string>>();
  const dimensionTotals = new Map<string, number>();
  for (let i = 0; i < matches.frame.length; i++) {
    const g = groupOfArticle.get(matches.articleId[i]);
    if (g == null) continue;
    const key = `${matches.lexicon[i]}\t${matches.dimension[i]}\t${matches.frame[i]}\t${g}`;
    n.set(key, (n.get(key) ?? 0) + 1);
    const set = articleSets.get(key) ?? new Set<string>();
    set.add(matches.articleId[i]);
    articleSets.set(key, set);
    const dimKey = `${matches.lexicon[i]}\t${matches.dimension[i]}\t${g}`;
    dimensionTotals.set(dimKey, (dimensionTotals.get(dimKey) ?? 0) + 1);
  }
  const articles = new Map([...articleSets].map(([key, set]) => [key, set.size]));
  return { words, groupArticles, n, articles, dimensionTotals };
}

/** Adds `from` (other articles than those of `into`) to `into`, in place. */
export function mergeFramingTally(into: FramingTally, from: FramingTally): FramingTally {
  addCounts(into.words, from.words);
  addCounts(into.groupArticles, from.groupArticles);
  addCounts(into.n, from.n);
  addCounts(into.articles, from.articles);
  addCounts(into.dimensionTotals, from.dimensionTotals);
  return into;
}

/** The `framing_summary` frame of a tally (see {@link framingSummary}). */
export function framingSummaryFrame(
  tally: FramingTally,
  lexicons: readonly Lexicon[] = DEFAULT_LEXICONS,
  by: GroupBy = "outlet",
): pl.DataFrame {
  const { words, groupArticles, n, articles, dimensionTotals } = tally;
  const groups = [...words.keys()].sort();
  const cols = {
    lexicon: [] as string[],
    group: [] as string[],
    dimension: [] as string[],
    frame: [] as string[],
    naming: [] as boolean[],
    label: [] as string[],
    n: [] as number[],
    articles: [] as number[],
    words: [] as number[],
    groupArticles: [] as number[],
    per1000: [] as number[],
    share: [] as (number | null)[],
  };
  for (const lexicon of lexicons) {
    for (const g of groups) {
      for (const d of lexicon.dimensions) {
        const dimTotal = dimensionTotals.get(`${lexicon.name}\t${d.id}\t${g}`) ?? 0;
        for (const f of d.frames) {
          const key = `${lexicon.name}\t${d.id}\t${f.id}\t${g}`;
          const count = n.get(key) ?? 0;
          const w = words.get(g) ?? 0;
          cols.lexicon.push(lexicon.name);
          cols.group.push(g);
          cols.dimension.push(d.id);
          cols.frame.push(f.id);
          cols.naming.push(d.naming);
          cols.label.push(f.label);
          cols.n.push(count);
          cols.articles.push(articles.get(key) ?? 0);
          cols.words.push(w);
          cols.groupArticles.push(groupArticles.get(g) ?? 0);
          cols.per1000.push(w ? (count / w) * 1000 : 0);
          cols.share.push(dimTotal ? count / dimTotal : null);
        }
      }
    }
  }
  return pl.DataFrame([
    utf8("lexicon", cols.lexicon),
    utf8(groupColumnName(by), cols.group),
    utf8("dimension", cols.dimension),
    utf8("frame", cols.frame),
    bool("naming", cols.naming),
    utf8("label", cols.label),
    int32("n", cols.n),
    int32("articles", cols.articles),
    int32("words", cols.words),
    int32("group_articles", cols.groupArticles),
    float64("per_1000", cols.per1000),
    pl.Series("share", cols.share, pl.Float64),
  ]);
}
