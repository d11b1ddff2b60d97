import { formatDuration, formatPercent } from "@/lib/format";

/** Charts get a format by name: functions cannot cross from server to client components. */
export type ValueFormat = "count" | "duration" | "percent";

export function formatValue(format: ValueFormat, value: number | null): string {
  if (value === null) return "no data";
  if (format === "duration") return formatDuration(value);
  if (format === "percent") return formatPercent(value);
  return String(Math.round(value * 10) / 10);
}
