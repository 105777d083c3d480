// GEXF and GraphML written from the hand-made fixture are read back by graphology's own parsers
// with every node, edge and attribute intact (after flattening and XML cleaning).
import fc from "fast-check";
import Graph from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { cleanXmlText, toGexf, toGraphML } from "../src/export/pure.ts";
import { escapeXmlAttr, escapeXmlText } from "../src/export/xml.ts";
import { expectRoundTrip, loadFixture, scrambled, XML_FORMATS } from "./export-helpers.ts";

const fixture = loadFixture();

describe.each(XML_FORMATS)("$name", ({ write, read }) => {
  it.each(["directed", "mixed"] as const)(
    "round-trips every node, edge and attribute (edgeMode %s)",
    (mode) => {
      expectRoundTrip(read(write(fixture, mode)), fixture, mode);
    },
  );

  it("keeps hostile strings except the characters XML 1.0 forbids", () => {
    const parsed = read(write(fixture));
    const key = 'paper:doi:10.1000/a<b>&"c"';
    const abstract = parsed.getNodeAttribute(key, "abstract") as string;
    expect(abstract).toContain("line two\r\nwith tab\tand 'quotes' \"double\" ]]> & <tag/>");
    expect(abstract).toContain("\u{1F600}");
    for (const c of ["\u0001", "\u000b", "\u001f", "\ufffe"]) expect(abstract).not.toContain(c);
    expect(abstract).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(parsed.getNodeAttribute(key, "label")).toBe('Tabular "CTGAN" <vs> R&D: a, b; c');
    expect(JSON.parse(parsed.getEdgeAttribute("e-similar-1", "breakdown") as string)[1].label).toBe(
      'privacy "&" <safety>',
    );
  });

  it("flattens lists and nested values to strings", () => {
    const parsed = read(write(fixture));
    expect(parsed.getNodeAttribute("author:lei-clifton", "variants")).toBe(
      "Lei Clifton; L. Clifton; Clifton, Lei",
    );
    const mentions = JSON.parse(parsed.getEdgeAttribute("e-has-1", "mentions") as string);
    expect(mentions).toHaveLength(2);
    expect(mentions[0].text).toBe("CTGAN");
    expect(parsed.getEdgeAttribute("e-similar-1", "weight")).toBe(0.4375);
    expect(parsed.getNodeAttribute("author:lei-clifton", "collabCommunityLabel")).toBe(
      "Clifton group",
    );
  });

  it("gives the same bytes whatever the order of nodes, edges and keys", () => {
    expect(write(scrambled(fixture))).toBe(write(fixture));
  });

  it("survives arbitrary strings in labels, abstracts and list attributes", () => {
    const hostile = fc.string({
      unit: fc.constantFrom(
        ...['"', "'", "<", ">", "&", "]]>", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f"],
        ...["\ud800", "\udfff", "\ufffe", "\u{1F600}", ",", ";", " ", "a", "é", "&amp;"],
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(hostile, hostile, hostile, (label, abstract, paper) => {
        const g = structuredClone(fixture);
        const node = g.nodes.find((n) => n.key === "paper:arxiv:2101.00001");
        const edge = g.edges.find((e) => e.key === "e-coauthor-1");
        if (node?.attributes.type !== "paper" || edge?.attributes.type !== "coauthor") {
          throw new Error("fixture changed");
        }
        node.attributes.label = label;
        node.attributes.abstract = abstract;
        edge.attributes.papers = [paper, "x"];
        expectRoundTrip(read(write(g)), g, "directed");
      }),
      { numRuns: 60 },
    );
  });
});

describe("xml escaping", () => {
  it.each([
    ["plain", "plain", "plain", "plain"],
    ['a<b>&"c"\'', 'a<b>&"c"\'', "a&lt;b&gt;&amp;&quot;c&quot;'", 'a&lt;b&gt;&amp;"c"\''],
    ["t\tn\nr\r", "t\tn\nr\r", "t&#9;n&#10;r&#13;", "t\tn\nr&#13;"],
    ["\u0000\u0008\u000b\u000c\u001f\u007f", "\u007f", "\u007f", "\u007f"],
    ["x\ud800y\udc00z", "xyz", "xyz", "xyz"],
    ["\u{1F600}\ufffe\uffff\ue000", "\u{1F600}\ue000", "\u{1F600}\ue000", "\u{1F600}\ue000"],
  ])("%j → clean %j, attr %j, text %j", (input, clean, inAttr, inText) => {
    expect(cleanXmlText(input)).toBe(clean);
    expect(escapeXmlAttr(input)).toBe(inAttr);
    expect(escapeXmlText(input)).toBe(inText);
  });

  it("refuses two node keys that only differ by forbidden characters", () => {
    const g = structuredClone(fixture);
    const copy = structuredClone(g.nodes[0]);
    copy.key = `${g.nodes[0].key}\u0001`;
    g.nodes.push(copy);
    expect(() => toGexf(g)).toThrow(/export\/gexf: node keys .* are the same/);
    expect(() => toGraphML(g)).toThrow(/export\/graphml: node keys/);
  });
});

describe("format specifics", () => {
  it.each([
    ["author:lei-clifton", undefined, "#1f77b4"],
    ["condition:sepsis", undefined, "#9e9e9e"],
    ["dataset:mimic-iii", undefined, "#ff7f0e"],
    ["method:gan", "#ABCDEF", "#abcdef"],
    ["method:gan", "red", "#1f77b4"],
  ])("colours %s (own colour %s) %s", (key, own, colour) => {
    const g = structuredClone(fixture);
    const node = g.nodes.find((n) => n.key === key);
    if (own !== undefined) (node?.attributes as Record<string, unknown>).color = own;
    const r = Number.parseInt(colour.slice(1, 3), 16);
    const gr = Number.parseInt(colour.slice(3, 5), 16);
    const b = Number.parseInt(colour.slice(5, 7), 16);
    const gexfNode = toGexf(g)
      .split("<node ")
      .find((s) => s.startsWith(`id="${key}"`));
    expect(gexfNode).toContain(`<viz:color r="${r}" g="${gr}" b="${b}"/>`);
  });

  it("GEXF declares typed attributes and puts layout, size and colour in viz", () => {
    const xml = toGexf(fixture);
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(xml).toContain('<attribute id="mapY" title="mapY" type="double"/>');
    expect(xml).toContain('<attribute id="year" title="year" type="integer"/>');
    expect(xml).toContain('<attribute id="undirected" title="undirected" type="boolean"/>');
    expect(xml).toMatch(/<viz:position x="2" y="2.5"\/>\s*<viz:color r="31" g="119" b="180"\/>/);
    expect(xml).not.toContain('type="undirected"');
    expect(toGexf(fixture, { edgeMode: "mixed" })).toContain('type="undirected"');
    expect(xml.endsWith("</gexf>\n")).toBe(true);
  });

  it("GraphML declares one key per attribute with attr.name and attr.type", () => {
    const xml = toGraphML(fixture);
    const keys = [
      ...xml.matchAll(/<key id="(d\d+)" for="(\w+)" attr.name="([^"]+)" attr.type="(\w+)"/g),
    ];
    const used = new Set([...xml.matchAll(/<data key="(d\d+)"/g)].map((m) => m[1]));
    expect(new Set(keys.map((k) => k[1])).size).toBe(keys.length);
    for (const id of used)
      expect(
        keys.some((k) => k[1] === id),
        id,
      ).toBe(true);
    const typeOf = (forWhat: string, name: string) =>
      keys.find((k) => k[2] === forWhat && k[3] === name)?.[4];
    expect(typeOf("node", "x")).toBe("double");
    expect(typeOf("node", "r")).toBe("int");
    expect(typeOf("node", "label")).toBe("string");
    expect(typeOf("edge", "weight")).toBe("double");
    expect(typeOf("edge", "undirected")).toBe("boolean");
    expect(xml).toContain('edgedefault="directed"');
    expect(xml).not.toContain('directed="true"');
    const mixed = toGraphML(fixture, { edgeMode: "mixed" });
    expect(mixed).toContain('edgedefault="undirected"');
    expect(mixed).toMatch(/<edge id="e-isa-1" [^>]*directed="true"/);
    expect(mixed).not.toMatch(/<edge id="e-coauthor-1" [^>]*directed=/);
  });

  it("GraphML with yed adds yFiles graphics and still reads back whole", () => {
    const xml = toGraphML(fixture, { yed: true });
    expect(toGraphML(fixture)).not.toContain("yworks");
    expect(xml).toContain('xmlns:y="http://www.yworks.com/xml/graphml"');
    expect(xml).toMatch(/<key id="d\d+" for="node" yfiles.type="nodegraphics"\/>/);
    expect(xml.match(/<y:ShapeNode>/g)).toHaveLength(fixture.nodes.length);
    // author:lei-clifton: size 6 → diameter 12, centre (2, -2.5) in yEd's y-down frame.
    expect(xml).toContain('<y:Geometry x="-4" y="-8.5" width="12" height="12"/>');
    expect(xml).toContain('<y:NodeLabel>Jane O\'Neil "JJ" &lt;x&gt;</y:NodeLabel>');
    const parsed = parseGraphml(Graph, xml);
    expect(parsed.order).toBe(fixture.nodes.length);
    expect(parsed.size).toBe(fixture.edges.length);
    expect(parsed.getNodeAttribute("author:lei-clifton", "label")).toBe("Lei Clifton");
  });
});
