import Link from "next/link";

import { SampleImage } from "@/components/samples/sample-image";
import { VerdictBadge } from "@/components/samples/verdict-badge";
import type { TDatasetItem } from "@/lib/datasets/types";

type TImage = TDatasetItem["chosen"];

function Side({ slug, image, label, tone }: { slug: string; image: TImage; label: string; tone: "chosen" | "rejected" }) {
  return (
    <figure className="flex min-w-0 flex-1 flex-col gap-1">
      <figcaption
        className={`text-[10px] font-semibold uppercase tracking-wide ${tone === "chosen" ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}`}
      >
        {label} · candidate {image.candidate}
      </figcaption>
      <Link href={`/p/${slug}/samples/${image.sampleId}`} className="block" title="Open the sample">
        <SampleImage src={image.thumbUrl} alt={`${label} image, candidate ${image.candidate}`} className="aspect-square w-full rounded" />
      </Link>
      <div className="flex flex-wrap gap-1">
        <VerdictBadge label="self" verdict={image.selfVerdict} title={image.selfProb === null ? undefined : `self p = ${image.selfProb.toFixed(3)}`} />
        <VerdictBadge label="external" verdict={image.externalVerdict} />
      </div>
      {image.selfProb !== null ? <span className="text-[10px] tabular-nums text-[var(--muted)]">self p = {image.selfProb.toFixed(3)}</span> : null}
    </figure>
  );
}

/** The dataset's items in order: SFT images, or DPO pairs side by side, with the prompt and every verdict. */
export function ItemsGrid({ slug, items, isDpo }: { slug: string; items: TDatasetItem[]; isDpo: boolean }) {
  return (
    <ol
      className={`grid gap-3 ${isDpo ? "sm:grid-cols-2 xl:grid-cols-3" : "grid-cols-2 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6"}`}
      aria-label={isDpo ? "Pairs" : "Images"}
    >
      {items.map((item) => (
        <li key={item.position} data-testid="dataset-item" className="flex flex-col gap-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-2">
          <p className="line-clamp-2 text-xs" title={item.prompt}>
            <span className="text-[var(--muted)]">#{item.position + 1} · </span>
            {item.prompt}
          </p>
          <p className="text-[10px] text-[var(--muted)]">
            {item.benchmark} · {item.subtask}
            {item.round > 0 ? ` · admitted in round ${item.round}` : ""}
          </p>
          <div className="flex gap-2">
            <Side slug={slug} image={item.chosen} label={isDpo ? "chosen" : "image"} tone="chosen" />
            {item.rejected ? <Side slug={slug} image={item.rejected} label="rejected" tone="rejected" /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
