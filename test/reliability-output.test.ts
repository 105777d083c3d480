// Issue 16, items 1, 2 and 8: a full disk never reports success nor costs the previous output;
// a symlink, device or FIFO given as -o is never replaced by a regular file; an output path that
// cannot exist fails at once. Real CLI processes where the behaviour is the process's (exit code,
// stdout), the writer itself with an injected short write (src/common/write-all.ts WriteIo).
import { execFile, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureDir, OutputError, type WriteIo, writeFileAtomic } from "../src/common/fs.ts";
import { CLI } from "./cli-bin.ts";
import { tempDirs } from "./temp-dirs.ts";

const temp = tempDirs("output");
const SMALL = "test/fixtures/ingest-b/ieee-exascale-slice.ris";
const FLAGS = ["--as-of", "2026-11-27", "--no-cache"];

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `litgraph args…` in a child process; `shell` wraps it (a redirection, a ulimit). */
function cli(args: string[], shell?: (command: string) => string): Promise<Result> {
  const command = ["node", CLI, ...args].map((a) => `'${a}'`).join(" ");
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", shell ? shell(command) : command],
      { timeout: 60_000, maxBuffer: 32 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: unknown }).code : 0;
        resolve({ code: typeof code === "number" ? code : null, stdout, stderr });
      },
    );
  });
}

/** A file size limit of `kb` KB: a write past it is cut short, then fails with EFBIG. */
const limited = (kb: number) => (command: string) =>
  `trap '' XFSZ; ulimit -f ${kb}; exec ${command}`;

const PREVIOUS = '{"previous": true}\n';

describe("a write that stops short (injected)", () => {
  /** Writes at most `per` bytes a call, and nothing once `total` bytes are written. */
  const shortIo = (per: number, total: number): WriteIo => {
    let written = 0;
    return {
      write: (fd, buffer, offset, length) => {
        const n = Math.min(per, length, total - written);
        if (n <= 0) return 0;
        written += n;
        return writeSync(fd, buffer, offset, n);
      },
    };
  };

  it.each([
    ["string", "x".repeat(100_000)],
    ["chunks", Array.from({ length: 1000 }, (_, i) => `${i}\n`.repeat(50))],
    ["bytes", new Uint8Array(100_000).fill(65)],
  ] as const)("a full disk (%s) throws OutputError and keeps the previous file", (_k, data) => {
    const dir = temp();
    const out = join(dir, "graph.json");
    writeFileSync(out, PREVIOUS);
    let thrown: unknown;
    try {
      writeFileAtomic(out, data as never, { io: shortIo(4096, 10_000) });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(OutputError);
    expect((thrown as OutputError).code).toBe("write-failed");
    expect((thrown as OutputError).path).toBe(out);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual(["graph.json"]);
  });

  it("short writes that keep making progress are retried to the end", () => {
    const out = join(temp(), "graph.json");
    const text = "0123456789".repeat(10_000);
    writeFileAtomic(out, text, { io: shortIo(777, Number.POSITIVE_INFINITY) });
    expect(readFileSync(out, "utf8")).toBe(text);
  });
});

describe("a full disk in a real process (file size limit: short write, then EFBIG)", () => {
  it("build -o fails with exit 1, says no 'wrote', keeps the previous graph", async () => {
    const out = join(temp(), "graph.json");
    writeFileSync(out, PREVIOUS);
    // the seed listing's graph.json is about 200 KB
    const r = await cli(["build", ...FLAGS, "-o", out], limited(64));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*graph\.json: EFBIG/);
    expect(r.stderr).not.toMatch(/wrote/);
    expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
    expect(readdirSync(join(out, ".."))).toEqual(["graph.json"]);
  });

  it("extract --json > file fails with exit 1", async () => {
    const out = join(temp(), "papers.json");
    const r = await cli(["extract", ...FLAGS.slice(0, 2), "--json"], (c) =>
      limited(64)(`${c} > '${out}'`),
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot write stdout: EFBIG/);
  });

  it("extract --json > /dev/full fails with exit 1 (ENOSPC)", async () => {
    const r = await cli(["extract", ...FLAGS.slice(0, 2), "--json"], (c) => `${c} > /dev/full`);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot write stdout: ENOSPC/);
  });

  it("a reader that stops early (| head) is not a failure", async () => {
    const r = await cli(
      ["extract", ...FLAGS.slice(0, 2), "--json"],
      (c) => `set -o pipefail; ${c} | head -c 10`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('{\n  "paper');
  });
});

/** Mount a 1 MB tmpfs on `dir`; false where this machine does not allow it (not root, a container). */
const mountTmpfs = (dir: string) =>
  spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir]).status === 0;
const umount = (dir: string) => spawnSync("umount", [dir]);

/** Whether a tmpfs can be mounted here: probed once, mounted and unmounted at once. */
function canMountTmpfs(): boolean {
  const dir = temp();
  const ok = mountTmpfs(dir);
  if (ok) umount(dir);
  return ok;
}

describe("a full disk on a real filesystem (tmpfs)", () => {
  const mountable = canMountTmpfs();
  if (!mountable)
    console.log("tmpfs: cannot mount here; the file size limit above stands in for it");

  it.runIf(mountable)(
    "build -o and extract --json > file: exit 1, previous output kept",
    async () => {
      const dir = temp();
      expect(mountTmpfs(dir)).toBe(true);
      try {
        const out = join(dir, "graph.json");
        writeFileSync(out, PREVIOUS);
        // leave 100 KB of the 1 MB free: less than either output
        writeFileSync(join(dir, "filler"), Buffer.alloc(1024 * 1024 - 100 * 1024 - 8192));
        const build = await cli(["build", ...FLAGS, "-o", out]);
        expect(build.code, build.stderr).toBe(1);
        expect(build.stderr).toMatch(/ENOSPC/);
        expect(build.stderr).not.toMatch(/wrote/);
        expect(readFileSync(out, "utf8")).toBe(PREVIOUS);
        expect(readdirSync(dir).sort()).toEqual(["filler", "graph.json"]);
        const extract = await cli(
          ["extract", ...FLAGS.slice(0, 2), "--json"],
          (c) => `${c} > '${join(dir, "papers.json")}'`,
        );
        expect(extract.code, extract.stderr).toBe(1);
        expect(extract.stderr).toMatch(/cannot write stdout: ENOSPC/);
      } finally {
        umount(dir);
      }
    },
  );
});

describe("-o onto a special file: never replaced", () => {
  it("a symlink: the file it points to gets the graph, the link stays", async () => {
    const dir = temp();
    writeFileSync(join(dir, "real.json"), PREVIOUS);
    symlinkSync("real.json", join(dir, "link.json"));
    const r = await cli(["build", SMALL, ...FLAGS, "-o", join(dir, "link.json")]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.json"))).toBe("real.json");
    expect(JSON.parse(readFileSync(join(dir, "real.json"), "utf8")).meta).toBeDefined();
    expect(readdirSync(dir).sort()).toEqual(["link.json", "real.json"]);
  });

  it("a dangling symlink or a folder is refused before the build (exit 1)", async () => {
    const dir = temp();
    symlinkSync("nothing", join(dir, "dangling.json"));
    const dangling = await cli(["build", SMALL, ...FLAGS, "-o", join(dir, "dangling.json")]);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toMatch(
      /refusing to write .*dangling\.json: it is a symbolic link to nothing/,
    );
    expect(dangling.stderr).not.toMatch(/records/);
    const folder = await cli(["build", SMALL, ...FLAGS, "-o", dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/refusing to write .*: it is a folder/);
    expect(readdirSync(dir)).toEqual(["dangling.json"]);
  });

  it("a FIFO is written through to its reader and stays a FIFO", async () => {
    const fifo = join(temp(), "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.on("data", (d) => {
      got += String(d);
    });
    const done = new Promise((r) => reader.on("close", r));
    const r = await cli(["build", SMALL, ...FLAGS, "-o", fifo]);
    await done;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(got).meta.counts.nodes).toBeGreaterThan(3);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.each([
    ["/dev/full", 1, /cannot write \/dev\/full: ENOSPC/],
    ["/dev/null", 0, /wrote \/dev\/null/],
  ] as const)("%s is written through (exit %i) and stays a device", async (dev, code, message) => {
    const before = statSync(dev);
    const r = await cli(["build", SMALL, ...FLAGS, "-o", dev]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    const after = lstatSync(dev);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
  });
});

describe("an output under a path that cannot exist fails at once", () => {
  it.each([
    ["-o", ["build", SMALL, ...FLAGS, "-o", "/proc/x/y/graph.json"]],
    ["--rejects", ["extract", SMALL, ...FLAGS.slice(0, 2), "--rejects", "/proc/x/y/r.json"]],
    ["--cache-dir", ["build", SMALL, "--as-of", "2026-11-27", "--cache-dir", "/proc/x/y"]],
    ["site -o", ["site", SMALL, "--as-of", "2026-11-27", "-o", "/proc/x/y"]],
  ])("%s /proc/x/y/…: exit 1 naming the folder, no build", async (_o, args) => {
    const started = Date.now();
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot make folder \/proc\/x: ENOENT/);
    expect(r.stderr).not.toMatch(/records/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("ensureDir names a file in the way and makes the rest", () => {
    const dir = temp();
    writeFileSync(join(dir, "file"), "");
    expect(() => ensureDir(join(dir, "file", "sub"))).toThrow(OutputError);
    ensureDir(join(dir, "a", "b", "c"));
    expect(statSync(join(dir, "a", "b", "c")).isDirectory()).toBe(true);
    expect(existsSync(join(dir, "file", "sub"))).toBe(false);
  });
});
