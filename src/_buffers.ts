/**
 * Growable typed arrays, the one definition the kit uses: rows of a frame, or pair lists, are
 * appended one value at a time before their count is known, and a plain `number[]` would box
 * every value and double the memory. Two classes, not one generic one, so that each `push`
 * stays monomorphic and fast. Work arrays indexed by position (per sentence, per word) grow by
 * the same rule through {@link withRoom}.
 * @module
 */

/** The typed arrays {@link withRoom} grows. */
export type GrowableArray = Int32Array | Float64Array | Float32Array | Uint8Array;

/**
 * `array` if it holds at least `length` values, else a new array of its type at least twice as
 * long, with the values copied unless `keep` is false (work arrays rewritten before each use).
 *
 * @example
 * let rows = new Int32Array(4);
 * rows = withRoom(rows, 5); // 8 values, the first 4 kept
 */
export function withRoom<T extends GrowableArray>(array: T, length: number, keep = true): T {
  if (length <= array.length) return array;
  const size = Math.max(length, array.length * 2);
  const grown = new (array.constructor as new (size: number) => T)(size);
  if (keep) grown.set(array);
  return grown;
}

/** An append-only Int32 buffer that doubles when full. */
export class Int32Buffer {
  #data: Int32Array;
  /** Number of values appended. */
  length = 0;

  constructor(capacity = 1024) {
    this.#data = new Int32Array(Math.max(1, capacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.#data.length) this.#data = withRoom(this.#data, this.length + 1);
    this.#data[this.length++] = value;
  }

  /** The values appended so far, as a view (no copy). */
  view(): Int32Array {
    return this.#data.subarray(0, this.length);
  }
}

/** An append-only Float64 buffer that doubles when full. */
export class Float64Buffer {
  #data: Float64Array;
  /** Number of values appended. */
  length = 0;

  constructor(capacity = 1024) {
    this.#data = new Float64Array(Math.max(1, capacity));
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.length === this.#data.length) this.#data = withRoom(this.#data, this.length + 1);
    this.#data[this.length++] = value;
  }

  /** The values appended so far, as a view (no copy). */
  view(): Float64Array {
    return this.#data.subarray(0, this.length);
  }
}

/** Index of `key` in the ascending `sorted`, -1 when it is not there (binary search). */
export function sortedIndexOf(sorted: ArrayLike<number>, key: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === key) return mid;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
