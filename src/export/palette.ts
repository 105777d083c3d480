import { z } from "zod";
import paletteJson from "./palette.json" with { type: "json" };

/** Community colours for exports (Tableau-like categorical palette, see palette.json). */
const HexColor = z.string().regex(/^#[0-9a-f]{6}$/);
const Palette = z.object({ none: HexColor, colors: z.array(HexColor).min(1) });

const parsed = Palette.safeParse(paletteJson);
if (!parsed.success) {
  throw new Error(`export/palette: palette.json is invalid: ${parsed.error.message}`);
}
const palette = parsed.data;

/** "#rrggbb" for a community id; ids cycle through the palette, -1 (none) is grey. */
export function communityColor(community: number): string {
  if (!Number.isInteger(community) || community < 0) return palette.none;
  return palette.colors[community % palette.colors.length];
}

/** Split "#rrggbb" into 0..255 channels. */
export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  return {
    r: Number.parseInt(hex.slice(1, 3), 16),
    g: Number.parseInt(hex.slice(3, 5), 16),
    b: Number.parseInt(hex.slice(5, 7), 16),
  };
}
