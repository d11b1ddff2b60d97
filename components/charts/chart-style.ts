import { createElement, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { isPartialWeek, WEEK_DAYS } from "@/lib/dora/weeks";

/** Recharts styling from the theme's CSS variables, shared by every chart. */
export const axis = { stroke: "var(--muted)", fontSize: 12, tickLine: false };
export const tooltipStyle = {
  contentStyle: { background: "var(--bg)", border: "1px solid var(--border)", color: "var(--fg)" },
  labelStyle: { color: "var(--fg)" },
};
export const seriesColour = (i: number) => `var(--chart-${(i % 8) + 1})`;

/**
 * A clipped week's bar is hatched-looking (pale fill, dashed outline) so a short week does not read as
 * a collapse; the tooltip and the figures table say it in words too, so colour is not the only signal.
 */
export function partialBar(days: number, colour: string) {
  return days < WEEK_DAYS ? { fill: colour, fillOpacity: 0.3, stroke: colour, strokeDasharray: "4 2", strokeWidth: 1.5 } : { fill: colour };
}

/** A line's point: filled for a whole week, hollow for a clipped one. */
export function PartialDot(props: { cx?: number; cy?: number; index?: number; payload?: { days?: number } }) {
  const { cx, cy, payload, index } = props;
  if (cx === undefined || cy === undefined) return createElement("g", { key: index });
  const partial = (payload?.days ?? WEEK_DAYS) < WEEK_DAYS;
  return createElement("circle", { key: index, cx, cy, r: partial ? 4 : 3, fill: partial ? "var(--bg)" : "var(--accent)", stroke: "var(--accent)", strokeWidth: 2, strokeDasharray: partial ? "2 2" : undefined });
}

/**
 * A week's label with, for a clipped week, how much of it the period holds: `cell` for the figures
 * table, `tooltip` for a tooltip's title (Recharts hands it the hovered points).
 */
export function useWeekLabels() {
  const t = useTranslations("Charts");
  const note = (days: number) => (isPartialWeek(days) ? t("partialWeek", { days, total: WEEK_DAYS }) : null);
  return {
    cell(week: string, days: number): string {
      const n = note(days);
      return n ? t("weekWithNote", { week, note: n }) : week;
    },
    tooltip(label: ReactNode, payload: ReadonlyArray<{ payload?: { days?: number } }>): ReactNode {
      const n = note(payload[0]?.payload?.days ?? WEEK_DAYS);
      return n ? t("tooltipLabel", { week: String(label), note: n }) : label;
    },
  };
}
