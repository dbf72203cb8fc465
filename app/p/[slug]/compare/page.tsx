import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { CompareHeader } from "@/components/dashboard/compare-header";
import { CompareSummaryPanels } from "@/components/dashboard/compare-summary-panels";
import { DenseGrid } from "@/components/dashboard/dense-grid";
import { LiveUpdates } from "@/components/dashboard/live-updates";
import { SummaryLoading } from "@/components/dashboard/summary-loading";
import { AppHeader } from "@/components/layout/app-header";
import { listRunAlerts } from "@/lib/alerts/service";
import { assignRunColors } from "@/lib/dashboard/run-colors";
import { getSummaryResult } from "@/lib/dashboard/summary-service";
import { ZCompareRuns } from "@/lib/dashboard/view-state";
import { getProjectForActor } from "@/lib/projects/service";
import { getProjectChanges } from "@/lib/runs/live-service";
import { getRunHeader } from "@/lib/runs/header-service";
import { listMetricKeys } from "@/lib/series/service";

export const metadata: Metadata = { title: "Compare runs" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/compare`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const crumbs = [{ label: project.name, href: `/p/${slug}` }, { label: "Compare" }];
  const parsed = ZCompareRuns.safeParse(typeof search.runs === "string" ? search.runs : "");
  if (!parsed.success) {
    return (
      <>
        <AppHeader crumbs={crumbs} userEmail={user.email} />
        <main className="mx-auto max-w-[1400px] px-4 py-6">
          <h1 className="mb-2 text-xl font-semibold tracking-tight">Compare runs</h1>
          <p className="text-sm text-[var(--muted)]">
            Pick 2 to 4 runs in the{" "}
            <Link href={`/p/${slug}`} className="text-indigo-700 underline dark:text-indigo-300">
              runs table
            </Link>{" "}
            to compare them.
          </p>
        </main>
      </>
    );
  }
  const ids = [...new Set(parsed.data)];
  // The version first: whatever is ingested while the page renders makes its first poll refresh it.
  const live = await getProjectChanges(actor, slug, { runs: ids });
  const runs = await Promise.all(ids.map((id) => loadOr404(() => getRunHeader(actor, id, project.id))));
  const runIds = runs.map((r) => r.id);
  const keys = await listMetricKeys(actor, runIds);
  const colors = assignRunColors(runIds);
  const alerts = new Map(await Promise.all(runIds.map(async (id) => [id, (await listRunAlerts(actor, id, { status: "open" })).alerts] as const)));
  const results = Promise.all(runs.map((run) => getSummaryResult(actor, run)));
  return (
    <>
      <AppHeader crumbs={crumbs} userEmail={user.email} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <CompareHeader
          runs={runs}
          colors={colors}
          slug={slug}
          alerts={alerts}
          live={
            <LiveUpdates
              sources={[{ url: `/api/v1/projects/${encodeURIComponent(slug)}/changes?runs=${runIds.join(",")}`, version: live.version }]}
              active={runs.some((r) => r.status === "running")}
            />
          }
        />
        <Suspense fallback={<SummaryLoading />}>
          <CompareSummaryPanels results={results} colors={colors} slug={slug} />
        </Suspense>
        <DenseGrid runIds={runIds} keys={keys} syncId="compare-dense" />
      </main>
    </>
  );
}
