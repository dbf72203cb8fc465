import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { AlertList } from "@/components/alerts/alert-list";
import { AppHeader } from "@/components/layout/app-header";
import { Notice } from "@/components/ui/notice";
import { listProjectAlerts } from "@/lib/alerts/service";
import { ZAlertListQuery } from "@/lib/api/contracts/alerts";
import { getProjectForActor } from "@/lib/projects/service";

import { acknowledgeAlertAction } from "./actions";

export const metadata: Metadata = { title: "Alerts" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUSES = ["open", "acknowledged", "resolved", "all"] as const;

export default async function AlertsPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/alerts`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const parsed = ZAlertListQuery.safeParse({
    status: typeof search.status === "string" ? search.status : undefined,
    run: typeof search.run === "string" ? search.run : undefined,
  });
  const query = parsed.success ? parsed.data : {};
  const status = query.status ?? "open";
  const { alerts } = await listProjectAlerts(actor, slug, { ...query, status });
  const href = (next: string) => `/p/${slug}/alerts?status=${next}${query.run ? `&run=${query.run}` : ""}`;
  return (
    <>
      <AppHeader crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: "Alerts" }]} userEmail={user.email} />
      <main className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-6">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Alerts</h1>
          <nav className="flex gap-3 text-sm" aria-label="Status">
            {STATUSES.map((s) => (
              <Link
                key={s}
                href={href(s)}
                aria-current={s === status ? "page" : undefined}
                className={s === status ? "font-semibold" : "text-indigo-700 hover:underline dark:text-indigo-300"}
              >
                {s}
              </Link>
            ))}
            {query.run ? (
              <Link href={`/p/${slug}/alerts?status=${status}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                all runs
              </Link>
            ) : null}
          </nav>
        </div>
        {parsed.success ? null : <Notice tone="warn">The filter in the address is not valid; showing open alerts of every run.</Notice>}
        <p className="text-sm text-[var(--muted)]">
          Evaluated at every checkpoint once its figures settle: co-degradation, the data-quality alarm and the{" "}
          <Link href={`/p/${slug}/settings#alerts`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            project&apos;s rules
          </Link>
          . An alert resolves when a later checkpoint no longer matches.
        </p>
        <AlertList alerts={alerts} slug={slug} acknowledge={project.role === "viewer" ? null : acknowledgeAlertAction} />
      </main>
    </>
  );
}
