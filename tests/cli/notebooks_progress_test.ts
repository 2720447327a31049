import assert from "node:assert/strict";
import { executeNotebooks, runningLine } from "../../src/cli/notebooks.ts";
import { scratchDir } from "./files.ts";

Deno.test("notebooks: each run is announced as it starts, not only when it ends", async () => {
  const dir = await scratchDir();
  // Not a notebook: nbclient fails at once, so the test runs Python but no kernel.
  await Deno.writeTextFile(`${dir}/02_broken.ipynb`, "{}");
  const started: string[] = [];
  const runs = await executeNotebooks(
    "jupyter",
    [`${dir}/02_broken.ipynb`],
    `${dir}/out`,
    30,
    5,
    undefined,
    (nb, attempt) => started.push(runningLine(nb, attempt)),
  );
  assert.equal(runs.length, 1);
  assert.equal(runs[0].ok, false);
  // A failed run is not run again: one line, said before the run (its result came after).
  assert.deepEqual(started, ["running 02_broken …"]);
});

Deno.test("notebooks: the progress line names the notebook, and a run again says why", () => {
  assert.equal(
    runningLine("/kit/notebooks/02_terms_keyness.ipynb", 1),
    "running 02_terms_keyness …",
  );
  assert.equal(
    runningLine("notebooks/05_reuse_coverage.ipynb", 2),
    "running 05_reuse_coverage again (run 2: the kernel lost an output) …",
  );
});
