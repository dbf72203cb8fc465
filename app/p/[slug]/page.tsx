import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { LiveUpdates } from "@/components/dashboard/live-updates";
import { AppHeader } from "@/components/layout/app-header";
import { RunsFilters } from "@/components/runs/runs-filters";
import { RunsTable } from "@/components/runs/runs-table";
import { CompareBar, KeepSelectionLink } from "@/components/runs/selection";
import { runIdsWithOpenAlerts } from "@/lib/alerts/service";
import { formatCount } from "@/lib/dashboard/format";
import { getProjectForActor } from "@/lib/projects/service";
import { getProjectChanges, listRunningRunsLiveness, stalledAfterMinutes } from "@/lib/runs/live-service";
import { parseRunListQuery, runListHref } from "@/lib/runs/list-query";
import { listRunsPage } from "@/lib/runs/service";

export const metadata: Metadata = { title: "Runs" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProjectPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const query = parseRunListQuery(search);
  // The version first: a run created or fed while the page renders makes its first poll refresh it.
  const live = await getProjectChanges(actor, slug, {});
  const [page, alerting] = await Promise.all([listRunsPage(actor, project.id, query), runIdsWithOpenAlerts(actor, project.id)]);
  const running = page.runs.filter((r) => r.status === "running").map((r) => r.id);
  const liveness = await listRunningRunsLiveness(actor, project.id, running);
  const base = `/p/${slug}`;
  return (
    <>
      <AppHeader crumbs={[{ label: project.name }]} userEmail={user.email} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Runs</h1>
          <div className="flex items-center gap-3">
            <CompareBar slug={slug} />
            <Link href={`/p/${project.slug}/paper-table`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Paper table
            </Link>
            <Link href={`/p/${project.slug}/alerts`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Alerts{alerting.size > 0 ? ` (${alerting.size} run${alerting.size === 1 ? "" : "s"})` : ""}
            </Link>
            <Link href={`/p/${project.slug}/datasets`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Datasets
            </Link>
            <Link href={`/p/${project.slug}/settings`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
              Settings
            </Link>
          </div>
        </div>
        <RunsFilters base={base} query={query} facets={page.facets} />
        <p className="mb-2 text-sm text-[var(--muted)]" aria-live="polite">
          showing {page.runs.length} of {formatCount(page.total)} matching runs{query.after ? " (a later page)" : ""}{" "}
          <LiveUpdates sources={[{ url: `/api/v1/projects/${encodeURIComponent(slug)}/changes`, version: live.version }]} active label="live" />
        </p>
        <RunsTable runs={page.runs} slug={slug} query={query} alerting={alerting} liveness={liveness} stalledAfterMinutes={stalledAfterMinutes()} />
        <nav className="mt-3 flex gap-3 text-sm" aria-label="Pages">
          {query.after ? (
            <KeepSelectionLink href={runListHref(base, query, {})} className="text-indigo-700 hover:underline dark:text-indigo-300">
              ↺ first page
            </KeepSelectionLink>
          ) : null}
          {page.nextCursor ? (
            <KeepSelectionLink href={runListHref(base, query, { after: page.nextCursor })} className="text-indigo-700 hover:underline dark:text-indigo-300">
              next page →
            </KeepSelectionLink>
          ) : null}
        </nav>
      </main>
    </>
  );
}
