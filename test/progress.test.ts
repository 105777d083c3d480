// Progress lines: content, TTY-only drawing, throttling.
import { describe, expect, it } from "vitest";
import { createProgress, formatProgress, silentProgress } from "../src/common/progress.ts";

describe("formatProgress", () => {
  it.each([
    [{ stage: "extract", count: 0, total: 100, elapsedMs: 0 }, "extract 0/100 0% (0.0s)"],
    [
      { stage: "extract", count: 50, total: 100, elapsedMs: 1000 },
      "extract 50/100 50% 50.0/s ETA 1.0s (1.0s)",
    ],
    [
      { stage: "extract", count: 1000, total: 1000, elapsedMs: 2000 },
      "extract 1000/1000 100% 500/s (2.0s)",
    ],
    [{ stage: "ingest", count: 3, total: 0, elapsedMs: 500 }, "ingest 3 6.0/s (0.5s)"],
    [{ stage: "graph", count: 0, total: 0, elapsedMs: 2000 }, "graph (2.0s)"],
    [{ stage: "x", count: 1, total: 1000, elapsedMs: 1000 }, "x 1/1000 0% 1.0/s ETA 16m39s (1.0s)"],
  ])("%j → %s", (state, line) => expect(formatProgress(state)).toBe(line));
});

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } };
}

describe("createProgress", () => {
  it("is silent when the stream is not a TTY", () => {
    const { out, stream } = fakeStream(false);
    const p = createProgress({ stream });
    expect(p).toBe(silentProgress);
    p.stage("extract", 10);
    p.tick(10);
    p.done();
    expect(out).toEqual([]);
  });

  it("draws on a TTY, redraws in place, throttled, always at the end of a stage", () => {
    const { out, stream } = fakeStream(true);
    let t = 0;
    const p = createProgress({ stream, now: () => t, intervalMs: 100 });
    p.stage("extract", 4);
    t = 10;
    p.tick(); // throttled
    t = 200;
    p.tick(); // drawn
    t = 210;
    p.tick(2); // count === total: drawn
    p.stage("topics", 1);
    p.done();
    const text = out.join("");
    expect(text.startsWith("\rextract 0/4 0%")).toBe(true);
    expect(text).toContain("\rextract 2/4 50% 10.0/s ETA 0.2s (0.2s)");
    expect(text).not.toContain("extract 1/4");
    expect(text).toContain("extract 4/4 100%");
    expect(text).toContain("\n\rtopics 0/1");
    expect(text.match(/extract 4\/4/g)).toHaveLength(1);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("enabled: false wins over a TTY", () => {
    const { out, stream } = fakeStream(true);
    createProgress({ stream, enabled: false }).stage("a", 1);
    expect(out).toEqual([]);
  });
});
