import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { Filmstrip } from "@/components/samples/filmstrip";
import { JudgmentTable } from "@/components/samples/judgment-table";
import { PageKeys } from "@/components/samples/keyboard-nav";
import { LabelButtons } from "@/components/samples/label-buttons";
import { SampleImage } from "@/components/samples/sample-image";
import { VerdictBadge } from "@/components/samples/verdict-badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getProjectForActor } from "@/lib/projects/service";
import { getSampleDetail } from "@/lib/samples/detail-service";
import { explorerHref } from "@/lib/samples/explorer-query";

import { labelSampleAction } from "../actions";

export const metadata: Metadata = { title: "Sample" };

type TProps = { params: Promise<{ slug: string; sampleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SamplePage({ params, searchParams }: TProps) {
  const { slug, sampleId } = await params;
  const back = (await searchParams).back;
  const { user, actor } = await requirePageUser(`/p/${slug}/samples/${sampleId}`);
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const sample = await loadOr404(() => getSampleDetail(actor, project.id, sampleId));
  const backHref = typeof back === "string" && back.startsWith(`/p/${slug}/samples`) ? back : explorerHref(slug, { run: sample.runId, step: sample.step });
  const hrefFor = (id: string) => `/p/${slug}/samples/${id}?back=${encodeURIComponent(backHref)}`;
  const at = sample.timeline.findIndex((p) => p.sampleId === sample.id);
  const prev = at > 0 ? sample.timeline[at - 1]! : null;
  const next = at >= 0 && at < sample.timeline.length - 1 ? sample.timeline[at + 1]! : null;
  const self = sample.judgments.find((j) => j.kind === "self" && j.judge === "self" && j.judgeStep === sample.step);
  const external = sample.judgments.find((j) => j.kind === "external");
  return (
    <>
      <AppHeader
        crumbs={[
          { label: project.name, href: `/p/${slug}` },
          { label: sample.runName, href: `/p/${slug}/runs/${sample.runId}` },
          { label: "Samples", href: backHref },
          { label: `#${sample.id}` },
        ]}
        userEmail={user.email}
      />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-xl font-semibold tracking-tight" data-testid="sample-prompt">
            {sample.prompt}
          </h1>
          <p className="text-xs text-[var(--muted)]">j / k or arrows: previous / next checkpoint · Esc: back to the samples · 1 / 0: label</p>
        </div>
        {sample.generationPrompt ? (
          <div className="mb-4 rounded-md border border-[var(--border)] p-3 text-sm" data-testid="generation-prompt">
            <p className="text-xs font-medium text-[var(--muted)]">Generated from this text: the pipeline rewrote the benchmark&apos;s prompt shown above</p>
            <p className="mt-1 whitespace-pre-wrap">{sample.generationPrompt}</p>
          </div>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <div className="flex flex-col gap-2">
            {sample.image ? (
              <a href={sample.image.fullUrl} target="_blank" rel="noreferrer" title="Open the original">
                <SampleImage
                  src={sample.image.fullUrl}
                  alt={`Image for “${sample.prompt}”`}
                  className="max-h-[560px] w-full rounded-lg border border-[var(--border)]"
                />
              </a>
            ) : (
              <SampleImage
                src={null}
                alt={`Image for “${sample.prompt}”`}
                missingText={sample.imageMissing ? "the image file is missing from storage" : "no image was uploaded for this sample"}
                className="aspect-square w-full rounded-lg border border-[var(--border)]"
              />
            )}
            {sample.imageMissing ? <Notice tone="warn">The image of this sample is recorded but its file is missing from storage.</Notice> : null}
            <p className="text-xs text-[var(--muted)]">
              {sample.runName} · step {sample.step} · candidate {sample.candidate}
              {sample.candidates ? ` of ${sample.candidates}` : ""} · {sample.benchmark}/{sample.subtask || "—"} · {sample.role}
              {sample.genLogLik !== null ? ` · log-lik ${sample.genLogLik.toFixed(2)}` : ""}
              {sample.image ? ` · ${sample.image.width}×${sample.image.height}` : ""}
              {sample.sourcePath ? ` · ${sample.sourcePath}` : ""}
            </p>
          </div>
          <div className="flex flex-col gap-4">
            <Card>
              <CardHeader>
                <CardTitle>Verdicts</CardTitle>
                <div className="flex gap-1.5">
                  <VerdictBadge label="self" verdict={self?.verdict ?? null} />
                  {external ? <VerdictBadge label={external.judge} verdict={external.verdict} /> : null}
                </div>
              </CardHeader>
              <CardBody>
                <JudgmentTable judgments={sample.judgments} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Your label</CardTitle>
              </CardHeader>
              <CardBody>
                <LabelButtons sampleId={sample.id} current={sample.myLabel} label={labelSampleAction} />
              </CardBody>
            </Card>
          </div>
        </div>
        <section className="mt-6" aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="mb-2 text-sm font-semibold">
            This prompt across checkpoints (candidate {sample.candidate})
          </h2>
          <Filmstrip points={sample.timeline} currentId={sample.id} hrefFor={hrefFor} />
        </section>
        <section className="mt-6" aria-labelledby="other-runs-title">
          <h2 id="other-runs-title" className="mb-2 text-sm font-semibold">
            The same prompt at step {sample.step} in other runs
          </h2>
          {sample.otherRuns.length === 0 ? (
            <p className="text-sm text-[var(--muted)]">No other run has this prompt and candidate at this step.</p>
          ) : (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6">
              {sample.otherRuns.map((o) => (
                <li key={o.sampleId}>
                  <Link
                    href={hrefFor(o.sampleId)}
                    className="flex flex-col gap-1 rounded-md border border-[var(--border)] p-1.5 text-xs hover:border-indigo-400"
                  >
                    <SampleImage src={o.image?.thumbUrl ?? null} alt={`${o.runName} at step ${sample.step}`} className="aspect-square w-full rounded-sm" />
                    <span className="font-medium">{o.runName}</span>
                    <span className="flex flex-wrap gap-1">
                      <VerdictBadge label="self" verdict={o.self} />
                      <VerdictBadge label="ext" verdict={o.external} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <PageKeys prevHref={prev ? hrefFor(prev.sampleId) : null} nextHref={next ? hrefFor(next.sampleId) : null} backHref={backHref} />
      </main>
    </>
  );
}
