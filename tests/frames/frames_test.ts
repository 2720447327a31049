import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { analyzeArticles, corpusFrames } from "../../src/pipeline.ts";
import { writeFrames } from "../../src/frames/write.ts";
import { articlesFrame } from "../../src/frames/articles.ts";
import { cleanArticle } from "../../src/corpus/clean.ts";
import { SEED, seedAnalysis, tempDir, textArticle } from "../seeds.ts";

const dtypes = (df: pl.DataFrame) =>
  Object.fromEntries(df.columns.map((c) => [c, String(df.getColumn(c).dtype)]));

Deno.test("articles frame: schema and the values of the seeds", async () => {
  const { articles } = corpusFrames(await seedAnalysis());
  assert.deepEqual(articles.columns.slice(0, 16), [
    "article_id",
    "outlet",
    "title",
    "published",
    "language",
    "dateline",
    "reporters",
    "editors",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "agency",
    "byline",
    "url",
    "n_removed",
    "n_repaired",
  ]);
  const t = dtypes(articles);
  assert.equal(t.published, "DataType(Date)");
  assert.equal(t.reporters, "DataType(List(DataType(String)))");
  assert.equal(t.n_words, "DataType(Int32)");
  const rows = articles.select("article_id", "n_paragraphs", "n_sentences", "n_words", "n_removed")
    .rows();
  assert.deepEqual(rows, [
    [SEED.reuters2025, 17, 19, 506, 0],
    [SEED.rewrite001, 10, 16, 362, 0],
    [SEED.globalNews2023, 18, 19, 585, 9],
    [SEED.reutersHangzhou, 14, 18, 438, 0],
    [SEED.rewrite004, 10, 14, 334, 2],
  ]);
  // The seeds are English news reports: tinyld says so for each.
  assert.deepEqual(articles.getColumn("language").toArray(), ["en", "en", "en", "en", "en"]);
  assert.deepEqual(articles.getColumn("dateline").toArray(), [
    "BEIJING (Reuters) -",
    null,
    null,
    "(Reuters) -",
    null,
  ]);
  assert.deepEqual(articles.getColumn("reporters").toArray()[3], ["Lidia Kelly", "Ryan Woo"]);
  // Without a credit line, the people of the byline or of the author field.
  const bylined = articlesFrame(
    [
      cleanArticle(textArticle("By Maria Lindqvist and Tom Okafor\n\nThe council met on Monday.")),
      cleanArticle({ ...textArticle("The council met."), meta: { author: "Jane Doe, Reuters" } }),
      cleanArticle(textArticle("By The Associated Press\n\nThe council met.")),
    ],
    [],
  );
  assert.deepEqual(bylined.getColumn("reporters").toArray(), [
    ["Maria Lindqvist", "Tom Okafor"],
    ["Jane Doe"],
    [],
  ]);
  assert.equal(
    (articles.getColumn("published").toArray()[2] as unknown as Date).toISOString().slice(0, 10),
    "2023-05-24",
  );
  assert.deepEqual(articles.getColumn("outlet_evidence").toArray(), [
    "dateline; credit_line",
    "unknown",
    "global_news_boilerplate; credit_line",
    "dateline; credit_line",
    "byline",
  ]);
});

Deno.test("sentences and tokens frames: schemas, ids and a row each", async () => {
  const { sentences, tokens } = corpusFrames(await seedAnalysis());
  assert.deepEqual(dtypes(sentences), {
    sentence_id: "DataType(String)",
    article_id: "DataType(String)",
    outlet: "DataType(String)",
    paragraph: "DataType(Int32)",
    position: "DataType(Int32)",
    kind: "DataType(String)",
    text: "DataType(String)",
    start: "DataType(Int32)",
    end: "DataType(Int32)",
    n_words: "DataType(Int32)",
  });
  assert.equal(sentences.height, 86);
  assert.deepEqual(sentences.row(7), [
    `${SEED.reuters2025}:7`,
    SEED.reuters2025,
    "Reuters",
    7,
    0,
    "subhead",
    "RUSSIA WANTS TO STEM A RECENT SLOWDOWN IN TRADE WITH CHINA",
    1464,
    1522,
    11,
  ]);
  assert.deepEqual(tokens.columns, [
    "article_id",
    "outlet",
    "sentence_id",
    "position",
    "token",
    "lower",
    "stem",
    "is_stop",
    "start",
    "end",
  ]);
  assert.equal(tokens.height, 2225);
  assert.equal(String(tokens.getColumn("is_stop").dtype), "DataType(Bool)");
  assert.equal(tokens.filter(pl.col("is_stop")).height, 747);
});

Deno.test("cleaning frame lists removed, separated and repaired pieces with lines", async () => {
  const { cleaning } = corpusFrames(await seedAnalysis());
  const counts = cleaning.groupBy("action").len().sort("action").rows();
  assert.deepEqual(counts, [["removed", 11], ["repaired", 1], ["separated", 6]]);
  const repaired = cleaning.filter(pl.col("action").eq(pl.lit("repaired"))).row(0);
  assert.deepEqual(repaired, [
    SEED.globalNews2023,
    "Global News",
    "repaired",
    "split_join",
    5,
    "sanctionsMoscow",
    "sanctions Moscow",
  ]);
  const lines = (kind: string) =>
    cleaning.filter(pl.col("kind").eq(pl.lit(kind))).select("article_id", "line").rows()
      .map(([id, line]) => [String(id).slice(0, 3), line]);
  assert.deepEqual(lines("dateline"), [["000", 1], ["003", 1]]);
  assert.deepEqual(lines("credit_line"), [["000", 20], ["002", 56], ["003", 17]]);
  assert.deepEqual(lines("byline"), [["004", 4]]);
});

Deno.test("a date printed alone is separated (it is the article's date), as the summary says", () => {
  const analysis = analyzeArticles([
    textArticle("Friday, July 21, 2017\n\nA team was awarded a medal on Tuesday."),
  ]);
  const rows = corpusFrames(analysis).cleaning.select("action", "kind", "line", "text").rows();
  assert.deepEqual(rows, [["separated", "date_line", 1, "Friday, July 21, 2017"]]);
  assert.equal(analysis.articles[0].published, "2017-07-21");
});

Deno.test("frames round-trip through Parquet and CSV", async () => {
  const frames = corpusFrames(await seedAnalysis());
  const dir = await tempDir();
  const written = await writeFrames({ articles: frames.articles, tokens: frames.tokens }, dir, [
    "parquet",
    "csv",
  ]);
  assert.deepEqual(written, [
    `${dir}/articles.parquet`,
    `${dir}/articles.csv`,
    `${dir}/tokens.parquet`,
    `${dir}/tokens.csv`,
  ]);
  const back = pl.readParquet(`${dir}/tokens.parquet`);
  assert.deepEqual(back.shape, frames.tokens.shape);
  assert.deepEqual(back.getColumn("stem").toArray().slice(0, 4), [
    "china",
    "and",
    "russia",
    "pledg",
  ]);
  const csv = pl.readCSV(`${dir}/articles.csv`);
  assert.equal(
    csv.getColumn("reporters").toArray()[0],
    "Liz Lee; Ethan Wang; Xiuhao Chen; Lidia Kelly",
  );
  assert.deepEqual(pl.readParquet(`${dir}/articles.parquet`).getColumn("editors").toArray()[2], [
    "Michael Perry",
  ]);
});

Deno.test("frames of an empty analysis have their columns and no rows", () => {
  const frames = corpusFrames(analyzeArticles([]));
  assert.equal(frames.articles.height, 0);
  assert.equal(
    String(frames.articles.getColumn("reporters").dtype),
    "DataType(List(DataType(String)))",
  );
  assert.deepEqual(frames.tokens.shape, { height: 0, width: 10 });
});
