/**
 * The `framing` stage: lexicon matches per sentence, summed per group (`framing_summary`) and,
 * with `within`, per group and stratum (`framing_within`).
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import {
  findFraming,
  framingFrame,
  type FramingMatches,
  framingSummaryFrame,
  type FramingTally,
  framingTally,
  lexiconsOf,
  mergeFramingTally,
} from "./framing.ts";
import { framingWithinFrame, withinGroup } from "./within.ts";
import type pl from "nodejs-polars";

/** The entity types whose names hold no frame: people and places. */
const NAME_TYPES = new Set(["PERSON", "GPE", "LOC", "FAC"]);

/** A name as compared with an outlet's: lower case, without a leading "the". */
const outletKey = (name: string) => name.toLowerCase().replace(/^the\s+/, "").trim();

/**
 * The matches outside the names of people and places, and outside an article's own outlet's name:
 * a cue word inside "Constitution Hall", "Liberty Island" or "Hope Springs" names the place, it
 * does not frame the story, and the Financial Times naming itself is no economic frame (the
 * article's own outlet only, so that a result never depends on which articles share a batch).
 * Other organisations keep theirs ("Homeland Security Department" is security, "Bureau of
 * Prisons" crime): naming the agency is part of how a story is told.
 */
export function outsideNames(
  matches: FramingMatches,
  entities: pl.DataFrame,
  outletOf: ReadonlyMap<string, string> = new Map(),
): FramingMatches {
  if (matches.start.length === 0 || entities.height === 0) return matches;
  const names = new Map<string, [number, number][]>();
  const ids = entities.getColumn("article_id").toArray() as string[];
  const types = entities.getColumn("type").toArray() as string[];
  const texts = entities.getColumn("text").toArray() as string[];
  const starts = entities.getColumn("start").toArray() as number[];
  const ends = entities.getColumn("end").toArray() as number[];
  for (let i = 0; i < ids.length; i++) {
    const own = outletOf.get(ids[i]);
    const outlet = types[i] === "ORG" && own !== undefined &&
      outletKey(own) === outletKey(texts[i]);
    if (!NAME_TYPES.has(types[i]) && !outlet) continue;
    let spans = names.get(ids[i]);
    if (!spans) names.set(ids[i], spans = []);
    spans.push([Number(starts[i]), Number(ends[i])]);
  }
  for (const spans of names.values()) spans.sort((x, y) => x[0] - y[0]);
  const keep = matches.start.map((start, i) => {
    const spans = names.get(matches.articleId[i]);
    if (!spans) return true;
    // The last name starting at or before the match (names do not overlap).
    let lo = 0, hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || spans[lo - 1][1] < matches.end[i];
  });
  if (keep.every(Boolean)) return matches;
  const pick = <T>(column: T[]) => column.filter((_, i) => keep[i]);
  return Object.fromEntries(
    Object.entries(matches).map(([k, column]) => [k, pick(column as unknown[])]),
  ) as unknown as FramingMatches;
}

/** Framing matches, and their sums by group (and stratum). */
export const FRAMING_STAGE = frameStage<{ groups: FramingTally; within?: FramingTally }>({
  name: "framing",
  step: "measure",
  perArticle: ["framing"],
  corpusLevel: ["framing_summary", "framing_within"],
  reads: ["entities"],
  batch: (a, built, options) => {
    const by = options.by ?? "outlet";
    const found = findFraming(a, lexiconsOf(options.lexicons, options.defaultLexicons === false));
    const outletOf = new Map(a.articles.map((article) => [article.id, article.outlet]));
    const matches = built.entities ? outsideNames(found, built.entities, outletOf) : found;
    return {
      frames: { framing: framingFrame(matches) },
      tally: {
        groups: framingTally(a, matches, by),
        within: options.within === undefined
          ? undefined
          : framingTally(a, matches, withinGroup(by, options.within)),
      },
    };
  },
  merge: (into, from) => {
    mergeFramingTally(into.groups, from.groups);
    if (into.within && from.within) mergeFramingTally(into.within, from.within);
    return into;
  },
  summarize: (tally, options) => {
    const by = options.by ?? "outlet";
    const lexicons = lexiconsOf(options.lexicons, options.defaultLexicons === false);
    const frames = { framing_summary: framingSummaryFrame(tally.groups, lexicons, by) };
    if (options.within === undefined || !tally.within) return frames;
    return {
      ...frames,
      framing_within: framingWithinFrame(tally.within, lexicons, by, options.within),
    };
  },
});
