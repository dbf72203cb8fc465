"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";

import { formatInterval, formatPercent } from "@/lib/dashboard/format";
import type { TRateChart, TRatePoint } from "@/lib/dashboard/prepare-score-charts";

import { AXIS_PROPS, formatPercentTick, formatStep, GRID_PROPS, TOOLTIP_CLASS } from "./chart-theme";

/**
 * Rates over checkpoints: per series a 95% band, the line through the measured points (gaps stay
 * gaps) and hollow rings on low-n points. The y axis is always 0–100% so small multiples compare.
 */
export function RateLineChart({ chart, height, syncId }: { chart: TRateChart; height: number; syncId?: string }) {
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart syncId={syncId} syncMethod="value" margin={{ top: 6, right: 10, bottom: 2, left: 0 }}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...AXIS_PROPS} type="number" dataKey="x" domain={chart.xDomain} tickFormatter={formatStep} allowDecimals={false} />
          <YAxis {...AXIS_PROPS} type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} width={40} tickFormatter={formatPercentTick} />
          {chart.referenceY !== null ? <ReferenceLine y={chart.referenceY} stroke="var(--muted)" strokeDasharray="4 4" /> : null}
          <Tooltip content={(props) => <RateTooltip chart={chart} active={props.active} label={props.label} />} isAnimationActive={false} />
          {chart.series.map((s) => (
            <Area
              key={`${s.id}-band`}
              data={s.points}
              dataKey="band"
              type="linear"
              stroke="none"
              fill={s.color}
              fillOpacity={0.15}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={false}
            />
          ))}
          {chart.series.map((s) => (
            <Line
              key={`${s.id}-line`}
              name={s.label}
              data={s.points}
              dataKey="value"
              type="linear"
              stroke={s.color}
              strokeWidth={1.75}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          {chart.series.map((s) => (
            <Scatter
              key={`${s.id}-lown`}
              data={s.lowNPoints}
              dataKey="value"
              fill="var(--panel)"
              stroke={s.color}
              strokeWidth={1.5}
              shape="circle"
              isAnimationActive={false}
              legendType="none"
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function nearest(points: readonly TRatePoint[], x: number): TRatePoint | undefined {
  return points.reduce<TRatePoint | undefined>((best, p) => (!best || Math.abs(p.x - x) < Math.abs(best.x - x) ? p : best), undefined);
}

function RateTooltip({ chart, active, label }: { chart: TRateChart; active?: boolean; label?: string | number }) {
  if (!active || label === undefined) return null;
  const x = Number(label);
  return (
    <div className={TOOLTIP_CLASS}>
      <p className="mb-1 font-medium">
        {chart.title} · step {x}
      </p>
      {chart.series.map((s) => {
        const p = nearest(s.points, x);
        if (!p) return null;
        return (
          <p key={s.id} className="tabular-nums">
            <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
            {s.label}: {p.value === null ? "no data" : `${formatPercent(p.value)} ${p.band ? formatInterval(p.band[0], p.band[1]) : "no interval"}`} · n = {p.n}
            {p.lowN ? <span className="ml-1 font-medium text-amber-700 dark:text-amber-300">low n</span> : null}
          </p>
        );
      })}
    </div>
  );
}
