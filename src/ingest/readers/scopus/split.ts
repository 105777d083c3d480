// Split CSV text into records (newlines inside quoted fields stay in their record), each with
// its 1-based starting line. A quote left open to the end of the file cannot be trusted: that
// record's first line is reported as broken and splitting resumes on the line after it.

export interface CsvChunk {
  line: number;
  text: string;
  /** True when the record opened a quote that never closed. */
  unclosed: boolean;
}

function splitFrom(text: string, start: number, startLine: number, out: CsvChunk[]): void {
  let line = startLine;
  let recStart = start;
  let recLine = line;
  let inQuote = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === "\r" || c === "\n") {
      const end = i;
      if (c === "\r" && text[i + 1] === "\n") i++;
      line++;
      if (!inQuote) {
        const body = text.slice(recStart, end);
        if (body.trim() !== "") out.push({ line: recLine, text: body, unclosed: false });
        recStart = i + 1;
        recLine = line;
      }
    }
  }
  const rest = text.slice(recStart);
  if (rest.trim() === "") return;
  if (!inQuote) {
    out.push({ line: recLine, text: rest, unclosed: false });
    return;
  }
  // Unclosed quote: report the record's first line, resume right after it.
  const nl = /\r\n|\r|\n/.exec(rest);
  const firstLine = nl ? rest.slice(0, nl.index) : rest;
  out.push({ line: recLine, text: firstLine, unclosed: true });
  if (nl) splitFrom(text, recStart + nl.index + nl[0].length, recLine + 1, out);
}

/** CSV records with their starting lines; a leading BOM is dropped. */
export function splitCsv(text: string): CsvChunk[] {
  const out: CsvChunk[] = [];
  splitFrom(text.replace(/^\uFEFF/, ""), 0, 1, out);
  return out;
}
