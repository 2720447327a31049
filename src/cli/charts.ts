/**
 * `deno task charts`: every chart of a corpus as SVG, PNG, Vega-Lite JSON and HTML.
 * @module
 */

import { allCharts } from "../charts/catalog.ts";
import { type ChartFormat, writeCharts } from "../charts/export.ts";
import { analyzeCorpus } from "../pipeline.ts";
import { GAZETTEER_USAGE } from "../extract/setup.ts";
import { CONSOLE, type Io, listOption, parseCommandLine, runCommand } from "./args.ts";
import { FRAME_FLAGS, FRAME_USAGE, frameBuilder } from "./options.ts";
import { OutputRun } from "./run_dir.ts";
import { loadSummary, rejectedLine } from "./summary.ts";
import { REJECTIONS_FILE, writeRejections } from "../corpus/rejections.ts";

const USAGE = `usage: deno task charts [--corpus PATH] [--out DIR] [--format svg,png,json,html]
                       [--gazetteer FILE|none]

  --corpus PATH   a folder of .txt/.md/.html files, a .jsonl or a .csv (default: seeds)
${GAZETTEER_USAGE}
  --out DIR       where the charts go (default: data/out/charts)
  --format LIST   any of svg, png, json, html (default: all four)
${FRAME_USAGE}
  --quiet         print nothing but errors and the count of rejected records

The charts replace the folder's previous charts only when every one is written (run.json lists
them; rejections.csv lists every record that did not load); other files there are left alone.`;

/** The chart formats. */
export const CHART_FORMATS: readonly ChartFormat[] = ["svg", "png", "json", "html"];

/** Runs `charts` with command-line `args`; returns the exit code. */
export function chartsCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const flags = parseCommandLine(args, {
      corpus: { type: "string", default: "seeds" },
      out: { type: "string", default: "data/out/charts" },
      format: { type: "string" },
      ...FRAME_FLAGS,
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const formats = listOption("--format", flags.format, CHART_FORMATS, [...CHART_FORMATS]);
    const framesOf = await frameBuilder(flags);
    const output = await OutputRun.open(flags.out!, {
      command: "charts",
      options: { ...flags, format: formats },
      corpus: flags.corpus!,
      outputs: [REJECTIONS_FILE],
      onWarning: (m) => io.error(`warning: ${m}`),
      onInterrupt: (m) => io.error(m),
    });
    try {
      const analysis = await analyzeCorpus(flags.corpus!);
      const rejected = `${flags.out}/${REJECTIONS_FILE}`;
      if (!flags.quiet || !analysis.articles.length) io.log(loadSummary(analysis));
      else if (analysis.rejected.length) io.error(rejectedLine(analysis.rejected.length, rejected));
      if (!analysis.articles.length) {
        await output.discard();
        io.error(`error: no article could be loaded from ${flags.corpus}`);
        return 1;
      }
      const charts = allCharts(framesOf(analysis), { within: flags.within });
      const written = await writeCharts(charts, output.staging, formats);
      await writeRejections(output.staging, analysis.issues);
      await output.commit({ charts: charts.length, rejections: analysis.rejected.length });
      if (!flags.quiet) {
        io.log(
          `\nwrote ${charts.length} charts (${written.length} files) to ${flags.out}: ${
            charts.map((c) => c.name).join(", ")
          }; every rejection: ${rejected}`,
        );
      }
    } catch (e) {
      await output.discard();
      throw e;
    }
    return 0;
  }, io);
}

if (import.meta.main) Deno.exit(await chartsCommand(Deno.args));
