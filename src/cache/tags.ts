// compromise's tag results of topic candidates, kept across runs (src/extract/topic-tags.ts):
// one JSONL file per (extractor version, compromise version) in the cache directory, a line
// ["exact written text", nounPhrase] per phrase, checksummed (jsonl.ts sealLine). Read on first use, appended by flush.
import { join } from "node:path";
import { COMPROMISE_VERSION, type PhraseTagStore } from "../extract/topic-tags.ts";
import { appendLines, pruneCacheFiles, readLines, sealLine } from "./jsonl.ts";
import { extractorVersion, sha256 } from "./version.ts";

export interface TagStoreOptions {
  /** Cache directory (required). */
  dir: string;
  /** Tag files kept, newest first (default 4). */
  keep?: number;
  /** Override of the extractor version hash (default: hash of src/extract sources; tests). */
  extractorVersion?: string;
  /** Override of compromise's version (default: the installed one; tests). */
  compromiseVersion?: string;
}

export interface TagStats {
  /** Results read from disk on first use. */
  loaded: number;
  /** Lines skipped as unreadable. */
  skipped: number;
  /** Results appended by flush. */
  written: number;
}

export interface TagStore extends PhraseTagStore {
  /** The JSONL file, or null when the cache is disabled. */
  readonly file: string | null;
  readonly stats: TagStats;
  /** Append the results set since the last flush. */
  flush(): void;
}

/** The file of tag results: named by the extractor version (the tag rules) and compromise's version. */
export function tagFile(opts: TagStoreOptions): string {
  const ns = sha256(
    `litgraph-tag-cache/2\0${opts.extractorVersion ?? extractorVersion()}\0${
      opts.compromiseVersion ?? COMPROMISE_VERSION
    }`,
  );
  return join(opts.dir, `tags-${ns.slice(0, 16)}.jsonl`);
}

/** Open the tag results of this cache directory (nothing is read before the first get or set). */
export function openTagStore(opts: TagStoreOptions): TagStore {
  const file = tagFile(opts);
  const stats: TagStats = { loaded: 0, skipped: 0, written: 0 };
  let map: Map<string, boolean> | undefined;
  let tornTail = false;
  let pending: string[] = [];
  const load = () => {
    if (map) return map;
    const m = new Map<string, boolean>();
    const read = readLines(file, (json) => {
      const v = JSON.parse(json) as unknown;
      if (!Array.isArray(v) || typeof v[0] !== "string" || typeof v[1] !== "boolean") return false;
      m.set(v[0], v[1]);
      return true;
    });
    stats.loaded = read.loaded;
    stats.skipped = read.skipped;
    tornTail = read.tornTail;
    map = m;
    return m;
  };
  return {
    file,
    stats,
    get: (text) => load().get(text),
    set(text, ok) {
      const m = load();
      if (m.get(text) === ok) return;
      m.set(text, ok);
      pending.push(sealLine(JSON.stringify([text, ok])));
    },
    flush() {
      if (!pending.length) return;
      appendLines(file, pending, tornTail);
      tornTail = false;
      pruneCacheFiles(opts.dir, opts.keep ?? 4, file, "tags");
      stats.written += pending.length;
      pending = [];
    },
  };
}
