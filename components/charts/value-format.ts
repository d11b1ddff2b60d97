import { formatDuration, formatPercent } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

/** Charts get a format by name: functions cannot cross from server to client components. */
export type ValueFormat = "count" | "duration" | "percent";

/** A figure in the page's language; null when there is none (the chart says so in words). */
export function formatValue(format: ValueFormat, value: number | null, locale: Locale): string | null {
  if (value === null) return null;
  if (format === "duration") return formatDuration(value, locale);
  if (format === "percent") return formatPercent(value, locale);
  return String(Math.round(value * 10) / 10);
}
