import { Badge } from "@/components/ui/badge";
import { Table, TableHeader, TD, TR } from "@/components/ui/table";
import type { TAuditEntryDTO } from "@/lib/audit/types";
import { formatDateTime } from "@/lib/ui/format";

const ACTOR_KIND = { user: "person", apiKey: "API key", share: "share link", system: "system" } as const;

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
    .join(" · ");
}

/** A page of the project's audit log: when, who, what, to what, from where. */
export function AuditLogTable({ entries }: { entries: TAuditEntryDTO[] }) {
  if (entries.length === 0) return <p className="text-sm text-[var(--muted)]">Nothing recorded yet.</p>;
  return (
    <Table aria-label="Audit log">
      <TableHeader columns={["When", "Who", "What", "Target", "Details", "From"]} />
      <tbody>
        {entries.map((entry) => (
          <TR key={entry.id}>
            <TD className="whitespace-nowrap tabular-nums text-[var(--muted)]">{formatDateTime(entry.at)}</TD>
            <TD>
              <div className="font-medium">{entry.actor.label}</div>
              <div className="text-xs text-[var(--muted)]">{ACTOR_KIND[entry.actor.kind]}</div>
            </TD>
            <TD>
              <Badge tone={entry.action.endsWith("deleted") || entry.action.endsWith("revoked") || entry.action === "member.removed" ? "warn" : "neutral"}>
                {entry.action}
              </Badge>
            </TD>
            <TD className="max-w-48 truncate" title={entry.target.id ?? undefined}>
              {entry.target.label ?? entry.target.id ?? "—"}
            </TD>
            <TD className="max-w-72 text-xs text-[var(--muted)]">{detailText(entry.details) || "—"}</TD>
            <TD className="max-w-48 text-xs text-[var(--muted)]">
              <div className="font-mono">{entry.address ?? "—"}</div>
              <div className="truncate" title={entry.userAgent ?? undefined}>
                {entry.userAgent ?? ""}
              </div>
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
