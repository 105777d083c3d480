// Minimal types for the parts of citation-js the BibTeX reader uses (the package ships none).
declare module "@citation-js/core" {
  export const plugins: {
    input: {
      chainLink(input: unknown, options?: { forceType?: string }): unknown;
    };
    config: {
      get(ref: string): unknown;
    };
  };
}
declare module "@citation-js/plugin-bibtex";
