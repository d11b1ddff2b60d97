import { and, desc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { deployments, incidents, incidentUpdates, services, user, type Incident, type NewIncident } from "../schema";

export function findIncidentById(db: DbOrTx, id: number): Incident | undefined {
  return db.select().from(incidents).where(eq(incidents.id, id)).get();
}

export function findIncidentByExternalId(db: DbOrTx, source: string, externalId: string): Incident | undefined {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.source, source), eq(incidents.externalId, externalId)))
    .get();
}

export function insertIncident(db: DbOrTx, values: NewIncident): Incident {
  return db.insert(incidents).values(values).returning().get();
}

export function updateIncident(db: DbOrTx, id: number, values: Partial<NewIncident>): Incident {
  return db.update(incidents).set(values).where(eq(incidents.id, id)).returning().get();
}

export function insertIncidentUpdate(db: DbOrTx, values: typeof incidentUpdates.$inferInsert): void {
  db.insert(incidentUpdates).values(values).run();
}

export function serviceSlugOf(db: DbOrTx, serviceId: number): string {
  return db.select({ slug: services.slug }).from(services).where(eq(services.id, serviceId)).get()!.slug;
}

export type CandidateDeployment = { id: number; environment: string; version: string | null; sha: string | null; finishedAt: Date; deployedBy: string | null };

/** Successful deployments of the incident's service that finished in the `hours` before it started, newest first. */
export function candidateDeployments(db: DbOrTx, incident: Pick<Incident, "serviceId" | "startedAt">, hours: number): CandidateDeployment[] {
  const from = new Date(incident.startedAt.getTime() - hours * 3_600_000);
  return db
    .select({ id: deployments.id, environment: deployments.environment, version: deployments.version, sha: deployments.sha, finishedAt: deployments.finishedAt, deployedBy: deployments.deployedBy })
    .from(deployments)
    .where(and(eq(deployments.serviceId, incident.serviceId), eq(deployments.status, "success"), gte(deployments.finishedAt, from), lte(deployments.finishedAt, incident.startedAt)))
    .orderBy(desc(deployments.finishedAt))
    .limit(50)
    .all() as CandidateDeployment[];
}

export function listIncidentUpdates(db: DbOrTx, incidentId: number) {
  return db
    .select({ id: incidentUpdates.id, kind: incidentUpdates.kind, status: incidentUpdates.status, body: incidentUpdates.body, createdAt: incidentUpdates.createdAt, author: user.name })
    .from(incidentUpdates)
    .leftJoin(user, eq(user.id, incidentUpdates.authorId))
    .where(eq(incidentUpdates.incidentId, incidentId))
    .orderBy(desc(incidentUpdates.createdAt), desc(incidentUpdates.id))
    .all();
}

export function incidentsCausedBy(db: DbOrTx, deploymentId: number) {
  return db.select({ id: incidents.id, title: incidents.title, severity: incidents.severity, status: incidents.status }).from(incidents).where(eq(incidents.causedById, deploymentId)).all();
}

/** Open SEV1 and SEV2 incidents, most severe and oldest first: the banner every page shows. */
export function openMajorIncidents(db: DbOrTx) {
  return db
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity })
    .from(incidents)
    .where(and(ne(incidents.status, "resolved"), inArray(incidents.severity, ["SEV1", "SEV2"])))
    .orderBy(incidents.severity, incidents.startedAt)
    .all();
}
