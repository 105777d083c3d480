// Types of bin/cli-bundle.mjs (plain JavaScript: bin/ runs before tsx is loaded).
export declare const ROOT: string;
export declare const BUNDLE_DIR: string;
export declare const BUNDLE: string;
export declare const STAMP: string;
/** sha256 over the paths and contents of every file under <root>/src/. */
export declare function sourceStamp(root?: string): string;
/** Worker bodies bundled beside the CLI, by output name (<name>.mjs), from their sources. */
export declare const WORKERS: Record<string, string>;
/** The bundle's path when it and its worker bodies exist and were built from the current sources, else null. */
export declare function freshBundle(): string | null;
