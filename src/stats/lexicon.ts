/**
 * Framing lexicons: data a user can read and change, validated with zod. A lexicon has
 * dimensions (competing ways of saying one thing: how a conflict is named, how a policy is
 * framed); each dimension has frames; each frame has phrase patterns (see `patterns.ts`) and
 * may list exclusions: phrases that, where they overlap a match, cancel it ("Social Security"
 * is not security). A dimension may exclude phrases for all its frames, and may be marked
 * `naming: true` (its frames are competing names for one thing, charted article by article).
 *
 * Shipped default: `data/lexicons/media_frames.json` (the 15 generic policy frames of the Media
 * Frames Corpus, Boydstun et al. 2014). Story lexicons are user data, passed explicitly; an
 * example is `data/lexicons/examples/russia_china.json`. Dictionaries in other formats (YAML,
 * LIWC .dic, Lexicoder .lc3/.lcd) are read by `dictionaries.ts`.
 * @module
 */

import { z } from "zod";
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
  /** Phrases that cancel a match of this frame where they overlap it. */
  exclude: z.array(pattern).optional(),
  /**
   * Phrases that cancel a match of this frame where they overlap it, only in an article of the
   * named context (a key of the lexicon's `contexts`): "attack" is play in a match report.
   */
  excludeIn: z.record(id, z.array(pattern)).optional(),
});

/** The schema of a context: the kind of article in which some cues mean something else. */
export const LexiconContextSchema = z.object({
  description: z.string().optional(),
  /** Phrases that mark an article of this context. */
  cues: z.array(pattern).min(1),
  /** Distinct cues an article must have to be of this context (default 2). */
  minimum: z.number().int().min(1).optional(),
});

/** The schema of a lexicon file. */
export const LexiconSchema = z.object({
  name: id,
  description: z.string().optional(),
  source: z.string().optional(),
  licence: z.string().optional(),
  /** Kinds of article in which a frame's `excludeIn` phrases are not cues of it. */
  contexts: z.record(id, LexiconContextSchema).optional(),
  dimensions: z
    .array(
      z.object({
        id,
        label: z.string().min(1),
        description: z.string().optional(),
        /** The frames are competing names for one thing: chart which name each article uses. */
        naming: z.boolean().optional(),
        /** Phrases that cancel a match of any frame of the dimension where they overlap it. */
        exclude: z.array(pattern).optional(),
        frames: z.array(LexiconFrameSchema).min(1).superRefine(uniqueIds("frame")),
      }),
    )
    .min(1)
    .superRefine(uniqueIds("dimension")),
}).superRefine(knownContexts);

/** Every `excludeIn` key of a frame names one of the lexicon's `contexts`. */
function knownContexts(
  data: {
    contexts?: Record<string, unknown>;
    dimensions: { frames: { excludeIn?: Record<string, unknown> }[] }[];
  },
  ctx: z.RefinementCtx,
) {
  const known = Object.keys(data.contexts ?? {});
  data.dimensions.forEach((d, i) =>
    d.frames.forEach((f, j) => {
      for (const key of Object.keys(f.excludeIn ?? {})) {
        if (known.includes(key)) continue;
        ctx.addIssue({
          code: "custom",
          path: ["dimensions", i, "frames", j, "excludeIn", key],
          message: `context "${key}" is not among the lexicon's contexts (${
            known.length ? known.join(", ") : "it has none"
          })`,
        });
      }
    })
  );
}

/** A lexicon as written in its file. */
export type LexiconData = z.output<typeof LexiconSchema>;

/** A frame with its patterns parsed. */
export interface LexiconFrame {
  /** The frame's id (a column value in framing frames). */
  id: string;
  /** The frame's name for people. */
  label: string;
  /** The phrases that mark the frame. */
  patterns: PhrasePattern[];
  /** Phrases that cancel a match of the frame (the frame's own and its dimension's). */
  exclude: PhrasePattern[];
  /** Phrases that cancel a match of the frame in an article of a context, by context id. */
  excludeIn?: Record<string, PhrasePattern[]>;
}

/** A kind of article in which some cues mean something else (see {@link LexiconSchema}). */
export interface LexiconContext {
  /** The context's id (a key of a frame's `excludeIn`). */
  id: string;
  /** Phrases that mark an article of this context. */
  cues: PhrasePattern[];
  /** Distinct cues an article must have to be of this context. */
  minimum: number;
}

/** One dimension of a compiled lexicon. */
export interface LexiconDimension {
  /** The dimension's id. */
  id: string;
  /** The dimension's name for people. */
  label: string;
  /** Competing names for one thing (see {@link LexiconSchema}). */
  naming: boolean;
  /** The dimension's frames. */
  frames: LexiconFrame[];
}

/** A validated lexicon, patterns parsed. */
export interface Lexicon {
  /** The lexicon's name (a column value in framing frames). */
  name: string;
  /** What the lexicon measures, and its source. */
  description?: string;
  /** The lexicon's dimensions. */
  dimensions: LexiconDimension[];
  /** Kinds of article in which some frames' cues are not cues (none if absent). */
  contexts?: LexiconContext[];
}

/** A lexicon that does not validate; `problems` are located as `dimensions[0].frames[2].patterns[1]`. */
export class LexiconError extends Error {
  constructor(
    readonly source: string,
    readonly problems: { field?: string; message: string; line?: number }[],
  ) {
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
 * compileLexicon({ name: "mine", dimensions: [{ id: "migration", label: "Migration", frames: [
 *   { id: "undocumented", label: "Undocumented immigrant", patterns: ["undocumented immigrant"] },
 * ] }] });
 */
export function compileLexicon(input: unknown, source = "lexicon"): Lexicon {
  const parsed = LexiconSchema.safeParse(input);
  if (!parsed.success) throw new LexiconError(source, lexiconProblems(parsed.error));
  const data = parsed.data;
  return {
    name: data.name,
    description: data.description,
    contexts: Object.entries(data.contexts ?? {}).map(([id, c]) => ({
      id,
      cues: c.cues.map((p) => parsePattern(p)),
      minimum: c.minimum ?? 2,
    })),
    dimensions: data.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      naming: d.naming ?? false,
      frames: d.frames.map((f) => ({
        id: f.id,
        label: f.label,
        patterns: f.patterns.map((p) => parsePattern(p)),
        exclude: [...(d.exclude ?? []), ...(f.exclude ?? [])].map((p) => parsePattern(p)),
        excludeIn: Object.fromEntries(
          Object.entries(f.excludeIn ?? {}).map(([c, ps]) => [c, ps.map((p) => parsePattern(p))]),
        ),
      })),
    })),
  };
}

/** The Media Frames Corpus policy frames, shipped in `data/lexicons/media_frames.json`. */
export const MEDIA_FRAMES_LEXICON: Lexicon = compileLexicon(
  mediaFramesData,
  "data/lexicons/media_frames.json",
);
