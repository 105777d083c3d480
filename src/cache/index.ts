// Per-paper extraction cache (Node only): stage-1 parts (src/extract/staged.ts: entities and
// topic candidates) keyed by sha256(namespace, id, title, abstract), where the namespace hashes
// the extractor's own source and data files (src/extract/**) and the extraction options (user
// ontologies included). One append-only JSONL file per namespace under the cache dir, so a
// rebuild after adding papers extracts only the new ones, and any change to the extractor starts
// a fresh file. Beside it, compromise's tag results for topic candidates (tags.ts).
import { join } from "node:path";
import type { ExtractOptions } from "../extract/options.ts";
import type { PaperPart, PaperText } from "../extract/staged.ts";
import { COMPROMISE_VERSION } from "../extract/topic-tags.ts";
import { appendLines, pruneCacheFiles, readLines, sealLine } from "./jsonl.ts";
import { packPart, unpackPart } from "./parts.ts";
import { openTagStore, type TagStore } from "./tags.ts";
import { extractorVersion, sha256 } from "./version.ts";

export { pruneCacheFiles } from "./jsonl.ts";
export { openTagStore, type TagStats, type TagStore, tagFile } from "./tags.ts";
export { extractorVersion } from "./version.ts";

export const DEFAULT_CACHE_DIR = ".litgraph-cache";

export interface CacheOptions {
  /** Directory of the cache files (default ".litgraph-cache", relative to the working directory). */
  dir?: string;
  /** Use the cache at all (default true); false gives a cache that never hits and never writes. */
  enabled?: boolean;
  /** The extraction options the parts are made with (default {}). */
  extract?: ExtractOptions;
  /** Override of the extractor version hash (default: hash of src/extract sources; tests). */
  extractorVersion?: string;
  /** Cache files (one per extractor version and options) kept, newest first (default 4). */
  keep?: number;
}

export interface CacheStats {
  /** Parts read from disk when the cache opened. */
  loaded: number;
  hits: number;
  misses: number;
  /** Parts appended by flush. */
  written: number;
  /** Lines skipped as unreadable (a torn last line after a crash, a line failing its checksum). */
  skipped: number;
}

export interface ExtractCache {
  /** The JSONL file, or null when disabled. */
  readonly file: string | null;
  readonly stats: CacheStats;
  get(paper: PaperText): PaperPart | undefined;
  set(paper: PaperText, part: PaperPart): void;
  /** compromise's tag results of topic candidates, kept beside the parts (read on first use). */
  readonly tags: TagStore;
  /** Append the parts and tag results set since the last flush. */
  flush(): void;
}

/** JSON with object keys sorted, so equal options hash equally. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/**
 * The namespace of a cache: extractor version + options (ontologies included) + compromise's
 * version (stage 1 reads its lexicon: part-of-speech hints for patterns and topic candidates).
 */
export function cacheNamespace(
  extract: ExtractOptions,
  version = extractorVersion(),
  compromise = COMPROMISE_VERSION,
): string {
  // No user ontologies is no user ontologies, whether the list is empty (the CLI) or absent.
  const { ontologies, ...rest } = extract;
  const options = ontologies?.length ? extract : rest;
  // 2: lines carry a checksum (jsonl.ts sealLine)
  return sha256(`litgraph-extract-cache/2\0${version}\0${canonical(options)}\0${compromise}`);
}

/** The key of one paper's part within a namespace. */
export function paperKey(ns: string, p: PaperText): string {
  return sha256(`${ns}\0${p.id ?? ""}\0${p.title}\0${p.abstract}`);
}

const DISABLED: ExtractCache = {
  file: null,
  stats: { loaded: 0, hits: 0, misses: 0, written: 0, skipped: 0 },
  get: () => undefined,
  set: () => {},
  tags: {
    file: null,
    stats: { loaded: 0, skipped: 0, written: 0 },
    get: () => undefined,
    set: () => {},
    flush: () => {},
  },
  flush: () => {},
};

/** A part as written by this extractor: entities, and topic candidates if any, well formed. */
function isPart(v: unknown): v is PaperPart {
  const p = v as PaperPart | undefined;
  if (!Array.isArray(p?.entities)) return false;
  const c = p.candidates;
  return (
    c === undefined ||
    (typeof c.keys === "string" &&
      Array.isArray(c.occ) &&
      Array.isArray(c.dup) &&
      Array.isArray(c.sentences))
  );
}

/** Open (and load) the cache for these options. */
export function openExtractCache(opts: CacheOptions = {}): ExtractCache {
  if (opts.enabled === false)
    return {
      ...DISABLED,
      stats: { ...DISABLED.stats },
      tags: { ...DISABLED.tags, stats: { ...DISABLED.tags.stats } },
    };
  const dir = opts.dir ?? DEFAULT_CACHE_DIR;
  const keep = opts.keep ?? 4;
  const ns = cacheNamespace(opts.extract ?? {}, opts.extractorVersion);
  const file = join(dir, `extract-${ns.slice(0, 16)}.jsonl`);
  const stats: CacheStats = { loaded: 0, hits: 0, misses: 0, written: 0, skipped: 0 };
  const map = new Map<string, PaperPart>();
  const read = readLines(file, (json) => {
    const { k, v } = JSON.parse(json) as { k: unknown; v: unknown };
    if (typeof k !== "string" || !isPart(v)) return false;
    map.set(k, v);
    return true;
  });
  stats.loaded = read.loaded;
  stats.skipped = read.skipped;
  let tornTail = read.tornTail;
  const tags: TagStore = openTagStore({ dir, keep, extractorVersion: opts.extractorVersion });
  let pending: string[] = [];
  return {
    file,
    stats,
    tags,
    get(p) {
      const k = paperKey(ns, p);
      const part = map.get(k);
      // Mentions are stored as offsets into the paper's text (parts.ts): filled in on first get.
      if (part && unpackPart(part, p)) {
        stats.hits++;
        return part;
      }
      if (part) map.delete(k);
      stats.misses++;
      return undefined;
    },
    set(p, part) {
      const k = paperKey(ns, p);
      if (map.has(k)) return;
      map.set(k, part);
      pending.push(sealLine(JSON.stringify({ k, v: packPart(part, p) })));
    },
    flush() {
      tags.flush();
      if (!pending.length) return;
      appendLines(file, pending, tornTail);
      tornTail = false;
      pruneCacheFiles(dir, keep, file);
      stats.written += pending.length;
      pending = [];
    },
  };
}
