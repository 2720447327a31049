/**
 * Builds `data/spelling/variants.json`, the British and American spellings of one word that the
 * term statistics can count as one term (`--spelling american|british`), from pinned npm data
 * packages. Re-run after changing a pin:
 *
 *   deno task build:spelling
 *
 * The word pairs come from american-british-english-translator; a pair is kept only when the
 * speller of the other variety rejects the word to be replaced (SCOWL's Hunspell dictionaries), so
 * words both varieties use stay as written: "analyses" (a plural noun in both), "tonne" (not a
 * ton), "dialogue", "gauge", "buses", "aesthetic".
 * @module
 */

// The npm data packages are read here only: inline, not in the import map, so `deno task install`
// leaves them out (`deno task build:spelling` runs `install:dev`).
// deno-lint-ignore-file no-import-prefix
import nspell from "npm:nspell@2.1.5";
import enUs from "npm:dictionary-en@4.0.0";
import enGb from "npm:dictionary-en-gb@3.0.0";
import britishToAmerican from "npm:american-british-english-translator@0.2.1/data/british_spellings.json" with {
  type: "json",
};
import americanToBritish from "npm:american-british-english-translator@0.2.1/data/american_spellings.json" with {
  type: "json",
};
import { scriptFlags } from "./args.ts";

scriptFlags(
  `usage: deno task build:spelling

Rebuilds data/spelling/variants.json from the pinned npm data packages (no options).`,
  Deno.args,
  {},
);

const OUT = new URL("../../data/spelling/variants.json", import.meta.url);

/**
 * The pairs whose first word the other variety's speller rejects while accepting the second,
 * sorted: a word that is correct in both varieties is never replaced.
 */
function keptPairs(
  pairs: Record<string, string>,
  correctInOther: (word: string) => boolean,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const from of Object.keys(pairs).sort()) {
    const to = pairs[from];
    if (from === to || /\s/.test(from) || /\s/.test(to)) continue;
    if (correctInOther(from)) continue;
    kept[from] = to;
  }
  return kept;
}

/** A Hunspell speller's check (nspell's declared type omits the method it has). */
type Speller = { correct(word: string): boolean };
const american = nspell(enUs) as unknown as Speller;
const british = nspell(enGb) as unknown as Speller;
const toAmerican = keptPairs(britishToAmerican, (w) => american.correct(w));
const toBritish = keptPairs(americanToBritish, (w) => british.correct(w));

const data = {
  source: "american-british-english-translator 0.2.1 (data/british_spellings.json, " +
    "data/american_spellings.json; MIT, Copyright (c) 2016 Hyperreality), filtered with " +
    "dictionary-en 4.0.0 and dictionary-en-gb 3.0.0 (SCOWL Hunspell dictionaries, MIT AND BSD) " +
    "through nspell 2.1.5 (MIT): a pair is kept when the other variety's speller rejects its first " +
    "word. Built by src/cli/build_spelling.ts.",
  licence: "MIT (word pairs); see data/spelling/SOURCES.md",
  // Words for a sign: outlets write "per cent", "percent", "pct" or "%" by house style, and the
  // sign is no token, so with a spelling chosen none of them is a term (the figures frame keeps
  // every percentage). Compiled for newsframe; same licence as the repository.
  sign_words: ["per cent", "percent", "pct"],
  american: toAmerican,
  british: toBritish,
};
Deno.mkdirSync(new URL(".", OUT), { recursive: true });
Deno.writeTextFileSync(OUT, JSON.stringify(data, null, 2) + "\n");
console.log(
  `wrote ${OUT.pathname}: ${Object.keys(toAmerican).length} British → American, ` +
    `${Object.keys(toBritish).length} American → British`,
);
