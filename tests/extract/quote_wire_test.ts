/**
 * Wire and British news style, on paragraphs written for these tests (no gold item, no seed):
 * straight single quotation marks, "X said:" before a statement, pronouns that only an object or
 * an owner could fit. Exact speakers, kinds and spans, checked by hand.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { quoteSpans } from "../../src/extract/quotes.ts";
import { extractText } from "./helpers.ts";

const quotes = (text: string) =>
  extractText(text).quotes.map((q) => [q.kind, q.speaker, q.sieve, q.text].join("|"));
const attributions = (text: string) =>
  extractText(text).attributions.map((a) => [a.speaker, a.cue, a.text].join("|"));
const spans = (s: string) => quoteSpans(s, 0, s.length).map((q) => s.slice(q.start, q.end));

Deno.test("wire: straight single quotes are quotation marks, as British papers print them", () => {
  assert.deepEqual(
    quotes("'It is a disgrace,' Alan Green said. 'People deserve better.'"),
    [
      "direct|Alan Green|cue|It is a disgrace",
      "direct|Alan Green|continuation|People deserve better.",
    ],
  );
  assert.deepEqual(
    quotes(
      "Mr Smith told the BBC the rise in prices was 'unacceptable' and called for an inquiry.",
    ),
    ["partial|Smith|cue|unacceptable"],
  );
  // Tokenised text: marks stand apart from the words, and " 's" is a possessive.
  assert.deepEqual(
    spans("Mr. Comey 's letter said she would be ' under investigation for years ' ."),
    ["under investigation for years"],
  );
});

Deno.test("wire: apostrophes are no quotation marks (elisions, possessives)", () => {
  assert.deepEqual(spans("It's the '90s and rock 'n' roll isn't dead, the fans' club said."), []);
  assert.deepEqual(spans("The judge said 'tis the season. We don't 'em."), []);
  // A plural possessive inside the quote does not close it when a closing mark follows.
  assert.deepEqual(spans("'We don't know what the players' union wants,' she said."), [
    "We don't know what the players' union wants",
  ]);
  // A plural possessive with no quote open is nothing at all.
  assert.deepEqual(spans("The workers' pay and the owners' profits rose."), []);
  // A single quote opening a paragraph runs on to its end, like a double one.
  assert.deepEqual(spans("'We will keep going until the end"), [
    "We will keep going until the end",
  ]);
  // Single quotes inside double ones stay inside the double quote's span.
  assert.deepEqual(spans(`"I thought, 'This is it,'" said Mary Hall.`), [
    "I thought, 'This is it,'",
  ]);
});

Deno.test("wire: 'X said:' introduces what follows; the words before the cue are no statement", () => {
  assert.deepEqual(attributions("Minister for Africa Jane Smith said:"), []);
  assert.deepEqual(
    attributions("Speaking at the summit in Brussels, the Prime Minister said:"),
    [],
  );
  // A statement before a comma and the cue is one.
  assert.deepEqual(attributions("The plan will fail, Smith said."), [
    "Smith|said|The plan will fail",
  ]);
  // "according to" at the end needs no comma.
  assert.deepEqual(
    attributions(
      "This year the chain expects record sales in Ohio according to the annual report.",
    ),
    ["|according to|This year the chain expects record sales in Ohio"],
  );
});

Deno.test("wire: a pronoun goes to no object of unknown gender, nor to an owner", () => {
  // "Klein" could be anyone: the speaker stays empty.
  assert.deepEqual(
    quotes(
      "Police in the province said on Tuesday that Klein did not appear to have a criminal history.\n\n" +
        '"We do not believe the suspect has ties to this school," she said.',
    ),
    ["direct|||We do not believe the suspect has ties to this school"],
  );
  // The owner of a letter is not who speaks later.
  assert.deepEqual(
    quotes(
      "Unlike the first one, Mr. Comey's letter has hardly been commented upon.\n\n" +
        '"She would be under investigation for years," he said.',
    ),
    ["direct|||She would be under investigation for years"],
  );
});

Deno.test("wire: a quote interrupted by an aside between dashes is one speaker's words, both pieces", () => {
  assert.deepEqual(quotes('"The situation" — Smith said — "is very serious."'), [
    "direct|Smith|cue|The situation",
    "partial|Smith|cue|is very serious.",
  ]);
  // No speech verb in the aside: both pieces are direct, nobody named.
  assert.deepEqual(quotes('Dancers rested. "Our city" — he paused — "will recover."'), [
    "direct|||Our city",
    "direct|||will recover.",
  ]);
  // Labels set off by dashes stay labels: nobody's quote opens the sentence.
  assert.deepEqual(
    quotes(
      'Analysts call it the "grey zone" — a space between peace and war — and "hybrid" tactics.',
    ),
    ["scare|||grey zone", "scare|||hybrid"],
  );
});

Deno.test("wire: a first paragraph that is one quoted sentence (tokenised, period inside) is a quote, not a headline", () => {
  assert.deepEqual(
    quotes('" We will rebuild this town , brick by brick . "\nThe mayor spoke on Monday .'),
    ["direct|||We will rebuild this town , brick by brick ."],
  );
  // A headline's quotation marks hold someone's words; the body names the speaker, so it stays
  // empty here.
  const x = extractText(
    "North Korea puts military in 'quasi-state of war'\nThe order came on Friday, state media said.",
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.reason, q.text].join("|")), [
    "partial||a headline's quote: its speaker is named in the body|quasi-state of war",
  ]);
  // A title in a headline stays a title.
  assert.deepEqual(
    quotes('Critics praise the novel "Songs of the Hill"\nThe novel came out on Monday.'),
    ["title|||Songs of the Hill"],
  );
});

Deno.test("wire: a nickname of initials inside a name does not cut the speaker off", () => {
  const x = extractText(
    '"This strike demonstrates our resolve," said Col. John “J.D.” Harris, spokesman for the task force.',
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.role, q.text].join("|")), [
    "direct|Harris|Col.|This strike demonstrates our resolve",
    "nickname|||J.D.",
  ]);
});

Deno.test("wire: a second clause with a subject of its own keeps the first speaker off its quote", () => {
  const x = extractText(
    'The Times called it "a masterpiece of its kind" and the Observer described the prose as "luminous".',
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.cue, q.reason, q.text].join("|")), [
    "partial|Times|called||a masterpiece of its kind",
    'partial||described|the subject of "described" is not known|luminous',
  ]);
  // "and added" has no subject of its own: the same speaker.
  assert.deepEqual(quotes('Smith called the plan "bold" and added that it was "long overdue".'), [
    "partial|Smith|cue|bold",
    "partial|Smith|cue|long overdue",
  ]);
});

Deno.test("wire: a speech participle after a comma or 'while' speaks for the subject opening the sentence", () => {
  assert.deepEqual(quotes('Smith attacked the plan, calling it "a betrayal of voters".'), [
    "partial|Smith|cue|a betrayal of voters",
  ]);
  assert.deepEqual(
    quotes(
      'During questions on Wednesday, Sunak defended the record whilst promising a "formal update" soon.',
    ),
    ["partial|Sunak|cue|formal update"],
  );
  // Nobody named opens the sentence: someone's words, speaker empty.
  const x = extractText(
    'The government published the form, recommending "online translation tools" if needed.',
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.cue, q.reason].join("|")), [
    'partial||recommending|"recommending": no name opens the sentence',
  ]);
  // The reported clause follows the participle; a manner phrase is none.
  assert.deepEqual(
    attributions("Smith resigned on Friday, saying he wanted more time with his family."),
    [
      "Smith|saying|he wanted more time with his family",
    ],
  );
  assert.deepEqual(attributions('Smith hit back, writing in a blog post "I was wrong."'), []);
});

Deno.test("wire: an appositive before 'has' or an adverb still names the speaker", () => {
  assert.deepEqual(
    quotes(
      'The bishop, Nunzio Rossi, has repeatedly called the ruling "dangerous" and "ideological".',
    ),
    ["partial|Nunzio Rossi|cue|dangerous", "partial|Nunzio Rossi|cue|ideological"],
  );
});

Deno.test("wire: a pronoun never goes to a person named only as an object", () => {
  const x = extractText(
    "Between 1991 and 1997, she ran a school.\n\nHer latest book is about Margaret Douglas, a countess.\n\n" +
      'She found the change easy, explaining, "Every book is a learning curve."',
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.reason].join("|")), [
    'partial||pronoun "she": only an object fits',
  ]);
});

Deno.test("wire: web typing — mixed curly and straight marks, no space after a colon", () => {
  assert.deepEqual(spans('“We will not give up," he said. "Never.”'), [
    "We will not give up",
    "Never.",
  ]);
  // A straight mark opening a quote nested in a curly one does not close it.
  assert.deepEqual(spans('“He said "no" to me,” she said.'), ['He said "no" to me']);
  assert.deepEqual(quotes('Mary Hall said:"We will not give up on this fight."'), [
    "direct|Mary Hall|cue|We will not give up on this fight.",
  ]);
});

Deno.test("wire: 'who asked not to be named' is a source's condition, not a statement", () => {
  const x = extractText('"It was scary," said one resident, who asked not to be named.');
  // The cue is "said"; its speaker is the unnamed resident.
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.cue, q.reason, q.text].join("|")), [
    "direct||said|no named speaker|It was scary",
  ]);
  assert.deepEqual(x.attributions, []);
});

Deno.test("wire: 'said the MP for Leeds North, Alan Green' — a role acronym and a constituency before the name", () => {
  assert.deepEqual(quotes('"It is a disgrace," said the MP for Leeds North, Alan Green.'), [
    "direct|Alan Green|cue|It is a disgrace",
  ]);
  assert.deepEqual(quotes('"It is a disgrace," said the local MP, Alan Green.'), [
    "direct|Alan Green|cue|It is a disgrace",
  ]);
});

Deno.test("wire: a short phrase after a speech verb whose subject is no name is someone's words, not a scare quote", () => {
  const x = extractText('The president has repeatedly called the investigation a "witch hunt."');
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.reason, q.text].join("|")), [
    "partial||no named speaker|witch hunt.",
  ]);
  // A speech word used as a noun marks nothing: the quote stays a label.
  assert.deepEqual(quotes('The count went on amid reports of "irregularities".'), [
    "scare|||irregularities",
  ]);
});

Deno.test("wire: an unknown lone word opening the sentence is no speaker, nor is a name inside the reported clause", () => {
  assert.deepEqual(
    attributions(
      "Recent reports have revealed that a defector from the Acme Group called the unit a failure.",
    ).map((a) => a.split("|")[0]),
    [""],
  );
  // A lone surname opening the sentence after the full name is still that person.
  assert.deepEqual(
    attributions("Mary Hall arrived on Monday. Hall said the plan would fail."),
    ["Mary Hall|said|the plan would fail"],
  );
});

Deno.test("wire: what is no reported content — a manner before a colon, a relative clause, 'as stated', a speech noun", () => {
  assert.deepEqual(attributions("Obama tweeted using his account:"), []);
  assert.deepEqual(
    attributions("The case on which the court has ruled was about two schools."),
    [],
  );
  assert.deepEqual(attributions("As stated, the decision is for the bank to take."), []);
  // "reports" before "have" is the subject; "revealed" is the cue.
  assert.deepEqual(attributions("Recent reports have revealed that the plan failed."), [
    "|revealed|the plan failed",
  ]);
  // A clause after the cue is the content, not the adverbial before it.
  assert.deepEqual(
    attributions(
      "However, when a document has been found on the streets, the government then says it wasn't particularly sensitive.",
    ),
    ["|says|it wasn't particularly sensitive"],
  );
  // An addressee or a noun phrase before a colon stays content.
  assert.deepEqual(attributions("Smith told reporters the vote was rigged:"), [
    "Smith|told|the vote was rigged",
  ]);
});

Deno.test("wire: a clause quoted inside a quote is a quote of its own, speaker empty; a word inside is not", () => {
  const x = extractText(
    "\"Someone in the office was like, 'Hey, did you guys notice this?'\" says Mary Hall. " +
      "\"They called it 'temporary.'\"",
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.text].join("|")), [
    "direct|Mary Hall|Someone in the office was like, 'Hey, did you guys notice this?'",
    "direct||Hey, did you guys notice this?",
    "direct|Mary Hall|They called it 'temporary.'",
  ]);
  assert.equal(x.quotes[1].reason, "a quote inside a quotation: not the outer speaker's words");
});

Deno.test("wire: 'X thanked Y and said ...' is X's statement; listeners and 'today' are no content", () => {
  assert.deepEqual(
    attributions(
      "Jim Walsh thanked the minister for his support and said the United States would continue to help.",
    ),
    ["Jim Walsh|said|the United States would continue to help"],
  );
  // The subject of the first verb is no name: nobody.
  assert.deepEqual(
    attributions("Police arrested Tom Bell and said the investigation was continuing."),
    ["|said|the investigation was continuing"],
  );
  assert.deepEqual(attributions("Sarah Lee told the court he had no previous convictions."), [
    "Sarah Lee|told|he had no previous convictions",
  ]);
  assert.deepEqual(attributions("Mary Hall told police she had been attacked."), [
    "Mary Hall|told|she had been attacked",
  ]);
  assert.deepEqual(attributions("Central Command announced today that the strikes had ended."), [
    "Central Command|announced|the strikes had ended",
  ]);
});

Deno.test("wire: the agent of a passive speech verb speaks the quote; a function word opening the sentence is no name", () => {
  const x = extractText('The film was described by The Guardian as "a quiet masterpiece".');
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.speakerType, q.cue].join("|")), [
    "partial|The Guardian|organisation|described",
  ]);
  assert.deepEqual(
    extractText('The plan was described as "unworkable" by critics.').quotes.map((q) =>
      [q.kind, q.speaker, q.reason].join("|")
    ),
    ['partial||"described by": the agent is no name'],
  );
  // A lone surname opening a sentence is still a (less sure) name; a preposition is not.
  assert.deepEqual(
    quotes('Wordsworth described poetry as "the spontaneous overflow of powerful feelings".'),
    ["partial|Wordsworth|name|the spontaneous overflow of powerful feelings"],
  );
  assert.deepEqual(attributions("Amid reports of unrest, the ministry said the city was calm."), [
    "|said|the city was calm",
  ]);
});

Deno.test("wire: an invisible mark after the opening mark is no part of the quote; a quoted exclamation is speech", () => {
  const x = extractText('Smith said, "\u200eWe won."');
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.text].join("|")), [
    "direct|Smith|We won.",
  ]);
  assert.deepEqual(
    extractText('The crowd chanted "Yes we can!" over and over.').quotes.map((q) =>
      [q.kind, q.speaker, q.text].join("|")
    ),
    ["partial||Yes we can!"],
  );
});

Deno.test("wire: 'X quotes a senior official as saying' relays an unnamed source: empty speaker, via X", () => {
  const x = extractText(
    'The Jerusalem Post quotes a senior official as saying the decision was "final".',
  );
  assert.deepEqual(x.quotes.map((q) => [q.kind, q.speaker, q.cue, q.via, q.reason].join("|")), [
    "partial||quotes ... as saying|The Jerusalem Post|the quoted source is not named",
  ]);
  assert.deepEqual(x.attributions.map((a) => [a.speaker, a.via, a.text].join("|")), [
    '|The Jerusalem Post|the decision was "final"',
  ]);
});

Deno.test("wire: tokenised marks — `` ``, '' and ’’ are double quotation marks, closed and opened", () => {
  assert.deepEqual(spans("`` We had to act now . '' Ruth Park said ."), ["We had to act now ."]);
  assert.deepEqual(spans("‘’ The talks went well , ’’ the envoy said ."), ["The talks went well"]);
  assert.deepEqual(spans("\" It was an emergency , '' Ruth Park said ."), ["It was an emergency"]);
  // The tag after a two-mark closer is the quote's tag.
  assert.deepEqual(quotes("Talks\n\n`` We had to act now , '' Ruth Park said ."), [
    "direct|Ruth Park|cue|We had to act now",
  ]);
  // Elisions and a plural possessive before an apostrophe stay no marks.
  assert.deepEqual(spans("The players'' union met in the '90s ."), []);
});

Deno.test("wire: one sentence per line — a quote left open goes on to the mark that closes it, and its tag there is its speaker", () => {
  const text = [
    "Rifles missing",
    'A NATO spokesman said : " There is no way to track the rifles .',
    'There are concerns that some were sold . "',
    '" Nobody can say where they went .',
    "Some were found in a port .",
    'They are gone , " Maria Lopez says .',
  ].join("\n");
  assert.deepEqual(quotes(text), [
    "direct|||There is no way to track the rifles .",
    "direct|||There are concerns that some were sold .",
    "direct|Maria Lopez|cue|Nobody can say where they went .",
    "direct|Maria Lopez|cue|Some were found in a port .",
    "direct|Maria Lopez|cue|They are gone",
  ]);
  // A new quote opened after the open one (a letter right after the mark, or a tag verb or
  // colon before it) is a quote of its own, not the end of the open one.
  const reopened = [
    "Museum",
    '"It was a long wait, she said.',
    'In a statement, Governor Jane Smith said, "The museum worked hard for this."',
    'He added , " This is a good day .',
  ].join("\n");
  assert.deepEqual(extractText(reopened).quotes.map((q) => q.text), [
    "It was a long wait, she said.",
    "The museum worked hard for this.",
    "This is a good day .",
  ]);
});

Deno.test("wire: no reported speech from the first person, a phrase of place, seeing, or 'called' as a call or a name", () => {
  // The writer or a speech's own speaker in the first person is the text speaking.
  assert.deepEqual(
    attributions(
      "As I said last week, the plan will work. We recently announced that the fund will grow. I am told the vote was close. Anna Berg said the vote was close.",
    ),
    ["Anna Berg|said|the vote was close"],
  );
  // A phrase of place where content should be; the second statement after "and said" stays.
  assert.deepEqual(
    attributions("Mark Hill tweeted to Omar and said the boy was welcome to visit."),
    ["Mark Hill|said|the boy was welcome to visit"],
  );
  // "observed" without "that" is seeing; with "that", or in a quote's tag, it speaks.
  assert.deepEqual(
    attributions(
      "The Gazette observed the exhibit features prints of Halston. Rosa Diaz observed that the hall was full.",
    ),
    ["Rosa Diaz|observed|the hall was full"],
  );
  assert.deepEqual(quotes('"The hall was full," Rosa Diaz observed.'), [
    "direct|Rosa Diaz|cue|The hall was full",
  ]);
  // "all told" is a sum; "called" as a telephone call or naming a thing reports nothing.
  assert.deepEqual(
    attributions(
      "All told, the storm killed 40 people. Paul Ames called me today about the report. Nina Ford called to let us know she was safe. He used his company called Green Labs to buy parts. The device called the E-meter was seized.",
    ),
    [],
  );
  // A name, a plural subject, an adverb or an organisation before "called": someone speaks.
  assert.deepEqual(
    attributions(
      "Critics called the plan a betrayal. Ravi Shah has now called the inquiry a sham. Tom Reed called me a liar. A resolution of the Senate called for an inquiry. The majority of voters declared in favour of a new bridge.",
    ),
    [
      "|called|the plan a betrayal",
      "Ravi Shah|called|the inquiry a sham",
      "Tom Reed|called|me a liar",
      "|called|for an inquiry",
      "|declared|in favour of a new bridge",
    ],
  );
});

Deno.test("wire: a relative clause's cue — ', who had told X ...' — reports what follows, spoken by the name before the comma", () => {
  assert.deepEqual(
    attributions(
      "He traveled to Florida to meet with Tom Devlin, who had told Montalvo he would help him find housing.",
    ),
    ["Tom Devlin|told|he would help him find housing"],
  );
});

Deno.test("wire: title-case words right after 'said,' or a writing verb's colon are words said, not a title", () => {
  assert.deepEqual(
    quotes(
      'The crowd cheered when Jane Ortiz said, "Thank You." He wrote on Twitter: "Great Job Everyone". Ben Cole wrote "The Art of War" in prison. Cole said on "Meet the Press" that he would run.',
    ).map((q) => q.split("|")[0] + "|" + q.split("|")[3]),
    [
      "direct|Thank You.",
      "partial|Great Job Everyone",
      "title|The Art of War",
      "title|Meet the Press",
    ],
  );
  // A sign "says" its words; a book's title "asked" after a colon is still the title.
  assert.deepEqual(
    quotes(
      'Employers put up the sign that says "Help Wanted." The title of a book asked: "America: What Went Wrong?"',
    ).map((q) => q.split("|")[0]),
    ["title", "title"],
  );
});

Deno.test("wire: no reported speech from 'That said,', a work written, 'according to plan', the reader addressed, or 'all reports'", () => {
  assert.deepEqual(
    attributions(
      "That said, the group is different from its rivals. In 1890 he wrote his second symphony. Eva Lind wrote for a local paper. Eva Lind wrote that the paper had closed. The army was organised according to the West European system. According to plan, the rocket reached orbit. You also wrote two novels. From all the press reports I have read, the town was ready. According to the report, the plan failed.",
    ),
    ["Eva Lind|wrote|the paper had closed", "|according to|the plan failed"],
  );
  // A name before "reports" speaks; "wrote" before a clause or in a tag reports words.
  assert.deepEqual(attributions("The Deseret News reports that the hashtag spread."), [
    "Deseret News|reports|the hashtag spread",
  ]);
  assert.deepEqual(quotes('"It failed," Eva Lind wrote.'), ["direct|Eva Lind|cue|It failed"]);
  // "writes" before the writer's name, and "that said," inside a sentence, still speak.
  assert.deepEqual(quotes('From June until July, writes Minister Ann Lowe, "there was no rest."'), [
    "partial|Ann Lowe|cue|there was no rest.",
  ]);
  assert.deepEqual(
    quotes('Soldiers left signs that said, "We were here."').map((q) => q.split("|")[0]),
    [
      "direct",
    ],
  );
});

Deno.test("wire: a list of sources — a quoted headline, a dash, an outlet and a date — holds titles, not quotes", () => {
  const text = [
    "Flood warning",
    "The river rose overnight.",
    "Sources",
    '"River bursts its banks in the north" — The Daily Courier, March 3, 2019',
    'Ann Vale. "Town counts the cost of the flood" — Northern Post, March 4, 2019',
    '"We will rebuild." — Ken Ross, the mayor',
  ].join("\n\n");
  assert.deepEqual(quotes(text), [
    "title|||River bursts its banks in the north",
    "title|||Town counts the cost of the flood",
    "direct|Ken Ross|cue|We will rebuild.",
  ]);
});

Deno.test("wire: 'continued' introduces or tags a quote, and says nothing elsewhere", () => {
  assert.deepEqual(
    quotes(
      'Lena Fox said the plan had failed.\n\nShe continued: "We have a plan to fix it."\n\n"It will work," Fox continued. The fighting continued for days.',
    ),
    ["direct|Lena Fox|pronoun|We have a plan to fix it.", "direct|Lena Fox|cue|It will work"],
  );
  assert.deepEqual(attributions("The fighting continued for days."), []);
});

const WORDS = ["We", "don't", "know", "it's", "the", "players'", "union", "said", "'90s", "Smith"];
const piece = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom("'", "‘", "’", '"', "“", "”", ",", ".", " ' ", "\n", "''", "``", "’’", "‘’"),
);

Deno.test("wire: property — quotation spans are ordered, inside their marks, and never overlap", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join(" ")), (s) => {
      const got = quoteSpans(s, 0, s.length);
      let last = -1;
      for (const q of got) {
        assert.ok(q.open > last, "in order, not nested");
        assert.ok(
          q.open < q.start + 1 && q.start <= q.end && q.end <= q.close && q.close <= s.length,
        );
        assert.ok(`"“‘'\``.includes(s[q.open]), `opens at a mark: ${s[q.open]}`);
        last = q.close;
      }
      // Text with no quotation mark but apostrophes inside words has no span.
      const bare = s.replace(/["“”‘’`]|(?<!\p{L})'|'(?!\p{L})/gu, "");
      assert.deepEqual(quoteSpans(bare, 0, bare.length), []);
    }),
    { numRuns: 300 },
  );
});

Deno.test("wire: British nesting — double marks inside single ones stay inside the quote", () => {
  assert.deepEqual(
    quotes("Jane Ortiz said: 'He told me \"never again\" and I believed him.'"),
    ['direct|Jane Ortiz|cue|He told me "never again" and I believed him.'],
  );
  assert.deepEqual(
    quotes("Jane Ortiz said: ‘He told me “never again” and I believed him.’"),
    ["direct|Jane Ortiz|cue|He told me “never again” and I believed him."],
  );
  // The inner clause is a quote of its own, nobody's but the outer speaker's report of it.
  assert.deepEqual(
    quotes("Jane Ortiz wrote: 'He said \"We must act now to stop the flood\" and left.'"),
    [
      'direct|Jane Ortiz|cue|He said "We must act now to stop the flood" and left.',
      "direct|||We must act now to stop the flood",
    ],
  );
  // No single mark closes after the double quote: the double quote is the quote.
  assert.deepEqual(spans(`It's 'odd, "We will act," she said.`), ["We will act"]);
  // A curly plural possessive inside a curly single quote does not close it.
  assert.deepEqual(
    quotes("‘We don’t accept that the Smiths’ house was ever at risk,’ said Jane Ortiz."),
    ["direct|Jane Ortiz|cue|We don’t accept that the Smiths’ house was ever at risk"],
  );
  assert.deepEqual(spans("The Smiths’ house and the Joneses’ car were sold."), []);
});

const PLAIN = fc.array(fc.constantFrom("we", "told", "him", "never", "again", "the", "vote"), {
  minLength: 1,
  maxLength: 6,
}).map((w) => w.join(" "));

Deno.test("wire: property — a double quote nested in a single one is part of it", () => {
  fc.assert(
    fc.property(PLAIN, PLAIN, PLAIN, fc.boolean(), (a, b, c, curly) => {
      const [o, cl, io, ic] = curly ? ["‘", "’", "“", "”"] : ["'", "'", '"', '"'];
      const s = `She said: ${o}We ${a} ${io}${b}${ic} ${c} here.${cl} Then she left.`;
      assert.deepEqual(spans(s), [`We ${a} ${io}${b}${ic} ${c} here.`]);
      // A plural possessive inside does not cut it either.
      const p = `${o}We ${a} the Smiths${cl} ${c} here,${cl} she said.`;
      assert.deepEqual(spans(p), [`We ${a} the Smiths${cl} ${c} here`]);
    }),
    { numRuns: 200 },
  );
});

Deno.test("wire: a speech participle opening the sentence speaks for the main clause's subject", () => {
  assert.deepEqual(
    quotes('Insisting that the law was "unfair," Jane Ortiz voted against it.'),
    ["partial|Jane Ortiz|cue|unfair"],
  );
  // Tokenised, the comma inside the marks, the subject a pronoun.
  assert.deepEqual(
    quotes(
      'Lena Fox spoke first . Warning that the NHS was now under " enormous pressure , " she urged the public to take care .',
    ),
    ["partial|Lena Fox|pronoun|enormous pressure"],
  );
  // No name after the clause: someone's words, the speaker empty.
  assert.deepEqual(
    extractText('Calling the vote "a farce," the mayor left the chamber.').quotes.map((q) =>
      [q.kind, q.speaker, q.reason].join("|")
    ),
    ['partial||"Calling": no name after its clause'],
  );
  // A quote in the main clause is not the participle's.
  assert.deepEqual(
    quotes('Speaking on Monday, Jane Ortiz said the plan was "dead".'),
    ["partial|Jane Ortiz|cue|dead"],
  );
});

Deno.test("wire: property — opening participle, quoted words, then the speaker", () => {
  const names = ["Jane Ortiz", "Alan Green", "Lena Fox"];
  const verbs = ["Calling", "Describing", "Branding", "Labelling"];
  const words = fc.array(fc.constantFrom("a", "total", "farce", "sham", "disgrace"), {
    minLength: 1,
    maxLength: 3,
  });
  fc.assert(
    fc.property(fc.constantFrom(...verbs), words, fc.constantFrom(...names), (v, w, name) => {
      const said = w.join(" ");
      const got = quotes(`${v} the vote "${said}," ${name} left the chamber.`);
      assert.deepEqual(got, [`partial|${name}|cue|${said}`]);
    }),
    { numRuns: 30 },
  );
});

Deno.test("wire: a tag ending the sentence makes its short quotes someone's words", () => {
  assert.deepEqual(
    quotes('The plan was "dead" and buried, Jane Ortiz said.'),
    ["partial|Jane Ortiz|cue|dead"],
  );
  const kinds = (text: string) =>
    extractText(text).quotes.map((q) => [q.kind, q.speaker, q.text].join("|"));
  assert.deepEqual(kinds('Jane Ortiz was "deeply saddened" by the news, her office said.'), [
    "partial||deeply saddened",
  ]);
  assert.deepEqual(kinds('The plan is "dead," a spokesman said.'), ["partial||dead"]);
  // No tag: a relative clause or a passive with a speech verb, or too many words after the comma.
  assert.deepEqual(kinds('The town called "Paso" lies north, which is added to the treaty.'), [
    "scare||Paso",
  ]);
  assert.deepEqual(
    kinds('The "reform" stalled, and for months nobody in the capital seemed to say much.'),
    ["scare||reform"],
  );
});

Deno.test("wire: a quote over paragraphs, tagged only in its last one, is that speaker's", () => {
  const text = [
    "Maria Lopez, the hospital chief, described the night.",
    '"We had no power for six hours.',
    '"The generators failed one after another.',
    '"Nurses carried patients down the stairs by hand," she said.',
  ].join("\n\n");
  assert.deepEqual(quotes(text), [
    "direct|Maria Lopez|continuation|We had no power for six hours.",
    "direct|Maria Lopez|continuation|The generators failed one after another.",
    "direct|Maria Lopez|pronoun|Nurses carried patients down the stairs by hand",
  ]);
  // A paragraph whose quote closes is no part of the next one's chain.
  assert.deepEqual(
    quotes(
      'The night was long.\n\n"We had no power for six hours."\n\n"Nurses carried patients," Maria Lopez said.',
    ),
    [
      "direct|||We had no power for six hours.",
      "direct|Maria Lopez|cue|Nurses carried patients",
    ],
  );
});

Deno.test("wire: tokenised text — backtick openers, spaced elisions, tags right after the mark", () => {
  assert.deepEqual(
    quotes(
      "Judge Hughes wrote : ` government knowingly used false evidence against him , ' concluding ` honesty comes hard to government . '",
    ),
    [
      "direct|Hughes|cue|government knowingly used false evidence against him",
      "partial|Hughes|cue|honesty comes hard to government .",
    ],
  );
  // An elision set apart by spaces opens nothing.
  assert.deepEqual(spans("I ' m not sure , but I ' d say \" give it to them \" ."), [
    "give it to them",
  ]);
  assert.deepEqual(spans("Yo mama `s so fat , she wears Levi`s jeans ."), []);
  // A tag after a spaced comma, or right after the mark.
  assert.deepEqual(
    quotes('The death toll may be " in the hundreds " , spokesman Vincent Creel said .'),
    ["partial|Vincent Creel|cue|in the hundreds"],
  );
  assert.deepEqual(
    quotes('The tour was " environmentally sound " according to an interview with Matt Wachter .'),
    ["partial|Matt Wachter|according|environmentally sound"],
  );
  // A line wrapped whole in single marks (a record's quoting) keeps its double quote.
  assert.deepEqual(
    spans(`'I just took " After the concert , you wake up and ... " and got : Part 1'`),
    [
      "After the concert , you wake up and ...",
    ],
  );
});

Deno.test("wire: property — elisions set apart by spaces open no quote", () => {
  const token = fc.constantFrom("I", "we", "say", "it", "' m", "' d", "' s", "' ll", "n ' t", ",");
  fc.assert(
    fc.property(fc.array(token, { minLength: 1, maxLength: 30 }), (t) => {
      const s = `${t.join(" ")} .`;
      assert.deepEqual(quoteSpans(s, 0, s.length), []);
    }),
    { numRuns: 200 },
  );
});

Deno.test("wire: a sentence of its own set off by a comma is someone's words, even with no speech verb", () => {
  const kinds = (text: string) => extractText(text).quotes.map((q) => `${q.kind}|${q.text}`);
  assert.deepEqual(kinds('And then she goes, "No way."'), ["partial|No way."]);
  assert.deepEqual(kinds('He was like, "Are you serious?"'), ["partial|Are you serious?"]);
  // One word, or the last of a list of quoted names, is no sentence of its own.
  assert.deepEqual(kinds('The choices were "a lie", "a fantasy", "Savior."'), [
    "scare|a lie",
    "scare|a fantasy",
    "scare|Savior.",
  ]);
  assert.deepEqual(kinds('The choices were "a lie", "Your story now."'), [
    "scare|a lie",
    "scare|Your story now.",
  ]);
});

Deno.test("wire: chanting, shouting and muttering are speech verbs", () => {
  assert.deepEqual(quotes('Lena Fox chanted "Four more years" outside.'), [
    "partial|Lena Fox|cue|Four more years",
  ]);
  assert.deepEqual(quotes('"Not again," Alan Green muttered.'), [
    "direct|Alan Green|cue|Not again",
  ]);
});
