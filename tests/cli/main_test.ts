import assert from "node:assert/strict";
import { nearest, permissionLine } from "../../src/cli/args.ts";
import { KIT_ROOT, main, userFolder } from "../../src/cli/main.ts";
import { injectParameters, type Notebook } from "../../src/cli/notebooks.ts";

Deno.test("permissionLine names the flag to widen, in one line", () => {
  const denied = new Error(
    'Requires write access to "/var/tmp/x", run again with the --allow-write flag\n    at x',
  );
  assert.equal(
    permissionLine(denied),
    "error: no write access to /var/tmp/x: widen --allow-write (the deno tasks write only under " +
      "data/out; the installed newsframe command may write anywhere: see README Permissions)",
  );
  assert.equal(
    permissionLine(
      new Error('Requires all access to "/proc/x", run again with the --allow-all flag'),
    ),
    "error: /proc/x needs --allow-all, which newsframe never asks for",
  );
  assert.equal(
    permissionLine(new Error("Permission denied (os error 13): mkdir '/root/x'")),
    "error: the system denied it: Permission denied (os error 13): mkdir '/root/x'",
  );
});

Deno.test("userFolder: INIT_CWD only inside deno task (the process runs in the kit's folder)", () => {
  assert.equal(userFolder(KIT_ROOT, "/home/me/news"), "/home/me/news");
  assert.equal(userFolder("/home/me/news", "/elsewhere"), "/home/me/news");
  assert.equal(userFolder("/home/me/news", undefined), "/home/me/news");
  assert.equal(userFolder(KIT_ROOT, undefined), KIT_ROOT);
});

Deno.test("main: unknown command suggests one, help lists the commands", async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { log: (l: string) => out.push(l), error: (l: string) => err.push(l) };
  assert.equal(await main(["chart"], io), 2);
  assert.match(err[0], /^error: unknown command "chart" \(did you mean charts\?\)/);
  assert.equal(await main(["help", "notebooks"], io), 0);
  assert.match(out.at(-1)!, /^usage: newsframe notebooks \[--corpus PATH\]/);
});

const NOTEBOOK = {
  cells: [
    { cell_type: "markdown", source: "# A", metadata: {} },
    {
      cell_type: "code",
      source: 'const CORPUS = "../seeds";\nconst WITHIN: string | undefined = undefined;',
      metadata: { tags: ["parameters"] },
      outputs: [],
    },
    { cell_type: "code", source: "CORPUS;", metadata: {}, outputs: [] },
  ],
  metadata: {},
} as Notebook;

Deno.test("injectParameters: a cell after `parameters` declares what the notebook declares", () => {
  const nb = injectParameters(NOTEBOOK, {
    CORPUS: "/data/mine",
    GROUP: "party", // not declared by this notebook: left out
    WITHIN: undefined,
  });
  assert.equal(nb.cells.length, 4);
  assert.deepEqual(nb.cells[2].metadata, { tags: ["injected-parameters"] });
  assert.equal(
    nb.cells[2].source,
    '// Injected by newsframe notebooks\nconst CORPUS = "/data/mine";\n' +
      "const WITHIN: string | undefined = undefined;",
  );
  assert.equal(nb.cells[3].source, "CORPUS;");
  // No parameters cell: unchanged.
  const plain = { ...NOTEBOOK, cells: [NOTEBOOK.cells[0]] } as Notebook;
  assert.equal(injectParameters(plain, { CORPUS: "x" }), plain);
});

Deno.test("unknown options say 'did you mean', then where the options are; no usage dump", async () => {
  assert.equal(nearest("corpsu", ["corpus", "out", "by"]), "corpus");
  assert.equal(nearest("withn", ["within", "by"]), "within");
  assert.equal(nearest("outp", ["out", "corpus"]), "out");
  assert.equal(nearest("zzzzzz", ["corpus", "out"]), undefined);
  const err: string[] = [];
  const io = { log: () => {}, error: (l: string) => err.push(l) };
  assert.equal(await main(["analyze", "--corpsu", "x"], io), 2);
  assert.deepEqual(err, [
    "error: Unknown option '--corpsu' (did you mean --corpus?)\n" +
    "(newsframe analyze --help lists every option)",
  ]);
});

Deno.test("a path of the wrong kind is one line naming it, for analyze and charts", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/afile`;
  await Deno.writeTextFile(file, "not a folder\n");
  for (
    const [args, line] of [
      [
        ["analyze", "--out", file, "--stages", "corpus", "--quiet"],
        `error: ${file} exists as a file, where a folder is needed: give a folder (new or existing)`,
      ],
      [
        ["analyze", "--out", `${file}/sub`, "--stages", "corpus", "--quiet"],
        `error: ${file}/sub goes through a file as if it were a folder: check the path`,
      ],
      [
        ["charts", "--out", file, "--quiet"],
        `error: ${file} exists as a file, where a folder is needed: give a folder (new or existing)`,
      ],
    ] as const
  ) {
    const err: string[] = [];
    const io = { log: () => {}, error: (l: string) => err.push(l) };
    assert.equal(await main([...args], io), 2, args.join(" "));
    assert.deepEqual(err, [line]);
  }
});

Deno.test("--by and --within on one field, or a field no article has, stop before any work", async () => {
  const err: string[] = [];
  const io = { log: () => {}, error: (l: string) => err.push(l) };
  const same =
    'error: --by and --within both name "outlet": inside each outlet there is then one group, and nothing to compare; group by another field (e.g. --by id)';
  for (const command of ["analyze", "charts", "report", "notebooks"]) {
    err.length = 0;
    assert.equal(await main([command, "--within", "outlet", "--out", "/nonexistent/x"], io), 2);
    assert.equal(err[0].split("\n")[0], same, command);
  }
  err.length = 0;
  assert.equal(await main(["notebooks", "--by", "nosuch"], io), 2);
  assert.equal(
    err[0].split("\n")[0],
    'error: --by: no article has a value for the field "nosuch"; fields available: outlet, id, published, year, title, url, agency, outlet_evidence, outlet_evidence_text, date_evidence',
  );
});

Deno.test("--within: articles without the field are counted and said to be left out", async () => {
  const dir = await Deno.makeTempDir();
  const story = (s: string | null, outlet: string, text: string) =>
    `---\noutlet: ${outlet}\n${s ? `story: ${s}\n` : ""}---\n${text}\n`;
  await Deno.mkdir(`${dir}/corpus`);
  await Deno.writeTextFile(
    `${dir}/corpus/a.md`,
    story("vote", "Wire", "The council voted on Monday."),
  );
  await Deno.writeTextFile(
    `${dir}/corpus/b.md`,
    story("vote", "Paper", "Councillors voted to pass it."),
  );
  await Deno.writeTextFile(`${dir}/corpus/c.md`, story(null, "Paper", "A storm hit the coast."));
  const err: string[] = [];
  const io = { log: () => {}, error: (l: string) => err.push(l) };
  const args = ["analyze", "--corpus", `${dir}/corpus`, "--out", `${dir}/out`, "--within", "story"];
  assert.equal(await main([...args, "--stages", "corpus,measure"], io), 0, err.join("\n"));
  assert.ok(
    err.includes(
      "warning: 1 of 3 articles have no story: the comparisons within each story (keyness, " +
        "framing_within, sentiment_within) leave them out",
    ),
    err.join("\n"),
  );
  await Deno.remove(dir, { recursive: true });
});
