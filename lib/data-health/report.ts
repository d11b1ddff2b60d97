import type { Database } from "@/db/database";
import {
  dataHealthCounts,
  failedDeliveries,
  longLeadTimes,
  teamlessServices,
  uncommittedDeployments,
  undecidedIncidents,
  type DataHealthCounts,
  type FailedDeliveriesRow,
  type LongLeadRow,
  type TeamlessServiceRow,
  type UncommittedDeploymentRow,
  type UndecidedIncidentRow,
} from "@/db/queries/data-health";
import { VersionedCache } from "@/lib/cache/versioned";
import { MINUTE_MS } from "@/lib/time";
import { DATA_HEALTH_CATEGORIES, DATA_HEALTH_EXAMPLES, dataHealthScope, type DataHealthFilter } from "./rules";

export type { DataHealthCounts };

export type DataHealthReport = {
  /** Epoch ms: the window the incidents, deployments and lead times were looked at in. */
  window: { from: number; to: number };
  counts: DataHealthCounts;
  incidents: UndecidedIncidentRow[];
  deployments: UncommittedDeploymentRow[];
  services: TeamlessServiceRow[];
  leadTimes: LongLeadRow[];
  webhooks: FailedDeliveriesRow[];
};

/** How many things weaken the figures, all categories together. */
export function weakeningTotal(counts: DataHealthCounts): number {
  return DATA_HEALTH_CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
}

/** The windows move by whole minutes, so a cached count and a page read in the same minute agree. */
const toMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

const caches = new WeakMap<Database, VersionedCache<Promise<DataHealthCounts>>>();

/**
 * The counts for the overview's notice, computed once per data version and minute: the overview is the
 * most visited page and the count of deployments without commits reads a whole window of them, so it is
 * read again only after a write (like the figures, lib/dora/metrics.ts) or when the windows have moved on.
 */
export async function cachedDataHealthCounts(db: Database, filter: DataHealthFilter = {}, now: number = Date.now()): Promise<DataHealthCounts> {
  const minute = toMinute(now);
  const scope = dataHealthScope(minute, filter);
  if (db.inTransaction()) return dataHealthCounts(db.read, scope);
  let cache = caches.get(db);
  // Every team's overview and each service's: as many as people look at within one data version.
  if (!cache) caches.set(db, (cache = new VersionedCache(64)));
  // Taken before the read, as computeMetricsReport does: a write committed meanwhile is never hidden.
  const version = db.changes.version();
  return cache.get(JSON.stringify([minute, filter.team ?? null, filter.service ?? null]), version, () => dataHealthCounts(db.read, scope));
}

/** Everything the Data health page shows: each category's count and its first few examples, for all services or `filter`'s. */
export async function loadDataHealth(db: Database, filter: DataHealthFilter = {}, now: number = Date.now()): Promise<DataHealthReport> {
  const scope = dataHealthScope(toMinute(now), filter);
  const q = db.read;
  return {
    window: { from: scope.since, to: toMinute(now) },
    counts: await cachedDataHealthCounts(db, filter, now),
    incidents: await undecidedIncidents(q, scope, DATA_HEALTH_EXAMPLES),
    deployments: await uncommittedDeployments(q, scope, DATA_HEALTH_EXAMPLES),
    services: await teamlessServices(q, scope, DATA_HEALTH_EXAMPLES),
    leadTimes: await longLeadTimes(q, scope, DATA_HEALTH_EXAMPLES),
    webhooks: await failedDeliveries(q, scope, DATA_HEALTH_EXAMPLES),
  };
}
