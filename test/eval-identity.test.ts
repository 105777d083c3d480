// The identity eval hides its labels (the paperlists `authorids`) from litgraph's reader and
// lines every author slot up with its label; on the fixture slice of acl2021.json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hideLabels, readSlots } from "../bench/eval/identity.ts";

const FILE = "test/fixtures/identity/acl2021-authorids.json";
const text = readFileSync(FILE, "utf8");

describe("eval/identity", () => {
  it("no item the reader sees has authorids; every label is kept by item id", () => {
    const { hidden, labels } = hideLabels(FILE, JSON.parse(text));
    expect(hidden).toHaveLength(3);
    for (const item of hidden) expect(Object.keys(item)).not.toContain("authorids");
    expect(JSON.stringify(hidden)).not.toContain("/n/ning-ding/");
    expect(labels.get("2021.acl-long.181")).toEqual([
      "/d/dong-wang/",
      "/n/ning-ding/",
      "/p/piji-li/",
      "/h/haitao-zheng/",
    ]);
  });

  it("each slot's author has its own label, in order", () => {
    const slots = readSlots(FILE, text);
    expect(slots.skipped).toEqual([]);
    const pairs = slots.papers.flatMap((p, i) => p.map((a, j) => [a.name, slots.gold[i][j]]));
    expect(pairs).toContainEqual(["Ning Ding", "/n/ning-ding/"]);
    expect(pairs).toContainEqual(["Nicholas Jing Yuan", "/n/nicholas-jing-yuan/"]);
    expect(pairs.filter(([n]) => n === "Haitao Zheng")).toHaveLength(2);
    expect(pairs).toHaveLength(8 + 4 + 8);
  });

  it.each([
    ["not an array", "{}"],
    ["an item without authorids", '[{"id": "x", "title": "t", "author": "A B"}]'],
  ])("refuses %s, naming the file", (_what, bad) => {
    expect(() => hideLabels("bad.json", JSON.parse(bad))).toThrow(/bad\.json/);
  });
});
