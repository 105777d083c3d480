// A biggish, deterministic corpus for the atomic-write and reproducibility tests: the real
// paperlists items of test/fixtures/ingest-a repeated with numbered titles, ids and shuffled
// author lists (seeded), so the graph has many papers, authors and similar edges.
import { readFileSync } from "node:fs";
import { createRng } from "../../src/common/rng.ts";

const FILES = ["acl2021.json", "aistats2025.json", "coling2020.json", "coling2022.json"];

type Item = Record<string, unknown> & { title: string; author: string; id?: string };

/** A paperlists JSON array of `n` items (same `n` and `seed` → the same bytes). */
export function syntheticPaperlists(n: number, seed = 7): string {
  const base = FILES.flatMap(
    (f) =>
      JSON.parse(
        readFileSync(new URL(`../fixtures/ingest-a/${f}`, import.meta.url), "utf8"),
      ) as Item[],
  );
  const rand = createRng(seed);
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length] as Item;
    const authors = src.author
      .split(";")
      .map((a) => a.trim())
      .filter(Boolean);
    for (let k = authors.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [authors[k], authors[j]] = [authors[j] as string, authors[k] as string];
    }
    items.push({
      ...src,
      id: `synthetic-${i}`,
      title: `${src.title} (study ${i})`,
      author: authors.slice(0, 1 + Math.floor(rand() * authors.length)).join("; "),
    });
  }
  return `${JSON.stringify(items, null, 1)}\n`;
}
