// Synthetic corpora for benchmarks: seeded, with Zipf-like author productivity, recurring teams,
// Zipf term frequencies over the ontology's surface forms, recurring noun phrases and filler words.
// Output: paperlists-style JSON items (what src/ingest/readers/paperlists.ts reads), so a
// benchmark exercises ingest too.
import { createRng } from "../common/rng.ts";
import { loadOntology } from "../extract/ontology/load.ts";
import { synthData } from "./data.ts";
import { bellInt, shuffled, zipfSampler } from "./zipf.ts";

export interface SynthOptions {
  /** Number of papers (required). */
  papers: number;
  /** Seed for src/common/rng.ts (default 1). */
  seed?: number;
  /** Size of the author pool (default papers × 3; about half of them publish). */
  authors?: number;
  /** Zipf exponent of author productivity (default 1.1). */
  authorSkew?: number;
  /** Share of papers written by a recurring team (default 0.5). */
  teamShare?: number;
  /** Zipf exponent of term frequencies (default 1.0). */
  termSkew?: number;
  /**
   * Share of the sentence frames' concept slots that name an ontology concept; the others take
   * a recurring noun phrase (default 0.15). At 1, a paper gets about 20 `has` edges, 2–4× what
   * real abstracts give (8–9 per paper with an abstract in the pmlr and deep-review health
   * corpora, 4.8 in the 6,318-paper paperlists corpus); 0.15 gives about 9 (concepts + topics).
   */
  conceptShare?: number;
  /** Abstract length in words, inclusive (default [150, 250]). */
  abstractWords?: [number, number];
  /** Publication years, inclusive (default [2015, 2025]). */
  years?: [number, number];
}

/** One paper as papercopilot/paperlists JSON writes it. */
export interface PaperlistsItem {
  id: string;
  title: string;
  author: string;
  abstract: string;
  year: number;
  track: string;
  status: string;
}

/** Every surface form of the built-in ontology (labels and aliases), sorted. */
export function ontologySurfaces(): string[] {
  const out = new Set<string>();
  for (const c of loadOntology([])) {
    out.add(c.label);
    for (const a of c.aliases) out.add(a);
  }
  return [...out].sort();
}

function authorNames(n: number, rng: () => number): string[] {
  const { givenNames: g, familyNames: f } = synthData;
  const names: string[] = [];
  const seen = new Set<string>();
  const letters = "ABCDEFGHJKLMNPRSTW";
  while (names.length < n) {
    const i = names.length;
    let name = `${g[Math.floor(rng() * g.length)]} ${f[Math.floor(rng() * f.length)]}`;
    // Past the simple combinations, a middle initial and then a numbered suffix keep names unique.
    if (seen.has(name)) name = name.replace(" ", ` ${letters[i % letters.length]}. `);
    if (seen.has(name)) name = `${name} ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    names.push(name);
  }
  return names;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Bumped whenever the same options give another corpus (benchmarks cache corpora by it). */
export const GENERATOR_VERSION = 2;

/** Generate `opts.papers` papers; same options → the same corpus, byte for byte. */
export function generateCorpus(opts: SynthOptions): PaperlistsItem[] {
  const n = opts.papers;
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`synth/generate: papers must be a non-negative integer, got ${n}`);
  const rng = createRng(opts.seed ?? 1);
  const [minWords, maxWords] = opts.abstractWords ?? [150, 250];
  const [y0, y1] = opts.years ?? [2015, 2025];
  const teamShare = opts.teamShare ?? 0.5;

  const names = authorNames(Math.max(2, opts.authors ?? Math.ceil(n * 3)), rng);
  const pickAuthor = zipfSampler(names.length, opts.authorSkew ?? 1.1, names.length / 30);
  const teams: number[][] = [];
  for (let t = 0; t < Math.max(1, Math.ceil(n / 8)); t++) {
    const size = bellInt(rng, 2, 6);
    const team = new Set<number>();
    while (team.size < size) team.add(pickAuthor(rng));
    teams.push([...team]);
  }
  const pickTeam = zipfSampler(teams.length, 1, teams.length / 20);

  const surfaces = shuffled(ontologySurfaces(), rng);
  const pickSurface = zipfSampler(surfaces.length, opts.termSkew ?? 1);
  const { fillerWords, topicWords, sentences, titles } = synthData;
  const pickFiller = zipfSampler(fillerWords.length, 0.8);
  const phrases: string[] = [];
  for (let i = 0; i < 400; i++) {
    const len = bellInt(rng, 2, 3);
    const words = Array.from(
      { length: len },
      () => topicWords[Math.floor(rng() * topicWords.length)],
    );
    phrases.push(words.join(" "));
  }
  const pickPhrase = zipfSampler(phrases.length, 1);

  const conceptShare = opts.conceptShare ?? 0.15;
  const fill = (frame: string) =>
    frame.replace(/\{([cCpPw])\}/g, (_, k: string) => {
      const concept = (k === "c" || k === "C") && rng() < conceptShare;
      const word = concept
        ? surfaces[pickSurface(rng)]
        : k === "w"
          ? fillerWords[pickFiller(rng)]
          : phrases[pickPhrase(rng)];
      return k === "C" || k === "P" ? capitalise(word) : word;
    });

  const out: PaperlistsItem[] = [];
  for (let i = 0; i < n; i++) {
    const authors = new Set<number>();
    if (rng() < teamShare) for (const a of teams[pickTeam(rng)]) authors.add(a);
    const goal = Math.min(
      12,
      authors.size + (authors.size ? bellInt(rng, 0, 2) : bellInt(rng, 1, 6)),
    );
    while (authors.size < goal) authors.add(pickAuthor(rng));
    const target = bellInt(rng, minWords, maxWords);
    const parts: string[] = [];
    let words = 0;
    while (words < target) {
      const s = fill(sentences[Math.floor(rng() * sentences.length)]);
      parts.push(capitalise(s));
      words += s.split(/\s+/).length;
    }
    const year = y0 + Math.floor(rng() * (y1 - y0 + 1));
    out.push({
      id: `synth-${year}-${i}`,
      title: capitalise(fill(titles[Math.floor(rng() * titles.length)])),
      author: [...authors].map((a) => names[a]).join("; "),
      abstract: parts.join(" "),
      year,
      track: "main",
      status: rng() < 0.2 ? "Oral" : "Poster",
    });
  }
  return out;
}
