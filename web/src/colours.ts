// Colours: communities from a fixed qualitative palette, node types by a fixed map.
import type { NodeType } from "../../src/graph/schema.ts";

const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  // Ten more, each far from the nine above and from the grey of papers in no community
  // (d3's category10 here before gave a second blue, red and green beside Tableau's).
  "#8b1e3f",
  "#a0cbe8",
  "#b6992d",
  "#499894",
  "#8cd17d",
  "#d37295",
  "#ffbe7d",
  "#5c3c92",
  "#79706e",
  "#00a2b8",
  "#c5b0d5",
];

export const TYPE_COLOURS: Record<NodeType, string> = {
  paper: "#4e79a7",
  author: "#f28e2b",
  method: "#59a14f",
  modality: "#b07aa1",
  task: "#e15759",
  dataset: "#9c755f",
  condition: "#d4a017",
  model: "#17becf",
  topic: "#7f7f7f",
  keyword: "#8cd17d",
};

export const NO_COMMUNITY = "#b8b8b8";
export const GREYED = "#e4e4e4";

export function communityColour(id: number): string {
  return id < 0 ? NO_COMMUNITY : PALETTE[id % PALETTE.length];
}
