// The long fuzz run (`npm run fuzz [-- --runs N --seed S]`): the in-suite cases of
// test/reliability-fuzz.test.ts at full size — every boundary cut of every reader sample, every
// mid-UTF-8 cut, both wrong encodings, and many more random inputs — for the readers and the
// graph loaders. Prints how many inputs it tried and every problem; exits 1 when there is one.
import { parseArgs } from "node:util";
import fc from "fast-check";
import { loadGraph } from "../../src/graph/serialize.ts";
import { decodeBytes, ingestTexts, parseText } from "../../src/ingest/index.ts";
import { parseGraphText } from "../../web/src/load.ts";
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
} from "./cases.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "20000" },
    seed: { type: "string", default: "20261127" },
    "max-ms": { type: "string", default: "5000" },
  },
});
const RUNS = Number(values.runs);
const SEED = Number(values.seed);
const MAX_MS = Number(values["max-ms"]);
const OPTS = { asOf: new Date("2026-11-27T00:00:00Z") };
const SAMPLES = loadSamples();

const tried: Record<string, number> = {};
const problems: string[] = [];
/** The five slowest inputs, to spot super-linear readers. */
const slowest: { ms: number; what: string }[] = [];

function note(kind: string, what: string, found: string[], ms: number) {
  tried[kind] = (tried[kind] ?? 0) + 1;
  slowest.push({ ms, what: `${kind}: ${what}` });
  slowest.sort((a, b) => b.ms - a.ms).splice(5);
  if (ms > MAX_MS) found.push(`took ${Math.round(ms)} ms`);
  for (const p of found) if (problems.length < 200) problems.push(`${kind}: ${what}: ${p}`);
}

function reader(kind: string, text: string, file: string) {
  const t = timed(() => parseText(text, file, OPTS));
  const found = t.error
    ? [`threw ${String(t.error)}`]
    : parseProblems(t.value as never, file, text);
  note(kind, `${file} (${text.length} chars)`, found, t.ms);
  return found.length === 0;
}

function graph(kind: string, text: string, source: string) {
  const found: string[] = [];
  const web = timed(() => parseGraphText(text, source));
  if (web.error && !(web.error instanceof Error && web.error.message.includes(source)))
    found.push(`web loader: ${String(web.error)}`);
  let ms = web.ms;
  try {
    const json = JSON.parse(text);
    const node = timed(() => loadGraph(json, source));
    ms += node.ms;
    if (node.error && !(node.error instanceof Error && /^graph\/load: /.test(node.error.message)))
      found.push(`graph/load: ${String(node.error)}`);
  } catch {}
  note(kind, source, found, ms);
  return found.length === 0;
}

const t0 = performance.now();

// Every boundary of every kind, every mid-UTF-8 cut (bounded), both wrong encodings.
for (const s of SAMPLES) {
  for (const { kind, at } of boundaryCuts(s.text, Number.POSITIVE_INFINITY))
    reader(`cut:${kind}`, s.text.slice(0, at), s.file);
  const bytes = new TextEncoder().encode(s.text);
  for (const at of midUtf8Offsets(bytes, 200))
    reader("cut:mid-utf8", decodeBytes(bytes.subarray(0, at)).text, s.file);
  for (const [kind, b] of [
    ["enc:windows-1252", toWindows1252(s.text)],
    ["enc:utf-16le", toUtf16(s.text, true)],
    ["enc:utf-16be", toUtf16(s.text, false)],
  ] as const) {
    const t = timed(() => ingestTexts([{ file: s.file, bytes: b }], OPTS));
    const r = t.value;
    const found = t.error
      ? [`threw ${String(t.error)}`]
      : parseProblems({ papers: r?.papers ?? [], rejected: r?.rejected ?? [] }, s.file);
    note(kind, s.file, found, t.ms);
  }
}
for (const d of deeplyNested(100_000)) {
  reader("deep", d.text, d.file);
  if (d.file.endsWith(".json")) graph("graph:deep", d.text, d.file);
}

// Random inputs: strings, bytes, splices and byte flips of real samples.
const texts = SAMPLES.map((s) => s.text);
const randomText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.uint8Array({ maxLength: 2000 }).map((b) => decodeBytes(b).text),
  fc
    .tuple(
      fc.constantFrom(...texts),
      fc.nat(),
      fc.nat(),
      fc.string({ unit: "binary", maxLength: 60 }),
    )
    .map(([t, a, b, junk]) => {
      const i = a % t.length;
      const j = b % t.length;
      return t.slice(0, Math.min(i, j)) + junk + t.slice(Math.max(i, j));
    }),
  fc
    .tuple(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 20 }))
    .map(([t, flips]) => {
      const bytes = new TextEncoder().encode(t);
      for (const [at, v] of flips) bytes[at % bytes.length] = v;
      return decodeBytes(bytes).text;
    }),
);
const files = fc.constantFrom(...SAMPLES.map((s) => s.file), "x.txt", "x.json", "x.xml", "noext");
fc.check(
  fc.property(randomText, files, (text, file) => reader("random", text, file)),
  { numRuns: RUNS, seed: SEED },
);

// Graph loaders: truncations and random replacements inside a real graph.json.
const good = loadGraphSample();
for (const { at } of boundaryCuts(good, Number.POSITIVE_INFINITY))
  graph("graph:cut", good.slice(0, at), "cut.json");
const base = JSON.parse(good) as Record<string, unknown>;
const paths: (string | number)[][] = [];
const walk = (v: unknown, path: (string | number)[]) => {
  if (path.length) paths.push(path);
  if (Array.isArray(v)) for (const [i, x] of v.slice(0, 5).entries()) walk(x, [...path, i]);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
};
walk(base, []);
fc.check(
  fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 4 }), (path, value) => {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let at = copy;
    for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    at[path[path.length - 1] as string] = value;
    return graph("graph:mutate", JSON.stringify(copy), "mutated.json");
  }),
  { numRuns: Math.ceil(RUNS / 4), seed: SEED + 1 },
);

const total = Object.values(tried).reduce((a, b) => a + b, 0);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`fuzz: tried ${total} inputs in ${secs} s (seed ${SEED})`);
for (const [kind, n] of Object.entries(tried).sort()) console.log(`  ${kind.padEnd(20)} ${n}`);
for (const x of slowest) console.log(`  slow: ${Math.round(x.ms)} ms (${x.what})`);
if (problems.length) {
  console.log(`fuzz: ${problems.length} problem(s):`);
  for (const p of problems) console.log(`  ${p.slice(0, 300)}`);
  process.exitCode = 1;
} else console.log("fuzz: no problems");
