/**
 * `deno task eval:figures [--gold DIR] [--misses]`: scores figures against the hand-annotated
 * gold in `data/eval/figures/` (splits dev and heldout). Each gold document goes through the
 * kit's clean → segment → extract; gold figures are placed by their text in the cleaned text
 * (see `src/extract/figures/score.ts`).
 * @module
 */

import { CONSOLE, type Io, parseCommandLine, runCommand } from "./args.ts";
import { readGoldLines } from "./_gold.ts";
import type { Article } from "../corpus/article.ts";
import { extractCorpus } from "../extract/extract.ts";
import { analyzeArticles } from "../pipeline.ts";
import {
  type ExtractedFigures,
  FIGURE_SPLITS,
  FigureDocSchema,
  FigureGoldSchema,
  figureScoreTable,
  scoreFigures,
} from "../extract/figures/score.ts";

const USAGE = `usage: deno task eval:figures [--gold DIR] [--misses]
  --gold DIR    folder with docs.jsonl and figures.jsonl (default data/eval/figures)
  --misses      also list the dev split's missed, extra and wrong figures (tune on dev only;
                heldout is the held-out measure: its numbers are reported, its misses never
                listed)
  --help        print this`;

/** This kit's clean → segment → extract on one article, with the shipped data. */
function extractOne(article: Article): ExtractedFigures {
  const analysis = analyzeArticles([article]);
  return { cleaned: analysis.articles[0]?.text ?? "", figures: extractCorpus(analysis).figures };
}

/** Runs the evaluation; returns the exit code. */
export function evalFiguresCommand(args: string[], io: Io = CONSOLE): Promise<number> {
  return runCommand(USAGE, async () => {
    const opts = parseCommandLine(args, {
      gold: { type: "string", default: "data/eval/figures" },
      misses: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    });
    if (opts.help) {
      io.log(USAGE);
      return 0;
    }
    const dir = opts.gold!.replace(/\/$/, "");
    const docs = await readGoldLines(`${dir}/docs.jsonl`, FigureDocSchema);
    const items = await readGoldLines(`${dir}/figures.jsonl`, FigureGoldSchema);
    for (const e of [...docs.errors, ...items.errors]) io.error(e);
    const { scores, misses } = scoreFigures(docs.rows, items.rows, extractOne);
    const count = (s: string) => docs.rows.filter((d) => d.split === s).length;
    io.log(
      `figures gold: ${dir} (${
        FIGURE_SPLITS.map((s) => `${s} ${count(s)} documents`).join(", ")
      }, ${items.rows.length} figures)`,
    );
    io.log(figureScoreTable(scores));
    const unplaced = scores.reduce((n, s) => n + s.unplaced, 0);
    if (unplaced) io.error(`${unplaced} gold figures not found in the cleaned text`);
    if (opts.misses) { for (const m of misses.dev) io.log(`dev ${m}`); }
    return 0;
  }, io);
}

if (import.meta.main) Deno.exit(await evalFiguresCommand(Deno.args));
