// A node's colour for each "Colour by" choice, shared by the renderer, the hover overlay and the
// whole-graph PNG.
import { communityColour, TYPE_COLOURS } from "./colours.ts";
import type { ColourBy } from "./state.ts";
import type { ViewGraph, ViewNode } from "./views.ts";
import { yearColour, yearRange } from "./year-colours.ts";

export function nodeColouring(mode: ColourBy, graph: ViewGraph): (a: ViewNode) => string {
  if (mode === "type") return (a) => TYPE_COLOURS[a.kind];
  if (mode === "year") {
    const range = yearRange(graph);
    return (a) => yearColour(a.year, range);
  }
  return (a) => communityColour(a.community);
}
