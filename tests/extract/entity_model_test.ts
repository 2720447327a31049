/**
 * The whole entity stage with the shipped recogniser on news text that is not the seeds' story,
 * each expectation checked by hand. If the model is retrained, a changed row here is a change
 * in what users get: check it, do not just copy it.
 */
import assert from "node:assert/strict";
import { NO_GAZETTEER } from "../../src/extract/gazetteer.ts";
import type { ExtractOptions } from "../../src/extract/extract.ts";
import { extractText } from "./helpers.ts";

/** "text|type|entity|role" of every mention, with the shipped model (the default). */
function rows(text: string, options: ExtractOptions = {}): string[] {
  return extractText(text, options).entities.map((e) =>
    `${e.text}|${e.type}|${e.entity}|${e.role ?? ""}`
  );
}

Deno.test("model stage: titles before names, places typed by the lexicons", () => {
  assert.deepEqual(
    rows(
      "Sen. Mark Warner of Virginia spoke first. Gov. Jay Nixon disagreed, and Lt. Gov. Dan " +
        "Patrick left. Then coach Bill Belichick arrived with Dr. Smith. General Motors said sales rose.",
    ),
    [
      "Mark Warner|PERSON|Mark Warner|Sen.",
      "Virginia|GPE|Virginia|",
      "Jay Nixon|PERSON|Jay Nixon|Gov.",
      "Dan Patrick|PERSON|Dan Patrick|Lt. Gov.",
      "Bill Belichick|PERSON|Bill Belichick|coach",
      "Smith|PERSON|Smith|Dr.",
      "General Motors|ORG|General Motors|",
    ],
  );
});

Deno.test("model stage: one Donald Trump; the two Clintons apart, 'Mrs. Clinton' the woman", () => {
  assert.deepEqual(
    rows(
      "Donald J. Trump spoke on Monday. Mr. Trump said the vote was close.\n\n" +
        "Later, Trump said it again, and Donald Trump left.",
    ).map((r) => r.split("|")[2]),
    ["Donald Trump", "Donald Trump", "Donald Trump", "Donald Trump"],
  );
  // Hillary and Bill are both in the female and the male first-name lists: the pronouns after
  // each one's mentions ("she would win", "his wife") tell who "Mrs." is.
  assert.deepEqual(
    rows(
      "Democratic nominee Hillary Clinton campaigned in Ohio on Monday. Clinton said she would " +
        "win. Former President Bill Clinton spoke later. Clinton praised his wife. Mrs. Clinton thanked him.",
    ),
    [
      "Hillary Clinton|PERSON|Hillary Clinton|Democratic nominee",
      "Ohio|GPE|Ohio|",
      "Clinton|PERSON|Hillary Clinton|",
      "Bill Clinton|PERSON|Bill Clinton|Former President",
      "Clinton|PERSON|Bill Clinton|",
      "Clinton|PERSON|Hillary Clinton|Mrs.",
    ],
  );
});

Deno.test("model stage: acronyms, a company's short form, a newspaper that reported", () => {
  assert.deepEqual(
    rows(
      "The Consumer Financial Protection Bureau (CFPB) fined the bank on Tuesday. The CFPB said " +
        "more fines would follow.",
    ).map((r) => r.split("|").slice(0, 3).join("|")),
    [
      "Consumer Financial Protection Bureau|ORG|Consumer Financial Protection Bureau",
      "CFPB|ORG|Consumer Financial Protection Bureau",
      "CFPB|ORG|Consumer Financial Protection Bureau",
    ],
  );
  // The model calls "Santa Fe" a place (it is a city); here it is the company.
  assert.deepEqual(
    rows(
      "Newmont Mining Corp agreed to buy Santa Fe Pacific Gold Corp on Monday. Santa Fe shares " +
        "rose 5 percent, and Santa Fe said the offer was fair.",
    ).map((r) => r.split("|").slice(0, 3).join("|")),
    [
      "Newmont Mining Corp|ORG|Newmont Mining Corp",
      "Santa Fe Pacific Gold Corp|ORG|Santa Fe Pacific Gold Corp",
      "Santa Fe|ORG|Santa Fe Pacific Gold Corp",
      "Santa Fe|ORG|Santa Fe Pacific Gold Corp",
    ],
  );
  const nyt = "The New York Times reported on Sunday that talks had stalled.";
  const media = (options: ExtractOptions) =>
    extractText(nyt, options).entities.map((e) => `${e.text}|${e.type}|${e.media}|${e.source}`);
  assert.deepEqual(media({}), ["The New York Times|ORG|true|gazetteer"]);
  assert.deepEqual(media({ gazetteer: NO_GAZETTEER }), ["New York Times|ORG|true|model"]);
});

Deno.test("model stage: 'Poland said', Afghanistan, California, and every McConnell", () => {
  assert.deepEqual(
    rows(
      "Poland said on Friday it would send troops to Afghanistan. Senate Majority Leader Mitch " +
        "McConnell said California would pay. McConnell disagreed.",
      { gazetteer: NO_GAZETTEER },
    ),
    [
      "Poland|GPE|Poland|",
      "Afghanistan|GPE|Afghanistan|",
      "Senate|ORG|Senate|",
      "Mitch McConnell|PERSON|Mitch McConnell|Senate Majority Leader",
      "California|GPE|California|",
      "McConnell|PERSON|Mitch McConnell|",
    ],
  );
});

Deno.test("model stage: a country's short form is that country (U.S., Britain)", () => {
  const found = rows(
    "The U.S. and Britain signed the deal on Tuesday. Officials welcomed it, and the " +
      "United States said more would follow.",
  ).filter((r) => r.split("|")[1] === "GPE");
  assert.deepEqual(found, [
    "U.S.|GPE|United States|",
    "Britain|GPE|United Kingdom|",
    "United States|GPE|United States|",
  ]);
});

Deno.test("model stage: English and former country names are countries; a country read as an organisation acts as its state", () => {
  const x = extractText(
    "Turkey and Qatar will attend. The UK stands by Iraq. The United States strongly condemns " +
      "the attack. Cape Verde, Swaziland and Burma sent delegates. We ate turkey.",
    { gazetteer: NO_GAZETTEER },
  );
  assert.deepEqual(x.entities.map((e) => `${e.text}|${e.type}|${e.entity}|${e.metonymy}`), [
    "Turkey|GPE|Türkiye|false",
    "Qatar|GPE|Qatar|false",
    "UK|GPE|United Kingdom|true",
    "Iraq|GPE|Iraq|false",
    "United States|GPE|United States|true",
    "Cape Verde|GPE|Cabo Verde|false",
    "Swaziland|GPE|Eswatini|false",
    "Burma|GPE|Myanmar|false",
  ]);
});

Deno.test("model stage: a title word after a first name is the surname; titles inside a span go to the role", () => {
  assert.deepEqual(
    rows(
      "Foreign Minister Julie Bishop met him on Monday. NASA Administrator Charles Bolden spoke. " +
        "Saudi King Salman arrived. Muhammed Sheikh Khalil left. The Los Angeles Sheriff's office said so. It told the Sheriff's detective.",
      { gazetteer: NO_GAZETTEER },
    ),
    [
      "Julie Bishop|PERSON|Julie Bishop|Foreign Minister",
      "Charles Bolden|PERSON|Charles Bolden|NASA Administrator",
      "Salman|PERSON|Salman|King",
      // A name before the title: the whole span is the name.
      "Muhammed Sheikh Khalil|PERSON|Muhammed Sheikh Khalil|",
      // A title alone after a place is an office.
      "Los Angeles|GPE|Los Angeles|",
    ],
  );
});

Deno.test("model stage: title words before a title go with it ('Emeritus Professor', 'Vice President')", () => {
  assert.deepEqual(
    rows(
      "Emeritus Professor John Burrows, chairman of the panel, said the flag was never open to " +
        "choice. Vice President Kamala Harris spoke later.",
    ),
    [
      "John Burrows|PERSON|John Burrows|Emeritus Professor",
      "Kamala Harris|PERSON|Kamala Harris|Vice President",
    ],
  );
});

Deno.test("model stage: a descriptor before a name goes to the role ('Scientologist Tom Cruise')", () => {
  assert.deepEqual(
    rows(
      "Scientologist Tom Cruise arrived in London on Monday. Tom Cruise said the film was done.",
    ),
    [
      "Tom Cruise|PERSON|Tom Cruise|Scientologist",
      "London|GPE|London|",
      "Tom Cruise|PERSON|Tom Cruise|",
    ],
  );
  // Not a descriptor by its ending, but the rest is the article's "Tom Jones"; alone, "-ist" tells.
  assert.deepEqual(
    rows("Veteran Tom Jones sang on Friday. Tom Jones said it was fun."),
    ["Tom Jones|PERSON|Tom Jones|Veteran", "Tom Jones|PERSON|Tom Jones|"],
  );
  assert.deepEqual(
    rows("Scientologist Tom Cruise arrived on Monday. He said the film was done."),
    ["Tom Cruise|PERSON|Tom Cruise|Scientologist"],
  );
  // A first name before another full name is a different person.
  assert.deepEqual(
    rows("Mary Ann Smith spoke on Monday. Ann Smith, her sister, disagreed."),
    ["Mary Ann Smith|PERSON|Mary Ann Smith|", "Ann Smith|PERSON|Ann Smith|"],
  );
});

Deno.test("model stage: 'Minister for Africa Jane Smith' is Jane Smith, the Minister for Africa", () => {
  assert.deepEqual(
    rows("Minister for Africa Jane Smith visited Kenya on Tuesday. Smith said aid would rise."),
    [
      "Jane Smith|PERSON|Jane Smith|Minister for Africa",
      "Kenya|GPE|Kenya|",
      "Smith|PERSON|Jane Smith|",
    ],
  );
  assert.deepEqual(
    rows("Secretary of State for Health Jane Smith said on Monday the plan would work."),
    ["Jane Smith|PERSON|Jane Smith|Secretary of State for Health"],
  );
  // Lists and rules only: the last two name words after the portfolio.
  assert.deepEqual(
    rows("Minister for Africa Jane Smith visited Kenya on Tuesday.", { model: null }),
    ["Jane Smith|PERSON|Jane Smith|Minister for Africa"],
  );
  // A place goes whole; a portfolio the model left out of the span is still the role.
  assert.deepEqual(
    rows(
      "President of Sierra Leone Julius Maada Bio spoke on Monday. Director of Communications " +
        "Sean Spicer said the plan would work.",
    ),
    [
      "Julius Maada Bio|PERSON|Julius Maada Bio|President of Sierra Leone",
      "Sean Spicer|PERSON|Sean Spicer|Director of Communications",
    ],
  );
});

Deno.test("model stage: a person called by the first name is the one full name it opens", () => {
  const entities = (text: string) => rows(text).map((r) => r.split("|").slice(1, 3).join("|"));
  assert.deepEqual(
    entities(
      "Daniel Montalvo left the group in 2010. Daniel was picked up by an investigator on Monday.",
    ),
    ["PERSON|Daniel Montalvo", "PERSON|Daniel Montalvo"],
  );
  // Two Daniels: the first name alone is neither.
  assert.deepEqual(
    entities(
      "Daniel Montalvo met Daniel Craig in 2010. Daniel was picked up by an investigator on Monday.",
    ),
    ["PERSON|Daniel Montalvo", "PERSON|Daniel Craig", "PERSON|Daniel"],
  );
});
