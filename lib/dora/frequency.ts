import type { Queryable } from "@/db/database";
import { deliveredFacts, type DeliveredFacts } from "@/db/queries/metric-facts";
import { listServicesInScope } from "@/db/queries/services";
import { DAY_MS } from "@/lib/time";
import { weekOfDay } from "./groups";
import { OTHER_SERVICES } from "./other-services";
import { weeksOverlapping } from "./metrics";
import type { MetricsQuery } from "./query";

export type HeatmapCell = { day: string; deployments: number; failed: number; inWindow: boolean };
/** Weeks (Monday first) of seven days each; days outside the window are placeholders. */
export type Heatmap = { weeks: { weekStart: string; days: HeatmapCell[] }[]; max: number };

export type StackedWeek = { weekStart: string; failed: number; counts: Record<string, number> };
export type Stacked = { services: string[]; weeks: StackedWeek[] };

/** At most this many services get their own colour; the rest stack as "other". */
export const STACK_LIMIT = 7;

/**
 * The deployments page's heatmap (per UTC day) and weekly stack (per service), from the same facts as the
 * figures: whole days from the daily rollup, so a year at a million deployments reads a row per service
 * and day rather than every deployment.
 */
export async function deploymentCalendar(q: Queryable, query: MetricsQuery): Promise<{ heatmap: Heatmap; stacked: Stacked }> {
  const scope = { from: query.from, to: query.to, environment: query.environment, service: query.service, team: query.team, services: query.services };
  const slugs = new Map((await listServicesInScope(q, scope)).map((s) => [s.id, s.slug]));
  return calendarOf(await deliveredFacts(q, scope), slugs, query);
}

type Tally = { deployments: number; failed: number };

/** The calendar from D's facts; `slugs` names each service id the facts hold. */
export function calendarOf(facts: DeliveredFacts, slugs: Map<number, string>, query: MetricsQuery): { heatmap: Heatmap; stacked: Stacked } {
  const daily = new Map<number, Tally>();
  const weekly = new Map<string, Tally & { week: number; service: string }>();
  const tally = (service: number, day: number, deployments: number, failed: number) => {
    const d = daily.get(day) ?? daily.set(day, { deployments: 0, failed: 0 }).get(day)!;
    d.deployments += deployments;
    d.failed += failed;
    const week = weekOfDay(day);
    const slug = slugs.get(service)!;
    const key = `${week} ${slug}`;
    const w = weekly.get(key) ?? weekly.set(key, { week, service: slug, deployments: 0, failed: 0 }).get(key)!;
    w.deployments += deployments;
    w.failed += failed;
  };
  for (let i = 0; i < facts.days.service.length; i++) tally(facts.days.service[i]!, facts.days.day[i]!, facts.days.deployments[i]!, 0);
  for (let i = 0; i < facts.failed.service.length; i++) tally(facts.failed.service[i]!, facts.failed.day[i]!, 0, 1);

  const firstDay = Math.floor(query.from.getTime() / DAY_MS) * DAY_MS;
  const heatmap: Heatmap = {
    max: Math.max(0, ...[...daily.values()].map((r) => r.deployments)),
    weeks: weeksOverlapping(new Date(firstDay), query.to).map((w) => ({
      weekStart: new Date(w).toISOString(),
      days: Array.from({ length: 7 }, (_, i) => {
        const day = w + i * DAY_MS;
        const row = daily.get(day / DAY_MS);
        return {
          day: new Date(day).toISOString().slice(0, 10),
          deployments: row?.deployments ?? 0,
          failed: row?.failed ?? 0,
          inWindow: day + DAY_MS > query.from.getTime() && day < query.to.getTime(),
        };
      }),
    })),
  };

  const totals = new Map<string, number>();
  for (const r of weekly.values()) totals.set(r.service, (totals.get(r.service) ?? 0) + r.deployments);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  const own = new Set(ranked.slice(0, STACK_LIMIT));
  const services = [...ranked.slice(0, STACK_LIMIT), ...(ranked.length > STACK_LIMIT ? [OTHER_SERVICES] : [])];
  const byWeek = new Map(weeksOverlapping(query.from, query.to).map((w) => [w, { weekStart: new Date(w).toISOString(), failed: 0, counts: Object.fromEntries(services.map((s) => [s, 0])) }]));
  for (const r of weekly.values()) {
    const week = byWeek.get(r.week);
    if (!week) continue;
    const key = own.has(r.service) ? r.service : OTHER_SERVICES;
    week.counts[key] = (week.counts[key] ?? 0) + r.deployments;
    week.failed += r.failed;
  }
  return { heatmap, stacked: { services, weeks: [...byWeek.values()] } };
}
