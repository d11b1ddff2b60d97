import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { incidents, incidentUpdates, services, type Incident, type NewIncident } from "../schema";

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
