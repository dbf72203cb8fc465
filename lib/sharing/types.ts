// Share link DTOs: what the settings page lists and what a create request carries.

export const SHARE_SCOPES = ["run", "comparison", "samples"] as const;
export type TShareScope = (typeof SHARE_SCOPES)[number];

export const SHARE_LIMITS = { comparisonRuns: 12, samples: 200, viewQueryChars: 4000, labelChars: 120, maxExpiryDays: 366 } as const;

export type TCreateShareLinkInput =
  | { scope: "run"; runId: string; anonymized: boolean; label: string | null; expiresAt: Date | null }
  | { scope: "comparison"; runIds: string[]; viewQuery: string; anonymized: boolean; label: string | null; expiresAt: Date | null }
  | { scope: "samples"; sampleIds: string[]; anonymized: boolean; label: string | null; expiresAt: Date | null };

export type TShareLinkStatus = "active" | "expired" | "revoked";

export type TShareLinkDTO = {
  id: string;
  scope: TShareScope;
  /** What the link shows, in words: run names, or how many samples. */
  target: string;
  label: string | null;
  anonymized: boolean;
  createdBy: string | null;
  isMine: boolean;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  useCount: number;
  lastUsedAt: string | null;
  status: TShareLinkStatus;
};
