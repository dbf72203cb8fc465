import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { AlertBanner } from "@/components/alerts/alert-list";
import { TrainedOn } from "@/components/datasets/trained-on";
import { DenseGrid } from "@/components/dashboard/dense-grid";
import { RunSummaryPanels } from "@/components/dashboard/run-summary-panels";
import { SummaryLoading } from "@/components/dashboard/summary-loading";
import { AppHeader } from "@/components/layout/app-header";
import { RunHeader } from "@/components/runs/run-header";
import { listRunAlerts } from "@/lib/alerts/service";
import { getRunLineage } from "@/lib/datasets/page-service";
import { getSummaryResult } from "@/lib/dashboard/summary-service";
import { getProjectForActor } from "@/lib/projects/service";
import { getRunChanges } from "@/lib/runs/live-service";
import { getRunHeader } from "@/lib/runs/header-service";
import { listMetricKeys } from "@/lib/series/service";

import { TrainingData } from "./training-data";

export const metadata: Metadata = { title: "Run" };

type TProps = { params: Promise<{ slug: string; runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RunPage({ params, searchParams }: TProps) {
  const { slug, runId } = await params;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/runs/${runId}`, await searchParams));
  if (!z.uuid().safeParse(runId).success) notFound();
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  // The version first: whatever is ingested while the page renders makes its first poll refresh it.
  const live = await loadOr404(() => getRunChanges(actor, runId));
  const run = await loadOr404(() => getRunHeader(actor, runId, project.id));
  const [keys, alerts, lineage] = await Promise.all([
    listMetricKeys(actor, [run.id]),
    listRunAlerts(actor, run.id, { status: "open" }),
    getRunLineage(actor, { id: run.id, projectId: project.id }),
  ]);
  const summary = getSummaryResult(actor, run);
  return (
    <>
      <AppHeader crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: run.name }]} userEmail={user.email} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <AlertBanner alerts={alerts.alerts} slug={slug} />
        <div className="mb-6">
          <RunHeader run={run} slug={slug} live={live} />
        </div>
        <TrainedOn slug={slug} lines={lineage} />
        <Suspense fallback={<SummaryLoading />}>
          <RunSummaryPanels result={summary} slug={slug} trainedOn={lineage.map((l) => ({ name: l.name, href: `/p/${slug}/datasets/${l.datasetId}` }))} />
        </Suspense>
        <Suspense fallback={null}>
          <TrainingData actor={actor} runId={run.id} />
        </Suspense>
        <DenseGrid runIds={[run.id]} keys={keys} syncId="run-dense" />
      </main>
    </>
  );
}
