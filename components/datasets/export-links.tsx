"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

const LINK =
  "inline-flex h-9 items-center rounded-md border border-[var(--border)] bg-[var(--panel)] px-3.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800";

/** Downloads of the trainer's archive; an at-risk set asks for the acknowledgement first (the export route refuses it otherwise). */
export function ExportLinks({ datasetId, atRisk }: { datasetId: string; atRisk: boolean }) {
  const [confirmed, setConfirmed] = useState(!atRisk);
  const base = `/api/v1/datasets/${datasetId}/export`;
  const ack = atRisk ? "acknowledgeRisk=true" : "";
  if (!confirmed) {
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button type="button" variant="secondary" onClick={() => setConfirmed(true)}>
          Export…
        </Button>
        <span className="text-xs text-[var(--muted)]">This set is at risk: exporting it is your acknowledgement.</span>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="export-links">
      <a className={LINK} href={`${base}${ack ? `?${ack}` : ""}`} download>
        Download .tar
      </a>
      <a className={LINK} href={`${base}?format=tar.gz${ack ? `&${ack}` : ""}`} download>
        Download .tar.gz
      </a>
      <span className="text-xs text-[var(--muted)]">
        images/, {"{sft,metadata}.jsonl"} or dpo.jsonl, manifest.json with every file&apos;s SHA-256, README.md; also{" "}
        <code>npx unigap dataset pull {datasetId}</code>
      </span>
    </div>
  );
}
