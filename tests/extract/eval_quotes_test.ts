import assert from "node:assert/strict";
import { evalQuotesCommand } from "../../src/cli/eval_quotes.ts";
import {
  GoldItemSchema,
  parseJsonLines,
  sameSpeaker,
  scoreQuotes,
} from "../../src/extract/quotes/score.ts";
import { GoldDocSchema } from "../../src/extract/quotes/score.ts";

const dir = "tests/fixtures/quotes_mini";
const docs = parseJsonLines(await Deno.readTextFile(`${dir}/docs.jsonl`), GoldDocSchema, "docs");
const items = parseJsonLines(
  await Deno.readTextFile(`${dir}/quotes.jsonl`),
  GoldItemSchema,
  "quotes",
);

Deno.test("eval:quotes: exact counts on the hand-made items (dev and test, quotes and reported apart)", () => {
  assert.deepEqual([docs.errors, items.errors], [[], []]);
  const { scores, misses } = scoreQuotes(docs.rows, items.rows);
  const rows = scores.map((s) =>
    `${s.split}|${s.group}|gold ${s.gold}|found ${s.found}|${s.matched}/${s.extracted}|${s.right}/${s.wrong}/${s.empty} of ${s.withSpeaker}`
  );
  assert.deepEqual(rows, [
    "dev|direct+partial|gold 3|found 3|3/3|3/0/0 of 3",
    // "He added that ..." shares a sentence with the tagged quote before it (the period sits
    // inside the marks of “Meet the Press.”) and is still found, and is Kaine's.
    "dev|reported|gold 5|found 5|5/5|5/0/0 of 5",
    "test|direct+partial|gold 4|found 4|4/4|4/0/0 of 4",
    // "The ministry said ...": nobody named, so the speaker stays empty; "Analysts warned ...":
    // empty, as the gold says; Wyden's "called" is both a partial quote and an attribution, and
    // "and asked the administration to reverse it" a second one (the two extracted items with
    // no gold).
    "test|reported|gold 3|found 3|3/5|2/0/1 of 3",
  ]);
  assert.deepEqual(misses, [
    "test m4: speaker empty (gold ministry): unnamed organisation: the talks would resume in March",
    'test extra reported: the decision "a moment of historic cowardice"',
    "test extra reported: the administration to reverse it",
  ]);
});

Deno.test("eval:quotes: a speaker matches by name without titles, or by the surname alone", () => {
  assert.equal(sameSpeaker("Ron Wyden", "Sen. Ron Wyden"), true);
  assert.equal(sameSpeaker("Tim Kaine", "Kaine"), true);
  assert.equal(sameSpeaker("Josh Schwerin", "Dan Schwerin"), false);
  assert.equal(sameSpeaker("Tim Kaine", "Tim"), false);
  assert.equal(sameSpeaker("Korean Central News Agency", "KCNA"), true);
  assert.equal(sameSpeaker("World Health Organisation", "World Health Organization"), true);
  assert.equal(sameSpeaker("Korean Central News Agency", "KBS"), false);
  assert.equal(sameSpeaker("UN", "United Nations"), true);
  assert.equal(sameSpeaker("UN", "United Kingdom"), false);
});

Deno.test("eval:quotes: middle initials and names, ranks, case and diacritics do not tell two people apart", () => {
  assert.equal(sameSpeaker("Gary J. Volesky", "Gary Volesky"), true);
  assert.equal(sameSpeaker("Gary Volesky", "Lt. Col. Gary J. Volesky"), true);
  assert.equal(sameSpeaker("John Quincy Adams", "John Adams"), true);
  assert.equal(sameSpeaker("Anne Clark", "Brig. Gen. ANNE CLARK"), true);
  assert.equal(sameSpeaker("José Díaz", "Spc. Jose Diaz"), true);
  assert.equal(sameSpeaker("Alejandra González Anaya", "González Anaya"), true);
  // Different first or last names stay different people; a rank alone names nobody.
  assert.equal(sameSpeaker("Gary J. Volesky", "Mary Volesky"), false);
  assert.equal(sameSpeaker("Gary J. Volesky", "Gary J. Miller"), false);
  assert.equal(sameSpeaker("Anne Clark", "Sgt."), false);
  assert.equal(sameSpeaker("Alejandra González Anaya", "Alejandra"), false);
});

Deno.test("eval:quotes: bad gold lines are one line each with file, line and field; good lines load", () => {
  const text = [
    JSON.stringify({ doc: "a", split: "dev", kind: "direct", start: 0, end: 3, text: "abc" }),
    "{not json",
    JSON.stringify({ doc: "a", split: "train", kind: "direct", start: 0, end: 3, text: "abc" }),
  ].join("\n");
  const parsed = parseJsonLines(text, GoldItemSchema, "q.jsonl");
  assert.equal(parsed.rows.length, 1);
  assert.equal(parsed.errors.length, 2);
  assert.match(parsed.errors[0], /^q\.jsonl:2: not JSON/);
  assert.match(parsed.errors[1], /^q\.jsonl:3: split: /);
});

Deno.test("eval:quotes: the command prints the table; a missing folder is a usage error (exit 2)", async () => {
  const out: string[] = [];
  const io = { log: (l: string) => out.push(l), error: (l: string) => out.push(`E ${l}`) };
  assert.equal(await evalQuotesCommand(["--gold", dir], io), 0);
  assert.match(out.join("\n"), /\| test \| direct\+partial \| 4 \| 4 \(1\.00\) \| 1\.00 \|/);
  out.length = 0;
  assert.equal(await evalQuotesCommand(["--gold", "tests/fixtures/no_such_gold"], io), 2);
  assert.match(out[0], /^E error: tests\/fixtures\/no_such_gold\/docs\.jsonl: no such file/);
});

Deno.test("eval:quotes: a heldout item is scored in its own rows, after dev and test", () => {
  const text = 'He said: "We will stay." Dev text. "Go on," she said.';
  const doc = (id: string) => ({ id, source: "s", licence: "l", text });
  const item = (d: string, split: string, start: number, end: number) =>
    GoldItemSchema.parse({
      doc: d,
      split,
      kind: "direct",
      start,
      end,
      text: text.slice(start, end),
    });
  const gold = [item("h", "heldout", 10, 23), item("d", "dev", 36, 42)];
  // A stand-in extractor that finds the first quote only, with no speaker.
  const run = () => ({
    cleaned: text,
    quotes: [{ start: 10, end: 23, speaker: null, reason: "stub", kind: "direct" }],
    attributions: [],
  });
  const { scores } = scoreQuotes([doc("d"), doc("h")], gold, run);
  assert.deepEqual(
    scores.map((s) => `${s.split}|${s.group}|gold ${s.gold}|found ${s.found}`),
    [
      "dev|direct+partial|gold 1|found 0",
      "dev|reported|gold 0|found 0",
      "heldout|direct+partial|gold 1|found 1",
      "heldout|reported|gold 0|found 0",
    ],
  );
});

Deno.test("eval:quotes: --split takes heldout too; any other name is a usage error (exit 2)", async () => {
  const out: string[] = [];
  const io = { log: (l: string) => out.push(l), error: (l: string) => out.push(`E ${l}`) };
  assert.equal(await evalQuotesCommand(["--gold", dir, "--split", "heldout", "--misses"], io), 0);
  out.length = 0;
  assert.equal(await evalQuotesCommand(["--gold", dir, "--split", "train"], io), 2);
  assert.match(out[0], /--split takes dev, test, heldout \(got "train"\)/);
});

Deno.test("eval:quotes: --misses lists dev and test misses; heldout's only when --split names it", async () => {
  const gold = await Deno.makeTempDir();
  const text = 'The mayor spoke. "We will rebuild the bridge," she said.';
  const at = text.indexOf("We will");
  const end = text.indexOf(',"');
  const doc = (id: string) => ({ id, source: "test", licence: "CC0", genre: "news", text });
  const item = (id: string, split: string) => ({
    doc: id,
    split,
    kind: "direct",
    start: at,
    end,
    text: text.slice(at, end),
    speaker: "Ann Lee",
  });
  await Deno.writeTextFile(
    `${gold}/docs.jsonl`,
    [doc("d"), doc("h")].map((d) => JSON.stringify(d)).join("\n") + "\n",
  );
  await Deno.writeTextFile(
    `${gold}/quotes.jsonl`,
    [item("d", "dev"), item("h", "heldout")].map((d) => JSON.stringify(d)).join("\n") + "\n",
  );
  const listed = async (...more: string[]) => {
    const out: string[] = [];
    const io = { log: (l: string) => out.push(l), error: (l: string) => out.push(`E ${l}`) };
    assert.equal(await evalQuotesCommand(["--gold", gold, "--misses", ...more], io), 0);
    return out.filter((l) => /^(dev|test|heldout) /.test(l)).map((l) => l.split(" ")[0]);
  };
  // The speaker "Ann Lee" is not in the text: each doc's quote has a speaker miss to list.
  assert.deepEqual(await listed(), ["dev"]);
  assert.deepEqual(await listed("--split", "heldout"), ["heldout"]);
});

Deno.test("eval:quotes: a word quoted twice is placed where the gold puts it once cleaning has moved the text", () => {
  // Cleaning drops a 40-character first line, so raw offsets run 40 ahead of cleaned ones; the
  // raw offset of the first "dangerous" is then nearer the second one, inside the long quote.
  const drop = "REMOVED BY CLEANING: AN EDITOR'S NOTE.\n\n";
  const body =
    'Ann Lee called it "dangerous" and "ideological":\n\n"We face a dangerous sentence."';
  const raw = drop + body;
  assert.equal(drop.length, 40);
  const item = (kind: "direct" | "partial", text: string, from = 0) => ({
    doc: "d",
    split: "dev" as const,
    kind,
    start: raw.indexOf(text, from),
    end: raw.indexOf(text, from) + text.length,
    text,
    speaker: null,
  });
  const gold = [
    item("partial", "dangerous"),
    item("partial", "ideological"),
    item("direct", "We face a dangerous sentence."),
  ];
  const span = (text: string) => ({
    start: body.indexOf(text),
    end: body.indexOf(text) + text.length,
    speaker: null,
    reason: "test",
    kind: "partial",
  });
  const run = () => ({
    cleaned: body,
    quotes: [span("dangerous"), span("ideological"), span("We face a dangerous sentence.")],
    attributions: [],
  });
  const doc = { id: "d", source: "test", licence: "CC0", text: raw };
  const { scores, misses } = scoreQuotes([doc], gold, run);
  const quoteRow = scores.find((s) => s.group === "direct+partial")!;
  assert.deepEqual([quoteRow.gold, quoteRow.found, quoteRow.matched, quoteRow.extracted], [
    3,
    3,
    3,
    3,
  ]);
  assert.deepEqual(misses, []);
});

Deno.test("eval:quotes: a gold quote takes the extracted span it overlaps most, not the first that overlaps", () => {
  const body = '"A B C D E F G H," she said. "H I J K L."';
  const at = (text: string) => ({
    start: body.indexOf(text),
    end: body.indexOf(text) + text.length,
  });
  const gold = [
    {
      doc: "d",
      split: "dev" as const,
      kind: "direct" as const,
      ...at("H I J K L."),
      text: "H I J K L.",
      speaker: null,
    },
    {
      doc: "d",
      split: "dev" as const,
      kind: "direct" as const,
      ...at("A B C D E F G H,"),
      text: "A B C D E F G H,",
      speaker: null,
    },
  ];
  // One extracted span ran on over both quotes, a second is the last quote alone: the last quote
  // is matched with its own span, the first quote with the long one.
  const got = [
    { start: 1, end: body.length - 1, speaker: null, reason: "test", kind: "direct" },
    { ...at("H I J K L."), speaker: null, reason: "test", kind: "direct" },
  ];
  const run = () => ({ cleaned: body, quotes: got, attributions: [] });
  const doc = { id: "d", source: "test", licence: "CC0", text: body };
  const { scores } = scoreQuotes([doc], gold, run);
  const quoteRow = scores.find((s) => s.group === "direct+partial")!;
  assert.deepEqual([quoteRow.gold, quoteRow.found, quoteRow.matched], [2, 2, 2]);
});

Deno.test("eval:quotes: a gold quote over two lines of a one-sentence-per-line record is placed once cleaning has made each line a paragraph", () => {
  // Cleaning makes each line a paragraph ("\n" becomes "\n\n"): the gold text, with its single
  // line break, is then in the cleaned text only up to white space.
  const raw =
    '" We did all we could .\nWe will try again , " said Ann Lee .\nThe vote is on Monday .';
  const text = "We did all we could .\nWe will try again";
  const start = raw.indexOf(text);
  const gold = [{
    doc: "d",
    split: "dev" as const,
    kind: "direct" as const,
    start,
    end: start + text.length,
    text,
    speaker: "Ann Lee",
  }];
  const doc = { id: "d", source: "test", licence: "CC0", text: raw };
  const { scores, misses } = scoreQuotes([doc], gold);
  const row = scores.find((s) => s.group === "direct+partial")!;
  assert.deepEqual([row.gold, row.unplaced, row.found, row.right], [1, 0, 1, 1]);
  assert.deepEqual(misses.filter((m) => !m.includes("extra")), []);
});
