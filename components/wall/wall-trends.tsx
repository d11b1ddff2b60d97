"use client";

import { useTranslations } from "next-intl";
import { formatCalendarDay } from "@/lib/format";
import { usePageDateContext } from "@/components/charts/page-date-context";
import { sparklinePath, type Heatmap } from "@/lib/wall/trends";

const SPARK_W = 240;
const SPARK_H = 48;

/** A key's recent weeks as a line; its words say how many weeks, so the picture is never the only account. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const t = useTranslations("Wall");
  const path = sparklinePath(values, SPARK_W, SPARK_H);
  const last = values.length - 1;
  const lastValue = values[last];
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  return (
    <svg
      role="img"
      aria-label={t("sparkline", { label, weeks: values.length })}
      viewBox={`-4 -4 ${SPARK_W + 8} ${SPARK_H + 8}`}
      preserveAspectRatio="none"
      className="mt-3 h-[3rem] w-full overflow-visible text-accent"
      data-testid="wall-sparkline"
    >
      {path ? <path d={path} fill="none" stroke="currentColor" strokeWidth={3} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" /> : null}
      {lastValue !== null && lastValue !== undefined && last >= 0 ? (
        <circle cx={last > 0 ? SPARK_W : 0} cy={max === 0 ? SPARK_H : SPARK_H - (lastValue / max) * SPARK_H} r={5} fill="currentColor" vectorEffect="non-scaling-stroke" />
      ) : null}
    </svg>
  );
}

/** Deployments by day and block of hours: the count is written in each cell, the shade only repeats it. */
export function DeployHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const t = useTranslations("Wall");
  const dateContext = usePageDateContext();
  const blocks = heatmap.days[0]?.cells.length ?? 0;
  const hours = Array.from({ length: blocks }, (_, i) => String(i * heatmap.hoursPerCell).padStart(2, "0"));
  return (
    <table className="mt-2 w-full table-fixed border-separate border-spacing-1 text-lg tabular-nums" data-testid="wall-heatmap">
      <caption className="sr-only">{t("heatmapCaption", { hours: heatmap.hoursPerCell })}</caption>
      <thead>
        <tr>
          <th scope="col" className="w-[5.5em] text-left font-normal text-muted">
            <span className="sr-only">{t("day")}</span>
            <span aria-hidden="true">{t("utc")}</span>
          </th>
          {hours.map((h) => (
            <th key={h} scope="col" className="text-center font-normal text-muted">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {heatmap.days.map((d) => (
          <tr key={d.day}>
            <th scope="row" className="whitespace-nowrap text-left font-normal">
              {formatCalendarDay(d.day, dateContext, "day").replace(/,/g, "")}
            </th>
            {d.cells.map((count, i) => (
              <td
                key={i}
                className={`rounded text-center ${count === 0 ? "bg-surface-2 text-muted" : count / Math.max(1, heatmap.max) > 0.5 ? "bg-accent font-semibold text-accent-fg" : "bg-accent-soft font-semibold text-fg"}`}
              >
                {count || <span className="sr-only">{count}</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
