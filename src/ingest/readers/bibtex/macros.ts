// An undefined macro that starts a BibTeX title ("\ours: …", latex.ts leadingMacro) stands for the
// paper's own name of its system; the abstract usually writes the same macro ("we propose \ours,
// a …"). The LaTeX decoder would read it there as the word "ours": the abstract keeps it as
// written too, and the record's `repairs` says so for both fields.

/** Letters around a macro's name while the decoder runs: plain letters, which it leaves alone. */
const OPEN = "QqLgMacro";
const CLOSE = "OrcamGlQq";

/** The macro's uses in a raw field: "\ours" not followed by a letter, with an optional "{}". */
const usesOf = (name: string) => new RegExp(`\\\\${name}(?![A-Za-z])(?:\\{\\s*\\})?`, "g");

/** The raw field with each use of the macro (name without backslash) replaced by a placeholder. */
export function protectMacro(raw: string, name: string): { text: string; count: number } {
  let count = 0;
  const text = raw.replace(usesOf(name), () => {
    count++;
    return `${OPEN}${name}${CLOSE}`;
  });
  return { text, count };
}

/** The decoded field with the placeholders back as the macro written with its backslash. */
export function restoreMacro(decoded: string, name: string): string {
  return decoded.split(`${OPEN}${name}${CLOSE}`).join(`\\${name}`);
}

/** The `repairs` lines of a title's leading macro and its uses in the abstract. */
export function macroRepairs(macro: string, inAbstract: number): string[] {
  const out = [`title: undefined macro "${macro}" kept as written`];
  if (inAbstract > 0)
    out.push(
      `abstract: undefined macro "${macro}" kept as written (${inAbstract} time${inAbstract === 1 ? "" : "s"})`,
    );
  return out;
}
