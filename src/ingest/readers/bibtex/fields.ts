// A scanner for the field syntax of one BibTeX entry, `name = part # part, …`, where a part is
// a "quoted" or {braced} literal, a number or a macro name. It follows citation-js's grammar
// (@citation-js/plugin-bibtex, lib/input/file.js: the same tokens, escapes and blanks), so that
// the reader can see which @string macros an entry uses and how long its literals are before
// handing the entry to citation-js. It builds no strings: literals are offsets into the text.

export type Part =
  /** text.slice(start, end) is the literal's content; open/close bound it with its delimiters. */
  | { kind: "literal"; open: number; start: number; end: number; close: number }
  | { kind: "number"; text: string }
  /** A macro reference, its name lower-cased. */
  | { kind: "macro"; name: string };

export interface Field {
  /** Lower-cased. */
  name: string;
  parts: Part[];
}

/** A syntax error at `offset` in the scanned text. */
export class BibSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = "BibSyntaxError";
  }
}

const IDENTIFIER = /[a-zA-Z_][a-zA-Z0-9_:+-]*/y;
const NUMBER = /-?\d+/y;
/** Blank: white space (as \s matches it) and % comments to the end of their line. */
const SPACE = /\s/;

class Cursor {
  at = 0;
  constructor(readonly text: string) {}

  /** Past blanks and comments (a loop, not one regex: a long run must not grow the regex stack). */
  blank(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.at];
      if (c === undefined) return;
      if (c === "%") {
        while (this.at < t.length && t[this.at] !== "\n" && t[this.at] !== "\r") this.at++;
      } else if (SPACE.test(c)) this.at++;
      else return;
    }
  }

  /** The match of a sticky regex at the cursor (advancing past it), or null. */
  take(re: RegExp): string | null {
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (!m) return null;
    this.at += m[0].length;
    return m[0];
  }

  fail(message: string): never {
    throw new BibSyntaxError(this.at, message);
  }

  expect(chars: string, what: string): string {
    const c = this.text[this.at];
    if (c === undefined || !chars.includes(c))
      this.fail(`expected ${what}, got ${c === undefined ? "the end" : JSON.stringify(c)}`);
    this.at++;
    return c;
  }
}

/** The end of a literal whose opening delimiter is at `open` ('"' or '{'), or -1. */
function literalEnd(text: string, open: number): number {
  const quoted = text[open] === '"';
  let depth = quoted ? 0 : 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "\\" && (next === "\\" || next === "{" || (next === "}" && depth > 0))) i++;
    else if (c === "{") depth++;
    else if (c === "}" && depth > 0) {
      depth--;
      if (depth === 0 && !quoted) return i;
    } else if (c === '"' && quoted && depth === 0) return i;
  }
  return -1;
}

function part(cur: Cursor): Part {
  const name = cur.take(IDENTIFIER);
  if (name !== null) return { kind: "macro", name: name.toLowerCase() };
  const number = cur.take(NUMBER);
  if (number !== null) return { kind: "number", text: number };
  const open = cur.at;
  const c = cur.text[open];
  if (c !== '"' && c !== "{")
    cur.fail(`expected a value, got ${c === undefined ? "the end" : JSON.stringify(c)}`);
  const close = literalEnd(cur.text, open);
  if (close < 0) cur.fail(`the value opened here is never closed`);
  cur.at = close + 1;
  return { kind: "literal", open, start: open + 1, end: close, close: close + 1 };
}

function field(cur: Cursor): Field {
  const name = cur.take(IDENTIFIER);
  if (name === null) cur.fail("expected a field name");
  cur.blank();
  cur.expect("=", '"="');
  cur.blank();
  const parts = [part(cur)];
  cur.blank();
  while (cur.text[cur.at] === "#") {
    cur.at++;
    cur.blank();
    parts.push(part(cur));
    cur.blank();
  }
  return { name: name.toLowerCase(), parts };
}

/** Past "@type" and its opening delimiter. */
function header(cur: Cursor): void {
  cur.blank();
  cur.expect("@", '"@"');
  cur.blank();
  if (cur.take(IDENTIFIER) === null) cur.fail("expected an entry type");
  cur.blank();
  cur.expect("{(", "an opening brace");
  cur.blank();
}

/** The one field of a `@string{name = value}` entry. Throws BibSyntaxError. */
export function scanString(text: string): Field {
  const cur = new Cursor(text);
  header(cur);
  const f = field(cur);
  cur.expect("})", "a closing brace");
  return f;
}

/** The fields of a data entry `@type{key, name = value, …}`. Throws BibSyntaxError. */
export function scanEntryFields(text: string): Field[] {
  const cur = new Cursor(text);
  header(cur);
  if (cur.take(/[^,\s]+/y) === null) cur.fail("expected a citation key");
  cur.blank();
  cur.expect(",", '"," after the citation key');
  cur.blank();
  const fields: Field[] = [];
  IDENTIFIER.lastIndex = cur.at;
  while (IDENTIFIER.test(cur.text)) {
    fields.push(field(cur));
    if (cur.text[cur.at] !== ",") break;
    cur.at++;
    cur.blank();
    IDENTIFIER.lastIndex = cur.at;
  }
  cur.blank();
  cur.expect("})", "a closing brace");
  return fields;
}

/** The name a `@string{name = …}` entry defines (lower-cased), read even when its value is broken. */
export function stringName(text: string): string | null {
  const m = /^\s*@\s*[A-Za-z]+\s*[{(]\s*([a-zA-Z_][a-zA-Z0-9_:+-]*)/.exec(text);
  return m?.[1]?.toLowerCase() ?? null;
}
