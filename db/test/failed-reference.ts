import { sql, type SQL } from "drizzle-orm";
import { narrowsServices, type MetricScope } from "../queries/metrics";

/*
 * The definition of a failed change and its recovery as first written: over D (deliveredCte), gathering
 * the evidence from the deployments and incidents themselves. The app reads the same from failed_changes
 * (kept by triggers); tests hold it to this.
 */

/**
 * The failed changes among D, each with when (if ever) it recovered: the earliest of its rollback and
 * the resolution of all its incidents; only when it has neither, the next successful deployment.
 */
export function failedCte(scope: MetricScope): SQL {
  // The evidence of failure, gathered once from its (covering) indexes, then joined to D: a
  // deployment is a candidate only when it is flagged, rolled back or blamed by an incident.
  // For a few services, look the evidence up from D (index probes); for all of them, read it all once.
  const narrow = narrowsServices(scope);
  return sql`rollbacks as materialized (
      select r.rollback_of_id as id, min(r.finished_at) as at
      from ${narrow ? sql`d_scope d join deployments r on r.rollback_of_id = d.id` : sql`deployments r`}
      where r.rollback_of_id is not null and r.status = 'success' group by r.rollback_of_id
    ),
    blames as materialized (
      select i.caused_by_id as id, count(*) as n, sum(i.status <> 'resolved' or i.resolved_at is null) as open, max(i.resolved_at) as resolved_at
      from ${narrow ? sql`d_scope d join incidents i on i.caused_by_id = d.id` : sql`incidents i`}
      where i.caused_by_id is not null group by i.caused_by_id
    ),
    failed_raw as (
      select d.id, d.service_id, d.finished_at, d.change_failed, r.at as rollback_at,
        coalesce(b.n, 0) as incidents, coalesce(b.open, 0) as open_incidents, b.resolved_at as incidents_resolved_at
      from d_scope d left join rollbacks r on r.id = d.id left join blames b on b.id = d.id
      where d.change_failed or r.id is not null or b.id is not null
    ),
    failed as (
      select f.id, f.service_id, f.finished_at,
        case
          when f.rollback_at is not null and f.incidents > 0 and f.open_incidents = 0 then min(f.rollback_at, f.incidents_resolved_at)
          when f.rollback_at is not null then f.rollback_at
          when f.incidents > 0 and f.open_incidents = 0 then f.incidents_resolved_at
          when f.incidents > 0 then null
          else (select min(n.finished_at) from deployments n
                where n.service_id = f.service_id and n.environment = ${scope.environment} and n.status = 'success'
                  and (n.finished_at > f.finished_at or (n.finished_at = f.finished_at and n.id > f.id)))
        end as recovered_at
      from failed_raw f
      where f.change_failed or f.rollback_at is not null or f.incidents > 0
    )`;
}
