export async function buildCommand(_argv: string[]): Promise<number> {
  throw new Error("build: not implemented yet");
}
