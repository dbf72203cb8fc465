import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole } from "@/lib/auth/permissions";
import type { TSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { currentOrigin } from "@/lib/http/request-context";
import { findProjectBySlug } from "@/lib/projects/repository";

import { insertAuditEntry, listAuditEntries } from "./repository";
import { AUDIT_PAGE_SIZE, type TAuditAction, type TAuditEntryDTO, type TAuditPage } from "./types";

// A project's audit log (issue 17): membership and roles, invitations, API keys, share links and
// deletions, each recorded by the service that makes the change, inside its transaction (a change
// that rolls back leaves no entry). Entries name keys and links by id, name and display prefix; no
// token, secret or hash is ever passed in.

function actorOf(actor: TActor | null): { kind: "user" | "apiKey" | "share" | "system"; id: string | null } {
  if (!actor) return { kind: "system", id: null };
  if (actor.kind === "user") return { kind: "user", id: actor.userId };
  if (actor.kind === "apiKey") return { kind: "apiKey", id: actor.keyId };
  return { kind: "share", id: actor.linkId };
}

/** Records one change, with the request's address and user agent, in the transaction `tx` that makes it. */
export async function recordAudit(
  tx: TSql,
  actor: TActor | null,
  projectId: string,
  action: TAuditAction,
  target: { kind: string; id: string; label?: string | null } | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const who = actorOf(actor);
  const origin = currentOrigin();
  await insertAuditEntry(tx, {
    projectId,
    action,
    actorKind: who.kind,
    actorId: who.id,
    target: target ? { kind: target.kind, id: target.id, label: target.label ?? null } : null,
    details,
    address: origin.address,
    userAgent: origin.userAgent,
  });
}

/** One page of a project's log, newest first (owners and the project's admin keys). */
export async function getAuditLog(actor: TActor, slug: string, options: { action?: TAuditAction; before?: string } = {}): Promise<TAuditPage> {
  const project = await findProjectBySlug(slug);
  if (!project) throw notFound("Project", slug);
  await requireProjectRole(actor, project.id, "owner");
  const rows = await listAuditEntries(project.id, { action: options.action, before: options.before, limit: AUDIT_PAGE_SIZE + 1 });
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map((row): TAuditEntryDTO => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    action: row.action as TAuditAction,
    actor: { kind: row.actor_kind as TAuditEntryDTO["actor"]["kind"], id: row.actor_id, label: row.actor_label },
    target: { kind: row.target_kind, id: row.target_id, label: row.target_label },
    details: typeof row.details === "string" ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
    address: row.address,
    userAgent: row.user_agent,
  }));
  return { entries, nextBefore: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1]!.id : null };
}
