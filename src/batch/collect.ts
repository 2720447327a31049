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
 *
 * A collection frees only what nothing references: what a suspended async function still holds
 * in its locals is live (see `summarizeStage` in merge.ts). With `LOG_MEMORY=1` (and the
 * permission to read it), {@link logMemory} prints where memory is at each phase of a merge.
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

let memoryLogOn: boolean | undefined;

/**
 * Whether `LOG_MEMORY` is set; false without the permission to read it (asked first, so a run
 * without it is never stopped by a prompt).
 */
function memoryLogging(): boolean {
  if (memoryLogOn !== undefined) return memoryLogOn;
  try {
    const granted =
      Deno.permissions.querySync({ name: "env", variable: "LOG_MEMORY" }).state === "granted";
    memoryLogOn = granted && !!Deno.env.get("LOG_MEMORY");
  } catch {
    memoryLogOn = false;
  }
  return memoryLogOn;
}

type MallInfo = { inUse: number; free: number; mapped: number };
let mallinfo: (() => MallInfo) | null | undefined;

/** glibc's `mallinfo2()`: bytes malloc hands out, holds free, and has mapped whole; or null. */
function mallinfoFunction(): (() => MallInfo) | null {
  if (mallinfo !== undefined) return mallinfo;
  try {
    const libc = Deno.dlopen("libc.so.6", {
      mallinfo2: { parameters: [], result: { struct: Array(10).fill("usize") } },
    });
    mallinfo = () => {
      const raw = new BigUint64Array((libc.symbols.mallinfo2() as Uint8Array).buffer);
      // arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost
      return { inUse: Number(raw[7]), free: Number(raw[8]), mapped: Number(raw[4]) };
    };
  } catch {
    mallinfo = null;
  }
  return mallinfo;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;

let maxRss: (() => number) | null | undefined;

/** The process's peak resident size so far, in bytes (`getrusage`'s `ru_maxrss`), or 0. */
function peakRss(): number {
  if (maxRss === undefined) {
    try {
      const libc = Deno.dlopen("libc.so.6", {
        getrusage: { parameters: ["i32", "buffer"], result: "i32" },
      });
      // struct rusage: two timevals (16 bytes each), then ru_maxrss (a long, in kB).
      const usage = new BigInt64Array(18);
      maxRss = () => libc.symbols.getrusage(0, usage) === 0 ? Number(usage[4]) * 1024 : 0;
    } catch {
      maxRss = null;
    }
  }
  return maxRss?.() ?? 0;
}

const started = performance.now();

/**
 * When `LOG_MEMORY` is set, prints to stderr where memory is at the end of `phase`: resident
 * (and its peak so far), V8's heap (used, total) and external memory, and glibc malloc's bytes in
 * use, free in its arenas, and mapped whole. For finding which phase holds what, on big runs.
 */
export function logMemory(phase: string): void {
  if (!memoryLogging()) return;
  const m = Deno.memoryUsage();
  const libc = mallinfoFunction()?.();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `[memory] ${new Date().toISOString().slice(11, 19)} ${seconds} s ${phase}: rss ${mb(m.rss)} ` +
      `(peak ${mb(peakRss())}) heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${
        mb(m.external)
      }` +
      (libc ? ` malloc used ${mb(libc.inUse)} free ${mb(libc.free)} mmap ${mb(libc.mapped)}` : "") +
      " MB",
  );
}
