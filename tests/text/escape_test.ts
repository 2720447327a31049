import assert from "node:assert/strict";
import { escapeMarkdown } from "../../src/text/escape.ts";

Deno.test("escapeMarkdown: HTML never survives, Markdown syntax is shown as text", () => {
  assert.equal(
    escapeMarkdown('<img src=x onerror="alert(1)">'),
    "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
  );
  assert.equal(
    escapeMarkdown("*bold* [link](javascript:x) `code`"),
    "\\*bold\\* \\[link\\](javascript:x) \\`code\\`",
  );
  assert.equal(escapeMarkdown("line one\n# heading\r\n| a |"), "line one \\# heading \\| a \\|");
  assert.equal(escapeMarkdown("_emph_ but 002_ade13a stays"), "\\_emph\\_ but 002_ade13a stays");
  assert.equal(escapeMarkdown("AT&T's \\ path"), "AT&amp;T&#39;s \\\\ path");
  assert.equal(escapeMarkdown(42), "42");
  assert.equal(escapeMarkdown("Reuters, Global News"), "Reuters, Global News");
});
