import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { AppHeader } from "@/components/layout/app-header";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { ZAuditLogQuery } from "@/lib/api/contracts/audit";
import { getAuditLog } from "@/lib/audit/service";
import { AUDIT_ACTIONS } from "@/lib/audit/types";
import { getProjectForActor } from "@/lib/projects/service";

export const metadata: Metadata = { title: "Audit log" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LINK = "text-indigo-700 hover:underline dark:text-indigo-300";

/** The project's audit log (owners): who changed members, invitations, keys and share links, when and from where. */
export default async function AuditLogPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/audit`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const header = <AppHeader crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: "Audit log" }]} userEmail={user.email} />;
  if (project.role !== "owner") {
    return (
      <>
        {header}
        <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
          <h1 className="text-xl font-semibold tracking-tight">Audit log</h1>
          <Notice tone="info">Only the project&apos;s owners can read its audit log.</Notice>
        </main>
      </>
    );
  }
  const parsed = ZAuditLogQuery.safeParse({
    action: typeof search.action === "string" && search.action ? search.action : undefined,
    before: typeof search.before === "string" ? search.before : undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const page = await getAuditLog(actor, slug, query);
  const older = page.nextBefore
    ? `/p/${slug}/audit?${new URLSearchParams({ ...(query.action ? { action: query.action } : {}), before: page.nextBefore })}`
    : null;
  return (
    <>
      {header}
      <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Audit log</h1>
            <p className="text-sm text-[var(--muted)]">
              Members and roles, invitations, API keys, share links and deletions: who, what, when and from where. Never a token or a secret.
            </p>
          </div>
          <form method="get" className="flex items-end gap-2" aria-label="Filter">
            <label className="flex flex-col gap-1 text-xs text-[var(--muted)]">
              Action
              <Select name="action" defaultValue={query.action ?? ""}>
                <option value="">every action</option>
                {AUDIT_ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
              </Select>
            </label>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
          </form>
        </div>
        {parsed.success ? null : <Notice tone="warn">The filter in the address is not valid; showing the newest entries of every action.</Notice>}
        <AuditLogTable entries={page.entries} />
        <nav className="flex gap-4 text-sm" aria-label="Pages">
          {query.before ? (
            <Link href={`/p/${slug}/audit${query.action ? `?action=${query.action}` : ""}`} className={LINK}>
              ← Newest
            </Link>
          ) : null}
          {older ? (
            <Link href={older} className={LINK}>
              Older entries →
            </Link>
          ) : null}
        </nav>
      </main>
    </>
  );
}
