import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { deliveredCte, failedCte, fromInScope, serviceFilter, type MetricScope } from "./metrics";

/*
 * The raw facts behind the DORA figures, one value per deployment or commit in the window, returned as
 * JSON arrays (one per column) in a single row: a JSON.parse per column is several times faster than a
 * row object per fact, and the percentiles are then taken exactly in lib/dora/groups.ts.
 */

const DAY_MS = 86_400_000;
/** Integer constants are inlined: better-sqlite3 binds JS numbers as REAL, which would make `/` fractional. */
const DAY = sql.raw(String(DAY_MS));

const parse = (json: string | undefined): number[] => (json ? (JSON.parse(json) as number[]) : []);

export type DeliveredFacts = {
  service: number[];
  /** UTC day number (ms / 86,400,000) the deployment finished. */
  day: number[];
  failed: number[];
  /** Milliseconds from the failed deployment to its recovery; null when not failed or not recovered. */
  recoveryMs: (number | null)[];
  rework: number[];
};

/** D with, for each deployment, whether it is a failed change, when it recovered and whether it is rework. */
export function deliveredFacts(db: DbOrTx, scope: MetricScope): DeliveredFacts {
  const row = db.get<Record<keyof DeliveredFacts, string>>(sql`with ${deliveredCte(scope)}, ${failedCte(scope)}
    select json_group_array(d.service_id) as service,
      json_group_array(d.finished_at / ${DAY}) as day,
      json_group_array(f.id is not null) as failed,
      json_group_array(f.recovered_at - d.finished_at) as recoveryMs,
      json_group_array((d.unplanned or d.rollback_of_id is not null)) as rework
    from d_scope d left join failed f on f.id = d.id`);
  return { service: parse(row?.service), day: parse(row?.day), failed: parse(row?.failed), recoveryMs: parse(row?.recoveryMs), rework: parse(row?.rework) };
}

export type LeadFacts = { service: number[]; day: number[]; ms: number[] };

/** Commit deliveries in [from, to), straight from commit_deliveries (the partial days at a window's ends). */
function leadRows(db: DbOrTx, scope: MetricScope, from: number, to: number, into: LeadFacts) {
  if (from >= to) return;
  const row = db.get<Record<keyof LeadFacts, string>>(sql`select json_group_array(cd.service_id) as service,
      json_group_array(cd.delivered_at) as day,
      json_group_array(cast(round(cd.seconds * 1000) as integer)) as ms
    from ${fromInScope(scope, "commit_deliveries", "cd")}
    where cd.environment = ${scope.environment} and cd.delivered_at >= ${from} and cd.delivered_at < ${to}
      and cd.seconds > 0${serviceFilter(scope)}`);
  const service = parse(row?.service);
  const at = parse(row?.day);
  const ms = parse(row?.ms);
  for (let i = 0; i < service.length; i++) {
    into.service.push(service[i]!);
    into.day.push(Math.floor(at[i]! / DAY_MS));
    into.ms.push(ms[i]!);
  }
}

/**
 * Each commit first delivered inside the window, in scope, with a positive lead, in whole milliseconds
 * (exactly the stored seconds × 1000, so no digit is lost in JSON). Whole UTC days come from lead_days,
 * one row per service and day, built into a single JSON text by SQLite; the partial days at either end
 * of the window from commit_deliveries itself.
 */
export function leadFacts(db: DbOrTx, scope: MetricScope): LeadFacts {
  const facts: LeadFacts = { service: [], day: [], ms: [] };
  const from = scope.from.getTime();
  const to = scope.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS);
  const endDay = Math.floor(to / DAY_MS);
  if (firstDay >= endDay) {
    leadRows(db, scope, from, to, facts);
    return facts;
  }
  leadRows(db, scope, from, firstDay * DAY_MS, facts);
  const row = db.get<{ days: string | null }>(sql`select '[' || group_concat('[' || ld.service_id || ',' || ld.day || ',' || ld.ms || ']') || ']' as days
    from ${fromInScope(scope, "lead_days", "ld")}
    where ld.environment = ${scope.environment} and ld.day >= ${firstDay} and ld.day < ${endDay}${serviceFilter(scope)}`);
  for (const [service, day, values] of row?.days ? (JSON.parse(row.days) as [number, number, number[]][]) : []) {
    for (const ms of values) {
      facts.service.push(service);
      facts.day.push(day);
      facts.ms.push(ms);
    }
  }
  leadRows(db, scope, endDay * DAY_MS, to, facts);
  return facts;
}

export type IncidentFacts = { restoreMs: number[]; acknowledgeMs: number[] };

/** Incidents in scope started inside the window: how long each resolved one took, and each acknowledged one. */
export function incidentFacts(db: DbOrTx, scope: MetricScope): IncidentFacts {
  const row = db.get<Record<keyof IncidentFacts, string>>(sql`select
      json_group_array(i.resolved_at - i.started_at) filter (where i.status = 'resolved' and i.resolved_at is not null) as restoreMs,
      json_group_array(i.acknowledged_at - i.started_at) filter (where i.acknowledged_at is not null) as acknowledgeMs
    from ${fromInScope(scope, "incidents", "i")}
    where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()}${serviceFilter(scope)}`);
  return { restoreMs: parse(row?.restoreMs), acknowledgeMs: parse(row?.acknowledgeMs) };
}
