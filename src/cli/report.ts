/**
 * `deno task report`: one self-contained HTML page with the summary tables and every chart.
 * @module
 */

import { allCharts } from "../charts/catalog.ts";
import { corpusName, reportPage } from "../charts/report.ts";
import { analyzeCorpus } from "../pipeline.ts";
import { GAZETTEER_USAGE } from "../extract/setup.ts";
import { CONSOLE, type Io, parseCommandLine, runCommand, UsageError } from "./args.ts";
import { FRAME_FLAGS, FRAME_USAGE, frameBuilder } from "./options.ts";
import { loadSummary, rejectedLine } from "./summary.ts";

const USAGE = `usage: deno task report [--corpus PATH] [--out FILE] [--title TEXT] [--by FIELD]
                       [--within FIELD] [--gazetteer FILE|none]

  --corpus PATH   a folder of .txt/.md/.html files, a .jsonl or a .csv (default: seeds)
${GAZETTEER_USAGE}
  --out FILE      the page to write (default: data/out/report.html); an existing file is
                  replaced only when it is a newsframe report
  --title TEXT    the page's title (default: the corpus folder's or file's name)
  --quiet         print nothing but errors and the count of rejected records
${FRAME_USAGE}

The page states the findings in words (each computed from the frames, with its counts), then
tables of the articles (every extra field), who is named, who speaks, the figures of each group
and the key terms in context, then every chart. The page replaces an earlier one only once it is complete (written beside it, then renamed).`;

/** Runs `report` with command-line `args`; returns the exit code. */
export function reportCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const flags = parseCommandLine(args, {
      corpus: { type: "string", default: "seeds" },
      out: { type: "string", default: "data/out/report.html" },
      title: { type: "string" },
      ...FRAME_FLAGS,
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    });
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    await refuseOut(flags.out!);
    const framesOf = await frameBuilder(flags);
    const analysis = await analyzeCorpus(flags.corpus!);
    if (!flags.quiet || !analysis.articles.length) io.log(loadSummary(analysis));
    else if (analysis.rejected.length) io.error(rejectedLine(analysis.rejected.length, null));
    if (!analysis.articles.length) {
      io.error(`error: no article could be loaded from ${flags.corpus}`);
      return 1;
    }
    const frames = framesOf(analysis);
    const charts = allCharts(frames, { within: flags.within });
    const html = await reportPage(frames, charts, {
      // The name of the folder or file, resolved so that "." names the folder it stands for.
      title: flags.title ??
        corpusName(await Deno.realPath(flags.corpus!).catch(() => flags.corpus!)),
      by: flags.by,
      within: flags.within,
      kwic: analysis,
    });
    const dir = flags.out!.includes("/") ? flags.out!.slice(0, flags.out!.lastIndexOf("/")) : ".";
    await Deno.mkdir(dir, { recursive: true });
    // Written beside the page and renamed over it: an interrupted run leaves the old page whole.
    const staging = `${flags.out}.${Deno.pid}.part`;
    try {
      await Deno.writeTextFile(staging, html);
      await Deno.rename(staging, flags.out!);
    } catch (e) {
      await Deno.remove(staging).catch(() => {});
      throw e;
    }
    if (!flags.quiet) {
      io.log(
        `\nwrote ${flags.out} (${charts.length} charts, ${Math.round(html.length / 1024)} KB)`,
      );
    }
    return 0;
  }, io);
}

/** What marks a page as a newsframe report: `reportPage` writes it, `--out` may replace it. */
const REPORT_MARK = /<meta name="generator" content="newsframe report">|<title>newsframe report: /;

/**
 * `--out` names the page, checked before the corpus is analysed (not a stack trace from the final
 * rename once it has been): a folder, or a name ending in "/" (`--out results/`), is a slip; an
 * existing file is replaced only when it is a newsframe report, so `--out notes.txt` never
 * overwrites the user's own file.
 */
async function refuseOut(out: string): Promise<void> {
  const info = await Deno.stat(out).catch(() => undefined);
  if (info?.isDirectory || /[\\/]$/.test(out)) {
    const page = `${out.replace(/[\\/]+$/, "")}/report.html`;
    throw new UsageError(`--out ${out}: is a folder; give the page's file name (--out ${page})`);
  }
  if (!info) return;
  // The head is enough: the mark is in the first lines of every report.
  const head = await readHead(out);
  if (!REPORT_MARK.test(head)) {
    throw new UsageError(
      `--out ${out}: the file exists and is no newsframe report; give a new name (the report ` +
        "replaces only a page it wrote)",
    );
  }
}

/** The first 4 KB of a file as text (a report's head), "" when it cannot be read. */
async function readHead(path: string): Promise<string> {
  try {
    using file = await Deno.open(path);
    const buf = new Uint8Array(4096);
    const n = await file.read(buf);
    return new TextDecoder().decode(buf.subarray(0, n ?? 0));
  } catch {
    return "";
  }
}

if (import.meta.main) Deno.exit(await reportCommand(Deno.args));
