import type { Database, Queryable } from "@/db/database";
import { deliveredFacts, incidentFacts, leadFacts } from "@/db/queries/metric-facts";
import type { DeploymentAggregateRow, PercentileRow } from "@/db/queries/metrics";
import { listServicesInScope } from "@/db/queries/services";
import { VersionedCache } from "@/lib/cache/versioned";
import { DAY_MS } from "@/lib/time";
import { deploymentGroups, leadTimeGroups, mondayOf, percentiles, recoveryGroups } from "./groups";
import { changeFailureRateLevel, deploymentFrequencyLevel, leadTimeLevel, recoveryTimeLevel, type Level } from "./levels";
import type { MetricsQuery } from "./query";

export type WeekFigures = {
  weekStart: string;
  deployments: number;
  leadTimeMedianSeconds: number | null;
  changeFailureRate: number | null;
  recoveryMedianSeconds: number | null;
};

/** The response of GET /api/v1/metrics, exactly as CONTRACT.md defines it. */
export type Metrics = {
  window: { from: string; to: string; days: number };
  deploymentFrequency: { deployments: number; perDay: number; perWeek: number; deployDays: number; level: Level };
  leadTime: { medianSeconds: number | null; p90Seconds: number | null; changes: number; level: Level | null };
  changeFailureRate: { rate: number | null; failed: number; deployments: number; level: Level | null };
  recoveryTime: { medianSeconds: number | null; recovered: number; unrecovered: number; level: Level | null };
  reworkRate: { rate: number | null; unplanned: number; deployments: number };
  timeToRestore: { medianSeconds: number | null; incidents: number; mttaMedianSeconds: number | null };
  series: WeekFigures[];
};

/** The four keys of one service, for the per-service table. */
export type ServiceFigures = {
  slug: string;
  name: string;
  team: string | null;
  deploymentFrequency: Metrics["deploymentFrequency"];
  leadTime: Metrics["leadTime"];
  changeFailureRate: Metrics["changeFailureRate"];
  recoveryTime: Metrics["recoveryTime"];
};

/** Mondays 00:00 UTC of every ISO week that overlaps [from, to). */
export function weeksOverlapping(from: Date, to: Date): number[] {
  const weeks: number[] = [];
  for (let w = mondayOf(from.getTime()); w < to.getTime(); w += 7 * DAY_MS) weeks.push(w);
  return weeks;
}

const EMPTY_COUNTS = { deployments: 0, deployDays: 0, failed: 0, recovered: 0, rework: 0 };

function byGroup<T extends { g: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.g, r]));
}

function figures(days: number, counts: Omit<DeploymentAggregateRow, "g">, lead?: PercentileRow, recovery?: PercentileRow) {
  const n = counts.deployments;
  const leadMedian = lead?.p50 ?? null;
  const recoveryMedian = recovery?.p50 ?? null;
  const rate = n === 0 ? null : counts.failed / n;
  return {
    deploymentFrequency: {
      deployments: n,
      perDay: n / days,
      perWeek: (n * 7) / days,
      deployDays: counts.deployDays,
      level: deploymentFrequencyLevel(n, days),
    },
    leadTime: { medianSeconds: leadMedian, p90Seconds: lead?.p90 ?? null, changes: lead?.n ?? 0, level: leadTimeLevel(leadMedian) },
    changeFailureRate: { rate, failed: counts.failed, deployments: n, level: changeFailureRateLevel(rate) },
    recoveryTime: {
      medianSeconds: recoveryMedian,
      recovered: counts.recovered,
      unrecovered: counts.failed - counts.recovered,
      level: recoveryTimeLevel(recoveryMedian),
    },
  };
}

export type MetricsReport = { metrics: Metrics; services: ServiceFigures[] };

/** Every DORA figure for a window and filters, plus the same four keys per service, straight from SQL. */
export async function aggregateMetricsReport(q: Queryable, query: MetricsQuery): Promise<MetricsReport> {
  const scope = { from: query.from, to: query.to, environment: query.environment, service: query.service, team: query.team, services: query.services };
  const days = (query.to.getTime() - query.from.getTime()) / DAY_MS;
  const delivered = await deliveredFacts(q, scope);
  const counts = byGroup(deploymentGroups(delivered));
  const recoveries = byGroup(recoveryGroups(delivered));
  const leads = byGroup(leadTimeGroups(await leadFacts(q, scope)));
  const incidents = await incidentFacts(q, scope);
  const summary = (ms: number[]) => (ms.length ? percentiles(Float64Array.from(ms, (v) => v / 1000)) : undefined);
  const restores = summary(incidents.restoreMs);
  const acks = summary(incidents.acknowledgeMs);

  const all = counts.get("all") ?? { g: "all", ...EMPTY_COUNTS };
  const metrics: Metrics = {
    window: { from: query.from.toISOString(), to: query.to.toISOString(), days },
    ...figures(days, all, leads.get("all"), recoveries.get("all")),
    reworkRate: { rate: all.deployments === 0 ? null : all.rework / all.deployments, unplanned: all.rework, deployments: all.deployments },
    timeToRestore: {
      medianSeconds: restores?.p50 ?? null,
      incidents: restores?.n ?? 0,
      mttaMedianSeconds: acks?.p50 ?? null,
    },
    series: weeksOverlapping(query.from, query.to).map((week) => {
      const key = `w:${week}`;
      const c = counts.get(key) ?? { g: key, ...EMPTY_COUNTS };
      return {
        weekStart: new Date(week).toISOString(),
        deployments: c.deployments,
        leadTimeMedianSeconds: leads.get(key)?.p50 ?? null,
        changeFailureRate: c.deployments === 0 ? null : c.failed / c.deployments,
        recoveryMedianSeconds: recoveries.get(key)?.p50 ?? null,
      };
    }),
  };

  const services = (await listServicesInScope(q, scope)).map((s) => {
    const key = `s:${s.id}`;
    return { slug: s.slug, name: s.name, team: s.team, ...figures(days, counts.get(key) ?? { g: key, ...EMPTY_COUNTS }, leads.get(key), recoveries.get(key)) };
  });
  return { metrics, services };
}

const caches = new WeakMap<Database, VersionedCache<Promise<MetricsReport>>>();

/**
 * The report for a window, computed once per data version: the dashboard, the wall and the API ask for
 * the same windows again and again between writes, and any committed write (from any connection)
 * recomputes it, so a cached figure is never older than the last event. The promise is what is kept,
 * so requests arriving while it is computed share that one computation.
 */
export async function computeMetricsReport(db: Database, query: MetricsQuery): Promise<MetricsReport> {
  if (db.inTransaction()) return aggregateMetricsReport(db.read, query);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new VersionedCache(64)));
  const key = JSON.stringify(query);
  // Taken before the reads: a write committed while they run leaves the entry under the older version, so it is recomputed, never served as newer than it is.
  const version = db.changes.version();
  // A failed read is dropped from the cache (VersionedCache), never served until the next write.
  return cache.get(key, version, () => aggregateMetricsReport(db.read, query));
}

export async function computeMetrics(db: Database, query: MetricsQuery): Promise<Metrics> {
  return (await computeMetricsReport(db, query)).metrics;
}
