/**
 * Word tokens with their lower-case form, Porter stem and stopword flag.
 *
 * Decisions, on purpose:
 * - Hyphenated words stay one token: "long-term", "Canada-Mexico", "year-on-year". En and em
 *   dashes separate ("U.S.–Canada" is "U.S." and "Canada").
 * - Possessives lose their clitic: "Canada’s" is the token "Canada" (offsets cover "Canada"), so
 *   it counts with "Canada". Plural possessives ("countries’") likewise. Other apostrophes stay
 *   inside the word ("don't"); curly apostrophes become straight in `lower`.
 * - Dotted acronyms keep their periods ("U.S."). Numbers are tokens ("3.8", "1,000", "2022"),
 *   without currency or percent signs; a number glued to letters stays whole ("G7", "1990s").
 * - Punctuation is not a token.
 * @module
 */

import { withoutPossessive, wordTokenPattern } from "./_token_forms.ts";

export {
  formOf,
  LOWER_IDS,
  lowerForm,
  STEM_IDS,
  stemOf,
  STOPWORDS,
  type TokenForm,
} from "./_token_forms.ts";

/** One token span within a text: `[start, end)` and its surface form. */
export interface TokenSpan {
  /** The token as written. */
  token: string;
  /** Offset of its first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

/**
 * Calls `visit` for each word token of `text` (no arrays built), offsets relative to `text`.
 * This is the hot path of the kit: one regular-expression pass, nothing per token but the call.
 */
export function forEachToken(
  text: string,
  visit: (token: string, start: number, end: number) => void,
): void {
  const re = wordTokenPattern();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = withoutPossessive(m[0]);
    const start = m.index;
    visit(token, start, start + token.length);
  }
}

/**
 * The word tokens of a text, as spans.
 *
 * @example
 * ```ts
 * import { tokenize } from "newsframe";
 *
 * tokenize("Costs rose 4.5% in May.").map((t) => t.token);
 * ```
 */
export function tokenize(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  forEachToken(text, (token, start, end) => out.push({ token, start, end }));
  return out;
}
