import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, or } from "drizzle-orm";
import type { Queryable } from "../database";
import { deployments, INCIDENT_ENVIRONMENT, incidents, incidentUpdates, services, user, WRITTEN_UPDATE_KINDS, type Incident, type NewIncident } from "../schema";

export async function findIncidentById(q: Queryable, id: number): Promise<Incident | undefined> {
  return (await q.select().from(incidents).where(eq(incidents.id, id)).limit(1))[0];
}

export async function findIncidentByExternalId(q: Queryable, source: string, externalId: string): Promise<Incident | undefined> {
  return (
    await q
      .select()
      .from(incidents)
      .where(and(eq(incidents.source, source), eq(incidents.externalId, externalId)))
      .limit(1)
  )[0];
}

export async function insertIncident(q: Queryable, values: NewIncident): Promise<Incident> {
  return (await q.insert(incidents).values(values).returning())[0]!;
}

export async function updateIncident(q: Queryable, id: number, values: Partial<NewIncident>): Promise<Incident> {
  return (await q.update(incidents).set(values).where(eq(incidents.id, id)).returning())[0]!;
}

/** Incidents after `afterId` whose summary or postmortem has no stored HTML yet (rows older than migration 0017). */
export async function incidentsWithoutHtml(q: Queryable, afterId: number, limit: number) {
  return q
    .select({ id: incidents.id, summary: incidents.summary, postmortem: incidents.postmortem })
    .from(incidents)
    .where(and(gt(incidents.id, afterId), or(and(isNotNull(incidents.summary), isNull(incidents.summaryHtml)), and(isNotNull(incidents.postmortem), isNull(incidents.postmortemHtml)))))
    .orderBy(asc(incidents.id))
    .limit(limit);
}

export async function setIncidentHtml(q: Queryable, id: number, html: { summaryHtml: string | null; postmortemHtml: string | null }): Promise<void> {
  await q.update(incidents).set(html).where(eq(incidents.id, id));
}

/** Updates after `afterId` whose body has no stored HTML yet. */
export async function updatesWithoutHtml(q: Queryable, afterId: number, limit: number) {
  return q
    .select({ id: incidentUpdates.id, body: incidentUpdates.body })
    .from(incidentUpdates)
    .where(and(gt(incidentUpdates.id, afterId), inArray(incidentUpdates.kind, [...WRITTEN_UPDATE_KINDS]), isNotNull(incidentUpdates.body), isNull(incidentUpdates.bodyHtml)))
    .orderBy(asc(incidentUpdates.id))
    .limit(limit);
}

export async function setIncidentUpdateHtml(q: Queryable, id: number, bodyHtml: string | null): Promise<void> {
  await q.update(incidentUpdates).set({ bodyHtml }).where(eq(incidentUpdates.id, id));
}

export async function insertIncidentUpdate(q: Queryable, values: typeof incidentUpdates.$inferInsert): Promise<void> {
  await q.insert(incidentUpdates).values(values);
}

/** Whether someone has moved the incident to another service (an Updates entry of kind "service"). */
export async function wasMoved(q: Queryable, incidentId: number): Promise<boolean> {
  return (await q.select({ id: incidentUpdates.id }).from(incidentUpdates).where(and(eq(incidentUpdates.incidentId, incidentId), eq(incidentUpdates.kind, "service"))).limit(1)).length > 0;
}

export async function serviceSlugOf(q: Queryable, serviceId: number): Promise<string> {
  return (await q.select({ slug: services.slug }).from(services).where(eq(services.id, serviceId)).limit(1))[0]!.slug;
}

export type CandidateDeployment = { id: number; environment: string; version: string | null; sha: string | null; finishedAt: Date; deployedBy: string | null };

/** Successful deployments of the incident's service and environment that finished in the `hours` before it started, newest first. */
export async function candidateDeployments(q: Queryable, incident: Pick<Incident, "serviceId" | "startedAt">, hours: number): Promise<CandidateDeployment[]> {
  const from = new Date(incident.startedAt.getTime() - hours * 3_600_000);
  return (await q
    .select({ id: deployments.id, environment: deployments.environment, version: deployments.version, sha: deployments.sha, finishedAt: deployments.finishedAt, deployedBy: deployments.deployedBy })
    .from(deployments)
    .where(and(eq(deployments.serviceId, incident.serviceId), eq(deployments.environment, INCIDENT_ENVIRONMENT), eq(deployments.status, "success"), gte(deployments.finishedAt, from), lte(deployments.finishedAt, incident.startedAt)))
    .orderBy(desc(deployments.finishedAt))
    .limit(50)) as CandidateDeployment[];
}

export async function listIncidentUpdates(q: Queryable, incidentId: number) {
  return q
    .select({ id: incidentUpdates.id, kind: incidentUpdates.kind, status: incidentUpdates.status, body: incidentUpdates.body, bodyHtml: incidentUpdates.bodyHtml, createdAt: incidentUpdates.createdAt, author: user.name })
    .from(incidentUpdates)
    .leftJoin(user, eq(user.id, incidentUpdates.authorId))
    .where(eq(incidentUpdates.incidentId, incidentId))
    .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.id));
}

export async function incidentsCausedBy(q: Queryable, deploymentId: number) {
  return q.select({ id: incidents.id, title: incidents.title, severity: incidents.severity, status: incidents.status }).from(incidents).where(eq(incidents.causedById, deploymentId));
}

/** Open SEV1 and SEV2 incidents, most severe and oldest first: the banner every page shows. */
export async function openMajorIncidents(q: Queryable) {
  return q
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity })
    .from(incidents)
    .where(and(ne(incidents.status, "resolved"), inArray(incidents.severity, ["SEV1", "SEV2"])))
    .orderBy(incidents.severity, incidents.startedAt);
}

/** Open incidents this person leads. */
export async function countOpenLedBy(q: Queryable, leadId: string): Promise<number> {
  return (await q.select({ n: count() }).from(incidents).where(and(eq(incidents.leadId, leadId), ne(incidents.status, "resolved"))))[0]?.n ?? 0;
}

/** The service's SEV1 and SEV2 incidents open at some moment of [from, to], most severe and oldest first: what holds its deployments back. */
export async function majorIncidentsBetween(q: Queryable, serviceId: number, from: Date, to: Date) {
  return q
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity, startedAt: incidents.startedAt, resolvedAt: incidents.resolvedAt })
    .from(incidents)
    .where(and(eq(incidents.serviceId, serviceId), inArray(incidents.severity, ["SEV1", "SEV2"]), lte(incidents.startedAt, to), or(isNull(incidents.resolvedAt), gt(incidents.resolvedAt, from))))
    .orderBy(incidents.severity, incidents.startedAt);
}
