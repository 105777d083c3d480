// Per-paper extraction cache (Node only): stage-1 parts (src/extract/staged.ts) keyed by
// sha256(namespace, id, title, abstract), where the namespace hashes the extractor's own source
// and data files (src/extract/**) and the extraction options (user ontologies included). One
// append-only JSONL file per namespace under the cache dir, so a rebuild after adding papers
// extracts only the new ones, and any change to the extractor starts a fresh file.
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractOptions } from "../extract/options.ts";
import type { PaperPart, PaperText } from "../extract/staged.ts";

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

/** Delete all but the `keep` most recently written extract-*.jsonl files in `dir`, never `current`. */
export function pruneCacheFiles(dir: string, keep: number, current: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => /^extract-[0-9a-f]{16}\.jsonl$/.test(f))
    .map((f) => ({ f: join(dir, f), t: statSync(join(dir, f)).mtimeMs }))
    .filter((x) => x.f !== current)
    .sort((a, b) => b.t - a.t || (a.f < b.f ? -1 : 1));
  const gone = files.slice(Math.max(0, keep - 1)).map((x) => x.f);
  for (const f of gone) rmSync(f, { force: true });
  return gone;
}

export interface CacheStats {
  /** Parts read from disk when the cache opened. */
  loaded: number;
  hits: number;
  misses: number;
  /** Parts appended by flush. */
  written: number;
  /** Lines skipped as unreadable (a torn last line after a crash). */
  skipped: number;
}

export interface ExtractCache {
  /** The JSONL file, or null when disabled. */
  readonly file: string | null;
  readonly stats: CacheStats;
  get(paper: PaperText): PaperPart | undefined;
  set(paper: PaperText, part: PaperPart): void;
  /** Append the parts set since the last flush. */
  flush(): void;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|json|mjs)$/.test(name)) out.push(p);
  }
  return out;
}

let versionMemo: string | undefined;

/** sha256 over every source and data file of src/extract (paths and contents). */
export function extractorVersion(): string {
  if (versionMemo) return versionMemo;
  const root = fileURLToPath(new URL("../extract/", import.meta.url));
  const h = createHash("sha256");
  for (const f of filesUnder(root)) {
    h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  versionMemo = h.digest("hex");
  return versionMemo;
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

/** The namespace of a cache: extractor version + options (ontologies included). */
export function cacheNamespace(extract: ExtractOptions, version = extractorVersion()): string {
  return sha256(`litgraph-extract-cache/1\0${version}\0${canonical(extract)}`);
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
  flush: () => {},
};

/** Open (and load) the cache for these options. */
export function openExtractCache(opts: CacheOptions = {}): ExtractCache {
  if (opts.enabled === false) return { ...DISABLED, stats: { ...DISABLED.stats } };
  const dir = opts.dir ?? DEFAULT_CACHE_DIR;
  const ns = cacheNamespace(opts.extract ?? {}, opts.extractorVersion);
  const file = join(dir, `extract-${ns.slice(0, 16)}.jsonl`);
  const stats: CacheStats = { loaded: 0, hits: 0, misses: 0, written: 0, skipped: 0 };
  const map = new Map<string, PaperPart>();
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as { code?: string }).code !== "ENOENT")
      throw new Error(`cache: cannot read ${file}: ${(err as Error).message}`);
  }
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      const { k, v } = JSON.parse(line) as { k: unknown; v: PaperPart };
      if (typeof k !== "string" || !Array.isArray(v?.entities)) throw new Error("shape");
      map.set(k, v);
      stats.loaded++;
    } catch {
      stats.skipped++;
    }
  }
  // A torn line from an earlier crash must stay on its own line; keep only that fact, not the text.
  let tornTail = text !== "" && !text.endsWith("\n");
  text = "";
  let pending: string[] = [];
  return {
    file,
    stats,
    get(p) {
      const part = map.get(paperKey(ns, p));
      if (part) stats.hits++;
      else stats.misses++;
      return part;
    },
    set(p, part) {
      const k = paperKey(ns, p);
      if (map.has(k)) return;
      map.set(k, part);
      pending.push(`${JSON.stringify({ k, v: part })}\n`);
    },
    flush() {
      if (!pending.length) return;
      mkdirSync(dir, { recursive: true });
      appendFileSync(file, (tornTail ? "\n" : "") + pending.join(""));
      tornTail = false;
      pruneCacheFiles(dir, opts.keep ?? 4, file);
      stats.written += pending.length;
      pending = [];
    },
  };
}
