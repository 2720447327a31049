/**
 * Reading a gold set's JSON Lines for the evaluation commands (eval_quotes.ts, eval_figures.ts).
 * @module
 */

import type { z } from "zod";
import { UsageError } from "./args.ts";
import { parseJsonLines } from "../extract/quotes/score.ts";

/**
 * The rows of a gold JSON Lines file that match `schema`, and one message per bad line; a missing
 * file is a usage error naming it.
 */
export async function readGoldLines<T>(
  path: string,
  schema: z.ZodType<T>,
): Promise<{ rows: T[]; errors: string[] }> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new UsageError(`${path}: no such file`);
    throw e;
  }
  return parseJsonLines(text, schema, path);
}
