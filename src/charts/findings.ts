/**
 * The findings in words: the conclusions the notebooks state, computed from the frames, each
 * sentence with its numbers and the articles and words it rests on. Where the evidence is thin
 * (a term used twice, a speaker quoted once, a tone difference within noise) the sentence is left
 * out rather than said: wrong is worse than empty.
 *
 * Sentences are plain text holding article-derived names: escape them for the page they go on
 * (`escapeHtml` for the report, `escapeMarkdown` in a notebook).
 * @module
 */

import pl from "nodejs-polars";
import { type GroupSize, groupSizes, pluralField } from "./caption.ts";
import { withoutNumbers } from "./terms.ts";

/** What a finding is about, in the order the report lists them. */
export type FindingTopic =
  | "terms"
  | "entities"
  | "speakers"
  | "figures"
  | "framing"
  | "tone"
  | "reuse";

/** One computed conclusion. */
export interface Finding {
  topic: FindingTopic;
  /** One plain-text sentence (not escaped). */
  text: string;
}

/** Options of {@link findings}. */
export interface FindingsOptions {
  /** The article field the frames were grouped by (default: the first column of outlet_terms, or outlet). */
  by?: string;
  /**
   * The run's `--within` field: frames and tone are then said from `framing_within` and
   * `sentiment_within` (each group against the others covering the same strata), not across them.
   */
  within?: string;
  /** The least count a term, person, speaker or frame needs to be named (default 3; speakers 2). */
  minCount?: number;
  /** Terms, people or speakers named per group (default 3). */
  top?: number;
}

type FrameSet = Readonly<Record<string, pl.DataFrame | undefined>>;

const num = (n: number) => n.toLocaleString("en");
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
const sized = (g: GroupSize | undefined) =>
  g ? `${plural(g.articles, "article")}, ${plural(g.words, "word")}` : "size unknown";
/** Rows of a frame as objects (small, already aggregated frames only). */
const records = (df: pl.DataFrame): Record<string, unknown>[] =>
  df.toRecords() as Record<string, unknown>[];

/**
 * The first `top` rows (sorted, largest `key` first) and every row tied with the last of them:
 * cutting between equals would pick one of them by name.
 */
function topWithTies(rows: Record<string, unknown>[], key: string, top: number) {
  if (rows.length <= top) return rows;
  const cut = Number(rows[top - 1][key]);
  return rows.filter((r, i) => i < top || Number(r[key]) === cut);
}

/** The column of `articles` a grouping field reads, as the expression giving each article's group. */
function groupKey(articles: pl.DataFrame, by: string): pl.Expr | undefined {
  if (by === "id") return pl.col("article_id");
  if (by === "year" && !articles.columns.includes("year")) {
    return pl.col("published").cast(pl.Utf8).str.slice(0, 4);
  }
  return articles.columns.includes(by) ? pl.col(by).cast(pl.Utf8) : undefined;
}

/**
 * Each article's group under `by` as a frame (article_id and the group in column `name`, by
 * default `__group`), articles without a value left out; undefined when the articles frame lacks
 * the field.
 *
 * @example
 * entities.join(articleGroups(articles, "party", "party")!, { on: "article_id" });
 */
export function articleGroups(
  articles: pl.DataFrame | undefined,
  by: string,
  name = "__group",
): pl.DataFrame | undefined {
  const key = articles && groupKey(articles, by);
  if (!articles || !key) return undefined;
  return articles.select(pl.col("article_id"), key.alias(name)).filter(pl.col(name).isNotNull());
}

/** `df` (with article_id) with the column `__group` of its article. */
function withGroup(df: pl.DataFrame, groups: pl.DataFrame): pl.DataFrame {
  return df.join(groups, { on: "article_id", how: "inner" });
}

/** The grouping field of frames built by `analyze --by`: outlet_terms' first column. */
export function frameGrouping(frames: FrameSet): string {
  return frames.outlet_terms?.columns[0] ?? "outlet";
}

/**
 * Which terms each group over-uses most (keyness z > 0, used at least `minCount` times by the
 * group), and how many group–term pairs pass q < 0.05 with articles as the unit.
 */
export function termFindings(
  keyness: pl.DataFrame,
  sizes: readonly GroupSize[],
  options: FindingsOptions = {},
): Finding[] {
  const min = options.minCount ?? 3;
  const top = options.top ?? 3;
  if (!keyness.height) return [];
  const out: Finding[] = [];
  const significant = keyness.filter(pl.col("z").gt(0).and(pl.col("q").lt(0.05))).height;
  const over = keyness.filter(pl.col("z").gt(0));
  out.push({
    topic: "terms",
    text: `${plural(significant, "over-used term")} of ${
      num(over.height)
    } pass q < 0.05 with articles as the unit${
      significant ? "" : ": the terms below lead their groups, but none is a significant finding"
    }.`,
  });
  const size = new Map(sizes.map((g) => [g.name, g]));
  const groups = [...new Set(keyness.getColumn("group").toArray() as string[])].sort();
  // The words that lead, not the numbers (those are the figures' findings).
  const words = withoutNumbers(over);
  for (const g of groups) {
    const lead = records(
      words.filter(pl.col("group").eq(pl.lit(g)).and(pl.col("n_target").gtEq(min)))
        .sort(["z", "term"], [true, false]).head(top),
    );
    if (!lead.length) continue;
    const terms = lead.map((r) =>
      `“${r.term}” (${num(Number(r.n_target))} against ${num(Number(r.n_reference))}, z ${
        Number(r.z).toFixed(1)
      }${Number(r.q) < 0.05 ? ", q < 0.05" : ""})`
    );
    out.push({
      topic: "terms",
      text: `${g} (${sized(size.get(g))}) over-uses most: ${terms.join(", ")}.`,
    });
  }
  return out;
}

/**
 * Who is named most in each group: the people (PERSON mentions, media left out) with at least
 * `minCount` mentions, with the number of the group's articles naming them.
 */
export function entityFindings(
  entities: pl.DataFrame,
  groups: pl.DataFrame,
  sizes: readonly GroupSize[],
  options: FindingsOptions = {},
): Finding[] {
  const min = options.minCount ?? 3;
  const top = options.top ?? 3;
  let people = entities.filter(pl.col("type").eq(pl.lit("PERSON")));
  if (people.columns.includes("media")) people = people.filter(pl.col("media").not());
  const counts = withGroup(people.select("article_id", "entity"), groups)
    .groupBy(["__group", "entity"])
    .agg(pl.len().alias("n"), pl.col("article_id").nUnique().alias("articles"))
    .filter(pl.col("n").gtEq(min))
    .sort(["__group", "n", "entity"], [false, true, false]);
  const size = new Map(sizes.map((g) => [g.name, g]));
  const out: Finding[] = [];
  for (const g of sizes.map((s) => s.name)) {
    const rows = topWithTies(records(counts.filter(pl.col("__group").eq(pl.lit(g)))), "n", top);
    if (!rows.length) continue;
    const total = size.get(g)?.articles ?? 0;
    out.push({
      topic: "entities",
      text: `Most named in ${g} (${sized(size.get(g))}): ${
        rows.map((r) =>
          `${r.entity} (${plural(Number(r.n), "mention")} in ${num(Number(r.articles))} of ${
            plural(total, "article")
          })`
        ).join(", ")
      }.`,
    });
  }
  return out;
}

/**
 * Who speaks most: direct quotes with a known speaker, over the corpus and per group (a speaker
 * quoted fewer than `minCount` times, default 2, is not named).
 */
export function speakerFindings(
  quotes: pl.DataFrame,
  groups: pl.DataFrame,
  sizes: readonly GroupSize[],
  options: FindingsOptions = {},
): Finding[] {
  const min = options.minCount ?? 2;
  const top = options.top ?? 3;
  const direct = withGroup(
    quotes.filter(pl.col("kind").eq(pl.lit("direct"))).select("article_id", "speaker"),
    groups,
  );
  if (!direct.height) return [];
  const known = direct.filter(pl.col("speaker").isNotNull());
  const out: Finding[] = [];
  const overall = topWithTies(
    records(
      known.groupBy("speaker")
        .agg(pl.len().alias("n"), pl.col("article_id").nUnique().alias("articles"))
        .filter(pl.col("n").gtEq(min)).sort(["n", "speaker"], [true, false]),
    ),
    "n",
    top,
  );
  if (overall.length) {
    out.push({
      topic: "speakers",
      text: `Of ${plural(direct.height, "direct quote")} (${
        num(known.height)
      } with a known speaker), the most quoted: ${
        overall.map((r) =>
          `${r.speaker} (${plural(Number(r.n), "quote")} in ${
            plural(Number(r.articles), "article")
          })`
        ).join(", ")
      }.`,
    });
  }
  const byGroup = known.groupBy(["__group", "speaker"]).len()
    .sort(["__group", "len", "speaker"], [false, true, false]);
  const totals = new Map(
    (known.groupBy("__group").len().rows() as [string, number][]).map(([g, n]) => [g, Number(n)]),
  );
  const size = new Map(sizes.map((g) => [g.name, g]));
  if (sizes.length < 2) return out;
  for (const g of sizes.map((s) => s.name)) {
    const rows = records(byGroup.filter(pl.col("__group").eq(pl.lit(g))));
    const most = Number(rows[0]?.len ?? 0);
    if (most < min) continue;
    // A tie is said as one: naming the first of two equals would be a guess.
    const leaders = rows.filter((r) => Number(r.len) === most).map((r) => String(r.speaker));
    const who = leaders.length === 1
      ? leaders[0]
      : `${leaders.slice(0, -1).join(", ")} and ${leaders.at(-1)}`;
    out.push({
      topic: "speakers",
      text: `${g} (${sized(size.get(g))}) quotes ${who} most: ${num(most)}${
        leaders.length > 1 ? " each" : ""
      } of its ${plural(totals.get(g) ?? 0, "direct quote")} with a known speaker.`,
    });
  }
  return out;
}

/** The article of a sentence id `<article>:<n>`. */
const article = (sentence: unknown) => String(sentence).replace(/:\d+$/, "");

// Counts are figures too: in a disaster, a vote or a court case the death toll, the votes cast
// or the people charged are the story's numbers, and leaving them out said "0 figures"; so are a
// game's or a vote's score.
const FIGURE_KINDS = ["money", "percent", "quantity", "count", "score"];

/** Days apart beyond which two articles are taken to report different events, not one story. */
export const SAME_STORY_DAYS = 7;

/**
 * The figure pairs of `figure_consistency` worth a sentence: flagged, and not two figures in
 * different units: two counts of different things ("three robots" and "three points" have
 * different units because they count different things, not because one outlet got the number
 * wrong), money in two currencies ("$380 million" and "350 million euros": a conversion) or a
 * quantity in two measures ("115 mph", "185 km/h"); a percent against percentage points stays. Pairs across groups first: a
 * figure that differs between two articles of one group is most often a later report, and so is
 * one between articles published more than {@link SAME_STORY_DAYS} days apart (`apart`: two State
 * of the Union addresses a year apart, "400,000 veterans" then "700,000"). `dayOf` gives an
 * article's publication day (days since 1970), when known.
 */
export function differingFigures(
  consistency: pl.DataFrame,
  groupOf: ReadonlyMap<string, string>,
  dayOf: ReadonlyMap<string, number> = new Map(),
): {
  across: Record<string, unknown>[];
  within: Record<string, unknown>[];
  apart: Record<string, unknown>[];
} {
  const across: Record<string, unknown>[] = [];
  const within: Record<string, unknown>[] = [];
  const apart: Record<string, unknown>[] = [];
  for (const r of records(consistency.filter(pl.col("flagged")))) {
    // Only a percent against percentage points is a disagreement of units.
    if (r.kind !== "percent" && r.status === "different_unit") continue;
    const a = article(r.sentence_a);
    const b = article(r.sentence_b);
    const da = dayOf.get(a);
    const db = dayOf.get(b);
    if (da !== undefined && db !== undefined && Math.abs(da - db) > SAME_STORY_DAYS) {
      apart.push(r);
      continue;
    }
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    (ga !== undefined && ga === gb ? within : across).push(r);
  }
  return { across, within, apart };
}

/** Each article's publication day (days since 1970) from an `articles` frame, where known. */
export function publicationDays(articles: pl.DataFrame | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!articles?.columns.includes("published")) return out;
  const ids = articles.getColumn("article_id").toArray() as string[];
  const dates = articles.getColumn("published").toArray() as unknown[];
  ids.forEach((id, i) => {
    const d = dates[i];
    const ms = d instanceof Date ? d.getTime() : d == null ? NaN : Date.parse(String(d));
    if (Number.isFinite(ms)) out.set(id, Math.floor(ms / 86_400_000));
  });
  return out;
}

/**
 * What each figure measures ("revenue", "dead"), keyed by its sentence and text, from a figures
 * frame with `sentence_id`, `text` and `measure` columns; empty without them.
 */
function measuresOf(figures: pl.DataFrame | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!figures || !["sentence_id", "text", "measure"].every((c) => figures.columns.includes(c))) {
    return out;
  }
  const sentence = figures.getColumn("sentence_id").toArray() as string[];
  const text = figures.getColumn("text").toArray() as string[];
  const measure = figures.getColumn("measure").toArray() as (string | null)[];
  measure.forEach((m, i) => {
    if (m && m !== "period") out.set(`${sentence[i]}\u0000${text[i]}`, m);
  });
  return out;
}

/**
 * The figures each group reports (money, percentages, quantities, counts) and the figures
 * reported with a different value or unit in sentences that match across articles
 * (`figure_consistency`; see {@link differingFigures}).
 */
export function figureFindings(
  figures: pl.DataFrame | undefined,
  consistency: pl.DataFrame | undefined,
  groups: pl.DataFrame,
  sizes: readonly GroupSize[],
  by: string,
  dayOf: ReadonlyMap<string, number> = new Map(),
): Finding[] {
  const out: Finding[] = [];
  if (figures && figures.height) {
    const counted = withGroup(
      figures.filter(pl.col("kind").isIn(FIGURE_KINDS)).select("article_id", "kind"),
      groups,
    );
    const size = new Map(sizes.map((g) => [g.name, g]));
    const parts: string[] = [];
    for (const g of sizes.map((s) => s.name)) {
      const mine = counted.filter(pl.col("__group").eq(pl.lit(g)));
      const kinds = FIGURE_KINDS.map((k) => [k, mine.filter(pl.col("kind").eq(pl.lit(k))).height])
        .filter(([, n]) => Number(n) > 0).map(([k, n]) => `${n} ${k}`);
      parts.push(
        `${g} ${plural(mine.height, "figure")}${kinds.length ? ` (${kinds.join(", ")})` : ""} in ${
          plural(size.get(g)?.articles ?? 0, "article")
        }`,
      );
    }
    if (counted.height) {
      out.push({
        topic: "figures",
        text: `Money, percentages, quantities, counts and scores reported, by ${by}: ${
          parts.join("; ")
        }.`,
      });
    }
  }
  if (consistency && consistency.height) {
    const groupOf = new Map(groups.rows() as [string, string][]);
    const { across, within, apart } = differingFigures(consistency, groupOf, dayOf);
    if (!across.length && !within.length && !apart.length) {
      out.push({
        topic: "figures",
        text: `No figure is reported with a different value or unit in matching sentences (${
          plural(consistency.height, "pair")
        } of figures compared across articles).`,
      });
    }
    const measure = measuresOf(figures);
    for (const r of across.slice(0, 5)) {
      const a = article(r.sentence_a);
      const b = article(r.sentence_b);
      const ga = groupOf.get(a);
      const gb = groupOf.get(b);
      const where = ga !== undefined && gb !== undefined ? ` (${by} ${ga} against ${gb})` : "";
      // What the figure measures, when the extractor read it: "“46”" alone says little.
      const what = measure.get(`${r.sentence_a}\u0000${r.text_a}`);
      const of = what ? ` (${what.replaceAll("_", " ")})` : "";
      out.push({
        topic: "figures",
        text:
          `The same ${r.kind}${of} differs: “${r.text_a}” in ${a} against “${r.text_b}” in ${b}${where}.`,
      });
    }
    if (across.length > 5) {
      out.push({
        topic: "figures",
        text: `${num(across.length - 5)} more differing figures are in figure_consistency.`,
      });
    }
    if (within.length) {
      out.push({
        topic: "figures",
        text: `${plural(within.length, "figure")} ${
          within.length === 1 ? "differs" : "differ"
        } between articles of the same ${by} (most often a later report of a changing number; see figure_consistency).`,
      });
    }
    if (apart.length) {
      out.push({
        topic: "figures",
        text: `${plural(apart.length, "figure")} ${
          apart.length === 1 ? "differs" : "differ"
        } between articles published more than ${SAME_STORY_DAYS} days apart (different events or a changing number; see figure_consistency).`,
      });
    }
  }
  return out;
}

/**
 * Which frame leads in each group, per lexicon and dimension (`framing_summary`): the label with
 * the most matches, named only with at least `minCount` of them.
 */
export function framingFindings(
  summary: pl.DataFrame,
  by: string,
  options: FindingsOptions = {},
): Finding[] {
  const min = options.minCount ?? 3;
  if (!summary.height || !summary.columns.includes(by)) return [];
  const out: Finding[] = [];
  const dims = records(
    summary.select("lexicon", "dimension").unique().sort(["lexicon", "dimension"]),
  );
  for (const { lexicon, dimension } of dims) {
    const rows = summary.filter(
      pl.col("lexicon").eq(pl.lit(String(lexicon))).and(
        pl.col("dimension").eq(pl.lit(String(dimension))),
      ),
    );
    const leads: string[] = [];
    for (const g of [...new Set(rows.getColumn(by).toArray() as string[])].sort()) {
      const [lead] = records(
        rows.filter(pl.col(by).eq(pl.lit(g)).and(pl.col("n").gtEq(min)))
          .sort(["n", "label"], [true, false]).head(1),
      );
      if (!lead) continue;
      const all = Number(rows.filter(pl.col(by).eq(pl.lit(g))).getColumn("n").sum());
      leads.push(
        `“${lead.label}” in ${g} (${num(Number(lead.n))} of ${plural(all, "match", "matches")}, ${
          Number(lead.per_1000).toFixed(1)
        } per 1,000 of ${plural(Number(lead.words), "word")}, ${
          plural(Number(lead.group_articles), "article")
        })`,
      );
    }
    if (leads.length) {
      out.push({
        topic: "framing",
        text: `Leading frame of ${dimension} (${lexicon}): ${leads.join("; ")}.`,
      });
    }
  }
  return out;
}

/**
 * The groups of highest and lowest `score` among those with at least `minSentences` sentences
 * (ties by group name), and the spread between them; null with fewer than two such groups.
 */
function toneEnds(frame: pl.DataFrame, by: string, score: string, minSentences: number) {
  if (!frame.columns.includes(by)) return null;
  const rows = records(
    frame.filter(pl.col("sentences").gtEq(minSentences).and(pl.col(by).isNotNull()))
      .sort([score, by], [true, false]),
  );
  if (rows.length < 2) return null;
  const hi = rows[0];
  const lo = rows[rows.length - 1];
  return { hi, lo, spread: Number(hi[score]) - Number(lo[score]) };
}

/**
 * Tone differences between groups (`sentiment_outlet`: the mean sentence score per group). Said
 * only with two or more groups of at least `minSentences` sentences (default 10); a spread under
 * `minDifference` (default 0.05) is said to be none.
 */
export function toneFindings(
  rollup: pl.DataFrame,
  by: string,
  options: { minSentences?: number; minDifference?: number; tone?: string } = {},
): Finding[] {
  const minDifference = options.minDifference ?? 0.05;
  const ends = toneEnds(rollup, by, "mean_score", options.minSentences ?? 10);
  if (!ends) return [];
  const { hi, lo, spread } = ends;
  const said = (r: Record<string, unknown>) =>
    `${r[by]} ${signed(Number(r.mean_score))} (${plural(Number(r.sentences), "sentence")}, ${
      plural(Number(r.articles), "article")
    })`;
  const scale = options.tone ?? "VADER";
  return [{
    topic: "tone",
    text: spread < minDifference
      ? `Tone hardly differs by ${by}: mean ${scale} sentence score from ${said(lo)} to ${
        said(hi)
      }, less than ${minDifference} apart.`
      : `Tone (mean ${scale} sentence score, −1 to +1): highest in ${said(hi)}, lowest in ${
        said(lo)
      }, ${spread.toFixed(2)} apart.`,
  }];
}

/** A count of strata: "1 story", "3 stories". */
const strataOf = (n: number, within: string) =>
  `${num(n)} ${n === 1 ? within : pluralField(within)}`;

/**
 * Which frame each group uses most *beyond the other groups covering the same strata*
 * (`framing_within`, direct standardisation over the `within` field): per lexicon and dimension,
 * the frame with the largest excess per 1,000 words, named only with at least `minCount` matches
 * and an excess above 0. Groups that share no stratum with another are said to be left out.
 */
export function framingWithinFindings(
  frame: pl.DataFrame,
  by: string,
  within: string,
  sizes: readonly GroupSize[] = [],
  options: FindingsOptions = {},
): Finding[] {
  const min = options.minCount ?? 3;
  if (!frame.height || !frame.columns.includes(by)) return [];
  const out: Finding[] = [];
  const others = by === "id" ? "articles" : pluralField(by);
  const dims = records(
    frame.select("lexicon", "dimension").unique().sort(["lexicon", "dimension"]),
  );
  for (const { lexicon, dimension } of dims) {
    const rows = frame.filter(
      pl.col("lexicon").eq(pl.lit(String(lexicon))).and(
        pl.col("dimension").eq(pl.lit(String(dimension))),
      ),
    );
    const leads: string[] = [];
    for (const g of [...new Set(rows.getColumn(by).toArray() as string[])].sort()) {
      const [lead] = records(
        rows.filter(
          pl.col(by).eq(pl.lit(g)).and(pl.col("n").gtEq(min)).and(pl.col("excess_per_1000").gt(0)),
        ).sort(["excess_per_1000", "label"], [true, false]).head(1),
      );
      if (!lead) continue;
      leads.push(
        `“${lead.label}” in ${g} +${Number(lead.excess_per_1000).toFixed(1)} per 1,000 words (${
          Number(lead.per_1000).toFixed(1)
        } against ${Number(lead.expected_per_1000).toFixed(1)} expected; ${
          plural(Number(lead.n), "match", "matches")
        } in ${plural(Number(lead.words), "word")}, ${strataOf(Number(lead.strata), within)})`,
      );
    }
    if (leads.length) {
      out.push({
        topic: "framing",
        text: `Frame of ${dimension} (${lexicon}) each ${
          by === "id" ? "article" : by
        } uses most beyond the other ${others} of the same ${within} (framing_within): ${
          leads.join("; ")
        }.`,
      });
    }
  }
  out.push(...leftOut(frame, by, within, sizes, "framing"));
  return out;
}

/** The groups of `sizes` a within frame lacks: they share no stratum with another group. */
function leftOut(
  frame: pl.DataFrame,
  by: string,
  within: string,
  sizes: readonly GroupSize[],
  topic: FindingTopic,
): Finding[] {
  const present = new Set(frame.getColumn(by).toArray() as string[]);
  const missing = sizes.map((g) => g.name).filter((g) => !present.has(g));
  if (!missing.length) return [];
  return [{
    topic,
    text: `${missing.join(", ")} ${
      missing.length === 1 ? "shares" : "share"
    } no ${within} with another ${
      by === "id" ? "article" : by
    }: left out of the comparison within each ${within}.`,
  }];
}

/**
 * Tone within strata (`sentiment_within`): each group's mean sentence score against the mean the
 * other groups of the same strata lead one to expect. Said only with two or more groups of at
 * least `minSentences` sentences (default 10); a spread of excess under `minDifference` (default
 * 0.05) is said to be none.
 */
export function toneWithinFindings(
  frame: pl.DataFrame,
  by: string,
  within: string,
  options: { minSentences?: number; minDifference?: number; tone?: string } = {},
): Finding[] {
  const minDifference = options.minDifference ?? 0.05;
  const ends = toneEnds(frame, by, "excess_mean_score", options.minSentences ?? 10);
  if (!ends) return [];
  const { hi, lo, spread } = ends;
  const said = (r: Record<string, unknown>) =>
    `${r[by]} ${signed(Number(r.excess_mean_score))} (${signed(Number(r.mean_score))} against ${
      signed(Number(r.expected_mean_score))
    } expected; ${plural(Number(r.sentences), "sentence")}, ${strataOf(Number(r.strata), within)})`;
  const scale = options.tone ?? "VADER";
  const what = `mean ${scale} sentence score against the other ${
    by === "id" ? "articles" : pluralField(by)
  } of the same ${within}, from sentiment_within`;
  return [{
    topic: "tone",
    text: spread < minDifference
      ? `Tone hardly differs within each ${within} (${what}): from ${said(lo)} to ${
        said(hi)
      }, less than ${minDifference} apart.`
      : `Tone within each ${within} (${what}): most above in ${said(hi)}, most below in ${
        said(lo)
      }, ${spread.toFixed(2)} apart.`,
  }];
}

/** Who reused whom (`article_sources`): each article most of which is found in an earlier one. */
export function reuseFindings(
  sources: pl.DataFrame,
  groups: pl.DataFrame | undefined,
  by: string,
): Finding[] {
  if (!sources.height) return [];
  // Grouped by article, the group is the article itself: nothing to add.
  const groupOf = new Map((by === "id" ? [] : groups?.rows() ?? []) as [string, string][]);
  const named = (id: string) => groupOf.has(id) ? `${id} (${groupOf.get(id)})` : id;
  const found = records(
    sources.filter(pl.col("likely_source").isNotNull()).sort(["article_id"]),
  );
  if (!found.length) {
    return [{
      topic: "reuse",
      text: `No article is mostly found in another (${
        plural(sources.height, "article")
      } compared sentence by sentence).`,
    }];
  }
  const out = found.map((r) => ({
    topic: "reuse" as const,
    text: `${named(String(r.article_id))} most likely rewrites ${named(String(r.likely_source))}: ${
      Math.round(Number(r.source_share) * 100)
    }% of its sentences (${num(Number(r.source_sentences))}) are found there (${
      directionBasis(r)
    }).`,
  }));
  const across = found.filter((r) =>
    groupOf.has(String(r.article_id)) &&
    groupOf.get(String(r.article_id)) !== groupOf.get(String(r.likely_source))
  ).length;
  if (groupOf.size) {
    out.push({
      topic: "reuse",
      text: found.length === 1
        ? `The one rewrite ${across ? "crosses" : "does not cross"} ${by} lines.`
        : `${num(across)} of these ${plural(found.length, "rewrite")} cross ${by} lines.`,
    });
  }
  return out;
}

/** A date cell as the day written (polars gives a Date or a string). */
const day = (v: unknown) => v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "");

/**
 * What the direction of a rewrite rests on (`source_rule` of `article_sources`): a date, or, with
 * no date or the same one, only which article covers more of the other. Without it, two undated
 * daily reports built on one template read as one copying the other, in a direction nothing shows.
 */
function directionBasis(r: Record<string, unknown>): string {
  const rule = String(r.source_rule ?? "");
  if (rule === "earlier") return `the source is dated earlier, ${day(r.source_published)}`;
  const guess = "so the direction rests only on which of the two covers more of the other";
  if (rule.startsWith("same date")) return `both are dated ${day(r.published)}, ${guess}`;
  return `neither date is known, ${guess}`;
}

/**
 * Every finding the frames allow (those `allFrames` builds: any subset works), in the order of
 * {@link FindingTopic}.
 *
 * @example
 * ```ts
 * import { analyzeCorpus } from "newsframe";
 * import { allFrames } from "newsframe/stages.ts";
 * import { findings } from "newsframe/charts/findings.ts";
 *
 * for (const f of findings(allFrames(await analyzeCorpus("seeds")))) console.log(f.text);
 * ```
 */
export function findings(frames: FrameSet, options: FindingsOptions = {}): Finding[] {
  const field = options.by ?? frameGrouping(frames);
  const sizes = groupSizes(frames.articles, field);
  const groups = articleGroups(frames.articles, field);
  // How the grouping reads in a sentence: grouped by id, the groups are articles.
  const by = field === "id" ? "article" : field;
  const out: Finding[] = [];
  if (frames.keyness) out.push(...termFindings(frames.keyness, sizes, options));
  if (groups && frames.entities) {
    out.push(...entityFindings(frames.entities, groups, sizes, options));
  }
  if (groups && frames.quotes) {
    out.push(
      ...speakerFindings(frames.quotes, groups, sizes, { ...options, minCount: undefined }),
    );
  }
  if (groups) {
    out.push(
      ...figureFindings(
        frames.figures,
        frames.figure_consistency,
        groups,
        sizes,
        by,
        publicationDays(frames.articles),
      ),
    );
  }
  // With --within, frames and tone differ by story far more than by outlet: said within strata.
  const within = options.within;
  if (within && frames.framing_within) {
    out.push(...framingWithinFindings(frames.framing_within, field, within, sizes, options));
  } else if (frames.framing_summary) {
    out.push(...framingFindings(frames.framing_summary, field, options));
  }
  const tone = frames.sentiment?.height
    ? String(frames.sentiment.getColumn("tone").get(0)).toUpperCase()
    : undefined;
  if (within && frames.sentiment_within) {
    out.push(...toneWithinFindings(frames.sentiment_within, field, within, { tone }));
  } else if (frames.sentiment_outlet) {
    out.push(...toneFindings(frames.sentiment_outlet, field, { tone }));
  }
  if (frames.article_sources) out.push(...reuseFindings(frames.article_sources, groups, field));
  return out;
}
