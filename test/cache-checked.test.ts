// Checked cache files (src/cache/checked.ts): what was written reads back; anything torn, edited
// or foreign reads as absent.
import { describe, expect, it } from "vitest";
import { checkedText, readChecked } from "../src/cache/checked.ts";

const body = { nodes: { "paper:a": { x: 1.5, y: -2 } }, note: "naïve — text\nwith a line break" };
const good = checkedText({ kind: "test/1" }, body);

describe("checked cache files", () => {
  it("read back the header and body that were written", () => {
    const read = readChecked(Buffer.from(good));
    expect(read?.header.kind).toBe("test/1");
    expect(read?.body).toEqual(body);
  });

  it.each([
    ["empty", ""],
    ["torn before the end", good.slice(0, -10)],
    ["without its last line break", good.slice(0, -1)],
    ["a body edited after the check", good.replace('"x":1.5', '"x":9.5')],
    ["a header without a check", good.replace(/"check":"[0-9a-f]+"/, '"check":"0"')],
    ["a header that is not an object", `[1]\n${good.slice(good.indexOf("\n") + 1)}`],
    ["not JSON", "{torn\n{}\n"],
  ])("%s: reads as absent", (_what, text) => {
    expect(readChecked(Buffer.from(text))).toBeUndefined();
  });
});
