// LaTeX clean-up around citation-js: `preLatex` rewrites what citation-js does not know
// (math symbols, spacing, \footnote, \href, unknown macros) before it decodes a field;
// `postText` turns its rich-text output (HTML tags, leftover braces) into plain text.

import { z } from "zod";
import { squash } from "../../../common/text.ts";
import { citationPlugins } from "../citation-js.ts";
import tableJson from "./latex.json" with { type: "json" };

const LatexTable = z.object({
  comment: z.string().optional(),
  symbols: z.record(z.string(), z.string()),
  spacing: z.record(z.string(), z.string()),
  keepArgument: z.array(z.string()),
  dropWithArgument: z.array(z.string()),
  noteArgument: z.array(z.string()),
});
type LatexTable = z.infer<typeof LatexTable>;

function loadTable(): LatexTable {
  const parsed = LatexTable.safeParse(tableJson);
  if (!parsed.success) {
    throw new Error(`ingest/bibtex: bibtex/latex.json is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}
const TABLE = loadTable();

/** Macro names citation-js decodes itself (accents, text symbols, formatting, Greek). */
function knownToCitationJs(): Set<string> {
  const known = new Set<string>();
  const config = citationPlugins().config.get("@bibtex") as { constants?: Record<string, unknown> };
  const c = config?.constants ?? {};
  for (const k of [
    "commands",
    "formattingCommands",
    "argumentCommands",
    "diacritics",
    "mathCommands",
    "formattingEnvs",
    "mathScriptFormatting",
  ]) {
    const v = c[k];
    if (v && typeof v === "object") for (const name of Object.keys(v)) known.add(name);
  }
  return known;
}
// Asked on first use: reading it loads citation-js (citation-js.ts), which only BibTeX needs.
let known: Set<string> | undefined;
const KNOWN = (): Set<string> => {
  known ??= knownToCitationJs();
  return known;
};
const KEEP = new Set(TABLE.keepArgument);
const DROP = new Set(TABLE.dropWithArgument);
const NOTE = new Set(TABLE.noteArgument);

/** The balanced "{…}" group starting at `i` (after optional blanks): [inner, endIndex] or null. */
function groupAt(s: string, i: number): [string, number] | null {
  let j = i;
  while (s[j] === " " || s[j] === "\t") j++;
  if (s[j] !== "{") return null;
  let depth = 0;
  for (let k = j; k < s.length; k++) {
    const c = s[k];
    if (c === "\\") k++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return [s.slice(j + 1, k), k + 1];
  }
  return null;
}

const MACRO = /\\([A-Za-z]+|[!,;: |])/g;

/** Rewrite LaTeX that citation-js does not decode into text it passes through unharmed. */
export function preLatex(value: string): string {
  // TeX assignments such as \looseness=-1 carry no text.
  let s = value
    .replace(/\\textbackslash(?![A-Za-z])(\s*\{\})?/g, BACKSLASH)
    .replace(/\\[A-Za-z]+\s*=\s*-?\d+(\.\d+)?\s*(pt|em|ex)?/g, "");
  let out = "";
  let last = 0;
  MACRO.lastIndex = 0;
  for (let m = MACRO.exec(s); m; m = MACRO.exec(s)) {
    const name = m[1] ?? "";
    const after = m.index + m[0].length;
    let replacement: string | null = null;
    let next = after;
    if (name === "href") {
      const url = groupAt(s, after);
      const label = url ? groupAt(s, url[1]) : null;
      if (url && label) {
        const text = label[0].replace(/\\([_%#&])/g, "$1");
        const link = url[0].replace(/\\([_%#&])/g, "$1");
        replacement = text === link ? link : `${label[0]} (${link})`;
        next = label[1];
      }
    } else if (NOTE.has(name) || DROP.has(name) || KEEP.has(name)) {
      const arg = groupAt(s, after);
      if (arg) {
        replacement = DROP.has(name)
          ? ""
          : NOTE.has(name)
            ? ` (${preLatex(arg[0])})`
            : `{${arg[0]}}`;
        next = arg[1];
      }
    } else if (name in TABLE.symbols && !KNOWN().has(name)) {
      replacement = TABLE.symbols[name] ?? "";
    } else if (name in TABLE.spacing) {
      replacement = TABLE.spacing[name] ?? "";
    } else if (/^[A-Za-z]+$/.test(name) && !KNOWN().has(name)) {
      // Unknown macro: keep a braced argument as text, else keep the macro's name as a word
      // (papers define \ours or \method for their system's name; the name reads better than a gap).
      const arg = groupAt(s, after);
      if (arg) {
        replacement = `{${arg[0]}}`;
        next = arg[1];
      } else {
        replacement = name;
      }
    }
    if (replacement !== null) {
      out += s.slice(last, m.index) + replacement;
      last = next;
      MACRO.lastIndex = next;
    }
  }
  s = out + s.slice(last);
  return s;
}

/**
 * A literal backslash (`\textbackslash{}`, as BibTeX writers escape one) stands as this
 * noncharacter between preLatex and postText, so that postText's macro stripping keeps it: a
 * title "\ours: …" written out and read back stays "\ours: …".
 */
const BACKSLASH = "\uFDD0";

/**
 * citation-js rich text → plain text: tags dropped, stray braces and macros removed. A "$" left
 * in it is a literal dollar (citation-js decodes math and `\$`), so it stays.
 */
export function postText(value: string): string {
  const s = value
    .replace(/<\/?(?:i|b|sup|sub|span|a)(?:\s[^>]*)?>/g, "")
    .replace(/\\([A-Za-z]+)/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/[{}]/g, "")
    .replaceAll(BACKSLASH, "\\");
  return squash(s);
}

/** A title: plain text without leading punctuation left by a dropped macro. */
export function postTitle(value: string): string {
  return postText(value).replace(/^[\s:;,.-]+/, "");
}

/** A title's leading macro that nobody defines ("\ours: …"), and the title after it. */
export interface LeadingMacro {
  /** The macro as written, backslash included ("\ours"). */
  macro: string;
  /** The raw title after it (a brace around the macro alone removed). */
  rest: string;
}

// Blanks, an optional "{", the macro (not one taking an argument: "\\name{X}"), an optional
// empty "{}", blanks, an optional "}".
const LEADING = /^\s*(\{\s*)?\\([A-Za-z]+)(?![A-Za-z])(?!\s*\{\s*[^\s}])(\s*\{\s*\})?\s*(\})?/;

/**
 * An undefined macro without an argument at the start of a raw BibTeX title: papers define
 * `\ours` or `\method` as their system's name in the LaTeX source, which the .bib does not carry.
 * Kept as written, it shows the reader a name is missing instead of reading as the word "ours".
 */
export function leadingMacro(raw: string): LeadingMacro | null {
  const m = LEADING.exec(raw);
  const name = m?.[2];
  if (!m || !name) return null;
  if (KNOWN().has(name) || KEEP.has(name) || DROP.has(name) || NOTE.has(name)) return null;
  if (name in TABLE.symbols || name in TABLE.spacing || name === "href") return null;
  const [open, close] = [m[1] !== undefined, m[4] !== undefined];
  if (close && !open) return null;
  const rest = raw.slice(m[0].length);
  const gap = /\s$/.test(m[0]) && !close ? " " : "";
  return { macro: `\\${name}`, rest: (open && !close ? "{" : "") + gap + rest };
}
