// What writing an output at a path means when something is already there. A regular file (or
// nothing) is replaced atomically; a symbolic link is followed and the file it points to is
// replaced, the link kept; a character device or a FIFO (/dev/null, /dev/stdout, a named pipe)
// is written through, as a shell redirection would. A folder, socket or block device is refused.
// Nothing here ever replaces a special file with a regular one.
import { lstatSync, realpathSync, type Stats, statSync } from "node:fs";
import { errnoCode, OutputError } from "./fs-errors.ts";
import { escapeForTerminal } from "./terminal.ts";

export type OutputTarget =
  /** Write a temporary file beside `path` and rename it over `path`. */
  | { mode: "replace"; path: string }
  /** Open `path` and write into it: no temporary file, no rename. */
  | { mode: "through"; path: string };

function statOrNull(stat: (p: string) => Stats, path: string): Stats | null {
  try {
    return stat(path);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return null;
    throw err;
  }
}

function kindName(s: Stats): string {
  if (s.isDirectory()) return "a folder";
  if (s.isSocket()) return "a socket";
  if (s.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** How to write an output at `path` (see the module comment); throws OutputError when refused. */
export function outputTarget(path: string): OutputTarget {
  const own = statOrNull(lstatSync, path);
  if (own === null || own.isFile()) return { mode: "replace", path };
  const seen = statOrNull(statSync, path);
  const shown = escapeForTerminal(path);
  if (seen === null)
    throw new OutputError(
      "dangling-link",
      path,
      `refusing to write ${shown}: it is a symbolic link to nothing`,
    );
  if (seen.isFile()) return { mode: "replace", path: realpathSync(path) };
  if (seen.isCharacterDevice() || seen.isFIFO()) return { mode: "through", path };
  throw new OutputError(
    "refused-kind",
    path,
    `refusing to write ${shown}: it is ${kindName(seen)}`,
  );
}
