import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { PoolList } from "@/components/datasets/pool-list";
import { AppHeader } from "@/components/layout/app-header";
import { Badge } from "@/components/ui/badge";
import { formatCount } from "@/lib/dashboard/format";
import { getDatasetDetail, listDatasetPool, POOL_PAGE } from "@/lib/datasets/page-service";
import { getProjectForActor } from "@/lib/projects/service";

export const metadata: Metadata = { title: "Discard pool" };

type TProps = { params: Promise<{ slug: string; datasetId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ZPage = z.coerce.number().int().min(1).max(1_000_000);

/** The dataset's discard pool, POOL_PAGE prompts a page: what the next curriculum round re-samples. */
export default async function DatasetPoolPage({ params, searchParams }: TProps) {
  const { slug, datasetId } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/datasets/${datasetId}/pool`, search));
  if (!z.uuid().safeParse(datasetId).success) notFound();
  const parsed = ZPage.safeParse(typeof search.page === "string" ? search.page : 1);
  if (!parsed.success) notFound();
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const d = await loadOr404(() => getDatasetDetail(actor, project.id, datasetId));
  const pool = await loadOr404(() => listDatasetPool(actor, project.id, d.id, parsed.data));
  const base = `/p/${slug}/datasets/${d.id}`;
  const last = d.ledger[d.ledger.length - 1];
  const first = (pool.page - 1) * POOL_PAGE + 1;
  return (
    <>
      <AppHeader
        crumbs={[
          { label: project.name, href: `/p/${slug}` },
          { label: "Datasets", href: `/p/${slug}/datasets` },
          { label: d.name, href: base },
          { label: "Pool" },
        ]}
        userEmail={user.email}
      />
      <main className="mx-auto flex max-w-[1400px] flex-col gap-4 px-4 py-6">
        <section className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4" aria-label="Discard pool">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="mr-2 text-xl font-semibold tracking-tight">Discard pool</h1>
            <Badge tone="info">{d.kind.toUpperCase()}</Badge>
            {d.round > 0 ? <Badge>after curriculum round {d.round}</Badge> : null}
          </div>
          <p className="mt-2 text-sm" data-testid="pool-summary" data-total={pool.total}>
            {formatCount(pool.total)} prompt{pool.total === 1 ? "" : "s"} of{" "}
            <Link href={base} className="text-indigo-700 hover:underline dark:text-indigo-300">
              {d.name}
            </Link>{" "}
            had no accepted candidate at step {d.sourceStep}
            {last && last.round > 0 ? ` (round ${last.round} admitted ${formatCount(last.admitted)} of the ${formatCount(last.poolBefore)} it re-sampled)` : ""}
            . A next round re-samples them later in the run (<code>GET /api/v1/datasets/{d.id}/pool</code> lists them for training code).
          </p>
        </section>
        {pool.total === 0 ? (
          <p className="text-sm text-[var(--muted)]">The pool is empty: every prompt had an accepted candidate.</p>
        ) : (
          <>
            <p className="text-xs tabular-nums text-[var(--muted)]">
              prompts {formatCount(first)}–{formatCount(first + pool.prompts.length - 1)} of {formatCount(pool.total)} · page {pool.page} of {pool.pages}
            </p>
            <PoolList slug={slug} prompts={pool.prompts} />
            <nav className="flex gap-3 text-sm" aria-label="Pages">
              {pool.page > 1 ? (
                <Link href={`${base}/pool?page=${pool.page - 1}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  ← previous page
                </Link>
              ) : null}
              {pool.page < pool.pages ? (
                <Link href={`${base}/pool?page=${pool.page + 1}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  next page →
                </Link>
              ) : null}
            </nav>
          </>
        )}
      </main>
    </>
  );
}
