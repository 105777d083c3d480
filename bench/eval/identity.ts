// Author identity on the ACL/COLING paperlists files, scored with B-cubed over author slots
// against the ACL Anthology author ids the files carry (`authorids`). The ids are the labels:
// they are deleted from every item before the text reaches litgraph's reader, so the build
// never sees them. The peer is exact-name matching (one author per name as written), computed
// in the same run on the same slots.
//   npx tsx bench/eval/identity.ts [corporaDir] [--errors N]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  IDENTITY_DEFAULTS,
  type IdentityOptions,
  resolveAuthors,
  slotKey,
} from "../../src/graph/authors.ts";
import { parseText } from "../../src/ingest/index.ts";
import type { Author } from "../../src/ingest/types.ts";
import { bcubed } from "./bcubed.ts";
import { evalCollaborators } from "./collaborators.ts";
import type { EvalRow } from "./types.ts";

/** The paperlists files whose items carry ACL Anthology author ids. */
export const IDENTITY_FILES = [
  "acl2021.json",
  "acl2022.json",
  "coling2020.json",
  "coling2022.json",
  "coling2025.json",
];

/** Every author slot of the corpus: the author as litgraph read it and its gold id. */
export interface Slots {
  papers: Author[][];
  gold: string[][];
  /** Papers left out because the reader's author count differs from the ids' (with where). */
  skipped: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The labels taken out of one file's items: per item id (else "#index") its author ids, and the
 * items without `authorids`, which is all litgraph's reader gets to see.
 */
export function hideLabels(
  file: string,
  items: unknown,
): { hidden: Record<string, unknown>[]; labels: Map<string, string[]> } {
  if (!Array.isArray(items)) throw new TypeError(`eval/identity: ${file}: not a JSON array`);
  const labels = new Map<string, string[]>();
  const hidden = items.map((item, i) => {
    if (!isRecord(item) || typeof item.authorids !== "string")
      throw new TypeError(`eval/identity: ${file}: item ${i} has no authorids`);
    const { authorids, ...rest } = item;
    const entry = typeof item.id === "string" ? item.id : `#${i}`;
    if (labels.has(entry))
      throw new TypeError(`eval/identity: ${file}: item ${i}: id ${entry} twice`);
    labels.set(
      entry,
      String(authorids)
        .split(";")
        .map((s) => s.trim()),
    );
    return rest;
  });
  return { hidden, labels };
}

/** One file: its items' ids taken out (the labels), the rest read by litgraph's own reader. */
export function readSlots(file: string, text: string): Slots {
  const { hidden, labels } = hideLabels(file, JSON.parse(text));
  const parsed = parseText(JSON.stringify(hidden), file, { asOf: new Date("2026-01-01") });
  const out: Slots = { papers: [], gold: [], skipped: [] };
  for (const p of parsed.papers) {
    const entry = p.sources[0]?.entry ?? "";
    const ids = labels.get(entry);
    if (!ids || ids.length !== p.authors.length) {
      out.skipped.push(`${file}: ${entry}`);
      continue;
    }
    out.papers.push(p.authors);
    out.gold.push(ids);
  }
  for (const r of parsed.rejected) out.skipped.push(`${file}: ${r.entry ?? "?"}: ${r.reason}`);
  return out;
}

/** All the identity files under `corporaDir/paperlists`. */
export function loadSlots(corporaDir: string): Slots {
  const all: Slots = { papers: [], gold: [], skipped: [] };
  for (const name of IDENTITY_FILES) {
    const path = join(corporaDir, "paperlists", name);
    const s = readSlots(name, readFileSync(path, "utf8"));
    all.papers.push(...s.papers);
    all.gold.push(...s.gold);
    all.skipped.push(...s.skipped);
  }
  return all;
}

/** Per slot: litgraph's author (root key), the exact name, the gold id. */
export function labelSlots(
  slots: Slots,
  opts: IdentityOptions = IDENTITY_DEFAULTS,
): { litgraph: string[]; exact: string[]; gold: string[] } {
  const identity = resolveAuthors(slots.papers, opts);
  const litgraph: string[] = [];
  const exact: string[] = [];
  for (const list of slots.papers)
    for (const a of list) {
      litgraph.push(identity.rootOf.get(slotKey(a)) as string);
      exact.push(a.name);
    }
  return { litgraph, exact, gold: slots.gold.flat() };
}

/** Name pairs of two different people that a hyphen join once merged (issue 15). */
export const HYPHEN_PAIRS: [string, string][] = [
  ["Min Zhang", "Min-Ling Zhang"],
  ["Wei Wang", "Wei-Yao Wang"],
  ["Tie Liu", "Tie-Yan Liu"],
  ["Wei Ma", "Wei-Ying Ma"],
];

/** On every paperlists file (ids hidden): how many HYPHEN_PAIRS stay two authors, and papers. */
export function hyphenPairsApart(corporaDir: string): { apart: number; papers: number } {
  const dir = join(corporaDir, "paperlists");
  const papers: Author[][] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const items: unknown = JSON.parse(readFileSync(join(dir, name), "utf8"));
    if (!Array.isArray(items)) throw new TypeError(`eval/identity: ${name}: not a JSON array`);
    const hidden = items.map((i) => (isRecord(i) ? { ...i, authorids: undefined } : i));
    const parsed = parseText(JSON.stringify(hidden), name, { asOf: new Date("2026-01-01") });
    for (const p of parsed.papers) papers.push(p.authors);
  }
  const identity = resolveAuthors(papers);
  const rootOfName = new Map<string, string>();
  for (const a of papers.flat()) rootOfName.set(a.name, identity.rootOf.get(slotKey(a)) as string);
  const apart = HYPHEN_PAIRS.filter(([a, b]) => {
    const ra = rootOfName.get(a);
    const rb = rootOfName.get(b);
    if (!ra || !rb) throw new Error(`eval/identity: ${a} or ${b} is not in ${dir}`);
    return ra !== rb;
  }).length;
  return { apart, papers: papers.length };
}

export async function evalIdentity(corporaDir: string): Promise<EvalRow[]> {
  const slots = loadSlots(corporaDir);
  const { litgraph, exact, gold } = labelSlots(slots);
  const ours = bcubed(litgraph, gold);
  const peer = bcubed(exact, gold);
  const corpus = `ACL/COLING paperlists (${slots.papers.length} papers, ${gold.length} author slots)`;
  const note = slots.skipped.length ? `${slots.skipped.length} papers skipped` : undefined;
  const row = (metric: string, key: "precision" | "recall" | "f1"): EvalRow => ({
    section: "author identity",
    metric: `B-cubed ${metric}`,
    corpus,
    litgraph: ours[key],
    peer: peer[key],
    peerName: "exact name",
    ...(note ? { note } : {}),
  });
  const pairs = hyphenPairsApart(corporaDir);
  const collab = existsSync(join(corporaDir, "pmlr-health-bibtex"))
    ? evalCollaborators(corporaDir)
    : [];
  return [
    row("precision", "precision"),
    row("recall", "recall"),
    row("F1", "f1"),
    {
      section: "author identity",
      metric: `hyphen pairs kept apart (of ${HYPHEN_PAIRS.length})`,
      corpus: `paperlists, all files (${pairs.papers} papers)`,
      litgraph: pairs.apart,
      peer: HYPHEN_PAIRS.length,
      peerName: "exact name",
      note: HYPHEN_PAIRS.map((p) => p.join(" / ")).join(", "),
    },
    ...collab,
  ];
}

/** The predicted authors holding slots of more than one gold id, largest first (for --errors). */
export function falseMerges(corporaDir: string, top: number): string[] {
  const slots = loadSlots(corporaDir);
  const { litgraph, gold } = labelSlots(slots);
  const names = slots.papers.flat().map((a) => a.name);
  const byRoot = new Map<string, Map<string, Set<string>>>();
  litgraph.forEach((root, i) => {
    const ids = byRoot.get(root) ?? new Map<string, Set<string>>();
    byRoot.set(root, ids);
    const set = ids.get(gold[i]) ?? new Set<string>();
    ids.set(gold[i], set);
    set.add(names[i]);
  });
  return [...byRoot]
    .filter(([, ids]) => ids.size > 1)
    .map(([root, ids]) => ({
      root,
      ids: [...ids].map(([id, n]) => `${id} {${[...n].sort().join(", ")}}`).sort(),
    }))
    .sort((a, b) => b.ids.length - a.ids.length || (a.root < b.root ? -1 : 1))
    .slice(0, top)
    .map((m) => `${m.root}: ${m.ids.join("; ")}`);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(4));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const e = args.indexOf("--errors");
  const errors = e >= 0 ? Number(args[e + 1] ?? 20) : 0;
  const positional = args.filter((a, i) => !a.startsWith("--") && (e < 0 || i !== e + 1));
  const dir = resolve(
    positional[0] ?? join(fileURLToPath(import.meta.url), "../../../../shared/corpora"),
  );
  const rows = await evalIdentity(dir);
  console.log("| metric | corpus | litgraph | peer | peer method |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.metric} | ${r.corpus} | ${fmt(r.litgraph)} | ${fmt(r.peer)} | ${r.peerName} |`,
    );
  for (const note of new Set(rows.map((r) => r.note).filter(Boolean))) console.log(note);
  for (const line of falseMerges(dir, errors)) console.log(line);
}
