/**
 * The `sentiment` stage: tone per sentence, rolled up per group (`sentiment_outlet`), per entity
 * and group when the extract stage ran (`sentiment_entity`, from its `entities`), and per group
 * and stratum with `within` (`sentiment_within`).
 * @module
 */

import { frameStage } from "../frame_stage.ts";
import { groupColumnName } from "./groups.ts";
import {
  mergeSentimentTally,
  sentenceSentiment,
  sentimentEntityTally,
  sentimentFrame,
  sentimentGroupTally,
  sentimentRollupFrame,
  type SentimentTally,
} from "./sentiment.ts";
import { sentimentWithinFrame, withinGroup } from "./within.ts";

/** The sums the sentiment roll-ups are made from. */
interface SentimentTallies {
  groups: SentimentTally;
  entities?: SentimentTally;
  within?: SentimentTally;
}

/** Sentence tone, and its roll-ups. */
export const SENTIMENT_STAGE = frameStage<SentimentTallies>({
  name: "sentiment",
  step: "measure",
  perArticle: ["sentiment"],
  corpusLevel: ["sentiment_outlet", "sentiment_entity", "sentiment_within"],
  reads: ["entities"],
  batch: (a, built, options) => {
    const by = options.by ?? "outlet";
    const sentiment = sentenceSentiment(a, { tone: options.tone });
    const tally: SentimentTallies = { groups: sentimentGroupTally(sentiment, a.articles, by) };
    if (options.within !== undefined) {
      tally.within = sentimentGroupTally(sentiment, a.articles, withinGroup(by, options.within));
    }
    if (built.entities) {
      tally.entities = sentimentEntityTally(sentiment, a.articles, built.entities, by);
    }
    return { frames: { sentiment: sentimentFrame(sentiment) }, tally };
  },
  merge: (into, from) => {
    mergeSentimentTally(into.groups, from.groups);
    if (into.entities && from.entities) mergeSentimentTally(into.entities, from.entities);
    if (into.within && from.within) mergeSentimentTally(into.within, from.within);
    return into;
  },
  summarize: (tally, options) => {
    const by = options.by ?? "outlet";
    const byName = groupColumnName(by);
    const frames: Record<string, ReturnType<typeof sentimentRollupFrame>> = {
      sentiment_outlet: sentimentRollupFrame(tally.groups, [byName]),
    };
    if (tally.entities) {
      frames.sentiment_entity = sentimentRollupFrame(tally.entities, ["entity", byName]);
    }
    if (options.within !== undefined && tally.within) {
      frames.sentiment_within = sentimentWithinFrame(tally.within, by, options.within);
    }
    return frames;
  },
});
