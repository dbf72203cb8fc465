import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { RunsTable } from "@/components/runs/runs-table";
import { getProjectForActor } from "@/lib/projects/service";
import { listRunsForProject } from "@/lib/runs/service";

export const metadata: Metadata = { title: "Runs" };

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, actor } = await requirePageUser(`/p/${slug}`);
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const { runs, total } = await listRunsForProject(actor, project.id);
  return (
    <>
      <AppHeader crumbs={[{ label: project.name }]} userEmail={user.email} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <div className="mb-4 flex items-baseline justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight">Runs</h1>
          <span className="text-sm text-[var(--muted)]">
            showing {runs.length} of {total} ·{" "}
            <Link href={`/p/${project.slug}/settings`} className="text-indigo-600 hover:underline dark:text-indigo-400">
              Settings
            </Link>
          </span>
        </div>
        <RunsTable runs={runs} />
      </main>
    </>
  );
}
