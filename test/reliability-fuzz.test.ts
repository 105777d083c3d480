// Hostile input for every reader (through parseText / ingestTexts) and for the graph loaders
// (src/graph/serialize.ts loadGraph, web/src/load.ts parseGraphText): never an uncaught
// exception, never a hang, and every reject names its file and where in it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractPapers } from "../src/extract/index.ts";
import { buildGraph } from "../src/graph/build.ts";
import { SerializedGraph } from "../src/graph/schema.ts";
import { loadGraph, serialize } from "../src/graph/serialize.ts";
import { decodeBytes, ingestTexts, parseText } from "../src/ingest/index.ts";
import { parseGraphText } from "../web/src/load.ts";
import {
  boundaryCuts,
  deeplyNested,
  loadGraphSample,
  loadSamples,
  midUtf8Offsets,
  parseProblems,
  timed,
  toUtf16,
  toWindows1252,
  withEnormousField,
} from "./fuzz/cases.ts";

const OPTS = { asOf: new Date("2026-11-27T00:00:00Z") };
const SAMPLES = loadSamples();
/** Generous bound per small input on a shared 2-core machine; a hang is orders of magnitude more. */
const SMALL_MS = 2_000;

/** Parse, asserting no throw, a bounded time and well-located outcomes; returns the result. */
function check(text: string, file: string, boundMs = SMALL_MS) {
  const t = timed(() => parseText(text, file, OPTS));
  expect(t.error, `${file} threw`).toBeUndefined();
  expect(t.ms, `${file} took ${Math.round(t.ms)} ms`).toBeLessThan(boundMs);
  const r = t.value as NonNullable<typeof t.value>;
  expect(parseProblems(r, file, text)).toEqual([]);
  return r;
}

describe("every reader reads its own real sample", () => {
  it.each(SAMPLES.map((s) => [s.file, s] as const))("%s", (_f, s) => {
    const r = check(s.text, s.file);
    expect(r.papers.length).toBeGreaterThan(0);
    expect(new Set(r.papers.map((p) => p.sources[0]?.format))).toEqual(new Set([s.format]));
  });
});

describe("truncation at every kind of boundary", () => {
  const cases = SAMPLES.flatMap((s) =>
    boundaryCuts(s.text).map((c) => [`${s.file} cut ${c.kind} @${c.at}`, s, c.at] as const),
  );
  it("covers every reader with several boundary kinds", () => {
    for (const s of SAMPLES) {
      const kinds = new Set(boundaryCuts(s.text).map((c) => c.kind));
      expect(kinds.size, s.file).toBeGreaterThanOrEqual(3);
    }
  });
  it.each(cases)("%s", (_name, s, at) => {
    check(s.text.slice(0, at), s.file);
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))("%s cut mid-UTF-8 sequence", (_f, s) => {
    const bytes = new TextEncoder().encode(s.text);
    const offsets = midUtf8Offsets(bytes);
    for (const at of offsets) {
      const cut = bytes.subarray(0, at);
      const decoded = decodeBytes(cut, s.file);
      check(decoded.text, s.file);
      const r = ingestTexts([{ file: s.file, bytes: cut }], OPTS);
      expect(r.summary.records).toBe(r.summary.read + r.summary.rejected);
    }
  });
});

describe("wrong encodings", () => {
  const variants = SAMPLES.flatMap((s) => [
    [`${s.file} as Windows-1252`, s, toWindows1252(s.text)] as const,
    [`${s.file} as UTF-16LE with BOM`, s, toUtf16(s.text, true)] as const,
    [`${s.file} as UTF-16BE with BOM`, s, toUtf16(s.text, false)] as const,
  ]);
  it.each(variants)("%s reads like the UTF-8 file", (_name, s, bytes) => {
    const want = parseText(s.text, s.file, OPTS);
    const t = timed(() => ingestTexts([{ file: s.file, bytes }], OPTS));
    expect(t.error).toBeUndefined();
    const got = t.value as NonNullable<typeof t.value>;
    expect(parseProblems({ papers: got.papers, rejected: got.rejected }, s.file)).toEqual([]);
    // Same records found: decoding must not lose or invent any.
    expect(got.summary.records).toBe(want.papers.length + want.rejected.length);
    expect(got.summary.read).toBe(want.papers.length);
  });
});

describe("enormous fields and deep nesting", () => {
  const FIVE_MB = 5 * 1024 * 1024;
  it.each(
    SAMPLES.filter((s, i) => SAMPLES.findIndex((x) => x.format === s.format) === i).map(
      (s) => [s.format, s] as const,
    ),
  )("%s with a 5 MB field finishes in bounded time", (_f, s) => {
    const text = withEnormousField(s, FIVE_MB);
    expect(text.length).toBeGreaterThan(FIVE_MB);
    check(text, s.file, 15_000);
  });

  it.each(deeplyNested(100_000).map((d) => [d.file, d.text] as const))(
    "%s nested 100k levels is read or rejected, never a crash",
    (file, text) => {
      check(text, file, 10_000);
    },
  );
});

describe("random input never throws and every reject is located", () => {
  it("random strings, bytes and splices of real samples", () => {
    const texts = SAMPLES.map((s) => s.text);
    const input = fc.record({
      file: fc.constantFrom(...SAMPLES.map((s) => s.file), "x.txt", "noext"),
      text: fc.oneof(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.uint8Array({ maxLength: 400 }).map((b) => decodeBytes(b).text),
        fc
          .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ maxLength: 30 }))
          .map(([t, a, b, junk]) => {
            const i = a % t.length;
            const j = b % t.length;
            return t.slice(0, Math.min(i, j)) + junk + t.slice(Math.max(i, j));
          }),
      ),
    });
    fc.assert(
      fc.property(input, ({ file, text }) => {
        check(text, file);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("damaged input through the whole pipeline", () => {
  it("ingest → extract → graph → serialise never throws and gives a valid graph", () => {
    let checked = 0;
    const texts = SAMPLES.map((s) => [s.file, s.text] as const);
    const damaged = fc
      .tuple(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.nat(),
        fc.string({ unit: "binary", maxLength: 40 }),
      )
      .map(([[file, t], a, b, junk]) => {
        const i = a % t.length;
        const j = b % t.length;
        return { file, text: t.slice(0, Math.min(i, j)) + junk + t.slice(Math.max(i, j)) };
      });
    fc.assert(
      fc.property(damaged, ({ file, text }) => {
        const { papers } = parseText(text, file, OPTS);
        const extracted = extractPapers(papers);
        for (const p of extracted)
          for (const e of p.entities)
            for (const m of e.mentions) {
              const field = (p as unknown as Record<string, unknown>)[m.field];
              if (typeof field === "string") {
                expect(field.slice(m.start, m.end)).toBe(m.text);
                checked++;
              }
            }
        const g = serialize(buildGraph(extracted));
        expect(SerializedGraph.safeParse(g).success).toBe(true);
        expect(g.nodes.filter((n) => n.attributes.type === "paper")).toHaveLength(papers.length);
      }),
      { numRuns: 25, seed: 17 },
    );
    expect(checked, "mentions checked against their field").toBeGreaterThan(100);
  });
});

describe("graph loaders reject bad graph.json naming the file", () => {
  const good = loadGraphSample();

  /** Both loaders: load or throw an Error that names `source`; never anything else. */
  function loaders(text: string, source: string) {
    const web = timed(() => parseGraphText(text, source));
    if (web.error) {
      expect(web.error).toBeInstanceOf(Error);
      expect((web.error as Error).message).toContain(source);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { web };
    }
    const node = timed(() => loadGraph(parsed, source));
    if (node.error) {
      expect(node.error).toBeInstanceOf(Error);
      expect((node.error as Error).message).toMatch(/^graph\/load: /);
      expect((node.error as Error).message).toContain(source);
    }
    expect(web.ms + node.ms).toBeLessThan(SMALL_MS * 2);
    return { web, node };
  }

  it("loads the real sample in both loaders", () => {
    const { web, node } = loaders(good, "small-graph.json");
    expect(web.error).toBeUndefined();
    expect(node?.error).toBeUndefined();
  });

  it("every truncation of the real sample is rejected with its name", () => {
    for (const { at } of boundaryCuts(good, 20)) {
      const { web } = loaders(good.slice(0, at), "cut.json");
      expect(web.error, `cut at ${at}`).toBeDefined();
    }
  });

  it.each(deeplyNested(100_000).filter((d) => d.file.endsWith(".json")))(
    "$file nested 100k levels",
    ({ text }) => {
      loaders(text, "deep.json");
    },
  );

  it("random mutations of a valid graph (values swapped for random JSON)", () => {
    const base = JSON.parse(good) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) {
        for (const [i, x] of v.slice(0, 3).entries()) walk(x, [...path, i]);
      } else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.jsonValue({ maxDepth: 3 }),
        (path, value) => {
          const copy = structuredClone(base) as Record<string | number, unknown>;
          let at: Record<string | number, unknown> = copy;
          for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
          at[path[path.length - 1] as string] = value;
          loaders(JSON.stringify(copy), "mutated.json");
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const { web } = loaders(decodeBytes(b).text, "bytes.json");
        expect(web.error).toBeDefined();
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});
