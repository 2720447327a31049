import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { loadCorpus } from "../../../src/corpus/load.ts";
import { extractCorpus } from "../../../src/extract/extract.ts";
import { entitiesFrame, figuresFrame, quotesFrame } from "../../../src/extract/frames.ts";
import { writePartition } from "../../../src/frames/partitions.ts";
import { analyzeArticles, corpusFrames } from "../../../src/pipeline.ts";
import { ReuseError } from "../../../src/stats/reuse/errors.ts";
import {
  REUSE_INDEX,
  reuseFramesFromParts,
  reuseIndexFrame,
  reusePiecesFromParts,
  STEM_SEPARATOR,
} from "../../../src/stats/reuse/parts.ts";
import { reuseStageFrames } from "../../../src/stats/reuse/frames.ts";
import { seedAnalysis, tempDir } from "../../seeds.ts";

/** Writes the seeds as batches of the given sizes, as the batch driver writes its parts. */
async function writeBatches(out: string, sizes: number[]): Promise<void> {
  const { articles } = await loadCorpus("seeds");
  let from = 0;
  for (const [k, size] of sizes.entries()) {
    const batch = analyzeArticles(articles.slice(from, from += size));
    const x = extractCorpus(batch);
    const frames: Record<string, pl.DataFrame> = {
      ...corpusFrames(batch),
      entities: entitiesFrame(x.entities),
      figures: figuresFrame(x.figures),
      quotes: quotesFrame(x.quotes),
      [REUSE_INDEX]: reuseIndexFrame(batch),
    };
    for (const [name, df] of Object.entries(frames)) {
      await writePartition(df, out, name, k, ["parquet"]);
    }
  }
}

Deno.test("reuse from 3 batch parts gives the frames of the whole corpus in memory", async () => {
  const out = await tempDir();
  await writeBatches(out, [2, 2, 1]);
  const fromParts = reuseFramesFromParts(out);
  const inMemory = reuseStageFrames(await seedAnalysis());
  assert.deepEqual(Object.keys(fromParts), Object.keys(inMemory));
  for (const [name, df] of Object.entries(inMemory)) {
    assert.ok(df.height > 0, name);
    assert.ok(fromParts[name].frameEqual(df), name);
  }
  await Deno.remove(out, { recursive: true });
});

Deno.test("without reuse_index, the tokens parts give the same frames", async () => {
  const out = await tempDir();
  await writeBatches(out, [1, 3, 1]);
  await Deno.remove(`${out}/${REUSE_INDEX}`, { recursive: true });
  const fromTokens = reuseFramesFromParts(out);
  const inMemory = reuseStageFrames(await seedAnalysis());
  for (const [name, df] of Object.entries(inMemory)) {
    assert.ok(fromTokens[name].frameEqual(df), name);
  }
  await Deno.remove(out, { recursive: true });
});

Deno.test("reuse_index: one row per sentence, stems and stopword flags packed per token", async () => {
  const analysis = await seedAnalysis();
  const index = reuseIndexFrame(analysis);
  assert.deepEqual(index.columns, ["article_id", "sentence_id", "n_tokens", "stems", "stops"]);
  assert.equal(index.height, 86);
  const first = index.row(0);
  // "China and Russia pledged a joint response …": stems in order, "and" and "a" are stopwords.
  assert.deepEqual(String(first[3]).split(STEM_SEPARATOR).slice(0, 5), [
    "china",
    "and",
    "russia",
    "pledg",
    "a",
  ]);
  assert.equal(String(first[4]).slice(0, 5), "01001");
  assert.equal(
    (index.getColumn("n_tokens").toArray() as number[]).reduce((x, y) => x + y, 0),
    analysis.tokens.length,
  );
});

Deno.test("reuse from parts: a missing frame or a part out of step is one clear error", async () => {
  const out = await tempDir();
  assert.throws(
    () => reuseFramesFromParts(out),
    new ReuseError(`${out}: no articles frame (neither articles.parquet nor parts)`),
  );
  await writeBatches(out, [2, 3]);
  // The index of batch 1 written again as batch 0: its sentences no longer follow the sentences.
  const { articles } = await loadCorpus("seeds");
  const late = analyzeArticles(articles.slice(2));
  await writePartition(reuseIndexFrame(late), out, REUSE_INDEX, 0, ["parquet"]);
  assert.throws(
    () => reuseFramesFromParts(out),
    new ReuseError(
      `${out}/${REUSE_INDEX}/batch=00000/part.parquet row 0: sentence "002_ade13a7782b6fbaf:0" is not where the sentences frame has "000_56b2ab6aca23b9fa:0"`,
    ),
  );
  await Deno.remove(out, { recursive: true });
});

Deno.test("reuse in small pieces (pairs spilled in chunks of 5) gives the frames of the whole corpus", async () => {
  const out = await tempDir();
  await writeBatches(out, [2, 2, 1]);
  const scratch = `${out}/.staging/reuse`;
  const pieces = await reusePiecesFromParts(out, {
    scratch,
    chunkPairs: 5,
    maxLinks: 8,
    pieceRows: 4,
  });
  const analysis = await seedAnalysis();
  const inMemory = reuseStageFrames(analysis);
  assert.deepEqual(Object.keys(pieces), Object.keys(inMemory));
  // The sentence texts wait in the scratch folder, one after the other, for the coverage labels.
  assert.equal(
    Deno.readTextFileSync(`${scratch}/sentences.txt`),
    analysis.sentences.map((s) => s.text).join(""),
  );
  // The pairs are on disk, a file per chunk: the seeds' 53 pairs, by sentence b, in chunks closed
  // once they hold 5 (a sentence's pairs are never split): 9 chunks.
  const files = [...Deno.readDirSync(scratch)].map((e) => e.name).filter((f) =>
    f.startsWith("pairs")
  )
    .sort();
  assert.deepEqual(files, Array.from({ length: 9 }, (_, k) => `pairs-00000${k}.bin`));
  assert.deepEqual(
    files.map((f) => Deno.statSync(`${scratch}/${f}`).size / 33),
    [5, 5, 5, 5, 6, 6, 6, 6, 9].map((n) => (Math.ceil((9 * n) / 8) * 8 + 24 * n) / 33),
  );
  for (const [name, df] of Object.entries(inMemory)) {
    const made = [...pieces[name]];
    // Every frame but article_sources comes in several pieces at these sizes.
    if (name !== "article_sources") assert.ok(made.length > 2, `${name}: ${made.length} pieces`);
    const whole = pl.concat(made, { how: "vertical" });
    assert.ok(whole.frameEqual(df), name);
  }
  await Deno.remove(out, { recursive: true });
});

Deno.test("reuse_index read from its own folder (a run's staging), and only when every slice has one", async () => {
  const out = await tempDir();
  await writeBatches(out, [2, 3]);
  const staged = `${out}/.staging`;
  await Deno.mkdir(staged);
  await Deno.rename(`${out}/${REUSE_INDEX}`, `${staged}/${REUSE_INDEX}`);
  const inMemory = reuseStageFrames(await seedAnalysis());
  const fromIndex = reuseFramesFromParts(out, { index: staged });
  for (const [name, df] of Object.entries(inMemory)) {
    assert.ok(fromIndex[name].frameEqual(df), name);
  }
  // Batch 1's index as batch 0's: read from the index folder, it is out of step with the sentences.
  const { articles } = await loadCorpus("seeds");
  await writePartition(
    reuseIndexFrame(analyzeArticles(articles.slice(2))),
    staged,
    REUSE_INDEX,
    0,
    [
      "parquet",
    ],
  );
  assert.throws(
    () => reuseFramesFromParts(out, { index: staged }),
    new ReuseError(
      `${staged}/${REUSE_INDEX}/batch=00000/part.parquet row 0: sentence "002_ade13a7782b6fbaf:0" is not where the sentences frame has "000_56b2ab6aca23b9fa:0"`,
    ),
  );
  // With batch 1's index gone (a slice that wrote none), the tokens are read: the same frames.
  await Deno.remove(`${staged}/${REUSE_INDEX}/batch=00001`, { recursive: true });
  const fromTokens = reuseFramesFromParts(out, { index: staged });
  for (const [name, df] of Object.entries(inMemory)) {
    assert.ok(fromTokens[name].frameEqual(df), name);
  }
  await Deno.remove(out, { recursive: true });
});
