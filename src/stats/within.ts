/**
 * Framing and tone compared within strata (`--within event`): does an outlet use a frame more,
 * or write more warmly, than the other outlets *covering the same stories*? Outlets cover
 * different stories, and frame rates and tone follow the story far more than the outlet; a plain
 * per-outlet rate mixes the two.
 *
 * The method is direct standardisation. Each outlet's observed rate over the strata it shares
 * with at least one other outlet is set against the rate expected from those strata alone: the
 * pooled rate of every outlet in each stratum, weighted by the outlet's own words (frames) or
 * sentences (tone) there. `excess` = observed − expected is 0 when the outlet frames each story
 * exactly as the others do, whatever stories it covers. Strata covered by one outlet only say
 * nothing about outlets and are left out (`strata` counts the ones used).
 *
 * The tallies are the framing and sentiment tallies of the measure stage keyed by (group,
 * stratum) ({@link withinGroup}), so batches add up as the other corpus-level frames do.
 * @module
 */

import pl from "nodejs-polars";
import type { CleanArticle } from "../corpus/clean.ts";
import { float64, int32, utf8 } from "../frames/columns.ts";
import type { FramingTally } from "./framing.ts";
import { fieldGroup, type GroupBy, groupColumnName, type NamedGroupBy } from "./groups.ts";
import type { Lexicon } from "./lexicon.ts";
import type { SentimentTally } from "./sentiment.ts";

/** Joins a group and a stratum into one key; neither holds this character in practice. */
const SEP = "\u001f";

/**
 * The grouping by (group, stratum) pairs: an article's group and its stratum joined, null when
 * either is missing.
 */
export function withinGroup(by: GroupBy, within: GroupBy): NamedGroupBy {
  const of = (g: GroupBy) =>
    typeof g === "string" ? fieldGroup(g).of : typeof g === "function" ? g : g.of;
  const group = of(by);
  const stratum = of(within);
  return {
    name: `${groupColumnName(by)}${SEP}${groupColumnName(within)}`,
    of: (a: CleanArticle) => {
      const g = group(a);
      const s = stratum(a);
      return g === null || s === null ? null : `${g}${SEP}${s}`;
    },
  };
}

/** Per stratum, the groups with some `size` there; strata of one group are dropped. */
function sharedStrata(size: Map<string, number>): Map<string, Map<string, number>> {
  const strata = new Map<string, Map<string, number>>();
  for (const [key, n] of size) {
    if (!n) continue;
    const [g, s] = key.split(SEP);
    let groups = strata.get(s);
    if (!groups) strata.set(s, groups = new Map());
    groups.set(g, n);
  }
  for (const [s, groups] of strata) if (groups.size < 2) strata.delete(s);
  return strata;
}

/**
 * One row per lexicon, group, dimension and frame: `strata` (shared with another group), `words`
 * and `n` (matches) in those strata, `per_1000` (observed), `expected_per_1000` (each stratum's
 * pooled rate, weighted by the group's words there) and `excess_per_1000` (observed − expected).
 * Groups that share no stratum with another are left out.
 */
export function framingWithinFrame(
  tally: FramingTally,
  lexicons: readonly Lexicon[],
  by: GroupBy,
  within: GroupBy,
): pl.DataFrame {
  const strata = sharedStrata(tally.words);
  const groups = [...new Set([...strata.values()].flatMap((m) => [...m.keys()]))].sort();
  const cols = {
    lexicon: [] as string[],
    group: [] as string[],
    dimension: [] as string[],
    frame: [] as string[],
    label: [] as string[],
    strata: [] as number[],
    words: [] as number[],
    n: [] as number[],
    observed: [] as number[],
    expected: [] as number[],
  };
  for (const lexicon of lexicons) {
    for (const d of lexicon.dimensions) {
      for (const f of d.frames) {
        const prefix = `${lexicon.name}\t${d.id}\t${f.id}\t`;
        const count = (g: string, s: string) => tally.n.get(`${prefix}${g}${SEP}${s}`) ?? 0;
        for (const g of groups) {
          let used = 0, words = 0, n = 0, expected = 0;
          for (const [s, sizes] of strata) {
            const w = sizes.get(g);
            if (!w) continue;
            let pooledN = 0, pooledW = 0;
            for (const [h, wh] of sizes) {
              pooledN += count(h, s);
              pooledW += wh;
            }
            used++;
            words += w;
            n += count(g, s);
            expected += w * (pooledN / pooledW);
          }
          cols.lexicon.push(lexicon.name);
          cols.group.push(g);
          cols.dimension.push(d.id);
          cols.frame.push(f.id);
          cols.label.push(f.label);
          cols.strata.push(used);
          cols.words.push(words);
          cols.n.push(n);
          cols.observed.push((n / words) * 1000);
          cols.expected.push((expected / words) * 1000);
        }
      }
    }
  }
  return pl.DataFrame([
    utf8("lexicon", cols.lexicon),
    utf8(groupColumnName(by), cols.group),
    utf8("dimension", cols.dimension),
    utf8("frame", cols.frame),
    utf8("label", cols.label),
    utf8("within", cols.group.map(() => groupColumnName(within))),
    int32("strata", cols.strata),
    int32("words", cols.words),
    int32("n", cols.n),
    float64("per_1000", cols.observed),
    float64("expected_per_1000", cols.expected),
    float64("excess_per_1000", cols.observed.map((o, i) => o - cols.expected[i])),
  ]);
}

/**
 * One row per group: `strata` (shared with another group), `sentences` in them, `mean_score`
 * (observed mean sentence score), `expected_mean_score` (each stratum's pooled mean, weighted by
 * the group's sentences there) and `excess_mean_score` (observed − expected).
 */
export function sentimentWithinFrame(
  tally: SentimentTally,
  by: GroupBy,
  within: GroupBy,
): pl.DataFrame {
  const sentences = new Map<string, number>();
  const scores = new Map<string, number>();
  for (const [key, { rollup }] of tally) {
    sentences.set(key, rollup.sentences);
    scores.set(key, rollup.scoreSum);
  }
  const strata = sharedStrata(sentences);
  const groups = [...new Set([...strata.values()].flatMap((m) => [...m.keys()]))].sort();
  const rows = groups.map((g) => {
    let used = 0, n = 0, sum = 0, expected = 0;
    for (const [s, sizes] of strata) {
      const k = sizes.get(g);
      if (!k) continue;
      let pooledSum = 0, pooledN = 0;
      for (const [h, kh] of sizes) {
        pooledSum += scores.get(`${h}${SEP}${s}`) ?? 0;
        pooledN += kh;
      }
      used++;
      n += k;
      sum += scores.get(`${g}${SEP}${s}`) ?? 0;
      expected += k * (pooledSum / pooledN);
    }
    return { used, n, observed: sum / n, expected: expected / n };
  });
  return pl.DataFrame([
    utf8(groupColumnName(by), groups),
    utf8("within", groups.map(() => groupColumnName(within))),
    int32("strata", rows.map((r) => r.used)),
    int32("sentences", rows.map((r) => r.n)),
    float64("mean_score", rows.map((r) => r.observed)),
    float64("expected_mean_score", rows.map((r) => r.expected)),
    float64("excess_mean_score", rows.map((r) => r.observed - r.expected)),
  ]);
}
