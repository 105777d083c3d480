import type { FormatReader } from "../types.ts";

// Placeholder: replaced by the real reader.
export const reader: FormatReader = {
  format: "paperlists",
  detect: () => false,
  parse: () => ({ papers: [], rejected: [] }),
};
