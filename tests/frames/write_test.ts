import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { scratchDir } from "../cli/files.ts";
import { csvCell, sinkFrame, writeFrame } from "../../src/frames/write.ts";

const frame = () =>
  pl.DataFrame({
    name: ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "ok", "a=b", "\tTab"],
    n: pl.Series("n", [-3, 1, 2, 3, 4, 5, 6], pl.Int32),
    tags: [["=x", "y"], [], ["-z"], [], [], [], []],
  });

const EXPECTED = [
  "name,n,tags",
  `"'=HYPERLINK(""x"")",-3,'=x; y`,
  `'+1,1,""`,
  "'-2,2,'-z",
  `'@SUM(A1),3,""`,
  `ok,4,""`,
  `a=b,5,""`,
  `'\tTab,6,""`,
  "",
].join("\n");

Deno.test("CSV frames: text cells that start like a formula get a ', numbers stay numbers", async () => {
  const dir = await scratchDir();
  writeFrame(frame(), `${dir}/a.csv`, "csv");
  assert.equal(await Deno.readTextFile(`${dir}/a.csv`), EXPECTED);
  sinkFrame(frame().lazy(), `${dir}/b.csv`, "csv");
  assert.equal(await Deno.readTextFile(`${dir}/b.csv`), EXPECTED);
  // Parquet keeps the values as they are.
  writeFrame(frame(), `${dir}/a.parquet`, "parquet");
  assert.equal(pl.readParquet(`${dir}/a.parquet`).getColumn("name").get(0), '=HYPERLINK("x")');
});

Deno.test("csvCell quotes and defuses one cell", () => {
  assert.equal(csvCell("=1+2"), "'=1+2");
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(-3), "-3");
  assert.equal(csvCell(null), "");
});
