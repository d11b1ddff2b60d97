/*
 * The rollups kept by triggers (migration 0012) as they must be, recounted from scratch, next to how
 * they are kept: tests compare the two after any writes.
 */

/** deployment_days as it must be: successful deployments per service, environment and UTC day, and their rework. */
export const DAYS_FROM_SCRATCH = `select service_id, environment, cast(floor(finished_at / 86400000.0) as integer) as day, count(*) as deployments,
    sum(unplanned or rollback_of_id is not null) as rework
  from deployments where status = 'success' and finished_at is not null
  group by 1, 2, 3 order by 1, 2, 3`;
export const DAYS_KEPT = "select service_id, environment, day, deployments, rework from deployment_days order by 1, 2, 3";

/** failed_changes as it must be: the definition of a failed change and its recovery evidence, over every deployment. */
export const FAILED_FROM_SCRATCH = `select d.id as deployment_id, d.service_id, d.environment, d.finished_at, d.change_failed, r.at as rollback_at,
    coalesce(b.n, 0) as incidents, coalesce(b.open, 0) as open_incidents, b.resolved_at as incidents_resolved_at
  from deployments d
    left join (select rollback_of_id as id, min(finished_at) as at from deployments
               where rollback_of_id is not null and status = 'success' group by 1) r on r.id = d.id
    left join (select caused_by_id as id, count(*) as n, sum(status <> 'resolved' or resolved_at is null) as open, max(resolved_at) as resolved_at
               from incidents where caused_by_id is not null group by 1) b on b.id = d.id
  where d.status = 'success' and d.finished_at is not null and (d.change_failed or r.at is not null or b.id is not null)
  order by d.id`;
export const FAILED_KEPT = `select deployment_id, service_id, environment, finished_at, change_failed, rollback_at, incidents, open_incidents, incidents_resolved_at
  from failed_changes order by deployment_id`;
