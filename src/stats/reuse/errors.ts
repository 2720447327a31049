/**
 * The one error the reuse measures throw for bad input: a message that says what is wrong and
 * where, meant to be shown to the analyst as it is (no stack trace needed to understand it).
 * @module
 */

/** Bad input to a reuse or coverage measure (a missing column, an unknown id, a bad option). */
export class ReuseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReuseError";
  }
}
