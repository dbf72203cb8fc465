"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";

type TProps = { projectId: string; threshold: number; canEdit: boolean; save: TAction<{ projectId: string; threshold: number }, { threshold: number }> };

/** The datasets gate's precision threshold (a fraction, default 0.6); owners change it, others read it. */
export function ThresholdForm({ projectId, threshold, canEdit, save }: TProps) {
  const router = useRouter();
  const saving = useAction(save);
  const [saved, setSaved] = useState<number | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get("threshold") ?? "").trim();
    setSaved(null);
    saving.run({ projectId, threshold: raw === "" ? Number.NaN : Number(raw) }, (data) => {
      setSaved(data.threshold);
      router.refresh();
    });
  }
  if (!canEdit) return <p className="text-sm">Precision threshold: {threshold} (owners change it).</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate aria-label="Dataset gate">
      <Field label="Precision threshold" hint="a fraction from 0 to 1; default 0.6" error={saving.fieldError("threshold")}>
        <Input name="threshold" defaultValue={String(threshold)} inputMode="decimal" className="w-32" />
      </Field>
      <Button type="submit" disabled={saving.isPending}>
        Save
      </Button>
      {saving.error ? <Notice tone="error">{saving.error}</Notice> : null}
      {saved !== null ? <Notice>Saved: previews and builds now gate at {saved}.</Notice> : null}
    </form>
  );
}
