"use client";

import { useRouter } from "next/navigation";

import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { Table, TableHeader, TD, TR } from "@/components/ui/table";
import type { TAction } from "@/lib/http/action-result";
import type { TShareLinkDTO, TShareLinkStatus } from "@/lib/sharing/types";
import { formatDateTime } from "@/lib/ui/format";
import { useAction } from "@/components/ui/use-action";

const STATUS_TONE: Record<TShareLinkStatus, TBadgeTone> = { active: "good", expired: "warn", revoked: "bad" };

type TProps = { projectId: string; links: TShareLinkDTO[]; canRevokeAll: boolean; revoke: TAction<{ projectId: string; linkId: string }, null> };

/** Every share link of the project with its scope, creator, expiry and use; owners revoke any, editors their own. */
export function ShareLinksTable({ projectId, links, canRevokeAll, revoke }: TProps) {
  const router = useRouter();
  const revocation = useAction(revoke);
  if (links.length === 0) return <p className="text-sm text-[var(--muted)]">No share links yet.</p>;
  return (
    <div className="flex flex-col gap-3">
      {revocation.error ? <Notice tone="error">{revocation.error}</Notice> : null}
      <Table aria-label="Share links">
        <TableHeader columns={["Shares", "Created by", "Created", "Expires", "Uses", "Last use", "Status"]} alignRight={["Uses"]} />
        <tbody>
          {links.map((link) => (
            <TR key={link.id}>
              <TD className="max-w-sm">
                <div className="flex items-center gap-1.5">
                  <Badge tone="info">{link.scope}</Badge>
                  {link.anonymized ? <Badge>anonymized</Badge> : null}
                </div>
                <div className="mt-0.5 truncate" title={link.target}>
                  {link.target}
                </div>
                {link.label ? <div className="text-xs text-[var(--muted)]">{link.label}</div> : null}
              </TD>
              <TD>{link.createdBy ?? "—"}</TD>
              <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(link.createdAt)}</TD>
              <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(link.expiresAt, "never")}</TD>
              <TD className="text-right tabular-nums">{link.useCount}</TD>
              <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(link.lastUsedAt, "never")}</TD>
              <TD>
                <div className="flex items-center gap-2">
                  <Badge tone={STATUS_TONE[link.status]}>{link.status}</Badge>
                  {link.status === "active" && (canRevokeAll || link.isMine) ? (
                    <ConfirmButton
                      label="Revoke"
                      confirmLabel="Revoke link"
                      disabled={revocation.isPending}
                      onConfirm={() => revocation.run({ projectId, linkId: link.id }, () => router.refresh())}
                    />
                  ) : null}
                </div>
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
