/**
 * `deno task notebooks --within FIELD` reads the corpus before Jupyter starts, to refuse a field no
 * article has; with the task's own permissions, a folder of `.md` files with front matter must load
 * (the YAML parser reads LOG_TOKENS: without it every file was rejected, and a field of the front
 * matter, such as `story`, was refused as missing).
 * @module
 */
import assert from "node:assert/strict";
import { taskPermissions } from "../tasks.ts";

Deno.test("notebooks task: a front-matter field of a .md corpus is one it can compare within", async () => {
  const dir = await Deno.makeTempDir({ prefix: "nb_fields_" });
  try {
    await Deno.writeTextFile(
      `${dir}/a.md`,
      "---\noutlet: AP\nstory: sport\n---\nArsenal beat Chelsea 2-1 on Sunday in London.\n",
    );
    const out = await new Deno.Command("deno", {
      args: [
        "run",
        ...taskPermissions("notebooks"),
        "src/cli/notebooks.ts",
        "run",
        "--corpus",
        dir,
        "--within",
        "no_such_field",
      ],
      cwd: new URL("../..", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const err = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 2, err);
    // The refusal lists the front matter's field: the file was read.
    assert.match(err, /fields available: outlet, id, published, year, title, url, agency, story\n/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
