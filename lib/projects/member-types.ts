import type { TRole } from "@/lib/auth/actor";

// Client-safe DTOs of the members and invitations panels.

export type TMemberDTO = { userId: string; email: string; name: string | null; role: TRole; joinedAt: string };

export type TInviteDTO = { id: string; role: TRole; createdBy: string; createdAt: string; expiresAt: string; isExpired: boolean };
