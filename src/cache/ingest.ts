// Per-file parse cache (Node only): what ingest read from a file, kept so that a rebuild does not
// decode and parse unchanged inputs again. One JSON file per input file under the cache dir,
// `ingest-<key>.json`, where the key hashes the ingest stage's own sources (src/ingest/**), the
// date the listing is read as of, the path as given, the file's sha256 and whether it was found
// in a folder. An entry is a checked file (./checked.ts): a header naming the file, its sha256 and
// whether it was in a folder, then the parse result. A header that does not match, or a body
// that fails its check (torn, edited, damaged), is a miss.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../common/fs.ts";
import type { ParseCache, ParseResult } from "../ingest/types.ts";
import { checkedText, readChecked } from "./checked.ts";
import { sha256, sourceVersion } from "./version.ts";

export interface ParseCacheOptions {
  /** Directory of the cache files. */
  dir: string;
  /** The ingest options' asOf: a seed listing's yearless dates take its year. */
  asOf: Date;
  /** Entries kept, most recently used first (default 256). */
  keep?: number;
  /** Override of the ingest version hash (default: hash of src/ingest sources; tests). */
  ingestVersion?: string;
}

export interface ParseCacheStats {
  hits: number;
  misses: number;
  written: number;
  /** Entries that were there but did not parse or did not match (read as misses). */
  unreadable: number;
}

const Header = z.object({
  format: z.literal(2),
  file: z.string(),
  sha256: z.string(),
  inFolder: z.boolean(),
  check: z.string(),
});

const NAME = /^ingest-[0-9a-f]{32}\.json$/;

/** The parse result an entry holds, or undefined when it is not a sound entry for this file. */
function readEntry(
  bytes: Uint8Array,
  file: string,
  hash: string,
  inFolder: boolean,
): ParseResult | undefined {
  const read = readChecked(bytes);
  const header = Header.safeParse(read?.header);
  if (!read || !header.success) return undefined;
  const h = header.data;
  if (h.file !== file || h.sha256 !== hash || h.inFolder !== inFolder) return undefined;
  const { papers, rejected } = (read.body ?? {}) as Partial<ParseResult>;
  return Array.isArray(papers) && Array.isArray(rejected) ? { papers, rejected } : undefined;
}

/** Open the parse cache in `dir` (nothing is read until a file is looked up). */
export function openParseCache(
  opts: ParseCacheOptions,
): ParseCache & { stats: ParseCacheStats; prune(): string[] } {
  const ns = sha256(
    `litgraph-ingest-cache/2\0${opts.ingestVersion ?? sourceVersion("ingest")}\0${opts.asOf.toISOString().slice(0, 10)}`,
  );
  const stats: ParseCacheStats = { hits: 0, misses: 0, written: 0, unreadable: 0 };
  const path = (file: string, hash: string, inFolder: boolean) =>
    join(opts.dir, `ingest-${sha256(`${ns}\0${file}\0${hash}\0${inFolder}`).slice(0, 32)}.json`);
  return {
    stats,
    get(file, hash, inFolder) {
      const p = path(file, hash, inFolder);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(p);
      } catch {
        stats.misses++;
        return undefined;
      }
      const result = readEntry(bytes, file, hash, inFolder);
      if (!result) {
        stats.unreadable++;
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      // Used recently: pruning goes by modification time.
      const now = new Date();
      utimesSync(p, now, now);
      return result;
    },
    set(file, hash, inFolder, result: ParseResult) {
      writeFileAtomic(
        path(file, hash, inFolder),
        checkedText(
          { format: 2, file, sha256: hash, inFolder },
          { papers: result.papers, rejected: result.rejected },
        ),
        { sync: false },
      );
      stats.written++;
    },
    /** Delete all but the `keep` most recently used entries; returns the deleted paths. */
    prune() {
      const keep = opts.keep ?? 256;
      let names: string[];
      try {
        names = readdirSync(opts.dir).filter((f) => NAME.test(f));
      } catch {
        return [];
      }
      if (names.length <= keep) return [];
      const gone = names
        .map((f) => ({ f: join(opts.dir, f), t: statSync(join(opts.dir, f)).mtimeMs }))
        .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1))
        .slice(keep)
        .map((x) => x.f);
      for (const f of gone) rmSync(f, { force: true });
      return gone;
    },
  };
}
