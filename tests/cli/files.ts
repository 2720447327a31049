/**
 * Test helpers: a folder's files with their bytes, to compare two states byte for byte.
 * @module
 */

import assert from "node:assert/strict";

/** Every file under `dir` with its bytes, by relative path (a snapshot to compare byte for byte). */
export async function snapshot(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const walk = async (d: string, rel: string) => {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(`${d}/${e.name}`, `${rel}${e.name}/`);
      else files.set(`${rel}${e.name}`, await Deno.readFile(`${d}/${e.name}`));
    }
  };
  await walk(dir, "");
  return files;
}

/** Asserts two snapshots hold the same files with the same bytes. */
export function assertSameFiles(
  actual: Map<string, Uint8Array>,
  expected: Map<string, Uint8Array>,
) {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
  for (const [path, bytes] of expected) assert.deepEqual(actual.get(path), bytes, path);
}

const scratch: string[] = [];
globalThis.addEventListener("unload", () => {
  for (const dir of scratch) {
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* gone already */ }
  }
});

/**
 * A fresh folder under data/out/tmp, removed when the test module ends (tests clean up what they
 * write under data/out).
 */
export async function scratchDir(): Promise<string> {
  await Deno.mkdir("data/out/tmp", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: "data/out/tmp" });
  scratch.push(dir);
  return dir;
}
