import Link from "next/link";

import type { TExplorerCard } from "@/lib/samples/types";

import { SampleImage } from "./sample-image";
import { VerdictBadge } from "./verdict-badge";

/** One image of the explorer: picture, prompt, subtask and every verdict on it; the whole card opens the sample. */
export function SampleCard({ card, href }: { card: TExplorerCard; href: string }) {
  return (
    <li>
      <Link
        href={href}
        data-nav-item
        data-testid="sample-card"
        className="group flex h-full flex-col overflow-hidden rounded-lg border border-[var(--border)] bg-[var(--panel)] shadow-sm outline-none hover:border-indigo-400 focus-visible:ring-2 focus-visible:ring-indigo-500"
      >
        <SampleImage src={card.image?.thumbUrl ?? null} alt={`Image for “${card.prompt}”`} className="aspect-square w-full" />
        <div className="flex flex-1 flex-col gap-1.5 p-2 text-xs">
          <p className="line-clamp-2 text-sm font-medium leading-snug text-[var(--text)]" title={card.prompt}>
            {card.prompt}
          </p>
          <p className="text-[var(--muted)]">
            {card.subtask || "—"} · step {card.step} · #{card.candidate} · {card.role}
          </p>
          <div className="flex flex-wrap gap-1">
            {card.self ? (
              <VerdictBadge label="self" verdict={card.self.verdict} title={card.self.response ?? undefined} />
            ) : (
              <span className="text-[var(--muted)]">no self verdict</span>
            )}
            {card.external ? <VerdictBadge label={card.external.judge} verdict={card.external.verdict} title={card.external.reason ?? undefined} /> : null}
            {card.humans.map((h) => (
              <VerdictBadge key={h.judge} label="human" verdict={h.verdict} />
            ))}
          </div>
          {card.self?.response ? (
            <p className="line-clamp-2 font-mono text-[11px] text-[var(--muted)]" title={card.self.response}>
              “{card.self.response}”
            </p>
          ) : null}
          {card.external?.reason ? (
            <p className="line-clamp-2 text-[11px] text-[var(--muted)]" title={card.external.reason}>
              {card.external.judge}: {card.external.reason}
            </p>
          ) : null}
        </div>
      </Link>
    </li>
  );
}
