/** Markdown files: markup out, words kept, line for line (hand-checked values; fast-check properties). */
import assert from "node:assert/strict";
import fc from "fast-check";
import { markdownToText } from "../../src/corpus/markdown.ts";
import { loadCorpus } from "../../src/corpus/load.ts";

Deno.test("markdown: headings, links, images, emphasis, block quotes, code and definitions out, line for line", () => {
  const md = [
    "# Senate passes the **farm bill**",
    "",
    'The senator said it would pass, according to [Reuters](https://www.reuters.com/a-b/ "Reuters").',
    "![A tractor](https://img.example.com/a.jpg)",
    "## What comes next ##",
    '> "We will vote on Friday," said Speaker *Jane Roe*.',
    "```",
    "var x = 1;",
    "```",
    "The snake_case_name stays, 5 * 3 = 15, and \\*stars\\* are stars; `code` and <https://x.org> go.",
    "[1]: https://example.com",
    "See [the bill][1] and #hashtags.",
  ].join("\n");
  assert.deepEqual(markdownToText(md).split("\n"), [
    "Senate passes the farm bill",
    "",
    "The senator said it would pass, according to Reuters.",
    "",
    "What comes next",
    '"We will vote on Friday," said Speaker Jane Roe.',
    "",
    "",
    "",
    "The snake_case_name stays, 5 * 3 = 15, and *stars* are stars; code and  go.",
    "",
    "See the bill and #hashtags.",
  ]);
});

Deno.test("markdown: a .md file in a corpus loads without its markup; a .txt file keeps every character", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const body =
      "# Storm hits coast\n\nThe **storm** hit [Galveston](https://example.com/g) on Monday.\n";
    await Deno.writeTextFile(`${dir}/a.md`, body);
    await Deno.writeTextFile(`${dir}/b.txt`, body);
    const { articles } = await loadCorpus(dir);
    const byId = new Map(articles.map((a) => [a.id, a.text]));
    assert.equal(byId.get("a"), "Storm hits coast\n\nThe storm hit Galveston on Monday.\n");
    assert.equal(byId.get("b"), body);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const word = fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/);

Deno.test("property: text with none of Markdown's marks is unchanged", () => {
  const plain = fc.stringMatching(/^[A-Za-z0-9 ,.;:'"?()\n-]{0,200}$/);
  fc.assert(fc.property(plain, (t) => assert.equal(markdownToText(t), t)), { numRuns: 300 });
});

Deno.test("property: words in strong, emphasis, links and code come out as the words", () => {
  const wrap = fc.constantFrom(
    (w: string) => `**${w}**`,
    (w: string) => `*${w}*`,
    (w: string) => `_${w}_`,
    (w: string) => `__${w}__`,
    (w: string) => `[${w}](https://example.com/${w.toLowerCase()})`,
    (w: string) => `\`${w}\``,
    (w: string) => w,
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(word, wrap), { minLength: 1, maxLength: 12 }), (parts) => {
      const md = parts.map(([w, f]) => f(w)).join(" ");
      assert.equal(markdownToText(md), parts.map(([w]) => w).join(" "));
    }),
    { numRuns: 300 },
  );
});
