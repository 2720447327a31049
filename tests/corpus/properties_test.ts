import assert from "node:assert/strict";
import fc from "fast-check";
import { parseCsv } from "../../src/corpus/csv.ts";
import { decodeUtf8, firstInvalidUtf8 } from "../../src/corpus/decode.ts";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { bylinePeople, isCreditLine, parseCredit } from "../../src/corpus/credit.ts";
import type { NumberedLine } from "../../src/corpus/lines.ts";
import { analyzeArticles } from "../../src/pipeline.ts";
import { textArticle } from "../seeds.ts";

/** A person's name as credits and bylines print it: two capitalised words. */
const personName = fc.tuple(
  // A first name is never an article nor "By" ("An Aa" reads as "an Aa", "By Aa" as a byline).
  fc.stringMatching(/^[A-Z][a-z]{1,7}$/).filter((w) => !["An", "The", "By"].includes(w)),
  fc.stringMatching(/^[A-Z][a-z]{1,9}$/),
).map(([a, b]) => `${a} ${b}`);

const field = fc.string({ unit: fc.constantFrom(..."ab ,\"\n\r'é;"), maxLength: 12 });

function toCsv(rows: string[][]): string {
  const quote = (
    f: string,
  ) => (/[",\n\r]/.test(f) || f === "" ? `"${f.replaceAll('"', '""')}"` : f);
  return rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

async function parseAll(text: string) {
  async function* lines(): AsyncGenerator<NumberedLine> {
    const parts = text.split("\n");
    if (parts.at(-1) === "") parts.pop();
    for (let i = 0; i < parts.length; i++) yield { line: i + 1, text: parts[i].replace(/\r$/, "") };
  }
  const out = [];
  for await (const r of parseCsv(lines())) out.push(r);
  return out;
}

Deno.test("property: CSV written with quoting reads back field for field", async () => {
  // Every field, CRs included: a CR inside quotes is data; only a CRLF pair inside a quoted field
  // reads as LF (the line reader takes CRLF as one line ending).
  const back = (f: string) => f.replaceAll("\r\n", "\n");
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }).chain((w) =>
        fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })
      ),
      async (rows) => {
        const records = await parseAll(toCsv(rows));
        const read = records.map((r) => ("fields" in r ? r.fields : r.error));
        assert.deepEqual(read, rows.map((r) => r.map(back)));
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("property: rows ended by a lone CR read as the rows they are", async () => {
  const plain = fc.string({ unit: fc.constantFrom(..."ab é;'"), minLength: 1, maxLength: 8 });
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(plain, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
      async (rows) => {
        const records = await parseAll(rows.map((r) => r.join(",")).join("\r") + "\n");
        assert.deepEqual(records.map((r) => ("fields" in r ? r.fields : r.error)), rows);
      },
    ),
    { numRuns: 200 },
  );
});

/** The length of the longest prefix of `bytes` that is valid UTF-8 on its own. */
function longestValidPrefix(bytes: Uint8Array): number {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for (let n = bytes.length; n > 0; n--) {
    try {
      strict.decode(bytes.subarray(0, n));
      return n;
    } catch {
      // shorter
    }
  }
  return 0;
}

Deno.test("property: strict UTF-8 decoding agrees with TextDecoder and locates the first bad byte", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const decoded = decodeUtf8(bytes);
      let reference: string | null = null;
      try {
        reference = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
      } catch {
        reference = null;
      }
      if (reference === null) {
        assert.ok("failure" in decoded);
        const { byte, line } = firstInvalidUtf8(bytes);
        // The reported byte is where the longest valid prefix ends: everything before it decodes,
        // and no longer prefix does.
        assert.equal(byte, longestValidPrefix(bytes));
        assert.equal(line, 1 + bytes.subarray(0, byte).filter((b) => b === 0x0a).length);
      } else {
        assert.ok("text" in decoded);
        assert.ok(!decoded.text.includes("\r"));
      }
    }),
    { numRuns: 1000 },
  );
});

Deno.test("property: any text cleans and segments without throwing; every offset slices back", () => {
  const text = fc.string({
    unit: fc.constantFrom(
      ..."Ab .,:“”‘’\"'()-–\n\nCLICK to play video:Tags(Reporting by A; Editing by B)U.S.3.8%",
    ),
    maxLength: 300,
  });
  fc.assert(
    fc.property(text, fc.string({ maxLength: 200 }), (a, b) => {
      for (const raw of [a, b]) {
        if (!raw.trim()) continue;
        const article = {
          id: "x",
          text: raw,
          outlet: "o",
          title: null,
          published: null,
          url: null,
          meta: {},
          source: "x",
        };
        const clean = cleanArticle(article);
        for (const p of clean.paragraphs) assert.ok(p.start <= p.end && p.end <= clean.text.length);
        const { sentences, tokens } = analyzeArticles([article]);
        for (const s of sentences) assert.equal(clean.text.slice(s.start, s.end), s.text);
        for (let i = 0; i < tokens.length; i++) {
          assert.equal(clean.text.slice(tokens.start[i], tokens.end[i]), tokens.token[i]);
        }
      }
    }),
    { numRuns: 400 },
  );
});

Deno.test("property: a headline line's trailing date and site name come off, the words before stay", () => {
  const MONTHS = ["January", "March", "June", "September", "December"];
  const word = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 1, maxLength: 8 }),
      fc.record({
        y: fc.integer({ min: 1990, max: 2030 }),
        m: fc.integer({ min: 0, max: 4 }),
        d: fc.integer({ min: 1, max: 28 }),
      }),
      fc.constantFrom(" | ", " - ", " – ", " — ", " · "),
      fc.constantFrom("", "Published ", "Posted on: "),
      fc.boolean(),
      (words, { y, m, d }, sep, label, withSite) => {
        const head = words.join(" ");
        const date = `${label}${MONTHS[m]} ${d}, ${y}`;
        const line = `${head}${sep}${date}${withSite ? " | Daily Courier News" : ""}`;
        const a = cleanArticle({
          ...textArticle(`${line}\n\nThe council met on Monday, a spokesman said.`),
          outlet: "Daily Courier",
        });
        const iso = `${y}-${String([1, 3, 6, 9, 12][m]).padStart(2, "0")}-${
          String(d).padStart(2, "0")
        }`;
        assert.equal(a.headline, head, line);
        assert.equal(a.published, iso, line);
        assert.ok(a.text.startsWith(`${head}\n\n`), line);
      },
    ),
  );
});

Deno.test("property: a contributor line gives back exactly the names written in it", () => {
  fc.assert(
    fc.property(
      fc.array(personName, { minLength: 1, maxLength: 4 }),
      fc.constantFrom("", "CNN's ", "Associated Press writers ", "The Daily Courier's "),
      fc.constantFrom(
        " to this report.",
        " reporting.",
        " reporting from Kyiv.",
        " to this story.",
      ),
      (names, lead, tail) => {
        const people = names.length === 1
          ? names[0]
          : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
        const line = `${lead}${people} contributed${tail}`;
        assert.ok(isCreditLine(line), line);
        assert.deepEqual(parseCredit(line).reporters, names, line);
      },
    ),
  );
});

Deno.test("property: a byline gives back exactly the names written in it, whatever its lead and tail", () => {
  fc.assert(
    fc.property(
      fc.array(personName, { minLength: 1, maxLength: 4 }),
      fc.constantFrom("By ", "by ", "", "Words by "),
      fc.constantFrom("", ", Reuters", " | AP", ", Senior Correspondent", " in London"),
      (names, lead, tail) => {
        const people = names.length === 1
          ? names[0]
          : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
        const line = `${lead}${people}${tail}`;
        assert.deepEqual(bylinePeople(line), names, line);
        // An organisation in place of a person: nobody, never a part of it.
        assert.deepEqual(bylinePeople(`${lead}The Associated Press${tail}`), [], line);
      },
    ),
  );
});

Deno.test("property: paragraphs hard-wrapped at any width from 30 to 90 clean to the same paragraphs as unwrapped", () => {
  const word = fc.stringMatching(/^[a-z]{1,9}$/);
  const sentence = fc.array(word, { minLength: 4, maxLength: 14 })
    .map((ws) => `${ws[0][0].toUpperCase()}${ws.join(" ").slice(1)}.`);
  const paragraph = fc.array(sentence, { minLength: 2, maxLength: 5 }).map((s) => s.join(" "));
  const wrap = (p: string, width: number) => {
    const lines: string[] = [];
    let line = "";
    for (const w of p.split(" ")) {
      if (line && line.length + 1 + w.length > width) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    return [...lines, line].join("\n");
  };
  fc.assert(
    fc.property(
      fc.array(paragraph, { minLength: 2, maxLength: 4 }),
      fc.integer({ min: 30, max: 90 }),
      (paras, width) => {
        // Only text wrapped often enough to tell: three lines or more with another after them.
        const wrapped = paras.map((p) => wrap(p, width));
        fc.pre(wrapped.join("\n").split("\n").length - paras.length >= 3 + paras.length);
        // A wrap that falls at a sentence's end on every line is no wrap a reader could tell.
        fc.pre(wrapped.some((p) => p.split("\n").slice(0, -1).some((l) => !l.endsWith("."))));
        const body = (t: string) => {
          const c = cleanArticle(textArticle(`Headline of the story\n\n${t}`));
          return c.paragraphs.map((p) => c.text.slice(p.start, p.end));
        };
        assert.deepEqual(body(wrapped.join("\n\n")), body(paras.join("\n\n")));
      },
    ),
    { numRuns: 150 },
  );
});
