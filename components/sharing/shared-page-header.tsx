import { ThemeToggle } from "@/components/layout/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/ui/format";

/** The header of a shared page: no navigation into the project, only what the link is and until when. */
export function SharedPageHeader({
  projectName,
  label,
  isAnonymized,
  expiresAt,
}: {
  projectName: string;
  label: string | null;
  isAnonymized: boolean;
  expiresAt: string | null;
}) {
  return (
    <header className="border-b border-[var(--border)] bg-[var(--panel)]">
      <div className="mx-auto flex h-12 max-w-[1400px] items-center gap-3 px-4 text-sm">
        <span className="font-semibold tracking-tight text-indigo-600 dark:text-indigo-400">unigap</span>
        <span aria-hidden className="text-[var(--muted)]">
          /
        </span>
        <span className="truncate">{projectName}</span>
        {label ? <span className="truncate text-[var(--muted)]">· {label}</span> : null}
        <Badge tone="info">read-only</Badge>
        {isAnonymized ? <Badge>anonymized</Badge> : null}
        <span className="ml-auto hidden text-xs text-[var(--muted)] sm:inline">
          {expiresAt ? `link expires ${formatDateTime(expiresAt)}` : "link does not expire"}
        </span>
        <ThemeToggle />
      </div>
    </header>
  );
}
