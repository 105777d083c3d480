// One sigma per scene, each in a layer of its own over the graph area: a scene per view (its
// graph indexed and drawn once) and one for the filtered part of a big view (renderer.ts
// FILTERED_GRAPH_MIN_EDGES). Only the shown scene draws and takes the pointer; the others keep
// the pixels of their last frame (visibility: hidden keeps the canvases and their size), so
// going back to a view, or Reset, shows what is drawn already instead of indexing and drawing
// the whole view again. Each scene has its own camera: a camera move draws the shown one only.
import Graph from "graphology";
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { CameraState } from "sigma/types";
import { el } from "./dom.ts";
import { createHoverOverlay, type HoverOverlay, type OverlayStyle } from "./hover-overlay.ts";
import { createLabelPass, type LabelPass } from "./label-pass.ts";
import type { ViewName } from "./state.ts";
import type { ViewEdge, ViewGraph, ViewNode } from "./views.ts";

export type ViewSigma = Sigma<ViewNode, ViewEdge>;
export type SceneName = ViewName | "filtered";

/** The camera a view opens with: the whole view. */
export const HOME: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

export interface Scene {
  readonly name: SceneName;
  readonly sigma: ViewSigma;
  readonly layer: HTMLElement;
  readonly labels: LabelPass<ViewNode, ViewEdge>;
  readonly overlay: HoverOverlay;
  /** What the reducers drew the canvas with (the renderer's key of its state); null: nothing. */
  drawnKey: string | null;
  /** The camera of the last frame drawn. */
  drawnCamera: CameraState;
  /** Full index passes (sigma's process: every node and edge) and frames drawn: tests, bench. */
  readonly counts: { indexed: number; drawn: number };
}

/** What every scene shares: sigma's settings (without the label drawer) and the overlay's look. */
export interface SceneOptions {
  settings: Partial<Settings<ViewNode, ViewEdge>>;
  overlay: Omit<OverlayStyle, "labelFont" | "labelSize" | "labelWeight">;
  /** The view graph the hover overlay draws from. */
  graph: () => ViewGraph;
  /** Label ranks and "label all" (label-pass.ts). */
  labelRank: (node: string) => number | null;
  labelAll: () => boolean;
}

/** What sigma keeps that a scene reads or sets without its setters (see renderer.ts show). */
export interface SigmaInner {
  hoveredNode: string | null;
  renderFrame: number | null;
  settings: Settings<ViewNode, ViewEdge>;
  customBBox: { x: [number, number]; y: [number, number] } | null;
  activeListeners: { handleResize?: () => void };
}
export const inner = (sigma: ViewSigma) => sigma as unknown as SigmaInner;

/**
 * A new scene in its own layer of `parent`, hidden, on an empty graph (its constructor draws
 * nothing): the renderer sets its camera and frame, then hands it its graph (one index, one draw).
 */
export function createScene(parent: HTMLElement, name: SceneName, opts: SceneOptions): Scene {
  const layer = el("div", { class: "scene", attrs: { "data-scene": name } });
  layer.style.visibility = "hidden";
  parent.appendChild(layer);
  const labels = createLabelPass<ViewNode, ViewEdge>(opts.labelRank, true, opts.labelAll);
  const empty: ViewGraph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const sigma = new Sigma<ViewNode, ViewEdge>(empty, layer, {
    ...opts.settings,
    defaultDrawNodeLabel: labels.collect,
  });
  // Sigma indexes its whole graph again on every window resize, hidden or not: the renderer
  // measures the shown scene instead (a ResizeObserver on the graph area), the others when shown.
  const { handleResize } = inner(sigma).activeListeners;
  if (handleResize) window.removeEventListener("resize", handleResize);
  labels.attach(sigma);
  const overlay = createHoverOverlay(sigma, opts.graph, {
    ...opts.overlay,
    labelFont: sigma.getSetting("labelFont"),
    labelSize: sigma.getSetting("labelSize"),
    labelWeight: sigma.getSetting("labelWeight"),
  });
  const scene: Scene = {
    name,
    sigma,
    layer,
    labels,
    overlay,
    drawnKey: null,
    drawnCamera: sigma.getCamera().getState(),
    counts: { indexed: 0, drawn: 0 },
  };
  sigma.on("beforeProcess", () => {
    scene.counts.indexed++;
  });
  sigma.on("afterRender", () => {
    scene.counts.drawn++;
    scene.drawnCamera = sigma.getCamera().getState();
  });
  setPointer(sigma, false);
  return scene;
}

/** Mouse and touch go to the shown scene only. */
function setPointer(sigma: ViewSigma, on: boolean) {
  sigma.getMouseCaptor().enabled = on;
  sigma.getTouchCaptor().enabled = on;
}

/** Whether the scene's canvases are sized for its layer as it is now. */
export function sizedForLayer(scene: Scene): boolean {
  const { width, height } = scene.sigma.getDimensions();
  return width === (scene.layer.offsetWidth || 1) && height === (scene.layer.offsetHeight || 1);
}

export function showScene(scene: Scene): void {
  scene.layer.style.visibility = "visible";
  scene.layer.toggleAttribute("data-shown", true);
  setPointer(scene.sigma, true);
}

/**
 * Hides a scene as it was last drawn: its camera stopped and put back where the last frame was
 * drawn, no frame pending, no hover, no overlay. A camera moved while it was shown (a community
 * filter moves it before handing over to the filtered scene) is then not drawn in the
 * background, and the canvas matches the camera when the scene is shown again.
 */
export function hideScene(scene: Scene): void {
  const { sigma } = scene;
  const camera = sigma.getCamera() as unknown as { nextFrame: number | null };
  if (camera.nextFrame) cancelAnimationFrame(camera.nextFrame);
  camera.nextFrame = null;
  sigma.getCamera().setState(scene.drawnCamera);
  const s = inner(sigma);
  if (s.renderFrame) cancelAnimationFrame(s.renderFrame);
  s.renderFrame = null;
  s.hoveredNode = null;
  scene.overlay.hide();
  setPointer(sigma, false);
  scene.layer.style.visibility = "hidden";
  scene.layer.toggleAttribute("data-shown", false);
}

export function killScene(scene: Scene): void {
  scene.overlay.kill();
  scene.sigma.kill();
  scene.layer.remove();
}
