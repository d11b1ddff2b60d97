"use client";

import { useTranslations } from "next-intl";
import type { Heatmap } from "@/lib/dora/frequency";
import { formatCalendarDay } from "@/lib/format";
import { useDateContext } from "@/components/ui/date-context";
import { TableScroll } from "@/components/ui/table-scroll";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Intensity steps: the darkest is the busiest day of the view. */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return "var(--surface-2)";
  const step = Math.ceil((count / max) * 4);
  return `color-mix(in srgb, var(--accent) ${[0, 30, 50, 75, 100][step]}%, var(--surface))`;
}

/**
 * A contributions-style calendar, built as a table so every day is readable by a screen reader.
 * Days with a failed change carry a ring and say so in words.
 */
export function DeployHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const ctx = useDateContext();
  const t = useTranslations("Deployments.heatmap");
  return (
    <figure className="rounded-lg border border-border bg-surface p-4">
      <figcaption className="mb-2 text-sm font-medium">{t("caption")}</figcaption>
      <TableScroll label={t("label")}>
        <table className="border-separate border-spacing-1 text-xs">
          <caption className="sr-only">{t("srCaption")}</caption>
          <tbody>
            {WEEKDAYS.map((weekday, d) => (
              <tr key={weekday}>
                <th scope="row" className="pr-1 text-left font-normal text-muted">
                  {t(`weekdays.${weekday}`)}
                </th>
                {heatmap.weeks.map((w) => {
                  const cell = w.days[d]!;
                  const text = t("day", { day: formatCalendarDay(cell.day, ctx, "day"), count: cell.deployments, failed: cell.failed });
                  return cell.inWindow ? (
                    <td
                      key={cell.day}
                      title={text}
                      className={`h-4 w-4 min-w-4 rounded-sm ${cell.failed ? "outline outline-2 -outline-offset-2 outline-danger" : ""}`}
                      style={{ background: shade(cell.deployments, heatmap.max) }}
                    >
                      <span className="sr-only">{text}</span>
                    </td>
                  ) : (
                    <td key={cell.day} className="h-4 w-4 min-w-4" />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="mt-2 text-xs text-muted">
        {t("legend", { max: heatmap.max })}
      </p>
    </figure>
  );
}
