/**
 * A full garbage collection, on request. The merge step reads hundreds of tally parts, each a
 * polars frame whose memory is native: it is freed only when V8 collects the frame's handle, and
 * V8 does not count that memory, so it sees no reason to collect. At 100,000 news-size articles
 * the dead frames of the parts already read held gigabytes. `collectGarbage()` runs V8's
 * collector (the `gc` function V8 gives when `--expose-gc` is set, which `node:v8` can set at
 * run time) and then yields a turn, so the finalizers that free the native memory run. Where
 * that is not possible it does nothing: memory is then only freed later, never results changed.
 *
 * Freed is not yet returned: glibc's malloc (which polars and the typed arrays use) keeps what is
 * freed in its arenas, one per thread that allocated, for that arena's later allocations. After a
 * collection, `malloc_trim(0)` hands the free pages back (by FFI, where libc is glibc and FFI is
 * allowed): in a probe of polars frames and typed arrays, 936 MB stayed resident after the
 * collection, 167 MB after the trim.
 * @module
 */

import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null | undefined;

/** V8's `gc`, or null when it cannot be had. */
function gcFunction(): (() => void) | null {
  if (gc !== undefined) return gc;
  try {
    v8.setFlagsFromString("--expose-gc");
    const found = vm.runInNewContext("gc");
    gc = typeof found === "function" ? found as () => void : null;
  } catch {
    gc = null;
  }
  return gc;
}

let trim: (() => void) | null | undefined;

/** glibc's `malloc_trim(0)`, or null (another libc, or no FFI permission). */
function trimFunction(): (() => void) | null {
  if (trim !== undefined) return trim;
  try {
    const libc = Deno.dlopen("libc.so.6", {
      malloc_trim: { parameters: ["usize"], result: "i32" },
    });
    trim = () => void libc.symbols.malloc_trim(0n);
  } catch {
    trim = null;
  }
  return trim;
}

/**
 * Runs a full collection, lets the finalizers of what it freed run, and returns the free pages
 * to the system.
 */
export async function collectGarbage(): Promise<void> {
  const collect = gcFunction();
  if (!collect) return;
  collect();
  await new Promise((resolve) => setTimeout(resolve, 0));
  trimFunction()?.();
}
