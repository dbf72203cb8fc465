import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/dashboard/format";
import type { TMeasure } from "@/lib/metrics/summary-types";

/** The audit's estimate: precision of the self-judge's acceptances, its Wilson 95% interval and n, low n flagged. */
export function AuditEstimate({ precision, labeled, total }: { precision: TMeasure; labeled: number; total: number }) {
  return (
    <div className="flex flex-col gap-1" data-testid="audit-estimate" data-n={precision.n}>
      <p className="text-xs text-[var(--muted)]">Precision of the self-judge&apos;s choices (self-accepted images you call aligned)</p>
      <p className="flex flex-wrap items-baseline gap-2">
        <span className="text-2xl font-semibold tabular-nums" data-testid="audit-precision">
          {precision.value === null ? "—" : formatPercent(precision.value)}
        </span>
        <span className="text-sm text-[var(--muted)] tabular-nums">
          {precision.lo !== null && precision.hi !== null ? `95% CI ${formatPercent(precision.lo)}–${formatPercent(precision.hi)} · ` : ""}n = {precision.n}
        </span>
        {precision.lowN ? <Badge tone="warn">low n (&lt; 30)</Badge> : null}
      </p>
      <p className="text-xs text-[var(--muted)]" data-testid="audit-progress">
        {labeled} of {total} images labelled
      </p>
    </div>
  );
}
