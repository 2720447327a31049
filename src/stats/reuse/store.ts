/**
 * Aligned pairs on disk: the chunks of {@link alignedChunks} written to a scratch folder as they
 * come (one binary file per chunk: the columns one after the other) and read back one chunk at a
 * time, as often as the frames made from them need. On 100,000 news-size articles there are tens
 * of millions of pairs, at 33 bytes each: on disk, not in memory.
 * @module
 */

import type { CandidateStats } from "./candidates.ts";
import type { PairChunk, PairSource, ReuseOptions } from "./align.ts";
import type { ReuseFeatures } from "./features.ts";

/** Pairs per chunk written (about 33 MB of columns). */
export const CHUNK_PAIRS = 1 << 20;

/** Bytes of the columns read without scores: a, b (4 each) and the class (1), padded to 8. */
const headBytes = (n: number) => Math.ceil((9 * n) / 8) * 8;

/** The pairs of a corpus, chunk by chunk, in files under a scratch folder (see the module notes). */
export class PairFiles implements PairSource {
  readonly #sizes: number[] = [];
  length = 0;
  /** The candidate figures, once every chunk is written. */
  stats?: CandidateStats;

  private constructor(
    readonly dir: string,
    readonly features: ReuseFeatures,
    readonly options: Readonly<ReuseOptions>,
  ) {}

  /**
   * Writes every chunk `chunks` gives into `dir` (made if missing) and returns them as a source.
   *
   * @example
   * const pairs = PairFiles.write("out/.staging/reuse", features, opts, alignedChunks(features, opts, CHUNK_PAIRS));
   */
  static write(
    dir: string,
    features: ReuseFeatures,
    options: Readonly<ReuseOptions>,
    chunks: Generator<PairChunk, CandidateStats>,
  ): PairFiles {
    Deno.mkdirSync(dir, { recursive: true });
    const files = new PairFiles(dir, features, options);
    for (;;) {
      const next = chunks.next();
      if (next.done) {
        files.stats = next.value;
        return files;
      }
      files.#add(next.value);
    }
  }

  #file(k: number): string {
    return `${this.dir}/pairs-${String(k).padStart(6, "0")}.bin`;
  }

  #add(chunk: PairChunk): void {
    const n = chunk.a.length;
    const head = headBytes(n);
    const bytes = new Uint8Array(head + 24 * n);
    new Int32Array(bytes.buffer, 0, n).set(chunk.a);
    new Int32Array(bytes.buffer, 4 * n, n).set(chunk.b);
    bytes.set(chunk.reuseClass, 8 * n);
    new Float64Array(bytes.buffer, head, n).set(chunk.similarity);
    new Float64Array(bytes.buffer, head + 8 * n, n).set(chunk.containment);
    new Float64Array(bytes.buffer, head + 16 * n, n).set(chunk.copyContainment);
    Deno.writeFileSync(this.#file(this.#sizes.length), bytes);
    this.#sizes.push(n);
    this.length += n;
  }

  *chunks(scores = true): Generator<PairChunk> {
    for (let k = 0; k < this.#sizes.length; k++) {
      const n = this.#sizes[k];
      const head = headBytes(n);
      const bytes = new Uint8Array(scores ? head + 24 * n : head);
      const file = Deno.openSync(this.#file(k), { read: true });
      try {
        for (let at = 0; at < bytes.length;) {
          const read = file.readSync(bytes.subarray(at));
          if (read === null) throw new Error(`${this.#file(k)}: shorter than its ${n} pairs`);
          at += read;
        }
      } finally {
        file.close();
      }
      yield {
        a: new Int32Array(bytes.buffer, 0, n),
        b: new Int32Array(bytes.buffer, 4 * n, n),
        reuseClass: new Uint8Array(bytes.buffer, 8 * n, n),
        similarity: new Float64Array(bytes.buffer, head, scores ? n : 0),
        containment: new Float64Array(bytes.buffer, head + (scores ? 8 * n : 0), scores ? n : 0),
        copyContainment: new Float64Array(
          bytes.buffer,
          head + (scores ? 16 * n : 0),
          scores ? n : 0,
        ),
      };
    }
  }
}
