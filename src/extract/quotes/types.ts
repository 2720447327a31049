/**
 * The shapes quote extraction shares: speech (who, how, through whom, how sure) and the
 * per-article context the sieves read.
 * @module
 */

import type { Sentence } from "../../text/segment.ts";
import type { Cues } from "../cues.ts";
import type { EntityMention } from "../entities.ts";
import type { Word } from "../words.ts";
import type { Gender, QuoteCues } from "./data.ts";

/** What a speaker is. */
export type SpeakerType = "person" | "organisation" | "document";

/**
 * The sieve that chose a speaker: `cue` (a speech verb next to a known entity), `name` (a
 * speech verb next to a name the entity stage did not give), `pronoun` ("she says", resolved to
 * a person before it), `continuation` (a paragraph of quote after the same speaker's quote),
 * `previous` (a quote with no cue right after a sentence that reports the same speaker),
 * `according` ("according to X"), `document` ("in a joint statement"), `relay` ("NHK quoted X
 * as saying"), `description` ("the mayor said" after one "Mayor Jane Doe"), `intro` (a quote
 * after a colon in a sentence with no speech verb that names one person).
 * @internal a diagnostic of the quote finder: which rule found the speaker.
 */
export type Sieve =
  | "cue"
  | "name"
  | "pronoun"
  | "continuation"
  | "previous"
  | "according"
  | "document"
  | "relay"
  | "description"
  | "intro";

/** Who speaks, how, through whom, and how sure the sieves are. */
export interface Speech {
  /** Canonical entity (the join key with `entities`), a name as written, or a document; null when unknown. */
  speaker: string | null;
  /** A person, an organisation or a document; null when unknown. */
  speakerType: SpeakerType | null;
  /** The speaker as written ("spokesman Josh Schwerin", "she", "the ministry"). */
  speakerRaw: string | null;
  /** Role words written with the speaker ("spokesman", "Sen."). */
  role: string | null;
  /** The speech cue: "said", "told", "quoted ... as saying", "according to". */
  cue: string | null;
  /** The relay as written: "according to state broadcaster NHK", "Japanese public broadcaster NHK". */
  via: string | null;
  /** The relay's canonical entity ("NHK"), when it is a known one. */
  viaEntity: string | null;
  /** Which rule found the speaker; null when none did. */
  sieve: Sieve | null;
  /** How sure the sieve is, 0 to 1; 0 when there is no speaker. */
  confidence: number;
  /** Why the speaker is empty ("no speech cue", "pronoun: two people fit"); null when there is one. */
  reason: string | null;
}

/** A speech found in a stretch of text: the cue's offsets and its verb. */
export interface Found extends Speech {
  from: number;
  to: number;
  /** The speech verb, when there is one. */
  verb: Word | null;
}

/** A speaker already found, for pronouns and continuations to lean on. */
export interface Heard {
  speaker: string;
  type: SpeakerType;
  at: number;
  gender: Gender | null;
}

/** What the sieves read about one article. */
export interface Context {
  /** Every word of the article's sentences, in text order. */
  words: readonly Word[];
  /** The words in lower case, computed once. */
  lowers: readonly string[];
  /** 1 for a word that is a speech verb, a direct-speech verb, inside a quote. */
  speechVerb: Uint8Array;
  directVerb: Uint8Array;
  quoted: Uint8Array;
  text: string;
  /** The sentences in text order. */
  sentences: readonly Sentence[];
  mentions: readonly EntityMention[];
  /** True when the mentions are in order of their start (the search below may then bisect). */
  mentionsSorted: boolean;
  cues: Cues;
  quoteCues: QuoteCues;
  history: Heard[];
  inQuote: (pos: number) => boolean;
}

/** A speech with nobody found, and why. */
export function noSpeech(reason: string | null): Speech {
  return {
    speaker: null,
    speakerType: null,
    speakerRaw: null,
    role: null,
    cue: null,
    via: null,
    viaEntity: null,
    sieve: null,
    confidence: 0,
    reason,
  };
}

/** Only the speech fields of a finding (its offsets belong to the attribution, not the quote). */
export function speechFields(f: Speech): Speech {
  return {
    speaker: f.speaker,
    speakerType: f.speakerType,
    speakerRaw: f.speakerRaw,
    role: f.role,
    cue: f.cue,
    via: f.via,
    viaEntity: f.viaEntity,
    sieve: f.sieve,
    confidence: f.confidence,
    reason: f.reason,
  };
}

/**
 * One piece of indirect speech: `text` is the reported clause ("Canada wanted ..."), `cueText`
 * the attribution as written ("Ortiz said", "according to customs data").
 */
export interface Attribution extends Speech {
  /** The article's id. */
  articleId: string;
  /** The article's outlet. */
  outlet: string;
  /** The sentence it is in. */
  sentenceId: string;
  /** The reported clause. */
  text: string;
  /** Offset of the clause in the cleaned text. */
  start: number;
  /** Offset just past it. */
  end: number;
  /** The attribution as written ("she said"). */
  cueText: string;
  /** Offset of the attribution in the cleaned text. */
  cueStart: number;
  /** Offset just past it. */
  cueEnd: number;
}
