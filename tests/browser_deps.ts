/**
 * playwright-core, pinned. Node.js runs it (tests/_playwright.mjs, for tests/charts/open_report.mjs and
 * tests/cli/open_notebook.mjs), not Deno; this type-only import is what keeps it in deno.lock, so
 * `deno task install:dev` (which `deno task test` runs first) installs it into node_modules. It is
 * not in the import map, so `deno task install` (the analysis's packages only) leaves it out.
 * @module
 */

export type { BrowserContext } from "npm:playwright-core@1.65.1";
