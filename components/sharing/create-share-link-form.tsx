"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { ShownOnce } from "@/components/ui/shown-once";
import type { TAction } from "@/lib/http/action-result";
import type { TShareScope } from "@/lib/sharing/types";
import { useAction } from "@/components/ui/use-action";
import type { TCreateShareLinkRequest } from "@/lib/validation/sharing";

const DAY_MS = 24 * 60 * 60 * 1000;
const SCOPE_LABELS: Record<TShareScope, string> = { run: "One run", comparison: "A comparison", samples: "Hand-picked samples" };

type TRunOption = { id: string; name: string };
/** What "Share…" on a run or compare page fills in. */
export type TShareFormInitial = { scope: "run" | "comparison"; runIds: string[]; viewQuery: string };
type TProps = { projectId: string; runs: TRunOption[]; create: TAction<TCreateShareLinkRequest, { id: string; path: string }>; initial?: TShareFormInitial };

function readRequest(form: FormData, projectId: string, scope: TShareScope): TCreateShareLinkRequest {
  const days = Number(form.get("expiresInDays"));
  const common = {
    projectId,
    anonymized: form.get("anonymized") === "on",
    label: String(form.get("label") ?? "") || null,
    expiresAt: days > 0 ? new Date(Date.now() + days * DAY_MS).toISOString() : null,
  };
  if (scope === "run") return { ...common, scope, runId: String(form.get("runId") ?? "") };
  if (scope === "comparison")
    return { ...common, scope, runIds: form.getAll("runIds").map(String), viewQuery: String(form.get("viewQuery") ?? "").replace(/^\?/, "") };
  const sampleIds = String(form.get("sampleIds") ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);
  return { ...common, scope, sampleIds };
}

/** Makes a read-only link to one run, a comparison (with its view) or a set of samples. */
export function CreateShareLinkForm({ projectId, runs, create, initial }: TProps) {
  const router = useRouter();
  const { run, isPending, error, fieldError } = useAction(create);
  const [scope, setScope] = useState<TShareScope>(initial?.scope ?? "run");
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);

  if (runs.length === 0) return <p className="text-sm text-[var(--muted)]">Nothing to share yet: share links point at runs, and this project has none.</p>;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(readRequest(new FormData(event.currentTarget), projectId, scope), ({ path }) => {
      setCreatedUrl(`${window.location.origin}${path}`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium">Share</legend>
        {(Object.keys(SCOPE_LABELS) as TShareScope[]).map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
            {SCOPE_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {scope === "run" ? (
        <Field label="Run" error={fieldError("runId") ?? fieldError("runIds")}>
          <Select name="runId" className="max-w-md" defaultValue={initial?.scope === "run" ? initial.runIds[0] : undefined}>
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {scope === "comparison" ? (
        <>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="mb-1 font-medium">Runs to compare</legend>
            {runs.map((r) => (
              <label key={r.id} className="flex items-center gap-1.5">
                <input type="checkbox" name="runIds" value={r.id} defaultChecked={initial?.scope === "comparison" && initial.runIds.includes(r.id)} />
                {r.name}
              </label>
            ))}
            {fieldError("runIds") ? <span className="text-xs text-rose-600 dark:text-rose-400">{fieldError("runIds")}</span> : null}
          </fieldset>
          <Field label="View" hint="The compare page's URL query (metric, steps, zoom …), so the link opens the same view." error={fieldError("viewQuery")}>
            <Input
              name="viewQuery"
              defaultValue={initial?.viewQuery}
              maxLength={4000}
              placeholder="metric=non&subtask=all"
              className="max-w-md font-mono text-xs"
            />
          </Field>
        </>
      ) : null}
      {scope === "samples" ? (
        <Field label="Sample ids" hint="Up to 200, separated by spaces or commas." error={fieldError("sampleIds")}>
          <textarea
            name="sampleIds"
            rows={2}
            maxLength={4500}
            className="max-w-md rounded-md border border-[var(--border)] bg-[var(--panel)] px-3 py-2 font-mono text-xs"
          />
        </Field>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Label (optional)" error={fieldError("label")}>
          <Input name="label" maxLength={120} placeholder="for reviewer 2" className="w-56" />
        </Field>
        <Field label="Expires" error={fieldError("expiresAt")}>
          <Select name="expiresInDays" defaultValue="7">
            <option value="1">in 1 day</option>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="0">never (until revoked)</option>
          </Select>
        </Field>
        <label className="flex h-9 items-center gap-1.5 text-sm">
          <input type="checkbox" name="anonymized" />
          Anonymize (hide project, run and people&apos;s names)
        </label>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="submit" disabled={isPending} className="self-start">
        Create share link
      </Button>
      {createdUrl ? (
        <ShownOnce label="New share link" value={createdUrl}>
          Read-only link. Copy it now: it is not shown again. Anyone with it can open exactly this, until it expires or you revoke it.
        </ShownOnce>
      ) : null}
    </form>
  );
}
