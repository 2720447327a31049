/**
 * Framing lexicons: data a user can read and change, validated with zod. A lexicon has
 * dimensions (competing ways of saying one thing: how the war is named, how sanctions are
 * framed); each dimension has frames; each frame has phrase patterns (see `patterns.ts`).
 *
 * Shipped: `data/lexicons/framing.json` (this story and stories like it) and
 * `data/lexicons/media_frames.json` (the 15 generic policy frames of the Media Frames Corpus,
 * Boydstun et al. 2014, with a few cue words each).
 * @module
 */

import { z } from "zod";
import storyData from "../../data/lexicons/framing.json" with { type: "json" };
import mediaFramesData from "../../data/lexicons/media_frames.json" with { type: "json" };
import { parsePattern, PatternError, type PhrasePattern } from "./patterns.ts";

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case: a-z, 0-9 and _");

const pattern = z.string().superRefine((source, ctx) => {
  try {
    parsePattern(source);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    ctx.addIssue({ code: "custom", message: e.message });
  }
});

const uniqueIds = (label: string) => (items: { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: "custom",
        path: [i, "id"],
        message: `duplicate ${label} id "${item.id}"`,
      });
    }
    seen.add(item.id);
  });
};

/** The schema of one frame of a lexicon. */
export const LexiconFrameSchema = z.object({
  id,
  label: z.string().min(1),
  description: z.string().optional(),
  /** Phrase patterns; empty only for a residual frame such as the Media Frames Corpus "other". */
  patterns: z.array(pattern),
});

/** The schema of a lexicon file. */
export const LexiconSchema = z.object({
  name: id,
  description: z.string().optional(),
  source: z.string().optional(),
  dimensions: z
    .array(
      z.object({
        id,
        label: z.string().min(1),
        description: z.string().optional(),
        frames: z.array(LexiconFrameSchema).min(1).superRefine(uniqueIds("frame")),
      }),
    )
    .min(1)
    .superRefine(uniqueIds("dimension")),
});

/** A lexicon as written in its file. */
export type LexiconData = z.output<typeof LexiconSchema>;

/** A frame with its patterns parsed. */
export interface LexiconFrame {
  id: string;
  label: string;
  patterns: PhrasePattern[];
}

/** A validated lexicon, patterns parsed. */
export interface Lexicon {
  name: string;
  description?: string;
  dimensions: { id: string; label: string; frames: LexiconFrame[] }[];
}

/** A lexicon that does not validate; `problems` are located as `dimensions[0].frames[2].patterns[1]`. */
export class LexiconError extends Error {
  constructor(readonly source: string, readonly problems: { field?: string; message: string }[]) {
    super(
      `${source}: invalid lexicon\n` +
        problems.map((p) => `  ${p.field ?? "(top level)"}: ${p.message}`).join("\n"),
    );
    this.name = "LexiconError";
  }
}

/**
 * Located one-line problems from a zod error: `dimensions[0].frames[2].patterns[1]: message`.
 * (zod's own message is kept for wrong types, so a number where a pattern should be reads
 * "expected string, received number", not "is missing".)
 */
function lexiconProblems(error: z.ZodError): { field?: string; message: string }[] {
  return error.issues.map((issue) => {
    const field = issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join("");
    const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
    return { field: field || undefined, message: missing ? "is missing" : issue.message };
  });
}

/**
 * Validates lexicon data (already parsed JSON) and parses its patterns. Throws a
 * {@link LexiconError} naming the path of every bad entry.
 *
 * @example
 * compileLexicon({ name: "mine", dimensions: [{ id: "war", label: "War", frames: [
 *   { id: "smo", label: "Special military operation", patterns: ["special military operation"] },
 * ] }] });
 */
export function compileLexicon(input: unknown, source = "lexicon"): Lexicon {
  const parsed = LexiconSchema.safeParse(input);
  if (!parsed.success) throw new LexiconError(source, lexiconProblems(parsed.error));
  const data = parsed.data;
  return {
    name: data.name,
    description: data.description,
    dimensions: data.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      frames: d.frames.map((f) => ({
        id: f.id,
        label: f.label,
        patterns: f.patterns.map((p) => parsePattern(p)),
      })),
    })),
  };
}

/**
 * Reads, validates and compiles a lexicon file (JSON). Every failure (missing file, bad JSON,
 * bad entry) is a {@link LexiconError} with a readable message.
 */
export async function loadLexicon(path: string): Promise<Lexicon> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new LexiconError(path, [{ message: `cannot be read: ${(e as Error).message}` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LexiconError(path, [{ message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  return compileLexicon(data, path);
}

/** The story lexicon shipped in `data/lexicons/framing.json`. */
export const STORY_LEXICON: Lexicon = compileLexicon(storyData, "data/lexicons/framing.json");

/** The 15 Media Frames Corpus policy frames, shipped in `data/lexicons/media_frames.json`. */
export const MEDIA_FRAMES_LEXICON: Lexicon = compileLexicon(
  mediaFramesData,
  "data/lexicons/media_frames.json",
);
