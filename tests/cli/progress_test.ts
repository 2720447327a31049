import assert from "node:assert/strict";
import { Progress, progressLine } from "../../src/cli/progress.ts";

Deno.test("progress line: bar, percent, articles, words per second, time left, label", () => {
  assert.equal(
    progressLine(0.5, 1234, 812345.4, 75, "reading", 10),
    "[#####-----]  50%  1,234 articles  812,345 words/s  1:15 left  reading",
  );
  assert.equal(progressLine(null, 3, 10, null, "extract"), "3 articles  10 words/s  extract");
});

Deno.test("progress draws only on a terminal, after the delay, and clears itself", () => {
  const written: string[] = [];
  const tty = new Progress(true, { write: (t) => written.push(t), isTerminal: true }, 0);
  tty.totalChars = 1000;
  tty.update(10, 500, 250);
  tty.stage("measure");
  tty.done();
  assert.equal(written.length, 3);
  const CLEAR = "\r\x1b[2K";
  assert.ok(written[0].startsWith(CLEAR));
  assert.match(
    written[0].slice(CLEAR.length),
    /^\[#{6}-{18}\] {2}25% {2}10 articles {2}[\d,]+ words\/s {2}\d+:\d\d left {2}reading$/,
  );
  assert.match(written[1], /100% {2}10 articles .* measure$/);
  assert.equal(written[2], "\r\x1b[2K");

  const pipe: string[] = [];
  const quiet = new Progress(true, { write: (t) => pipe.push(t), isTerminal: false }, 0);
  quiet.update(1, 1, 1);
  quiet.done();
  const off = new Progress(false, { write: (t) => pipe.push(t), isTerminal: true }, 0);
  off.update(1, 1, 1);
  const early = new Progress(true, { write: (t) => pipe.push(t), isTerminal: true }, 60_000);
  early.update(1, 1, 1);
  assert.deepEqual(pipe, []);
});
