// Public surface of the ingest stage (browser-safe: no node:fs here; see files.ts for paths).
export * from "./types.ts";

import type { IngestOptions, ParseResult } from "./types.ts";

/** Parse one file's text, detecting its format by content (then by extension). */
export function parseText(_text: string, file: string, _opts: IngestOptions): ParseResult {
  throw new Error(`ingest: not implemented yet (${file})`);
}
