/**
 * `deno task eval:quotes [--gold DIR] [--misses]`: scores quotes and reported speech against the
 * hand-annotated gold in `tests/fixtures/quotes_gold/` (every split in the data: dev, test,
 * heldout; direct+partial and reported apart). Each gold document goes through the kit's clean → segment → extract; gold
 * spans are placed by their text in the cleaned text (see `src/extract/quotes/score.ts`).
 * @module
 */

import { CONSOLE, type Io, parseCommandLine, runCommand, UsageError } from "./args.ts";
import { readGoldLines } from "./_gold.ts";
import {
  GoldDocSchema,
  GoldItemSchema,
  scoreQuotes,
  scoreTable,
  SPLITS,
} from "../extract/quotes/score.ts";

const USAGE = `usage: deno task eval:quotes [--gold DIR] [--misses] [--split dev|test|heldout]
  --gold DIR    folder with docs.jsonl and quotes.jsonl (default tests/fixtures/quotes_gold)
  --misses      also list missed gold items and wrong speakers (of dev and test; of heldout
                only with --split heldout)
  --split NAME  list the misses of one split only (tune on dev and test; heldout is the
                held-out measure: report its numbers, never list its misses)
  --help        print this`;

/** Runs the evaluation; returns the exit code. */
export function evalQuotesCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const opts = parseCommandLine(args, {
      gold: { type: "string", default: "tests/fixtures/quotes_gold" },
      misses: { type: "boolean", default: false },
      split: { type: "string" },
      help: { type: "boolean", default: false },
    });
    if (opts.help) {
      io.log(USAGE);
      return 0;
    }
    const split = opts.split;
    if (split !== undefined && !(SPLITS as readonly string[]).includes(split)) {
      throw new UsageError(`--split takes ${SPLITS.join(", ")} (got "${split}")`);
    }
    const dir = opts.gold!.replace(/\/$/, "");
    const docs = await readGoldLines(`${dir}/docs.jsonl`, GoldDocSchema);
    const items = await readGoldLines(`${dir}/quotes.jsonl`, GoldItemSchema);
    for (const e of [...docs.errors, ...items.errors]) io.error(e);
    const { scores, misses } = scoreQuotes(docs.rows, items.rows);
    io.log(`quotes gold: ${dir} (${docs.rows.length} documents, ${items.rows.length} items)`);
    io.log(scoreTable(scores));
    if (opts.misses) {
      // Without --split, the misses of the splits one may tune on: heldout's only when named.
      const listed = split === undefined ? ["dev", "test"] : [split];
      for (const m of misses) if (listed.some((s) => m.startsWith(`${s} `))) io.log(m);
    }
    return 0;
  }, io);
}

if (import.meta.main) Deno.exit(await evalQuotesCommand(Deno.args));
