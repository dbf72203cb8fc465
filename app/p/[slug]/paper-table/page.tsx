import type { Metadata } from "next";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { PaperTableActions } from "@/components/dashboard/paper-table-actions";
import { PaperTablePicker } from "@/components/dashboard/paper-table-picker";
import { PaperTableView } from "@/components/dashboard/paper-table-view";
import { AppHeader } from "@/components/layout/app-header";
import { ZPaperTableQuery } from "@/lib/api/contracts/paper-table";
import { getPaperTableResult } from "@/lib/dashboard/paper-table-service";
import { getProjectForActor } from "@/lib/projects/service";
import { ALL_RUNS_NEWEST_FIRST, MAX_RUNS_PAGE } from "@/lib/runs/list-query";
import { listRunsPage } from "@/lib/runs/service";

export const metadata: Metadata = { title: "Paper table" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaperTablePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/paper-table`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const { runs, facets } = await listRunsPage(actor, project.id, ALL_RUNS_NEWEST_FIRST, { limit: MAX_RUNS_PAGE });
  const text = (key: string) => (typeof search[key] === "string" ? search[key] : undefined);
  const benchmark = text("benchmark") ?? (facets.benchmarks.includes("t2i-compbench") ? "t2i-compbench" : facets.benchmarks[0]) ?? "";
  const parsed = text("runs") ? ZPaperTableQuery.shape.runs.safeParse(text("runs")) : null;
  const entries = parsed?.success ? parsed.data : [];
  const showIntervals = text("intervals") === "1";
  const result = entries.length && benchmark ? await loadOr404(() => getPaperTableResult(actor, entries, benchmark)) : null;
  return (
    <>
      <AppHeader crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: "Paper table" }]} userEmail={user.email} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <h1 className="mb-1 text-xl font-semibold tracking-tight">Paper table</h1>
        <p className="mb-4 max-w-[90ch] text-sm text-[var(--muted)]">
          Runs as rows, the benchmark&apos;s subtasks as columns, Gen / Und / Non in percent, as the paper prints them. The first run is the baseline: every
          other run&apos;s Und is measured on its images.
        </p>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,300px)_minmax(0,1fr)]">
          <PaperTablePicker runs={runs} benchmarks={facets.benchmarks} entries={entries} benchmark={benchmark} showIntervals={showIntervals} />
          <section aria-label="Table" className="min-w-0">
            {parsed && !parsed.success ? (
              <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
                The runs in the link are not valid: {parsed.error.issues[0]?.message}
              </p>
            ) : null}
            {!result ? <p className="text-sm text-[var(--muted)]">Pick runs (the baseline first) and a benchmark.</p> : null}
            {result && !result.ok ? (
              <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
                {result.message}
              </p>
            ) : null}
            {result?.ok && result.table.state === "empty" ? (
              <p className="text-sm text-[var(--muted)]">
                No run of this table has figures on {result.table.benchmark} yet. {result.table.caption}
              </p>
            ) : null}
            {result?.ok && result.table.state === "ready" ? (
              <div className="flex flex-col gap-3">
                <PaperTableActions table={result.table} entries={entries} showIntervals={showIntervals} />
                <PaperTableView table={result.table} showIntervals={showIntervals} />
              </div>
            ) : null}
          </section>
        </div>
      </main>
    </>
  );
}
