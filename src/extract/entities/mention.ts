/**
 * The entity mention: what entity extraction gives, and what its corrections (`contexts.ts`) and
 * the quote extractors read. Its own file so that both import it without a cycle.
 * @module
 */

import type { EntityType } from "../gazetteer.ts";
import type { EntitySource } from "./state.ts";

/** One entity mention. Offsets are into the article's cleaned text. */
export interface EntityMention {
  /** The article's id. */
  articleId: string;
  /** The article's outlet. */
  outlet: string;
  /** The sentence it is in. */
  sentenceId: string;
  /** The surface form, as written. */
  text: string;
  /** The canonical name: the same for every way of writing the entity, across the corpus. */
  entity: string;
  /** PERSON, ORG, GPE, LOC or NORP (FAC, EVENT, PRODUCT only from a user's gazetteer); never MEDIA. */
  type: EntityType;
  /** A person's title as written ("French President", "Sen.", "director of ..."), else null. */
  role: string | null;
  /** True when a capital stands for its country's government ("Nairobi has rejected"). */
  metonymy: boolean;
  /** A news outlet or agency (type ORG): what was type MEDIA. */
  media: boolean;
  /** Where the mention comes from: the recogniser, a gazetteer's exact match, or a rule (title, cue, acronym, name resolution). */
  source: EntitySource;
  /** The recogniser's confidence in its span (0–1); 1 for gazetteer matches and rules. */
  confidence: number;
  /** Offset of its first character in the cleaned text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}
