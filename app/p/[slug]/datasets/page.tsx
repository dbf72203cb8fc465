import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { returnTo } from "@/app/_lib/return-to";
import { BuildDatasetForm } from "@/components/datasets/build-form";
import { DatasetsTable } from "@/components/datasets/datasets-table";
import { AppHeader } from "@/components/layout/app-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { listBuildSources, listDatasetCards } from "@/lib/datasets/page-service";
import { getProjectForActor } from "@/lib/projects/service";

import { buildDatasetAction, previewDatasetAction } from "./actions";

export const metadata: Metadata = { title: "Datasets" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DatasetsPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const { user, actor } = await requirePageUser(returnTo(`/p/${slug}/datasets`, search));
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const [datasets, sources] = await Promise.all([listDatasetCards(actor, project), listBuildSources(actor, project.id)]);
  // ?run=<id> (the run page's "Build a dataset") puts that run first in the form.
  const runFirst = typeof search.run === "string" ? search.run : null;
  const ordered = runFirst ? [...sources.filter((s) => s.runId === runFirst), ...sources.filter((s) => s.runId !== runFirst)] : sources;
  const previous = datasets.map((d) => ({ id: d.id, name: d.name, runId: d.sourceRun.runId, step: d.sourceStep, kind: d.kind }));
  return (
    <>
      <AppHeader crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: "Datasets" }]} userEmail={user.email} />
      <main className="mx-auto flex max-w-[1400px] flex-col gap-5 px-4 py-6">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Datasets</h1>
            <p className="text-sm text-[var(--muted)]">
              SFT and DPO sets built from a run&apos;s own verdicts, gated against an independent judge before training, exported to the trainer.
            </p>
          </div>
          <Link href={`/p/${slug}/settings#datasets`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
            Gate threshold
          </Link>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Built datasets</CardTitle>
            <span className="text-xs text-[var(--muted)]">{datasets.length} · newest first</span>
          </CardHeader>
          <CardBody className="p-0">
            <DatasetsTable slug={slug} datasets={datasets} />
          </CardBody>
        </Card>
        <Card id="build" aria-labelledby="build-title">
          <CardHeader className="flex-col gap-0.5">
            <CardTitle id="build-title">Build a dataset</CardTitle>
            <p className="text-xs text-[var(--muted)]">
              Every parameter is explicit; the preview re-runs as you change the recipe. The same recipe on the same data is the same dataset.
            </p>
          </CardHeader>
          <CardBody>
            <BuildDatasetForm
              slug={slug}
              sources={ordered}
              previous={previous}
              canBuild={project.role !== "viewer"}
              preview={previewDatasetAction}
              build={buildDatasetAction}
            />
          </CardBody>
        </Card>
      </main>
    </>
  );
}
