// Reproducible outputs end to end: the same input files in any order, in this process or in a
// fresh `litgraph build` process, give byte-identical graph.json, GEXF, GraphML and CSV files.
// (test/graph-pipeline.test.ts checks two orders of two files in memory; test/export-seed.test.ts
// two in-memory builds of the seed; this adds duplicates across formats, several orders, every
// written file, and a separate process.)
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../src/common/rng.ts";
import { EXPORT_FORMATS, writeGraph } from "../src/export/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import { CLI } from "./cli-bin.ts";
import { itSpawns } from "./tier.ts";

/** Several formats, with the same papers in more than one file (merged as duplicates). */
const FILES = [
  "test/fixtures/ingest-a/s2-paper-slice.json",
  "test/fixtures/ingest-a/coling2022.json",
  "test/fixtures/ingest-a/aaai2022.json",
  "test/fixtures/ingest-a/deep-review-slice.json",
  "test/fixtures/ingest-b/chil2023-slice.bib",
  "test/fixtures/ingest-b/ieee-exascale-slice.ris",
  "test/fixtures/ingest-b/atom-legacy-1111.2011v2.xml",
];
const AS_OF = "2026-11-27";

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rand = createRng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const ORDERS = [FILES, [...FILES].reverse(), shuffled(FILES, 1), shuffled(FILES, 2)];
const dir = mkdtempSync(join(tmpdir(), "litgraph-repro-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root`, relative path → bytes. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(root, { recursive: true }).map(String).sort()) {
    try {
      out[f] = readFileSync(join(root, f), "latin1");
    } catch {
      // a directory
    }
  }
  return out;
}

const snaps: Record<string, string>[] = [];

beforeAll(async () => {
  for (const [i, order] of ORDERS.entries()) {
    const { serialized, ingest } = await runPipeline(order, {
      asOf: new Date(`${AS_OF}T00:00:00Z`),
    });
    expect(ingest.summary.merged).toBeGreaterThan(0);
    const root = join(dir, `order-${i}`);
    for (const format of EXPORT_FORMATS)
      writeGraph(serialized, {
        format,
        out: join(root, format === "csv" ? "csv" : `graph.${format}`),
      });
    snaps.push(snapshot(root));
  }
}, 120_000);

describe("same inputs in any order", () => {
  it("write every format", () => {
    expect(Object.keys(snaps[0] ?? {})).toEqual([
      "csv/edges.csv",
      "csv/nodes.csv",
      "graph.gexf",
      "graph.graphml",
      "graph.json",
    ]);
  });

  it.each(
    ORDERS.slice(1).map((o, i) => [i + 1, o.map((f) => f.split("/").pop()).join(" ")] as const),
  )("order %i (%s) gives byte-identical files", (i) => {
    const a = snaps[0] as Record<string, string>;
    const b = snaps[i] as Record<string, string>;
    for (const name of Object.keys(a)) {
      expect(b[name]?.length, name).toBe(a[name]?.length);
      expect(b[name] === a[name], `${name} differs`).toBe(true);
    }
  });

  itSpawns(
    "two fresh `litgraph build` processes, inputs in other orders, write the same graph.json",
    async () => {
      // Compared with each other, not with the in-process build above: both load src/ at the same
      // moment, so edits to src/ made while the suite runs cannot tell them apart.
      const outs = [3, 4].map((seed) => join(dir, `cli-${seed}`, "graph.json"));
      await Promise.all(
        outs.map((out, i) =>
          promisify(execFile)(process.execPath, [
            CLI,
            "build",
            ...shuffled(FILES, 3 + i),
            "-o",
            out,
            "--as-of",
            AS_OF,
          ]),
        ),
      );
      const [a, b] = outs.map((o) => readFileSync(o, "latin1")) as [string, string];
      expect(shuffled(FILES, 3)).not.toEqual(shuffled(FILES, 4));
      expect(a.length).toBeGreaterThan(100_000);
      expect(b.length).toBe(a.length);
      expect(a === b).toBe(true);
    },
    120_000,
  );
});
