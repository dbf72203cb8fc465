import type { ReactNode } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { LazyMount } from "@/components/charts/lazy-mount";

/** A titled section of chart cards; each card mounts when scrolled near. */
export function PanelSection({
  title,
  description,
  children,
  columns = 3,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  columns?: 1 | 2 | 3;
}) {
  const grid = columns === 1 ? "grid-cols-1" : columns === 2 ? "grid-cols-1 lg:grid-cols-2" : "grid-cols-1 md:grid-cols-2 xl:grid-cols-3";
  return (
    <section className="mb-6" aria-label={title}>
      <h2 className="text-base font-semibold tracking-tight">{title}</h2>
      {description ? <p className="mb-2 max-w-4xl text-xs text-[var(--muted)]">{description}</p> : <div className="mb-2" />}
      <div className={`grid gap-3 ${grid}`}>{children}</div>
    </section>
  );
}

/** Lazy card: a loading card of the same size until the real one mounts. */
export function Lazy({ title, chartKey, height, children }: { title: string; chartKey: string; height: number; children: ReactNode }) {
  return <LazyMount placeholder={<ChartCard title={title} chartKey={chartKey} state="loading" bodyHeight={height} />}>{children}</LazyMount>;
}
