import { toCsv } from "@/lib/csv";
import type { Metrics } from "./metrics";
import type { DrilldownTable } from "./drilldown";

const iso = (ms: unknown) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** Raw values for machines: ISO times, durations in seconds, flags as true/false. */
export function drilldownCsv(table: DrilldownTable): string {
  return toCsv(
    table.columns.map((c) => (c.format === "duration" ? `${c.key} (seconds)` : c.key)),
    table.rows.map((row) =>
      table.columns.map((c) => {
        const v = row[c.key] ?? null;
        if (c.format === "time") return iso(v);
        if (c.format === "yes") return v ? "true" : "false";
        return v;
      }),
    ),
  );
}

export function seriesCsv(metrics: Metrics): string {
  return toCsv(
    ["weekStart", "deployments", "leadTimeMedianSeconds", "changeFailureRate", "recoveryMedianSeconds"],
    metrics.series.map((w) => [w.weekStart, w.deployments, w.leadTimeMedianSeconds, w.changeFailureRate, w.recoveryMedianSeconds]),
  );
}
