/**
 * `deno task report`: one self-contained HTML page with the summary tables and every chart.
 * @module
 */

import { allCharts } from "../charts/catalog.ts";
import { reportPage } from "../charts/report.ts";
import { analyzeCorpus } from "../pipeline.ts";
import { allFrames } from "../stages.ts";
import { extractOptionsFor, GAZETTEER_USAGE } from "../extract/setup.ts";
import { CONSOLE, type Io, parseCommandLine, runCommand } from "./args.ts";

const USAGE = `usage: deno task report [--corpus PATH] [--out FILE] [--gazetteer FILE|none]

  --corpus PATH   a folder of .txt/.md files, a .jsonl or a .csv (default: seeds)
${GAZETTEER_USAGE}
  --out FILE      the page to write (default: data/out/report.html)`;

/** Runs `report` with command-line `args`; returns the exit code. */
export function reportCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const flags = parseCommandLine(args, {
      corpus: { type: "string", default: "seeds" },
      out: { type: "string", default: "data/out/report.html" },
      gazetteer: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const setup = { gazetteer: flags.gazetteer };
    extractOptionsFor(setup);
    const analysis = await analyzeCorpus(flags.corpus!);
    if (!analysis.articles.length) {
      io.error(`error: no article could be loaded from ${flags.corpus}`);
      return 1;
    }
    const frames = allFrames(analysis, undefined, undefined, setup);
    const charts = allCharts(frames);
    const html = await reportPage(frames, charts, { corpus: flags.corpus! });
    const dir = flags.out!.includes("/") ? flags.out!.slice(0, flags.out!.lastIndexOf("/")) : ".";
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(flags.out!, html);
    io.log(`wrote ${flags.out} (${charts.length} charts, ${Math.round(html.length / 1024)} KB)`);
    return 0;
  }, io);
}

if (import.meta.main) Deno.exit(await reportCommand(Deno.args));
