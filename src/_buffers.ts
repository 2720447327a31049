/**
 * Growable typed arrays, the one definition the kit uses: rows of a frame, or pair lists, are
 * appended one value at a time before their count is known, and a plain `number[]` would box
 * every value and double the memory. Two classes, not one generic one, so that each `push`
 * stays monomorphic and fast.
 * @module
 */

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
    if (this.length === this.#data.length) {
      const grown = new Int32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
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
    if (this.length === this.#data.length) {
      const grown = new Float64Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.length++] = value;
  }

  /** The values appended so far, as a view (no copy). */
  view(): Float64Array {
    return this.#data.subarray(0, this.length);
  }
}
