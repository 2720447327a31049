/**
 * `deno task analyze`: load a corpus, build every frame, write them, print a summary.
 * @module
 */

import { corpusBytes } from "../corpus/load.ts";
import { analyzeCorpus } from "../pipeline.ts";
import { Progress } from "./progress.ts";
import { groupsOf } from "../stats/groups.ts";
import { allCharts } from "../charts/catalog.ts";
import { writeCharts } from "../charts/export.ts";
import { CHART_FORMATS } from "./charts.ts";
import { allFrames, STAGES } from "../stages.ts";
import { type FrameFormat, writeFrames } from "../frames/write.ts";
import { CONSOLE, type Io, listOption, parseCommandLine, runCommand, UsageError } from "./args.ts";
import { summarize } from "./summary.ts";

const USAGE =
  `usage: deno task analyze [--corpus PATH] [--out DIR] [--format parquet,csv] [--strict]
                         [--manifest FILE | --no-manifest] [--quiet]

  --corpus PATH    a folder of .txt/.md files, a .jsonl file or a .csv file (default: seeds)
  --out DIR        where frames are written (default: data/out)
  --format LIST    parquet, csv or both (default: parquet,csv)
  --strict         exit 1 when any record is rejected
  --manifest FILE  metadata that overrides the files' own (default: <corpus>/manifest.json)
  --no-manifest    ignore any manifest
  --by FIELD       the article field groups are compared by in outlet_terms, keyness and the
                   summaries (default outlet; also id, year, or a field of your corpus)
  --charts         also write every chart (SVG, PNG, JSON, HTML) to <out>/charts
  --stages LIST    which frame stages to run (default all: corpus,extract,measure,reuse);
                   corpus always runs
  --quiet          print nothing but errors (no summary, no progress line)

A progress line (articles, words per second, time left) shows on stderr for runs longer than
two seconds when stderr is a terminal.`;

/** Runs `analyze` with command-line `args`; returns the exit code. */
export function analyzeCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const flags = parseCommandLine(args, {
      corpus: { type: "string", default: "seeds" },
      out: { type: "string", default: "data/out" },
      format: { type: "string" },
      strict: { type: "boolean", default: false },
      manifest: { type: "string" },
      "no-manifest": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      stages: { type: "string" },
      charts: { type: "boolean", default: false },
      by: { type: "string", default: "outlet" },
      help: { type: "boolean", short: "h", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    const formats = listOption<FrameFormat>("--format", flags.format, ["parquet", "csv"], [
      "parquet",
      "csv",
    ]);
    const names = STAGES.map((s) => s.name);
    const wanted = listOption("--stages", flags.stages, names, names);
    // The corpus stage is what every other stage stands on; it always runs.
    const stages = STAGES.filter((s) => s.name === "corpus" || wanted.includes(s.name));
    const started = performance.now();
    const bar = new Progress(!flags.quiet);
    if (bar.active) bar.totalChars = await corpusBytes(flags.corpus!);
    const analysis = await analyzeCorpus(flags.corpus!, {
      manifest: flags["no-manifest"] ? false : flags.manifest,
      onProgress: (p) => bar.update(p.articles, p.words, p.chars),
    });
    if (analysis.articles.length === 0) {
      bar.done();
      if (!flags.quiet) io.log(summarize(analysis));
      io.error(`error: no article could be loaded from ${flags.corpus}; see the rejections above`);
      return 1;
    }
    let groups: (string | null)[];
    try {
      groups = groupsOf(analysis.articles, flags.by!);
    } catch (e) {
      throw new UsageError(`--by: ${(e as Error).message}`);
    }
    const frames = allFrames(analysis, stages, (name) => bar.stage(name), { by: flags.by });
    bar.stage("writing");
    const written = await writeFrames(frames, flags.out!, formats);
    if (flags.charts) {
      bar.stage("charts");
      written.push(
        ...await writeCharts(allCharts(frames), `${flags.out}/charts`, [...CHART_FORMATS]),
      );
    }
    bar.done();
    const distinct = new Set(groups.filter((g) => g !== null));
    if (distinct.size < 2 && !flags.quiet) {
      io.error(
        `warning: every article has the same ${flags.by} ("${[...distinct][0] ?? "none"}"), so ` +
          "keyness has nothing to compare and is empty; choose a field with --by (e.g. --by id)",
      );
    }
    const seconds = (performance.now() - started) / 1000;
    if (!flags.quiet) {
      io.log(`newsframe analyze: ${flags.corpus} → ${flags.out}\n`);
      io.log(summarize(analysis));
      io.log(
        `\nwrote ${written.length} files in ${seconds.toFixed(2)} s: ${
          Object.keys(frames).map((n) => `${n} (${frames[n].height} rows)`).join(", ")
        }`,
      );
    }
    if (
      flags.strict &&
      (analysis.rejected.length || analysis.issues.some((i) => i.severity === "error"))
    ) {
      io.error(`error: --strict: ${analysis.rejected.length} record(s) rejected`);
      return 1;
    }
    return 0;
  }, io);
}

if (import.meta.main) Deno.exit(await analyzeCommand(Deno.args));
