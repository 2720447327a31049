/**
 * The keyness tally (per-article term counts) in columns, for the merge step. The generic tally
 * encoding (`tallies.ts`) turns every (article, term) count into a row with its own key string,
 * and reading it back makes one `Map` and one string per count: at 100,000 news-size articles,
 * some 40 million map entries, most of the merge's memory. Here a slice's counts are three
 * columns (article, term, n, in each article's map order), and the merged counts are one coded
 * vocabulary (each term string once, codes in order of first appearance) with a code and a count
 * per (article, term) in typed arrays; each article's counts are a read-only map view of them,
 * so the keyness code reads them as it reads the maps of a corpus in one piece, with the same
 * order and the same numbers.
 * @module
 */

import pl from "nodejs-polars";
import { Float64Buffer, Int32Buffer } from "../_buffers.ts";
import { Interner } from "../_strings.ts";
import type { DocumentTermCounts } from "../stats/stratified.ts";

/**
 * One article's term counts as a read-only map over slices of the merged columns (term codes into
 * a shared vocabulary, and counts), in the order the article's own map had them.
 */
export class CodedCounts implements ReadonlyMap<string, number> {
  constructor(
    private readonly terms: readonly string[],
    private readonly codes: Int32Array,
    private readonly counts: Float64Array,
  ) {}

  get size(): number {
    return this.codes.length;
  }

  get(key: string): number | undefined {
    for (let r = 0; r < this.codes.length; r++) {
      if (this.terms[this.codes[r]] === key) return this.counts[r];
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (let r = 0; r < this.codes.length; r++) fn(this.counts[r], this.terms[this.codes[r]], this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let r = 0; r < this.codes.length; r++) yield [this.terms[this.codes[r]], this.counts[r]];
  }

  *keys(): MapIterator<string> {
    for (let r = 0; r < this.codes.length; r++) yield this.terms[this.codes[r]];
  }

  *values(): MapIterator<number> {
    for (let r = 0; r < this.codes.length; r++) yield this.counts[r];
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * A slice's per-article counts as a frame: one row per article first (term null, with its group
 * and stratum in `group` and `stratum`, and the tally's `by` and `within` on the first row), then
 * one row per term of that article (article, term, n), in the map's order.
 */
export function documentCountsFrame(docs: DocumentTermCounts): pl.DataFrame {
  const article = new Int32Buffer();
  const n = new Float64Buffer();
  const term: (string | null)[] = [];
  const group: (string | null)[] = [];
  const stratum: (string | null)[] = [];
  const head: (string | null)[] = [];
  const within: (string | null)[] = [];
  docs.counts.forEach((map, i) => {
    article.push(i);
    n.push(0);
    term.push(null);
    group.push(docs.group[i]);
    stratum.push(docs.stratum[i]);
    head.push(i === 0 ? docs.by : null);
    within.push(i === 0 ? docs.within ?? null : null);
    for (const [t, c] of map) {
      article.push(i);
      n.push(c);
      term.push(t);
      group.push(null);
      stratum.push(null);
      head.push(null);
      within.push(null);
    }
  });
  return pl.DataFrame([
    pl.Series("article", article.view()),
    pl.Series("term", term, pl.Utf8),
    pl.Series("n", n.view()),
    pl.Series("group", group, pl.Utf8),
    pl.Series("stratum", stratum, pl.Utf8),
    pl.Series("by", head, pl.Utf8),
    pl.Series("within", within, pl.Utf8),
  ]);
}

/**
 * Per-article counts merged slice by slice ({@link add}, in slice order) into a coded vocabulary
 * and typed columns; {@link counts} gives them as the keyness stage's tally.
 */
export class MergedDocumentCounts {
  /** Term codes in order of first appearance; its lookup is dropped once {@link counts} is read. */
  readonly #vocabulary = new Interner();
  #read = false;
  /** Per slice, exactly its size: term codes and counts, and where each article's start. */
  readonly #slices: { codes: Int32Array; n: Float64Array; start: Int32Array }[] = [];
  readonly #group: (string | null)[] = [];
  readonly #stratum: (string | null)[] = [];
  #by: string | undefined;
  #within: string | undefined;

  /** Adds the next slice's frame (see {@link documentCountsFrame}). */
  add(frame: pl.DataFrame): void {
    if (this.#read) throw new Error("merged document counts: read already");
    const vocabulary = this.#vocabulary;
    const terms = frame.getColumn("term").toArray() as (string | null)[];
    const n = frame.getColumn("n").toTypedArray() as Float64Array;
    let heads = 0;
    for (const t of terms) if (t === null) heads++;
    const group = frame.getColumn("group").toArray() as (string | null)[];
    const stratum = frame.getColumn("stratum").toArray() as (string | null)[];
    if (this.#by === undefined && frame.height) {
      this.#by = frame.getColumn("by").get(0) as string;
      this.#within = (frame.getColumn("within").get(0) as string | null) ?? undefined;
    }
    const codes = new Int32Array(terms.length - heads);
    const counts = new Float64Array(terms.length - heads);
    const start = new Int32Array(heads + 1);
    let e = 0;
    let a = 0;
    for (let r = 0; r < terms.length; r++) {
      const t = terms[r];
      if (t === null) {
        // An article's first row: its group and stratum; its entries follow.
        start[a++] = e;
        this.#group.push(group[r]);
        this.#stratum.push(stratum[r]);
        continue;
      }
      codes[e] = vocabulary.id(t);
      counts[e++] = n[r];
    }
    start[a] = e;
    this.#slices.push({ codes, n: counts, start });
  }

  /**
   * The merged counts as the keyness tally: each article's counts a {@link CodedCounts} view (the
   * keyness code only reads them). The lookup from term to code is dropped here.
   */
  counts(): DocumentTermCounts {
    this.#read = true;
    this.#vocabulary.ids.clear();
    const terms = this.#vocabulary.strings;
    const counts: CodedCounts[] = [];
    for (const { codes, n, start } of this.#slices) {
      for (let i = 0; i + 1 < start.length; i++) {
        const [from, to] = [start[i], start[i + 1]];
        counts.push(new CodedCounts(terms, codes.subarray(from, to), n.subarray(from, to)));
      }
    }
    return {
      by: this.#by ?? "outlet",
      within: this.#within,
      group: this.#group,
      stratum: this.#stratum,
      // Read-only views: keyness reads the maps (size, keys, values, entries), never writes them.
      counts: counts as unknown as Map<string, number>[],
    };
  }
}
