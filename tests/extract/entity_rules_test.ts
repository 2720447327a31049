import assert from "node:assert/strict";
import fc from "fast-check";
import { NO_GAZETTEER } from "../../src/extract/gazetteer.ts";
import type { ExtractOptions } from "../../src/extract/extract.ts";
import { isAcronymOf } from "../../src/extract/entities/orgs.ts";
import { NO_PLACES } from "../../src/extract/entities/places.ts";
import { canonicalPerson } from "../../src/extract/entities/titles.ts";
import { extractText } from "./helpers.ts";
import { analyzeCommand } from "../../src/cli/analyze.ts";
import { tempDir } from "../seeds.ts";
import { FAKE_PLACES, fakeRecogniser } from "./fake_recogniser.ts";

/** "text|type|entity|role|source" of every mention; no model unless one is given. */
function rows(text: string, options: ExtractOptions = {}): string[] {
  return extractText(text, { model: null, ...options }).entities.map((e) =>
    `${e.text}|${e.type}|${e.entity}|${e.role ?? ""}|${e.source}`
  );
}

const people = fakeRecogniser({
  "Donald J. Trump": "PER",
  "Donald Trump": "PER",
  "Trump": "PER",
  "Hillary Clinton": "PER",
  "Bill Clinton": "PER",
  "Clinton": "PER",
});
const others = fakeRecogniser({
  "Consumer Financial Protection Bureau": "ORG",
  "CFPB": "ORG",
  "Federal Bureau of Investigation": "ORG",
  "FBI": "ORG",
  "Santa Fe Pacific Gold Corp": "ORG",
  "Santa Fe": "PER",
  "New York Times": "ORG",
  "Poland": "LOC",
  "California": "LOC",
  "Afghanistan": "LOC",
  "Mitch McConnell": "PER",
  "McConnell": "PER",
});

Deno.test("titles: a name after a title is a person (even a bare surname); the title is the role, not the name", () => {
  assert.deepEqual(
    rows(
      "Sen. Mark Warner of Virginia spoke first. Gov. Jay Nixon disagreed, and Lt. Gov. Dan " +
        "Patrick left. Then coach Bill Belichick arrived with Dr. Smith. General Motors said sales rose.",
    ),
    [
      "Mark Warner|PERSON|Mark Warner|Sen.|rule",
      "Jay Nixon|PERSON|Jay Nixon|Gov.|rule",
      "Dan Patrick|PERSON|Dan Patrick|Lt. Gov.|rule",
      "Bill Belichick|PERSON|Bill Belichick|coach|rule",
      "Smith|PERSON|Smith|Dr.|rule",
      // No person "Motors" titled "General": the company, from the general list.
      "General Motors|ORG|General Motors||gazetteer",
    ],
  );
});

Deno.test("names: 'Donald J. Trump', 'Mr. Trump', 'Trump' and 'Donald Trump' are one entity", () => {
  const text = "Donald J. Trump spoke on Monday. Mr. Trump said the vote was close.\n\n" +
    "Later, Trump said it again, and Donald Trump left.";
  assert.deepEqual(rows(text, { model: people, places: FAKE_PLACES }), [
    "Donald J. Trump|PERSON|Donald Trump||model",
    "Trump|PERSON|Donald Trump|Mr.|rule",
    "Trump|PERSON|Donald Trump||model",
    "Donald Trump|PERSON|Donald Trump||model",
  ]);
  assert.equal(canonicalPerson("Donald  J. Trump"), "Donald Trump");
  assert.equal(canonicalPerson("J. K. Rowling"), "J. K. Rowling");
});

Deno.test("names: a bare surname is the namesake named nearest before; 'Mrs.' picks the woman", () => {
  const text = "Hillary Clinton campaigned in Ohio. Clinton said she would win. Bill Clinton " +
    "spoke later. Clinton praised his wife. Mrs. Clinton thanked him.";
  const expected = [
    "Hillary Clinton|PERSON|Hillary Clinton||model",
    "Clinton|PERSON|Hillary Clinton||model",
    "Bill Clinton|PERSON|Bill Clinton||model",
    "Clinton|PERSON|Bill Clinton||model",
    "Clinton|PERSON|Hillary Clinton|Mrs.|rule",
  ];
  assert.deepEqual(rows(text, { model: people, places: FAKE_PLACES }), expected);
  // Without the model, titles find both Clintons and the same resolution follows.
  assert.deepEqual(
    rows(
      "Democratic nominee Hillary Clinton campaigned in Ohio. Clinton said she would win. " +
        "Former President Bill Clinton spoke later. Clinton praised his wife. Mrs. Clinton thanked him.",
      { places: FAKE_PLACES },
    ),
    [
      "Hillary Clinton|PERSON|Hillary Clinton|Democratic nominee|rule",
      "Clinton|PERSON|Hillary Clinton||rule",
      "Bill Clinton|PERSON|Bill Clinton|Former President|rule",
      "Clinton|PERSON|Bill Clinton||rule",
      "Clinton|PERSON|Hillary Clinton|Mrs.|rule",
    ],
  );
});

Deno.test("names: across the corpus a bare surname takes the one full name the corpus has", () => {
  const options = { model: people, places: FAKE_PLACES };
  const x = extractText("Donald Trump spoke on Monday.\n\nTrump left.", options);
  assert.deepEqual(x.entities.map((e) => e.entity), ["Donald Trump", "Donald Trump"]);
});

Deno.test("acronyms: 'the Federal Bureau of Investigation (FBI)' makes every FBI that bureau", () => {
  const text =
    "The Consumer Financial Protection Bureau (CFPB) fined the bank. The CFPB said more " +
    "fines would follow. The Federal Bureau of Investigation (FBI) declined to comment, but an FBI agent did.";
  assert.deepEqual(
    rows(text, { model: others, places: FAKE_PLACES, gazetteer: NO_GAZETTEER }).map((r) =>
      r.split("|").slice(0, 3).join("|")
    ),
    [
      "Consumer Financial Protection Bureau|ORG|Consumer Financial Protection Bureau",
      "CFPB|ORG|Consumer Financial Protection Bureau",
      "CFPB|ORG|Consumer Financial Protection Bureau",
      "Federal Bureau of Investigation|ORG|Federal Bureau of Investigation",
      "FBI|ORG|Federal Bureau of Investigation",
      "FBI|ORG|Federal Bureau of Investigation",
    ],
  );
  assert.equal(isAcronymOf("FBI", "Federal Bureau of Investigation"), true);
  assert.equal(isAcronymOf("NATO", "North Atlantic Treaty Organization"), true);
  assert.equal(isAcronymOf("FBI", "Federal Reserve Bank"), false);
});

Deno.test("organisations: a company's short form stays the company, never a person", () => {
  const text = "Newmont agreed to buy Santa Fe Pacific Gold Corp on Monday. Santa Fe shares rose " +
    "5 percent, and Santa Fe said the offer was fair.";
  const expected = [
    "Santa Fe Pacific Gold Corp|ORG|Santa Fe Pacific Gold Corp",
    "Santa Fe|ORG|Santa Fe Pacific Gold Corp",
  ];
  const short = (r: string) => r.split("|").slice(0, 3).join("|");
  // The model calls "Santa Fe" a person; the article's organisation wins.
  assert.deepEqual(rows(text, { model: others, places: FAKE_PLACES }).map(short), [
    ...expected,
    expected[1],
  ]);
  // Without a model the speech cue would have made "Santa Fe" a person.
  assert.deepEqual(rows(text).map(short), expected);
});

Deno.test("media: 'The New York Times reported' is a news organisation, never a person", () => {
  const text = "The New York Times reported on Sunday that talks had stalled. The Beige Book " +
    "survey said growth slowed.";
  const media = (options: ExtractOptions) =>
    extractText(text, { model: null, ...options }).entities.map((e) =>
      `${e.text}|${e.type}|${e.media}|${e.source}`
    );
  assert.deepEqual(media({}), ["The New York Times|ORG|true|gazetteer"]);
  // No list, no model: nothing rather than a wrong person.
  assert.deepEqual(media({ gazetteer: NO_GAZETTEER }), []);
  assert.deepEqual(media({ gazetteer: NO_GAZETTEER, model: others }), [
    "New York Times|ORG|true|model",
  ]);
});

Deno.test("places: the model's LOC is a GPE for a known country or state; McConnell is one person", () => {
  const text =
    "Poland said on Friday it would send troops to Afghanistan. Senate Majority Leader " +
    "Mitch McConnell said California would pay. McConnell disagreed.";
  assert.deepEqual(rows(text, { model: others, places: FAKE_PLACES }), [
    "Poland|GPE|Poland||model",
    "Afghanistan|GPE|Afghanistan||model",
    "Mitch McConnell|PERSON|Mitch McConnell|Senate Majority Leader|rule",
    "California|GPE|California||model",
    "McConnell|PERSON|Mitch McConnell||model",
  ]);
  // A place the lookups do not know stays LOC.
  assert.deepEqual(rows("Poland said so.", { model: others, places: NO_PLACES }), [
    "Poland|LOC|Poland||model",
  ]);
});

Deno.test("exact gazetteer matches win over the model; a user's entry wins over the general list", () => {
  const model = fakeRecogniser({ "Reuters": "PER" });
  assert.deepEqual(rows("Reuters reported the deal.", { model }), [
    "Reuters|ORG|Reuters||gazetteer",
  ]);
  assert.deepEqual(rows("Reuters reported the deal.", { model, gazetteer: NO_GAZETTEER }), [
    "Reuters|PERSON|Reuters||model",
  ]);
});

Deno.test("property: a person's canonical name never holds a middle initial or a double space", () => {
  const word = fc.constantFrom("Ann", "Bo", "Carl", "Diaz", "Eve");
  const initial = fc.constantFrom("J.", "K.", "Q.");
  fc.assert(
    fc.property(word, fc.array(initial, { maxLength: 3 }), word, (first, middles, last) => {
      const name = canonicalPerson([first, ...middles, last].join(" "));
      return name === `${first} ${last}`;
    }),
  );
});

Deno.test("--gazetteer and --model: a bad file is one line naming it, exit 2, nothing else", async () => {
  const dir = await tempDir();
  const cases: [string[], RegExp][] = [
    [["--gazetteer", `${dir}/missing.json`], /^error: --gazetteer .*missing\.json: no such file$/],
    [["--gazetteer", `${dir}/bad.json`], /bad\.json: not valid JSON \(/],
    [["--gazetteer", `${dir}/wrong.json`], /wrong\.json: entities\.0\.type: Invalid option/],
    [["--model", `${dir}/bad.bin.gz`], /bad\.bin\.gz: not a gzip file/],
  ];
  await Deno.writeTextFile(`${dir}/bad.json`, "{ not json");
  await Deno.writeTextFile(`${dir}/wrong.json`, '{"entities":[{"name":"X","type":"ALIEN"}]}');
  await Deno.writeTextFile(`${dir}/bad.bin.gz`, "not a model");
  for (const [flags, message] of cases) {
    const errors: string[] = [];
    const io = { log: () => {}, error: (l: string) => errors.push(l) };
    const code = await analyzeCommand(["--out", `${dir}/out`, "--quiet", ...flags], io);
    assert.equal(code, 2, flags.join(" "));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^error: /);
    assert.match(errors[0], message);
    assert.ok(!errors[0].includes("\n") && !errors[0].includes("    at "), errors[0]);
  }
});

Deno.test("rules: a country the recogniser types ORG, PER or NORP is a GPE; ORG is the state acting (metonymy)", () => {
  const model = fakeRecogniser({ Poland: "ORG", Afghanistan: "NORP", California: "PER" });
  const x = extractText("Poland condemns it. Afghanistan and California agreed.", {
    model,
    places: FAKE_PLACES,
    gazetteer: NO_GAZETTEER,
  });
  assert.deepEqual(x.entities.map((e) => `${e.text}|${e.type}|${e.metonymy}`), [
    "Poland|GPE|true",
    "Afghanistan|GPE|false",
    // A state is no country: the recogniser's reading stays.
    "California|PERSON|false",
  ]);
});

Deno.test("rules: a people read as a person is a NORP; stage directions are no names; al-Qaeda one ORG", () => {
  const model = fakeRecogniser({
    American: "PER",
    Rohingya: "PER",
    Laughter: "PER",
    "Al Qaida": "PER",
    Christian: "PER",
  });
  const x = extractText(
    "Every American knows it. (Laughter.) The Rohingya fled Al Qaida. Christian agreed.",
    { model },
  );
  assert.deepEqual(x.entities.map((e) => `${e.text}|${e.type}|${e.entity}`), [
    "American|NORP|American",
    "Rohingya|NORP|Rohingya",
    "Al Qaida|ORG|al-Qaeda",
    // A first name as well as a demonym: the recogniser's person stays.
    "Christian|PERSON|Christian",
  ]);
});

Deno.test("rules: a political group read as a one-word organisation is a NORP; the party's full name stays ORG", () => {
  const model = fakeRecogniser({
    Democratic: "ORG",
    Republican: "ORG",
    "Republican Party": "ORG",
    Senate: "ORG",
  });
  const x = extractText(
    "Democratic leaders met on Tuesday. The Republican Party said a Republican bill would pass the Senate.",
    { model, gazetteer: NO_GAZETTEER },
  );
  assert.deepEqual(x.entities.map((e) => `${e.text}|${e.type}`), [
    "Democratic|NORP",
    "Republican Party|ORG",
    "Republican|NORP",
    "Senate|ORG",
  ]);
});

Deno.test("rules: an outlet's last word alone takes the name word or acronym before it; a name cut after its initials keeps them", () => {
  const model = fakeRecogniser({ Weekly: "ORG", Tribune: "ORG", "George H. W.": "PER" });
  const x = extractText("LA Weekly reported it. The Tribune said. As [George H. W.] Bush said.", {
    model,
    gazetteer: NO_GAZETTEER,
  });
  assert.deepEqual(
    x.entities.map((e) => `${e.text}|${e.type}|${e.entity}|${e.media}`).slice(0, 3),
    [
      "LA Weekly|ORG|LA Weekly|true",
      "Tribune|ORG|Tribune|true",
      "George H. W.|PERSON|George H. W.|false",
    ],
  );
  assert.equal(canonicalPerson("George H. W."), "George H. W.");
  assert.equal(canonicalPerson("George H. W. Bush"), "George Bush");
});
