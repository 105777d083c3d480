// Issue 16, items 9 and 10: messages that quote a path or a title cannot forge terminal lines
// or reorder them (control and bidi characters are escaped), and --as-of takes only real
// calendar dates (exit 2 otherwise). The CLI runs in process with stdout and stderr captured.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAsOf, UsageError } from "../src/cli/args.ts";
import { escapeForTerminal } from "../src/common/terminal.ts";
import { runMain } from "./run-main.ts";
import { tempDirs } from "./temp-dirs.ts";

const temp = tempDirs("messages");

const run = runMain;

const RLO = "\u202e";
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("escapeForTerminal", () => {
  it.each([
    ["plain text and accents: Müller – “quoted”", "plain text and accents: Müller – “quoted”"],
    ["line\nbreak\r\ttab", "line\\nbreak\\r\\ttab"],
    [`bidi ${RLO}gpj.exe`, "bidi \\u202egpj.exe"],
    [
      "isolates \u2066x\u2069 and marks \u200e\u200f\u061c",
      "isolates \\u2066x\\u2069 and marks \\u200e\\u200f\\u061c",
    ],
    ["escape \u001b[31mred and C1 \u009b", "escape \\u001b[31mred and C1 \\u009b"],
    ["separators \u2028\u2029", "separators \\u2028\\u2029"],
  ])("%j", (text, shown) => {
    expect(escapeForTerminal(text)).toBe(shown);
  });
});

describe("a hostile file name or title on the terminal (item 9)", () => {
  const FORGED = `evil\n  rejected forged.ris: all is well ${RLO}sir.ris`;

  it("a reject naming the file stays one line, with the newline and bidi escaped", async () => {
    const dir = temp();
    // a RIS record without its end: one rejected record naming the file
    writeFileSync(join(dir, FORGED), "TY  - JOUR\nTI  - Cut short\n");
    const r = await run(["extract", dir, "--as-of", "2026-11-27"]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("  rejected"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("evil\\n  rejected forged.ris: all is well \\u202esir.ris");
    expect(r.stderr).not.toMatch(UNSAFE);
  });

  it("a missing input with a newline in its name fails on one line", async () => {
    const r = await run([
      "extract",
      join(temp(), "missing\nlitgraph extract: fine"),
      "--as-of",
      "2026-11-27",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("missing\\nlitgraph extract: fine");
  });

  it("titles and authors in extract's text output are escaped; --json keeps the data", async () => {
    const dir = temp();
    mkdirSync(dir, { recursive: true });
    const title = `Safe title ${RLO}txt.exe`;
    writeFileSync(
      join(dir, "items.json"),
      JSON.stringify([
        {
          type: "article-journal",
          title,
          author: [{ family: `Doe${RLO}`, given: "Jane" }],
          issued: { "date-parts": [[2020]] },
        },
      ]),
    );
    const text = await run(["extract", dir, "--as-of", "2026-11-27"]);
    expect(text.stdout).toContain("Safe title \\u202etxt.exe");
    expect(text.stdout).not.toMatch(UNSAFE);
    const json = await run(["extract", dir, "--as-of", "2026-11-27", "--json"]);
    expect(JSON.parse(json.stdout).papers[0].title).toBe(title);
  });
});

describe("--as-of takes real calendar dates only (item 10)", () => {
  it.each(["2026-11-27", "2024-02-29", "2000-02-29", "1999-12-31"])("%s is a date", (value) => {
    expect(parseAsOf(value).toISOString().slice(0, 10)).toBe(value);
  });

  it.each([
    "2026-13-45",
    "2026-02-30",
    "2025-02-29",
    "1900-02-29",
    "2026-00-10",
    "2026-04-31",
    "2026-1-5",
  ])("%s is refused with exit 2", async (value) => {
    expect(() => parseAsOf(value)).toThrow(UsageError);
    const r = await run([
      "extract",
      "test/fixtures/ingest-b/ieee-exascale-slice.ris",
      "--as-of",
      value,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--as-of wants YYYY-MM-DD (a calendar date), got '${value}'`);
  });
});
