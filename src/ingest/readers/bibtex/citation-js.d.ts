// Minimal types for the parts of citation-js litgraph uses (the package ships none).
declare module "@citation-js/core" {
  export const plugins: {
    input: {
      chainLink(input: unknown, options?: { forceType?: string }): unknown;
    };
    config: {
      get(ref: string): unknown;
    };
    output: {
      format(name: string, data: unknown, ...options: unknown[]): unknown;
    };
  };
}
declare module "@citation-js/plugin-bibtex";
