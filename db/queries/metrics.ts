import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";

/*
 * The scope of the DORA figures as SQL (D, failed changes, leads), shared by the facts the figures are
 * taken from (metric-facts.ts), the drill-downs (metric-rows.ts) and time to restore below, which is
 * small enough to summarise in SQL: per group — the whole window ("all"), each ISO week ("w:<monday
 * ms>") and each service ("s:<service id>").
 */

export type MetricScope = { from: Date; to: Date; environment: string; service?: string; team?: string; services?: string[] };

const DAY = 86_400_000;
/** 1970-01-05 was a Monday: weeks start 4 days after the epoch. */
const MONDAY = 4 * DAY;
const WEEK = 7 * DAY;

/**
 * Constants are inlined, not bound: better-sqlite3 binds JS numbers as REAL, which would turn these
 * integer divisions (flooring to a day or a week) into fractional ones.
 */
const int = (n: number) => sql.raw(String(Math.trunc(n)));
// Parenthesised whole: in SQLite `||` binds tighter than `*` and `+`.
const weekOf = (ms: SQL) => sql`((((${ms}) - ${int(MONDAY)}) / ${int(WEEK)}) * ${int(WEEK)} + ${int(MONDAY)})`;

/** The three group keys for a row with a time column and a service id. */
function groups(at: SQL, serviceId: SQL, value: SQL, from: string) {
  return sql`select 'all' as g, ${value} as v from ${sql.raw(from)}
    union all select 'w:' || ${weekOf(at)}, ${value} from ${sql.raw(from)}
    union all select 's:' || ${serviceId}, ${value} from ${sql.raw(from)}`;
}

/** Whether the scope narrows by service at all (queries can then skip joining services). */
export function narrowsServices(scope: MetricScope): boolean {
  return scope.service !== undefined || scope.team !== undefined || Boolean(scope.services?.length);
}

export function serviceFilter(scope: MetricScope): SQL {
  const parts: SQL[] = [];
  if (scope.service !== undefined) parts.push(sql`s.slug = ${scope.service}`);
  if (scope.team !== undefined) parts.push(sql`s.team = ${scope.team}`);
  if (scope.services?.length) parts.push(sql`s.slug in (${sql.join(scope.services.map((slug) => sql`${slug}`), sql`, `)})`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

/** Whether deployment `d` (joined to its service `s`) is in D. */
function inD(scope: MetricScope): SQL {
  return sql`d.environment = ${scope.environment} and d.status = 'success'
      and d.finished_at >= ${scope.from.getTime()} and d.finished_at < ${scope.to.getTime()}${serviceFilter(scope)}`;
}

/** D: the successful deployments in scope that finished inside the window. */
export function deliveredCte(scope: MetricScope): SQL {
  return sql`d_scope as (
    select d.id, d.service_id, d.finished_at, d.change_failed, d.unplanned, d.rollback_of_id
    from deployments d join services s on s.id = d.service_id
    where ${inD(scope)}
  )`;
}

/**
 * Median and 90th percentile per group, interpolated linearly between ranks like PERCENTILE_CONT.
 * Ranks use integer arithmetic (p = 1/2 and 9/10) so no float rounding picks the wrong row.
 */
function percentiles(valuesCte: SQL): SQL {
  return sql`vals as (${valuesCte}),
    ranked as (select g, v, row_number() over (partition by g order by v) - 1 as i, count(*) over (partition by g) as n from vals),
    pct as (
      select g, n, sum(v) as total,
        max(case when i = (n - 1) / 2 then v end) as p50_lo,
        max(case when i = (n - 1) / 2 + 1 then v end) as p50_hi,
        ((n - 1) % 2) / 2.0 as p50_frac,
        max(case when i = (9 * (n - 1)) / 10 then v end) as p90_lo,
        max(case when i = (9 * (n - 1)) / 10 + 1 then v end) as p90_hi,
        ((9 * (n - 1)) % 10) / 10.0 as p90_frac
      from ranked group by g
    )
    select g, n, total as sum,
      p50_lo + coalesce(p50_hi - p50_lo, 0) * p50_frac as p50,
      p90_lo + coalesce(p90_hi - p90_lo, 0) * p90_frac as p90
    from pct`;
}

export type PercentileRow = { g: string; n: number; sum: number; p50: number; p90: number };
export type DeploymentAggregateRow = { g: string; deployments: number; deployDays: number; failed: number; recovered: number; rework: number };

/**
 * The failed changes among D, each with when (if ever) it recovered: the earliest of its rollback and
 * the resolution of all its incidents; only when it has neither, the next successful deployment.
 */
export function failedCte(scope: MetricScope): SQL {
  // Only deployments that are flagged, rolled back or blamed by an incident can have failed: start from
  // those few (indexed) rather than asking four questions of every deployment in D.
  return sql`failed_candidates as (
      select id from d_scope where change_failed
      union select rollback_of_id from deployments where rollback_of_id is not null and status = 'success'
      union select caused_by_id from incidents where caused_by_id is not null
    ),
    failed_raw as (
      select d.id, d.service_id, d.finished_at, d.change_failed,
        (select min(r.finished_at) from deployments r where r.rollback_of_id = d.id and r.status = 'success') as rollback_at,
        (select count(*) from incidents i where i.caused_by_id = d.id) as incidents,
        (select count(*) from incidents i where i.caused_by_id = d.id and (i.status <> 'resolved' or i.resolved_at is null)) as open_incidents,
        (select max(i.resolved_at) from incidents i where i.caused_by_id = d.id) as incidents_resolved_at
      from failed_candidates c join deployments d on d.id = c.id join services s on s.id = d.service_id
      where ${inD(scope)}
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
        and cd.seconds > 0${serviceFilter(scope)}
    )`;
}

/** Time to restore (all incidents started in the window and resolved) and time to acknowledge, per group. */
export function restorePercentiles(db: DbOrTx, scope: MetricScope, column: "resolved_at" | "acknowledged_at"): PercentileRow[] {
  const done = column === "resolved_at" ? sql`i.status = 'resolved' and i.resolved_at is not null` : sql`i.acknowledged_at is not null`;
  return db.all<PercentileRow>(sql`with restored as (
      select i.service_id, i.started_at, (i.${sql.raw(column)} - i.started_at) / 1000.0 as seconds
      from incidents i join services s on s.id = i.service_id
      where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()} and ${done}${serviceFilter(scope)}
    ),
    ${percentiles(groups(sql`started_at`, sql`service_id`, sql`seconds`, "restored"))}`);
}

export type DeploymentTotalRow = { service: string; team: string | null; environment: string; deployments: number };

/** All-time successful deployments per service and environment (Prometheus counter). */
export function deploymentTotals(db: DbOrTx): DeploymentTotalRow[] {
  return db.all<DeploymentTotalRow>(sql`select s.slug as service, s.team, d.environment, count(*) as deployments
    from deployments d join services s on s.id = d.service_id
    where d.status = 'success'
    group by s.slug, d.environment order by s.slug, d.environment`);
}

export type DailyRow = { day: number; deployments: number; failed: number };

/** D per UTC day (day = midnight in ms), with how many were failed changes: the calendar heatmap. */
export function dailyDeployments(db: DbOrTx, scope: MetricScope): DailyRow[] {
  return db.all<DailyRow>(sql`with ${deliveredCte(scope)}, ${failedCte(scope)}
    select (d.finished_at / ${int(DAY)}) * ${int(DAY)} as day, count(*) as deployments, count(f.id) as failed
    from d_scope d left join failed f on f.id = d.id
    group by 1 order by 1`);
}

export type WeeklyServiceRow = { week: number; service: string; deployments: number; failed: number };

/** D per ISO week and service, with failed changes: the stacked weekly chart. */
export function weeklyDeploymentsByService(db: DbOrTx, scope: MetricScope): WeeklyServiceRow[] {
  return db.all<WeeklyServiceRow>(sql`with ${deliveredCte(scope)}, ${failedCte(scope)}
    select ${weekOf(sql`d.finished_at`)} as week, s.slug as service, count(*) as deployments, count(f.id) as failed
    from d_scope d join services s on s.id = d.service_id left join failed f on f.id = d.id
    group by 1, 2 order by 1, 2`);
}
