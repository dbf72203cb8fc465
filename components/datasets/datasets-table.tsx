import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Table, TableHeader, TD, TR } from "@/components/ui/table";
import { formatCount } from "@/lib/dashboard/format";
import { describeRecipe } from "@/lib/datasets/describe";
import type { TDatasetCard } from "@/lib/datasets/types";
import { formatDateTime } from "@/lib/ui/format";

import { GateBadge } from "./gate-badge";

const COLUMNS = ["Dataset", "Source", "Recipe", "Size", "Gate", "Built", "Trained on it"];

/** The project's datasets: kind, source round, recipe, size, gate verdict with its figure, builder and the runs trained on each. */
export function DatasetsTable({ slug, datasets }: { slug: string; datasets: TDatasetCard[] }) {
  if (datasets.length === 0) return <p className="p-4 text-sm text-[var(--muted)]">No dataset yet: build one from a run&apos;s construction round below.</p>;
  return (
    <Table aria-label="Datasets">
      <TableHeader columns={COLUMNS} />
      <tbody>
        {datasets.map((d) => (
          <TR key={d.id} data-testid="dataset-row">
            <TD>
              <div className="flex items-center gap-2">
                <Badge tone="info">{d.kind.toUpperCase()}</Badge>
                <Link href={`/p/${slug}/datasets/${d.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {d.name}
                </Link>
              </div>
              {d.round > 0 ? <span className="text-xs text-[var(--muted)]">curriculum round {d.round}</span> : null}
            </TD>
            <TD className="whitespace-nowrap">
              <Link href={`/p/${slug}/runs/${d.sourceRun.runId}`} className="hover:underline">
                {d.sourceRun.name}
              </Link>{" "}
              <span className="text-[var(--muted)]">@ {d.sourceStep}</span>
            </TD>
            <TD className="max-w-xs text-xs text-[var(--muted)]">{describeRecipe(d.recipe)}</TD>
            <TD className="whitespace-nowrap tabular-nums">
              {formatCount(d.itemCount)} {d.kind === "dpo" ? "pairs" : "images"}
              <span className="block text-xs text-[var(--muted)]">pool {formatCount(d.poolCount)}</span>
            </TD>
            <TD>
              <GateBadge gate={d.gate} risk={d.risk} acknowledged={d.riskAcknowledgedAt !== null} />
            </TD>
            <TD className="whitespace-nowrap text-xs">
              {d.createdBy ?? "API key"}
              <span className="block text-[var(--muted)]">{formatDateTime(d.createdAt)}</span>
            </TD>
            <TD className="text-xs">
              {d.trainedBy.length === 0 ? (
                <span className="text-[var(--muted)]">no run yet</span>
              ) : (
                <ul>
                  {d.trainedBy.map((r) => (
                    <li key={r.runId}>
                      <Link href={`/p/${slug}/runs/${r.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                        {r.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
