import "server-only";

import { type ReactNode, Suspense } from "react";

import { CompareSummaryPanels } from "@/components/dashboard/compare-summary-panels";
import { DenseGrid } from "@/components/dashboard/dense-grid";
import { SharedPaperTable } from "@/components/dashboard/paper-table-actions";
import { LiveUpdates } from "@/components/dashboard/live-updates";
import { RunSummaryPanels } from "@/components/dashboard/run-summary-panels";
import { ShareLinkProvider } from "@/components/dashboard/share-context";
import { SummaryLoading } from "@/components/dashboard/summary-loading";

import { RunHeader } from "@/components/runs/run-header";
import { SharedSamplesList } from "@/components/sharing/shared-samples-list";
import { getComparisonPaperTable } from "@/lib/dashboard/paper-table-service";
import { assignRunColors } from "@/lib/dashboard/run-colors";
import { getSummaryResult } from "@/lib/dashboard/summary-service";
import type { TRunHeaderDTO } from "@/lib/runs/header-types";
import { getRunChanges } from "@/lib/runs/live-service";
import { listMetricKeys } from "@/lib/series/service";
import type { TShareActor } from "@/lib/sharing/service";
import type { TSharedView } from "@/lib/sharing/view-types";

// A shared page renders the dashboard's own panels with the share actor as the caller: every panel
// loads its data through the same services as the run and compare pages, which authorize the actor
// (requireRunAccess scopes it to `actor.runIds`, requireSampleAccess to `actor.sampleIds`) and
// anonymize names for it (lib/sharing/anonymize.ts). Client-side fetches name the link in
// `x-unigap-share` (ShareLinkProvider); heatmap cells do not link to the project's explorer.

/** Live updates for the link's running runs: one changes poll per run (a link never sees the project's). */
async function sharedLive(actor: TShareActor, runs: readonly TRunHeaderDTO[]): Promise<ReactNode> {
  const versions = await Promise.all(runs.map((run) => getRunChanges(actor, run.id)));
  return (
    <LiveUpdates
      sources={runs.map((run, i) => ({ url: `/api/v1/runs/${run.id}/changes`, version: versions[i]!.version }))}
      active={runs.some((run) => run.status === "running")}
    />
  );
}

async function renderSharedRun(actor: TShareActor, run: TRunHeaderDTO): Promise<ReactNode> {
  // The version before the panels' data: a batch ingested while they load makes the first poll refresh.
  const live = await getRunChanges(actor, run.id);
  const keys = await listMetricKeys(actor, [run.id]);
  const summary = getSummaryResult(actor, run);
  return (
    <ShareLinkProvider linkId={actor.linkId}>
      <section aria-label="Shared run" className="flex flex-col gap-4">
        <RunHeader run={run} slug={null} live={live} />
        <div>
          <Suspense fallback={<SummaryLoading />}>
            <RunSummaryPanels result={summary} slug={null} />
          </Suspense>
          <DenseGrid runIds={[run.id]} keys={keys} syncId="shared-dense" />
        </div>
      </section>
    </ShareLinkProvider>
  );
}

/** The link's runs with any run that is another's recorded baseline first: the paper table's first row is its baseline. */
function baselinesFirst(runs: readonly TRunHeaderDTO[]): string[] {
  const isBaseline = (run: TRunHeaderDTO) => runs.some((r) => r.baseline?.id === run.id);
  return [...runs.filter(isBaseline), ...runs.filter((r) => !isBaseline(r))].map((r) => r.id);
}

/** The paper table of the shared runs (the first is the baseline). */
async function SharedComparisonTable({ actor, runIds, viewQuery }: { actor: TShareActor; runIds: string[]; viewQuery: string | null }) {
  const result = await getComparisonPaperTable(actor, runIds, new URLSearchParams(viewQuery ?? "").get("benchmark"));
  return (
    <section aria-label="Paper table" className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4">
      <h2 className="mb-2 text-base font-semibold">Paper table</h2>
      {result?.ok ? (
        <SharedPaperTable table={result.table} />
      ) : (
        <p className="text-sm text-[var(--muted)]">{result?.message ?? "No figures on any benchmark yet."}</p>
      )}
    </section>
  );
}

async function renderSharedComparison(actor: TShareActor, runs: TRunHeaderDTO[], viewQuery: string | null): Promise<ReactNode> {
  const live = await sharedLive(actor, runs);
  const runIds = runs.map((r) => r.id);
  const keys = await listMetricKeys(actor, runIds);
  const colors = assignRunColors(runIds);
  const results = Promise.all(runs.map((run) => getSummaryResult(actor, run)));
  return (
    <ShareLinkProvider linkId={actor.linkId}>
      <section aria-label="Shared comparison" className="flex flex-col gap-4">
        <h1 className="flex items-center gap-3 text-xl font-semibold tracking-tight">
          Comparison of {runs.length} runs {live}
        </h1>
        <div className="grid gap-4 lg:grid-cols-2">
          {runs.map((run) => (
            <RunHeader key={run.id} run={run} slug={null} level={2} />
          ))}
        </div>
        <Suspense fallback={<SummaryLoading />}>
          <SharedComparisonTable actor={actor} runIds={baselinesFirst(runs)} viewQuery={viewQuery} />
        </Suspense>
        <div>
          <Suspense fallback={<SummaryLoading />}>
            <CompareSummaryPanels results={results} colors={colors} slug={null} />
          </Suspense>
          <DenseGrid runIds={runIds} keys={keys} syncId="shared-compare-dense" />
        </div>
      </section>
    </ShareLinkProvider>
  );
}

async function renderSharedSamples(actor: TShareActor, view: TSharedView): Promise<ReactNode> {
  void actor; // dashboard: the sample inspector's cards (with images) take the actor for their image URLs
  return (
    <section aria-label="Shared samples" className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">{view.samples.length} samples</h1>
      <SharedSamplesList samples={view.samples} linkId={actor.linkId} />
    </section>
  );
}

/** Exactly the link's scope, nothing else of the project. */
export async function renderSharedScope(actor: TShareActor, view: TSharedView): Promise<ReactNode> {
  if (view.scope === "run" && view.runs[0]) return renderSharedRun(actor, view.runs[0]);
  if (view.scope === "comparison") return renderSharedComparison(actor, view.runs, view.viewQuery);
  return renderSharedSamples(actor, view);
}
