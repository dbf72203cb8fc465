// Who is calling. Every service takes an actor and checks it against the thing it touches; routes
// and pages only resolve it (session cookie, API key or share token).

export type TActor =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; keyId: string; projectId: string; scope: TApiKeyScope }
  | { kind: "share"; linkId: string; projectId: string; scope: "run" | "comparison" | "samples"; runIds: string[]; sampleIds: string[]; anonymized: boolean };

/**
 * What a project API key may do. ingest: write runs and their data, and read the project (a training
 * job polls its runs, alerts and changes); read: only read (scripts, notebooks); admin: also manage
 * datasets, webhooks and keys through the API. Keys made before scopes existed are admin.
 */
export const API_KEY_SCOPES = ["ingest", "read", "admin"] as const;
export type TApiKeyScope = (typeof API_KEY_SCOPES)[number];

const SCOPE_RANK = { read: 1, ingest: 2, admin: 3 } as const satisfies Record<TApiKeyScope, number>;

/** admin covers ingest, ingest covers read. */
export function scopeCovers(scope: TApiKeyScope, needed: TApiKeyScope): boolean {
  return SCOPE_RANK[scope] >= SCOPE_RANK[needed];
}

const ROLE_RANK = { viewer: 1, editor: 2, owner: 3 } as const;
export type TRole = keyof typeof ROLE_RANK;

export function roleAtLeast(role: TRole, min: TRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}
