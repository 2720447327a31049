/**
 * Credit lines: the wires' "(Reporting by A and B in Nairobi; Editing by C)" and the contributor
 * line US papers and agencies end with ("CNN's A and B contributed to this report.").
 * @module
 */

/** A parsed credit line. */
export interface Credit {
  /** The line as printed. */
  raw: string;
  /** People credited with reporting or writing (additional reporting included). */
  reporters: string[];
  /** People credited with editing. */
  editors: string[];
  /** Every role as printed, with its people (and where they filed from, when given). */
  roles: { role: string; names: string[]; places: (string | null)[] }[];
}

const CREDIT_LINE =
  /^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|research|graphics|reporting\s+and\s+writing)\s+by\b[\s\S]*$/i;

/**
 * The contributor line US papers and agencies end a story with: "CNN's Jane Doe and John Roe
 * contributed to this report.", "Associated Press writer Mary Clarke in New York contributed.",
 * "Jane Doe contributed reporting from Kyiv." 1: who contributed.
 */
const CONTRIBUTOR_LINE =
  /^(\p{Lu}[^"“”]*?)\s+contributed(\s+(?:additional\s+)?reporting|\s+to\s+this\s+(?:report|story|article))?(?:\s+(?:from|in)\s+[^."“”]+)?\.?$/u;

/** What comes before the names of a contributor line: an outlet's possessive, a job. */
const CONTRIBUTOR_LEAD =
  /^(?:[\p{L}.&' -]+?['’]s\s+)?(?:(?:[\p{Lu}][\p{L}.&-]*\s+){0,3}(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)\s+)?/u;

/**
 * The people of a contributor line, as written ("Jane Doe and John Roe in Kyiv"), or null when the
 * line is not one: each must read as a name of two words or more, each capitalised but for
 * particles ("Many people contributed." names nobody).
 */
function contributorsOf(line: string): string | null {
  const m = CONTRIBUTOR_LINE.exec(line);
  if (!m) return null;
  const people = m[1].replace(CONTRIBUTOR_LEAD, "");
  // A bare "X contributed." is a credit only after a job or an outlet ("AP writer X contributed.").
  if (!m[2] && people === m[1]) return null;
  const names = listedPeople(people).map((s) =>
    s.replace(/\s+(?:in|from)\s+\p{Lu}[\p{L} .'’-]*$/u, "")
  );
  return names.length && names.every((n) => PERSON_NAME.test(n)) ? people : null;
}

/** The people of a list as a credit writes it ("A, B and C"), each trimmed. */
function listedPeople(list: string): string[] {
  return list.replace(/,?\s+and\s+/g, ",").split(",").map((s) => s.trim());
}

/** A person's name as a credit gives it: two to five words, capitalised but for particles. */
const PERSON_NAME =
  /^(?!(?:The|A|An)\s)\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|del|der|van|von|bin|al|la|le)){1,4}$/u;

/** True for a paragraph that is a credit line (with or without parentheses). */
export function isCreditLine(paragraph: string): boolean {
  const t = paragraph.trim();
  if (t.length < 300 && contributorsOf(t) !== null) return true;
  if (!CREDIT_LINE.test(t)) return false;
  return t.startsWith("(") ? t.endsWith(")") : t.length < 400;
}

/**
 * Parses a credit line into reporters and editors.
 *
 * @example
 * parseCredit("(Reporting by Jane Doe in Lagos and John Roe in Nairobi; Editing by Mary Major)")
 * // reporters: ["Jane Doe", "John Roe"], editors: ["Mary Major"]
 */
export function parseCredit(line: string): Credit {
  const inner = line.trim().replace(/^\(/, "").replace(/\)$/, "");
  const credit: Credit = { raw: line.trim(), reporters: [], editors: [], roles: [] };
  const contributors = contributorsOf(inner);
  const parts = contributors !== null
    ? [{ role: "contributed", people: contributors }]
    : inner.split(";").map((part) => /^\s*(.*?)\s+by\s+([\s\S]+?)\s*$/i.exec(part))
      .filter((m) => m !== null).map((m) => ({ role: m[1].trim(), people: m[2] }));
  for (const part of parts) {
    const role = part.role;
    const people = listedPeople(part.people)
      .filter(Boolean)
      .map((s) => {
        const at = /^(.*?)\s+in\s+([A-Z][\p{L} .'’-]*)$/u.exec(s);
        return at ? { name: at[1].trim(), place: at[2].trim() } : { name: s, place: null };
      });
    // "A and B in Nairobi": the place applies to every name before it that has none.
    for (let i = people.length - 1, place: string | null = null; i >= 0; i--) {
      if (people[i].place) place = people[i].place;
      else if (place && i < people.length - 1) people[i].place = place;
    }
    const names = people.map((p) => p.name);
    credit.roles.push({ role, names, places: people.map((p) => p.place) });
    if (/edit/i.test(role)) credit.editors.push(...names);
    else if (/report|writ|compil|contribut/i.test(role)) credit.reporters.push(...names);
  }
  return credit;
}

/**
 * A byline's lead and tail that are not names: "By", "Words by", ", Reuters", "| AP", a job. The
 * agencies as they print their names ("AP", not "Ap": "By Ap Aa" is a person).
 */
const BYLINE_LEAD = /^\s*(?:(?:words|story|text|reporting)\s+)?by\s+/i;
const BYLINE_TAIL =
  /\s*(?:[,|–—-]\s*(?:[Tt]he\s+)?(?:Associated Press|Reuters|AFP|AP|BBC(?:\s+(?:News|Sport|World(?:\s+Service)?))?|CNN|[Ss]taff|STAFF|[Cc]orrespondent|\p{Lu}[\p{L} ]*(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ww]riter))\b.*|\s+(?:in|for)\s+\p{Lu}[\p{L} .'’-]*)$/u;

/**
 * The people a byline or an author field names ("By Jane Doe and John Roe", "Jane Doe, Reuters",
 * "Mary Clarke | AP"), each a name of two to five capitalised words; none when any part does not
 * read as a person's name ("By The Associated Press", "By Staff"), since a wrong name is worse
 * than none.
 *
 * @example
 * bylinePeople("By Maria Lindqvist and Tom Okafor"); // ["Maria Lindqvist", "Tom Okafor"]
 */
export function bylinePeople(line: string | null | undefined): string[] {
  if (!line) return [];
  const body = line.replace(BYLINE_LEAD, "").replace(BYLINE_TAIL, "").replace(/\s*&\s*/g, " and ");
  const names = listedPeople(body).filter(Boolean);
  return names.length && names.every((n) => PERSON_NAME.test(n)) ? names : [];
}
