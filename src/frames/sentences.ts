/**
 * The `sentences` and `tokens` frames.
 * @module
 */

/** @internal nodejs-polars documents its own types (deno doc links them there). */
import pl from "nodejs-polars";
import { type Sentence, surfaceFormCodes, type TokenColumns } from "../text/segment.ts";
import { bool, codedUtf8Together, int32, utf8, utf8Coded, utf8CodedTogether } from "./columns.ts";

/**
 * Builds `sentences`: sentence_id, article_id, outlet, paragraph, position, kind, text, start, end, n_words.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, sentencesFrame } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * sentencesFrame(analysis.sentences).head(5);
 * ```
 */
export function sentencesFrame(sentences: Sentence[]): pl.DataFrame {
  const col = <T>(f: (s: Sentence) => T) => sentences.map(f);
  // An article's sentences come together: its id and outlet cross into polars once each.
  const [articleId, outlet] = utf8CodedTogether([
    ["article_id", col((s) => s.articleId)],
    ["outlet", col((s) => s.outlet)],
  ]);
  return pl.DataFrame([
    utf8("sentence_id", col((s) => s.id)),
    articleId,
    outlet,
    int32("paragraph", col((s) => s.paragraph)),
    int32("position", col((s) => s.position)),
    utf8Coded("kind", col((s) => s.kind)),
    utf8("text", col((s) => s.text)),
    int32("start", col((s) => s.start)),
    int32("end", col((s) => s.end)),
    int32("n_words", col((s) => s.nWords)),
  ]);
}

/**
 * Builds `tokens`: article_id, outlet, sentence_id, position, token, lower, stem, is_stop, start, end.
 *
 * @example
 * ```ts
 * import { analyzeCorpus, tokensFrame } from "newsframe";
 *
 * const analysis = await analyzeCorpus("seeds");
 * tokensFrame(analysis.tokens).head(5);
 * ```
 */
export function tokensFrame(tokens: TokenColumns): pl.DataFrame {
  // A sentence id gives its article and outlet; a surface form its lower form and stem.
  const [sentenceId, articleId, outlet] = utf8CodedTogether([
    ["sentence_id", tokens.sentenceId],
    ["article_id", tokens.articleId],
    ["outlet", tokens.outlet],
  ]);
  // Segmenting numbered the surface forms: their codes come without hashing every token.
  const forms = surfaceFormCodes(tokens);
  const [token, lower, stem] = forms
    ? codedUtf8Together(
      [["token", forms.token], ["lower", forms.lower], ["stem", forms.stem]],
      forms.codes,
    )
    : utf8CodedTogether([
      ["token", tokens.token],
      ["lower", tokens.lower],
      ["stem", tokens.stem],
    ]);
  return pl.DataFrame([
    articleId,
    outlet,
    sentenceId,
    int32("position", tokens.position),
    token,
    lower,
    stem,
    bool("is_stop", tokens.isStop),
    int32("start", tokens.start),
    int32("end", tokens.end),
  ]);
}
