import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { recoveredAt } from "./metric-facts";
import { countedLead, fromInScope, serviceFilter, type MetricScope } from "./metrics";
import { allRows, firstRow } from "../raw";
import { dialectOf } from "../dialect";

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

export type LeadTimeRow = { sha: string; message: string | null; service: string; committedAt: number; deploymentId: number; deliveredAt: number; seconds: number };

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

export type RestoreRow = { id: number; title: string; service: string; severity: string; startedAt: number; acknowledgedAt: number | null; resolvedAt: number | null };

/*
 * The drill-down lists (db/test/drilldown-reference.ts holds their full forms), read straight from the indexes: keyset pagination seeks to
 * the row after (or before) a cursor and reads one page, so a page of a million-row window costs what a
 * page of a small one does. Each list orders by its time newest first, then a unique tiebreaker.
 */

/** Where a page starts: a row's time (ms) and its id (deployment, commit or incident). */
export type Keyset = { at: number; id: number };

/**
 * `after`: the rows that follow this one as the list is shown (older); `before`: the rows that precede
 * it (newer); neither: the first page. `limit`: rows per page.
 */
export type Seek = { after?: Keyset; before?: Keyset; limit: number };

/** A page in list order, with the cursors of the pages either side (null: there is none). */
export type Page<T> = { rows: T[]; newer: Keyset | null; older: Keyset | null };

/** How a list is ordered: by `at` newest first, then within one `at` by a unique tiebreaker. */
type ListOrder = {
  at: SQL;
  /** Within the cursor's `at`: the rows after it (`older`) or before it (`!older`) in list order. */
  tie: (cursor: Keyset, older: boolean) => SQL;
  /** ORDER BY terms as the list is shown (`older`) or reversed. */
  order: (older: boolean) => SQL;
};

/** Reads rows of the window matching `where` (SQL starting with " and "), in `order`, at most `limit`. */
type Reader<T> = (where: SQL, order: SQL, limit: number) => Promise<T[]>;

/**
 * The rows on the far side of a cursor, in reading order, at most `limit`: first the cursor's ties
 * (an equality seek), then the rows strictly beyond its time (a plain range). Two simple seeks instead
 * of one `at <= x and (at < x or tie)`, which the planner may answer with a full scan and a sort.
 */
async function beyond<T>(read: Reader<T>, list: ListOrder, cursor: Keyset, older: boolean, limit: number): Promise<T[]> {
  const ties = await read(sql` and ${list.at} = ${cursor.at} and ${list.tie(cursor, older)}`, list.order(older), limit);
  if (ties.length >= limit) return ties;
  const rest = await read(older ? sql` and ${list.at} < ${cursor.at}` : sql` and ${list.at} > ${cursor.at}`, list.order(older), limit - ties.length);
  return ties.concat(rest);
}

/**
 * One page: reads one row more than the page (it only says whether there is more that way) and returns
 * the rows in list order. A page before a cursor with nothing further before it is the first page, so
 * Newer always comes back to exactly the page the list starts with.
 */
async function readPage<T>(read: Reader<T>, list: ListOrder, seek: Seek, key: (row: T) => Keyset): Promise<Page<T>> {
  const limit = Math.max(1, Math.trunc(seek.limit));
  if (seek.before) {
    const rows = await beyond(read, list, seek.before, false, limit + 1);
    if (rows.length <= limit) return readPage(read, list, { limit }, key);
    rows.pop();
    rows.reverse();
    return { rows, newer: key(rows[0]!), older: key(rows[rows.length - 1]!) };
  }
  const rows = seek.after ? await beyond(read, list, seek.after, true, limit + 1) : await read(sql``, list.order(true), limit + 1);
  const more = rows.length > limit;
  if (more) rows.pop();
  return { rows, newer: seek.after && rows.length ? key(rows[0]!) : null, older: more ? key(rows[rows.length - 1]!) : null };
}

/** LIMIT inlined as an integer (better-sqlite3 binds numbers as REAL). */
const limitOf = (n: number) => sql.raw(String(Math.max(1, Math.trunc(n))));

/** Newest first, then the highest id first. */
function newestFirst(at: SQL, id: SQL, orderAt = at, orderId = id): ListOrder {
  return {
    at,
    tie: (cursor, older) => (older ? sql`${id} < ${cursor.id}` : sql`${id} > ${cursor.id}`),
    order: (older) => (older ? sql`${orderAt} desc, ${orderId} desc` : sql`${orderAt} asc, ${orderId} asc`),
  };
}

const orderedJoin = (q: Queryable) => sql.raw(dialectOf(q).orderedJoin);

/** Whether counted deployment `d` (with its service `s`) is in D, as deliveredCte (metrics.ts) says. */
function inD(scope: MetricScope): SQL {
  return sql`d.environment = ${scope.environment} and d.finished_at >= ${scope.from.getTime()} and d.finished_at < ${scope.to.getTime()}${serviceFilter(scope)}`;
}

/**
 * `table alias` with its service `s`, in a fixed join order (CROSS JOIN), so the plan does not depend on
 * the statistics: for one service, the service first and then its rows through its per-service index in
 * time order; otherwise the rows in time order through the environment's index, each with its service
 * (a team's or a wall's few services are filtered as the rows come, which stops once a page is full,
 * instead of gathering every row of each service and sorting them all).
 */
function inOrderFrom(q: Queryable, scope: MetricScope, table: "counted_deployments" | "commit_deliveries" | "failed_changes" | "incidents", alias: string): SQL {
  const rows = sql.raw(`${table} ${alias}`);
  const key = sql.raw(`${alias}.service_id`);
  const join = orderedJoin(q);
  return scope.service !== undefined ? sql`services s ${join} ${rows} on ${key} = s.id` : sql`${rows} ${join} services s on s.id = ${key}`;
}

/** A page of the counted deployments (D), newest first: through deployments_delivered_idx or deployments_finished_idx (one service: deployments_service_env_finished_idx). */
export async function countedDeploymentsPage(q: Queryable, scope: MetricScope, onlyRework: boolean, seek: Seek): Promise<Page<CountedDeploymentRow>> {
  return readPage(
    async (where, order, limit) =>
      allRows<CountedDeploymentRow>(q, sql`select d.id, s.slug as service, dep.version, d.finished_at as "finishedAt", f.deployment_id is not null as failed,
          d.rework, d.unplanned, d.rollback_of_id as "rollbackOfId"
        from ${inOrderFrom(q, scope, "counted_deployments", "d")} ${orderedJoin(q)} deployments dep on dep.id = d.id left join failed_changes f on f.deployment_id = d.id
        where ${inD(scope)}${onlyRework ? sql` and d.rework = 1` : sql``}${where}
        order by ${order} limit ${limitOf(limit)}`),
    newestFirst(sql`d.finished_at`, sql`d.id`),
    seek,
    (r) => ({ at: r.finishedAt, id: r.id }),
  );
}

/** A lead-time row with the commit's id, which (after its time and sha) places it in the list. */
export type LeadTimePageRow = LeadTimeRow & { commitId: number };

/** Delivered newest first, then by sha; the commit id makes ties unique, and the cursor's sha is looked up from it. */
const leadOrder: ListOrder = {
  at: sql`cd.delivered_at`,
  tie: (cursor, older) =>
    older
      ? sql`(c.sha, cd.commit_id) > ((select sha from commits where id = ${cursor.id}), ${cursor.id})`
      : sql`(c.sha, cd.commit_id) < ((select sha from commits where id = ${cursor.id}), ${cursor.id})`,
  order: (older) => (older ? sql`cd.delivered_at desc, c.sha asc, cd.commit_id asc` : sql`cd.delivered_at asc, c.sha desc, cd.commit_id desc`),
};

/** A page of the commits delivered in the window with their leads (the leads of leadsCte in metrics.ts): through commit_deliveries_env_at_idx (one service: commit_deliveries_service_env_at_idx). */
export async function leadTimePage(q: Queryable, scope: MetricScope, seek: Seek): Promise<Page<LeadTimePageRow>> {
  return readPage(
    async (where, order, limit) =>
      allRows<LeadTimePageRow>(q, sql`select c.sha, c.message, s.slug as service, c.timestamp as "committedAt", cd.deployment_id as "deploymentId",
          cd.delivered_at as "deliveredAt", cd.seconds, cd.commit_id as "commitId"
        from ${inOrderFrom(q, scope, "commit_deliveries", "cd")} ${orderedJoin(q)} commits c on c.id = cd.commit_id
        where cd.environment = ${scope.environment} and cd.delivered_at >= ${scope.from.getTime()} and cd.delivered_at < ${scope.to.getTime()}
          and ${countedLead("cd")}${serviceFilter(scope)}${where}
        order by ${order} limit ${limitOf(limit)}`),
    leadOrder,
    seek,
    (r) => ({ at: r.deliveredAt, id: r.commitId }),
  );
}

/** A page of the failed changes with what recovered each (the same rule, from the same evidence, as the figure: metric-facts.ts recoveredAt): through failed_changes_env_finished_idx (one service: failed_changes_service_env_finished_idx). */
export async function failedChangesPage(q: Queryable, scope: MetricScope, seek: Seek): Promise<Page<FailedChangeRow>> {
  return readPage(
    async (where, order, limit) =>
      allRows<FailedChangeRow>(q, sql`select id, service, version, "finishedAt", "changeFailed", "rollbackId", "incidentIds", "recoveredAt",
          case
            when "recoveredAt" is null then null
            when "recoveredAt" = "rollbackAt" then 'rollback'
            when incidents > 0 then 'incidents resolved'
            else 'next deployment'
          end as rule
        from (select f.deployment_id as id, s.slug as service, dep.version, f.finished_at as "finishedAt", f.change_failed as "changeFailed",
            (select r.id from counted_deployments r where r.rollback_of_id = f.deployment_id order by r.finished_at limit 1) as "rollbackId",
            (select ${sql.raw(dialectOf(q).joined("i.id", ","))} from incidents i where i.caused_by_id = f.deployment_id) as "incidentIds",
            ${recoveredAt} as "recoveredAt", f.rollback_at as "rollbackAt", f.incidents
          from ${inOrderFrom(q, scope, "failed_changes", "f")} ${orderedJoin(q)} deployments dep on dep.id = f.deployment_id
          where f.environment = ${scope.environment} and f.finished_at >= ${scope.from.getTime()} and f.finished_at < ${scope.to.getTime()}${serviceFilter(scope)}${where}) as failed
        order by ${order} limit ${limitOf(limit)}`),
    // Ordered by the subquery's columns, which SQLite flattens into the index's order.
    newestFirst(sql`f.finished_at`, sql`f.deployment_id`, sql`"finishedAt"`, sql`id`),
    seek,
    (r) => ({ at: r.finishedAt, id: r.id }),
  );
}

/** A page of the incidents started in the window, newest first then by id: through incidents_started_idx (one service: incidents_service_started_idx). */
export async function restorePage(q: Queryable, scope: MetricScope, seek: Seek): Promise<Page<RestoreRow>> {
  return readPage(
    async (where, order, limit) =>
      allRows<RestoreRow>(q, sql`select i.id, i.title, s.slug as service, i.severity, i.started_at as "startedAt",
          i.acknowledged_at as "acknowledgedAt", case when i.status = 'resolved' then i.resolved_at end as "resolvedAt"
        from ${inOrderFrom(q, scope, "incidents", "i")}
        where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()}${serviceFilter(scope)}${where}
        order by ${order} limit ${limitOf(limit)}`),
    newestFirst(sql`i.started_at`, sql`i.id`),
    seek,
    (r) => ({ at: r.startedAt, id: r.id }),
  );
}

/** How many incidents started in the window (no figure counts them all): index-only, incidents_started_idx or incidents_service_started_idx. */
export async function countIncidents(q: Queryable, scope: MetricScope): Promise<number> {
  const row = await firstRow<{ n: number }>(q, sql`select count(*) as n from ${fromInScope(scope, "incidents", "i")}
    where i.started_at >= ${scope.from.getTime()} and i.started_at < ${scope.to.getTime()}${serviceFilter(scope)}`);
  return row?.n ?? 0;
}
