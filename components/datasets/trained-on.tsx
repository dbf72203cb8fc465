import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { TRunLineageLine } from "@/lib/datasets/types";

/** The run page's lineage: one "trained on <dataset> — built from <run> @ <step>, judge, precision" line per dataset. */
export function TrainedOn({ slug, lines }: { slug: string; lines: TRunLineageLine[] }) {
  if (lines.length === 0) return null;
  return (
    <section aria-label="Training data" className="-mt-3 mb-6 flex flex-col gap-1 text-sm" data-testid="trained-on">
      {lines.map((l) => (
        <p key={l.datasetId} className="flex flex-wrap items-center gap-2">
          <span>
            trained on{" "}
            <Link href={`/p/${slug}/datasets/${l.datasetId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {l.name}
            </Link>
            <span className="text-[var(--muted)]">{l.text.slice(`trained on ${l.name}`.length)}</span>
          </span>
          {l.atRisk ? <Badge tone="bad">at risk</Badge> : null}
        </p>
      ))}
    </section>
  );
}
