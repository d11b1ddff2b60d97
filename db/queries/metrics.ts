import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { allRows } from "../raw";

/*
 * The scope of the DORA figures as SQL (D, failed changes, leads), shared by the facts the figures are
 * taken from (metric-facts.ts) and the drill-downs (metric-rows.ts); and the daily and weekly deployment
 * counts of the frequency charts below.
 */

export type MetricScope = { from: Date; to: Date; environment: string; service?: string; team?: string; services?: string[] };

/** Whether the scope narrows by service at all (queries can then skip joining services). */
export function narrowsServices(scope: MetricScope): boolean {
  return scope.service !== undefined || scope.team !== undefined || Boolean(scope.services?.length);
}

/**
 * `table alias`, joined to its service as `s` only when the scope filters by service: without a filter a
 * covering index answers alone, and the join would only cost.
 */
export function fromInScope(scope: MetricScope, table: "deployments" | "counted_deployments" | "deployment_days" | "failed_changes" | "commit_deliveries" | "lead_days" | "incidents", alias: string): SQL {
  const from = sql.raw(`${table} ${alias}`);
  return narrowsServices(scope) ? sql`${from} join services s on s.id = ${sql.raw(alias)}.service_id` : from;
}

export function serviceFilter(scope: MetricScope): SQL {
  const parts: SQL[] = [];
  if (scope.service !== undefined) parts.push(sql`s.slug = ${scope.service}`);
  if (scope.team !== undefined) parts.push(sql`s.team = ${scope.team}`);
  if (scope.services?.length) parts.push(sql`s.slug in (${sql.join(scope.services.map((slug) => sql`${slug}`), sql`, `)})`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

/** D: the counted deployments (the view counted_deployments) in scope that finished inside the window. */
export function deliveredCte(scope: MetricScope): SQL {
  return sql`d_scope as materialized (
    select d.id, d.service_id, d.finished_at, d.change_failed, d.unplanned, d.rollback_of_id, d.rework
    from ${fromInScope(scope, "counted_deployments", "d")}
    where d.environment = ${scope.environment} and d.finished_at >= ${scope.from.getTime()} and d.finished_at < ${scope.to.getTime()}${serviceFilter(scope)}
  )`;
}

export type PercentileRow = { g: string; n: number; sum: number; p50: number; p90: number };
export type DeploymentAggregateRow = { g: string; deployments: number; deployDays: number; failed: number; recovered: number; rework: number };

/**
 * Which deliveries count towards lead time: only a positive lead (a commit timestamped after its
 * deployment finished says more about clocks than about delivery). Every query over commit_deliveries
 * filters with this; the lead_days triggers (migration 0016) keep the same condition for the rollup.
 */
export function countedLead(alias: string): SQL {
  return sql`${sql.raw(alias)}.seconds > 0`;
}

/**
 * leads(commit_id, deployment_id, service_id, at, seconds): each commit is delivered by the earliest
 * successful deployment of its environment that lists it (kept in commit_deliveries by triggers); kept
 * when that delivery falls inside the window, in scope, with a positive lead.
 */
export function leadsCte(scope: MetricScope): SQL {
  return sql`leads as (
      select cd.commit_id, cd.deployment_id, cd.service_id, cd.delivered_at as at, cd.seconds
      from commit_deliveries cd join services s on s.id = cd.service_id
      where cd.environment = ${scope.environment}
        and cd.delivered_at >= ${scope.from.getTime()} and cd.delivered_at < ${scope.to.getTime()}
        and ${countedLead("cd")}${serviceFilter(scope)}
    )`;
}

export type DeploymentTotalRow = { service: string; team: string | null; environment: string; deployments: number };

/** All-time successful deployments per service and environment (Prometheus counter). */
export async function deploymentTotals(q: Queryable): Promise<DeploymentTotalRow[]> {
  return allRows<DeploymentTotalRow>(q, sql`select s.slug as service, s.team, d.environment, count(*) as deployments
    from deployments d join services s on s.id = d.service_id
    where d.status = 'success'
    group by s.slug, s.team, d.environment order by s.slug, d.environment`);
}

