import { sql } from "drizzle-orm";
import type { Queryable } from "../database";
import { recoveredAt } from "./metric-facts";
import { deliveredCte, fromInScope, leadsCte, serviceFilter, type MetricScope } from "./metrics";

/*
 * The rows behind each figure, from the same definitions and rollups as the figures themselves, so a
 * drill-down always lists exactly what was counted.
 */

export type CountedDeploymentRow = {
  id: number;
  service: string;
  version: string | null;
  finishedAt: number;
  failed: number;
  rework: number;
  unplanned: number;
  rollbackOfId: number | null;
};

export async function countedDeployments(q: Queryable, scope: MetricScope, onlyRework = false): Promise<CountedDeploymentRow[]> {
  return q.all<CountedDeploymentRow>(sql`with ${deliveredCte(scope)}
    select d.id, s.slug as service, dep.version, d.finished_at as finishedAt, f.deployment_id is not null as failed,
      (d.unplanned or d.rollback_of_id is not null) as rework, d.unplanned, d.rollback_of_id as rollbackOfId
    from d_scope d join deployments dep on dep.id = d.id join services s on s.id = d.service_id
      left join failed_changes f on f.deployment_id = d.id
    ${onlyRework ? sql`where d.unplanned or d.rollback_of_id is not null` : sql``}
    order by d.finished_at desc, d.id desc`);
}

export type LeadTimeRow = { sha: string; message: string | null; service: string; committedAt: number; deploymentId: number; deliveredAt: number; seconds: number };

export async function leadTimeRows(q: Queryable, scope: MetricScope): Promise<LeadTimeRow[]> {
  return q.all<LeadTimeRow>(sql`with ${leadsCte(scope)}
    select c.sha, c.message, s.slug as service, c.timestamp as committedAt, l.deployment_id as deploymentId,
      l.at as deliveredAt, l.seconds
    from leads l join commits c on c.id = l.commit_id join services s on s.id = l.service_id
    order by l.at desc, c.sha`);
}

export type FailedChangeRow = {
  id: number;
  service: string;
  version: string | null;
  finishedAt: number;
  changeFailed: number;
  rollbackId: number | null;
  incidentIds: string | null;
  recoveredAt: number | null;
  rule: "rollback" | "incidents resolved" | "next deployment" | null;
};

/**
 * The failed changes of a window (kept in failed_changes by triggers), newest first, with what recovered
 * each: the same rule, from the same evidence, as the figure (metric-facts.ts recoveredAt).
 */
export async function failedChangeRows(q: Queryable, scope: MetricScope): Promise<FailedChangeRow[]> {
  return q.all<FailedChangeRow>(sql`select id, service, version, finishedAt, changeFailed, rollbackId, incidentIds, recoveredAt,
      case
        when recoveredAt is null then null
        when recoveredAt = rollbackAt then 'rollback'
        when incidents > 0 then 'incidents resolved'
        else 'next deployment'
      end as rule
    from (select f.deployment_id as id, named.slug as service, dep.version, f.finished_at as finishedAt, f.change_failed as changeFailed,
        (select r.id from deployments r where r.rollback_of_id = f.deployment_id and r.status = 'success' order by r.finished_at limit 1) as rollbackId,
        (select group_concat(i.id, ',') from incidents i where i.caused_by_id = f.deployment_id) as incidentIds,
        ${recoveredAt} as recoveredAt, f.rollback_at as rollbackAt, f.incidents
      from ${fromInScope(scope, "failed_changes", "f")} join deployments dep on dep.id = f.deployment_id join services named on named.id = f.service_id
      where f.environment = ${scope.environment} and f.finished_at >= ${scope.from.getTime()} and f.finished_at < ${scope.to.getTime()}${serviceFilter(scope)})
    order by finishedAt desc, id desc`);
}

export type RestoreRow = { id: number; title: string; service: string; severity: string; startedAt: number; acknowledgedAt: number | null; resolvedAt: number | null };

/** Incidents started in the window (resolved ones count towards time to restore). */
export async function restoreRows(q: Queryable, scope: MetricScope): Promise<RestoreRow[]> {
  return q.all<RestoreRow>(sql`select i.id, i.title, s.slug as service, i.severity, i.started_at as startedAt,
      i.acknowledged_at as acknowledgedAt, case when i.status = 'resolved' then i.resolved_at end as resolvedAt
    from incidents i join services s on s.id = i.service_id
    where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()}${serviceFilter(scope)}
    order by i.started_at desc`);
}
