/**
 * A token trie: the gazetteer is matched by walking it from each word, so the cost per word does
 * not grow with the number of names.
 * @module
 */

interface Node<T> {
  next: Map<string, Node<T>>;
  value: T | undefined;
}

/**
 * Maps token sequences to values; finds the longest sequence starting at a position.
 * @internal the lookup structure inside a compiled gazetteer.
 */
export class TokenTrie<T> {
  #root: Node<T> = { next: new Map(), value: undefined };
  #size = 0;
  /**
   * 1 at the low ten bits of the first character code of every first key: a test that needs no
   * hashing, so most words are turned away before any map lookup.
   */
  #firstChars = new Uint8Array(1024);

  /** Number of sequences stored. */
  get size(): number {
    return this.#size;
  }

  /** Stores `value` under `keys`; an existing value for the same keys is kept (first wins). */
  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let node = this.#root;
    if (keys[0].length > 0) this.#firstChars[keys[0].charCodeAt(0) & 1023] = 1;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), value: undefined };
        node.next.set(key, child);
      }
      node = child;
    }
    if (node.value === undefined) {
      node.value = value;
      this.#size++;
    }
  }

  /** True when some stored sequence starts with `key` (a quick test before {@link longest}). */
  hasFirst(key: string): boolean {
    if (key.length > 0 && this.#firstChars[key.charCodeAt(0) & 1023] === 0) return false;
    return this.#root.next.has(key);
  }

  /**
   * The longest stored sequence that starts at `from`: `key(i)` gives the key of position i (or
   * null to stop there). Returns the value and the number of positions matched.
   *
   * @example
   * trie.add(["Jane", "Doe"], "Jane Doe");
   * trie.longest(0, 3, (i) => ["Jane", "Doe", "said"][i]); // { value: "Jane Doe", length: 2 }
   */
  longest(
    from: number,
    limit: number,
    key: (i: number) => string | null,
  ): { value: T; length: number } | null {
    let node: Node<T> | undefined = this.#root;
    let best: { value: T; length: number } | null = null;
    for (let i = from; i < limit; i++) {
      const k = key(i);
      if (k === null) break;
      node = node.next.get(k);
      if (!node) break;
      if (node.value !== undefined) best = { value: node.value, length: i - from + 1 };
    }
    return best;
  }
}
