"use client";

import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import type { TSampleRole } from "@/lib/samples/explorer-query";
import { useAction } from "@/components/ui/use-action";
import type { TCreateAuditSessionRequest } from "@/lib/validation/samples";

type TProps = {
  slug: string;
  projectId: string;
  runId: string;
  step: number | null;
  role: TSampleRole | null;
  create: TAction<TCreateAuditSessionRequest, { id: string }>;
};

/** Starts an audit: a seeded random draw of the run's images at this checkpoint and role. */
export function StartAuditForm({ slug, projectId, runId, step, role, create }: TProps) {
  const router = useRouter();
  const { run, isPending, error, fieldError } = useAction(create);
  function start(form: FormData) {
    const size = Number(form.get("size") ?? 100);
    run({ projectId, runId, step, role, size }, (data) => router.push(`/p/${slug}/audit/${data.id}`));
  }
  return (
    <form
      action={start}
      className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-dashed border-[var(--border)] p-3 text-sm"
      aria-label="Start an audit"
    >
      <div className="flex flex-col">
        <span className="font-medium">Human audit</span>
        <span className="text-xs text-[var(--muted)]">
          Label a seeded random draw of this run{step === null ? "" : ` at step ${step}`}
          {role ? ` (${role})` : ""} and estimate the precision of the self-judge&apos;s choices.
        </span>
      </div>
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        images
        <input
          name="size"
          type="number"
          min={1}
          max={500}
          defaultValue={100}
          className="h-9 w-24 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-sm text-[var(--text)]"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? "Drawing…" : "Start audit"}
      </Button>
      {error || fieldError("form") || fieldError("size") ? <Notice tone="error">{error ?? fieldError("form") ?? fieldError("size")}</Notice> : null}
    </form>
  );
}
