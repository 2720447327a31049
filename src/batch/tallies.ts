/**
 * Tallies as Parquet: a batch or shard writes the tally of each stage as a tidy frame, one row per
 * value, and the merge step reads them back. The encoding is generic (a tally is plain data: maps,
 * sets, arrays, typed arrays, objects, numbers, strings, booleans, null), so a stage's tally needs
 * no writer of its own, and tallies cross from a worker, a process or another machine as files
 * rather than as messages.
 *
 * Each value is a row in pre-order: `parent` (row of the container, -1 for the root), `kind`,
 * `key` (the object or map key; null in arrays and sets), `num` (numbers and booleans) and `str`
 * (strings; the class of a typed array). Map order and array order are kept, so a tally read back
 * merges exactly as the one written.
 * @module
 */

import pl from "nodejs-polars";
import { Float64Buffer, Int32Buffer } from "../_buffers.ts";
import type { FrameStage } from "../frame_stage.ts";

const KIND = {
  object: 0,
  map: 1,
  set: 2,
  array: 3,
  number: 4,
  string: 5,
  boolean: 6,
  null: 7,
  undefined: 8,
  typed: 9,
} as const;

type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array;

const TYPED: Record<string, new (length: number) => TypedArray> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
};

/** The rows of a tally frame under construction, one value at a time, in pre-order. */
class TallyRows {
  readonly parent = new Int32Buffer();
  readonly kind = new Int32Buffer();
  readonly key: (string | null)[] = [];
  readonly num = new Float64Buffer();
  readonly str: (string | null)[] = [];

  /** Appends one row; returns its number. */
  row(parent: number, kind: number, key: string | null, num: number, str: string | null): number {
    const row = this.parent.length;
    this.parent.push(parent);
    this.kind.push(kind);
    this.key.push(key);
    this.num.push(num);
    this.str.push(str);
    return row;
  }

  /** Appends `value` and everything in it below row `parent`, under `key`. */
  add(parent: number, key: string | null, value: unknown): void {
    // Numbers first: most rows of a tally are counts in a map or an array.
    if (typeof value === "number") this.row(parent, KIND.number, key, value, null);
    else if (typeof value === "string") this.row(parent, KIND.string, key, 0, value);
    else if (typeof value === "boolean") this.row(parent, KIND.boolean, key, value ? 1 : 0, null);
    else if (value === null) this.row(parent, KIND.null, key, 0, null);
    else if (value === undefined) this.row(parent, KIND.undefined, key, 0, null);
    else if (value instanceof Map) {
      const row = this.row(parent, KIND.map, key, 0, null);
      for (const [k, v] of value) {
        if (typeof k !== "string") {
          throw new TypeError(`a tally's map keys are strings; found ${k}`);
        }
        if (typeof v === "number") this.row(row, KIND.number, k, v, null);
        else this.add(row, k, v);
      }
    } else if (value instanceof Set) {
      const row = this.row(parent, KIND.set, key, 0, null);
      for (const v of value) this.add(row, null, v);
    } else if (Array.isArray(value)) {
      const row = this.row(parent, KIND.array, key, 0, null);
      for (const v of value) {
        if (typeof v === "number") this.row(row, KIND.number, null, v, null);
        else this.add(row, null, v);
      }
    } else if (ArrayBuffer.isView(value) && value.constructor.name in TYPED) {
      const row = this.row(parent, KIND.typed, key, 0, value.constructor.name);
      for (const v of value as TypedArray) this.row(row, KIND.number, null, v, null);
    } else if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      const row = this.row(parent, KIND.object, key, 0, null);
      for (const [k, v] of Object.entries(value as object)) this.add(row, k, v);
    } else {
      throw new TypeError(
        `a tally holds plain data; found ${Object.prototype.toString.call(value)}`,
      );
    }
  }

  frame(): pl.DataFrame {
    return pl.DataFrame([
      pl.Series("parent", this.parent.view()),
      pl.Series("kind", this.kind.view()),
      pl.Series("key", this.key, pl.Utf8),
      pl.Series("num", this.num.view()),
      pl.Series("str", this.str, pl.Utf8),
    ]);
  }
}

/** A tally as a tidy frame (see the module notes for the columns). */
export function tallyFrame(tally: unknown): pl.DataFrame {
  const rows = new TallyRows();
  rows.add(-1, null, tally);
  return rows.frame();
}

/** The tally a {@link tallyFrame} holds. */
export function tallyOf(frame: pl.DataFrame): unknown {
  const n = frame.height;
  if (!n) return undefined;
  const parent = frame.getColumn("parent").toTypedArray() as Int32Array;
  const kind = frame.getColumn("kind").toTypedArray() as Int32Array;
  const num = frame.getColumn("num").toTypedArray() as Float64Array;
  const keys = frame.getColumn("key").toArray() as (string | null)[];
  const strs = frame.getColumn("str").toArray() as (string | null)[];
  const key = (r: number) => keys[r]!;
  const str = (r: number) => strs[r];
  // Rows are in pre-order: a container's children are the rows after it whose parent it is,
  // each followed by its own descendants. `next` is the row the walk reads next.
  let next = 0;
  const build = (): unknown => {
    const r = next++;
    switch (kind[r]) {
      case KIND.number:
        return num[r];
      case KIND.string:
        return str(r);
      case KIND.boolean:
        return num[r] === 1;
      case KIND.null:
        return null;
      case KIND.undefined:
        return undefined;
      case KIND.map: {
        const out = new Map<string, unknown>();
        while (next < n && parent[next] === r) {
          const k = key(next);
          out.set(k, kind[next] === KIND.number ? num[next++] : build());
        }
        return out;
      }
      case KIND.set: {
        const out = new Set<unknown>();
        while (next < n && parent[next] === r) out.add(build());
        return out;
      }
      case KIND.array: {
        const out: unknown[] = [];
        while (next < n && parent[next] === r) {
          out.push(kind[next] === KIND.number ? num[next++] : build());
        }
        return out;
      }
      case KIND.typed: {
        let end = next;
        while (end < n && parent[end] === r) end++;
        const out = new TYPED[str(r)!](end - next);
        out.set(num.subarray(next, end));
        next = end;
        return out;
      }
      case KIND.object: {
        const out: Record<string, unknown> = {};
        while (next < n && parent[next] === r) {
          const k = key(next);
          out[k] = build();
        }
        return out;
      }
      default:
        throw new Error(`row ${r} of a tally: unknown kind ${kind[r]}`);
    }
  };
  return build();
}

/** The tally part a slice writes for stage `name`. */
export function tallyPartFrame(stage: FrameStage, tally: unknown): pl.DataFrame {
  return stage.tallyColumns?.frame(tally) ?? tallyFrame(tally);
}

/**
 * Merges a stage's tally parts, given one by one in slice order ({@link tallyPartFrame}'s
 * frames); `result()` is the merged tally (undefined when no part was added).
 */
export function tallyMerger(stage: FrameStage): {
  add(frame: pl.DataFrame): void;
  result(): unknown;
} {
  const columnar = stage.tallyColumns?.merger();
  if (columnar) {
    let added = false;
    return {
      add: (frame) => {
        added = true;
        columnar.add(frame);
      },
      result: () => added ? columnar.result() : undefined,
    };
  }
  let tally: unknown;
  return {
    add: (frame) => {
      const from = tallyOf(frame);
      if (from === undefined) return;
      tally = tally === undefined || !stage.merge ? from : stage.merge(tally, from);
    },
    result: () => tally,
  };
}
