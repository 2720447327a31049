/**
 * US news style, on paragraphs written for these tests (no gold item, no seed): exact speakers,
 * kinds and reported clauses, checked by hand. Short quotes that are a clause of their own,
 * titles closed by a comma, affiliations after a name, "the group said", findings "by" an
 * organisation, and speech that did not happen.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractText } from "./helpers.ts";

const quotes = (text: string) =>
  extractText(text).quotes.map((q) => [q.kind, q.speaker, q.sieve, q.text].join("|"));
const attributions = (text: string) =>
  extractText(text).attributions.map((a) => [a.speaker, a.cue, a.text].join("|"));

const DRUG_PRICES = [
  "WASHINGTON — Senate Democrats on Tuesday renewed their push to lower prescription drug prices.",
  'Senate Majority Leader Chuck Schumer said the bill would come to the floor next week. "Americans are tired of paying the highest prices in the world," Schumer said at a news conference. "We are going to fix that."',
  'Republicans were quick to respond. Sen. John Barrasso of Wyoming, the chamber\'s No. 3 Republican, called the proposal "socialized medicine" and said it would stifle innovation.',
  'The industry\'s main lobbying group, the Pharmaceutical Research and Manufacturers of America, said in a statement that the plan would lead to fewer cures. "Patients will pay the price," the group said.',
  "Sen. Kyrsten Sinema, an Arizona Democrat, has not said whether she supports the bill.",
  'Leslie Fried said her organization had heard from thousands of older Americans. "They are desperate," she said. "They cannot wait another year.',
  '"Every month we wait, more people skip doses."',
].join("\n\n");

Deno.test("US news: a whole article — every quote and statement with its speaker", () => {
  const x = extractText(DRUG_PRICES);
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.sieve].join("|")), [
    "direct|Chuck Schumer|cue",
    "direct|Chuck Schumer|continuation",
    // "called the proposal “...”": the senator's words, not a scare quote.
    "partial|John Barrasso|cue",
    // "the group said" after the group spoke in a statement.
    "direct|Pharmaceutical Research and Manufacturers of America|description",
    "direct|Leslie Fried|pronoun",
    "direct|Leslie Fried|continuation",
    // The quote left open at its paragraph's end goes on in the next one.
    "direct|Leslie Fried|continuation",
  ]);
  assert.deepEqual(x.attributions.map((a) => [a.speaker, a.cue, a.text].join("|")), [
    "Chuck Schumer|said|the bill would come to the floor next week",
    'John Barrasso|called|the proposal "socialized medicine"',
    "John Barrasso|said|it would stifle innovation",
    "Pharmaceutical Research and Manufacturers of America|said|the plan would lead to fewer cures",
    // "has not said whether ...": no statement.
    "Leslie Fried|said|her organization had heard from thousands of older Americans",
  ]);
});

Deno.test("US news: a show's title closed by a comma ends the chunk; the speaker is the senator", () => {
  assert.deepEqual(
    quotes(
      'Kaine, speaking on CNN\'s "State of the Union," said the administration "has no plan."',
    ),
    ["title|||State of the Union", "partial|Kaine|cue|has no plan."],
  );
});

Deno.test("US news: short quotes that are a clause of their own are direct; a lone surname has no gender", () => {
  assert.deepEqual(
    quotes(
      'Jennifer Walsh said she heard at least five shots. "I grabbed my kids and got on the floor," ' +
        'Walsh said. "It was terrifying."',
    ),
    [
      "direct|Jennifer Walsh|cue|I grabbed my kids and got on the floor",
      "direct|Jennifer Walsh|continuation|It was terrifying.",
    ],
  );
  // "Warren" is a first name in the lists, but alone it is a surname: "she" may be Warren, and
  // a tag whose pronoun fits nobody is never the last speaker's.
  assert.deepEqual(
    quotes(
      '"Half measures will not work," Sanders said. Warren agreed. "He is right," she told reporters.',
    ),
    [
      "direct|Sanders|cue|Half measures will not work",
      "direct|Warren|pronoun|He is right",
    ],
  );
  assert.deepEqual(
    quotes('Mary Ortiz left early. "We lost," he said.'),
    ["direct|||We lost"],
  );
  assert.deepEqual(quotes('Obama told the crowd, "Don\'t boo. Vote."'), [
    "direct|Obama|cue|Don't boo. Vote.",
  ]);
  assert.deepEqual(attributions('Obama told the crowd, "Don\'t boo. Vote."'), []);
});

Deno.test("US news: a person's affiliation after 'of' is no speaker; a finding speaks for its maker", () => {
  assert.deepEqual(
    attributions(
      "Dr. Paul Offit of the Children's Hospital of Philadelphia said it was too early to tell.",
    ),
    ["Paul Offit|said|it was too early to tell"],
  );
  assert.deepEqual(
    attributions(
      "A study by the Pew Research Center found that 62 percent of adults get news from social media.",
    ),
    ["Pew Research Center|found|62 percent of adults get news from social media"],
  );
  assert.deepEqual(
    attributions(
      "A lawsuit filed by the American Civil Liberties Union alleges that the policy is unconstitutional.",
    ),
    ["American Civil Liberties Union|alleges|the policy is unconstitutional"],
  );
  // "the senator from Ohio": the senator speaks, unnamed.
  assert.deepEqual(attributions("The senator from Ohio said the vote would be close."), [
    "|said|the vote would be close",
  ]);
});

Deno.test("US news: speech that did not happen reports nothing", () => {
  for (
    const text of [
      "White House press secretary Jen Psaki declined to say whether the president would sign the bill.",
      "Neither the FBI nor the Secret Service responded to requests for comment.",
      "The company did not immediately respond to a request for comment.",
      "Sen. Kyrsten Sinema has not said whether she supports the bill.",
    ]
  ) assert.deepEqual(attributions(text), [], text);
});

Deno.test("US news: a period inside closing marks ends the sentence; the next one reports on its own", () => {
  assert.deepEqual(
    attributions(
      'Campaign spokesman Brian Fallon said the rival was "unfit to serve." Fallon added that ' +
        "the campaign would release a new ad.",
    ),
    [
      'Brian Fallon|said|the rival was "unfit to serve."',
      "Brian Fallon|added|the campaign would release a new ad",
    ],
  );
});

const NAME = fc.constantFrom("Ana Ruiz", "Tom Baker", "Lena Park", "Omar Haddad");
const PLACE = fc.constantFrom(
  "Wyoming",
  "the University of Iowa",
  "Acme Corp.",
  "the Brookings Institution",
);
const CLAUSE = fc.constantFrom("the plan would fail", "prices were rising", "the vote was close");

Deno.test("US news: 'Dr. NAME of AFFILIATION said CLAUSE' is NAME's, the clause exactly (property)", () => {
  fc.assert(
    fc.property(NAME, PLACE, CLAUSE, (name, place, clause) => {
      const a = extractText(`Dr. ${name} of ${place} said ${clause}.`).attributions;
      assert.equal(a.length, 1);
      assert.equal(a[0].speaker, name);
      assert.equal(a[0].text, clause);
    }),
    { numRuns: 30 },
  );
});

Deno.test("US news: 'according to Sen. NAME' reads past the title's dot; a noun or a passive is no cue", () => {
  assert.deepEqual(
    quotes('The plan is "dead on arrival," according to Sen. Lisa Murkowski.'),
    ["partial|Lisa Murkowski|according|dead on arrival"],
  );
  // "claims by Jones": a noun, so Smith is not the speaker of the quote.
  assert.deepEqual(
    quotes('Smith rejected claims by Jones that the deal was "a total failure."'),
    ["scare|||a total failure."],
  );
  assert.deepEqual(
    attributions(
      'The memo, first reported by The New York Times, warned that the agency was "woefully unprepared."',
    ),
    [],
  );
});

Deno.test("US news: two senators with party labels are no single speaker; an unnamed subject is not its statement", () => {
  const joint = extractText(
    "Sen. Ann Lee (D-Mass.) and Sen. Tom Bell (I-Vt.) said the merger must be blocked.",
  ).attributions;
  assert.deepEqual(joint.map((a) => [a.speaker, a.reason].join("|")), [
    '|"Sen. Ann Lee (D-Mass.) and Sen. Tom Bell": two speakers',
  ]);
  assert.deepEqual(
    quotes(
      '"Our hearts are broken," the family said in a statement released by their attorney, Lee Merritt.',
    ),
    ["direct|||Our hearts are broken"],
  );
});

Deno.test("US news: tags after the quote — a possessive in the description, an exclamation before its tag", () => {
  assert.deepEqual(
    quotes('"We are seeing strong demand," said the company\'s chief executive, Mary Barra.'),
    ["direct|Mary Barra|cue|We are seeing strong demand"],
  );
  assert.deepEqual(quotes('"Thank you, Ohio!" Trump shouted to the crowd.'), [
    "direct|Trump|cue|Thank you, Ohio!",
  ]);
  assert.deepEqual(attributions('"Thank you, Ohio!" Trump shouted to the crowd.'), []);
  assert.deepEqual(
    quotes(
      '"Our hearts are broken," said Ellen Burke, whose son was arrested in the raid. "He is a good kid."',
    ),
    [
      "direct|Ellen Burke|cue|Our hearts are broken",
      "direct|Ellen Burke|continuation|He is a good kid.",
    ],
  );
});

Deno.test("US news: a first name alone is the one person of the article it starts; a caption does not break a quote", () => {
  assert.deepEqual(
    quotes(
      "Tanya Reed, 31, works nights. Her neighbor, Carl Ames, drives her to work.\n\n" +
        'Tanya has lost weight. "I sleep four hours a night," Tanya said.',
    ),
    ["direct|Tanya Reed|cue|I sleep four hours a night"],
  );
  assert.deepEqual(
    quotes(
      'Mayor Jane Ortiz said, "The new park will open in May. It will serve every family.\n\n' +
        "The park's new playground. Photo: City of Springfield.\n\n" +
        '"We owe this to the children of this city."',
    ),
    [
      "direct|Jane Ortiz|cue|The new park will open in May. It will serve every family.",
      "direct|Jane Ortiz|continuation|We owe this to the children of this city.",
    ],
  );
});

Deno.test("US news: a group tied to a name speaks unnamed ('Supporters of X said', 'Democrats, including Sen. X, said')", () => {
  for (
    const text of [
      "Supporters of Trump said the verdict was rigged.",
      "Allies of Gov. Ron DeSantis said he would run.",
      "People close to Nancy Pelosi said she would not run again.",
      "An attorney representing Smith said his client would plead not guilty.",
      "The family of George Floyd said the verdict was a step toward justice.",
      "Democrats, including Sen. Chris Murphy, said the bill did not go far enough.",
    ]
  ) {
    const a = extractText(text).attributions;
    assert.equal(a.length, 1, text);
    assert.equal(a[0].speaker, null, text);
  }
  // A title before "of" is no group: the governor speaks.
  // (The entity stage keeps the place in this name: "Washington Chris Gregoire".)
  const governor = extractText(
    "Governor of Washington Chris Gregoire said the museum deserved a shuttle.",
  ).attributions;
  assert.equal(governor.length, 1);
  assert.match(governor[0].speaker ?? "", /Chris Gregoire$/);
  assert.deepEqual(
    attributions("Under pressure from Democrats, Manchin said he would support the bill."),
    ["Manchin|said|he would support the bill"],
  );
  assert.deepEqual(quotes('"He kept to himself," said one neighbor, Ann Lee.'), [
    "direct|Ann Lee|cue|He kept to himself",
  ]);
});

Deno.test("US news: a lawmaker's party and state after the name is no speaker; 'he has called' is the pronoun's", () => {
  assert.deepEqual(
    quotes(
      'Senate Majority Leader Chuck Schumer, D-N.Y., said the bill showed "bipartisanship is not dead."',
    ),
    ["partial|Chuck Schumer|cue|bipartisanship is not dead."],
  );
  assert.deepEqual(
    quotes(
      'House Speaker Mike Johnson, R-La., said the chamber would review it, but he has called similar plans "dead on arrival."',
    ),
    ["partial|Mike Johnson|pronoun|dead on arrival."],
  );
  assert.deepEqual(
    attributions("According to Sen. Jane Roe, R-Ohio, the vote will be held on Friday."),
    ["Jane Roe|according to|the vote will be held on Friday"],
  );
});

Deno.test("US news: staff of a named organisation speak for it; a hyphenated initial opens the name", () => {
  assert.deepEqual(
    quotes(
      'Analysts at JPMorgan Chase said in a note that the results "set a high bar" for rivals.',
    ),
    ["partial|JPMorgan Chase|cue|set a high bar"],
  );
  assert.deepEqual(
    extractText('Researchers from Stanford University found that the drug "works in mice."').quotes
      .map((q) => [q.speaker, q.role]),
    [["Stanford University", "Researchers"]],
  );
  // A place, or an organisation the sentence does not name, is nobody.
  for (
    const text of [
      'Officials in Ohio said the bridge was "unsafe."',
      'Analysts at the bank said the results were "strong."',
    ]
  ) assert.deepEqual(extractText(text).quotes.map((q) => q.speaker), [null], text);
  assert.deepEqual(
    quotes(
      '"Reverse causation is the elephant in the room," said I-Min Lee, a professor at Harvard.',
    ),
    ["direct|I-Min Lee|cue|Reverse causation is the elephant in the room"],
  );
});

Deno.test("US news: a participle after a clause with a subject of its own has no sure speaker", () => {
  assert.deepEqual(
    extractText(
      'Gregory Hallman, 52, sobbed as federal Judge Lorna Schofield handed down an eight-year sentence on Wednesday, calling his crimes "breathtaking."',
    ).quotes.map((q) => [q.speaker, q.reason]),
    [[null, '"calling": a clause with a subject of its own stands before it']],
  );
  // Without the second subject, the participle shares the sentence's subject.
  assert.deepEqual(
    quotes('Gregory Hallman sobbed as the sentence was read, calling it "unfair."'),
    ["partial|Gregory Hallman|cue|unfair."],
  );
});

Deno.test("sport news: roles before a name and an age or a participle between commas", () => {
  const rolesOf = (text: string) =>
    extractText(text).quotes.map((q) => [q.speaker, q.role, q.kind].join("|"));
  assert.deepEqual(
    rolesOf(
      "Former champion Andy Murray, commentating for the BBC, called it 'one of the great modern finals'.",
    ),
    ["Andy Murray|Former champion|partial"],
  );
  assert.deepEqual(rolesOf('Arsenal striker Bukayo Saka, 23, said the team "never gave up."'), [
    "Bukayo Saka|Arsenal striker|partial",
  ]);
  // Other people's words about a name are not the name's.
  assert.deepEqual(rolesOf('Fans of Andy Murray, waiting outside, called it "a disgrace".'), [
    "||partial",
  ]);
});
