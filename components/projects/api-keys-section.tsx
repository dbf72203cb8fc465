"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { ShownOnce } from "@/components/ui/shown-once";
import { Table, TableHeader, TD, TR } from "@/components/ui/table";
import type { TApiKeyDTO } from "@/lib/api-keys/types";
import { API_KEY_SCOPES, type TApiKeyScope } from "@/lib/auth/actor";
import type { TAction } from "@/lib/http/action-result";
import { formatDateTime } from "@/lib/ui/format";
import { useAction } from "@/components/ui/use-action";

type TProps = {
  projectId: string;
  keys: TApiKeyDTO[];
  create: TAction<{ projectId: string; name: string; scope: TApiKeyScope }, { id: string; name: string; prefix: string; scope: TApiKeyScope; secret: string }>;
  revoke: TAction<{ projectId: string; keyId: string }, null>;
};

const SCOPE_LABELS: Record<TApiKeyScope, string> = {
  ingest: "ingest — a training job: writes runs and their data",
  read: "read — scripts and notebooks: reads only",
  admin: "admin — also datasets, webhooks and keys",
};

/** Project API keys for training code: the secret is shown once, then only its prefix. */
export function ApiKeysSection({ projectId, keys, create, revoke }: TProps) {
  const router = useRouter();
  const creation = useAction(create);
  const revocation = useAction(revoke);
  const [created, setCreated] = useState<{ name: string; scope: TApiKeyScope; secret: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get("name") ?? "");
    const scope = String(form.get("scope") ?? "ingest") as TApiKeyScope;
    creation.run({ projectId, name, scope }, (key) => {
      setCreated({ name: key.name, scope: key.scope, secret: key.secret });
      formElement.reset();
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="Key name" error={creation.fieldError("name")}>
          <Input name="name" required maxLength={80} placeholder="cluster training jobs" className="w-64" />
        </Field>
        <Field label="Scope" error={creation.fieldError("scope")}>
          <Select name="scope" defaultValue="ingest">
            {API_KEY_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_LABELS[scope]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={creation.isPending}>
          Create API key
        </Button>
      </form>
      {creation.error ? <Notice tone="error">{creation.error}</Notice> : null}
      {created ? (
        <ShownOnce label="New API key" value={created.secret}>
          API key <strong>{created.name}</strong> ({created.scope}). Copy it now: it is shown only once.
        </ShownOnce>
      ) : null}
      {revocation.error ? <Notice tone="error">{revocation.error}</Notice> : null}
      {keys.length === 0 ? (
        <p className="text-sm text-[var(--muted)]">No API keys yet.</p>
      ) : (
        <Table aria-label="API keys">
          <TableHeader columns={["Name", "Key", "Scope", "Created", "Last used"]} hasActions />
          <tbody>
            {keys.map((key) => (
              <TR key={key.id}>
                <TD className="font-medium">{key.name}</TD>
                <TD className="font-mono text-xs">{key.prefix}…</TD>
                <TD>
                  <Badge tone={key.scope === "admin" ? "warn" : "neutral"}>{key.scope}</Badge>
                </TD>
                <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(key.createdAt)}</TD>
                <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(key.lastUsedAt, "never")}</TD>
                <TD className="text-right">
                  {key.revokedAt ? (
                    <Badge tone="bad">revoked</Badge>
                  ) : (
                    <ConfirmButton
                      label="Revoke"
                      confirmLabel={`Revoke ${key.name}`}
                      disabled={revocation.isPending}
                      onConfirm={() => revocation.run({ projectId, keyId: key.id }, () => router.refresh())}
                    />
                  )}
                </TD>
              </TR>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
