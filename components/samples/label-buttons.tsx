"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import type { TVerdict } from "@/lib/samples/types";
import { useAction } from "@/components/ui/use-action";
import type { TLabelSampleRequest } from "@/lib/validation/samples";

type TProps = {
  sampleId: string;
  current: { verdict: TVerdict; note: string | null } | null;
  label: TAction<TLabelSampleRequest, null>;
  /** Where to go after a label (the audit's next image); otherwise the page refreshes in place. */
  nextHref?: string | null;
};

/** A reviewer's label: 1 = aligned, 0 = misaligned (keys 1 / 0 anywhere but in the note), optional note. */
export function LabelButtons({ sampleId, current, label, nextHref }: TProps) {
  const router = useRouter();
  const [note, setNote] = useState(current?.note ?? "");
  const { run, isPending, error, fieldError } = useAction(label);
  const submitRef = useRef<(verdict: 0 | 1) => void>(() => undefined);
  const submit = (verdict: 0 | 1) =>
    run({ sampleId, verdict, note: note.trim() || null }, () => {
      if (nextHref) router.push(nextHref);
      else router.refresh();
    });
  useEffect(() => {
    submitRef.current = submit;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const el = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey || (el && ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
      if (event.key === "1" || event.key === "0") {
        event.preventDefault();
        submitRef.current(event.key === "1" ? 1 : 0);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div className="flex flex-col gap-2" aria-label="Your label">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          onClick={() => submit(1)}
          disabled={isPending}
          aria-keyshortcuts="1"
          className={current?.verdict === 1 ? "ring-2 ring-emerald-500" : undefined}
        >
          1 · aligned
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => submit(0)}
          disabled={isPending}
          aria-keyshortcuts="0"
          className={current?.verdict === 0 ? "ring-2 ring-rose-500" : undefined}
        >
          0 · misaligned
        </Button>
        <span className="text-xs text-[var(--muted)]" aria-live="polite" data-testid="my-label">
          {isPending ? "saving…" : current ? `your label: ${current.verdict === 1 ? "aligned" : "misaligned"}` : "not labelled by you yet"}
        </span>
      </div>
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        note (optional)
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
          rows={2}
          className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm text-[var(--text)]"
        />
      </label>
      {error || fieldError("note") ? <Notice tone="error">{error ?? fieldError("note")}</Notice> : null}
    </div>
  );
}
