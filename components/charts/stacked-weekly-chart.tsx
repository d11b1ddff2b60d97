"use client";

import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCalendarDay } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { axis, partialBar, seriesColour, tooltipStyle, useWeekLabels } from "./chart-style";
import { usePageDateContext } from "./page-date-context";

/** One week; `days` < 7 marks a week the window clips. */
export type StackedPoint = { weekStart: string; failed: number; days: number; counts: Record<string, number> };

/** Deployments per week stacked by service, with the week's failed changes as a marked line. */
export function StackedWeeklyChart({ title, services, points: weeks, height = 280 }: { title: string; services: string[]; points: StackedPoint[]; height?: number }) {
  const ctx = usePageDateContext();
  const t = useTranslations("Charts");
  const weekLabels = useWeekLabels();
  const points = weeks.map((w) => ({ ...w, label: formatCalendarDay(w.weekStart, ctx, "week") }));
  const data = points.map((p) => ({ label: p.label, failed: p.failed, days: p.days, ...p.counts }));
  return (
    <ChartFrame
      title={title}
      height={height}
      clickable={false}
      plot={
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} width={40} allowDecimals={false} />
            <Tooltip {...tooltipStyle} labelFormatter={(label, payload) => weekLabels.tooltip(label, payload)} cursor={{ fill: "var(--surface-2)" }} />
            <Legend wrapperStyle={{ color: "var(--fg)", fontSize: 12 }} formatter={(name) => (name === t("failedChanges") ? name : <span translate="no">{name}</span>)} />
            {services.map((s, i) => (
              <Bar key={s} dataKey={s} stackId="deployments" fill={seriesColour(i)} isAnimationActive={false}>
                {points.map((p) => (
                  <Cell key={p.label} {...partialBar(p.days, seriesColour(i))} />
                ))}
              </Bar>
            ))}
            <Line dataKey="failed" name={t("failedChanges")} stroke="var(--danger)" strokeWidth={2} dot={{ r: 4, fill: "var(--danger)" }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      }
      table={{
        columns: [
          { key: "week", label: t("week") },
          ...services.map((s) => ({ key: `service-${s}`, label: <span translate="no">{s}</span> })),
          { key: "failed", label: t("failedChanges") },
        ],
        rows: points.map((p) => ({ key: p.label, cells: [weekLabels.cell(p.label, p.days), ...services.map((s) => p.counts[s] ?? 0), p.failed] })),
      }}
    />
  );
}
