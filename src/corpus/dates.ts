/**
 * Publication dates as people and feeds write them, read into ISO days (`YYYY-MM-DD`).
 *
 * Read: ISO 8601 (`2024-03-05`, `2024-03-05T10:00:00Z`, `2024-03-05 10:00+01:00`), year first with
 * slashes or dots (`2024/03/05`, `2024.3.5`), month names in English, day first or month first
 * (`March 5, 2024`, `Mar. 5 2024`, `5 March 2024`, `5th Mar, 2024`), each with an optional
 * weekday before (`Tuesday, March 5, 2024`) and time after (`10:00 AM EST`), and RFC 2822 as
 * in RSS feeds (`Tue, 05 Mar 2024 10:00:00 GMT`). The day is the one written: a time or zone
 * does not move it.
 *
 * Not read, on purpose: all-number dates with the year last (`03/05/2024` is 5 March in the US
 * and 3 May in most other places; guessing would be wrong half the time) and two-digit years.
 * Those come back as a problem that says what to write instead.
 * @module
 */

/** A date read into an ISO day, or why it could not be. */
export type DateReading = { date: string } | { problem: string };

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Month number (1–12) of an English month name or its usual abbreviation ("Sept", "Mar."). */
function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n === "sept") return 9;
  const i = MONTHS.findIndex((m) => m === n || (n.length === 3 && m.startsWith(n)));
  return i < 0 ? undefined : i + 1;
}

const MONTH = "([A-Za-z]{3,9}\\.?)";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(\\d{4})";
const WEEKDAY = "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
/** A time of day and zone after the date: read past, never used to move the day. */
const TIME =
  "(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}(?:\\.\\d+)?)?\\s*(?:[ap]\\.?m\\.?)?" +
  "(?:\\s*(?:[A-Z]{1,5}|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)[+-]\\d{1,2}(?::?\\d{2})?))?)?";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}${TIME}$`, "i");
const DAY_FIRST = new RegExp(`^${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}${TIME}$`, "i");
const NUMERIC_YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/** How to write a date the kit reads for sure. */
const WRITE_ISO = "write it as YYYY-MM-DD";

/**
 * Reads a publication date into an ISO day, or says why not (ambiguous, not a real day, not a
 * form the kit reads) and what to write instead.
 *
 * @example
 * parseDate("Tue, 05 Mar 2024 10:00:00 GMT"); // { date: "2024-03-05" }
 * parseDate("03/05/2024"); // { problem: 'is ambiguous: "03/05/2024" is 5 March or 3 May 2024; …' }
 */
export function parseDate(value: string): DateReading {
  const s = value.trim().replace(/\s+/g, " ");
  let m = ISO.exec(s) ?? YEAR_FIRST.exec(s);
  if (m) return day(s, +m[1], +m[2], +m[3]);
  m = MONTH_FIRST.exec(s);
  if (m && monthNumber(m[1])) return day(s, +m[3], monthNumber(m[1])!, +m[2]);
  m = DAY_FIRST.exec(s);
  if (m && monthNumber(m[2])) return day(s, +m[3], monthNumber(m[2])!, +m[1]);
  m = NUMERIC_YEAR_LAST.exec(s);
  if (m) return numericProblem(s, +m[1], +m[2], m[3]);
  return { problem: `"${s}" is not a date the kit reads; ${WRITE_ISO} (such as 2024-03-05)` };
}

/** The ISO day, when year, month and day name a day that exists. */
function day(written: string, y: number, month: number, d: number): DateReading {
  const t = new Date(Date.UTC(2000, month - 1, d));
  t.setUTCFullYear(y);
  if (
    y < 1 || t.getUTCFullYear() !== y || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== d
  ) {
    return { problem: `"${written}" is not a real calendar date` };
  }
  return { date: `${String(y).padStart(4, "0")}-${pad(month)}-${pad(d)}` };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Why an all-number date with the year last is not read, with the ISO forms to choose from. */
function numericProblem(s: string, a: number, b: number, year: string): DateReading {
  if (year.length === 2) {
    return { problem: `"${s}" has a two-digit year; ${WRITE_ISO} with all four digits` };
  }
  const y = +year;
  const monthFirst = day(s, y, a, b);
  const dayFirst = day(s, y, b, a);
  if ("date" in monthFirst && "date" in dayFirst && a !== b) {
    return {
      problem: `is ambiguous: "${s}" is ${spoken(y, a, b)} (month first) or ${
        spoken(y, b, a)
      } (day first); write ${monthFirst.date} or ${dayFirst.date}`,
    };
  }
  const only = "date" in monthFirst ? monthFirst : dayFirst;
  if ("date" in only) {
    return {
      problem: `"${s}" is all numbers with the year last, which the kit does not read (the order ` +
        `of day and month differs between files); write ${only.date}`,
    };
  }
  return { problem: `"${s}" is not a real calendar date` };
}

function spoken(y: number, month: number, d: number): string {
  const name = MONTHS[month - 1];
  return `${d} ${name[0].toUpperCase()}${name.slice(1)} ${y}`;
}
