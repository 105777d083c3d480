export async function relatedCommand(_argv: string[]): Promise<number> {
  throw new Error("related: not implemented yet");
}
export async function collaboratorsCommand(_argv: string[]): Promise<number> {
  throw new Error("collaborators: not implemented yet");
}
export async function clustersCommand(_argv: string[]): Promise<number> {
  throw new Error("clusters: not implemented yet");
}
