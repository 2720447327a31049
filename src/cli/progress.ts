/**
 * A progress line on stderr for long runs: articles done, words per second, time left. Quiet
 * when stderr is not a terminal, with `--quiet`, and for runs shorter than `delayMs`.
 * @module
 */

/** Where the line is drawn; a terminal's stderr by default. */
export interface ProgressSink {
  write: (text: string) => void;
  isTerminal: boolean;
}

const STDERR: ProgressSink = {
  write: (text) => Deno.stderr.writeSync(new TextEncoder().encode(text)),
  isTerminal: Deno.stderr.isTerminal(),
};

/** Renders the bar: `[#####-----] 52%  1,234 articles  812,345 words/s  0:12 left  loading`. */
export function progressLine(
  fraction: number | null,
  articles: number,
  wordsPerSecond: number,
  secondsLeft: number | null,
  label: string,
  width = 24,
): string {
  const f = fraction === null ? null : Math.min(1, Math.max(0, fraction));
  const bar = f === null
    ? ""
    : `[${"#".repeat(Math.round(f * width)).padEnd(width, "-")}] ${
      String(Math.floor(f * 100)).padStart(3)
    }%  `;
  const left = secondsLeft === null || !Number.isFinite(secondsLeft)
    ? ""
    : `  ${Math.floor(secondsLeft / 60)}:${
      String(Math.round(secondsLeft % 60)).padStart(2, "0")
    } left`;
  return `${bar}${articles.toLocaleString("en")} articles  ${
    Math.round(wordsPerSecond).toLocaleString("en")
  } words/s${left}  ${label}`;
}

/** A progress line that redraws itself at most ten times a second. */
export class Progress {
  #started = performance.now();
  #lastDraw = -Infinity;
  #drawn = false;
  #articles = 0;
  #words = 0;

  /** The size of the input (characters or bytes), when known: gives the bar and time left. */
  totalChars: number | null = null;

  constructor(
    readonly enabled: boolean,
    readonly sink: ProgressSink = STDERR,
    readonly delayMs = 2000,
  ) {}

  /** True when a line will be drawn (enabled and on a terminal). */
  get active(): boolean {
    return this.enabled && this.sink.isTerminal;
  }

  /** Reports progress: articles and words done, characters of input done, what is running. */
  update(articles: number, words: number, chars: number, label = "reading"): void {
    this.#articles = articles;
    this.#words = words;
    const elapsed = (performance.now() - this.#started) / 1000;
    const fraction = this.totalChars ? chars / this.totalChars : null;
    const left = fraction && fraction > 0 ? elapsed * (1 / fraction - 1) : null;
    this.#draw(progressLine(fraction, articles, words / Math.max(elapsed, 1e-3), left, label));
  }

  /** Reports the stage now running (after reading). */
  stage(name: string): void {
    const elapsed = (performance.now() - this.#started) / 1000;
    this.#draw(
      progressLine(1, this.#articles, this.#words / Math.max(elapsed, 1e-3), null, name),
      true,
    );
  }

  /** Clears the line. */
  done(): void {
    if (this.#drawn) this.sink.write("\r\x1b[2K");
  }

  #draw(line: string, force = false): void {
    if (!this.active) return;
    const now = performance.now();
    if (now - this.#started < this.delayMs) return;
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.sink.write(`\r\x1b[2K${line}`);
  }
}
