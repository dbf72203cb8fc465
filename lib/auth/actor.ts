// Who is calling. Every service takes an actor and checks it against the thing it touches; routes
// and pages only resolve it (session cookie, API key or share token).

export type TActor =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; keyId: string; projectId: string }
  | { kind: "share"; linkId: string; projectId: string; scope: "run" | "comparison" | "samples"; runIds: string[]; sampleIds: string[]; anonymized: boolean };

const ROLE_RANK = { viewer: 1, editor: 2, owner: 3 } as const;
export type TRole = keyof typeof ROLE_RANK;

export function roleAtLeast(role: TRole, min: TRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}
