"use client";

import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { nearestPoint, type TDenseChartModel } from "@/lib/series/prepare-dense-chart";

import { AXIS_PROPS, formatNumber, formatSeconds, formatStep, GRID_PROPS, TOOLTIP_CLASS } from "./chart-theme";

const X_FORMAT = { step: formatStep, epoch: formatNumber, time: formatSeconds } as const;

type TProps = { model: TDenseChartModel; height: number; syncId?: string; onZoom?: (x1: number, x2: number) => void };

type TMouse = { activeLabel?: string | number } | null | undefined;

/**
 * Draws a prepared dense-curve model: per run a min–max band, the raw line of bucket-last values,
 * and the labelled EMA overlay when asked for. Dragging across the plot selects a range to zoom to.
 */
export function DenseLineChart({ model, height, syncId, onZoom }: TProps) {
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const labelOf = (s: TMouse) => (s?.activeLabel === undefined ? null : Number(s.activeLabel));
  return (
    <div style={{ height }} className="select-none">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          syncId={syncId}
          syncMethod="value"
          margin={{ top: 6, right: 12, bottom: 2, left: 0 }}
          onMouseDown={(s: TMouse) => {
            const x = labelOf(s);
            if (x !== null && onZoom) setDrag({ a: x, b: x });
          }}
          onMouseMove={(s: TMouse) => {
            const x = labelOf(s);
            if (drag && x !== null) setDrag({ ...drag, b: x });
          }}
          onMouseUp={() => {
            if (drag && onZoom && drag.a !== drag.b) onZoom(drag.a, drag.b);
            setDrag(null);
          }}
          onMouseLeave={() => setDrag(null)}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...AXIS_PROPS} type="number" dataKey="x" domain={model.xDomain} allowDataOverflow tickFormatter={X_FORMAT[model.xAxis]} />
          <YAxis
            {...AXIS_PROPS}
            type="number"
            scale={model.yScale}
            domain={["auto", "auto"]}
            width={56}
            tickFormatter={formatNumber}
            allowDataOverflow={model.yScale === "log"}
          />
          <Tooltip content={(props) => <DenseTooltip model={model} active={props.active} label={props.label} />} isAnimationActive={false} />
          {model.series.map((s) => (
            <Area
              key={`${s.runId}-band`}
              name={`${s.runName} min–max`}
              data={s.points}
              dataKey="band"
              type="linear"
              stroke={s.color}
              strokeOpacity={0.45}
              strokeWidth={1}
              fill={s.color}
              fillOpacity={0.2}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={false}
            />
          ))}
          {model.series.map((s) => (
            <Line
              key={`${s.runId}-last`}
              name={s.runName}
              data={s.points}
              dataKey="last"
              type="linear"
              stroke={s.color}
              strokeWidth={1.25}
              dot={false}
              activeDot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          {model.ema
            ? model.series.map((s) => (
                <Line
                  key={`${s.runId}-ema`}
                  name={`${s.runName} EMA`}
                  data={s.points}
                  dataKey="ema"
                  type="linear"
                  stroke={s.color}
                  strokeWidth={2.25}
                  strokeDasharray="6 3"
                  dot={false}
                  activeDot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))
            : null}
          {drag ? <ReferenceArea x1={drag.a} x2={drag.b} fill="var(--accent)" fillOpacity={0.12} stroke="var(--accent)" /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function DenseTooltip({ model, active, label }: { model: TDenseChartModel; active?: boolean; label?: string | number }) {
  if (!active || label === undefined) return null;
  const x = Number(label);
  return (
    <div className={TOOLTIP_CLASS}>
      <p className="mb-1 font-medium">{model.xAxis === "time" ? `${formatSeconds(x)} after the first point` : `${model.xLabel} ${formatNumber(x)}`}</p>
      {model.series.map((s) => {
        const p = nearestPoint(s.points, x);
        if (!p) return null;
        return (
          <div key={s.runId} className="mb-1">
            <p className="flex items-center gap-1.5 font-medium">
              <span className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
              {s.runName}
            </p>
            <p className="tabular-nums">
              last {p.last === null ? "gap" : formatNumber(p.last)} at step {p.step}
              {p.band ? ` · min ${formatNumber(p.band[0])} · max ${formatNumber(p.band[1])}` : ""}
              {p.ema !== null ? ` · EMA ${formatNumber(p.ema)}` : ""}
            </p>
            <p className="text-[var(--muted)] tabular-nums">
              {p.n} points in steps {p.bucketFrom}–{p.bucketTo}
              {p.nonFinite ? ` · ${p.nonFinite} NaN/∞` : ""}
            </p>
          </div>
        );
      })}
    </div>
  );
}
