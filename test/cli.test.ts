import { describe, expect, it } from "vitest";
import { main } from "../src/cli/index.ts";

describe("cli", () => {
  it("returns 2 for an unknown command", async () => {
    expect(await main(["no-such-command"])).toBe(2);
  });
});
