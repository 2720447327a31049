import assert from "node:assert/strict";
import fc from "fast-check";
import { lowerCase, quickHas } from "../../src/extract/words.ts";
import { TokenTrie } from "../../src/extract/trie.ts";
import { DEFAULT_CUES } from "../../src/extract/cues.ts";

Deno.test("quickHas answers as the set does", () => {
  const sets = [
    DEFAULT_CUES.titles,
    DEFAULT_CUES.speechVerbs,
    DEFAULT_CUES.pronouns,
    new Set([""]),
  ];
  for (const set of sets) {
    const has = quickHas(set);
    for (const key of set) assert.equal(has(key), true, key);
    for (const key of ["", "x", "said", "Said", "President", "president", "zzz", "He", "he"]) {
      assert.equal(has(key), set.has(key), key);
    }
  }
  const map = new Map([["Li", 1], ["Xi", 2]]);
  assert.equal(quickHas(map)("Li"), true);
  assert.equal(quickHas(map)("Lu"), false);
  // A set that grows gets a new filter.
  const grows = new Set(["a"]);
  assert.equal(quickHas(grows)("b"), false);
  grows.add("b");
  assert.equal(quickHas(grows)("b"), true);
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 20 }), fc.string(), (ks, k) => {
      assert.equal(quickHas(new Set(ks))(k), ks.includes(k));
    }),
  );
});

Deno.test("lowerCase is toLowerCase", () => {
  for (const t of ["abc", "ABC", "Abc", "don’t", "İstanbul", "ÉCOLE", "123", "", "ß"]) {
    assert.equal(lowerCase(t), t.toLowerCase(), t);
  }
  fc.assert(fc.property(fc.string(), (t) => assert.equal(lowerCase(t), t.toLowerCase())));
});

Deno.test("hasFirst is true exactly when some sequence starts with the key", () => {
  const trie = new TokenTrie<string>();
  trie.add(["Xi", "Jinping"], "Xi Jinping");
  trie.add(["U.S."], "United States");
  trie.add(["", "x"], "empty first");
  assert.equal(trie.hasFirst("Xi"), true);
  assert.equal(trie.hasFirst("U.S."), true);
  assert.equal(trie.hasFirst(""), true);
  assert.equal(trie.hasFirst("Jinping"), false);
  assert.equal(trie.hasFirst("Xa"), false);
  assert.equal(trie.hasFirst("xi"), false);
});
