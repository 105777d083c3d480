// Author identity on real name pairs of the ACL/COLING/AISTATS/AAAI paperlists (issue 15),
// read through litgraph's own paperlists reader from test/fixtures/identity (see ORIGIN.md).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  IDENTITY_DEFAULTS,
  type IdentityOptions,
  resolveAuthors,
  slotKey,
} from "../src/graph/authors.ts";
import { parseText } from "../src/ingest/index.ts";

const FILE = "test/fixtures/identity/paperlists-names.json";
const parsed = parseText(readFileSync(FILE, "utf8"), FILE, { asOf: new Date("2026-01-01") });

/** The identity root of each written name, under the given options. */
function rootsByName(opts: IdentityOptions): Map<string, string> {
  const id = resolveAuthors(
    parsed.papers.map((p) => p.authors),
    opts,
  );
  const out = new Map<string, string>();
  for (const p of parsed.papers)
    for (const a of p.authors) out.set(a.name, id.rootOf.get(slotKey(a)) as string);
  return out;
}

describe("author identity on real name pairs", () => {
  it("reads every fixture item", () => {
    expect(parsed.rejected).toEqual([]);
    expect(parsed.papers).toHaveLength(24);
  });

  const table: { a: string; b: string; same: boolean; opts?: Partial<IdentityOptions> }[] = [
    // hyphen variants that add a full given token: two people
    { a: "Min Zhang", b: "Min-Ling Zhang", same: false },
    { a: "Wei Wang", b: "Wei-Yao Wang", same: false },
    { a: "Tie Liu", b: "Tie-Yan Liu", same: false },
    { a: "Wei Ma", b: "Wei-Ying Ma", same: false },
    { a: "Yun Chen", b: "Yun-Nung Chen", same: false },
    // a root adding a full given token
    { a: "Xiang Li", b: "Xiang Lisa Li", same: false },
    // chains through an initial followed by a full name
    { a: "H. Howie Huang", b: "Hao Huang", same: false },
    { a: "H. Howie Huang", b: "Hui Huang", same: false },
    { a: "Hao Huang", b: "Hui Huang", same: false },
    { a: "S. Kevin Zhou", b: "Shu Zhou", same: false },
    // a root adding middle initials only
    { a: "Alan Black", b: "Alan W Black", same: true },
    { a: "Andrew Arnold", b: "Andrew O. Arnold", same: true },
    // with co-author evidence: Andrew Arnold shares Ramesh Nallapati and Bing Xiang; the two
    // Alan Blacks share nobody here
    { a: "Andrew Arnold", b: "Andrew O. Arnold", same: true, opts: { evidence: "coauthor" } },
    { a: "Alan Black", b: "Alan W Black", same: false, opts: { evidence: "coauthor" } },
    // the same letters with and without a hyphen: by option (they share Zhiyuan Liu)
    { a: "Hai-Tao Zheng", b: "Haitao Zheng", same: false },
    { a: "Hai-Tao Zheng", b: "Haitao Zheng", same: true, opts: { spellings: "coauthor" } },
    { a: "Hai-Tao Zheng", b: "Haitao Zheng", same: true, opts: { spellings: "name" } },
  ];
  it.each(table)("$a / $b same: $same $opts", ({ a, b, same, opts }) => {
    const roots = rootsByName({ ...IDENTITY_DEFAULTS, ...opts });
    expect(roots.has(a) && roots.has(b)).toBe(true);
    expect(roots.get(a) === roots.get(b)).toBe(same);
  });
});
