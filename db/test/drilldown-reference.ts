import { sql } from "drizzle-orm";
import type { Queryable } from "../database";
import type { CountedDeploymentRow, FailedChangeRow, LeadTimeRow, RestoreRow } from "../queries/metric-rows";
import { deliveredCte, leadsCte, serviceFilter, type MetricScope } from "../queries/metrics";
import { failedCte } from "./failed-reference";
import { allRows } from "../raw";

/*
 * The deployments and failures drill-downs as first written, straight from the CTEs that define D and a
 * failed change over every deployment: tests hold the rollup-based queries (metric-rows.ts) to them.
 */

export async function failedChangeRowsFromCtes(q: Queryable, scope: MetricScope): Promise<FailedChangeRow[]> {
  return allRows<FailedChangeRow>(q, sql`with ${deliveredCte(scope)}, ${failedCte()}
    select f.id, s.slug as service, dep.version, f.finished_at as finishedAt, dep.change_failed as changeFailed,
      (select r.id from counted_deployments r where r.rollback_of_id = f.id order by r.finished_at limit 1) as rollbackId,
      (select group_concat(i.id, ',') from incidents i where i.caused_by_id = f.id) as incidentIds,
      f.recovered_at as recoveredAt,
      case
        when f.recovered_at is null then null
        when f.recovered_at = (select min(r.finished_at) from counted_deployments r where r.rollback_of_id = f.id) then 'rollback'
        when exists (select 1 from incidents i where i.caused_by_id = f.id) then 'incidents resolved'
        else 'next deployment'
      end as rule
    from failed f join deployments dep on dep.id = f.id join services s on s.id = f.service_id
    order by f.finished_at desc, f.id desc`);
}

export async function countedDeploymentsFromCtes(q: Queryable, scope: MetricScope): Promise<CountedDeploymentRow[]> {
  return allRows<CountedDeploymentRow>(q, sql`with ${deliveredCte(scope)}, ${failedCte()}
    select d.id, s.slug as service, dep.version, d.finished_at as finishedAt, f.id is not null as failed,
      d.rework, d.unplanned, d.rollback_of_id as rollbackOfId
    from d_scope d join deployments dep on dep.id = d.id join services s on s.id = d.service_id
      left join failed f on f.id = d.id
    order by d.finished_at desc, d.id desc`);
}

/** Every commit delivered in the window with its lead, as the lead-time list shows them (newest first, then by sha). */
export async function leadTimeRowsInFull(q: Queryable, scope: MetricScope): Promise<LeadTimeRow[]> {
  return allRows<LeadTimeRow>(q, sql`with ${leadsCte(scope)}
    select c.sha, c.message, s.slug as service, c.timestamp as committedAt, l.deployment_id as deploymentId,
      l.at as deliveredAt, l.seconds
    from leads l join commits c on c.id = l.commit_id join services s on s.id = l.service_id
    order by l.at desc, c.sha`);
}

/** Incidents started in the window (resolved ones count towards time to restore). */
export async function restoreRowsInFull(q: Queryable, scope: MetricScope): Promise<RestoreRow[]> {
  return allRows<RestoreRow>(q, sql`select i.id, i.title, s.slug as service, i.severity, i.started_at as startedAt,
      i.acknowledged_at as acknowledgedAt, case when i.status = 'resolved' then i.resolved_at end as resolvedAt
    from incidents i join services s on s.id = i.service_id
    where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()}${serviceFilter(scope)}
    order by i.started_at desc`);
}
