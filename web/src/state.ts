// The one typed state object of the web view, and a tiny store that notifies subscribers.
import { NodeType } from "../../src/graph/schema.ts";

export type ViewName = "knowledge" | "papers" | "collab";
export type ColourBy = "community" | "type" | "year";

export const VIEW_NAMES: readonly ViewName[] = ["knowledge", "papers", "collab"];
export const NODE_TYPES: readonly NodeType[] = NodeType.options;

/** Graphs above this many nodes open on the paper map (fewer nodes, stored layout). */
export const BIG_GRAPH = 2_000;

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface Filters {
  /** Node types shown (all by default). */
  types: NodeType[];
  /** Inclusive year range; null = open end. */
  yearMin: number | null;
  yearMax: number | null;
  /** Community (of the current view) shown alone; null = all. */
  community: number | null;
  /** Authors with fewer papers are hidden (default 1: all). */
  minPapers: number;
}

export interface State {
  view: ViewName;
  selection: string | null;
  hovered: string | null;
  filters: Filters;
  /** Neighbourhood depth highlighted around the hovered or selected node. */
  depth: 1 | 2;
  colourBy: ColourBy;
  /** The community whose card the panel shows when nothing is selected; null = none. */
  card: number | null;
  /** Label every neighbour of the selected or hovered node, not only the strongest. */
  labelAll: boolean;
  /** Sigma camera; null = fit the whole view. */
  camera: CameraView | null;
}

export const defaultFilters = (): Filters => ({
  types: [...NODE_TYPES],
  yearMin: null,
  yearMax: null,
  community: null,
  minPapers: 1,
});

export const defaultState = (view: ViewName = "knowledge"): State => ({
  view,
  selection: null,
  hovered: null,
  filters: defaultFilters(),
  depth: 1,
  colourBy: "community",
  card: null,
  labelAll: false,
  camera: null,
});

export const filtersActive = (f: Filters): boolean =>
  f.types.length !== NODE_TYPES.length ||
  f.yearMin !== null ||
  f.yearMax !== null ||
  f.community !== null ||
  f.minPapers > 1;

export type Listener = (state: State, previous: State) => void;

export interface Store {
  get(): State;
  set(patch: Partial<State>): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: State): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
