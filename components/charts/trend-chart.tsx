"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCalendarDay } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { axis, PartialDot, partialBar, tooltipStyle, useWeekLabels } from "./chart-style";
import { usePageDateContext } from "./page-date-context";
import { formatValue, type ValueFormat } from "./value-format";

/** One week; `days` < 7 marks a week the window clips (drawn hollow, and said in the tooltip and table). */
export type TrendPoint = { weekStart: string; value: number | null; days: number; href?: string };

/** A one-series weekly trend in human units; clicking a point opens its rows. */
export function TrendChart({ title, points: weeks, kind, format, height = 220 }: { title: string; points: TrendPoint[]; kind: "bar" | "line"; format: ValueFormat; height?: number }) {
  const ctx = usePageDateContext();
  const locale = useLocale();
  const t = useTranslations("Charts");
  const weekLabels = useWeekLabels();
  const show = (v: number | null) => formatValue(format, v, locale) ?? t("noData");
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
      <YAxis {...axis} width={56} tickFormatter={(v: number) => show(v)} />
      <Tooltip
        formatter={(v) => [show(typeof v === "number" ? v : null), title]}
        labelFormatter={(label, payload) => weekLabels.tooltip(label, payload)}
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
        columns: [
          { key: "week", label: t("week") },
          { key: "value", label: title },
        ],
        rows: points.map((p) => ({
          key: p.label,
          cells: [weekLabels.cell(p.label, p.days), p.href ? <a className="text-accent underline" href={p.href}>{show(p.value)}</a> : show(p.value)],
        })),
      }}
    />
  );
}
