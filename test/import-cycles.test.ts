// No module of src/ or web/src/ imports itself through others (type-only imports count too: a
// cycle of types is still two modules that cannot be read one without the other).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["src", "web/src"];
const STATIC =
  /(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*"(\.{1,2}\/[^"]+)"|(?:^|\n)\s*import\s*"(\.{1,2}\/[^"]+)"/g;

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return sources(p);
      return /\.(ts|mts)$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
    });
}

/** Each module's relative imports of other modules of the tree (JSON and the like left out). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files.map((f) => resolve(f)));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    const targets = [...text.matchAll(STATIC)]
      .map((m) => resolve(dirname(f), m[1] ?? m[2]))
      .filter((t) => known.has(t));
    graph.set(resolve(f), targets);
  }
  return graph;
}

/** Strongly connected components of more than one module, or of one importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      scc.push(w);
      if (w === v) break;
    }
    if (scc.length > 1 || graph.get(v)?.includes(v)) out.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("import cycles", () => {
  it("finds a cycle where there is one (the check can fail)", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"]]);
  });

  it("reads multi-line and type-only imports", () => {
    const files = sources("src/extract");
    const graph = importGraph(files);
    const patterns = graph.get(resolve("src/extract/patterns.ts")) ?? [];
    expect(patterns).toContain(resolve("src/extract/draft.ts"));
    expect(graph.get(resolve("src/extract/entity.ts"))).toContain(resolve("src/extract/draft.ts"));
  });

  it("src/ and web/src/ have none", () => {
    const files = ROOTS.flatMap(sources);
    expect(files.length).toBeGreaterThan(150);
    const root = `${resolve(".")}/`;
    expect(cycles(importGraph(files)).map((c) => c.map((f) => f.replace(root, "")))).toEqual([]);
  });
});
