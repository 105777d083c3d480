export async function serveCommand(_argv: string[]): Promise<number> {
  throw new Error("serve: not implemented yet");
}
export async function siteCommand(_argv: string[]): Promise<number> {
  throw new Error("site: not implemented yet");
}
