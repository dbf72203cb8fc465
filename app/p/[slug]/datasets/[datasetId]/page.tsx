import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { CountsTable, PassRateHistogram } from "@/components/datasets/counts-table";
import { ExportLinks } from "@/components/datasets/export-links";
import { GateBadge } from "@/components/datasets/gate-badge";
import { GateTable } from "@/components/datasets/gate-table";
import { ItemsGrid } from "@/components/datasets/items-grid";
import { LedgerTable } from "@/components/datasets/ledger-table";
import { AppHeader } from "@/components/layout/app-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { formatCount, formatPercent } from "@/lib/dashboard/format";
import { describeRecipe } from "@/lib/datasets/describe";
import { getDatasetDetail, listDatasetItems, listLineageTrends } from "@/lib/datasets/page-service";
import { getProjectForActor } from "@/lib/projects/service";
import type { TLineageTrend } from "@/lib/datasets/types";
import { formatDateTime } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Dataset" };

type TProps = { params: Promise<{ slug: string; datasetId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Section({ title, note, children, testId }: { title: string; note?: string; children: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader className="flex-col gap-0.5">
        <CardTitle>{title}</CardTitle>
        {note ? <p className="text-xs text-[var(--muted)]">{note}</p> : null}
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

function LineageTrend({ trend }: { trend: TLineageTrend | undefined }) {
  if (!trend) return null;
  return (
    <span className="flex items-baseline gap-1" data-testid="lineage-trend" data-class={trend.class} data-alarm={trend.alarm}>
      <Badge tone={trend.class === "co-degradation" ? "bad" : trend.class === "co-improvement" ? "good" : "neutral"}>{trend.class}</Badge>
      {trend.alarm ? <Badge tone="bad">⚠ data-quality alarm</Badge> : null}
    </span>
  );
}

const ZAfter = z.coerce.number().int().min(-1).max(2_000_000_000);

export default async function DatasetPage({ params, searchParams }: TProps) {
  const { slug, datasetId } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/datasets/${datasetId}`, search));
  if (!z.uuid().safeParse(datasetId).success) notFound();
  const after = ZAfter.safeParse(typeof search.after === "string" ? search.after : -1);
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const d = await loadOr404(() => getDatasetDetail(actor, project.id, datasetId));
  const [page, trends] = await Promise.all([listDatasetItems(actor, project.id, d.id, after.success ? after.data : -1), listLineageTrends(actor, d.lineage)]);
  const isDpo = d.kind === "dpo";
  const base = `/p/${slug}/datasets/${d.id}`;
  return (
    <>
      <AppHeader
        crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: "Datasets", href: `/p/${slug}/datasets` }, { label: d.name }]}
        userEmail={user.email}
      />
      <main className="mx-auto flex max-w-[1400px] flex-col gap-5 px-4 py-6">
        {search.existing ? <Notice>This recipe on this data was built before: this is that dataset (datasets never change).</Notice> : null}
        <section className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4" aria-label="Dataset">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="mr-2 text-xl font-semibold tracking-tight">{d.name}</h1>
            <Badge tone="info">{d.kind.toUpperCase()}</Badge>
            {d.round > 0 ? <Badge>curriculum round {d.round}</Badge> : null}
            <GateBadge gate={d.gate} risk={d.risk} acknowledged={d.riskAcknowledgedAt !== null} />
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-xs text-[var(--muted)]">built from</dt>
              <dd>
                <Link href={`/p/${slug}/runs/${d.sourceRun.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  {d.sourceRun.name}
                </Link>{" "}
                @ step {d.sourceStep}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-[var(--muted)]">size</dt>
              <dd className="tabular-nums" data-testid="dataset-size" data-items={d.itemCount}>
                {formatCount(d.itemCount)} {isDpo ? "pairs" : "images"} · pool {formatCount(d.poolCount)} prompts
              </dd>
            </div>
            <div>
              <dt className="text-xs text-[var(--muted)]">built</dt>
              <dd>
                {d.createdBy ?? "an API key"} · <span className="tabular-nums">{formatDateTime(d.createdAt)}</span>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-[var(--muted)]">content hash</dt>
              <dd className="truncate font-mono text-xs" title={d.contentHash}>
                {d.contentHash.slice(0, 16)}…
              </dd>
            </div>
            <div className="col-span-2 sm:col-span-4">
              <dt className="text-xs text-[var(--muted)]">recipe</dt>
              <dd>{describeRecipe(d.recipe)}</dd>
            </div>
            {d.previousId ? (
              <div className="col-span-2">
                <dt className="text-xs text-[var(--muted)]">next round of</dt>
                <dd>
                  <Link href={`/p/${slug}/datasets/${d.previousId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                    the previous round
                  </Link>
                </dd>
              </div>
            ) : null}
            {d.riskAcknowledgedAt ? (
              <div className="col-span-2">
                <dt className="text-xs text-[var(--muted)]">risk acknowledged</dt>
                <dd className="tabular-nums">{formatDateTime(d.riskAcknowledgedAt)}</dd>
              </div>
            ) : null}
          </dl>
          <div className="mt-4">
            <ExportLinks datasetId={d.id} atRisk={d.risk.atRisk} />
          </div>
        </section>

        <div className="grid gap-5 lg:grid-cols-2">
          <Section
            title="Gate"
            note={`Chosen images against the independent judges, at the threshold of ${formatPercent(d.gate.threshold, 0)} in force when it was built.`}
            testId="dataset-gate"
          >
            <GateTable gate={d.gate} risk={d.risk} isDpo={isDpo} />
          </Section>
          <Section title="Counts" note="Per subtask at the construction round, and the pass rate |accepted|/N per prompt.">
            <CountsTable counts={d.counts} isDpo={isDpo} />
            {d.counts.passRateHistogram ? (
              <div className="mt-4 max-w-sm">
                <PassRateHistogram bins={d.counts.passRateHistogram} />
              </div>
            ) : null}
          </Section>
        </div>

        <div className="grid gap-5 lg:grid-cols-2">
          <Section title="Ledger" note="Curriculum rounds: the discard pool before each round, the prompts it admitted and those still waiting.">
            <LedgerTable ledger={d.ledger} poolHref={`${base}/pool`} />
          </Section>
          <Section
            title="Lineage"
            note="Runs that declared they trained on this set (trainedOn), with their latest figures, co-trend class against their baseline and data-quality alarm."
            testId="dataset-lineage"
          >
            {d.lineage.length === 0 ? (
              <p className="text-sm text-[var(--muted)]">
                No run has declared it trained on this set yet (<code>trainedOn: [&quot;{d.id}&quot;]</code> when creating or updating a run).
              </p>
            ) : (
              <ul className="flex flex-col gap-1 text-sm">
                {d.lineage.map((r) => (
                  <li key={r.runId} className="flex flex-wrap items-baseline gap-2" data-testid="lineage-run">
                    <Link href={`/p/${slug}/runs/${r.runId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      {r.name}
                    </Link>
                    <span className="text-xs tabular-nums text-[var(--muted)]">
                      {r.latestStep === null
                        ? "no checkpoint yet"
                        : `latest step ${r.latestStep}: Gen ${formatPercent(r.gen)} · Und ${formatPercent(r.und)} · Non ${formatPercent(r.non)}`}
                    </span>
                    <LineageTrend trend={trends.get(r.runId)} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>

        <Section
          title={isDpo ? "Pairs" : "Images"}
          note={`${isDpo ? "Chosen and rejected side by side" : "The accepted images"}, in the set's order, with the prompt and every verdict.`}
        >
          <ItemsGrid slug={slug} items={page.items} isDpo={isDpo} />
          <nav className="mt-3 flex gap-3 text-sm" aria-label="Pages">
            {after.success && after.data >= 0 ? (
              <Link href={base} className="text-indigo-700 hover:underline dark:text-indigo-300">
                ↺ first page
              </Link>
            ) : null}
            {page.nextAfter !== null ? (
              <Link href={`${base}?after=${page.nextAfter}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                next page →
              </Link>
            ) : null}
          </nav>
        </Section>
      </main>
    </>
  );
}
