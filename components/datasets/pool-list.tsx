import Link from "next/link";

import { SampleImage } from "@/components/samples/sample-image";
import { VerdictBadge } from "@/components/samples/verdict-badge";
import type { TPoolPrompt } from "@/lib/datasets/types";

/** The discard pool: each prompt with every candidate of the round and its verdicts (none was accepted). */
export function PoolList({ slug, prompts }: { slug: string; prompts: TPoolPrompt[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Pool prompts">
      {prompts.map((p) => (
        <li key={p.promptId} data-testid="pool-prompt" className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3">
          <p className="text-sm">{p.text}</p>
          <p className="mt-0.5 text-[11px] text-[var(--muted)]">
            {p.externalId} · {p.benchmark} · {p.subtask} · {p.candidates.length} candidate{p.candidates.length === 1 ? "" : "s"}, none accepted
          </p>
          {p.candidates.length === 0 ? (
            <p className="mt-2 text-xs text-[var(--muted)]">No candidate of this prompt was logged at this step.</p>
          ) : (
            <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-5 lg:grid-cols-8 xl:grid-cols-10">
              {p.candidates.map((c) => (
                <li key={c.sampleId} data-testid="pool-candidate" className="flex min-w-0 flex-col gap-1">
                  <Link href={`/p/${slug}/samples/${c.sampleId}`} className="block" title="Open the sample">
                    <SampleImage src={c.thumbUrl} alt={`candidate ${c.candidate}`} className="aspect-square w-full rounded" />
                  </Link>
                  <span className="text-[10px] tabular-nums text-[var(--muted)]">
                    #{c.candidate}
                    {c.selfProb !== null ? ` · p = ${c.selfProb.toFixed(2)}` : ""}
                  </span>
                  <div className="flex flex-wrap gap-1">
                    <VerdictBadge label="self" verdict={c.selfVerdict} />
                    <VerdictBadge label="ext" verdict={c.externalVerdict} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
