/**
 * The permissions a `deno task` grants, read from deno.json: tests and benchmarks that start the
 * kit's scripts as the task would take them from here, so the two never drift apart.
 * @module
 */

const config = JSON.parse(
  await Deno.readTextFile(new URL("../deno.json", import.meta.url)),
) as { tasks: Record<string, string | { command: string }> };

/** The `--allow-…` flags of the task `name` ("analyze": read, write to data/out, ffi, sys, env). */
export function taskPermissions(name: string): string[] {
  const task = config.tasks[name];
  if (task === undefined) throw new Error(`deno.json has no task "${name}"`);
  const command = typeof task === "string" ? task : task.command;
  return command.split(/\s+/).filter((word) => word.startsWith("--allow-"));
}
