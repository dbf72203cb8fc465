import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { AppHeader } from "@/components/layout/app-header";
import { ExplorerFilters } from "@/components/samples/explorer-filters";
import { GridKeys } from "@/components/samples/keyboard-nav";
import { SampleCard } from "@/components/samples/sample-card";
import { StartAuditForm } from "@/components/samples/start-audit-form";
import { Notice } from "@/components/ui/notice";
import { formatCount } from "@/lib/dashboard/format";
import { isAppError } from "@/lib/errors";
import { getProjectForActor } from "@/lib/projects/service";
import { explorerHref, parseExplorerQuery, VERDICT_CLASS_LABEL, type TExplorerQuery } from "@/lib/samples/explorer-query";
import { getExplorerPage } from "@/lib/samples/explorer-service";

import { createAuditSessionAction } from "./actions";

export const metadata: Metadata = { title: "Samples" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SamplesPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/samples`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const parsed = parseExplorerQuery(search);
  const result = parsed.ok
    ? await getExplorerPage(actor, project.id, parsed.query).catch((error: unknown) =>
        isAppError(error) && error.code === "INVALID_INPUT" ? error.message : Promise.reject(error),
      )
    : parsed.errors.join(" · ");
  const header = <AppHeader crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: "Samples" }]} userEmail={user.email} />;
  if (typeof result === "string") {
    return (
      <>
        {header}
        <main className="mx-auto max-w-[1400px] px-4 py-6">
          <h1 className="mb-3 text-xl font-semibold tracking-tight">Samples</h1>
          <Notice tone="error">
            These filters cannot be applied — {result}.{" "}
            <Link href={`/p/${slug}/samples`} className="underline">
              Start again
            </Link>
          </Notice>
        </main>
      </>
    );
  }
  const page = result;
  const query: TExplorerQuery = { ...page.query, run: page.runId ?? undefined, step: page.step ?? "all" };
  const here = explorerHref(slug, query, { cursor: page.query.cursor });
  const shown = page.query.class ? page.classCounts[page.query.class] : page.classCounts.total;
  return (
    <>
      {header}
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Samples</h1>
          <p className="text-xs text-[var(--muted)]">j / k or arrows move between cards · Enter opens · Esc goes back to the run</p>
        </div>
        {page.runId ? <ExplorerFilters slug={slug} page={page} /> : <Notice>This project has no runs yet.</Notice>}
        {page.searchCapped ? (
          <Notice tone="warn" className="mb-3">
            The search matched more than 5,000 prompts; only the first 5,000 are used. Narrow it down.
          </Notice>
        ) : null}
        <p className="mb-2 text-sm text-[var(--muted)]" aria-live="polite" data-testid="explorer-summary">
          {formatCount(shown)} {page.query.class ? VERDICT_CLASS_LABEL[page.query.class] : "image"}
          {shown === 1 ? "" : "s"} {page.step === null ? "at all checkpoints" : `at step ${page.step}`}
          {page.query.cursor ? " (a later page)" : ""}
        </p>
        {page.cards.length === 0 && page.runId ? <Notice>No image matches these filters.</Notice> : null}
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 xl:grid-cols-6">
          {page.cards.map((card) => (
            <SampleCard key={card.id} card={card} href={`/p/${slug}/samples/${card.id}?back=${encodeURIComponent(here)}`} />
          ))}
        </ul>
        <nav className="mt-3 flex gap-3 text-sm" aria-label="Pages">
          {page.query.cursor ? (
            <Link href={explorerHref(slug, query)} className="text-indigo-700 hover:underline dark:text-indigo-300">
              ↺ first page
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={explorerHref(slug, query, { cursor: page.nextCursor })} className="text-indigo-700 hover:underline dark:text-indigo-300">
              next page →
            </Link>
          ) : null}
        </nav>
        {page.runId ? (
          <StartAuditForm
            slug={slug}
            projectId={project.id}
            runId={page.runId}
            step={page.step}
            role={page.query.role ?? null}
            create={createAuditSessionAction}
          />
        ) : null}
        <GridKeys backHref={page.runId ? `/p/${slug}/runs/${page.runId}` : undefined} />
      </main>
    </>
  );
}
