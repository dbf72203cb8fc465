// The audit log's vocabulary (issue 17), client-safe: the settings filter lists these actions.

export const AUDIT_ACTIONS = [
  "member.joined",
  "member.role_changed",
  "member.removed",
  "invite.created",
  "invite.revoked",
  "invite.accepted",
  "api_key.created",
  "api_key.revoked",
  "share_link.created",
  "share_link.first_used",
  "share_link.revoked",
  "project.deleted",
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export type TAuditEntryDTO = {
  id: string;
  at: string;
  action: TAuditAction;
  actor: { kind: "user" | "apiKey" | "share" | "system"; id: string | null; label: string };
  target: { kind: string | null; id: string | null; label: string | null };
  details: Record<string, unknown>;
  address: string | null;
  userAgent: string | null;
};

export type TAuditPage = { entries: TAuditEntryDTO[]; nextBefore: string | null };

export const AUDIT_PAGE_SIZE = 50;
