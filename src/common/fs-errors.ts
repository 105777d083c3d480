/** Why an output could not be written (OutputError.code); callers branch on this, never on text. */
export type OutputErrorCode =
  /** A folder on the way to the output is missing and cannot be made, or is a file. */
  | "bad-folder"
  /** The output is a kind of file litgraph does not write (a folder, a socket, a block device). */
  | "refused-kind"
  /** The output is a symbolic link to nothing. */
  | "dangling-link"
  /** A write failed or stopped short (a full disk: ENOSPC, a file size limit: EFBIG). */
  | "write-failed";

/** An output file or folder that could not be written, with the path it concerns. */
export class OutputError extends Error {
  constructor(
    readonly code: OutputErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "OutputError";
  }
}

/** The system error code of a thrown value (ENOENT, ENOSPC, …), or undefined. */
export function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
