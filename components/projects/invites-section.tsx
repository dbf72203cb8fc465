"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { ShownOnce } from "@/components/ui/shown-once";
import { Table, TableHeader, TD, TR } from "@/components/ui/table";
import type { TRole } from "@/lib/auth/actor";
import type { TAction } from "@/lib/http/action-result";
import type { TInviteDTO } from "@/lib/projects/member-types";
import { formatDateTime } from "@/lib/ui/format";
import { useAction } from "@/components/ui/use-action";

type TProps = {
  projectId: string;
  invites: TInviteDTO[];
  create: TAction<{ projectId: string; role: TRole; expiresInDays: number }, { id: string; path: string; role: TRole; expiresAt: string }>;
  revoke: TAction<{ projectId: string; inviteId: string }, null>;
};

/** One-time invitation links: no mail server, the owner hands the link on themselves. */
export function InvitesSection({ projectId, invites, create, revoke }: TProps) {
  const router = useRouter();
  const creation = useAction(create);
  const revocation = useAction(revoke);
  const [created, setCreated] = useState<{ url: string; role: TRole } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { projectId, role: String(form.get("role")) as TRole, expiresInDays: Number(form.get("expiresInDays")) };
    creation.run(input, ({ path, role }) => {
      setCreated({ url: `${window.location.origin}${path}`, role });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <Field label="Role" error={creation.fieldError("role")}>
          <Select name="role" defaultValue="viewer">
            <option value="viewer">viewer — reads everything</option>
            <option value="editor">editor — also writes runs and shares</option>
            <option value="owner">owner — also members, keys, deletion</option>
          </Select>
        </Field>
        <Field label="Valid for" error={creation.fieldError("expiresInDays")}>
          <Select name="expiresInDays" defaultValue="7">
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </Select>
        </Field>
        <Button type="submit" disabled={creation.isPending}>
          Create invitation link
        </Button>
      </form>
      {creation.error ? <Notice tone="error">{creation.error}</Notice> : null}
      {created ? (
        <ShownOnce label="Invitation link" value={created.url}>
          Invitation link for a new <strong>{created.role}</strong>. It works once; copy it now, it is not shown again.
        </ShownOnce>
      ) : null}
      {revocation.error ? <Notice tone="error">{revocation.error}</Notice> : null}
      {invites.length === 0 ? (
        <p className="text-sm text-[var(--muted)]">No open invitations.</p>
      ) : (
        <Table aria-label="Open invitations">
          <TableHeader columns={["Role", "Created by", "Created", "Expires"]} hasActions />
          <tbody>
            {invites.map((invite) => (
              <TR key={invite.id}>
                <TD>{invite.role}</TD>
                <TD>{invite.createdBy}</TD>
                <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(invite.createdAt)}</TD>
                <TD className="whitespace-nowrap tabular-nums">{invite.isExpired ? <Badge tone="warn">expired</Badge> : formatDateTime(invite.expiresAt)}</TD>
                <TD className="text-right">
                  <ConfirmButton
                    label="Revoke"
                    confirmLabel="Revoke invitation"
                    disabled={revocation.isPending}
                    onConfirm={() => revocation.run({ projectId, inviteId: invite.id }, () => router.refresh())}
                  />
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
