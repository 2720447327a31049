/**
 * Entities in kinds of news the seeds never had (sport, courts, disasters): each case came from
 * an article written for the fresh-eyes check of 2026-12-01 and was wrong before its fix.
 * @module
 */
import assert from "node:assert/strict";
import {
  type EntityMention,
  type EntitySource,
  harmoniseTypes,
} from "../../src/extract/entities.ts";
import type { EntityType } from "../../src/extract/gazetteer.ts";
import { canonicalPerson } from "../../src/extract/entities/titles.ts";
import { isPartyAndState } from "../../src/extract/words.ts";
import { extractText } from "./helpers.ts";

/** "text|entity|type|role" of every mention, with the shipped model and lists. */
function rows(text: string): string[] {
  return extractText(text).entities.map((e) => `${e.text}|${e.entity}|${e.type}|${e.role ?? ""}`);
}

Deno.test("entities: 'Premier League' is no person 'League' with the title 'Premier'", () => {
  assert.deepEqual(rows("Arsenal lead the Premier League by three points."), [
    "Arsenal|Arsenal|ORG|",
    "Premier League|Premier League|ORG|",
  ]);
  // A premier before a name is still a title.
  assert.deepEqual(rows("Premier Li Qiang met the delegates."), [
    "Li Qiang|Li Qiang|PERSON|Premier",
  ]);
});

Deno.test("entities: a month before a day is a date, not a person called Jan", () => {
  assert.deepEqual(rows("He must surrender to the Bureau of Prisons by Jan. 5."), [
    "Bureau of Prisons|Bureau of Prisons|ORG|",
  ]);
  assert.deepEqual(rows("Jan Smith and Jan agreed on 5 points."), [
    "Jan Smith|Jan Smith|PERSON|",
    "Jan|Jan Smith|PERSON|",
  ]);
});

Deno.test("entities: a suffixed name's surname is its short form; 'Jr' and 'Jr.' are one name", () => {
  assert.deepEqual(
    rows(
      'President Ferdinand Marcos Jr. ordered aid. "We will not leave anyone behind," Marcos said.',
    ),
    [
      "Ferdinand Marcos Jr.|Ferdinand Marcos Jr.|PERSON|President",
      "Marcos|Ferdinand Marcos Jr.|PERSON|",
    ],
  );
  assert.deepEqual(rows("President Ferdinand Marcos Jr said the government was ready."), [
    "Ferdinand Marcos Jr|Ferdinand Marcos Jr.|PERSON|President",
  ]);
  assert.equal(canonicalPerson("Martin Luther King Jr"), "Martin Luther King Jr.");
  assert.equal(canonicalPerson("John Smith III"), "John Smith III");
  // Two words: "Jr" alone after a first name is left as written.
  assert.equal(canonicalPerson("Sammy Jr"), "Sammy Jr");
});

Deno.test("entities: a name typed two ways across articles takes the type of twice the mentions (a tie: twice the articles)", () => {
  const m = (articleId: string, entity: string, type: EntityType, source: EntitySource = "model") =>
    ({
      articleId,
      outlet: articleId,
      sentenceId: `${articleId}:0`,
      text: entity,
      entity,
      type,
      role: null,
      metonymy: type === "GPE",
      media: false,
      source,
      confidence: 1,
      start: 0,
      end: entity.length,
    }) satisfies EntityMention;
  const mentions = [
    m("ap", "Chelsea", "ORG"),
    m("ap", "Chelsea", "ORG"),
    m("bbc", "Chelsea", "ORG"),
    m("bbc", "Chelsea", "ORG"),
    // 4 against 2 (the rule's mention counts too): the model's place becomes the club.
    m("guardian", "Chelsea", "GPE"),
    m("guardian", "Chelsea", "GPE", "rule"),
    // 2 against 1: the place wins over a person.
    m("ap", "Cebu", "LOC"),
    m("reuters", "Cebu", "LOC"),
    m("bbc", "Cebu", "PERSON"),
    // 3 against 2: no type has twice the mentions, each keeps its own.
    m("a", "Jordan", "PERSON"),
    m("a", "Jordan", "PERSON"),
    m("a", "Jordan", "PERSON"),
    m("b", "Jordan", "ORG"),
    m("b", "Jordan", "ORG"),
    // A tie, 2 against 2: the club of two reports wins over the place of one.
    m("ap", "Manchester City", "LOC"),
    m("ap", "Manchester City", "LOC"),
    m("bbc", "Manchester City", "ORG"),
    m("guardian", "Manchester City", "ORG"),
    // A tie in one article each: each keeps its own.
    m("a", "Mercia", "LOC"),
    m("b", "Mercia", "ORG"),
    // A nationality is never moved.
    m("a", "Palawan", "LOC"),
    m("a", "Palawan", "LOC"),
    m("b", "Palawan", "NORP"),
  ];
  harmoniseTypes(mentions);
  assert.deepEqual(mentions.map((x) => `${x.articleId}:${x.entity}:${x.type}:${x.metonymy}`), [
    "ap:Chelsea:ORG:false",
    "ap:Chelsea:ORG:false",
    "bbc:Chelsea:ORG:false",
    "bbc:Chelsea:ORG:false",
    "guardian:Chelsea:ORG:false",
    // A rule's type stays.
    "guardian:Chelsea:GPE:true",
    "ap:Cebu:LOC:false",
    "reuters:Cebu:LOC:false",
    "bbc:Cebu:LOC:false",
    "a:Jordan:PERSON:false",
    "a:Jordan:PERSON:false",
    "a:Jordan:PERSON:false",
    "b:Jordan:ORG:false",
    "b:Jordan:ORG:false",
    "ap:Manchester City:ORG:false",
    "ap:Manchester City:ORG:false",
    "bbc:Manchester City:ORG:false",
    "guardian:Manchester City:ORG:false",
    "a:Mercia:LOC:false",
    "b:Mercia:ORG:false",
    "a:Palawan:LOC:false",
    "a:Palawan:LOC:false",
    "b:Palawan:NORP:false",
  ]);
});

Deno.test("entities: a first name no lexicon lists is the one person it opens ('Bukayo'), a place's is not", () => {
  assert.deepEqual(rows("Bukayo Saka scored late. 'Bukayo is a special player,' said Odegaard."), [
    "Bukayo Saka|Bukayo Saka|PERSON|",
    "Bukayo|Bukayo Saka|PERSON|",
    "Odegaard|Odegaard|PERSON|",
  ]);
  assert.deepEqual(rows("Georgia Smith spoke. Georgia was calm."), [
    "Georgia Smith|Georgia Smith|PERSON|",
    "Georgia|Georgia|GPE|",
  ]);
});

Deno.test("entities: companies, raters and regulators the model misses are in the general list", () => {
  assert.deepEqual(
    rows(
      "Unilever agreed to buy the snack maker. Moody's said it could cut Unilever's rating. " +
        "Analysts at Jefferies said Novo Nordisk's drug hurts PepsiCo. The SEC agreed.",
    ),
    [
      "Unilever|Unilever|ORG|",
      "Moody's|Moody's|ORG|",
      "Unilever|Unilever|ORG|",
      "Jefferies|Jefferies|ORG|",
      "Novo Nordisk|Novo Nordisk|ORG|",
      "PepsiCo|PepsiCo|ORG|",
      "SEC|Securities and Exchange Commission|ORG|",
    ],
  );
  // Words that are also common nouns or another journal's name stay out of the list.
  assert.deepEqual(rows("Meta-analysis of 57 studies, in The Lancet Public Health, found it."), [
    "Lancet Public Health|Lancet Public Health|ORG|",
  ]);
});

Deno.test("entities: a name the model read as a person or place but ending in a company's word is a company", () => {
  assert.deepEqual(
    rows(
      "Unilever agreed to buy Dutch snack maker Van der Berg Foods. Van der Berg shares jumped. " +
        "Gregory Hallman, a former managing director at Brightwater Capital, told clients.",
    ),
    [
      "Unilever|Unilever|ORG|",
      "Dutch|Dutch|NORP|",
      "Van der Berg Foods|Van der Berg Foods|ORG|",
      "Van der Berg|Van der Berg Foods|ORG|",
      "Gregory Hallman|Gregory Hallman|PERSON|former managing director at Brightwater Capital",
      "Brightwater Capital|Brightwater Capital|ORG|",
    ],
  );
});

Deno.test("entities: a named storm is an event, not the person 'Typhoon Kalmaegi'", () => {
  assert.deepEqual(
    rows("At least 42 people have been killed after Typhoon Kalmaegi brought floods."),
    ["Typhoon Kalmaegi|Typhoon Kalmaegi|EVENT|"],
  );
});

Deno.test("entities: a US lawmaker's party and state after the name is no person", () => {
  // The model read "D-N.Y." as a person; AP writes it after every lawmaker's name.
  assert.deepEqual(
    rows(
      'Senate Majority Leader Chuck Schumer, D-N.Y., said the bill showed "bipartisanship is not dead."',
    ),
    ["Chuck Schumer|Chuck Schumer|PERSON|Senate Majority Leader"],
  );
});

Deno.test("isPartyAndState: a party letter, a hyphen and a US state as AP or the post writes it", () => {
  for (const label of ["D-N.Y.", "R-Ohio", "I-Vt.", "D-NY", "R-La.", "D-New York", "R-W.Va."]) {
    assert.equal(isPartyAndState(label), true, label);
  }
  for (const name of ["I-Min Lee", "R-Xyz", "D-Day", "A-N.Y.", "D-N.Y. Smith"]) {
    assert.equal(isPartyAndState(name), false, name);
  }
});

Deno.test("entities: a company's short form is the company, whatever type the model gave it", () => {
  // The merger and earnings stories: "Delta" and "Delta Air Lines" were two organisations (or a
  // place), so the airline's mentions were split in "who is named".
  assert.deepEqual(
    rows("Delta Air Lines reported record profit. Delta's chief executive Ed Bastian spoke."),
    [
      "Delta Air Lines|Delta Air Lines|ORG|",
      "Delta|Delta Air Lines|ORG|",
      "Ed Bastian|Ed Bastian|PERSON|",
    ],
  );
  assert.deepEqual(
    rows(
      "Delta Air Lines reported record profit on Thursday. Shares of Delta rose 3% in New York trading.",
    ),
    [
      "Delta Air Lines|Delta Air Lines|ORG|",
      "Delta|Delta Air Lines|ORG|",
      "New York|New York|GPE|",
    ],
  );
  // Not an institution's part: "United Nations" stays itself beside its Security Council.
  assert.deepEqual(
    rows(
      "The United Nations Security Council met on Friday. The United Nations said aid would follow.",
    ),
    [
      "United Nations Security Council|United Nations Security Council|ORG|",
      "United Nations|United Nations|ORG|",
    ],
  );
});
