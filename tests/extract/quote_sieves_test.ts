/**
 * The speaker sieves added for issue 13, each on a short text written for the test (no gold
 * item, no seed): exact speakers, roles, sieves and reasons, checked by hand.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { extractText } from "./helpers.ts";

const quotes = (text: string) =>
  extractText(text).quotes.map((q) =>
    [q.kind, q.speaker, q.role, q.sieve, q.cue, q.reason, q.text].join("|")
  );
const attributions = (text: string) =>
  extractText(text).attributions.map((a) =>
    [a.cueText, a.speaker, a.sieve, a.via, a.viaEntity, a.reason, a.text].join("|")
  );

Deno.test("quote sieves: role words and an organisation before the name, an adverbial chunk, a hyphenated particle", () => {
  assert.deepEqual(
    quotes(
      "Civil Defense Authority director General Samir al-Hadi, in remarks to a local radio " +
        'station, said "All the injured have been taken to hospital now."',
    ),
    [
      "direct|Samir al-Hadi|Civil Defense Authority director General|cue|said||All the injured have been taken to hospital now.",
    ],
  );
});

Deno.test("quote sieves: letters after a name are no chunk of their own; 'in the words of' names a source", () => {
  assert.deepEqual(
    attributions(
      "Speaking for the defence, Tom Molomby, SC, said that the parents had acted in good faith.",
    ),
    ["Tom Molomby, SC, said|Tom Molomby|cue||||the parents had acted in good faith"],
  );
  assert.deepEqual(
    quotes(
      'In the words of the chief prosecutor, Mark Tedesco, QC, "the child suffered for months before anyone acted."',
    ),
    [
      "partial|Mark Tedesco||according|in the words of||the child suffered for months before anyone acted.",
    ],
  );
});

Deno.test("quote sieves: 'according to the coach, NAME' grows the name the entity stage missed", () => {
  assert.deepEqual(
    attributions(
      "According to the team's coach, Alireza Mehrabi, the robot won its first match easily.",
    ),
    [
      "According to the team's coach, Alireza Mehrabi|Alireza Mehrabi|according|||" +
      "|the robot won its first match easily",
    ],
  );
});

Deno.test("quote sieves: 'quoting X' relays X through the agency; a passive speech verb is no cue", () => {
  assert.deepEqual(
    attributions(
      "According to Yonhap news agency, quoting the state news agency KCNA, the army has been " +
        "told to prepare for war.",
    ),
    [
      "According to Yonhap news agency, quoting the state news agency KCNA|KCNA|relay|" +
      "According to Yonhap news agency|Yonhap||the army has been told to prepare for war",
    ],
  );
});

Deno.test("quote sieves: a pull quote signed after a dash; a statement issued before a cue-less quote", () => {
  assert.deepEqual(
    quotes(
      "The site went down on Friday after a week of attacks.\n\n" +
        '"So far the score is one to nothing. But it is a long game." - Matthew Ingle\n\n' +
        "The site was back on Saturday.",
    ),
    ["direct|Matthew Ingle||cue|—||So far the score is one to nothing. But it is a long game."],
  );
  const issued = extractText(
    "Senator Jane Cornell, Republican from Texas, issued a statement on the decision. " +
      '"Like many Texans, I am disappointed with this decision."',
  );
  assert.deepEqual(
    issued.quotes.map((q) => `${q.speaker}|${q.role}|${q.sieve}`),
    ["Jane Cornell|Republican from Texas|previous"],
  );
  // The statement sentence itself reports nothing.
  assert.deepEqual(issued.attributions, []);
});

Deno.test("quote sieves: '\"...,\" read X's Y' is Y's; 'the mayor' is the one mayor named; 'said the nurse, NAME'", () => {
  assert.deepEqual(
    quotes('"Pair prank their way into a golf tournament," read Brisbane\'s Nine News.'),
    [
      "direct|Nine News|Brisbane's|cue|read||Pair prank their way into a golf tournament",
    ],
  );
  assert.deepEqual(
    quotes('Mayor Jane Doe opened the meeting. "We did it together," the mayor told reporters.'),
    ["direct|Jane Doe|Mayor|description|told||We did it together"],
  );
  // Two mayors named before: nobody is sure.
  assert.deepEqual(
    quotes(
      'Mayor Jane Doe met Mayor Tom Bell. "We did it together," the mayor told reporters.',
    ).map((l) => l.split("|").slice(0, 4).join("|")),
    ["direct|||"],
  );
  assert.deepEqual(quotes('"We are seeing more cases every week," said the nurse, Kwame Mensah.'), [
    "direct|Kwame Mensah|the nurse|cue|said||We are seeing more cases every week",
  ]);
});

Deno.test("quote sieves: an owner, an employer, a place or two people before the verb are no single speaker", () => {
  assert.deepEqual(
    attributions(
      "Senator Mary Hall spoke on Monday. Mary Hall's lawyer said the case was weak. " +
        "A spokesman for Mary Hall said the senator would not attend. " +
        "Jim Smith and Mary Hall said the deal was good for the city. " +
        "U.S. officials said the talks would resume in May.",
    ),
    [
      "Mary Hall's lawyer said|||||\"Mary Hall's lawyer\": no name|the case was weak",
      'A spokesman for Mary Hall said|||||"A spokesman for Mary Hall": no name|the senator would not attend',
      'Jim Smith and Mary Hall said|||||"Jim Smith and Mary Hall": two speakers|the deal was good for the city',
      'U.S. officials said|||||"U.S. officials": no name|the talks would resume in May',
    ],
  );
  assert.deepEqual(
    quotes('"No comment on that at all," said a White House official.').map((l) => l.split("|")[1]),
    [""],
  );
});

Deno.test("attributions: a second statement after ', adding that' / ', saying' is its own, same speaker", () => {
  const t = extractText(
    "Jim Smith said the plan was weak, adding that it would hurt working families. " +
      "Mary Hall criticized the decision, saying it would raise rents.",
  );
  assert.deepEqual(
    t.attributions.map((a) => `${a.cueText}|${a.cue}|${a.speaker}|${a.text}`),
    [
      "Jim Smith said|said|Jim Smith|the plan was weak",
      "adding that|adding|Jim Smith|it would hurt working families",
      "Mary Hall criticized|criticized|Mary Hall|the decision",
      "saying|saying|Mary Hall|it would raise rents",
    ],
  );
});

Deno.test("quote sieves: a web site before the verb speaks as an organisation", () => {
  assert.deepEqual(
    attributions("The security firm Secunia.com has said that the old browser has 277 open flaws."),
    ["Secunia.com has said|Secunia.com|name||||the old browser has 277 open flaws"],
  );
});

const NAMES = ["Jane Doe", "Kwame Mensah", "Ana Lima", "Tom Bell", "Mary Hall"];
const DOCS = ["statement", "letter", "email", "interview with CNN"];
const WORDS = ["prices", "would", "rise", "again", "next", "year", "the", "plan", "fails"];

Deno.test("attributions: 'X said in a statement that CONTENT' reports CONTENT exactly (property)", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...NAMES),
      fc.constantFrom(...DOCS),
      fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }),
      (name, doc, words) => {
        const content = words.join(" ");
        const t = extractText(`${name} said in a ${doc} that ${content}.`);
        assert.deepEqual(
          t.attributions.map((a) => `${a.speaker}|${a.text}`),
          [`${name}|${content}`],
        );
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("quote sieves: '\"...,\" said the ROLE, NAME' is NAME for any description and name (property)", () => {
  const ROLES = ["nurse", "chief executive", "farmer", "local historian"];
  fc.assert(
    fc.property(
      fc.constantFrom(...NAMES),
      fc.constantFrom(...ROLES),
      fc.array(fc.constantFrom(...WORDS), { minLength: 4, maxLength: 9 }),
      (name, role, words) => {
        const said = words.join(" ");
        const text = `"${said[0].toUpperCase()}${said.slice(1)}," said the ${role}, ${name}.`;
        const q = extractText(text).quotes;
        assert.equal(q.length, 1);
        assert.equal(q[0].speaker, name);
        assert.equal(q[0].role, `the ${role}`);
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("quote sieves: military ranks are the speaker's role, never a name", () => {
  assert.deepEqual(
    quotes('"We were ready," said Brig. Gen. Anne Clark.'),
    ["direct|Anne Clark|Brig. Gen.|cue|said||We were ready"],
  );
  assert.deepEqual(
    quotes('"It was hard," Pfc. Tom Reyes said.'),
    ["direct|Tom Reyes|Pfc.|cue|said||It was hard"],
  );
  assert.deepEqual(
    quotes('Army Spc. John Miller said "We were ready for anything."'),
    ["direct|John Miller|Spc.|cue|said||We were ready for anything."],
  );
});

Deno.test("quote sieves: a one-word speaker is completed to the one entity it stands for, a misspelt surname too", () => {
  assert.deepEqual(
    attributions(
      "The Church of England met on Monday. In a statement, the Church denied these allegations.",
    ),
    ["Church denied|Church of England|cue||||these allegations"],
  );
  assert.deepEqual(
    quotes('"Art matters," Kathryn Waters said. "It lasts," Water said.').map((q) =>
      q.split("|")[1]
    ),
    ["Kathryn Waters", "Kathryn Waters"],
  );
  // Two people a letter off: nobody is chosen.
  assert.deepEqual(
    quotes('"Art matters," Kathryn Waters said. "No," Tom Walters said. "It lasts," Walers said.')
      .map((q) => q.split("|")[1]),
    ["Kathryn Waters", "Tom Walters", "Walers"],
  );
});

Deno.test("quote sieves: a partial quote running past its sentence takes the tag where it closes", () => {
  assert.deepEqual(
    quotes(
      'Jane Ortiz works for the city. We need to "make sure the roads are safe. But at the ' +
        'other end we must keep costs down," Ms Ortiz said.',
    ),
    [
      "partial|Jane Ortiz|Ms|cue|said||make sure the roads are safe. But at the other end we must keep costs down",
    ],
  );
});

Deno.test("quote sieves: a paragraph ending 'X stated,' introduces the quote paragraph after it", () => {
  assert.deepEqual(
    quotes(
      'Jane Ortiz wrote about the case.\n\nOrtiz stated,\n\n"The records were burned in the fire. ' +
        'Nobody kept a copy."',
    ),
    ["direct|Jane Ortiz||previous|||The records were burned in the fire. Nobody kept a copy."],
  );
});

Deno.test("quote sieves: a colon in a sentence with no speech verb introduces its one person's quote", () => {
  assert.deepEqual(
    quotes(
      'Adnan Amin, head of the agency, is certain: "Wind power can become the top power source ' +
        'in a world free of coal."',
    ),
    [
      "direct|Adnan Amin|head of the agency|intro|:||Wind power can become the top power source in a world free of coal.",
    ],
  );
  // In the paragraph before, a speech verb after the appositive and "has": the word it calls the
  // ruling is his (a partial quote), and the quote after the colon too.
  assert.deepEqual(
    quotes(
      'The head of the council, Nunzio Ferri, has called the ruling "dangerous":\n\n"We face a ' +
        'dangerous ruling. Who takes the decisions should do it with less ideology."',
    ).map((q) => q.split("|").slice(0, 4).join("|")),
    [
      "partial|Nunzio Ferri|The head of the council|cue",
      "direct|Nunzio Ferri|The head of the council|previous",
    ],
  );
  // Two people named, or one who is no subject: nobody.
  assert.deepEqual(
    quotes(
      'In the end the report by Tom Bell and the decision of Ann Wu were clear: "Nothing will ' +
        'change before the vote next year."',
    ).map((q) => q.split("|")[1]),
    [""],
  );
  assert.deepEqual(
    quotes(
      'In the end the long report written for the board by Tom Bell was clear: "Nothing will ' +
        'change before the vote next year."',
    ).map((q) => q.split("|")[1]),
    [""],
  );
});

Deno.test("quote sieves: an organisation's finding speaks for it; a finding of nobody named stays empty", () => {
  assert.deepEqual(
    attributions("A UN review of national plans says they are well short of the targets."),
    [
      "UN review of national plans says|United Nations|cue||||they are well short of the targets",
    ],
  );
  assert.deepEqual(
    attributions("A new review of national plans says they are well short of the targets."),
    [
      "A new review of national plans says|||||no named speaker|they are well short of the targets",
    ],
  );
});

Deno.test("quote sieves: an opening mark typed against the comma before it still opens the quote", () => {
  assert.deepEqual(
    quotes('Kristen Wilkins said," [Warhol] liked the way photo booths looked". She left early.'),
    ["direct|Kristen Wilkins||cue|said||[Warhol] liked the way photo booths looked"],
  );
  // No closing mark later in the paragraph: no quote.
  assert.deepEqual(quotes('Kristen Wilkins said," Warhol liked the way photo booths looked.'), []);
});

Deno.test("quote sieves: a verb of naming or judging with 'as' before a quote reports words; 'known as', 'served as' do not", () => {
  assert.deepEqual(quotes('Sha\'lan dismisses Chalabi as a "thief" in every interview.'), [
    "partial|Sha'lan||cue|dismisses||thief",
  ]);
  assert.deepEqual(quotes('Bush referred to the Taiwanese president simply as "Lee."'), [
    "partial|Bush||cue|referred||Lee.",
  ]);
  // The passive, right before the quote, with its agent after "by".
  assert.deepEqual(
    quotes("The painters were labeled 'degenerate' by the National Socialists in 1937."),
    ["partial|National Socialists||cue|labeled||degenerate"],
  );
  assert.deepEqual(quotes('The minister dismissed the report as "nonsense".'), [
    "partial|||||no named speaker|nonsense",
  ]);
  assert.deepEqual(quotes('The band was known as "the Fab Four" in Hamburg.'), [
    "nickname|||||a nickname, not a quote|the Fab Four",
  ]);
  assert.deepEqual(quotes('He served as "acting director" for a year.'), [
    "scare|||||a short phrase with nobody speaking|acting director",
  ]);
  // A noun is no verb: "the attack" here is what was described.
  assert.deepEqual(quotes('They saw the attack as "inevitable".'), [
    "scare|||||a short phrase with nobody speaking|inevitable",
  ]);
});

Deno.test("quote sieves: a speech verb in the progressive speaks, past its 'be'; a passive 'was told' is a listener", () => {
  assert.deepEqual(attributions("Smith was telling reporters that the deal was dead."), [
    "Smith was telling|Smith|cue||||the deal was dead",
  ]);
  assert.deepEqual(attributions("Jones has been saying for months that the plan would fail."), [
    "Jones has been saying|Jones|cue||||the plan would fail",
  ]);
  assert.deepEqual(
    quotes('Pervez Musharraf had been telling the United States he was "forced" into it.'),
    ["partial|Pervez Musharraf||cue|telling||forced"],
  );
  // The passive: Smith heard it; nobody named said it.
  assert.deepEqual(
    attributions("Smith was told that the job was gone.").map((a) => a.split("|")[1]),
    [],
  );
});

Deno.test("quote sieves: the listener of 'told' is never the speaker; an unnamed source after 'said' says so", () => {
  // Reuters heard it: the official speaks, unnamed (Reuters was the speaker before).
  assert.deepEqual(
    quotes('"It is a disaster," one official, who spoke on condition of anonymity, told Reuters.')
      .map((q) => q.split("|")[1]),
    [""],
  );
  assert.deepEqual(
    quotes('"The deal undervalues the company," said a person familiar with the matter.'),
    ["direct||||said|no named speaker|The deal undervalues the company"],
  );
  assert.deepEqual(
    quotes(
      '"We are not happy with the price," said one top-20 shareholder who declined to be named.',
    ),
    ["direct||||said|no named speaker|We are not happy with the price"],
  );
  // An inverted subject still speaks after "said" and "asked".
  assert.deepEqual(quotes('"Why now?" asked Senator Jane Roe.').map((q) => q.split("|")[1]), [
    "Jane Roe",
  ]);
});

Deno.test("quote sieves: 'it' reaches back six sentences at most, as a person's pronoun does, even in one long paragraph", () => {
  const filler = Array.from({ length: 7 }, (_, k) => `The plan has part number ${k + 1}.`).join(
    " ",
  );
  const near =
    "The Acme Institute is estimating that growth will slow. It added that prices would rise.";
  assert.deepEqual(attributions(near).map((a) => a.split("|")[1]), [
    "Acme Institute",
    "Acme Institute",
  ]);
  const far =
    `The Acme Institute is estimating that growth will slow. ${filler} It added that prices would rise.`;
  assert.deepEqual(attributions(far).map((a) => a.split("|").slice(1, 2).concat(a.split("|")[5])), [
    ["Acme Institute", ""],
    ["", 'pronoun "it": no organisation heard nearby'],
  ]);
  // "what they are saying" is a question's clause, not a statement.
  assert.deepEqual(
    attributions("We need to know what they are saying and what they're planning."),
    [],
  );
});

Deno.test("quote cues: a user's file is checked, names its field when wrong, and keeps the shipped tag verbs it leaves out", async () => {
  const { compileQuoteCues } = await import("../../src/extract/quotes/data.ts");
  const shipped = JSON.parse(await Deno.readTextFile("data/quotes/cues.json"));
  const { run_on_tag_verbs: _a, title_said_verbs: _b, writing_verbs: _c, ...older } = shipped;
  const cues = compileQuoteCues(older, "my_cues.json");
  assert.equal(cues.runOnTagVerbs.has("says"), true);
  assert.equal(cues.titleSaidVerbs.has("shouted"), true);
  assert.equal(cues.writingVerbs.has("tweeted"), true);
  const own = compileQuoteCues({ ...shipped, writing_verbs: ["penned"] }, "my_cues.json");
  assert.deepEqual([...own.writingVerbs], ["penned"]);
  assert.throws(
    () => compileQuoteCues({ ...shipped, labelling_verbs: "dismissed" }, "my_cues.json"),
    /my_cues\.json: .*labelling_verbs/s,
  );
});

Deno.test("quote sieves: one sentence per line, a quote left open runs on over up to six lines to the mark that closes it", () => {
  const text = [
    '" It may be uninteresting to a lot of people , " Jane Roe told the radio .',
    '" There is a lot of impact on plants .',
    "But we have been looking at streams .",
    "Willows provide food for beavers .",
    "It matters for the quality of streams .",
    'Plants are critical to these places . "',
    "The park has a vast elk herd .",
  ].join("\n");
  assert.deepEqual(quotes(text).map((q) => q.split("|").slice(0, 2).join("|")), [
    "direct|Jane Roe",
    "direct|Jane Roe",
    "direct|Jane Roe",
    "direct|Jane Roe",
    "direct|Jane Roe",
    "direct|Jane Roe",
  ]);
});
