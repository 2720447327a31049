/**
 * The extraction frames: `entities`, `figures`, `quotes`, `attributions` and `agencies`, built
 * column-wise with explicit dtypes. Offsets (`start`, `end`) are into the article's cleaned text.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { bool, float64Nullable, int32, int32Nullable, utf8 } from "../frames/columns.ts";
import type { AgencyUse } from "./agencies.ts";
import type { EntityMention } from "./entities.ts";
import type { Extraction } from "./extract.ts";
import type { Figure } from "./figures.ts";
import type { Attribution, Quote } from "./quotes.ts";

/** The columns every extraction row starts with: where it is, and its text as written. */
interface Located {
  articleId: string;
  outlet: string;
  sentenceId: string;
  text: string;
}

function locatedColumns(rows: readonly Located[]): pl.Series[] {
  return [
    utf8("article_id", rows.map((r) => r.articleId)),
    utf8("outlet", rows.map((r) => r.outlet)),
    utf8("sentence_id", rows.map((r) => r.sentenceId)),
    utf8("text", rows.map((r) => r.text)),
  ];
}

/**
 * `entities`: article_id, outlet, sentence_id, text, entity, type, role, metonymy, start, end,
 * media (a news outlet, type ORG), confidence (f64), source (model, gazetteer or rule).
 */
export function entitiesFrame(rows: readonly EntityMention[]): pl.DataFrame {
  const col = <T>(f: (r: EntityMention) => T) => rows.map(f);
  return pl.DataFrame([
    ...locatedColumns(rows),
    utf8("entity", col((r) => r.entity)),
    utf8("type", col((r) => r.type)),
    utf8("role", col((r) => r.role)),
    bool("metonymy", col((r) => r.metonymy)),
    int32("start", col((r) => r.start)),
    int32("end", col((r) => r.end)),
    bool("media", col((r) => r.media)),
    pl.Series("confidence", Float64Array.from(rows, (r) => r.confidence), pl.Float64),
    utf8("source", col((r) => r.source)),
  ]);
}

/**
 * `figures`: article_id, outlet, sentence_id, text, kind, value, unit, raw_unit, per, approx,
 * change, year, period, measure, start, end.
 */
export function figuresFrame(rows: readonly Figure[]): pl.DataFrame {
  const col = <T>(f: (r: Figure) => T) => rows.map(f);
  return pl.DataFrame([
    ...locatedColumns(rows),
    utf8("kind", col((r) => r.kind)),
    float64Nullable("value", col((r) => r.value)),
    utf8("unit", col((r) => r.unit)),
    utf8("raw_unit", col((r) => r.rawUnit)),
    utf8("per", col((r) => r.per)),
    bool("approx", col((r) => r.approx)),
    utf8("change", col((r) => r.change)),
    int32Nullable("year", col((r) => r.year)),
    utf8("period", col((r) => r.period)),
    utf8("measure", col((r) => r.measure)),
    int32("start", col((r) => r.start)),
    int32("end", col((r) => r.end)),
  ]);
}

function speechColumns<T extends Quote | Attribution>(rows: readonly T[]): pl.Series[] {
  const col = <V>(f: (r: T) => V) => rows.map(f);
  return [
    utf8("speaker", col((r) => r.speaker)),
    utf8("speaker_type", col((r) => r.speakerType)),
    utf8("cue", col((r) => r.cue)),
    utf8("via", col((r) => r.via)),
    utf8("via_entity", col((r) => r.viaEntity)),
    int32("start", col((r) => r.start)),
    int32("end", col((r) => r.end)),
    utf8("speaker_raw", col((r) => r.speakerRaw)),
    utf8("role", col((r) => r.role)),
    utf8("sieve", col((r) => r.sieve)),
    float64Nullable("confidence", col((r) => r.confidence)),
    utf8("reason", col((r) => r.reason)),
  ];
}

/**
 * `quotes`: article_id, outlet, sentence_id, text, kind, speaker, speaker_type, cue, via,
 * via_entity, start, end, speaker_raw, role, sieve, confidence, reason (why the speaker is empty).
 */
export function quotesFrame(rows: readonly Quote[]): pl.DataFrame {
  const col = <T>(f: (r: Quote) => T) => rows.map(f);
  return pl.DataFrame([
    ...locatedColumns(rows),
    utf8("kind", col((r) => r.kind)),
    ...speechColumns(rows),
  ]);
}

/**
 * `attributions`: article_id, outlet, sentence_id, text (the reported clause), speaker,
 * speaker_type, cue, via, via_entity, start, end (of the clause), speaker_raw, role, sieve,
 * confidence, reason, cue_text (the attribution as written: "Ortiz said"), cue_start, cue_end.
 */
export function attributionsFrame(rows: readonly Attribution[]): pl.DataFrame {
  return pl.DataFrame([
    ...locatedColumns(rows),
    ...speechColumns(rows),
    utf8("cue_text", rows.map((r) => r.cueText)),
    int32("cue_start", rows.map((r) => r.cueStart)),
    int32("cue_end", rows.map((r) => r.cueEnd)),
  ]);
}

/** `agencies`: article_id, outlet, agency, in_dateline, in_byline, n_mentions, n_relayed, n_reported. */
export function agenciesFrame(rows: readonly AgencyUse[]): pl.DataFrame {
  const col = <T>(f: (r: AgencyUse) => T) => rows.map(f);
  return pl.DataFrame([
    utf8("article_id", col((r) => r.articleId)),
    utf8("outlet", col((r) => r.outlet)),
    utf8("agency", col((r) => r.agency)),
    bool("in_dateline", col((r) => r.inDateline)),
    bool("in_byline", col((r) => r.inByline)),
    int32("n_mentions", col((r) => r.nMentions)),
    int32("n_relayed", col((r) => r.nRelayed)),
    int32("n_reported", col((r) => r.nReported)),
  ]);
}

/**
 * The extraction frames by name, as `deno task analyze` writes them.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, extractCorpus, extractionFrames } from "newsframe";
 *
 * const { quotes } = extractionFrames(extractCorpus(await analyzeCorpus("seeds")));
 * quotes.select("outlet", "speaker", "text").head(5);
 * ```
 */
export function extractionFrames(x: Extraction): Record<string, pl.DataFrame> {
  return {
    entities: entitiesFrame(x.entities),
    figures: figuresFrame(x.figures),
    quotes: quotesFrame(x.quotes),
    attributions: attributionsFrame(x.attributions),
    agencies: agenciesFrame(x.agencies),
  };
}
