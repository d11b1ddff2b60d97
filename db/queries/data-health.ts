import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { dialectOf } from "../dialect";
import { allRows, firstRow } from "../raw";

/**
 * What makes the figures weaker, counted and listed from the indexes. The rules (which incidents, which
 * window, what bound) are decided in lib/data-health/rules.ts and arrive here as values; each category's
 * condition is written once below and shared by its count and its list, so a list shows what was counted.
 */
export type DataHealthScope = {
  /** The environment the figures count by default. */
  environment: string;
  /** Epoch ms: incidents started, deployments finished and commits delivered from then on are looked at. */
  since: number;
  /** The status after which an incident's cause should have been decided. */
  settledStatus: string;
  /** A lead time above this many seconds is taken for a wrong timestamp. */
  leadBoundSeconds: number;
  /** Epoch ms: webhook deliveries received from then on. */
  deliveriesSince: number;
  /** The delivery outcomes that count as failed. */
  failedOutcomes: readonly string[];
  /** Narrowed to one team's services, or one service (both: that service, if it is the team's). */
  team?: string;
  service?: string;
};

export type DataHealthCounts = { incidents: number; deployments: number; services: number; leadTimes: number; webhooks: number };

export type UndecidedIncidentRow = { id: number; title: string; service: string; startedAt: number };
export type UncommittedDeploymentRow = { id: number; service: string; version: string | null; finishedAt: number };
export type TeamlessServiceRow = { slug: string; name: string };
export type LongLeadRow = { sha: string; service: string; deploymentId: number; deliveredAt: number; seconds: number };
export type FailedDeliveriesRow = { integrationId: number; name: string; source: string; failed: number; lastAt: number };

/**
 * ` and <column> in (the scope's services)`, nothing when the scope is every service. Webhook deliveries
 * are not narrowed: an integration serves many services, and a refused delivery names none of them.
 */
function ofServices(s: DataHealthScope, column: SQL): SQL {
  const conditions = [s.team === undefined ? null : sql`team = ${s.team}`, s.service === undefined ? null : sql`slug = ${s.service}`].filter((c): c is SQL => c !== null);
  return conditions.length ? sql` and ${column} in (select id from services where ${sql.join(conditions, sql` and `)})` : sql``;
}

/** A resolved incident no deployment is blamed for and whose cause nobody has recorded a decision on (an Updates entry of kind "cause"). */
const undecidedIncident = (s: DataHealthScope): SQL => sql`
  i.status = ${s.settledStatus} and i.started_at >= ${s.since} and i.caused_by_id is null
  and not exists (select 1 from incident_updates u where u.incident_id = i.id and u.kind = 'cause')${ofServices(s, sql`i.service_id`)}`;

/** Read along deployments_delivered_idx; each candidate is one probe of deployment_commits' primary key. */
const uncommittedDeployment = (s: DataHealthScope): SQL => sql`
  d.environment = ${s.environment} and d.status = 'success' and d.finished_at >= ${s.since} and d.rollback_of_id is null
  and not exists (select 1 from deployment_commits dc where dc.deployment_id = d.id)${ofServices(s, sql`d.service_id`)}`;

const teamlessService = (s: DataHealthScope): SQL => sql`coalesce(trim(s.team), '') = ''${ofServices(s, sql`s.id`)}`;

/** Read along commit_deliveries_env_at_idx, which covers the lead time itself. */
const longLead = (s: DataHealthScope): SQL =>
  sql`cd.environment = ${s.environment} and cd.delivered_at >= ${s.since} and cd.seconds > ${s.leadBoundSeconds}${ofServices(s, sql`cd.service_id`)}`;

/**
 * From each integration into its (integration_id, received_at) index: the log is never pruned, so reading
 * it by time alone would scan every delivery ever received. `ig` and `w` must be in scope.
 */
const deliveriesOfIntegrations = (q: Queryable): SQL => sql`integrations ig ${sql.raw(dialectOf(q).orderedJoin)} webhook_deliveries w on w.integration_id = ig.id`;

const failedDelivery = (s: DataHealthScope): SQL => sql`w.outcome in (${sql.join(s.failedOutcomes.map((o) => sql`${o}`), sql`, `)}) and w.received_at >= ${s.deliveriesSince}`;

/** Every category's count in one statement: what the overview's notice asks on each data version. */
export async function dataHealthCounts(q: Queryable, s: DataHealthScope): Promise<DataHealthCounts> {
  const row = await firstRow<Record<keyof DataHealthCounts, number | string>>(
    q,
    sql`select
      (select count(*) from incidents i where ${undecidedIncident(s)}) as "incidents",
      (select count(*) from deployments d where ${uncommittedDeployment(s)}) as "deployments",
      (select count(*) from services s where ${teamlessService(s)}) as "services",
      (select count(*) from commit_deliveries cd where ${longLead(s)}) as "leadTimes",
      (select count(*) from ${deliveriesOfIntegrations(q)} where ${failedDelivery(s)}) as "webhooks"`,
  );
  // PostgreSQL's count(*) is a bigint, which its driver hands over as text.
  return {
    incidents: Number(row?.incidents ?? 0),
    deployments: Number(row?.deployments ?? 0),
    services: Number(row?.services ?? 0),
    leadTimes: Number(row?.leadTimes ?? 0),
    webhooks: Number(row?.webhooks ?? 0),
  };
}

/** The most recently started undecided incidents. */
export async function undecidedIncidents(q: Queryable, s: DataHealthScope, limit: number): Promise<UndecidedIncidentRow[]> {
  const rows = await allRows<UndecidedIncidentRow>(
    q,
    sql`select i.id as "id", i.title as "title", sv.name as "service", i.started_at as "startedAt"
      from incidents i join services sv on sv.id = i.service_id
      where ${undecidedIncident(s)} order by i.started_at desc, i.id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), startedAt: Number(r.startedAt) }));
}

/** The most recently finished deployments that list no commits. */
export async function uncommittedDeployments(q: Queryable, s: DataHealthScope, limit: number): Promise<UncommittedDeploymentRow[]> {
  const rows = await allRows<UncommittedDeploymentRow>(
    q,
    sql`select d.id as "id", sv.name as "service", d.version as "version", d.finished_at as "finishedAt"
      from deployments d join services sv on sv.id = d.service_id
      where ${uncommittedDeployment(s)} order by d.finished_at desc, d.id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), finishedAt: Number(r.finishedAt) }));
}

/** Services with no team, the newest first: most are ones a deployment has just named for the first time. */
export async function teamlessServices(q: Queryable, s: DataHealthScope, limit: number): Promise<TeamlessServiceRow[]> {
  return await allRows<TeamlessServiceRow>(q, sql`select s.slug as "slug", s.name as "name" from services s where ${teamlessService(s)} order by s.created_at desc, s.id desc limit ${limit}`);
}

/** The longest lead times above the bound. */
export async function longLeadTimes(q: Queryable, s: DataHealthScope, limit: number): Promise<LongLeadRow[]> {
  const rows = await allRows<LongLeadRow>(
    q,
    sql`select c.sha as "sha", sv.slug as "service", cd.deployment_id as "deploymentId", cd.delivered_at as "deliveredAt", cd.seconds as "seconds"
      from commit_deliveries cd join commits c on c.id = cd.commit_id join services sv on sv.id = cd.service_id
      where ${longLead(s)} order by cd.seconds desc, cd.commit_id limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, deploymentId: Number(r.deploymentId), deliveredAt: Number(r.deliveredAt), seconds: Number(r.seconds) }));
}

/** The integrations with failed deliveries, most failures first. */
export async function failedDeliveries(q: Queryable, s: DataHealthScope, limit: number): Promise<FailedDeliveriesRow[]> {
  const rows = await allRows<FailedDeliveriesRow>(
    q,
    sql`select w.integration_id as "integrationId", ig.name as "name", ig.source as "source", count(*) as "failed", max(w.received_at) as "lastAt"
      from ${deliveriesOfIntegrations(q)}
      where ${failedDelivery(s)} group by w.integration_id, ig.name, ig.source order by count(*) desc, w.integration_id limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, integrationId: Number(r.integrationId), failed: Number(r.failed), lastAt: Number(r.lastAt) }));
}
