/**
 * Segmenting cleaned articles into sentences and tokens. Sentences are records (there are few);
 * tokens go straight into columns (there are many), so nothing per token is allocated but its
 * strings.
 * @module
 */

import type { CleanArticle, ParagraphKind } from "../corpus/clean.ts";
import { splitSentences } from "./sentences.ts";
import { forEachToken, formOf } from "./tokens.ts";

/** One sentence. Offsets are into the article's cleaned text. */
export interface Sentence {
  /** `<article_id>:<n>`, n counting from 0 within the article. */
  id: string;
  articleId: string;
  outlet: string;
  /** Index of the paragraph in the cleaned text (the headline, when there is one, is 0). */
  paragraph: number;
  /** Index of the sentence within its paragraph. */
  position: number;
  /** Index of the sentence within the article (the n of the id). */
  index: number;
  kind: ParagraphKind;
  text: string;
  start: number;
  end: number;
  nWords: number;
}

/** Tokens as columns: row i of every array is token i. */
export class TokenColumns {
  articleId: string[] = [];
  outlet: string[] = [];
  sentenceId: string[] = [];
  position: number[] = [];
  token: string[] = [];
  lower: string[] = [];
  stem: string[] = [];
  isStop: boolean[] = [];
  start: number[] = [];
  end: number[] = [];

  /** Number of tokens. */
  get length(): number {
    return this.token.length;
  }
}

/** Sentences and tokens of one or more articles. */
export interface Segmented {
  sentences: Sentence[];
  tokens: TokenColumns;
}

/**
 * Splits cleaned articles into sentences (headlines and subheads are one sentence each) and
 * word tokens. Appends to `into` when given, so a large corpus can be segmented batch by batch.
 */
export function segmentArticles(
  articles: Iterable<CleanArticle>,
  into: Segmented = { sentences: [], tokens: new TokenColumns() },
): Segmented {
  const { sentences, tokens } = into;
  for (const article of articles) {
    let index = 0;
    for (const p of article.paragraphs) {
      const paragraphText = article.text.slice(p.start, p.end);
      const spans = p.kind === "body"
        ? splitSentences(paragraphText)
        : [{ start: 0, end: paragraphText.length }];
      spans.forEach((span, position) => {
        const id = `${article.id}:${index}`;
        const start = p.start + span.start;
        const text = paragraphText.slice(span.start, span.end);
        let nWords = 0;
        forEachToken(text, (token, s, e) => {
          const form = formOf(token);
          tokens.articleId.push(article.id);
          tokens.outlet.push(article.outlet);
          tokens.sentenceId.push(id);
          tokens.position.push(nWords++);
          tokens.token.push(token);
          tokens.lower.push(form.lower);
          tokens.stem.push(form.stem);
          tokens.isStop.push(form.isStop);
          tokens.start.push(start + s);
          tokens.end.push(start + e);
        });
        sentences.push({
          id,
          articleId: article.id,
          outlet: article.outlet,
          paragraph: p.index,
          position,
          index: index++,
          kind: p.kind,
          text,
          start,
          end: p.start + span.end,
          nWords,
        });
      });
    }
  }
  return into;
}
