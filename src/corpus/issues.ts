/**
 * Problems found while loading a corpus. Each one names where it is (file, line or row,
 * field) so a person can act on it; none of them is ever thrown at the user as a stack trace.
 * @module
 */

/** One problem found in the input, located precisely. */
export interface LoadIssue {
  /**
   * `error` rejects the record (or the whole file), or only its `field` when the record loads
   * without it (a date the kit cannot read); `warning` keeps it with a fallback. Every error is
   * a row of rejections.csv.
   */
  severity: "error" | "warning";
  /** The file (or corpus path) the problem is in. */
  source: string;
  /** 1-based line in the file (JSONL line, CSV record start, text-file line). */
  line?: number;
  /** The field at fault, when one is. */
  field?: string;
  /** True on an error that rejects only `field`: the record loads without it. */
  fieldOnly?: boolean;
  /** The article id, when it is known. */
  id?: string;
  /** What is wrong and, where useful, what to do about it. */
  message: string;
}

/**
 * Formats an issue as one line: `path:line: error: field "date": …`.
 *
 * @example
 * ```ts
 * import { formatIssue } from "newsframe";
 *
 * formatIssue({ severity: "error", source: "a.jsonl", line: 3, field: "text", message: "is empty" });
 * // 'a.jsonl:3: error: field "text": is empty'
 * ```
 */
export function formatIssue(issue: LoadIssue): string {
  const where = issue.line === undefined ? issue.source : `${issue.source}:${issue.line}`;
  const field = issue.field ? `field "${issue.field}": ` : "";
  const id = issue.id ? ` [${shortId(issue.id)}]` : "";
  return `${where}: ${issue.severity}${id}: ${field}${issue.message}`;
}

/**
 * Raised for a problem that stops loading altogether (for example, the path does not exist).
 *
 * @example
 * ```ts
 * import { CorpusError, loadCorpus } from "newsframe";
 *
 * try {
 *   await loadCorpus("no/such/folder");
 * } catch (e) {
 *   if (!(e instanceof CorpusError)) throw e;
 *   console.error(e.message); // one line: the path and what is wrong
 * }
 * ```
 */
export class CorpusError extends Error {
  /** Makes the error of one issue; its message is the issue's one line. */
  constructor(readonly issue: LoadIssue) {
    super(formatIssue(issue));
    this.name = "CorpusError";
  }
}

/** An id as a message shows it: at most 80 characters (an id can be as long as a record). */
export function shortId(id: string): string {
  return id.length > 80 ? `${id.slice(0, 77)}…` : id;
}
