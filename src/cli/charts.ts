/**
 * `deno task charts`: every chart of a corpus as SVG, PNG, Vega-Lite JSON and HTML.
 * @module
 */

import { allCharts } from "../charts/catalog.ts";
import { type ChartFormat, writeCharts } from "../charts/export.ts";
import { analyzeCorpus } from "../pipeline.ts";
import { allFrames } from "../stages.ts";
import { extractOptionsFor, GAZETTEER_USAGE } from "../extract/setup.ts";
import { CONSOLE, type Io, listOption, parseCommandLine, runCommand } from "./args.ts";

const USAGE = `usage: deno task charts [--corpus PATH] [--out DIR] [--format svg,png,json,html]
                       [--gazetteer FILE|none]

  --corpus PATH   a folder of .txt/.md files, a .jsonl or a .csv (default: seeds)
${GAZETTEER_USAGE}
  --out DIR       where the charts go (default: data/out/charts)
  --format LIST   any of svg, png, json, html (default: all four)`;

/** The chart formats. */
export const CHART_FORMATS: readonly ChartFormat[] = ["svg", "png", "json", "html"];

/** Runs `charts` with command-line `args`; returns the exit code. */
export function chartsCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const flags = parseCommandLine(args, {
      corpus: { type: "string", default: "seeds" },
      out: { type: "string", default: "data/out/charts" },
      format: { type: "string" },
      gazetteer: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const formats = listOption("--format", flags.format, CHART_FORMATS, [...CHART_FORMATS]);
    const setup = { gazetteer: flags.gazetteer };
    extractOptionsFor(setup);
    const analysis = await analyzeCorpus(flags.corpus!);
    if (!analysis.articles.length) {
      io.error(`error: no article could be loaded from ${flags.corpus}`);
      return 1;
    }
    const charts = allCharts(allFrames(analysis, undefined, undefined, setup));
    const written = await writeCharts(charts, flags.out!, formats);
    io.log(
      `wrote ${charts.length} charts (${written.length} files) to ${flags.out}: ${
        charts.map((c) => c.name).join(", ")
      }`,
    );
    return 0;
  }, io);
}

if (import.meta.main) Deno.exit(await chartsCommand(Deno.args));
