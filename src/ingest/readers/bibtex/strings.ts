// @string macros of one BibTeX file, expanded by the reader itself and bounded: citation-js
// would expand them without a limit (a macro doubled 23 times took minutes and gigabytes), and
// one @string it cannot read used to break every later entry. Here a bad or oversized @string
// is rejected alone, and only the entries that use it are rejected with it. Each entry then goes
// to citation-js with just the macros it uses, already expanded, and with its very long literals
// held back (citation-js's lexer overflows the stack on a literal of several million characters).

import { citationPlugins } from "../citation-js.ts";
import { lineStarts } from "../common.ts";
import {
  BibSyntaxError,
  type Field,
  type Part,
  scanEntryFields,
  scanString,
  stringName,
} from "./fields.ts";

export interface StringLimits {
  /** Most characters one macro may expand to, and one entry may take from macros in all. */
  maxExpansionChars: number;
  /** Most characters the @string values of one file may hold together. */
  maxTableChars: number;
  /** Literals longer than this are held back from citation-js's lexer and put back after. */
  longLiteralChars: number;
}

export const STRING_DEFAULTS: StringLimits = {
  maxExpansionChars: 1_000_000,
  maxTableChars: 16_000_000,
  longLiteralChars: 100_000,
};

type Macro = { line: number; value: string } | { line: number; bad: string };

/** An entry ready for citation-js, or why it cannot be read. */
export type PreparedEntry =
  | { text: string; restore: (value: string | number) => string | number }
  | { reason: string };

const HOLD_OPEN = "\uE000";
const HOLD_CLOSE = "\uE001";
const HELD = /\uE000(\d+)\uE001/g;

/** The macros citation-js defines itself (month names, a few journals). */
let predefined: Record<string, string> | undefined;
function predefinedMacros(): Record<string, string> {
  const config = citationPlugins().config.get("@bibtex") as {
    constants?: { defaultStrings?: unknown };
  };
  predefined ??= (config?.constants?.defaultStrings ?? {}) as Record<string, string>;
  return predefined;
}

const grouped = (n: number) => n.toLocaleString("en-US");

/** 1-based line of `offset` in `text`, whose first line is `line`. */
function lineIn(text: string, offset: number, line: number): number {
  return line + lineStarts(text.slice(0, offset)).length - 1;
}

/** A value as a BibTeX literal: braced when its braces balance, else quoted, else null. */
function literal(value: string): string | null {
  let depth = 0;
  for (let i = 0; i < value.length && depth >= 0; i++) {
    const c = value[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
  }
  if (depth === 0) return `{${value}}`;
  return value.includes('"') ? null : `"${value}"`;
}

export class StringTable {
  private readonly macros = new Map<string, Macro>();
  private held = 0;

  constructor(private readonly limits: StringLimits = STRING_DEFAULTS) {}

  private lookup(name: string): Macro | undefined {
    const own = this.macros.get(name);
    if (own) return own;
    const value = predefinedMacros()[name];
    return value === undefined ? undefined : { line: 0, value };
  }

  /** Characters `parts` expand to, or the reason a macro they use is bad. */
  private measure(parts: Part[]): { chars: number } | { bad: string; macro: string } {
    let chars = 0;
    for (const p of parts) {
      if (p.kind === "literal") chars += p.end - p.start;
      else if (p.kind === "number") chars += String(Number.parseInt(p.text, 10)).length;
      else {
        const m = this.lookup(p.name);
        if (m && "bad" in m) return { bad: m.bad, macro: p.name };
        chars += m ? m.value.length : 0; // an undefined macro is empty, as in citation-js
      }
    }
    return { chars };
  }

  private expand(text: string, parts: Part[]): string {
    let out = "";
    for (const p of parts) {
      if (p.kind === "literal") out += text.slice(p.start, p.end);
      else if (p.kind === "number") out += String(Number.parseInt(p.text, 10));
      else {
        const m = this.lookup(p.name);
        out += m && "value" in m ? m.value : "";
      }
    }
    return out;
  }

  /**
   * Read a `@string` entry starting at `line`. Returns why it is rejected when it cannot be
   * read (a syntax error, not closed), else null. A macro that is too long, or that uses a bad
   * one, is only marked: the entries that use it are rejected with the reason, the others are
   * untouched (an unused bomb costs nothing).
   */
  define(text: string, line: number, closed = true): string | null {
    const name = stringName(text);
    const fail = (why: string) => {
      if (name) this.macros.set(name, { line, bad: `@string ${name} (line ${line}) ${why}` });
      return `@string${name ? ` ${name}` : ""} ${why}`;
    };
    if (!closed) return fail("is not closed (unbalanced braces or truncated file)");
    let field: Field;
    try {
      field = scanString(text);
    } catch (err) {
      if (!(err instanceof BibSyntaxError)) throw err;
      return fail(`cannot be read: ${err.message} (line ${lineIn(text, err.offset, line)})`);
    }
    this.macros.set(field.name, this.evaluate(text, field, line));
    return null;
  }

  /** The macro `field` defines: its value, or why it has none. */
  private evaluate(text: string, field: Field, line: number): Macro {
    const size = this.measure(field.parts);
    if ("bad" in size) return { line, bad: size.bad };
    const max = this.limits.maxExpansionChars;
    const tooLong = (why: string) => ({ line, bad: `@string ${field.name} (line ${line}) ${why}` });
    if (size.chars > max) return tooLong(`expands to more than ${grouped(max)} characters`);
    if (this.held + size.chars > this.limits.maxTableChars)
      return tooLong(
        `takes the file's @string values past ${grouped(this.limits.maxTableChars)} characters`,
      );
    this.held += size.chars;
    return { line, value: this.expand(text, field.parts) };
  }

  /** The text citation-js should parse for the entry `text` starting at `line`. */
  prepare(text: string, line: number): PreparedEntry {
    let fields: Field[];
    try {
      fields = scanEntryFields(text);
    } catch (err) {
      if (!(err instanceof BibSyntaxError)) throw err;
      return { reason: `syntax error: ${err.message} (line ${lineIn(text, err.offset, line)})` };
    }
    const used = new Set<string>();
    let chars = 0;
    for (const f of fields) {
      const macros = f.parts.filter((p) => p.kind === "macro");
      const size = this.measure(macros);
      if ("bad" in size)
        return {
          reason: `field ${f.name} uses @string ${size.macro}, which has no value: ${size.bad}`,
        };
      chars += size.chars;
      for (const p of macros) if (this.macros.has(p.name)) used.add(p.name);
    }
    const max = this.limits.maxExpansionChars;
    if (chars > max)
      return { reason: `its fields take more than ${grouped(max)} characters from @string macros` };
    const defs: string[] = [];
    for (const name of used) {
      const m = this.macros.get(name);
      const value = m && "value" in m ? literal(m.value) : null;
      if (value === null)
        return { reason: `@string ${name} cannot be passed on (unbalanced braces and quotes)` };
      defs.push(`@string{${name} = ${value}}\n`);
    }
    return this.holdLongLiterals(text, fields, defs.join(""));
  }

  /** `prefix` + `text` with literals over the limit replaced by placeholders, and their restorer. */
  private holdLongLiterals(text: string, fields: Field[], prefix: string): PreparedEntry {
    const long = fields
      .flatMap((f) => f.parts)
      .filter((p) => p.kind === "literal" && p.end - p.start > this.limits.longLiteralChars);
    if (long.length === 0 || text.includes(HOLD_OPEN))
      return { text: prefix + text, restore: (v) => v };
    const held: string[] = [];
    let out = prefix;
    let last = 0;
    for (const p of long) {
      if (p.kind !== "literal") continue;
      out += `${text.slice(last, p.open)}{${HOLD_OPEN}${held.length}${HOLD_CLOSE}}`;
      held.push(text.slice(p.start, p.end));
      last = p.close;
    }
    out += text.slice(last);
    const restore = (v: string | number) =>
      typeof v === "string" ? v.replace(HELD, (_, i: string) => held[Number(i)] ?? "") : v;
    return { text: out, restore };
  }
}
