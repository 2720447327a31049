import assert from "node:assert/strict";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { SEED, seedAnalysis, textArticle } from "../seeds.ts";

const byId = async (id: string) => (await seedAnalysis()).articles.find((a) => a.id === id)!;

Deno.test("002 (Global News): video captions, their titles and ad markers are removed and kept", async () => {
  const a = await byId(SEED.globalNews2023);
  assert.deepEqual(a.removed.map((r) => [r.kind, r.line, r.text]), [
    ["video_caption", 7, "Click to play the video:"],
    ["video_caption_title", 9, "Trudeau meets Zelenskyy on the final day of the G7 summit"],
    ["ad_marker", 13, "The story continues below the ad"],
    ["video_caption", 21, "Click to play video:"],
    [
      "video_caption_title",
      23,
      "Belgorod attack: Cross-border attack from Ukraine defeated, Russia claims",
    ],
    ["ad_marker", 29, "The story continues below the ad"],
    [
      "video_caption",
      42,
      "Click to play video: 'G7 Leaders Summit: Trudeau warns 'danger of nuclear war forgotten by many''",
    ],
    [
      "video_caption_title",
      44,
      "G7 summit: Trudeau warns ‘danger of nuclear war forgotten by many’",
    ],
    ["ad_marker", 48, "The story continues below the ad"],
  ]);
  assert.equal(a.headline, null);
  assert.equal(a.paragraphs.length, 18);
});

Deno.test("004: the repeated headline, the trailing Tags and the Reuters byline are taken out", async () => {
  const a = await byId(SEED.rewrite004);
  assert.deepEqual(a.removed.map((r) => [r.kind, r.line, r.text]), [
    ["tags", 26, "Tags"],
    [
      "duplicate_headline",
      3,
      "Xi Jinping seeks closer China-Russia investment ties amid Western sanctions",
    ],
  ]);
  assert.equal(
    a.headline,
    "Xi Jinping seeks closer China-Russia investment ties amid Western sanctions",
  );
  assert.equal(a.byline, "Reuters");
  assert.equal(a.agency, "Reuters");
  assert.equal(a.text.split("Xi Jinping seeks closer").length, 2, "headline appears once");
  assert.ok(!/\bTags\b/.test(a.text));
});

Deno.test("credit lines of 000, 002 and 003 are parsed into reporters and editors", async () => {
  const credits = await Promise.all(
    [SEED.reuters2025, SEED.globalNews2023, SEED.reutersHangzhou].map(async (id) =>
      (await byId(id)).credit
    ),
  );
  assert.deepEqual(credits.map((c) => [c?.reporters, c?.editors]), [
    [["Liz Lee", "Ethan Wang", "Xiuhao Chen", "Lidia Kelly"], [
      "Kate Mayberry",
      "Alexandra Hudson",
    ]],
    [["Andrew Hayley", "Ryan Woo", "Lidia Kelly", "Ethan Wang", "John Geddie"], ["Michael Perry"]],
    [["Lidia Kelly", "Ryan Woo"], ["Jacqueline Wong", "Timothy Heritage"]],
  ]);
  assert.deepEqual(credits[0]!.roles[0].places, ["Beijing", "Beijing", "Beijing", "Melbourne"]);
  assert.deepEqual(credits[1]!.roles.map((r) => r.role), [
    "Reporting",
    "Additional reporting",
    "Editing",
  ]);
  for (const id of Object.values(SEED)) {
    assert.ok(
      !(await byId(id)).text.includes("Reporting by"),
      `${id} keeps no credit line in its text`,
    );
  }
});

Deno.test("the dateline of 000 is separated from its first sentence", async () => {
  const a = await byId(SEED.reuters2025);
  assert.equal(a.dateline, "BEIJING (Reuters) -");
  assert.equal(a.datelinePlace, "BEIJING");
  assert.equal(a.agency, "Reuters");
  assert.ok(a.text.startsWith("China and Russia pledged a joint response"));
  const b = await byId(SEED.reutersHangzhou);
  assert.deepEqual([b.dateline, b.datelinePlace, b.agency], ["(Reuters) -", null, "Reuters"]);
  assert.ok(b.text.startsWith("China wants to strengthen cooperation"));
});

Deno.test("subheads of 000 and 003 are marked as subheads", async () => {
  const subheads = async (id: string) => {
    const a = await byId(id);
    return a.paragraphs.filter((p) => p.kind === "subhead").map((p) =>
      a.text.slice(p.start, p.end)
    );
  };
  assert.deepEqual(await subheads(SEED.reuters2025), [
    "RUSSIA WANTS TO STEM A RECENT SLOWDOWN IN TRADE WITH CHINA",
    "CHINA AND RUSSIA SIGNED A “NO-LIMITS” PARTNERSHIP IN 2022",
  ]);
  assert.deepEqual(await subheads(SEED.reutersHangzhou), ["‘NO LIMITS’", "DECLINE IN TRADE"]);
  assert.deepEqual(await subheads(SEED.rewrite001), []);
});

Deno.test("the scrape join 'sanctionsMoscow' in 002 is repaired and recorded", async () => {
  const a = await byId(SEED.globalNews2023);
  assert.deepEqual(a.repairs, [{
    kind: "split_join",
    before: "sanctionsMoscow",
    after: "sanctions Moscow",
    line: 5,
  }]);
  assert.ok(a.text.includes("brunt Western sanctions Moscow leans on Beijing"));
});

Deno.test("no sentence of the seeds holds boilerplate", async () => {
  const { sentences } = await seedAnalysis();
  for (const s of sentences) {
    assert.ok(
      !/Click to play|story continues below the ad|^Tags$|\bTags\b\s*$/i.test(s.text),
      s.text,
    );
  }
});

Deno.test("paragraph offsets slice the clean text exactly and paragraphs are separated by a blank line", async () => {
  for (const a of (await seedAnalysis()).articles) {
    const rebuilt = a.paragraphs.map((p) => a.text.slice(p.start, p.end)).join("\n\n");
    assert.equal(rebuilt, a.text);
  }
});

const article = textArticle;

Deno.test("cleaning keeps ordinary camelCase names and ends of sentences intact", () => {
  const a = cleanArticle(article("PetroChina and DeepSeek said.The iPhone maker met eBay."));
  assert.equal(a.text, "PetroChina and DeepSeek said. The iPhone maker met eBay.");
  assert.deepEqual(a.repairs.map((r) => r.before), ["said.The"]);
});

Deno.test("a camelCase name printed more than once is a name, not a scrape join", () => {
  const a = cleanArticle(article(
    "Editors of wikiHow met on Monday.\n\nThe wikiHow founder spoke about sanctionsMoscow imposed.",
  ));
  assert.equal(
    a.text,
    "Editors of wikiHow met on Monday.\n\nThe wikiHow founder spoke about sanctions Moscow imposed.",
  );
  assert.deepEqual(a.repairs.map((r) => r.before), ["sanctionsMoscow"]);
});

Deno.test("AP-style and dated datelines, By-lines and copyright lines", () => {
  const a = cleanArticle(
    article(
      "Headline here\n\nBy Jane Doe\n\nWASHINGTON (AP) — The vote passed.\n\n© 2024 The Associated Press",
    ),
  );
  assert.deepEqual([a.headline, a.byline, a.dateline, a.agency], [
    "Headline here",
    "By Jane Doe",
    "WASHINGTON (AP) —",
    "AP",
  ]);
  assert.equal(a.text, "Headline here\n\nThe vote passed.");
  assert.deepEqual(a.removed.map((r) => r.kind), ["copyright"]);
  const b = cleanArticle(article("MOSCOW, Nov 4 (Reuters) - Talks began."));
  assert.deepEqual([b.dateline, b.datelinePlace, b.text], [
    "MOSCOW, Nov 4 (Reuters) -",
    "MOSCOW",
    "Talks began.",
  ]);
  // Reuters without a place: the day alone; a number in brackets after other words is no dateline.
  const c = cleanArticle(article("Oct 9 (Reuters) - Delta Air Lines reported profit."));
  assert.deepEqual([c.dateline, c.datelinePlace, c.agency, c.text], [
    "Oct 9 (Reuters) -",
    null,
    "Reuters",
    "Delta Air Lines reported profit.",
  ]);
  const d = cleanArticle(article("Chapter 11 (Bankruptcy) - The firm filed."));
  assert.deepEqual([d.dateline, d.text], [null, "Chapter 11 (Bankruptcy) - The firm filed."]);
});

Deno.test("datelines with a state or country after the city, as AP and Reuters print them", () => {
  const cases: [string, (string | null)[]][] = [
    ["AUSTIN, Texas (AP) — Gov. Greg Abbott signed the bill.", ["AUSTIN, Texas", "AP"]],
    ["SPRINGFIELD, Ill. (AP) — Lawmakers met.", ["SPRINGFIELD, Ill.", "AP"]],
    ["ATLANTA, Ga. — The storm passed.", ["ATLANTA, Ga.", null]],
    ["MECCA, Saudi Arabia (Reuters) - A crane fell.", ["MECCA, Saudi Arabia", "Reuters"]],
    ["NEW YORK, N.Y., Jan. 5 (AP) — Snow fell.", ["NEW YORK, N.Y.", "AP"]],
    // A city in title case before an agency's acronym, with a dash or glued to the story.
    ["Hong Kong (AFP) - Shares fell.", ["Hong Kong", "AFP"]],
    ["Washington (CNN) — The vote passed.", ["Washington", "CNN"]],
  ];
  for (const [text, want] of cases) {
    const a = cleanArticle(article(text));
    assert.deepEqual([a.datelinePlace, a.agency], want, text);
    assert.equal(a.text, text.replace(/^.*? [-—] /, ""), text);
  }
  const glued = cleanArticle(article("Washington (CNN)The vote passed."));
  assert.deepEqual([glued.dateline, glued.datelinePlace, glued.agency, glued.text], [
    "Washington (CNN)",
    "Washington",
    "CNN",
    "The vote passed.",
  ]);
  // Capitals and a dash that are not a dateline stay text; so does a lawmaker's party and state.
  const b = cleanArticle(article("NASA, Boeing and SpaceX — three firms — bid for it."));
  assert.equal(b.dateline, null);
  const c = cleanArticle(article("Sen. Jane Roe (D-Conn.) — who wrote it — voted no."));
  assert.equal(c.dateline, null);
});

Deno.test("a date printed alone above the story becomes the publication date, not the headline", () => {
  // As Wikinews pages print it: the title in front matter, the day as the body's first line.
  const a = cleanArticle(
    article("Friday, July 21, 2017\n\nA team was awarded a medal on Tuesday.", "Team honored"),
  );
  assert.deepEqual([a.headline, a.published, a.title, a.text], [
    null,
    "2017-07-21",
    "Team honored",
    "A team was awarded a medal on Tuesday.",
  ]);
  assert.deepEqual(a.removed, [{ kind: "date_line", text: "Friday, July 21, 2017", line: 1 }]);
  // Under a headline, with a label; the source's own date wins over the page's.
  const b = cleanArticle({
    ...article("Vote passes\n\nPublished: 2024-03-05\n\nThe vote passed.\n\nIt was close."),
    published: "2024-03-04",
  });
  assert.deepEqual([b.headline, b.published, b.text], [
    "Vote passes",
    "2024-03-04",
    "Vote passes\n\nThe vote passed.\n\nIt was close.",
  ]);
  // Not a date line: an update stamp, a date inside a sentence, a date that is the whole text.
  for (const text of ["Updated 5 March 2024\n\nText.", "On 5 March 2024 it rained.\n\nText."]) {
    assert.equal(cleanArticle(article(text)).published, null, text);
  }
  assert.equal(cleanArticle(article("5 March 2024")).text, "5 March 2024");
});

Deno.test("a date on the headline's line after a separator or label is a date line, not headline words", () => {
  const body = "\n\nA storm hit the coast on Sunday, officials said.";
  const cases: [string, string, string | null, string | null][] = [
    // [first line, headline, published, the date line removed]
    ["Storm batters coast - March 3, 2024", "Storm batters coast", "2024-03-03", "March 3, 2024"],
    [
      "Storm batters coast – Published 3 March 2024",
      "Storm batters coast",
      "2024-03-03",
      "Published 3 March 2024",
    ],
    [
      "Storm batters coast Posted on: 2024-03-03",
      "Storm batters coast",
      "2024-03-03",
      "Posted on: 2024-03-03",
    ],
    // An update stamp is split off but is not the publication date.
    [
      "Storm batters coast | Updated March 3, 2024 10:15 a.m. ET",
      "Storm batters coast",
      null,
      "Updated March 3, 2024 10:15 a.m. ET",
    ],
    // No separator or label: the date is part of what the headline says.
    ["Election set for March 3, 2024", "Election set for March 3, 2024", null, null],
    ["Fed holds rates – March 2024 decision", "Fed holds rates – March 2024 decision", null, null],
    ["Storm batters coast | Reuters", "Storm batters coast | Reuters", null, null],
  ];
  for (const [first, headline, published, dateLine] of cases) {
    const a = cleanArticle(article(first + body));
    assert.deepEqual([a.headline, a.published], [headline, published], first);
    assert.deepEqual(
      a.removed.map((r) => [r.kind, r.text, r.line]),
      dateLine ? [["date_line", dateLine, 1]] : [],
      first,
    );
    assert.ok(a.text.startsWith(`${headline}\n\n`), first);
  }
});

Deno.test("the site's name at the end of a headline line is not a headline word when it holds the outlet", () => {
  const body = "\n\nA storm hit the coast on Sunday, officials said.";
  const cases: [string, string, string, [string, string][]][] = [
    // [first line, outlet, headline, removed kinds and texts]
    ["Storm batters coast | Reuters", "Reuters", "Storm batters coast", [["site_name", "Reuters"]]],
    ["Storm batters coast - BBC News", "BBC", "Storm batters coast", [["site_name", "BBC News"]]],
    // With a date too, in either order.
    ["Storm batters coast - March 3, 2024 | CNN Politics", "CNN", "Storm batters coast", [
      ["site_name", "CNN Politics"],
      ["date_line", "March 3, 2024"],
    ]],
    [
      "Storm batters coast — The Daily Star | March 3, 2024",
      "The Daily Star",
      "Storm batters coast",
      [
        ["date_line", "March 3, 2024"],
        ["site_name", "The Daily Star"],
      ],
    ],
    // Not the outlet, no separator before it, or an unknown outlet: kept.
    ["Storm batters coast | Reuters", "AP", "Storm batters coast | Reuters", []],
    [
      "Reuters poll: inflation seen easing - analysts",
      "Reuters",
      "Reuters poll: inflation seen easing - analysts",
      [],
    ],
    ["Storm batters coast | Reuters", "unknown", "Storm batters coast | Reuters", []],
  ];
  for (const [first, outlet, headline, removed] of cases) {
    const a = cleanArticle({ ...article(first + body), outlet });
    assert.equal(a.headline, headline, first);
    assert.deepEqual(a.removed.map((r) => [r.kind, r.text]), removed, first);
  }
});

Deno.test("a contributor line ending a US story is a credit line, not text; a newsletter prompt is boilerplate", () => {
  const story = "The Senate passed the bill on Tuesday, officials said.\n\nIt was close.";
  const cases: [string, string[], (string | null)[]][] = [
    // [last paragraph, reporters, their places]
    ["CNN's Jane Doe and John Roe contributed to this report.", ["Jane Doe", "John Roe"], [
      null,
      null,
    ]],
    [
      "Associated Press writers Mary Clarke in New York and Tom Lee in Chicago contributed.",
      ["Mary Clarke", "Tom Lee"],
      ["New York", "Chicago"],
    ],
    ["Jane Doe, John Roe and Ann Poe contributed reporting.", ["Jane Doe", "John Roe", "Ann Poe"], [
      null,
      null,
      null,
    ]],
    ["The Washington Post's Ann Poe contributed to this report.", ["Ann Poe"], [null]],
  ];
  for (const [line, reporters, places] of cases) {
    const a = cleanArticle(
      article(`${story}\n\n${line}\n\nSign up for our daily newsletter here.`),
    );
    assert.equal(a.text, story, line);
    assert.deepEqual([a.credit?.reporters, a.credit?.roles[0].places], [reporters, places], line);
    assert.deepEqual(a.removed.map((r) => r.kind), ["newsletter_prompt"], line);
  }
  // Not credits: no names, a bare "contributed" without a job or outlet before it, other work.
  for (
    const line of [
      "Many people contributed to this report.",
      "The European Union contributed.",
      "The European Union contributed to this report.",
      "Smith contributed to the campaign.",
    ]
  ) {
    const a = cleanArticle(article(`${story}\n\n${line}`));
    assert.equal(a.credit, null, line);
    assert.ok(a.text.endsWith(line), line);
  }
});

Deno.test("a byline on the first line is the byline, not the headline; two names are one byline", () => {
  for (const by of ["By Jane Doe, Staff Writer", "By Jane Doe and John Roe", "By JANE DOE"]) {
    const a = cleanArticle(article(`${by}\n\nWASHINGTON (AP) — The vote passed.\n\nIt was close.`));
    assert.deepEqual([a.headline, a.byline, a.text], [
      null,
      by,
      "The vote passed.\n\nIt was close.",
    ], by);
  }
});

Deno.test("update stamps, a time before the date, reading times and page controls at the top are not text", () => {
  const story = "The Senate passed the bill on Tuesday, officials said.\n\nIt was close.";
  const cases: [string, string | null, string[]][] = [
    // [lines between the headline and the story, published, removed kinds]
    ["Updated 10:15 a.m. ET, Tue March 3, 2024", null, ["update_line"]],
    ["Last updated on 3 March 2024", null, ["update_line"]],
    ["Published 5:00 AM EST Mar 3, 2024", "2024-03-03", ["date_line"]],
    ["Published March 2, 2024\n\nUpdated March 3, 2024", "2024-03-02", [
      "date_line",
      "update_line",
    ]],
    ["Updated March 3, 2024\n\nPublished March 2, 2024", "2024-03-02", [
      "update_line",
      "date_line",
    ]],
    ["3 min read\n\nListen to this article · 5:32 min\n\nShare", null, [
      "page_furniture",
      "page_furniture",
      "page_furniture",
    ]],
  ];
  for (const [lines, published, kinds] of cases) {
    const a = cleanArticle(article(`Storm batters coast\n\n${lines}\n\n${story}`));
    assert.deepEqual(
      [a.headline, a.published, a.removed.map((r) => r.kind), a.text],
      ["Storm batters coast", published, kinds, `Storm batters coast\n\n${story}`],
      lines,
    );
  }
});

Deno.test("a scraped US page top: headline with site name, byline, update stamp, glued dateline", () => {
  const a = cleanArticle({
    ...article(
      [
        "Senate passes border bill | CNN Politics",
        "By Jane Doe and Mark Smith, CNN",
        "Updated 11:42 PM EST, Tue March 5, 2024",
        "Listen to this article",
        "Washington (CNN)The Senate passed a border bill late Tuesday.",
        "It now heads to the House.",
      ].join("\n\n"),
    ),
    outlet: "CNN",
  });
  assert.deepEqual([a.headline, a.byline, a.dateline, a.agency, a.published], [
    "Senate passes border bill",
    "By Jane Doe and Mark Smith, CNN",
    "Washington (CNN)",
    "CNN",
    null,
  ]);
  assert.deepEqual(a.removed.map((r) => r.kind), ["page_furniture", "update_line", "site_name"]);
  assert.equal(
    a.text,
    "Senate passes border bill\n\nThe Senate passed a border bill late Tuesday.\n\nIt now heads to the House.",
  );
});

Deno.test("clean: hard-wrapped text (blocks between blank lines, lines cut short of a sentence's end) is one paragraph per block", () => {
  const text = [
    "Senate passes the farm bill",
    "",
    "The senator said the bill would pass easily, but her colleagues",
    'were not so sure. "We will see what happens on the floor," said',
    "Senator Jane Roe, a Democrat from Ohio.",
    "",
    "The vote is expected on Thursday. Analysts said the outcome was",
    "uncertain.",
  ].join("\n");
  const c = cleanArticle(textArticle(text));
  assert.equal(c.title, "Senate passes the farm bill");
  assert.deepEqual(c.paragraphs.map((p) => c.text.slice(p.start, p.end)), [
    "Senate passes the farm bill",
    'The senator said the bill would pass easily, but her colleagues were not so sure. "We will see what happens on the floor," said Senator Jane Roe, a Democrat from Ohio.',
    "The vote is expected on Thursday. Analysts said the outcome was uncertain.",
  ]);
});

Deno.test("clean: one sentence or one paragraph per line, and a list, are not hard-wrapped", () => {
  const perLine =
    'The vote was close .\n" We won , " she said .\nThe count ended at midnight .\n\nIt was a long night .';
  assert.equal(cleanArticle(textArticle(perLine)).paragraphs.length, 4);
  const list = [
    "Election results",
    "",
    "The winners were:",
    "- Jane Roe, Ohio",
    "- John Doe, Iowa",
    "- Ann Lee, Utah",
    "",
    "Turnout was high.",
  ].join("\n");
  assert.equal(cleanArticle(textArticle(list)).paragraphs.length, 6);
});

Deno.test("clean: short sentences end many wrapped lines, and the wrap is still told by lines that fill the width", () => {
  // fast-check's counterexample to the first rule (two of five lines open): wrapped at 80.
  const p1 =
    "Aaaaaa a aaaaaaa aaaaaa aaaaa aaaaaaaa aaaaaaaa a aaaaaaa aaa a aaaaaaaaa aaaaa. Aaaaaaaa a a a a. A aa aaaaa aaaaaaa aa. Aa aa aaaa aaaaaaa aaaaa aaaaaaaa aaaaa aaaaaaa.";
  const p2 =
    "A aa aaaaa aaaaaaaaa aaaa aaaaaa aaaa aaaaaaaa aaaaaaaaa aaaaaaa aaaaaaa. Aaaaaaa a aaaa aaaaaaaa aaaaaaaa. Aaaaaaa aaaaaaa a a aa aaaaaaaa a aaaaaaaa. Aaa a aaaaa aa aaaaa aa a aaaaaaa aa. Aaaaaaa a aaaaaaaaa aa aaaaaaaa aaa aaaaaa.";
  const wrapped = [
    "Headline of the story",
    "",
    "Aaaaaa a aaaaaaa aaaaaa aaaaa aaaaaaaa aaaaaaaa a aaaaaaa aaa a aaaaaaaaa aaaaa.",
    "Aaaaaaaa a a a a. A aa aaaaa aaaaaaa aa. Aa aa aaaa aaaaaaa aaaaa aaaaaaaa aaaaa",
    "aaaaaaa.",
    "",
    "A aa aaaaa aaaaaaaaa aaaa aaaaaa aaaa aaaaaaaa aaaaaaaaa aaaaaaa aaaaaaa.",
    "Aaaaaaa a aaaa aaaaaaaa aaaaaaaa. Aaaaaaa aaaaaaa a a aa aaaaaaaa a aaaaaaaa.",
    "Aaa a aaaaa aa aaaaa aa a aaaaaaa aa. Aaaaaaa a aaaaaaaaa aa aaaaaaaa aaa",
    "aaaaaa.",
  ].join("\n");
  const c = cleanArticle(textArticle(wrapped));
  assert.deepEqual(c.paragraphs.map((p) => c.text.slice(p.start, p.end)), [
    "Headline of the story",
    p1,
    p2,
  ]);
});
