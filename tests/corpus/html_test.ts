import assert from "node:assert/strict";
import fc from "fast-check";
import { loadCorpus } from "../../src/corpus/load.ts";
import { MAX_DEPTH, MIN_ARTICLE_WORDS, readPage } from "../../src/corpus/html.ts";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { formatIssue } from "../../src/corpus/issues.ts";
import { rejectionsCsv } from "../../src/corpus/rejections.ts";
import { tempDir } from "../seeds.ts";

const FIXTURES = "tests/fixtures/html";

const loaded = loadCorpus(FIXTURES);

function article(id: string) {
  return loaded.then(({ articles }) => {
    const a = articles.find((x) => x.id === id);
    assert.ok(a, `no article ${id}`);
    return a;
  });
}

function paragraphs(text: string): string[] {
  return text.split("\n\n");
}

Deno.test("html: a news page with JSON-LD, nav, cookie banner, share bar, related list and comments", async () => {
  const a = await article("harbour_strike");
  assert.equal(a.title, "Dock workers walk out at Eastport harbour over night-shift pay");
  assert.equal(a.outlet, "The Coastal Courier");
  assert.equal(a.published, "2025-03-14");
  assert.equal(
    a.url,
    "https://www.coastalcourier.example/business/2025/03/14/eastport-dock-strike",
  );
  assert.deepEqual(a.meta, { author: "Maria Lindqvist; Tom Okafor" });
  const ps = paragraphs(a.text);
  assert.equal(ps.length, 7); // six paragraphs and the subhead "Ships diverted"
  assert.equal(
    ps[0],
    "About 400 dock workers at Eastport harbour stopped work on Friday morning, leaving three container ships waiting at anchor, in a dispute over pay for night shifts.",
  );
  assert.equal(ps[3], "Ships diverted");
  assert.equal(
    ps.at(-1),
    "The union has called a second walkout for Tuesday unless the company returns to the table.",
  );
});

Deno.test("html: an AMP page with meta tags only: outlet from the canonical URL's host", async () => {
  const a = await article("amp_council_budget");
  // og:title, not <title> ("…cuts to libraries – Valley Herald").
  assert.equal(a.title, "Council approves £38m budget with cuts to library hours");
  assert.equal(a.outlet, "valleyherald.example");
  assert.equal(a.published, "2024-11-02");
  assert.equal(a.url, "https://www.valleyherald.example/news/2024/11/02/council-budget-libraries");
  assert.deepEqual(a.meta, { author: "Priya Raman" });
  const ps = paragraphs(a.text);
  assert.equal(ps.length, 6); // the byline box "Priya Raman, Local Democracy Reporter" is not text
  assert.equal(
    ps[0],
    "Valley District Council has approved a £38m budget for next year that will shorten opening hours at five of its eight libraries.",
  );
  assert.equal(
    ps.at(-1),
    "A petition against the cuts, signed by 3,400 people, will be debated at the next full council meeting in January.",
  );
});

Deno.test("html: a blog page saved by a browser: <title>, <time datetime>, author class, saved-from URL", async () => {
  const a = await article("tidal_notes");
  assert.equal(a.title, "Why the tidal lagoon keeps slipping");
  assert.equal(a.published, "2023-06-21");
  assert.equal(a.url, "https://notes.example.org/2023/06/tidal-lagoon-delays.html");
  assert.equal(a.outlet, "notes.example.org");
  assert.deepEqual(a.meta, { author: "Dafydd Rees" });
  const ps = paragraphs(a.text);
  assert.equal(ps.length, 5);
  assert.equal(
    ps[3],
    "The third is the environmental case. Natural Resources Wales asked for another two years of fish-monitoring data, which the developer now says it will publish in the spring.",
  );
  assert.equal(
    ps.at(-1),
    "None of these is fatal on its own. Together they make the 2030 target look optimistic.",
  );
});

Deno.test("html: a section front is a one-line rejection naming the file; the articles still load", async () => {
  const { articles, rejected, issues } = await loaded;
  assert.deepEqual(articles.map((a) => a.id), [
    "amp_council_budget",
    "harbour_strike",
    "tidal_notes",
  ]);
  assert.deepEqual(rejected, [{
    source: `${FIXTURES}/section_front.html`,
    line: undefined,
    id: "section_front",
    reasons: ["holds no article: 86% of its readable text is links (an index or list page?)"],
  }]);
  assert.deepEqual(issues.map(formatIssue), [
    `${FIXTURES}/section_front.html: error [section_front]: holds no article: 86% of its readable text is links (an index or list page?)`,
  ]);
  assert.equal(
    rejectionsCsv(issues),
    `file,line,field,id,message\n${FIXTURES}/section_front.html,,,section_front,holds no article: 86% of its readable text is links (an index or list page?)\n`,
  );
});

Deno.test("html: no script, style, hidden, navigation, share, related or comment text in any field", async () => {
  const { articles } = await loaded;
  const everything = articles.map((a) => JSON.stringify(a)).join("\n");
  for (
    const noise of [
      "dataLayer", // inline script
      "googletag", // ad script between paragraphs
      "Injected by a script", // a document.write is never run
      "font-family", // <style>
      "style rule text",
      "amp-start", // AMP's boilerplate style
      "UA-000000-1", // amp-analytics' JSON
      "use cookies", // cookie banner
      "Accept all",
      "Search the Courier", // header form
      "Weather", // navigation
      "Share on", // share bar
      "Advertisement", // aria-hidden ad slot
      "Subscribe now", // display:none
      "Related stories",
      "Harbour owners plan", // related list
      "About time somebody", // comments
      "harbourwatcher",
      "All rights reserved", // footer
      "Please enable JavaScript", // noscript
      "Photograph", // figure caption
      "Archives", // blog sidebar
      "Leave a reply", // comment form
      "Local Democracy Reporter", // byline box
    ]
  ) {
    assert.ok(!everything.includes(noise), `"${noise}" got into an article`);
  }
});

Deno.test("html: the cleaning path reads a page's text like any other: body paragraphs, no headline guess", async () => {
  const clean = cleanArticle(await article("harbour_strike"));
  assert.equal(clean.title, "Dock workers walk out at Eastport harbour over night-shift pay");
  assert.equal(clean.headline, null);
  assert.equal(clean.paragraphs.filter((p) => p.kind === "body").length, 7);
  assert.equal(clean.language, "en");
});

async function pageFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) {
    const path = `${dir}/${name}`;
    await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    await Deno.writeFile(
      path,
      typeof content === "string" ? new TextEncoder().encode(content) : content,
    );
  }
  return dir;
}

/** A plain article page of `n` paragraphs of ten words each. */
function simplePage(n: number, head = ""): string {
  const ps = Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i + 1} says what happened at the harbour on Friday morning.</p>`,
  );
  return `<html><head>${head}</head><body><article>${ps.join("")}</article></body></html>`;
}

Deno.test("html: too little text, an empty file and broken JSON-LD: rejections or a load, never a throw", async () => {
  const dir = await pageFolder({
    "a_notfound.html":
      "<html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Sorry, the page you asked for is not here.</p></body></html>",
    "b_empty.htm": "",
    "c_good.html": simplePage(
      5,
      '<script type="application/ld+json">{"@type": "NewsArticle",</script>',
    ),
  });
  const { articles, rejected } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => [a.id, a.title, paragraphs(a.text).length]), [[
    "c_good",
    null,
    5,
  ]]);
  assert.deepEqual(rejected.map((r) => [r.source.slice(dir.length + 1), r.reasons]), [
    ["a_notfound.html", [
      `holds no article: its readable text is 9 word(s), fewer than ${MIN_ARTICLE_WORDS} (an index, search or error page?)`,
    ]],
    ["b_empty.htm", ["is empty"]],
  ]);
});

Deno.test("html: metadata from a JSON-LD @graph by reference, and a <title> without its site name", async () => {
  const graph = JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "Organization", "@id": "#org", name: "Valley Herald" },
      { "@type": "Person", "@id": "#p1", name: "Priya Raman" },
      {
        "@type": ["NewsArticle"],
        headline: "Library hours cut in five towns",
        datePublished: "November 2, 2024",
        author: { "@id": "#p1" },
        publisher: { "@id": "#org" },
      },
    ],
  });
  const graphPage = await readPage(
    simplePage(5, `<script type="application/ld+json">${graph}</script>`),
  );
  assert.ok("fields" in graphPage);
  const { text: _, ...graphFields } = graphPage.fields;
  assert.deepEqual(graphFields, {
    title: "Library hours cut in five towns",
    author: "Priya Raman",
    date: "November 2, 2024",
    outlet: "Valley Herald",
  });
  // No og:, no JSON-LD, no <h1>: the <title> less " – Valley Herald", whose letters are the
  // canonical host's; article:author is a profile URL, not a name.
  const titled = await readPage(simplePage(
    5,
    "<title>Library hours cut in five towns – Valley Herald</title>" +
      '<link rel="canonical" href="https://www.valleyherald.example/news/library-hours">' +
      '<meta property="article:author" content="https://www.valleyherald.example/staff/pr">',
  ));
  assert.ok("fields" in titled);
  const { text: __, ...titledFields } = titled.fields;
  assert.deepEqual(titledFields, {
    title: "Library hours cut in five towns",
    outlet: "valleyherald.example",
    url: "https://www.valleyherald.example/news/library-hours",
  });
});

Deno.test("html: a wrapper whose class or element names furniture but holds the article stays", async () => {
  const page = simplePage(6).replace(
    "<article>",
    '<article><div class="story-body has-comments">',
  ).replace("</article>", '</div><div class="comments"><p>First!</p></div></article>');
  const text = await textOf(page);
  assert.equal(paragraphs(text).length, 6);
  assert.ok(!text.includes("First!"));
  // ASP.NET WebForms: one <form> around the whole page, its own navigation and footer inside.
  const webForms = simplePage(6).replace("<body>", '<body><form id="aspnetForm" action="./x">')
    .replace("<article>", '<nav><a href="/">Home</a> <a href="/n">News</a></nav><div>')
    .replace("</article>", "</div><footer><p>Copyright 2025</p></footer>")
    .replace("</body>", "</form></body>");
  assert.equal(paragraphs(await textOf(webForms)).length, 6);
});

Deno.test("html: a page nested deeper than any saved page is a rejection, quickly", async () => {
  const para = "<p>The council said the budget would be debated again in January.</p>";
  const nested = (n: number) =>
    `<html><body>${"<div>".repeat(n)}${para.repeat(6)}${"</div>".repeat(n)}</body></html>`;
  assert.deepEqual(await readPage(nested(5000)), {
    problem:
      `has elements nested 5003 deep (at most ${MAX_DEPTH} are read); not a page as a browser saves it`,
  });
  // html, body and the paragraph make three levels more than the divs.
  assert.ok("fields" in await readPage(nested(MAX_DEPTH - 3)));
});

/** A string of code points below 256 as one byte each (windows-1252 for these). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

Deno.test("html: a page saved in windows-1252 with <meta charset> decodes; invalid UTF-8 is located", async () => {
  const page = simplePage(5, '<meta charset="windows-1252">').replace("harbour", "caf\u00e9");
  const utf8 = new TextEncoder().encode(simplePage(5));
  const dir = await pageFolder({
    "a.html": latin1(page),
    "b.html": Uint8Array.from([...utf8.slice(0, 30), 0xff, ...utf8.slice(30)]),
  });
  const { articles, rejected } = await loadCorpus(dir);
  assert.equal(
    paragraphs(articles[0].text)[0],
    "Paragraph 1 says what happened at the café on Friday morning.",
  );
  assert.deepEqual(rejected.map((r) => [r.source.slice(dir.length + 1), r.line, r.reasons]), [
    ["b.html", 1, ["invalid UTF-8 at byte 30; save the page as UTF-8"]],
  ]);
});

Deno.test("html: the folder a browser saves beside a page is one warning, none of its files read; .mhtml says how to save", async () => {
  const dir = await pageFolder({
    "story.html": simplePage(5),
    "story_files/frame.html": simplePage(5),
    "story_files/app.js": "console.log(1)",
    "other_files/note.txt": "A folder of text that no page was saved with.",
    "single.mhtml": "MIME-Version: 1.0",
  });
  const { articles, issues } = await loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ["other_files/note", "story"]);
  assert.deepEqual(issues.map((i) => [i.severity, i.source.slice(dir.length + 1), i.message]), [
    ["warning", "other_files/note.txt", 'is missing; using "unknown"'],
    [
      "warning",
      "single.mhtml",
      'skipped: a web archive (.mhtml) is not read; save the page as "Web page, HTML only" or "Web page, complete" (.html)',
    ],
    ["warning", "story.html", 'is missing; using "unknown"'],
    [
      "warning",
      "story_files",
      "the files a browser saved with story.html (images, scripts, styles); not read",
    ],
  ]);
});

/** Text as HTML writes it: `&`, `<`, `>` and `"` escaped. */
function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** A word of a paragraph: letters, with now and then a character HTML must escape. */
const word = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) },
  { weight: 1, arbitrary: fc.constantFrom("&", "<b>", "a<b", "x>y", '"quoted"', "café", "£38m") },
);
/** A paragraph of 12 to 30 words, ended by a full stop. */
const paragraph = fc.array(word, { minLength: 12, maxLength: 30 }).map((ws) => `${ws.join(" ")}.`);
const articleParagraphs = fc.array(paragraph, { minLength: 4, maxLength: 12 });

/** Page furniture that must never reach the text, each with words of its own. */
const noise = fc.tuple(
  fc.constantFrom(
    (t: string) =>
      `<nav><ul><li><a href="/a">${t}</a></li><li><a href="/b">${t}</a></li></ul></nav>`,
    (t: string) =>
      `<aside class="related"><h2>Related</h2><ul><li><a href="/r">${t}</a></li></ul></aside>`,
    (t: string) => `<script>var s = "${t}"; document.write(s);</script>`,
    (t: string) => `<style>.x::after { content: "${t}"; }</style>`,
    (t: string) => `<div hidden>${t}</div>`,
    (t: string) => `<p style="display: none">${t}</p>`,
    (t: string) => `<div class="share-tools"><a href="/s">Share</a> ${t}</div>`,
    (t: string) => `<div id="cookie-banner"><p>${t}</p><button>Accept</button></div>`,
    (t: string) => `<section class="comments"><p>${t}</p></section>`,
    (t: string) => `<noscript><p>${t}</p></noscript>`,
    (t: string) => `<footer><p>${t}</p></footer>`,
    (t: string) => `<svg viewBox="0 0 9 9"><title>${t}</title><text x="1">${t}</text></svg>`,
    (t: string) => `<template><p>${t}</p></template>`,
    (t: string) => `<object data="x.swf"><p>${t}</p></object>`,
    (t: string) => `<canvas>${t}</canvas>`,
    (t: string) => `<p aria-hidden="true">${t}</p>`,
  ),
  fc.array(fc.stringMatching(/^[A-Z]{4,8}$/), { minLength: 3, maxLength: 12 }).map((ws) =>
    `NOISE ${ws.join(" ")}`
  ),
).map(([make, text]) => make(text));

function articlePage(ps: string[], noiseAt: Map<number, string[]> = new Map()): string {
  const at = (i: number) => (noiseAt.get(i) ?? []).join("\n");
  const body = ps.map((p, i) => `${at(i)}\n<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!DOCTYPE html><html><head><title>A page</title></head><body>${at(-1)}
<main><article><h1>A page</h1>
${body}
${at(ps.length)}</article></main>${at(ps.length + 1)}</body></html>`;
}

async function textOf(html: string): Promise<string> {
  const page = await readPage(html);
  assert.ok("fields" in page, "problem" in page ? page.problem : "");
  return page.fields.text;
}

Deno.test("property: the text of <p> elements in an article comes out whole and in order", async () => {
  await fc.assert(
    fc.asyncProperty(articleParagraphs, async (ps) => {
      assert.deepEqual(paragraphs(await textOf(articlePage(ps))), ps);
    }),
    { numRuns: 150 },
  );
});

Deno.test("property: navigation, asides, scripts, styles, hidden and banner noise never change the text", async () => {
  await fc.assert(
    fc.asyncProperty(
      articleParagraphs,
      fc.array(fc.tuple(fc.integer({ min: -1, max: 13 }), noise), { minLength: 1, maxLength: 8 }),
      async (ps, placed) => {
        const noiseAt = new Map<number, string[]>();
        for (const [i, n] of placed) noiseAt.set(i, [...noiseAt.get(i) ?? [], n]);
        const text = await textOf(articlePage(ps, noiseAt));
        assert.equal(text, await textOf(articlePage(ps)));
        assert.ok(!text.includes("NOISE"));
      },
    ),
    { numRuns: 200 },
  );
});
