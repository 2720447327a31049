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
import { Float64Buffer } from "./buffers.ts";

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

  /**
   * The chunks read back in order, each into the same buffer: a chunk is valid until the next
   * one is asked for (every reader uses a chunk before it asks for the next). A new buffer per
   * chunk left V8 with gigabytes of dead ones at 100,000 news-size articles, where the links are
   * made in a dozen passes over every chunk (a pass reads 43 chunks of 9.4 MB).
   */
  *chunks(scores = true): Generator<PairChunk> {
    let room = new Uint8Array(0);
    for (let k = 0; k < this.#sizes.length; k++) {
      const n = this.#sizes[k];
      const head = headBytes(n);
      const size = scores ? head + 24 * n : head;
      if (room.length < size) room = new Uint8Array(size);
      const bytes = room.subarray(0, size);
      readExactly(this.#file(k), 0, bytes, `shorter than its ${n} pairs`);
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

/**
 * Sentence texts, appended in sentence order and read back by range: in a file under a scratch
 * folder (UTF-8, one byte offset per sentence held), or, without a folder, in memory. On 100,000
 * news-size articles the texts are some 430 MB of strings that the reuse step only needs twice
 * (quote coverage reads its articles' texts, the coverage frame its sentences as labels): on
 * disk, not held through every phase.
 */
export class TextStore {
  readonly #path?: string;
  readonly #offsets = new Float64Buffer(1 << 12);
  readonly #texts: string[] = [];
  #bytes = new Uint8Array(1 << 16);

  /** A store in a new file at `path` (replaced if there), or in memory without one. */
  constructor(path?: string) {
    this.#path = path;
    this.#offsets.push(0);
    if (path) Deno.writeFileSync(path, new Uint8Array(0));
  }

  /** Number of texts appended. */
  get length(): number {
    return this.#path ? this.#offsets.length - 1 : this.#texts.length;
  }

  /** Appends texts in order (to the file in one write). */
  append(texts: readonly string[]): void {
    if (!this.#path) {
      for (const t of texts) this.#texts.push(t);
      return;
    }
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    const room = texts.reduce((n, t) => n + 3 * t.length, 0);
    if (this.#bytes.length < room) this.#bytes = new Uint8Array(room);
    let at = 0;
    let offset = this.#offsets.view()[this.#offsets.length - 1];
    for (const t of texts) {
      const written = encoder.encodeInto(t, this.#bytes.subarray(at)).written;
      at += written;
      this.#offsets.push(offset += written);
    }
    Deno.writeFileSync(this.#path, this.#bytes.subarray(0, at), { append: true });
  }

  /** The texts of `from` .. `to` - 1. */
  range(from: number, to: number): string[] {
    if (!this.#path) return this.#texts.slice(from, to);
    const offsets = this.#offsets.view();
    const base = offsets[from];
    const bytes = new Uint8Array(offsets[to] - base);
    readExactly(this.#path, base, bytes, "shorter than its texts");
    const out: string[] = new Array(to - from);
    for (let s = from; s < to; s++) {
      out[s - from] = decoder.decode(bytes.subarray(offsets[s] - base, offsets[s + 1] - base));
    }
    return out;
  }

  /** Done appending: the write buffer is let go. */
  close(): void {
    this.#bytes = new Uint8Array(0);
  }
}

/** Fills `bytes` from the file at `path`, from byte `offset` on; `short` says why when it ends first. */
function readExactly(path: string, offset: number, bytes: Uint8Array, short: string): void {
  const file = Deno.openSync(path, { read: true });
  try {
    if (offset > 0) file.seekSync(offset, Deno.SeekMode.Start);
    for (let at = 0; at < bytes.length;) {
      const read = file.readSync(bytes.subarray(at));
      if (read === null) throw new Error(`${path}: ${short}`);
      at += read;
    }
  } finally {
    file.close();
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
