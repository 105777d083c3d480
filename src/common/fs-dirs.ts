// Making the folders an output goes into, without mkdir's `recursive` option: on Node 20 that
// spins forever under a path that cannot exist (e.g. /proc/x/y).
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { errnoCode, OutputError } from "./fs-errors.ts";
import { escapeForTerminal } from "./terminal.ts";

/** The kind of thing at `path`: "missing", "folder" or "other" (a file, a device…), following links. */
function kindAt(path: string): "missing" | "folder" | "other" {
  try {
    return statSync(path).isDirectory() ? "folder" : "other";
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return "missing";
    throw new OutputError(
      "bad-folder",
      path,
      `cannot use ${escapeForTerminal(path)}: ${reason(err)}`,
      {
        cause: err,
      },
    );
  }
}

function reason(err: unknown): string {
  return escapeForTerminal(err instanceof Error ? err.message : String(err));
}

/**
 * Make the folder `dir` and any missing parents, one at a time from the nearest one that exists,
 * so that a path that cannot be made fails at once. Throws OutputError("bad-folder") naming the
 * first folder that is a file or cannot be made.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const kind = kindAt(at);
    if (kind === "folder") break;
    if (kind === "other")
      throw new OutputError(
        "bad-folder",
        at,
        `cannot make ${escapeForTerminal(dir)}: ${escapeForTerminal(at)} is not a folder`,
      );
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if (errnoCode(err) === "EEXIST" && kindAt(folder) === "folder") continue;
      throw new OutputError(
        "bad-folder",
        folder,
        `cannot make folder ${escapeForTerminal(folder)}: ${reason(err)}`,
        {
          cause: err,
        },
      );
    }
  }
}
