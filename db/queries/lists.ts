import { and, count, desc, eq, inArray, ne, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { changeRequests, deployments, incidents, services, user } from "../schema";

/* Newest-first lists behind the Deployments, Incidents and Changes pages, optionally for one service. */

export type ListFilter = { service?: string; team?: string; services?: string[]; severity?: string; openOnly?: boolean; ids?: number[]; awaitingApproval?: boolean };

const OPEN_CHANGE_STATUSES = ["draft", "pending_approval", "approved"] as const;

export function listRecentDeployments(db: DbOrTx, limit: number, filter: ListFilter = {}) {
  return db
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
    .limit(limit)
    .all();
}
export type DeploymentRow = ReturnType<typeof listRecentDeployments>[number];

/** Open incidents first (most severe first), then the rest newest first. */
export function listIncidents(db: DbOrTx, limit: number, filter: ListFilter = {}) {
  return db
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
      ),
    )
    .orderBy(sql`${incidents.status} = 'resolved'`, sql`case when ${incidents.status} = 'resolved' then 0 else ${incidents.severity} end`, desc(incidents.startedAt))
    .limit(limit)
    .all();
}
export type IncidentRow = ReturnType<typeof listIncidents>[number];

function changeFilters(filter: ListFilter) {
  return and(
    filter.service === undefined ? undefined : eq(services.slug, filter.service),
    filter.openOnly ? inArray(changeRequests.status, OPEN_CHANGE_STATUSES) : undefined,
    filter.ids ? inArray(changeRequests.id, filter.ids) : undefined,
    filter.team === undefined ? undefined : eq(services.team, filter.team),
    filter.services?.length ? inArray(services.slug, filter.services) : undefined,
    // Pending, or an emergency change already made that still needs its retroactive approval.
    filter.awaitingApproval
      ? and(or(eq(changeRequests.status, "pending_approval"), eq(changeRequests.awaitingRetroactiveApproval, true)), notInArray(changeRequests.status, ["rejected", "cancelled"]))
      : undefined,
  );
}

export function countChanges(db: DbOrTx, filter: ListFilter): number {
  return db.select({ n: count() }).from(changeRequests).innerJoin(services, eq(services.id, changeRequests.serviceId)).where(changeFilters(filter)).get()?.n ?? 0;
}

export function listChanges(db: DbOrTx, limit: number, filter: ListFilter = {}) {
  return db
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
    .all();
}
export type ChangeRow = ReturnType<typeof listChanges>[number];

/** What is waiting on people right now: open incidents and changes pending approval. */
export function openWorkCounts(db: DbOrTx): { openIncidents: number; pendingApprovals: number } {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    openIncidents: n(db.select({ n: count() }).from(incidents).where(ne(incidents.status, "resolved")).get()),
    pendingApprovals: n(db.select({ n: count() }).from(changeRequests).where(eq(changeRequests.status, "pending_approval")).get()),
  };
}

/** The listed changes, by id (for the approvals queue). */
export function listChangesByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return listChanges(db, ids.length, { ids });
}
