import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TRunListItemDTO } from "@/lib/runs/types";

const STATUS_TONE: Record<TRunListItemDTO["status"], TBadgeTone> = { running: "info", finished: "neutral", failed: "bad" };

export function RunsTable({ runs }: { runs: TRunListItemDTO[] }) {
  if (runs.length === 0) return <p className="text-sm text-[var(--muted)]">No runs yet. Log one from training code with the project API key.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-[var(--border)] bg-[var(--panel)]">
      <table className="w-full text-sm">
        <thead className="border-b border-[var(--border)] text-left text-xs uppercase tracking-wide text-[var(--muted)]">
          <tr>
            <th className="px-3 py-2 font-medium">Run</th>
            <th className="px-3 py-2 font-medium">Method</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Tags</th>
            <th className="px-3 py-2 font-medium">Created</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-[var(--border)] last:border-0">
              <td className="px-3 py-2 font-medium">{run.name}</td>
              <td className="px-3 py-2">{run.method}</td>
              <td className="px-3 py-2">
                <Badge tone={STATUS_TONE[run.status]}>{run.status}</Badge>
              </td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">
                  {run.tags.map((tag) => (
                    <Badge key={tag}>{tag}</Badge>
                  ))}
                </span>
              </td>
              <td className="px-3 py-2 tabular-nums text-[var(--muted)]">{run.createdAt.slice(0, 16).replace("T", " ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
