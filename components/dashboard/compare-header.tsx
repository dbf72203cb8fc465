import Link from "next/link";
import type { ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { alertTitle } from "@/lib/alerts/payload";
import type { TAlert } from "@/lib/api/contracts/alerts";
import type { TRunHeaderDTO } from "@/lib/runs/header-types";

import { ShareViewLink } from "./share-view-link";

/** The runs being compared, each in the colour it has in every chart of the page. */
export function CompareHeader({
  runs,
  colors,
  slug,
  live,
  alerts,
}: {
  runs: readonly TRunHeaderDTO[];
  colors: ReadonlyMap<string, string>;
  slug: string;
  /** The live-updates mark while a compared run is running. */
  live?: ReactNode;
  /** Unresolved alerts per compared run: each run's chip carries a mark linking to them on the Alerts page. */
  alerts?: ReadonlyMap<string, readonly TAlert[]>;
}) {
  // The paper table's first row is the baseline: a compared run that is another's recorded baseline goes first.
  const isBaseline = (run: TRunHeaderDTO) => runs.some((r) => r.baseline?.id === run.id);
  const tableRuns = [...runs.filter(isBaseline), ...runs.filter((r) => !isBaseline(r))].map((r) => r.id);
  return (
    <section className="mb-6" aria-label="Compared runs">
      <div className="mb-2 flex items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Compare {runs.length} runs</h1>
        <ShareViewLink slug={slug} runIds={runs.map((r) => r.id)} />
        <Link href={`/p/${slug}/paper-table?runs=${tableRuns.join(",")}`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          Paper table
        </Link>
        {live}
      </div>
      <ul className="flex flex-wrap gap-2">
        {runs.map((run) => (
          <li key={run.id} className="flex items-center gap-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] px-3 py-2 text-sm">
            <span className="inline-block h-3 w-3 rounded-full" style={{ background: colors.get(run.id) }} aria-hidden />
            <Link href={`/p/${slug}/runs/${run.id}`} className="font-medium hover:underline">
              {run.name}
            </Link>
            <Badge tone="info">{run.method}</Badge>
            <RunAlertsMark alerts={alerts?.get(run.id) ?? []} href={`/p/${slug}/alerts?run=${run.id}`} />
            <span className="text-xs text-[var(--muted)]">
              baseline: {run.baseline ? `${run.baseline.name}${run.baseline.step !== null ? ` @ ${run.baseline.step}` : ""}` : "none"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "2 alerts" on a compared run with open (or acknowledged, unresolved) alerts; the title names them with their steps. */
function RunAlertsMark({ alerts, href }: { alerts: readonly TAlert[]; href: string }) {
  if (alerts.length === 0) return null;
  const names = alerts.map(
    (a) => `${alertTitle(a.signature)}${a.step !== null ? ` at step ${a.step}` : ""}${a.status === "acknowledged" ? " (acknowledged)" : ""}`,
  );
  return (
    <Link
      href={href}
      title={`Unresolved: ${names.join("; ")}. See the alerts and their figures.`}
      data-alert-mark=""
      className="inline-flex items-center gap-1"
    >
      <Badge tone="bad">{alerts.length === 1 ? "alert" : `${alerts.length} alerts`}</Badge>
      <span className="text-xs text-rose-700 underline dark:text-rose-300">{names[0]}</span>
    </Link>
  );
}
