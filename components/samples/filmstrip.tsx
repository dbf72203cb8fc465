import Link from "next/link";

import type { TTimelinePoint, TVerdict } from "@/lib/samples/types";
import { cn } from "@/lib/ui/cn";

import { SampleImage } from "./sample-image";
import { verdictWord } from "./verdict-badge";

const CELL = { 1: "bg-emerald-500", 0: "bg-rose-500", null: "bg-amber-300" } as const;

function TrackCell({ verdict, flip, track, step }: { verdict: TVerdict; flip: boolean; track: string; step: number }) {
  return (
    <span
      className={cn("relative block h-3 w-full rounded-sm", CELL[verdict ?? "null"])}
      title={`${track} at step ${step}: ${verdictWord(verdict)}${flip ? " (flipped here)" : ""}`}
      data-flip={flip || undefined}
    >
      {flip ? <span className="absolute -top-3.5 left-1/2 -translate-x-1/2 text-[10px] font-bold text-indigo-600 dark:text-indigo-300">↯</span> : null}
    </span>
  );
}

/** The same prompt at every checkpoint: thumbnails, then the self and external verdicts as two tracks, flips marked ↯. */
export function Filmstrip({ points, currentId, hrefFor }: { points: TTimelinePoint[]; currentId: string; hrefFor: (sampleId: string) => string }) {
  return (
    <div className="overflow-x-auto pb-1">
      <ol className="flex min-w-max gap-1.5" aria-label="The prompt across checkpoints">
        {points.map((p) => {
          const isCurrent = p.sampleId === currentId;
          return (
            <li key={p.sampleId} className="w-20">
              <Link
                href={hrefFor(p.sampleId)}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "flex flex-col gap-1 rounded-md border p-1 text-center text-[11px]",
                  isCurrent ? "border-indigo-500 ring-2 ring-indigo-500/40" : "border-[var(--border)] hover:border-indigo-400",
                )}
              >
                <SampleImage src={p.image?.thumbUrl ?? null} alt={`step ${p.step}`} className="aspect-square w-full rounded-sm" />
                <span className={isCurrent ? "font-semibold" : "text-[var(--muted)]"}>step {p.step}</span>
                <span className="mt-2 flex flex-col gap-2.5">
                  <TrackCell verdict={p.self} flip={p.selfFlip} track="self" step={p.step} />
                  <TrackCell verdict={p.external} flip={p.externalFlip} track="external" step={p.step} />
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      <p className="mt-1 text-[11px] text-[var(--muted)]">
        Upper track: the checkpoint&apos;s own self verdict · lower track: the external judge · green aligned, rose misaligned, amber unparseable or missing · ↯
        a flip.
      </p>
    </div>
  );
}
