import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { fromInScope, serviceFilter, type MetricScope } from "./metrics";

/*
 * The facts behind the DORA figures, returned as JSON arrays (one per column) in a single row: a
 * JSON.parse per column is several times faster than a row object per fact. Deployments come counted per
 * service and day (whole days from the deployment_days rollup), failed changes and leads one value each,
 * so the percentiles are then taken exactly in lib/dora/groups.ts.
 */

const DAY_MS = 86_400_000;
/** Integer constants are inlined: better-sqlite3 binds JS numbers as REAL, which would make `/` fractional. */
const DAY = sql.raw(String(DAY_MS));

const parse = (json: string | undefined): number[] => (json ? (JSON.parse(json) as number[]) : []);

/** SQL's floor(ms / day) for any sign (integer division truncates toward zero). */
const dayOf = (ms: SQL) => sql`((${ms} - (((${ms} % ${DAY}) + ${DAY}) % ${DAY})) / ${DAY})`;

/** D counted per service and UTC day: how many deployments, how many of them rework. */
export type DayCounts = { service: number[]; day: number[]; deployments: number[]; rework: number[] };

/** The failed changes in D, one each: when they finished and how long (ms) they took to recover (null: not yet). */
export type FailedFacts = { service: number[]; day: number[]; recoveryMs: (number | null)[] };

export type DeliveredFacts = { days: DayCounts; failed: FailedFacts };

function pushDays(into: DayCounts, row: Record<keyof DayCounts, string> | undefined) {
  const service = parse(row?.service);
  const day = parse(row?.day);
  const deployments = parse(row?.deployments);
  const rework = parse(row?.rework);
  for (let i = 0; i < service.length; i++) {
    into.service.push(service[i]!);
    into.day.push(day[i]!);
    into.deployments.push(deployments[i]!);
    into.rework.push(rework[i]!);
  }
}

/** D in [from, to) counted from the deployments themselves (the partial days at a window's ends). */
function dayCountRows(db: DbOrTx, scope: MetricScope, from: number, to: number, into: DayCounts) {
  if (from >= to) return;
  pushDays(into, db.get<Record<keyof DayCounts, string>>(sql`select json_group_array(service_id) as service, json_group_array(day) as day,
      json_group_array(n) as deployments, json_group_array(rework) as rework
    from (select d.service_id, ${dayOf(sql`d.finished_at`)} as day, count(*) as n, sum(d.unplanned or d.rollback_of_id is not null) as rework
      from ${fromInScope(scope, "deployments", "d")}
      where d.environment = ${scope.environment} and d.status = 'success' and d.finished_at >= ${from} and d.finished_at < ${to}${serviceFilter(scope)}
      group by 1, 2)`));
}

/** D per service and day: whole UTC days from deployment_days (one row each), the partial days at the ends from deployments. */
function dayCounts(db: DbOrTx, scope: MetricScope): DayCounts {
  const counts: DayCounts = { service: [], day: [], deployments: [], rework: [] };
  const from = scope.from.getTime();
  const to = scope.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS);
  const endDay = Math.floor(to / DAY_MS);
  if (firstDay >= endDay) {
    dayCountRows(db, scope, from, to, counts);
    return counts;
  }
  dayCountRows(db, scope, from, firstDay * DAY_MS, counts);
  pushDays(counts, db.get<Record<keyof DayCounts, string>>(sql`select json_group_array(dd.service_id) as service, json_group_array(dd.day) as day,
      json_group_array(dd.deployments) as deployments, json_group_array(dd.rework) as rework
    from ${fromInScope(scope, "deployment_days", "dd")}
    where dd.environment = ${scope.environment} and dd.day >= ${firstDay} and dd.day < ${endDay}${serviceFilter(scope)}`));
  dayCountRows(db, scope, endDay * DAY_MS, to, counts);
  return counts;
}

/**
 * The failed changes in D (kept in failed_changes by triggers, with their evidence), each recovered at the
 * earliest of its rollback and the resolution of all its incidents; only when it has neither, at the next
 * successful deployment of its service and environment.
 */
function failedFacts(db: DbOrTx, scope: MetricScope): FailedFacts {
  const row = db.get<Record<keyof FailedFacts, string>>(sql`select json_group_array(f.service_id) as service,
      json_group_array(${dayOf(sql`f.finished_at`)}) as day,
      json_group_array(case
        when f.rollback_at is not null and f.incidents > 0 and f.open_incidents = 0 then min(f.rollback_at, f.incidents_resolved_at)
        when f.rollback_at is not null then f.rollback_at
        when f.incidents > 0 and f.open_incidents = 0 then f.incidents_resolved_at
        when f.incidents > 0 then null
        else (select min(n.finished_at) from deployments n
              where n.service_id = f.service_id and n.environment = f.environment and n.status = 'success'
                and (n.finished_at > f.finished_at or (n.finished_at = f.finished_at and n.id > f.deployment_id)))
      end - f.finished_at) as recoveryMs
    from ${fromInScope(scope, "failed_changes", "f")}
    where f.environment = ${scope.environment} and f.finished_at >= ${scope.from.getTime()} and f.finished_at < ${scope.to.getTime()}${serviceFilter(scope)}`);
  return { service: parse(row?.service), day: parse(row?.day), recoveryMs: parse(row?.recoveryMs) };
}

/** D, counted per service and day, and its failed changes with their recovery times. */
export function deliveredFacts(db: DbOrTx, scope: MetricScope): DeliveredFacts {
  return { days: dayCounts(db, scope), failed: failedFacts(db, scope) };
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
