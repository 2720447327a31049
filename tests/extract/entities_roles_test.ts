/**
 * Whole roles before a name, in entities and in the quotes' speakers: each sentence is from (or
 * written like) the non-seed news of the fresh-eyes check, where the role was cut short
 * ("Attorney", "Defense chief", "Officer", "author Dr.") or a word of an organisation's name
 * was taken for one ("Islamic").
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractText } from "./helpers.ts";

/** "entity|role" of every person mention. */
function people(text: string): string[] {
  return extractText(text).entities.filter((e) => e.type === "PERSON").map((e) =>
    `${e.entity}|${e.role ?? ""}`
  );
}

/** "speaker|role" of every quote, then of every attribution. */
function speakers(text: string): string[] {
  const r = extractText(text);
  return [...r.quotes, ...r.attributions].map((q) => `${q.speaker ?? ""}|${q.role ?? ""}`);
}

Deno.test("roles: title words, an owner's abbreviation and a chief's words before the title are the role", () => {
  const text =
    '"The defendant\'s crimes were not a lapse in judgment," Assistant U.S. Attorney Rebecca Dell wrote in a sentencing memo.\n\n' +
    '"This is one of the worst floods we have seen," Civil Defense chief Ariel Nepomuceno told reporters.\n\n' +
    "Chief Financial Officer Dan Janki told analysts that the airline had repaid debt.\n\n" +
    '"It\'s not that 10,000 steps is bad," said lead author Dr. Melody Ding.';
  assert.deepEqual(people(text), [
    "Rebecca Dell|Assistant U.S. Attorney",
    "Ariel Nepomuceno|Civil Defense chief",
    "Dan Janki|Chief Financial Officer",
    "Melody Ding|lead author Dr.",
  ]);
  assert.deepEqual(speakers(text), [
    "Rebecca Dell|Assistant U.S. Attorney",
    "Ariel Nepomuceno|Civil Defense chief",
    "Melody Ding|lead author Dr.",
    "Dan Janki|Chief Financial Officer",
  ]);
});

Deno.test("roles: a title before 'of' and its portfolio or organisation; no role from an organisation's word", () => {
  const text =
    'Minister of Education Stefania Giannini said a "more general reflection" is needed.\n\n' +
    'After the leak, CEO of the Refugee Council Enver Solomon said it "must be well thought out".\n\n' +
    "Executive director of the Dallas chapter of the Council on American - Islamic Relations " +
    "Alia Salem said Mohamed wishes to use his fame.";
  assert.deepEqual(speakers(text), [
    "Stefania Giannini|Minister of Education",
    "Enver Solomon|CEO of the Refugee Council",
    "Stefania Giannini|Minister of Education",
    "Enver Solomon|CEO of the Refugee Council",
    // Was "Islamic": a word of the council's name, no role.
    "Alia Salem|",
  ]);
  // "-ment" is no role noun: the council's "Management" was its speaker's role.
  assert.deepEqual(
    speakers(
      "The National Disaster Risk Reduction and Management Council (NDRRMC) said nearly 1.3 million people were displaced.",
    ),
    ["National Disaster Risk Reduction and Management Council|"],
  );
});

Deno.test("roles: an owner and a rank before a lower-case role; an adverb or a day opening the sentence is none", () => {
  assert.deepEqual(
    people("Former Arsenal defender Martin Keown said the defence was poor."),
    ["Martin Keown|Former Arsenal defender"],
  );
  assert.deepEqual(people("Meanwhile coach Bill Belichick said nothing."), [
    "Bill Belichick|coach",
  ]);
  assert.deepEqual(people("On Friday coach Bill Belichick said nothing."), [
    "Bill Belichick|coach",
  ]);
});

Deno.test("roles (property): rank, owner and title written before a name come back whole as its role", () => {
  const rank = fc.constantFrom("", "Former ", "Assistant ", "Deputy ");
  const owner = fc.constantFrom("", "U.S. ", "NASA ", "EU ");
  const title = fc.constantFrom("Attorney", "Administrator", "Director", "Commissioner");
  fc.assert(
    fc.property(rank, owner, title, (r, o, t) => {
      const role = `${r}${o}${t}`;
      const rows = people(`${role} Jane Whitfield said the plan had failed.`);
      assert.deepEqual(rows, [`Jane Whitfield|${role}`]);
    }),
    { numRuns: 40 },
  );
});

Deno.test("names: a noun for what someone does before a known first name heads a full name", () => {
  // Wikinews (fresh/wikinews): the model found neither name, so "Boswell" stood alone.
  const text =
    "It quoted critics like immigration barrister Colin Yeo, and Joint Council for the Welfare " +
    'of Immigrants campaigner Caitlin Boswell, with Boswell stating: "People need this."';
  const r = extractText(text);
  assert.deepEqual(
    r.entities.filter((e) => e.type === "PERSON").map((e) => `${e.text}|${e.entity}`),
    ["Colin Yeo|Colin Yeo", "Caitlin Boswell|Caitlin Boswell", "Boswell|Caitlin Boswell"],
  );
  assert.deepEqual(r.quotes.map((q) => q.speaker), ["Caitlin Boswell"]);
  // A comparative is no such noun, nor is a name ending in a feature of the land.
  assert.deepEqual(
    people("Cove Lake is an extension of the much larger Norris Reservoir, west of town."),
    [],
  );
});

Deno.test("roles: a noun for what someone does right before the name is the role", () => {
  assert.deepEqual(
    speakers("It exhibited its collection in 2010, according to curator Elaine Gustafon."),
    ["Elaine Gustafon|curator"],
  );
  assert.deepEqual(people("Her daughter Anna Kowalski said no. The other Mary Jones spoke."), [
    "Anna Kowalski|daughter",
    "Mary Jones|",
  ]);
});

Deno.test("roles: a title in capitals is no owner; past 'of' or 'and' only title words go on", () => {
  assert.deepEqual(people("CEO Ed Bastian told CNBC that bookings rose."), ["Ed Bastian|CEO"]);
  assert.deepEqual(
    people("The show included Polaroids of author Truman Capote and singer Carly Simon."),
    ["Truman Capote|author", "Carly Simon|singer"],
  );
  assert.deepEqual(people("Secretary of State Marco Rubio spoke."), [
    "Marco Rubio|Secretary of State",
  ]);
});
