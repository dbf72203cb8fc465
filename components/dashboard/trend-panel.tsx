"use client";

import Link from "next/link";
import { useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { DownloadButton } from "@/components/charts/download-button";
import { TrendMapChart } from "@/components/charts/trend-map-chart";
import { Badge } from "@/components/ui/badge";
import { toCsv } from "@/lib/dashboard/csv";
import { prepareTrendMap, type TTrendMap } from "@/lib/dashboard/prepare-trend-map";
import type { TSummaryBundle } from "@/lib/dashboard/types";

const CLASS_TONE = {
  "co-improvement": "good",
  "co-degradation": "bad",
  "trade-off": "warn",
  "generation-only": "info",
  "understanding-only": "info",
  inconclusive: "neutral",
} as const;

function trendCsv(map: TTrendMap): string {
  const rows = map.runs.flatMap((r) =>
    r.points.map((p) => [
      r.runName,
      p.step,
      p.cls,
      p.alarm,
      p.x,
      p.xInterval?.[0] ?? null,
      p.xInterval?.[1] ?? null,
      p.n.gen,
      p.y + 0.5,
      (p.yInterval?.[0] ?? Number.NaN) + 0.5,
      (p.yInterval?.[1] ?? Number.NaN) + 0.5,
      p.n.und,
      p.deltaNon,
      p.n.non,
    ]),
  );
  return toCsv(
    [
      "run",
      "step",
      "class",
      "alarm",
      "delta_gen",
      "delta_gen_lo",
      "delta_gen_hi",
      "delta_gen_n",
      "und",
      "und_lo",
      "und_hi",
      "und_n",
      "delta_non",
      "delta_non_n",
    ],
    rows,
  );
}

/** A dataset the run declared it trained on (lineage): the alarm names it, since that data is the first suspect. */
export type TTrainedOnRef = { name: string; href: string };

/** The data-quality alarm, said loudly: Non improved while Gen or Und got significantly worse. */
function AlarmBanner({ map, trainedOn = [] }: { map: TTrendMap; trainedOn?: readonly TTrainedOnRef[] }) {
  if (map.alarms.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="data-quality-alarm"
      className="mb-4 rounded-lg border-2 border-rose-500 bg-rose-50 p-4 text-sm text-rose-900 dark:bg-rose-950/60 dark:text-rose-100"
    >
      <p className="font-semibold">⚠ Data-quality alarm: the Nonunified score is misleading here</p>
      <p className="mb-2 text-xs">
        Non improved while generation or understanding got significantly worse — the case the Nonunified score alone cannot see. Check the supervision data and
        the outcomes with an independent judge.
      </p>
      <ul className="list-disc space-y-0.5 pl-5">
        {map.alarms.map((a) => (
          <li key={a.runId}>
            <span className="font-medium">{a.runName}</span> at step {a.step}
            {a.isLatest ? " (latest checkpoint)" : ""}: {a.reasons.join("; ") || "no reason given"}
            {a.steps.length > 1 ? <span className="text-xs"> — also at steps {a.steps.filter((s) => s !== a.step).join(", ")}</span> : null}
          </li>
        ))}
      </ul>
      {trainedOn.length > 0 ? (
        <p className="mt-2" data-testid="alarm-trained-on">
          This run trained on{" "}
          {trainedOn.map((d, i) => (
            <span key={d.href}>
              {i > 0 ? ", " : ""}
              <Link href={d.href} className="font-medium underline">
                {d.name}
              </Link>
            </span>
          ))}
          : check that data&apos;s gate first.
        </p>
      ) : null}
    </div>
  );
}

export function TrendPanel({
  bundles,
  colors,
  trainedOn,
}: {
  bundles: readonly TSummaryBundle[];
  colors: ReadonlyMap<string, string>;
  trainedOn?: readonly TTrainedOnRef[];
}) {
  const map = useMemo(() => prepareTrendMap(bundles, colors), [bundles, colors]);
  const unplaced = map.runs
    .filter((r) => r.unplaced > 0)
    .map(
      (r) => `${r.runName}: ${r.unplaced === 1 ? "1 checkpoint" : `${r.unplaced} checkpoints`} without ΔGen or Und (e.g. the baseline step itself) not placed.`,
    );
  return (
    <>
      <AlarmBanner map={map} trainedOn={trainedOn} />
      <ChartCard
        title="Co-improvement or co-degradation"
        chartKey="trend-map"
        subtitle="Each checkpoint at (ΔGen, Und − 50%) against its run's baseline; fill = ΔNon (blue: fewer contradictions, rose: more); whiskers = 95% intervals; dashed rim = low n; red ring = alarm."
        state={map.state}
        seriesCount={map.runs.length}
        bodyHeight={428}
        emptyMessage="No checkpoint has both a ΔGen and an Und yet."
        notes={unplaced}
        actions={<DownloadButton label="CSV" filename="co-trend.csv" build={() => trendCsv(map)} ariaLabel="Download the CSV of the co-trend map" />}
        legend={
          <ul className="flex flex-wrap gap-x-4 gap-y-1 py-1 text-xs" aria-label="Co-trend class per run">
            {map.runs.map((r) => (
              <li key={r.runId} className="flex items-center gap-1.5" data-testid="trend-class">
                <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: r.color }} />
                <span>{r.runName}</span>
                {r.cls ? <Badge tone={CLASS_TONE[r.cls]}>{r.cls}</Badge> : <Badge>no checkpoint</Badge>}
                {r.alarms.length ? <Badge tone="bad">alarm</Badge> : null}
              </li>
            ))}
          </ul>
        }
      >
        <TrendMapChart map={map} height={420} />
      </ChartCard>
    </>
  );
}
