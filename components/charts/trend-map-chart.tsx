"use client";

import { CartesianGrid, ErrorBar, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

import { formatInterval, formatPoints } from "@/lib/dashboard/format";
import type { TTrendMap, TTrendPoint } from "@/lib/dashboard/prepare-trend-map";

import { AXIS_PROPS, GRID_PROPS, TOOLTIP_CLASS } from "./chart-theme";

type TDatum = TTrendPoint & { runName: string; runColor: string; isLast: boolean; runIndex: number; xErr: [number, number]; yErr: [number, number] };

function ppTick(v: number): string {
  const pp = Math.round(v * 1000) / 10;
  return pp > 0 ? `+${pp}` : String(pp);
}

const QUADRANT_FILL: Record<string, string> = { "co-improvement": "#10b981", "co-degradation": "#f43f5e" };

function toData(map: TTrendMap, runIndex: number): TDatum[] {
  const run = map.runs[runIndex]!;
  return run.points.map((p, i) => ({
    ...p,
    runName: run.runName,
    runColor: run.color,
    isLast: i === run.points.length - 1,
    runIndex,
    xErr: p.xInterval ? [p.x - p.xInterval[0], p.xInterval[1] - p.x] : [0, 0],
    yErr: p.yInterval ? [p.y - p.yInterval[0], p.yInterval[1] - p.y] : [0, 0],
  }));
}

function Dot(props: { cx?: number; cy?: number; payload?: TDatum }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <g>
      <circle
        cx={cx}
        cy={cy}
        r={payload.isLast ? 7 : 5}
        fill={payload.deltaNonColor}
        stroke={payload.runColor}
        strokeWidth={2}
        strokeDasharray={payload.lowN ? "2 2" : undefined}
      />
      {payload.alarm ? <circle cx={cx} cy={cy} r={11} fill="none" stroke="#dc2626" strokeWidth={2} /> : null}
      {payload.isLast ? (
        <text
          x={payload.x > 0 ? cx - 12 : cx + 12}
          y={cy - 12 - 14 * payload.runIndex}
          textAnchor={payload.x > 0 ? "end" : "start"}
          fontSize={11}
          fill="var(--text)"
          fontWeight={600}
          stroke="var(--panel)"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {payload.runName}: {payload.cls}
        </text>
      ) : null}
    </g>
  );
}

/**
 * ΔGen against Und − 50% for every checkpoint of every run, relative to each run's baseline:
 * quadrants labelled, each run's path in its colour, points filled by ΔNon, whiskers are 95%
 * intervals, a red ring marks a data-quality alarm.
 */
export function TrendMapChart({ map, height }: { map: TTrendMap; height: number }) {
  const [x0, x1] = map.xDomain;
  const [y0, y1] = map.yDomain;
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid {...GRID_PROPS} />
          {map.quadrants.map((q) => (
            <ReferenceArea
              key={q.label}
              x1={q.x === "right" ? 0 : x0}
              x2={q.x === "right" ? x1 : 0}
              y1={q.y === "top" ? 0 : y0}
              y2={q.y === "top" ? y1 : 0}
              fill={QUADRANT_FILL[q.label] ?? "#94a3b8"}
              fillOpacity={QUADRANT_FILL[q.label] ? 0.07 : 0.03}
              stroke="none"
              label={{
                value: q.label,
                position: q.y === "top" ? (q.x === "right" ? "insideTopRight" : "insideTopLeft") : q.x === "right" ? "insideBottomRight" : "insideBottomLeft",
                fill: "var(--muted)",
                fontSize: 11,
              }}
            />
          ))}
          <ReferenceLine x={0} stroke="var(--muted)" />
          <ReferenceLine y={0} stroke="var(--muted)" />
          <XAxis
            {...AXIS_PROPS}
            type="number"
            dataKey="x"
            domain={[x0, x1]}
            ticks={map.xTicks}
            allowDataOverflow
            tickFormatter={ppTick}
            label={{ value: "ΔGen vs baseline (pp)", position: "insideBottom", offset: -14, fill: "var(--muted)", fontSize: 11 }}
          />
          <YAxis
            {...AXIS_PROPS}
            type="number"
            dataKey="y"
            domain={[y0, y1]}
            ticks={map.yTicks}
            allowDataOverflow
            width={64}
            tickFormatter={ppTick}
            label={{ value: "Und − 50% (pp)", angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 11 }}
          />
          <Tooltip
            content={(props) => <TrendTooltip datum={props.active ? (props.payload?.[0]?.payload as TDatum | undefined) : undefined} />}
            isAnimationActive={false}
          />
          {map.runs.map((run, i) => (
            <Scatter
              key={run.runId}
              name={run.runName}
              data={toData(map, i)}
              line={{ stroke: run.color, strokeWidth: 2 }}
              lineType="joint"
              shape={<Dot />}
              isAnimationActive={false}
            >
              <ErrorBar dataKey="xErr" direction="x" stroke={run.color} strokeOpacity={0.5} width={3} />
              <ErrorBar dataKey="yErr" direction="y" stroke={run.color} strokeOpacity={0.5} width={3} />
            </Scatter>
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

function TrendTooltip({ datum }: { datum?: TDatum }) {
  if (!datum) return null;
  const interval = (iv: [number, number] | null) => formatInterval(iv?.[0] ?? null, iv?.[1] ?? null, 1, true);
  return (
    <div className={TOOLTIP_CLASS}>
      <p className="font-medium">
        {datum.runName} · step {datum.step}
      </p>
      <p>
        class: {datum.cls}
        {datum.alarm ? " · ⚠ data-quality alarm" : ""}
      </p>
      <p className="tabular-nums">
        ΔGen {formatPoints(datum.x)} {interval(datum.xInterval)}, n = {datum.n.gen}
      </p>
      <p className="tabular-nums">
        Und − 50% {formatPoints(datum.y)} {interval(datum.yInterval)}, n = {datum.n.und}
        {datum.lowN ? " (low n)" : ""}
      </p>
      <p className="tabular-nums">
        ΔNon {formatPoints(datum.deltaNon)}, n = {datum.n.non}
      </p>
    </div>
  );
}
