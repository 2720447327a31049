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

const TYPED: Record<string, new (values: number[]) => TypedArray> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
};

/** A tally as a tidy frame (see the module notes for the columns). */
export function tallyFrame(tally: unknown): pl.DataFrame {
  const parent: number[] = [];
  const kind: number[] = [];
  const key: (string | null)[] = [];
  const num: number[] = [];
  const str: (string | null)[] = [];
  const add = (p: number, k: string | null, value: unknown): void => {
    const row = parent.length;
    parent.push(p);
    key.push(k);
    let n = 0;
    let s: string | null = null;
    if (value === null) kind.push(KIND.null);
    else if (value === undefined) kind.push(KIND.undefined);
    else if (typeof value === "number") {
      kind.push(KIND.number);
      n = value;
    } else if (typeof value === "string") {
      kind.push(KIND.string);
      s = value;
    } else if (typeof value === "boolean") {
      kind.push(KIND.boolean);
      n = value ? 1 : 0;
    } else if (value instanceof Map) kind.push(KIND.map);
    else if (value instanceof Set) kind.push(KIND.set);
    else if (Array.isArray(value)) kind.push(KIND.array);
    else if (ArrayBuffer.isView(value) && value.constructor.name in TYPED) {
      kind.push(KIND.typed);
      s = value.constructor.name;
    } else if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      kind.push(KIND.object);
    } else {
      throw new TypeError(
        `a tally holds plain data; found ${Object.prototype.toString.call(value)}`,
      );
    }
    num.push(n);
    str.push(s);
    if (value instanceof Map) {
      for (const [k, v] of value) {
        if (typeof k !== "string") {
          throw new TypeError(`a tally's map keys are strings; found ${k}`);
        }
        add(row, k, v);
      }
    } else if (value instanceof Set) {
      for (const v of value) add(row, null, v);
    } else if (Array.isArray(value)) {
      for (const v of value) add(row, null, v);
    } else if (s !== null && kind[row] === KIND.typed) {
      for (const v of value as TypedArray) add(row, null, v);
    } else if (kind[row] === KIND.object) {
      for (const [k, v] of Object.entries(value as object)) add(row, k, v);
    }
  };
  add(-1, null, tally);
  return pl.DataFrame([
    pl.Series("parent", Int32Array.from(parent)),
    pl.Series("kind", Int32Array.from(kind)),
    pl.Series("key", key, pl.Utf8),
    pl.Series("num", Float64Array.from(num)),
    pl.Series("str", str, pl.Utf8),
  ]);
}

/** The tally a {@link tallyFrame} holds. */
export function tallyOf(frame: pl.DataFrame): unknown {
  const parent = frame.getColumn("parent").toTypedArray() as Int32Array;
  const kind = frame.getColumn("kind").toTypedArray() as Int32Array;
  const key = frame.getColumn("key").toArray() as (string | null)[];
  const num = frame.getColumn("num").toTypedArray() as Float64Array;
  const str = frame.getColumn("str").toArray() as (string | null)[];
  const children: number[][] = Array.from({ length: parent.length }, () => []);
  for (let r = 1; r < parent.length; r++) children[parent[r]].push(r);
  const build = (r: number): unknown => {
    switch (kind[r]) {
      case KIND.number:
        return num[r];
      case KIND.string:
        return str[r];
      case KIND.boolean:
        return num[r] === 1;
      case KIND.null:
        return null;
      case KIND.undefined:
        return undefined;
      case KIND.map:
        return new Map(children[r].map((c) => [key[c]!, build(c)]));
      case KIND.set:
        return new Set(children[r].map(build));
      case KIND.array:
        return children[r].map(build);
      case KIND.typed:
        return new TYPED[str[r]!](children[r].map((c) => num[c]));
      case KIND.object:
        return Object.fromEntries(children[r].map((c) => [key[c]!, build(c)]));
      default:
        throw new Error(`row ${r} of a tally: unknown kind ${kind[r]}`);
    }
  };
  return parent.length ? build(0) : undefined;
}
