import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { alertTitle } from "@/lib/alerts/payload";
import type { TAlert } from "@/lib/api/contracts/alerts";
import { describeDelta, describeMeasure } from "@/lib/dashboard/format";
import type { TAction } from "@/lib/http/action-result";
import type { TMeasure } from "@/lib/metrics/summary-types";
import { formatDateTime } from "@/lib/ui/format";

import { AcknowledgeButton } from "./acknowledge-button";

const isMeasure = (m: unknown): m is TMeasure => typeof m === "object" && m !== null && "n" in m && "value" in m;

/** The figures an alert was opened on, each with its n and 95% interval. */
export function AlertFigures({ figures }: { figures: Record<string, unknown> }) {
  const rows: [string, string][] = [];
  for (const [key, label] of [
    ["gen", "Gen"],
    ["und", "Und"],
    ["non", "Non"],
  ] as const) {
    const m = figures[key];
    if (isMeasure(m)) rows.push([label, describeMeasure(m)]);
  }
  for (const [key, label] of [
    ["deltaGen", "ΔGen"],
    ["deltaNon", "ΔNon"],
  ] as const) {
    const m = figures[key];
    if (isMeasure(m)) rows.push([label, describeDelta(m)]);
  }
  if (typeof figures.minutesSilent === "number") rows.push(["silent", `${figures.minutesSilent} min (rule: ${String(figures.thresholdMinutes)} min)`]);
  if (rows.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs tabular-nums">
      {rows.map(([label, text]) => (
        <div key={label} className="contents">
          <dt className="text-[var(--muted)]">{label}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}

const TONE = { open: "bad", acknowledged: "warn", resolved: "good" } as const;

/** The Alerts page's list: what fired, where, the figures and reasons, and acknowledging in one click. */
export function AlertList({ alerts, slug, acknowledge }: { alerts: TAlert[]; slug: string; acknowledge: TAction<{ alertId: string }, null> | null }) {
  if (alerts.length === 0)
    return <p className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-6 text-sm text-[var(--muted)]">No alerts match.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label="Alerts">
      {alerts.map((alert) => (
        <li key={alert.id} className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4" data-alert={alert.signature}>
          <div className="flex flex-wrap items-baseline gap-2">
            <Badge tone={TONE[alert.status]}>{alert.status}</Badge>
            <strong>{alertTitle(alert.signature)}</strong>
            <span className="text-sm">
              on{" "}
              <Link href={`/p/${slug}/runs/${alert.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                {alert.runName}
              </Link>
              {alert.step !== null ? ` at step ${alert.step}` : ""}
            </span>
            <span className="ml-auto text-xs text-[var(--muted)]">opened {formatDateTime(alert.openedAt)}</span>
          </div>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {alert.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <div className="mt-2">
            <AlertFigures figures={alert.figures} />
          </div>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-xs text-[var(--muted)]">
            {alert.acknowledgedAt ? (
              <span>
                acknowledged by {alert.acknowledgedBy} {formatDateTime(alert.acknowledgedAt)}
              </span>
            ) : null}
            {alert.resolvedAt ? (
              <span>
                resolved {formatDateTime(alert.resolvedAt)}
                {alert.resolvedStep !== null ? ` (step ${alert.resolvedStep} no longer matches)` : ""}
              </span>
            ) : null}
            {acknowledge && !alert.acknowledgedAt && !alert.resolvedAt ? <AcknowledgeButton alertId={alert.id} acknowledge={acknowledge} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The top of a run page while the run has unresolved alerts. */
export function AlertBanner({ alerts, slug }: { alerts: TAlert[]; slug: string }) {
  const open = alerts.filter((a) => a.status !== "resolved");
  if (open.length === 0) return null;
  return (
    <div
      role="alert"
      className="mb-4 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
    >
      {open.map((alert) => (
        <p key={alert.id}>
          <strong>{alertTitle(alert.signature)}</strong>
          {alert.step !== null ? ` at step ${alert.step}` : ""}: {alert.reasons.slice(0, 3).join("; ")}
          {alert.status === "acknowledged" ? " (acknowledged)" : ""}
        </p>
      ))}
      <Link href={`/p/${slug}/alerts?run=${open[0]!.runId}`} className="font-medium underline">
        See the alerts and their figures
      </Link>
    </div>
  );
}
