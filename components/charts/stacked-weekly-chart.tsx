"use client";

import { useTranslations } from "next-intl";
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { OTHER_SERVICES } from "@/lib/dora/other-services";
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
  // Service names are data; the lumped rest and the failed line are the page's words.
  const words = new Set([t("failedChanges"), t("otherServices")]);
  const seriesName = (s: string) => (s === OTHER_SERVICES ? t("otherServices") : s);
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
            {/* Our own legend: Recharts' names each swatch "<series> legend icon", in English, to screen readers. */}
            <Legend
              content={({ payload }) => (
                <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
                  {payload?.map((entry) => (
                    <li key={String(entry.value)} className="flex items-center gap-1.5">
                      <span aria-hidden="true" className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: entry.color }} />
                      {words.has(String(entry.value)) ? entry.value : <span translate="no">{entry.value}</span>}
                    </li>
                  ))}
                </ul>
              )}
            />
            {services.map((s, i) => (
              <Bar key={s} dataKey={s} name={seriesName(s)} stackId="deployments" fill={seriesColour(i)} isAnimationActive={false}>
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
          ...services.map((s) => ({ key: `service-${s}`, label: s === OTHER_SERVICES ? seriesName(s) : <span translate="no">{s}</span> })),
          { key: "failed", label: t("failedChanges") },
        ],
        rows: points.map((p) => ({ key: p.label, cells: [weekLabels.cell(p.label, p.days), ...services.map((s) => p.counts[s] ?? 0), p.failed] })),
      }}
    />
  );
}
