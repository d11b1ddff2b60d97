import { sql, type SQL } from "drizzle-orm";
import { DAY_MS, utcDay } from "../schema/calendar";
import type { Queryable } from "../database";
import { countedLead, fromInScope, serviceFilter, type MetricScope } from "./metrics";
import { firstRow } from "../raw";
import { dialectOf } from "../dialect";

/** An aggregate's values as a JSON array in text, on the engine `q` runs on. */
const jsonArray = (q: Queryable, expression: string, filter?: string) => sql.raw(dialectOf(q).jsonArray(expression, filter));

/*
 * The facts behind the DORA figures, returned as JSON arrays (one per column) in a single row: a
 * JSON.parse per column is several times faster than a row object per fact. Deployments come counted per
 * service and day (whole days from the deployment_days rollup), failed changes and leads one value each,
 * so the percentiles are then taken exactly in lib/dora/groups.ts.
 */

const parse = (json: string | undefined): number[] => (json ? (JSON.parse(json) as number[]) : []);

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

/**
 * A window as the rollups see it: its whole UTC days [firstDay, endDay) read from a rollup, the partial
 * days at either end from the raw rows, in time order (`partial` may get an empty range, and reads
 * nothing then). A window inside one day is all partial.
 */
async function acrossDays(
  scope: MetricScope,
  partial: (from: number, to: number) => Promise<void>,
  whole: (firstDay: number, endDay: number) => Promise<void>,
): Promise<void> {
  const from = scope.from.getTime();
  const to = scope.to.getTime();
  const firstDay = Math.ceil(from / DAY_MS);
  const endDay = Math.floor(to / DAY_MS);
  if (firstDay >= endDay) return partial(from, to);
  await partial(from, firstDay * DAY_MS);
  await whole(firstDay, endDay);
  await partial(endDay * DAY_MS, to);
}

/** D in [from, to) counted from counted_deployments itself (the partial days at a window's ends). */
async function dayCountRows(q: Queryable, scope: MetricScope, from: number, to: number, into: DayCounts): Promise<void> {
  if (from >= to) return;
  pushDays(into, await firstRow<Record<keyof DayCounts, string>>(q, sql`select ${jsonArray(q, "service_id")} as service, ${jsonArray(q, "day")} as day,
      ${jsonArray(q, "n")} as deployments, ${jsonArray(q, "rework")} as rework
    from (select d.service_id, d.day, count(*) as n, sum(d.rework) as rework
      from ${fromInScope(scope, "counted_deployments", "d")}
      where d.environment = ${scope.environment} and d.finished_at >= ${from} and d.finished_at < ${to}${serviceFilter(scope)}
      group by 1, 2) as days`));
}

/** D per service and day: whole UTC days from deployment_days (one row each), the partial days at the ends from deployments. */
async function dayCounts(q: Queryable, scope: MetricScope): Promise<DayCounts> {
  const counts: DayCounts = { service: [], day: [], deployments: [], rework: [] };
  await acrossDays(
    scope,
    (from, to) => dayCountRows(q, scope, from, to, counts),
    async (firstDay, endDay) =>
      pushDays(counts, await firstRow<Record<keyof DayCounts, string>>(q, sql`select ${jsonArray(q, "dd.service_id")} as service, ${jsonArray(q, "dd.day")} as day,
          ${jsonArray(q, "dd.deployments")} as deployments, ${jsonArray(q, "dd.rework")} as rework
        from ${fromInScope(scope, "deployment_days", "dd")}
        where dd.environment = ${scope.environment} and dd.day >= ${firstDay} and dd.day < ${endDay}${serviceFilter(scope)}`)),
  );
  return counts;
}

/**
 * The recovery rule, the one place it is written: when a failed change (`f`, a row of failed_changes or of
 * the view failed_change_evidence it keeps) recovered: at the earliest of its rollback and the resolution
 * of all its incidents; else not while an incident is open; only when it has neither, at the next counted
 * deployment of its service and environment; null while it has not. Plain SQL text, so a caller without
 * the query builder (the bench's reference) uses the very same.
 */
export const RECOVERED_AT = `case
        when f.rollback_at is not null and f.incidents > 0 and f.open_incidents = 0 then case when f.rollback_at < f.incidents_resolved_at then f.rollback_at else f.incidents_resolved_at end
        when f.rollback_at is not null then f.rollback_at
        when f.incidents > 0 and f.open_incidents = 0 then f.incidents_resolved_at
        when f.incidents > 0 then null
        else (select min(n.finished_at) from counted_deployments n
              where n.service_id = f.service_id and n.environment = f.environment
                -- The first condition is implied by the second; stated on its own, it lets the index seek
                -- to the failed change instead of reading the service's every deployment (2.2 s -> 10 ms
                -- for 90 days of a million).
                and n.finished_at >= f.finished_at and (n.finished_at > f.finished_at or n.id > f.deployment_id))
      end`;

export const recoveredAt = sql.raw(RECOVERED_AT);

/** The failed changes in D (kept in failed_changes by triggers, with their evidence), with their recovery times. */
async function failedFacts(q: Queryable, scope: MetricScope): Promise<FailedFacts> {
  const row = await firstRow<{ service: string; finishedAt: string; recoveryMs: string }>(q, sql`select ${jsonArray(q, "f.service_id")} as service,
      ${jsonArray(q, "f.finished_at")} as "finishedAt",
      ${jsonArray(q, `(${RECOVERED_AT}) - f.finished_at`)} as "recoveryMs"
    from ${fromInScope(scope, "failed_changes", "f")}
    where f.environment = ${scope.environment} and f.finished_at >= ${scope.from.getTime()} and f.finished_at < ${scope.to.getTime()}${serviceFilter(scope)}`);
  return { service: parse(row?.service), day: parse(row?.finishedAt).map(utcDay), recoveryMs: parse(row?.recoveryMs) };
}

/** D, counted per service and day, and its failed changes with their recovery times. */
export async function deliveredFacts(q: Queryable, scope: MetricScope): Promise<DeliveredFacts> {
  return { days: await dayCounts(q, scope), failed: await failedFacts(q, scope) };
}

/**
 * Leads in blocks of one service and UTC day: block i holds count[i] values (whole ms), stored one block
 * after another in `ms`, so the summaries can bucket a block at a time.
 */
export type LeadFacts = { service: number[]; day: number[]; count: number[]; ms: Float64Array };

/** How lead_days stores a part's leads: whole ms as 8-byte big-endian integers, one after another. */
export function leadValues(blob: Uint8Array, into: Float64Array = new Float64Array(blob.length / 8), at = 0): Float64Array {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  // Leads are positive and far below 2^53 ms, so the high and low words make the exact value.
  for (let o = 0; o < blob.length; o += 8) into[at++] = view.getUint32(o) * 4_294_967_296 + view.getUint32(o + 4);
  return into;
}

/** The same encoding in SQL, for leads taken straight from commit_deliveries. */
const encodedLeads = (q: Queryable) => {
  const dialect = dialectOf(q);
  return sql.raw(dialect.packInt64(dialect.roundToInteger("cd.seconds * 1000")));
};

type LeadBlockRows = { service: string | null; day: string | null; count: string | null; ms: Buffer | null };

/**
 * Blocks (service_id, day, n, ms) gathered into one row: JSON arrays of the keys, and all the values in
 * one byte string.
 */
async function leadBlocks(q: Queryable, blocks: SQL, into: { rows: LeadBlockRows[] }): Promise<void> {
  const row = await firstRow<LeadBlockRows>(q, sql`select ${jsonArray(q, "service_id")} as service, ${jsonArray(q, "day")} as day,
      ${jsonArray(q, "n")} as count, ${sql.raw(dialectOf(q).concatBytes("ms"))} as ms
    from (${blocks}) as blocks`);
  if (row?.ms) into.rows.push(row);
}

/** Commit deliveries in [from, to), straight from commit_deliveries (the partial days at a window's ends). */
async function leadRows(q: Queryable, scope: MetricScope, from: number, to: number, into: { rows: LeadBlockRows[] }): Promise<void> {
  if (from >= to) return;
  await leadBlocks(q, sql`select cd.service_id, cd.day, count(*) as n, ${encodedLeads(q)} as ms
    from ${fromInScope(scope, "commit_deliveries", "cd")}
    where cd.environment = ${scope.environment} and cd.delivered_at >= ${from} and cd.delivered_at < ${to}
      and ${countedLead("cd")}${serviceFilter(scope)}
    group by 1, 2`, into);
}

/**
 * Each commit first delivered inside the window, in scope, with a positive lead, in whole milliseconds
 * (exactly the stored seconds × 1000). Whole UTC days come from lead_days, a few rows per service and day
 * holding their values as binary; the partial days at either end of the window from commit_deliveries
 * itself, encoded the same way.
 */
export async function leadFacts(q: Queryable, scope: MetricScope): Promise<LeadFacts> {
  const parts: { rows: LeadBlockRows[] } = { rows: [] };
  await acrossDays(
    scope,
    (from, to) => leadRows(q, scope, from, to, parts),
    (firstDay, endDay) =>
      leadBlocks(q, sql`select ld.service_id, ld.day, ld.n, ld.ms
        from ${fromInScope(scope, "lead_days", "ld")}
        where ld.environment = ${scope.environment} and ld.day >= ${firstDay} and ld.day < ${endDay}${serviceFilter(scope)}`, parts),
  );
  const facts: LeadFacts = { service: [], day: [], count: [], ms: new Float64Array(parts.rows.reduce((n, r) => n + r.ms!.length / 8, 0)) };
  let at = 0;
  for (const row of parts.rows) {
    const [service, day, count] = [parse(row.service ?? undefined), parse(row.day ?? undefined), parse(row.count ?? undefined)];
    for (let i = 0; i < service.length; i++) {
      facts.service.push(service[i]!);
      facts.day.push(day[i]!);
      facts.count.push(count[i]!);
    }
    leadValues(row.ms!, facts.ms, at);
    at += row.ms!.length / 8;
  }
  return facts;
}

export type IncidentFacts = { restoreMs: number[]; acknowledgeMs: number[] };

/** Incidents in scope started inside the window: how long each resolved one took, and each acknowledged one. */
export async function incidentFacts(q: Queryable, scope: MetricScope): Promise<IncidentFacts> {
  const row = await firstRow<Record<keyof IncidentFacts, string>>(q, sql`select
      ${jsonArray(q, "i.resolved_at - i.started_at", "i.status = 'resolved' and i.resolved_at is not null")} as "restoreMs",
      ${jsonArray(q, "i.acknowledged_at - i.started_at", "i.acknowledged_at is not null")} as "acknowledgeMs"
    from ${fromInScope(scope, "incidents", "i")}
    where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()}${serviceFilter(scope)}`);
  return { restoreMs: parse(row?.restoreMs), acknowledgeMs: parse(row?.acknowledgeMs) };
}
