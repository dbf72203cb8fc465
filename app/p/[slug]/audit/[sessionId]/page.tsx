import type { Metadata } from "next";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { AuditEstimate } from "@/components/samples/audit-estimate";
import { PageKeys } from "@/components/samples/keyboard-nav";
import { LabelButtons } from "@/components/samples/label-buttons";
import { SampleImage } from "@/components/samples/sample-image";
import { VerdictBadge } from "@/components/samples/verdict-badge";
import { Card, CardBody } from "@/components/ui/card";
import { getProjectForActor } from "@/lib/projects/service";
import { getAuditSession } from "@/lib/samples/audit-service";
import { explorerHref } from "@/lib/samples/explorer-query";
import { cn } from "@/lib/ui/cn";

import { labelSampleAction } from "../../samples/actions";

export const metadata: Metadata = { title: "Audit" };

type TProps = { params: Promise<{ slug: string; sessionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ params, searchParams }: TProps) {
  const { slug, sessionId } = await params;
  const rawIndex = (await searchParams).i;
  const { user, actor } = await requirePageUser(`/p/${slug}/audit/${sessionId}`);
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const session = await loadOr404(() => getAuditSession(actor, project.id, sessionId));
  const total = session.items.length;
  const requested = typeof rawIndex === "string" && /^\d{1,4}$/.test(rawIndex) ? Number(rawIndex) : null;
  const firstOpen = session.items.findIndex((item) => item.label === null);
  const index = Math.min(total - 1, requested ?? (firstOpen < 0 ? 0 : firstOpen));
  const item = session.items[index]!;
  const href = (i: number) => `/p/${slug}/audit/${session.id}?i=${i}`;
  const backHref = explorerHref(slug, { run: session.runId, step: session.step ?? "all", role: session.role ?? undefined });
  return (
    <>
      <AppHeader
        crumbs={[{ label: project.name, href: `/p/${slug}` }, { label: session.runName, href: `/p/${slug}/runs/${session.runId}` }, { label: "Audit" }]}
        userEmail={user.email}
      />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Audit of {session.runName}</h1>
            <p className="text-xs text-[var(--muted)]">
              {total} images drawn at random (seed {session.seed}){session.step === null ? "" : ` at step ${session.step}`}
              {session.role ? `, role ${session.role}` : ""} · 1 / 0 label and move on · j / k previous / next · Esc back to the samples
            </p>
          </div>
          <Card>
            <CardBody className="py-3">
              <AuditEstimate precision={session.precision} labeled={session.labeled} total={total} />
            </CardBody>
          </Card>
        </div>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <SampleImage
            src={item.image?.fullUrl ?? null}
            alt={`Image for “${item.prompt}”`}
            className="max-h-[520px] w-full rounded-lg border border-[var(--border)]"
          />
          <div className="flex flex-col gap-4">
            <p className="text-xs text-[var(--muted)]">
              Image {index + 1} of {total} · step {item.step} · {item.subtask || "—"} · {item.role} ·{" "}
              <Link href={`/p/${slug}/samples/${item.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                open the sample
              </Link>
            </p>
            <p className="text-lg font-medium" data-testid="audit-prompt">
              {item.prompt}
            </p>
            <LabelButtons
              key={item.id}
              sampleId={item.id}
              current={item.label === null ? null : { verdict: item.label, note: item.note }}
              label={labelSampleAction}
              nextHref={index + 1 < total ? href(index + 1) : href(index)}
            />
            {item.label !== null ? (
              <div className="flex flex-wrap gap-1.5 text-xs">
                <span className="text-[var(--muted)]">After your label:</span>
                <VerdictBadge label="self" verdict={item.self} />
                <VerdictBadge label="external" verdict={item.external} />
              </div>
            ) : (
              <p className="text-xs text-[var(--muted)]">
                The model&apos;s and the external judge&apos;s verdicts show once you have labelled, so they do not sway you.
              </p>
            )}
          </div>
        </div>
        <nav aria-label="Audit images" className="mt-6 flex flex-wrap gap-1">
          {session.items.map((it, i) => (
            <Link
              key={it.id}
              href={href(i)}
              aria-current={i === index ? "step" : undefined}
              title={`image ${i + 1}: ${it.label === null ? "not labelled" : it.label === 1 ? "aligned" : "misaligned"}`}
              className={cn(
                "flex h-6 w-7 items-center justify-center rounded text-[10px] tabular-nums",
                it.label === 1
                  ? "bg-emerald-500 text-white"
                  : it.label === 0
                    ? "bg-rose-500 text-white"
                    : "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
                i === index && "ring-2 ring-indigo-500",
              )}
            >
              {i + 1}
            </Link>
          ))}
        </nav>
        <PageKeys prevHref={index > 0 ? href(index - 1) : null} nextHref={index + 1 < total ? href(index + 1) : null} backHref={backHref} />
      </main>
    </>
  );
}
