// playwright-core for the browser scripts run by Node.js (tests/charts/open_report.mjs,
// tests/cli/open_notebook.mjs). It is a test package: not in the import map (so `deno task install`
// leaves it out), pinned in deno.lock by tests/browser_deps.ts and installed by
// `deno task install:dev` into node_modules/.deno/playwright-core@<version>/node_modules/, where
// Node.js is pointed to.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";

const store = new URL("../node_modules/.deno/", import.meta.url);
const folder = readdirSync(store).find((name) => name.startsWith("playwright-core@"));
if (folder === undefined) {
  console.error("playwright-core is not installed: run `deno task install:dev` first");
  process.exit(2);
}
const require = createRequire(new URL(`${folder}/node_modules/`, store));

/** playwright-core's Chromium launcher. */
export const { chromium } = require("playwright-core");
