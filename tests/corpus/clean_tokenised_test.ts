/**
 * Tokenised corpora write a space before closing marks (`. "`, `? ''`): a first line that is one
 * quoted sentence written so is body text, not a headline.
 */
import assert from "node:assert/strict";
import { cleanArticle } from "../../src/corpus/clean.ts";
import type { Article } from "../../src/corpus/article.ts";

const article = (text: string): Article => ({
  id: "t",
  text,
  outlet: "X",
  title: null,
  published: null,
  url: null,
  meta: {},
  source: "t.txt",
});

Deno.test('a tokenised quoted sentence first (`. "`) is no headline', () => {
  const text = '" We will not back down . "\n\nThe minister said so on Monday .';
  const a = cleanArticle(article(text));
  assert.deepEqual([a.headline, a.paragraphs.map((p) => p.kind)], [null, ["body", "body"]]);
  // Two closers, spaced as PTB writes them; and `? "` the same.
  for (const first of ["It is over . ' \"", "Who pays ? ''", 'Is it over ? "']) {
    assert.equal(cleanArticle(article(`${first}\n\nShe said it .`)).headline, null, first);
  }
});

Deno.test("a short line without sentence punctuation is still the headline", () => {
  for (const first of ['Minister says " no "', "Talks stall in capital"]) {
    const a = cleanArticle(article(`${first}\n\nThe talks stalled on Monday .`));
    assert.equal(a.headline, first, first);
  }
});
