import type { Queryable } from "@/db/database";
import type { Incident } from "@/db/schema";
import { serviceSlugOf } from "@/db/queries/incidents";
import { findUserById } from "@/db/queries/users";
import { isoOrNull } from "@/lib/time";

/** An incident as the API returns it; `communications` is the email of the person in that role. */
export function incidentJson(i: Incident, service: string, communications: string | null) {
  return {
    id: i.id,
    title: i.title,
    service,
    severity: i.severity,
    status: i.status,
    startedAt: i.startedAt.toISOString(),
    acknowledgedAt: isoOrNull(i.acknowledgedAt),
    resolvedAt: isoOrNull(i.resolvedAt),
    causedBy: i.causedById,
    summary: i.summary,
    communications,
    externalId: i.externalId,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** The API's answer for an incident, with the names it refers to looked up. */
export async function incidentPayload(q: Queryable, i: Incident) {
  const communications = i.communicationsId ? ((await findUserById(q, i.communicationsId))?.email ?? null) : null;
  return incidentJson(i, await serviceSlugOf(q, i.serviceId), communications);
}
