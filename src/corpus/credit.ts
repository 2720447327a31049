/**
 * Wire-service credit lines: "(Reporting by A and B in Nairobi; Editing by C)".
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

/** True for a paragraph that is a credit line (with or without parentheses). */
export function isCreditLine(paragraph: string): boolean {
  const t = paragraph.trim();
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
  for (const part of inner.split(";")) {
    const m = /^\s*(.*?)\s+by\s+([\s\S]+?)\s*$/i.exec(part);
    if (!m) continue;
    const role = m[1].trim();
    const people = m[2]
      .replace(/,?\s+and\s+/g, ",")
      .split(",")
      .map((s) => s.trim())
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
    else if (/report|writ|compil/i.test(role)) credit.reporters.push(...names);
  }
  return credit;
}
