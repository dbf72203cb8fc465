"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { TCountChart } from "@/lib/dashboard/prepare-understanding";

import { AXIS_PROPS, formatStep, GRID_PROPS, TOOLTIP_CLASS } from "./chart-theme";

/** Counts over checkpoints: stacked bars (confusion cells) or lines (transition triples). */
export function CountChart({ chart, height, kind, syncId }: { chart: TCountChart; height: number; kind: "stacked" | "lines"; syncId?: string }) {
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={chart.rows} syncId={syncId} syncMethod="value" margin={{ top: 6, right: 10, bottom: 2, left: 0 }}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis
            {...AXIS_PROPS}
            type={kind === "stacked" ? "category" : "number"}
            dataKey="x"
            domain={kind === "stacked" ? undefined : chart.xDomain}
            tickFormatter={formatStep}
          />
          <YAxis {...AXIS_PROPS} width={44} allowDecimals={false} />
          <Tooltip
            isAnimationActive={false}
            content={(props) => {
              if (!props.active || props.label === undefined) return null;
              const row = chart.rows.find((r) => String(r.x) === String(props.label));
              if (!row) return null;
              return (
                <div className={TOOLTIP_CLASS}>
                  <p className="mb-1 font-medium">
                    step {row.x} · n = {row.n}
                  </p>
                  {chart.series.map((s) => (
                    <p key={s.id} className="tabular-nums">
                      <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
                      {s.label}: {row[s.id] ?? "no data"}
                    </p>
                  ))}
                </div>
              );
            }}
          />
          {chart.series.map((s) =>
            kind === "stacked" ? (
              <Bar key={s.id} dataKey={s.id} name={s.label} stackId="c" fill={s.color} isAnimationActive={false} />
            ) : (
              <Line
                key={s.id}
                dataKey={s.id}
                name={s.label}
                type="linear"
                stroke={s.color}
                strokeWidth={2}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
