// "Export PNG": sigma's canvases drawn by @sigma/export-image, plus the community labels, which
// the view draws as HTML above the canvases (so the image shows the same labels, where the view
// shows them). Label text is drawn with fillText: it stays text data, never markup.
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import { fitText } from "./fit-text.ts";
import { createLabelPass } from "./label-pass.ts";

/** A rounded rectangle path. */
export function roundedRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
) {
  const k = Math.min(r, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + k, y);
  ctx.arcTo(x + w, y, x + w, y + h, k);
  ctx.arcTo(x + w, y + h, x, y + h, k);
  ctx.arcTo(x, y + h, x, y, k);
  ctx.arcTo(x, y, x + w, y, k);
  ctx.closePath();
}

/** Draw the labels of `layer` (positioned over `container`) onto `canvas` at the same places. */
export function drawLabels(canvas: HTMLCanvasElement, layer: HTMLElement, container: HTMLElement) {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const frame = container.getBoundingClientRect();
  const scale = canvas.width / Math.max(1, frame.width);
  ctx.save();
  ctx.scale(scale, scale);
  if (layer.classList.contains("dimmed")) ctx.globalAlpha = 0.25;
  for (const label of layer.querySelectorAll<HTMLElement>(".community-label")) {
    const r = label.getBoundingClientRect();
    const css = getComputedStyle(label);
    const [x, y, w, h] = [r.left - frame.left, r.top - frame.top, r.width, r.height];
    roundedRect(ctx, x, y, w, h, Number.parseFloat(css.borderTopLeftRadius) || 0);
    ctx.fillStyle = css.backgroundColor;
    ctx.fill();
    ctx.lineWidth = Number.parseFloat(css.borderTopWidth) || 1;
    ctx.strokeStyle = css.borderTopColor;
    ctx.stroke();
    ctx.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
    ctx.fillStyle = css.color;
    ctx.textBaseline = "middle";
    const left = Number.parseFloat(css.paddingLeft) || 0;
    const room = w - left - (Number.parseFloat(css.paddingRight) || 0);
    const text = fitText((s) => ctx.measureText(s).width, label.textContent ?? "", room);
    ctx.fillText(text, x + left, y + h / 2);
  }
  ctx.restore();
}

/**
 * Download the current view as `<fileName>.png`, community labels included (those over
 * `graphArea`, which holds sigma's container); node labels placed as on screen (label-pass.ts,
 * `rank` first), not over each other.
 */
export async function exportPng(
  sigma: Sigma,
  fileName: string,
  rank: (node: string) => number | null = () => null,
  graphArea: HTMLElement = sigma.getContainer(),
): Promise<void> {
  const canvas = await drawOnCanvas(sigma, {
    backgroundColor: "#ffffff",
    withTempRenderer: (tmp) => {
      const pass = createLabelPass(rank);
      tmp.setSetting("defaultDrawNodeLabel", pass.collect);
      pass.attach(tmp);
      tmp.refresh();
    },
  });
  const layer = graphArea.querySelector<HTMLElement>(".community-labels");
  if (layer) drawLabels(canvas, layer, graphArea);
  await downloadCanvas(canvas, fileName);
}

/** Download `canvas` as `<fileName>.png`. */
export async function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("web/export-png: the browser gave no image");
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${fileName}.png`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
