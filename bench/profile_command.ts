/**
 * The `analyze` command of this tree against another checkout of the kit (an earlier commit,
 * unpacked with `git archive`, with a `node_modules` link), as a user runs it, alternating
 * between the two so that the noise of a shared machine hits both alike. Each run is timed
 * under /usr/bin/time: wall seconds, CPU seconds (user + system, all threads) and peak RSS;
 * the load average is printed before each run.
 *
 *   git archive <commit> | tar -x -C /tmp/nf_before && ln -s $PWD/node_modules /tmp/nf_before/
 *   deno run --allow-read --allow-write=data/out --allow-run=/usr/bin/time --allow-sys=loadavg \
 *     bench/profile_command.ts /tmp/nf_before [corpus.jsonl] [runs] [-- analyze flags]
 * @module
 */

import { taskPermissions } from "../tests/tasks.ts";

const dash = Deno.args.indexOf("--");
const positional = dash >= 0 ? Deno.args.slice(0, dash) : Deno.args;
const flags = dash >= 0 ? Deno.args.slice(dash + 1) : [];
const [other, corpusArg = "data/out/bench/sotu_x1.jsonl", runsArg = "2"] = positional;
if (!other) {
  throw new Error("usage: profile_command.ts OTHER_TREE [corpus.jsonl] [runs] [-- flags]");
}
const corpus = await Deno.realPath(corpusArg);
const here = new URL("..", import.meta.url).pathname;
const trees = { before: other, after: here };
const PERMISSIONS = taskPermissions("analyze");

interface Timing {
  wall: number;
  cpu: number;
  rssMb: number;
}

async function run(tree: string): Promise<Timing> {
  const { stderr, code } = await new Deno.Command("/usr/bin/time", {
    args: [
      "-f",
      "TIMED %e %U %S %M",
      Deno.execPath(),
      "run",
      ...PERMISSIONS,
      "src/cli/analyze.ts",
      "--corpus",
      corpus,
      "--out",
      "data/out/profile_command",
      "--format",
      "parquet",
      "--quiet",
      ...flags,
    ],
    cwd: tree,
    stdout: "null",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(stderr);
  const m = /TIMED ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(err);
  if (code !== 0 || !m) throw new Error(`analyze failed in ${tree}:\n${err.slice(-2000)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024 };
}

const load = () => Deno.loadavg().map((x) => x.toFixed(2)).join(" ");
const all: Record<string, Timing[]> = { before: [], after: [] };
const runs = Number(runsArg);
for (let r = 1; r <= runs; r++) {
  // Alternate which side goes first, so neither always follows the other's heavy run.
  const order = r % 2 === 1 ? ["before", "after"] as const : ["after", "before"] as const;
  for (const side of order) {
    const l = load();
    const t = await run(trees[side]);
    all[side].push(t);
    console.log(
      `run ${r} ${side.padEnd(6)} wall ${t.wall.toFixed(2)} s, cpu ${t.cpu.toFixed(2)} s, ` +
        `peak ${Math.round(t.rssMb)} MB (load ${l})`,
    );
  }
}
const best = (xs: Timing[], k: keyof Timing) => Math.min(...xs.map((x) => x[k]));
for (const k of ["wall", "cpu"] as const) {
  const [b, a] = [best(all.before, k), best(all.after, k)];
  console.log(
    `best ${k}: before ${b.toFixed(2)} s, after ${a.toFixed(2)} s (${
      Math.round((1 - a / b) * 100)
    }% less)`,
  );
}
