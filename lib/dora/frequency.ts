import type { DbOrTx } from "@/db/client";
import { dailyDeployments, weeklyDeploymentsByService } from "@/db/queries/metrics";
import { DAY_MS } from "@/lib/time";
import { weeksOverlapping } from "./metrics";
import type { MetricsQuery } from "./query";

export type HeatmapCell = { day: string; deployments: number; failed: number; inWindow: boolean };
/** Weeks (Monday first) of seven days each; days outside the window are placeholders. */
export type Heatmap = { weeks: { weekStart: string; days: HeatmapCell[] }[]; max: number };

export type StackedWeek = { weekStart: string; failed: number; counts: Record<string, number> };
export type Stacked = { services: string[]; weeks: StackedWeek[] };

/** At most this many services get their own colour; the rest stack as "other". */
export const STACK_LIMIT = 7;

export function deploymentCalendar(db: DbOrTx, query: MetricsQuery): { heatmap: Heatmap; stacked: Stacked } {
  const scope = { from: query.from, to: query.to, environment: query.environment, service: query.service, team: query.team, services: query.services };
  const daily = new Map(dailyDeployments(db, scope).map((r) => [r.day, r]));
  const firstDay = Math.floor(query.from.getTime() / DAY_MS) * DAY_MS;
  const weeks = weeksOverlapping(new Date(firstDay), query.to);
  const heatmap: Heatmap = {
    max: Math.max(0, ...[...daily.values()].map((r) => r.deployments)),
    weeks: weeks.map((w) => ({
      weekStart: new Date(w).toISOString(),
      days: Array.from({ length: 7 }, (_, i) => {
        const day = w + i * DAY_MS;
        const row = daily.get(day);
        return {
          day: new Date(day).toISOString().slice(0, 10),
          deployments: row?.deployments ?? 0,
          failed: row?.failed ?? 0,
          inWindow: day + DAY_MS > query.from.getTime() && day < query.to.getTime(),
        };
      }),
    })),
  };

  const rows = weeklyDeploymentsByService(db, scope);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.service, (totals.get(r.service) ?? 0) + r.deployments);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  const own = new Set(ranked.slice(0, STACK_LIMIT));
  const services = [...ranked.slice(0, STACK_LIMIT), ...(ranked.length > STACK_LIMIT ? ["other"] : [])];
  const byWeek = new Map(weeksOverlapping(query.from, query.to).map((w) => [w, { weekStart: new Date(w).toISOString(), failed: 0, counts: Object.fromEntries(services.map((s) => [s, 0])) }]));
  for (const r of rows) {
    const week = byWeek.get(r.week);
    if (!week) continue;
    const key = own.has(r.service) ? r.service : "other";
    week.counts[key] = (week.counts[key] ?? 0) + r.deployments;
    week.failed += r.failed;
  }
  return { heatmap, stacked: { services, weeks: [...byWeek.values()] } };
}
