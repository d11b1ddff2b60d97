"use client";

import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { partialWeekNote } from "@/lib/dora/weeks";
import { formatCalendarDay } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";
import { ChartFrame } from "./chart-frame";
import { formatValue, type ValueFormat } from "./value-format";

import { axis, PartialDot, partialBar, tooltipStyle, weekLabelWithNote } from "./chart-style";

/** One week; `days` < 7 marks a week the window clips (drawn hollow, and said in the tooltip and table). */
export type TrendPoint = { weekStart: string; value: number | null; days: number; href?: string };

/** A one-series weekly trend in human units; clicking a point opens its rows. */
export function TrendChart({ title, points: weeks, kind, format, height = 220 }: { title: string; points: TrendPoint[]; kind: "bar" | "line"; format: ValueFormat; height?: number }) {
  const ctx = useDateContext();
  const points = weeks.map((w) => ({ ...w, label: formatCalendarDay(w.weekStart, ctx, "week") }));
  const open = (index: number | undefined) => {
    const href = index === undefined ? undefined : points[index]?.href;
    if (href) window.location.assign(href);
  };
  const common = {
    data: points,
    margin: { top: 8, right: 8, bottom: 0, left: 0 },
    // The figures are reachable as a table below; the SVG itself stays out of the tab order.
    accessibilityLayer: false,
    onClick: (state: { activeTooltipIndex?: number | string | null }) => open(state.activeTooltipIndex == null ? undefined : Number(state.activeTooltipIndex)),
  };
  const children = (
    <>
      <CartesianGrid stroke="var(--border)" vertical={false} />
      <XAxis dataKey="label" {...axis} />
      <YAxis {...axis} width={56} tickFormatter={(v: number) => formatValue(format, v)} />
      <Tooltip
        formatter={(v) => [formatValue(format, typeof v === "number" ? v : null), title]}
        labelFormatter={(label, payload) => weekLabelWithNote(label, payload)}
        {...tooltipStyle}
        cursor={{ fill: "var(--surface-2)" }}
      />
    </>
  );
  return (
    <ChartFrame
      title={title}
      height={height}
      clickable={points.some((p) => p.href)}
      plot={
        <ResponsiveContainer width="100%" height="100%">
          {kind === "bar" ? (
            <BarChart {...common}>
              {children}
              <Bar dataKey="value" fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false}>
                {points.map((p) => (
                  <Cell key={p.label} {...partialBar(p.days, "var(--accent)")} />
                ))}
              </Bar>
            </BarChart>
          ) : (
            <LineChart {...common}>
              {children}
              <Line dataKey="value" stroke="var(--accent)" strokeWidth={2} dot={PartialDot} connectNulls isAnimationActive={false} />
            </LineChart>
          )}
        </ResponsiveContainer>
      }
      table={{
        columns: ["Week", title],
        rows: points.map((p) => ({
          key: p.label,
          cells: [[p.label, partialWeekNote(p.days)].filter(Boolean).join(", "), p.href ? <a className="text-accent underline" href={p.href}>{formatValue(format, p.value)}</a> : formatValue(format, p.value)],
        })),
      }}
    />
  );
}
