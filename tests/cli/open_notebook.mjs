// Opens an exported notebook (HTML) in headless Chromium (Debian's /usr/bin/chromium) with
// playwright-core and prints, as one JSON line, how many chart images and SVGs it shows. Run by
// Node.js, as tests/charts/open_report.mjs: node open_notebook.mjs PAGE.html SCREENSHOT.png PROFILE
import { realpathSync } from "node:fs";

import { chromium } from "../_playwright.mjs";

const [html, screenshot, profile] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`file://${realpathSync(html)}`);
  const state = await page.evaluate(() => {
    const shown = (el) => el.getBoundingClientRect().width > 50;
    const outputs = [...document.querySelectorAll(".jp-OutputArea-output")];
    return {
      // Chart images: a PNG that loaded (naturalWidth > 0) and is laid out wider than an icon.
      pngs: outputs.flatMap((o) => [...o.querySelectorAll('img[src^="data:image/png"]')])
        .filter((i) => i.naturalWidth > 0 && shown(i)).length,
      svgs: outputs.flatMap((o) => [...o.querySelectorAll("svg")]).filter(shown).length,
      title: document.title,
    };
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(JSON.stringify(state));
} finally {
  await context.close();
}
