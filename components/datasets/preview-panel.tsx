import { Notice } from "@/components/ui/notice";
import type { TDatasetPreview } from "@/lib/datasets/types";

import { CountsTable, PassRateHistogram } from "./counts-table";
import { GateBadge } from "./gate-badge";
import { GateTable } from "./gate-table";

/** The live preview: the gate's verdict first, then counts per subtask and the pass-rate histogram. */
export function PreviewPanel({
  state,
  preview,
  message,
}: {
  state: "idle" | "loading" | "ready" | "error";
  preview: TDatasetPreview | null;
  message: string | null;
}) {
  return (
    <section aria-label="Preview" data-testid="dataset-preview" data-state={state} className="flex min-w-0 flex-col gap-4" aria-busy={state === "loading"}>
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="text-sm font-semibold">Preview</h3>
        {preview ? <GateBadge gate={preview.gate} risk={preview.risk} /> : null}
        <span className="text-xs text-[var(--muted)]" aria-live="polite">
          {state === "loading"
            ? "updating…"
            : preview
              ? `${preview.counts.overall.items} ${preview.kind === "dpo" ? "pairs" : "images"}, ${preview.counts.overall.pool} prompts in the pool`
              : ""}
        </span>
      </div>
      {state === "error" && message ? <Notice tone="error">{message}</Notice> : null}
      {preview ? (
        <div className={state === "loading" ? "opacity-60 transition-opacity" : undefined}>
          <p className="mb-2 text-xs text-[var(--muted)]">
            Step {preview.step}, judge {preview.judge}; independent judge{" "}
            {Object.entries(preview.externalJudges)
              .map(([b, j]) => `${j} (${b})`)
              .join(", ") || "none"}
            .
          </p>
          <GateTable gate={preview.gate} risk={preview.risk} isDpo={preview.kind === "dpo"} />
          <div className="mt-4 grid gap-4 xl:grid-cols-[minmax(0,1fr)_16rem]">
            <CountsTable counts={preview.counts} isDpo={preview.kind === "dpo"} />
            <PassRateHistogram bins={preview.passRateHistogram} />
          </div>
        </div>
      ) : state !== "error" ? (
        <p className="text-sm text-[var(--muted)]">Computing the preview…</p>
      ) : null}
    </section>
  );
}
