/**
 * The string fast paths the text and extraction hot loops share, defined once: a lower-casing
 * that skips the call when nothing would change, a set membership test that turns most absent
 * words away before hashing them, and the two capped caches (memos that must not grow without
 * bound on a large corpus): a capped map that stops taking new entries when full (per surface
 * form memos), and an interner (a small integer per distinct string) that can start over when
 * full (the entity recogniser's word table, whose rows are indexed by those integers).
 * @module
 */

/**
 * `text.toLowerCase()`, without the call when nothing in `text` can change: plain ASCII with no
 * upper-case letter (most words) is returned as it is.
 */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return text.toLowerCase();
  }
  return text;
}

/** A bucket of a string from its length and first and last characters (no hashing of the string). */
function bucketOf(key: string): number {
  const n = key.length;
  if (n === 0) return 0;
  return (n * 977 + key.charCodeAt(0) * 31 + key.charCodeAt(n - 1)) & 4095;
}

interface Filter {
  size: number;
  buckets: Uint8Array;
}

const filters = new WeakMap<ReadonlySet<string> | ReadonlyMap<string, unknown>, Filter>();

/**
 * A membership test for a set (or the keys of a map) that turns most absent strings away by
 * their length and first and last characters before any lookup: a word seen for the first time
 * is then never hashed. Same answers as `set.has` (the filter is rebuilt if the set's size
 * changes).
 */
export function quickHas(
  set: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): (key: string) => boolean {
  let filter = filters.get(set);
  if (!filter || filter.size !== set.size) {
    const buckets = new Uint8Array(4096);
    for (const key of set.keys()) buckets[bucketOf(key)] = 1;
    filter = { size: set.size, buckets };
    filters.set(set, filter);
  }
  const { buckets } = filter;
  return (key: string) => buckets[bucketOf(key)] === 1 && set.has(key);
}

/** Entries a {@link CappedCache} keeps unless told: enough for the vocabulary of a large corpus. */
export const CACHE_LIMIT = 500_000;

/**
 * A map that stops taking new entries once it holds `limit` of them (earlier entries stay): a
 * memo of per-form work (lower case, stem) whose memory is bounded however many distinct forms
 * a corpus has. Past the limit, new keys are simply computed each time. A `Map` whose `set`
 * checks the size, so `get` is the native one (no wrapper call in the hot loops).
 */
export class CappedCache<K, V> extends Map<K, V> {
  constructor(readonly limit: number = CACHE_LIMIT) {
    super();
  }

  /** Caches `value` for `key` unless the cache is full. */
  override set(key: K, value: V): this {
    if (this.size < this.limit || this.has(key)) super.set(key, value);
    return this;
  }
}

/**
 * `compute`, memoised in a {@link CappedCache}: the value of a key is computed once (while the
 * cache has room).
 *
 * @example
 * const stem = cappedMemo((word: string) => word.replace(/s$/, ""));
 * stem("votes"); // "vote", computed; the next call with "votes" is a lookup
 */
export function cappedMemo<K, V>(
  compute: (key: K) => V,
  limit: number = CACHE_LIMIT,
): (key: K) => V {
  const cache = new CappedCache<K, V>(limit);
  return (key: K) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, value = compute(key));
    return value;
  };
}

/**
 * Interned strings: each distinct string gets a small integer id, first seen first numbered, so
 * hot loops compare and index by number instead of hashing strings. With a `limit`, memory stays
 * bounded on any corpus: {@link reserve} before a batch of new strings whose ids are used
 * together (a sentence's words) makes the interner forget everything first (ids start again at
 * 0 and {@link generation} goes up) when the batch could take it past the limit. It never starts
 * over inside a batch, so ids handed out since the last `reserve` stay valid.
 *
 * @example
 * const words = new Interner(2);
 * words.reserve(2);
 * words.id("a"); // 0
 * words.id("b"); // 1
 * words.reserve(1); // full: "a" and "b" are forgotten, generation is 1
 * words.id("c"); // 0
 */
export class Interner {
  /** Id by string. */
  readonly ids = new Map<string, number>();
  /** String by id. */
  readonly strings: string[] = [];
  /** How many times the interner started over (see {@link reserve}). */
  generation = 0;

  constructor(readonly limit: number = Infinity) {}

  /** The id of `s`, numbering it if it is new. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** Starts over if `n` new strings could take the interner past its limit. */
  reserve(n: number): void {
    if (this.strings.length + n <= this.limit) return;
    this.ids.clear();
    this.strings.length = 0;
    this.generation++;
  }
}

/** `s` with every regular-expression metacharacter escaped, to match it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
