// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium) with playwright-core
// and prints, as one JSON line, what the page did: charts rendered, console errors, dialogs,
// network requests, whether any text ran as code. Run by Node.js (playwright-core reads /proc in
// ways Deno only allows with --allow-all): node open_report.mjs REPORT.html SCREENSHOT.png PROFILE
import { realpathSync } from "node:fs";

import { chromium } from "../_playwright.mjs";

const [html, screenshot, profile] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) requests.push(url);
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`file://${realpathSync(html)}`);
  await page.waitForFunction(() => globalThis.__chartsRendered !== undefined, null, {
    timeout: 60_000,
  });
  const state = await page.evaluate(() => ({
    rendered: globalThis.__chartsRendered,
    chartErrors: globalThis.__chartErrors,
    pwned: globalThis.__pwned ?? null,
    figures: [...document.querySelectorAll("figure.chart")].map((f) => ({
      id: f.id,
      svgs: f.querySelectorAll("svg").length,
      marks: f.querySelectorAll("svg path, svg rect, svg circle, svg line, svg text").length,
    })),
    title: document.querySelector("h1").textContent,
    cells: [...document.querySelectorAll("td")].map((td) => td.textContent),
    images: document.querySelectorAll("img").length,
  }));
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify({ ...state, errors, dialogs, requests }));
} finally {
  await context.close();
}
