"use client";

import { useRouter } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { Table, TableHeader, TD, TR } from "@/components/ui/table";
import type { TRole } from "@/lib/auth/actor";
import type { TAction } from "@/lib/http/action-result";
import type { TMemberDTO } from "@/lib/projects/member-types";
import { formatDateTime } from "@/lib/ui/format";
import { useAction } from "@/components/ui/use-action";
import { PROJECT_ROLES } from "@/lib/validation/projects";

type TProps = {
  projectId: string;
  members: TMemberDTO[];
  currentUserId: string;
  isOwner: boolean;
  changeRole: TAction<{ projectId: string; userId: string; role: TRole }, null>;
  remove: TAction<{ projectId: string; userId: string }, { hasLeft: boolean }>;
};

/** Owners change roles and remove people; everyone else sees the list and may leave. */
export function MembersSection({ projectId, members, currentUserId, isOwner, changeRole, remove }: TProps) {
  const router = useRouter();
  const roleChange = useAction(changeRole);
  const removal = useAction(remove);
  const error = roleChange.error ?? removal.error;
  const ownerCount = members.filter((m) => m.role === "owner").length;

  return (
    <div className="flex flex-col gap-3">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Table>
        <TableHeader columns={["Member", "Role", "Joined"]} hasActions />
        <tbody>
          {members.map((member) => {
            const isMe = member.userId === currentUserId;
            const who = member.name ?? member.email;
            // The service refuses these anyway; the page does not offer them.
            const isLastOwner = member.role === "owner" && ownerCount === 1;
            return (
              <TR key={member.userId}>
                <TD>
                  <div className="font-medium">
                    {who}
                    {isMe ? <span className="ml-1 text-xs text-[var(--muted)]">(you)</span> : null}
                  </div>
                  {member.name ? <div className="text-xs text-[var(--muted)]">{member.email}</div> : null}
                </TD>
                <TD>
                  {isOwner ? (
                    <Select
                      aria-label={`Role of ${who}`}
                      value={member.role}
                      disabled={roleChange.isPending || isLastOwner}
                      title={isLastOwner ? "The last owner keeps the owner role" : undefined}
                      onChange={(e) => roleChange.run({ projectId, userId: member.userId, role: e.target.value as TRole }, () => router.refresh())}
                    >
                      {PROJECT_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Badge tone={member.role === "owner" ? "info" : "neutral"}>{member.role}</Badge>
                  )}
                </TD>
                <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(member.joinedAt)}</TD>
                <TD className="text-right">
                  {isLastOwner ? (
                    <span className="text-xs text-[var(--muted)]">last owner</span>
                  ) : isMe || isOwner ? (
                    <ConfirmButton
                      label={isMe ? "Leave project" : "Remove"}
                      confirmLabel={isMe ? "Confirm leaving" : `Remove ${who}`}
                      disabled={removal.isPending}
                      onConfirm={() =>
                        removal.run({ projectId, userId: member.userId }, ({ hasLeft }) => (hasLeft ? router.push("/projects") : router.refresh()))
                      }
                    />
                  ) : null}
                </TD>
              </TR>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
