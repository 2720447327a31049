/**
 * Cleaning rules (boilerplate patterns, agency bylines) are data in `data/boilerplate.json`,
 * validated here; a user can pass rules of their own to {@link cleanArticle}.
 * @module
 */

import { z } from "zod";
import defaults from "../../data/boilerplate.json" with { type: "json" };

const PatternSchema = z
  .object({
    kind: z.string().min(1),
    pattern: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/, "may only use the flags i, m, s, u").optional(),
    drops_next_title: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((p) => compiles(p.pattern, p.flags), {
    message: "is not a valid regular expression",
    path: ["pattern"],
  });

/** The schema of `data/boilerplate.json`. */
export const CleaningRulesSchema = z.object({
  description: z.string().optional(),
  paragraph_patterns: z.array(PatternSchema),
  trailing_patterns: z.array(PatternSchema),
  agency_bylines: z.array(z.string().min(1)),
});

/** A boilerplate pattern, compiled. */
export interface CompiledPattern {
  kind: string;
  regex: RegExp;
  dropsNextTitle: boolean;
}

/** Cleaning rules ready to use. */
export interface CleaningRules {
  paragraph: CompiledPattern[];
  trailing: CompiledPattern[];
  agencies: Set<string>;
}

/** Validates and compiles rules (for example a user's own `boilerplate.json`). Throws a readable error. */
export function compileCleaningRules(data: unknown, source = "cleaning rules"): CleaningRules {
  const parsed = CleaningRulesSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: ${z.prettifyError(parsed.error)}`);
  const compile = (p: z.output<typeof PatternSchema>): CompiledPattern => ({
    kind: p.kind,
    regex: new RegExp(p.pattern, p.flags ?? ""),
    dropsNextTitle: p.drops_next_title ?? false,
  });
  return {
    paragraph: parsed.data.paragraph_patterns.map(compile),
    trailing: parsed.data.trailing_patterns.map(compile),
    agencies: new Set(parsed.data.agency_bylines.map((a) => a.toLowerCase())),
  };
}

/** The rules shipped in `data/boilerplate.json`. */
export const DEFAULT_CLEANING_RULES: CleaningRules = compileCleaningRules(
  defaults,
  "data/boilerplate.json",
);

function compiles(pattern: string, flags?: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
