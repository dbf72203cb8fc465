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
import type { TAction } from "@/lib/http/action-result";
import { formatDateTime } from "@/lib/ui/format";
import { useAction } from "@/components/ui/use-action";

export type TWebhookView = {
  id: string;
  url: string;
  events: string[];
  format: string;
  createdAt: string;
  status: string | null;
  lastDeliveries: {
    id: string;
    event: string;
    status: string;
    attempts: number;
    createdAt: string;
    /** The newest attempt's outcome: HTTP status (null when none came back), latency, error. */
    lastAttempt: { statusCode: number | null; latencyMs: number; error: string | null } | null;
  }[];
};

type TProps = {
  slug: string;
  webhooks: TWebhookView[];
  create: TAction<{ slug: string; url: string; format: "json" | "slack" }, { id: string; secret: string }>;
  remove: TAction<{ slug: string; webhookId: string }, null>;
};

const TONE: Record<string, "good" | "warn" | "bad"> = { delivered: "good", pending: "warn", failing: "bad" };

/** Webhooks (owners): the signing secret is shown once; each row shows its latest deliveries. */
export function WebhooksSection({ slug, webhooks, create, remove }: TProps) {
  const router = useRouter();
  const creation = useAction(create);
  const removal = useAction(remove);
  const [secret, setSecret] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const format = form.get("format") === "slack" ? "slack" : "json";
    creation.run({ slug, url: String(form.get("url") ?? ""), format }, (hook) => {
      setSecret(hook.secret);
      formElement.reset();
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="URL" error={creation.fieldError("url")}>
          <Input name="url" type="url" required maxLength={2000} placeholder="https://hooks.example.org/unigap" className="w-96" />
        </Field>
        <Field label="Format">
          <Select name="format" defaultValue="json">
            <option value="json">JSON</option>
            <option value="slack">Slack-compatible</option>
          </Select>
        </Field>
        <Button type="submit" disabled={creation.isPending}>
          Add webhook
        </Button>
      </form>
      {creation.error ? <Notice tone="error">{creation.error}</Notice> : null}
      {secret ? (
        <ShownOnce label="Signing secret" value={secret}>
          Verify <code>X-Unigap-Signature: sha256=…</code> (HMAC-SHA256 of the body) with this secret. Copy it now: it is shown only once.
        </ShownOnce>
      ) : null}
      {removal.error ? <Notice tone="error">{removal.error}</Notice> : null}
      {webhooks.length === 0 ? (
        <p className="text-sm text-[var(--muted)]">No webhooks yet.</p>
      ) : (
        <Table aria-label="Webhooks">
          <TableHeader columns={["URL", "Events", "Format", "Latest deliveries"]} hasActions />
          <tbody>
            {webhooks.map((hook) => (
              <TR key={hook.id}>
                <TD className="max-w-72 truncate font-mono text-xs" title={hook.url}>
                  {hook.url}
                </TD>
                <TD className="text-xs">{hook.events.join(", ")}</TD>
                <TD>{hook.format}</TD>
                <TD className="text-xs">
                  {hook.lastDeliveries.length === 0
                    ? "none yet"
                    : hook.lastDeliveries.map((d) => (
                        <span key={d.id} className="mr-2 flex items-center gap-1 whitespace-nowrap" data-delivery-status={d.status}>
                          <Badge tone={TONE[d.status] ?? "neutral"}>{d.status}</Badge>
                          {d.event} · {d.attempts} attempt{d.attempts === 1 ? "" : "s"} · {formatDateTime(d.createdAt)}
                          {d.lastAttempt ? (
                            <span className="text-[var(--muted)]" title="The latest attempt (every attempt: GET …/webhooks/{id}/deliveries)">
                              · last: {d.lastAttempt.error ?? `HTTP ${d.lastAttempt.statusCode}`} in {d.lastAttempt.latencyMs} ms
                            </span>
                          ) : null}
                        </span>
                      ))}
                </TD>
                <TD className="text-right">
                  <ConfirmButton
                    label="Delete"
                    confirmLabel={`Delete webhook ${hook.url}`}
                    disabled={removal.isPending}
                    onConfirm={() => removal.run({ slug, webhookId: hook.id }, () => router.refresh())}
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
