import "server-only";

import type { ReactNode } from "react";

import { RunHeaderCard } from "@/components/runs/run-header-card";
import { SharedSamplesList } from "@/components/sharing/shared-samples-list";
import type { TRunHeaderDTO } from "@/lib/runs/header-types";
import type { TShareActor } from "@/lib/sharing/service";
import type { TSharedView } from "@/lib/sharing/view-types";

// THE SEAM between sharing and the dashboard. A shared page renders through these three functions,
// with the share actor as the caller: any panel placed here loads its data through the same
// services as the run and compare pages, which authorize the actor (requireRunAccess scopes it to
// `actor.runIds`, requireSampleAccess to `actor.sampleIds`) and anonymize names for it
// (lib/sharing/anonymize.ts). Plug the dashboard's run panels into renderSharedRun and its compare
// view, opened with `viewQuery`, into renderSharedComparison; nothing else needs to change.

export async function renderSharedRun(actor: TShareActor, run: TRunHeaderDTO): Promise<ReactNode> {
  void actor; // dashboard panels take it, e.g. <RunPanels actor={actor} runId={run.id} />
  return (
    <section aria-label="Shared run" className="flex flex-col gap-4">
      <RunHeaderCard run={run} />
    </section>
  );
}

export async function renderSharedComparison(actor: TShareActor, runs: TRunHeaderDTO[], viewQuery: string | null): Promise<ReactNode> {
  void actor; // dashboard: <CompareView actor={actor} runIds={runs.map((r) => r.id)} query={new URLSearchParams(viewQuery ?? "")} />
  return (
    <section aria-label="Shared comparison" className="flex flex-col gap-4" data-view-query={viewQuery ?? ""}>
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Comparison of {runs.length} runs</h1>
        {viewQuery ? (
          <p className="mt-1 text-xs text-[var(--muted)]">
            View:{" "}
            {[...new URLSearchParams(viewQuery)]
              .slice(0, 20)
              .map(([key, value]) => `${key} = ${value}`)
              .join(" · ")}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {runs.map((run) => (
          <RunHeaderCard key={run.id} run={run} />
        ))}
      </div>
    </section>
  );
}

export async function renderSharedSamples(actor: TShareActor, view: TSharedView): Promise<ReactNode> {
  void actor; // dashboard: the sample inspector's cards (with images) take the actor for their image URLs
  return (
    <section aria-label="Shared samples" className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">{view.samples.length} samples</h1>
      <SharedSamplesList samples={view.samples} />
    </section>
  );
}

/** Exactly the link's scope, nothing else of the project. */
export async function renderSharedScope(actor: TShareActor, view: TSharedView): Promise<ReactNode> {
  if (view.scope === "run" && view.runs[0]) return renderSharedRun(actor, view.runs[0]);
  if (view.scope === "comparison") return renderSharedComparison(actor, view.runs, view.viewQuery);
  return renderSharedSamples(actor, view);
}
