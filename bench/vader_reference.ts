/**
 * The kit's VADER against the reference port (`vader-sentiment` 1.1.3) and natural's AFINN on
 * State of the Union sentences: Spearman's ρ and sign agreement, overall and on sentences with a
 * negation. The test (tests/stats/vader_test.ts) pins the same sample.
 *
 *   deno run --allow-read --allow-ffi --allow-sys --allow-env bench/vader_reference.ts [N]
 * @module
 */

import vader from "vader-sentiment";
import { analyzeArticles } from "../src/pipeline.ts";
import { spearman } from "../src/stats/rank.ts";
import { afinnAnalyzer } from "../src/stats/sentiment.ts";
import { isNegation, vaderText } from "../src/stats/vader.ts";
import { forEachToken, lowerForm } from "../src/text/tokens.ts";
import { sotuArticles } from "./sotu.ts";

/** Every k-th sentence of the addresses with at least three words, `n` of them. */
export function sotuSample(n = 500): string[] {
  const a = analyzeArticles(sotuArticles());
  const long = a.sentences.filter((s) => s.nWords >= 3).map((s) => s.text);
  const step = Math.floor(long.length / n);
  return Array.from({ length: n }, (_, i) => long[i * step]);
}

const port = (s: string) => vader.SentimentIntensityAnalyzer.polarity_scores(s).compound as number;

if (import.meta.main) {
  const sample = sotuSample(Number(Deno.args[0] ?? 500));
  const ours = sample.map((s) => vaderText(s).compound);
  const ref = sample.map(port);
  const afinn = sample.map((s) => {
    const words: string[] = [];
    forEachToken(s, (t) => words.push(lowerForm(t)));
    return afinnAnalyzer().getSentiment(words);
  });
  const negatedIdx = sample.flatMap((s, i) => {
    let neg = false;
    forEachToken(s, (t) => (neg ||= isNegation(lowerForm(t))));
    return neg ? [i] : [];
  });
  const sign = (a: number[], b: number[]) =>
    a.filter((v, i) => Math.sign(Math.round(v * 1e4)) === Math.sign(Math.round(b[i] * 1e4)))
      .length /
    a.length;
  const pick = (xs: number[]) => negatedIdx.map((i) => xs[i]);
  console.log(`${sample.length} sentences, ${negatedIdx.length} with a negation`);
  console.log(
    `kit VADER vs port: Spearman ${spearman(ours, ref).toFixed(4)}, sign ${
      sign(ours, ref).toFixed(3)
    }`,
  );
  console.log(
    `  negated only: Spearman ${spearman(pick(ours), pick(ref)).toFixed(4)}, sign ${
      sign(pick(ours), pick(ref)).toFixed(3)
    }`,
  );
  console.log(
    `AFINN vs port: Spearman ${spearman(afinn, ref).toFixed(4)}, sign ${
      sign(afinn, ref).toFixed(3)
    }`,
  );
  console.log(
    `  negated only: Spearman ${spearman(pick(afinn), pick(ref)).toFixed(4)}, sign ${
      sign(pick(afinn), pick(ref)).toFixed(3)
    }`,
  );
  const differ = sample.map((s, i) => [s, ours[i], ref[i]] as const).filter(([, a, b]) =>
    Math.abs(a - b) > 0.001
  );
  console.log(`${differ.length} sentences differ by more than 0.001; the first 5:`);
  for (const [s, a, b] of differ.slice(0, 5)) {
    console.log(`  ${a.toFixed(4)} vs ${b.toFixed(4)}: ${s.slice(0, 140)}`);
  }
}
