/**
 * `deno task merge OUT…` (`newsframe merge`): the corpus-level frames of a corpus analysed in
 * shards (`analyze --shard K/N --out OUT`, run N times, anywhere that shares OUT). It checks that
 * every shard finished, merges their tallies into `outlet_terms`, `keyness`, the summaries, …,
 * gives every shard's `terms` the corpus df and idf, and writes the frames into OUT.
 * @module
 */

import { parseArgs } from "node:util";
import pl from "nodejs-polars";
import { mergeParts, readReport, slicesIn } from "../batch/merge.ts";
import { DONE, shardDir, TALLIES } from "../batch/process.ts";
import { tallyOf } from "../batch/tallies.ts";
import { stagesOf } from "../stages.ts";
import type { FrameFormat } from "../frames/write.ts";
import { CONSOLE, type Io, runCommand, UsageError } from "./args.ts";
import { measureSettings } from "./measure_flags.ts";
import { renderSummary } from "./summary.ts";

const USAGE = `usage: deno task merge [--clean] [--quiet] OUT...

  OUT       a folder that \`analyze --shard K/N --out OUT\` wrote into, for every K of N
            (each folder given is merged on its own)
  --clean   remove the tally and staged parts after merging (a merge can then not run again)
  --quiet   print nothing but errors

The settings (--by, --within, --lexicon, --tone, --format, --stages) are those the shards ran
with, read from their parts; every shard must have run with the same ones.`;

/** Runs `merge` with command-line `args`; returns the exit code. */
export function mergeCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: {
          clean: { type: "boolean", default: false },
          quiet: { type: "boolean", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values: flags, positionals: outs } = parsed;
    if (flags.help) {
      io.log(USAGE);
      return 0;
    }
    if (!outs.length) throw new UsageError("give the folder the shards wrote (merge OUT)");
    for (const out of outs) {
      const started = performance.now();
      const slices = slicesIn(out);
      if (!slices.length) {
        throw new UsageError(
          `${out}: no shard parts here (run analyze --shard K/N --out ${out} for each K first)`,
        );
      }
      const settings = sameSettings(out, slices);
      const count = Number(settings.shards);
      const missing = Array.from({ length: count }, (_, k) => k).filter((k) => {
        try {
          tallyOf(pl.readParquet(`${out}/${TALLIES}/${DONE}/${shardDir(k)}/part.parquet`));
          return false;
        } catch {
          return true;
        }
      });
      if (missing.length) {
        throw new UsageError(
          `${out}: shard${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${count} ` +
            "not finished (no done mark); run them, then merge again",
        );
      }
      const measure = await measureSettings({
        lexicon: settings.lexicon as string[],
        "no-default-lexicons": settings["no-default-lexicons"] as boolean,
        tone: (settings.tone as string | null) ?? undefined,
        "keyness-top": (settings["keyness-top"] as string | null) ?? undefined,
      });
      const run = await mergeParts(out, {
        stages: stagesOf(settings.stages as string[]),
        formats: settings.format as FrameFormat[],
        by: settings.by as string,
        within: (settings.within as string | null) ?? undefined,
        measure,
        keep: !flags.clean,
      });
      if (!flags.quiet) {
        io.log(`newsframe merge: ${count} shards, ${run.slices.length} parts → ${out}\n`);
        io.log(renderSummary(run.summary, [], []));
        io.log(
          `\nmerged in ${((performance.now() - started) / 1000).toFixed(2)} s: ${
            Object.entries(run.rows).map(([n, rows]) => `${n} (${rows} rows)`).join(", ")
          }`,
        );
      }
    }
    return 0;
  }, io);
}

/** The settings every part recorded; a usage error naming the first part that differs. */
function sameSettings(out: string, slices: readonly string[]): Record<string, unknown> {
  const first = readReport(out, slices[0]).settings;
  for (const slice of slices.slice(1)) {
    const other = readReport(out, slice).settings;
    if (JSON.stringify(other) !== JSON.stringify(first)) {
      throw new UsageError(
        `${out}: ${slice} ran with other settings than ${slices[0]} (${JSON.stringify(other)} ` +
          `against ${JSON.stringify(first)}); run every shard with the same options`,
      );
    }
  }
  if (!Number.isInteger(first.shards)) {
    throw new UsageError(
      `${out}: these parts are not from analyze --shard (a batched run merges itself)`,
    );
  }
  return first;
}

if (import.meta.main) Deno.exit(await mergeCommand(Deno.args));
