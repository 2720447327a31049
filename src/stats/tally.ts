/**
 * Adding up what batches of one corpus counted: the corpus-level statistics (group counts,
 * document frequencies, framing and sentiment roll-ups) are sums, so a corpus processed batch by
 * batch gets them by adding each batch's tally to the running one.
 * @module
 */

/** Adds the counts of `from` to `into`, key by key; keys new to `into` go at its end. */
export function addCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [key, n] of from) into.set(key, (into.get(key) ?? 0) + n);
}
