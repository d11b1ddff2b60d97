import { and, count, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../database";
import { changeRequests, deployments, incidents, services, user, type ChangeStatus } from "../schema";

/* Newest-first lists behind the Deployments, Incidents and Changes pages, optionally for one service. */

export type ListFilter = {
  service?: string;
  team?: string;
  services?: string[];
  severity?: string;
  /** Incidents not resolved. */
  openOnly?: boolean;
  /** Incidents this person leads. */
  leadId?: string;
  /** Changes someone can still act on at this instant (see `actionableChange`). */
  actionableAt?: Date;
  /** Changes gone stale by this instant (see `staleChange`). */
  staleAt?: Date;
  ids?: number[];
  awaitingApproval?: boolean;
  status?: ChangeStatus;
  type?: (typeof changeRequests.type.enumValues)[number];
  requesterId?: string;
};

/** A draft or an approved change is only worth doing while its planned window lasts (or when it has none). */
const UNDONE_CHANGE_STATUSES = ["draft", "approved"] as const;

/** Waiting for a decision, or a draft or approved change whose planned window has not ended. */
const actionableChange = (now: Date) =>
  or(eq(changeRequests.status, "pending_approval"), and(inArray(changeRequests.status, UNDONE_CHANGE_STATUSES), or(isNull(changeRequests.plannedEnd), gte(changeRequests.plannedEnd, now))));

/** A draft or approved change whose planned window ended without it being implemented. */
const staleChange = (now: Date) => and(inArray(changeRequests.status, UNDONE_CHANGE_STATUSES), lt(changeRequests.plannedEnd, now));

export async function listRecentDeployments(q: Queryable, limit: number, filter: ListFilter = {}) {
  return q
    .select({
      id: deployments.id,
      service: services.slug,
      serviceName: services.name,
      team: services.team,
      environment: deployments.environment,
      version: deployments.version,
      status: deployments.status,
      startedAt: deployments.startedAt,
      finishedAt: deployments.finishedAt,
      deployedBy: deployments.deployedBy,
      rollbackOfId: deployments.rollbackOfId,
      unplanned: deployments.unplanned,
      changeFailed: deployments.changeFailed,
    })
    .from(deployments)
    .innerJoin(services, eq(services.id, deployments.serviceId))
    .where(filter.service === undefined ? undefined : eq(services.slug, filter.service))
    .orderBy(desc(sql`coalesce(${deployments.finishedAt}, ${deployments.startedAt}, ${deployments.createdAt})`), desc(deployments.id))
    .limit(limit);
}
export type DeploymentRow = Awaited<ReturnType<typeof listRecentDeployments>>[number];

/** Open incidents first (most severe first), then the rest newest first. */
export async function listIncidents(q: Queryable, limit: number, filter: ListFilter = {}) {
  return q
    .select({
      id: incidents.id,
      title: incidents.title,
      service: services.slug,
      serviceName: services.name,
      team: services.team,
      severity: incidents.severity,
      status: incidents.status,
      startedAt: incidents.startedAt,
      resolvedAt: incidents.resolvedAt,
      lead: user.name,
    })
    .from(incidents)
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(user, eq(user.id, incidents.leadId))
    .where(
      and(
        filter.service === undefined ? undefined : eq(services.slug, filter.service),
        filter.team === undefined ? undefined : eq(services.team, filter.team),
        filter.services?.length ? inArray(services.slug, filter.services) : undefined,
        filter.severity === undefined ? undefined : eq(incidents.severity, filter.severity as (typeof incidents.severity.enumValues)[number]),
        filter.openOnly ? ne(incidents.status, "resolved") : undefined,
        filter.leadId === undefined ? undefined : eq(incidents.leadId, filter.leadId),
      ),
    )
    .orderBy(sql`${incidents.status} = 'resolved'`, sql`case when ${incidents.status} = 'resolved' then '' else ${incidents.severity} end`, desc(incidents.startedAt))
    .limit(limit);
}
export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>[number];

function changeFilters(filter: ListFilter) {
  return and(
    filter.service === undefined ? undefined : eq(services.slug, filter.service),
    filter.actionableAt ? actionableChange(filter.actionableAt) : undefined,
    filter.staleAt ? staleChange(filter.staleAt) : undefined,
    filter.ids ? inArray(changeRequests.id, filter.ids) : undefined,
    filter.team === undefined ? undefined : eq(services.team, filter.team),
    filter.services?.length ? inArray(services.slug, filter.services) : undefined,
    filter.status === undefined ? undefined : eq(changeRequests.status, filter.status),
    filter.type === undefined ? undefined : eq(changeRequests.type, filter.type),
    filter.requesterId === undefined ? undefined : eq(changeRequests.requesterId, filter.requesterId),
    // Pending, or an emergency change already made that still needs its retroactive approval.
    filter.awaitingApproval
      ? and(or(eq(changeRequests.status, "pending_approval"), eq(changeRequests.awaitingRetroactiveApproval, true)), notInArray(changeRequests.status, ["rejected", "cancelled"]))
      : undefined,
  );
}

export async function countChanges(q: Queryable, filter: ListFilter): Promise<number> {
  const rows = await q.select({ n: count() }).from(changeRequests).innerJoin(services, eq(services.id, changeRequests.serviceId)).where(changeFilters(filter));
  return rows[0]?.n ?? 0;
}

export async function listChanges(q: Queryable, limit: number, filter: ListFilter = {}, offset = 0) {
  return q
    .select({
      id: changeRequests.id,
      title: changeRequests.title,
      service: services.slug,
      serviceName: services.name,
      team: services.team,
      type: changeRequests.type,
      risk: changeRequests.risk,
      status: changeRequests.status,
      awaitingRetroactiveApproval: changeRequests.awaitingRetroactiveApproval,
      plannedStart: changeRequests.plannedStart,
      createdAt: changeRequests.createdAt,
      requester: user.name,
    })
    .from(changeRequests)
    .innerJoin(services, eq(services.id, changeRequests.serviceId))
    .leftJoin(user, eq(user.id, changeRequests.requesterId))
    .where(changeFilters(filter))
    .orderBy(desc(changeRequests.createdAt), desc(changeRequests.id))
    .limit(limit)
    .offset(offset);
}
export type ChangeRow = Awaited<ReturnType<typeof listChanges>>[number];

/** The people who requested some change, by name: the change list's requester filter. */
export async function listChangeRequesters(q: Queryable): Promise<{ id: string; name: string }[]> {
  return q
    .selectDistinct({ id: user.id, name: user.name })
    .from(user)
    .innerJoin(changeRequests, eq(changeRequests.requesterId, user.id))
    .orderBy(user.name, user.id);
}

/** What is waiting on people right now: open incidents and changes pending approval. */
export async function openWorkCounts(q: Queryable): Promise<{ openIncidents: number; pendingApprovals: number }> {
  const n = (rows: { n: number }[]) => rows[0]?.n ?? 0;
  return {
    openIncidents: n(await q.select({ n: count() }).from(incidents).where(ne(incidents.status, "resolved"))),
    pendingApprovals: n(await q.select({ n: count() }).from(changeRequests).where(eq(changeRequests.status, "pending_approval"))),
  };
}

/** The listed changes, by id (for the approvals queue). */
export async function listChangesByIds(q: Queryable, ids: number[]): Promise<ChangeRow[]> {
  if (ids.length === 0) return [];
  return listChanges(q, ids.length, { ids });
}
